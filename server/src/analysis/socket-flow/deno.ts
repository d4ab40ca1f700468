// Deno's server sockets: `const { socket, response } = Deno.upgradeWebSocket(req)`. Deno's own
// types declare them as the global WebSocket (the browser's), so the declared type alone would
// hold them to browser rules; where they come from says they are server sockets.
import * as ts from 'typescript';
import { skipOuterExpressions } from '../syntax';
import { isDenoUpgrade } from './sources';

/** `socket` bound from `Deno.upgradeWebSocket(…)` (destructured, or read as `.socket`), followed through `const` aliases. */
export function isDenoUpgradeSocket(expression: ts.Expression, checker: ts.TypeChecker, depth = 0): boolean {
  const node = skipOuterExpressions(expression);
  if (depth > 4) return false;
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'socket' && isUpgradeResult(node.expression, checker, depth + 1);
  if (!ts.isIdentifier(node)) return false;
  const decl = checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (!decl) return false;
  if (ts.isBindingElement(decl)) {
    const key = decl.propertyName ?? decl.name;
    const holder = decl.parent.parent;
    return ts.isIdentifier(key) && key.text === 'socket' && ts.isVariableDeclaration(holder) && !!holder.initializer && isUpgradeResult(holder.initializer, checker, depth + 1);
  }
  return ts.isVariableDeclaration(decl) && !!decl.initializer && isDenoUpgradeSocket(decl.initializer, checker, depth + 1);
}

function isUpgradeResult(expression: ts.Expression, checker: ts.TypeChecker, depth: number): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isCallExpression(node)) return isDenoUpgrade(node);
  if (!ts.isIdentifier(node) || depth > 4) return false;
  const decl = checker.getSymbolAtLocation(node)?.valueDeclaration;
  return !!decl && ts.isVariableDeclaration(decl) && !!decl.initializer && isUpgradeResult(decl.initializer, checker, depth + 1);
}
