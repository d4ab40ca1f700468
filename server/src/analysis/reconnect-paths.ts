// Where a close handler starts a new connection, and which received codes can get there. A
// connection starts at `new WebSocket(…)` (any constructor whose result classifies as a client
// socket) or at a call of a project function that starts one — followed through the program,
// through callbacks handed to timers, promises and backoff helpers (`setTimeout(connect, d)`,
// `retry(() => this.open())`), callback properties the helper was given (callback-properties.ts),
// timer objects (timer-objects.ts) and React state changes that re-run an effect
// (state-effects.ts), but not through functions merely registered as listeners.
import * as ts from 'typescript';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import { classifyReceiver } from './classify-receiver';
import { conditionValue, handlerParameterRoles, knownNumber, receivedClose, type CloseParameterRole, type ConditionValue, type ReceivedClose } from './close-code-conditions';
import { callbacksAssignedTo } from './callback-properties';
import type { CloseHandler } from './close-handlers';
import { functionOf } from './handler-functions';
import { contextOfNode, type AnalysisContext } from './context';
import { dispatchedCode, siblingAction } from './dispatched-actions';
import { effectsRerunBy } from './state-effects';
import { accessedName, isFunctionLike, isListenerArgument, listenerRegistration, skipOuterExpressions } from './syntax';
import { runtimesOfType } from './declared-runtimes';
import { callbacksStartedBy } from './timer-objects';
import { memberImplementations } from './implementations';

const MAX_DEPTH = 6;
/** How many functions deep a close is followed when handlers pass it on (`(e) => this.onClose(e)`). */
const MAX_HANDOFFS = 3;

/** A function that handles a close: the registered handler, or a function it passes the close on to. */
export interface CloseScope {
  readonly fn: CloseHandler['fn'];
  readonly close: ReceivedClose;
  readonly ctx: AnalysisContext;
}

/**
 * A new connection a close handler starts: the chain of calls from the handler to it, each in the
 * scope it is written in. Every step but the last passes the close on to the next scope.
 */
export interface ConnectionStart {
  readonly steps: ReadonlyArray<{ readonly node: ts.Expression; readonly scope: CloseScope }>;
  /** When the last step opens the connection indirectly: the timer object's callback, or the effect a state change re-runs. */
  readonly via?: ConnectionVia;
}

export type ConnectionVia =
  | { readonly kind: 'timer-callback'; readonly node: ts.Node; readonly timer: string }
  | { readonly kind: 'state-effect'; readonly node: ts.Node; readonly setter: string }
  | { readonly kind: 'dispatched-action'; readonly node: ts.Node; readonly action: string };

export function handlerScope(handler: CloseHandler, ctx: AnalysisContext): CloseScope {
  return { fn: handler.fn, close: receivedClose(handler.fn, handlerParameterRoles(handler), ctx), ctx };
}

/**
 * The calls and constructions in a scope's own code that lead to a new connection. A call that
 * passes the close on to a function of the project is followed into it as a scope of its own,
 * so the checks that function makes on the code count.
 */
export function connectionStarts(scope: CloseScope, handoffs = 0): ConnectionStart[] {
  const starts: ConnectionStart[] = [];
  const search: Search = { opens: new Map(), vias: new Map() };
  walkRunCode(scope.fn.body!, (node) => {
    const handoff = handoffs < MAX_HANDOFFS && ts.isCallExpression(node) ? handedOffTo(node, scope) : undefined;
    if (handoff) {
      for (const inner of connectionStarts(handoff, handoffs + 1)) starts.push({ ...inner, steps: [{ node, scope }, ...inner.steps] });
    } else if (leadsToConnection(node, scope.ctx, search, 0)) {
      const via = search.vias.get(node);
      starts.push({ steps: [{ node, scope }], ...(via ? { via } : {}) });
    }
  });
  return starts;
}

/** `this.onClose(socket, event)`: a project function given the close; its parameters take the roles of the arguments. */
function handedOffTo(call: ts.CallExpression, scope: CloseScope): CloseScope | undefined {
  const roles = call.arguments.map((argument) => scope.close.roleOf(argument));
  if (roles.every((role) => role === undefined)) return undefined;
  const fn = functionOf(call.expression, scope.ctx.checker) ?? onlyAssignedCallback(call.expression, scope.ctx);
  const file = fn?.getSourceFile();
  if (!fn?.body || !file || file.isDeclarationFile || scope.ctx.program.isSourceFileFromExternalLibrary(file)) return undefined;
  const parameterRoles = new Map<ts.ParameterDeclaration, CloseParameterRole>();
  fn.parameters.forEach((parameter, i) => {
    const role = roles[i];
    if (role && !parameter.dotDotDotToken) parameterRoles.set(parameter, role);
  });
  const ctx = contextOfNode(fn, scope.ctx);
  return { fn, close: receivedClose(fn, parameterRoles, ctx), ctx };
}

