// What a member of a project class holds (a field's writes, a getter's returns) and what a call
// returns, for the socket-flow analysis. A field is written by the class itself and, for methods
// the class inherits to subclasses, by those subclasses too: a base class's `this.socket.close()`
// closes whatever socket a subclass stored there (`this.socket = new WebSocket(url)` in an
// outgoing channel, a server's socket in an incoming one).
import * as ts from 'typescript';
import { baseClassExpression, isFunctionLike, skipOuterExpressions, valueAlternatives } from '../syntax';
import { annotatedSocket } from './declared';
import type { SocketFlow } from './flow';
import { thisOwner } from './prototype';
import { withStep, type FlowValue } from './values';

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

/** How many `extends` steps a subclass may be below the class whose field it writes. */
const MAX_SUBCLASS_DEPTH = 3;

/** A member of a project class: a field's values, or a method/getter's returns. */
export function memberValues(flow: SocketFlow, declaration: ts.Node, name: string, depth: number): readonly FlowValue[] {
  const values: FlowValue[] = [];
  if (ts.isClassLike(declaration)) {
    for (const member of declaration.members) {
      if (member.name?.getText() !== name) continue;
      // `socket?: Bun.ServerWebSocket<Data>` whose types are not installed: the written type says what it holds.
      const annotated = ts.isPropertyDeclaration(member) ? annotatedSocket(flow, member) : undefined;
      if (annotated) values.push(annotated);
      if (ts.isPropertyDeclaration(member) && member.initializer) values.push(...flow.valuesOf(member.initializer, depth));
      if (ts.isGetAccessorDeclaration(member)) values.push(...returnsOf(flow, member, depth));
    }
  }
  // `this.name = v` anywhere in the class, or in the constructor function and its prototype methods.
  const file = declaration.getSourceFile();
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = skipOuterExpressions(node.left);
      if (ts.isPropertyAccessExpression(left) && left.name.text === name && left.expression.kind === ts.SyntaxKind.ThisKeyword && thisOwner(left) === declaration) {
        values.push(...withStep(flow.valuesOf(node.right, depth), { node, label: left.getText() }));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.isClassLike(declaration) ? declaration : file);
  values.push(...instanceWrites(flow, declaration, name, depth));
  if (ts.isClassLike(declaration) && !values.some((value) => value.kind === 'socket')) values.push(...subclassWrites(flow, declaration, name, depth));
  return values;
}

/**
 * `player.ws = ws` outside the class, on a value the checker types as an instance of it
 * (`const player = new Player(name, null)`): the field holds that too.
 */
function instanceWrites(flow: SocketFlow, declaration: ts.Node, name: string, depth: number): FlowValue[] {
  return propertyWrites(flow, name, depth, (left) => {
    if (left.expression.kind === ts.SyntaxKind.ThisKeyword) return false;
    const owner = flow.checker.getTypeAtLocation(left.expression).getSymbol();
    if (owner) return (owner.valueDeclaration ?? owner.declarations?.[0]) === declaration;
    // Untyped (`client._ws = …` with `client` a parameter): what the flow knows the object is.
    return flow.valuesOf(left.expression, depth + 1).some((v) => v.kind === 'instance' && v.declaration === declaration);
  });
}

