// Was this variable or field given a `new …(…)` by the code itself? Code that constructs a socket
// holds the client end (servers receive theirs from a `connection` event or an upgrade).
import * as ts from 'typescript';
import { visitAssignments } from './assignments';
import { skipOuterExpressions } from './syntax';

/**
 * `const ws = new X()`, `ws: X = new X()` as a field, or a later `ws = new X()` / `this.ws = new X()`
 * in `files` (by default the files that declare the variable or field, and the receiver's own).
 */
export function isAssignedNew(receiver: ts.Expression, checker: ts.TypeChecker, files?: readonly ts.SourceFile[]): boolean {
  const node = skipOuterExpressions(receiver);
  const nameNode = ts.isPropertyAccessExpression(node) ? node.name : ts.isIdentifier(node) ? node : undefined;
  const symbol = nameNode && checker.getSymbolAtLocation(nameNode);
  if (!symbol) return false;
  const isNew = (e: ts.Expression | undefined): boolean => {
    const value = e && skipOuterExpressions(e);
    // `const ws = (this.socket = new WebSocket(url))`: the value of an assignment is its right side.
    if (value && ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken) return isNew(value.right);
    return !!value && ts.isNewExpression(value);
  };
  if ((symbol.declarations ?? []).some((d) => (ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d)) && isNew(d.initializer))) return true;
  let assigned = false;
  // Where the member is declared, and where it is used: a subclass assigns its base's field (`this.ws = new WebSocket(…)`).
  for (const file of files ?? new Set([...(symbol.declarations ?? []).map((d) => d.getSourceFile()), receiver.getSourceFile()])) {
    visitAssignments(file, (written, right) => {
      if (assigned || !isNew(right)) return;
      const left = skipOuterExpressions(written);
      if (checker.getSymbolAtLocation(ts.isPropertyAccessExpression(left) ? left.name : left) === symbol) assigned = true;
    });
  }
  return assigned;
}