/** The one function the object's callback property was given (`this.ondisconnect(e)`), if exactly one. */
function onlyAssignedCallback(callee: ts.Expression, ctx: AnalysisContext): FunctionWithBody | undefined {
  const assigned = callbacksAssignedTo(callee, ctx);
  return assigned.length === 1 ? assigned[0] : undefined;
}

/** Visits the calls and `new`s that run when `body` runs, now or later (not in functions only registered as listeners). */
function walkRunCode(body: ts.Node, onCall: (node: ts.CallExpression | ts.NewExpression) => void): void {
  const visit = (node: ts.Node): void => {
    if ((isFunctionLike(node) || ts.isClassLike(node)) && !runsWhenCalled(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) onCall(node);
    ts.forEachChild(node, visit);
  };
  visit(body);
}

/**
 * A function written as an argument (a timer's, a promise's, a helper's) or called in place; not a
 * listener, nor a callback subscribed to an event of its own (`terminal.onKey(e => …)`: it runs
 * when the user presses a key, not because the socket closed).
 */
function runsWhenCalled(fn: ts.Node): boolean {
  const parent = fn.parent;
  if (!parent || listenerRegistration(fn)) return false;
  if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && /^on[A-Z]/.test(parent.expression.name.text)) return false;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(fn as ts.Expression)) return true;
  return ts.isParenthesizedExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
}

/**
 * One search for connection starts: per function, whether it opens a connection; per call or
 * function that does so indirectly, how (a timer object's callback, an effect a state change re-runs).
 */
interface Search {
  readonly opens: Map<ts.Node, boolean>;
  readonly vias: Map<ts.Node, ConnectionVia>;
}

function leadsToConnection(node: ts.CallExpression | ts.NewExpression, ctx: AnalysisContext, search: Search, depth: number): boolean {
  if (ts.isNewExpression(node) && constructsClientSocket(node, ctx)) return true;
  if (depth >= MAX_DEPTH) return false;
  const through = (fn: FunctionWithBody | undefined, via?: ConnectionVia): boolean => {
    if (!fn || !functionStartsConnection(fn, ctx, search, depth + 1)) return false;
    const how = via ?? search.vias.get(fn);
    if (how) search.vias.set(node, how);
    return true;
  };
  // `new ChatClient(url)` whose constructor connects.
  if (through(ts.isCallExpression(node) ? functionOf(node.expression, ctx.checker) : constructorOf(node.expression, ctx.checker))) return true;
  // `connection.open()` through the project's interface: any of its implementations (go to implementation).
  if (ts.isCallExpression(node) && implementationsCalled(node, ctx).some((fn) => through(fn))) return true;
  // `options.createWS(protocol)`: a factory handed in from outside, declared to return a client socket.
  if (ts.isCallExpression(node) && callsSocketFactory(node, ctx)) return true;
  // `this.onReady()` where the object's owner set `backoff.onReady = this.reopen.bind(this)`.
  if (ts.isCallExpression(node) && callbacksAssignedTo(node.expression, ctx).some((fn) => through(fn))) return true;
  if (ts.isCallExpression(node)) {
    // `this.retryTimer.start(d)` where `this.retryTimer = new Timer(() => this.connect())`.
    if (callbacksStartedBy(node, ctx.checker).some((fn) => through(fn, { kind: 'timer-callback', node: fn, timer: receiverText(node) }))) return true;
    // A React state setter whose state an effect that opens the socket depends on.
    const effects = effectsRerunBy(node, ctx.checker);
    const setter = effects.length > 0 ? skipOuterExpressions(node.expression).getText() : '';
    if (effects.some((effect) => through(functionOf(effect, ctx.checker), { kind: 'state-effect', node: effect, setter }))) return true;
    // `dispatch('connect')`, `dispatch(wsConnect(url))`: the store action or reducer case that handles it.
    const dispatched = dispatchedCode(node, ctx.program, ctx.checker);
    for (const code of dispatched ? [...dispatched.functions, ...dispatched.branches] : []) {
      if (!codeStartsConnection(code, ctx, search, depth + 1)) continue;
      search.vias.set(node, { kind: 'dispatched-action', node: actionPlace(code), action: dispatched!.action });
      return true;
    }
    if (through(siblingAction(node))) return true;
  }
  // A function handed over by name: `setTimeout(connect, d)`, `backoff(this.open.bind(this))`.
  return (node.arguments ?? []).some((argument) => {
    if (isListenerArgument(argument)) return false;
    const inner = skipOuterExpressions(argument);
    if (!ts.isIdentifier(inner) && !ts.isPropertyAccessExpression(inner) && !ts.isCallExpression(inner)) return false;
    return through(functionOf(inner, ctx.checker)) || callbacksAssignedTo(inner, ctx).some((fn) => through(fn));
  });
}

