// Which function a handler expression is: written in place (`(e) => …`), a name, `this.method`,
// `f.bind(this)`, a JavaScript prototype method, a field the class assigns exactly one function,
// a field or variable holding a bound method (`closeListener = this.onClose.bind(this)`), a
// member read by destructuring (`const { connect } = this`). Shared by the close-handler search
// and the reconnect paths, which follow handlers and the functions they call.
import * as ts from 'typescript';
import { memoizedCallback } from './state-effects';
import { boundFunction, isFunctionLike, skipOuterExpressions } from './syntax';

/** The function a handler expression is: written in place, a name, `this.method`, `f.bind(this)`. */
export function functionOf(expression: ts.Expression, checker: ts.TypeChecker, hops = 0): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  const node = boundFunction(expression) ?? skipOuterExpressions(expression);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isIdentifier(node) ? node : undefined;
  let symbol = (name && checker.getSymbolAtLocation(name)) ?? (ts.isPropertyAccessExpression(node) ? memberOfBoundThis(node, checker) : undefined);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  for (const declaration of symbol?.declarations ?? []) {
    const fn = functionOfDeclaration(declaration) ?? functionOfDeclaration(...destructuredMember(declaration, checker));
    if (fn) return fn;
  }
  // `private closeListener = this.onCloseProxy.bind(this)`: the method it binds (one hop, so a field bound to itself ends).
  for (const declaration of hops === 0 ? (symbol?.declarations ?? []) : []) {
    const initializer = (ts.isPropertyDeclaration(declaration) || ts.isVariableDeclaration(declaration)) ? declaration.initializer : undefined;
    const bound = initializer && boundFunction(initializer);
    const fn = bound && functionOf(bound, checker, hops + 1);
    if (fn) return fn;
  }
  return undefined;
}

/**
 * `this.start()` inside `function () { this.start(); }.bind(this)` (pre-arrow JavaScript): the
 * checker has no type for that `this`, but it is the `this` handed to `bind`, whose type it knows
 * (a class's, or a constructor function's in `C.prototype.m = function () {…}`).
 */
function memberOfBoundThis(access: ts.PropertyAccessExpression, checker: ts.TypeChecker): ts.Symbol | undefined {
  let self = skipOuterExpressions(access.expression);
  if (self.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  for (let hops = 0; hops < 4; hops++) {
    let fn: ts.Node | undefined = self.parent;
    while (fn && (!isFunctionLike(fn) || ts.isArrowFunction(fn))) fn = fn.parent;
    if (!fn || !ts.isFunctionExpression(fn)) break;
    const bind = skipParentParentheses(fn);
    const call = bind.parent;
    if (!ts.isPropertyAccessExpression(call) || call.name.text !== 'bind' || !call.parent || !ts.isCallExpression(call.parent)) break;
    const bound = call.parent.arguments[0] && skipOuterExpressions(call.parent.arguments[0]);
    if (!bound || bound.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    self = bound;
  }
  if (self === skipOuterExpressions(access.expression)) return undefined;
  return checker.getTypeAtLocation(self).getProperty(access.name.text);
}

function skipParentParentheses(node: ts.Node): ts.Node {
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return node;
}

function functionOfDeclaration(...declarations: ts.Declaration[]): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  for (const declaration of declarations) {
    if (isFunctionLike(declaration) && declaration.body) return declaration;
    // JavaScript's `C.prototype.m = function () {…}` (and `this.m = …`): the declaration is the assigned property.
    const assignment = ts.isPropertyAccessExpression(declaration) && declaration.parent && ts.isBinaryExpression(declaration.parent) && declaration.parent.left === declaration ? declaration.parent : ts.isBinaryExpression(declaration) ? declaration : undefined;
    const assigned = assignment && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken ? skipOuterExpressions(assignment.right) : undefined;
    if (assigned && (ts.isArrowFunction(assigned) || ts.isFunctionExpression(assigned))) return assigned;
    const initializer = (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer && skipOuterExpressions(declaration.initializer);
    if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) return initializer;
    const memoized = initializer && ts.isVariableDeclaration(declaration) ? memoizedCallback(initializer) : undefined;
    if (memoized) return memoized;
    const assignedInClass = ts.isPropertyDeclaration(declaration) && !declaration.initializer ? onlyFunctionAssignedInClass(declaration) : undefined;
    if (assignedInClass) return assignedInClass;
  }
  return undefined;
}

/**
 * `private closeFn?: (e: CloseEvent) => void` given its function in a method (`this.closeFn =
 * (e) => {…}`): that function, when the class assigns the field exactly one.
 */
function onlyFunctionAssignedInClass(field: ts.PropertyDeclaration): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  if (!ts.isIdentifier(field.name) && !ts.isPrivateIdentifier(field.name)) return undefined;
  const name = field.name.text;
  const assigned: ts.FunctionLikeDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = skipOuterExpressions(node.left);
      const value = skipOuterExpressions(node.right);
      if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword && target.name.text === name && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) assigned.push(value);
    }
    ts.forEachChild(node, visit);
  };
  for (const member of field.parent.members) if (member !== field) visit(member);
  return assigned.length === 1 ? assigned[0] : undefined;
}

/** `const { connect } = this`: the declarations of the member the binding reads. */
function destructuredMember(declaration: ts.Declaration, checker: ts.TypeChecker): ts.Declaration[] {
  if (!ts.isBindingElement(declaration) || declaration.dotDotDotToken || !ts.isObjectBindingPattern(declaration.parent)) return [];
  const holder = declaration.parent.parent;
  const key = declaration.propertyName ?? declaration.name;
  if (!ts.isVariableDeclaration(holder) || !holder.initializer || !ts.isIdentifier(key)) return [];
  return checker.getTypeAtLocation(holder.initializer).getProperty(key.text)?.declarations ?? [];
}