/** `this.name = v` in the project's subclasses of `base`, when the class itself stores no socket there. */
function subclassWrites(flow: SocketFlow, base: ts.ClassLikeDeclaration, name: string, depth: number): FlowValue[] {
  return propertyWrites(flow, name, depth, (left) => {
    if (left.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
    const owner = thisOwner(left);
    return !!owner && owner !== base && ts.isClassLike(owner) && extendsClass(flow, owner, base, depth);
  });
}

/** The values of every `x.name = v` in the program (through the flow's by-name index) whose target `writes` accepts. */
function propertyWrites(flow: SocketFlow, name: string, depth: number, writes: (left: ts.PropertyAccessExpression) => boolean): FlowValue[] {
  const values: FlowValue[] = [];
  for (const index of flow.indexes()) {
    for (const assignment of index.assignments.get(name) ?? []) {
      const left = skipOuterExpressions(assignment.left);
      if (ts.isPropertyAccessExpression(left) && writes(left)) values.push(...withStep(flow.valuesOf(assignment.right, depth), { node: assignment, label: left.getText() }));
    }
  }
  return values;
}

function extendsClass(flow: SocketFlow, subclass: ts.ClassLikeDeclaration, base: ts.ClassLikeDeclaration, depth: number): boolean {
  let current: ts.ClassLikeDeclaration | undefined = subclass;
  for (let step = 0; current && step < MAX_SUBCLASS_DEPTH; step++) {
    const heritage: ts.Expression | undefined = baseClassExpression(current);
    if (!heritage) return false;
    const parent: FlowValue | undefined = flow.valuesOf(heritage, depth).find((v) => v.kind === 'class' && ts.isClassLike(v.declaration));
    current = parent?.kind === 'class' && ts.isClassLike(parent.declaration) ? parent.declaration : undefined;
    if (current === base) return true;
  }
  return false;
}

/** What a call returns: the return statements of the functions the callee resolves to. */
export function returnValues(flow: SocketFlow, call: ts.CallExpression, depth: number): readonly FlowValue[] {
  const callee = skipOuterExpressions(call.expression);
  const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  const symbol = flow.symbolOf(nameNode);
  const values: FlowValue[] = [];
  let found = false;
  for (const decl of symbol?.declarations ?? []) {
    const fn = functionOf(decl);
    if (!fn || !fn.getSourceFile() || fn.getSourceFile().isDeclarationFile) continue;
    found = true;
    values.push(...returnsOf(flow, fn, depth));
  }
  if (!found && symbol) for (const fn of assignedFunctions(flow, symbol, nameNode)) values.push(...returnsOf(flow, fn, depth));
  return values;
}

/**
 * The functions a field or variable declared without one is given where it is written, among the
 * alternatives of the value written: `this.factory = options.factory ?? ((url) => new WebSocket(url))`
 * (a caller's factory is not known; the default is).
 */
function assignedFunctions(flow: SocketFlow, symbol: ts.Symbol, nameNode: ts.Node): FunctionNode[] {
  const name = ts.isIdentifier(nameNode) || ts.isPrivateIdentifier(nameNode) ? nameNode.text : undefined;
  if (name === undefined) return [];
  const functions: FunctionNode[] = [];
  for (const index of flow.indexes()) {
    for (const assignment of index.assignments.get(name) ?? []) {
      const left = skipOuterExpressions(assignment.left);
      const written = ts.isPropertyAccessExpression(left) ? left.name : left;
      if (flow.symbolOf(written) !== symbol) continue;
      for (const alternative of valueAlternatives(assignment.right)) if (isFunctionLike(alternative)) functions.push(alternative);
    }
  }
  return functions;
}

/** The function a declaration holds: itself, or the function a variable or property is initialized with. */
export function functionOf(decl: ts.Node): FunctionNode | undefined {
  if (isFunctionLike(decl)) return decl;
  if ((ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)) && decl.initializer) {
    const init = skipOuterExpressions(decl.initializer);
    return isFunctionLike(init) ? init : undefined;
  }
  return undefined;
}

function returnsOf(flow: SocketFlow, fn: FunctionNode, depth: number, thisValues?: () => readonly FlowValue[]): readonly FlowValue[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return flow.valuesOf(body as ts.Expression, depth);
  const values: FlowValue[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) {
      const isThis = skipOuterExpressions(node.expression).kind === ts.SyntaxKind.ThisKeyword;
      values.push(...(isThis && thisValues ? thisValues() : flow.valuesOf(node.expression, depth)));
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return values;
}

/**
 * Pre-class JavaScript's object-making functions. `new F(…)` where F returns an object of its own
 * (`function Socket(url) { return new WebSocket(url); }`) makes that object, not an instance of F;
 * `F.call(obj, …)` where F returns `this` (a mixin: `Emitter.call(new WebSocket(url))`) gives back `obj`.
 * Undefined when F returns nothing but `this` (a plain constructor).
 */
export function constructedByFunction(flow: SocketFlow, fn: ts.Node, depth: number): readonly FlowValue[] | undefined {
  if (!ts.isFunctionDeclaration(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const values = returnsOf(flow, fn, depth, () => []);
  return values.length > 0 ? values : undefined;
}

export function calledWithThis(flow: SocketFlow, fn: ts.Node, thisArgument: ts.Expression, depth: number): readonly FlowValue[] {
  if (!ts.isFunctionDeclaration(fn) && !ts.isFunctionExpression(fn)) return [];
  return returnsOf(flow, fn, depth, () => flow.valuesOf(thisArgument, depth));
}
