// Stores reconnect through actions: a close handler dispatches (`dispatch('connect')`,
// `store.dispatch(wsConnect(url))`, `dispatch({ type: WS_CONNECT })`) and the code that handles
// that action opens the socket — a Vuex/Pinia action of that name (a member of an `actions`
// object), or the `case` of a Redux reducer or middleware that tests the action's type. A dispatch
// "runs" that code, so reconnect-paths follows it like a call. Found by syntax and the action's
// type as a string value (a literal, a constant, an action creator's `type`), indexed once per
// program from the project files that mention actions or types.
import * as ts from 'typescript';
import type { FunctionNode } from './calls-in-functions';
import { isProjectFile } from './declared-runtimes';
import { STORE_ACTIONS_TEXT, STORE_TYPES_TEXT, noteFile, noteKey } from './socket-flow/reads';
import { functionOf } from './handler-functions';
import { isFunctionLike, skipOuterExpressions } from './syntax';
import { calleeName } from './timers';

/** What a dispatch runs: action functions (Vuex/Pinia) and the statements of `case`/`if` branches taken for its type (Redux). */
export interface DispatchedCode {
  readonly action: string;
  readonly functions: readonly FunctionNode[];
  readonly branches: readonly ts.Node[];
}

const ACTIONS_OBJECT = /^(actions|\w+Actions)$/;

/** A program's store code, found once: action members by name, and the branches that test an action's type with the value they test. */
interface StoreIndex {
  readonly actions: ReadonlyMap<string, readonly FunctionNode[]>;
  readonly typeBranches: ReadonlyArray<{ readonly tested: ts.Expression; readonly branch: ts.Node }>;
}
const storeIndexes = new WeakMap<ts.Program, StoreIndex>();

/** The action a `dispatch(…)` call sends and the project code that handles it, when the call is a dispatch. */
export function dispatchedCode(call: ts.CallExpression, program: ts.Program, checker: ts.TypeChecker): DispatchedCode | undefined {
  if (calleeName(call) !== 'dispatch' || !call.arguments[0]) return undefined;
  const action = actionType(call.arguments[0], checker);
  if (!action) return undefined;
  const index = storeIndexOf(program);
  const functions = index.actions.get(action.slice(action.lastIndexOf('/') + 1)) ?? [];
  const branches = index.typeBranches.filter((b) => stringValue(b.tested, checker) === action).map((b) => b.branch);
  // For --cache: a file that gains store code could change the answer; the files found are read.
  noteKey('storeCode', action);
  for (const code of [...functions, ...branches]) noteFile(code.getSourceFile().fileName);
  return functions.length > 0 || branches.length > 0 ? { action, functions, branches } : undefined;
}