type FunctionWithBody = ts.SignatureDeclaration & { body?: ts.Node };

/** Where an action's code is named: the action's name, a `case` label, the branch itself. */
function actionPlace(code: ts.Node): ts.Node {
  if (ts.isMethodDeclaration(code)) return code.name;
  if (ts.isPropertyAssignment(code.parent)) return code.parent.name;
  return ts.isCaseClause(code) ? code.expression : code;
}

/** Implementations of the interface or abstract member a call names, when the checker finds no body of its own. */
function implementationsCalled(call: ts.CallExpression, ctx: AnalysisContext): FunctionWithBody[] {
  const callee = skipOuterExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) && !functionOf(callee, ctx.checker) ? memberImplementations(callee, ctx) : [];
}

/** Names that say a call makes something new: `createWS`, `makeSocket`, `socketFactory`, `newConnection`. */
const FACTORY_NAME = /^(create|make|new|open|build|spawn)[A-Z_]|factory$/i;

/**
 * A call of a function the code cannot see (a parameter's or an option's, typed by a signature
 * alone) whose name says it creates and whose declared result is a client socket. A function with
 * a body is followed instead: a getter that returns the socket it holds starts nothing.
 */
function callsSocketFactory(call: ts.CallExpression, ctx: AnalysisContext): boolean {
  const callee = skipOuterExpressions(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : accessedName(callee);
  if (!name || !FACTORY_NAME.test(name) || functionOf(callee, ctx.checker)?.body) return false;
  const runtimes = runtimesOfType(ctx.checker.getTypeAtLocation(call), ctx);
  return runtimes !== 'untyped' && runtimes.some((r) => RUNTIME_PROFILES[r].role !== 'server');
}

function functionStartsConnection(fn: FunctionWithBody, ctx: AnalysisContext, search: Search, depth: number): boolean {
  return !!fn.body && codeStartsConnection(fn, ctx, search, depth);
}

/** Does running `code` (a function's body, a reducer's `case`) open a connection? Remembered per search. */
function codeStartsConnection(code: ts.Node, ctx: AnalysisContext, search: Search, depth: number): boolean {
  const known = search.opens.get(code);
  if (known !== undefined) return known;
  const file = code.getSourceFile();
  if (file.isDeclarationFile || ctx.program.isSourceFileFromExternalLibrary(file)) return false;
  search.opens.set(code, false);
  const fileCtx = contextOfNode(code, ctx);
  let found = false;
  walkRunCode(isFunctionLike(code) ? (code as FunctionWithBody).body! : code, (node) => {
    if (found || !leadsToConnection(node, fileCtx, search, depth)) return;
    found = true;
    const via = search.vias.get(node);
    if (via) search.vias.set(code, via);
  });
  search.opens.set(code, found);
  return found;
}

function receiverText(call: ts.CallExpression): string {
  const callee = skipOuterExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.expression.getText() : callee.getText();
}

/** The constructor (with a body) of the project class `expression` names. */
function constructorOf(expression: ts.Expression, checker: ts.TypeChecker): ts.ConstructorDeclaration | undefined {
  let symbol = checker.getSymbolAtLocation(skipOuterExpressions(expression));
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.declarations?.find(ts.isClassLike);
  return declaration?.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined);
}

/** `new WebSocket(url)`, `new ReconnectingWebSocket(url)`, `new (require('ws'))(url)`: a client socket. */
function constructsClientSocket(node: ts.NewExpression, ctx: AnalysisContext): boolean {
  const verdict = classifyReceiver(node, ctx);
  return verdict.kind === 'websocket' && verdict.runtimes.some((r) => RUNTIME_PROFILES[r].role !== 'server');
}

/**
 * Can a clean close with `code` reach the new connection? In every scope on the way, every
 * branch from the function's start to the step — `if`/`else`, `?:`, `&&`/`||`, `switch` cases —
 * and every early `return`/`throw` before it is read for that code. A condition that decides by
 * the close in a way we cannot read blocks the path: the project looked at the code.
 */
export function reachableWith(start: ConnectionStart, code: number): boolean {
  return start.steps.every(({ node, scope }) => reachableInScope(node, scope, code));
}

function reachableInScope(step: ts.Node, scope: CloseScope, code: number): boolean {
  const { close, ctx } = scope;
  const value = (condition: ts.Expression) => conditionValue(condition, code, close, ctx);
  let child: ts.Node = step;
  for (let node = step.parent; node && node !== scope.fn; child = node, node = node.parent) {
    if (ts.isIfStatement(node) && child !== node.expression && !allows(value(node.expression), child === node.thenStatement)) return false;
    if (ts.isConditionalExpression(node) && child !== node.condition && !allows(value(node.condition), child === node.whenTrue)) return false;
    if (ts.isBinaryExpression(node) && child === node.right) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && !allows(value(node.left), true)) return false;
      if (op === ts.SyntaxKind.BarBarToken && !allows(value(node.left), false)) return false;
    }
    if ((ts.isCaseClause(node) || ts.isDefaultClause(node)) && !caseTaken(node, code, close, ctx)) return false;
    if ((ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) && exitsBefore(node.statements, child, code, scope)) return false;
  }
  return true;
}

function allows(value: ConditionValue, wanted: boolean): boolean {
  return value === 'independent' || value === wanted;
}

/** Is this clause of a `switch` on the code entered (directly or by falling through empty clauses) for `code`? */
function caseTaken(clause: ts.CaseClause | ts.DefaultClause, code: number, close: ReceivedClose, ctx: AnalysisContext): boolean {
  const switchStatement = clause.parent.parent;
  if (!close.isCode(switchStatement.expression)) return !close.readsClose(switchStatement.expression);
  const clauses = switchStatement.caseBlock.clauses;
  const labels = clauses.filter(ts.isCaseClause).map((c) => knownNumber(c.expression, ctx));
  if (labels.some((label) => label === undefined)) return false;
  const matched = labels.includes(code);
  let index = clauses.indexOf(clause);
  for (;;) {
    const current = clauses[index]!;
    if (ts.isDefaultClause(current) ? !matched : knownNumber(current.expression, ctx) === code) return true;
    if (index === 0 || clauses[index - 1]!.statements.length > 0) return false;
    index--;
  }
}

/**
 * An `if (…) return;` (or `throw`, `break`) before `child` in the same block that runs for this
 * code, or a `switch` whose case for it returns.
 */
function exitsBefore(statements: ts.NodeArray<ts.Statement>, child: ts.Node, code: number, scope: CloseScope): boolean {
  for (const statement of statements) {
    if (statement === child) return false;
    if (isExit(statement, true)) return true;
    if (ts.isSwitchStatement(statement) && scope.close.readsClose(statement.expression) && switchExits(statement, code, scope)) return true;
    if (!ts.isIfStatement(statement)) continue;
    const verdict = conditionValue(statement.expression, code, scope.close, scope.ctx);
    if (endsInExit(statement.thenStatement, true) && (verdict === true || verdict === 'decided')) return true;
    if (statement.elseStatement && endsInExit(statement.elseStatement, true) && (verdict === false || verdict === 'decided')) return true;
  }
  return false;
}

/** The clause a switch on the close takes for `code` returns; when its labels are not all known, any clause that returns. */
function switchExits(statement: ts.SwitchStatement, code: number, scope: CloseScope): boolean {
  const clauses = statement.caseBlock.clauses;
  const taken = clauses.filter((clause) => caseTaken(clause, code, scope.close, scope.ctx));
  const exitsFrom = (clause: ts.CaseOrDefaultClause): boolean => {
    // An empty clause falls through to the next one.
    for (let i = clauses.indexOf(clause); i < clauses.length; i++) {
      const current = clauses[i]!;
      const last = current.statements[current.statements.length - 1];
      if (last) return endsInExit(last, false);
    }
    return false;
  };
  return taken.length > 0 ? taken.some(exitsFrom) : clauses.some(exitsFrom);
}

/** `return`, `throw`, `continue`, and — when it leaves the block in question — `break`. */
function isExit(statement: ts.Statement, breakExits: boolean): boolean {
  return ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement) || (breakExits && ts.isBreakStatement(statement));
}

function endsInExit(statement: ts.Statement, breakExits: boolean): boolean {
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return !!last && endsInExit(last, breakExits);
  }
  return isExit(statement, breakExits);
}