function storeIndexOf(program: ts.Program): StoreIndex {
  const known = storeIndexes.get(program);
  if (known) return known;
  const actions = new Map<string, FunctionNode[]>();
  const typeBranches: Array<{ tested: ts.Expression; branch: ts.Node }> = [];
  for (const file of program.getSourceFiles()) {
    if (!isProjectFile(file, program)) continue;
    const hasActions = STORE_ACTIONS_TEXT.test(file.text);
    const hasTypes = STORE_TYPES_TEXT.test(file.text);
    if (!hasActions && !hasTypes) continue;
    const visit = (node: ts.Node): void => {
      const member = hasActions ? actionMember(node) : undefined;
      if (member) {
        const list = actions.get(member.name) ?? [];
        list.push(member.fn);
        actions.set(member.name, list);
      }
      const branch = hasTypes ? typeBranch(node) : undefined;
      if (branch) typeBranches.push(branch);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  const index = { actions, typeBranches };
  storeIndexes.set(program, index);
  return index;
}

/**
 * The action's type as a string: `'connect'`, `{ type: WS_CONNECT }`, `wsConnect(url)` whose
 * creator returns `{ type: … }`, or `connect()` made by `createAction('ws/connect')`.
 */
function actionType(argument: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const node = skipOuterExpressions(argument);
  const direct = stringValue(node, checker);
  if (direct !== undefined) return direct;
  if (ts.isObjectLiteralExpression(node)) return typeProperty(node, checker);
  if (!ts.isCallExpression(node)) return undefined;
  const creator = functionOf(node.expression, checker);
  if (creator?.body) {
    const returned = ts.isBlock(creator.body) ? returnedObject(creator.body) : skipOuterExpressions(creator.body as ts.Expression);
    return returned && ts.isObjectLiteralExpression(returned) ? typeProperty(returned, checker) : undefined;
  }
  // Redux Toolkit: `const connect = createAction('ws/connect')`.
  const symbol = ts.isIdentifier(node.expression) ? checker.getSymbolAtLocation(node.expression) : undefined;
  const declaration = symbol?.valueDeclaration;
  const init = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuterExpressions(declaration.initializer) : undefined;
  return init && ts.isCallExpression(init) && calleeName(init) === 'createAction' && init.arguments[0] ? stringValue(init.arguments[0], checker) : undefined;
}

function typeProperty(object: ts.ObjectLiteralExpression, checker: ts.TypeChecker): string | undefined {
  for (const property of object.properties) {
    if (property.name && ts.isIdentifier(property.name) && property.name.text === 'type') {
      if (ts.isPropertyAssignment(property)) return stringValue(property.initializer, checker);
      if (ts.isShorthandPropertyAssignment(property)) return stringValue(property.name, checker);
    }
  }
  return undefined;
}

function returnedObject(body: ts.Block): ts.Expression | undefined {
  const statement = body.statements.find(ts.isReturnStatement);
  return statement?.expression && skipOuterExpressions(statement.expression);
}

/** A string literal, or an expression whose type is one string (a `const`, an enum member). */
function stringValue(expression: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isStringLiteralLike(node)) return node.text;
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
  const type = checker.getTypeAtLocation(node);
  return type.isStringLiteral() ? type.value : undefined;
}

/** `connect({ commit }) { … }` or `connect: function () { … }` in an `actions: { … }` object: its name and function. */
function actionMember(node: ts.Node): { name: string; fn: FunctionNode } | undefined {
  if (!ts.isMethodDeclaration(node) && !ts.isPropertyAssignment(node)) return undefined;
  if (!node.name || !(ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return undefined;
  const object = node.parent;
  if (!ts.isObjectLiteralExpression(object) || !isActionsObject(object)) return undefined;
  const name = node.name.text;
  if (ts.isMethodDeclaration(node)) return node.body ? { name, fn: node } : undefined;
  const fn = skipOuterExpressions(node.initializer);
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.body ? { name, fn } : undefined;
}

/** The object is the value of `actions: …` or `const actions = …` (`wsActions` too). */
function isActionsObject(object: ts.ObjectLiteralExpression): boolean {
  const holder = object.parent;
  if ((ts.isPropertyAssignment(holder) || ts.isVariableDeclaration(holder)) && holder.name && ts.isIdentifier(holder.name)) return ACTIONS_OBJECT.test(holder.name.text);
  return false;
}

/** `case WS_CONNECT: …` or `if (action.type === WS_CONNECT) …`: the value tested and the code that runs for it. */
function typeBranch(node: ts.Node): { tested: ts.Expression; branch: ts.Node } | undefined {
  if (ts.isCaseClause(node) && isTypeTest(node.parent.parent.expression)) return { tested: node.expression, branch: node };
  if (ts.isIfStatement(node) && ts.isBinaryExpression(node.expression)) {
    const { left, right, operatorToken } = node.expression;
    const equal = operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken;
    if (equal && isTypeTest(left)) return { tested: right, branch: node.thenStatement };
    if (equal && isTypeTest(right)) return { tested: left, branch: node.thenStatement };
  }
  return undefined;
}

/** `action.type`, `type` destructured from an action: what a reducer or middleware switches on. */
function isTypeTest(expression: ts.Expression): boolean {
  const node = skipOuterExpressions(expression);
  return (ts.isPropertyAccessExpression(node) && node.name.text === 'type') || (ts.isIdentifier(node) && node.text === 'type');
}

/** `this.connect()` in a store action (a member of an `actions` object, as Pinia writes them): the sibling action it calls. */
export function siblingAction(call: ts.CallExpression): FunctionNode | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  let fn: ts.Node | undefined = call.parent;
  while (fn && !(isFunctionLike(fn) && !ts.isArrowFunction(fn))) fn = fn.parent;
  const object = fn?.parent && ts.isPropertyAssignment(fn.parent) ? fn.parent.parent : fn?.parent;
  if (!object || !ts.isObjectLiteralExpression(object) || !isActionsObject(object)) return undefined;
  for (const property of object.properties) {
    const member = actionMember(property);
    if (member?.name === callee.name.text) return member.fn;
  }
  return undefined;
}
