// What a `let` (or `var`) holds: its initializer and every plain `=` written to it in its file.
// Reasons are often built this way (`let message; if (err instanceof Error) message = err.message;
// else message = String(err)`), so a reason read from such a variable is as long as its longest write.
import * as ts from 'typescript';
import type { AnalysisContext } from './context';
import { identifiersNamed } from './identifiers-by-name';

/**
 * The values written to the variable `node` names, or undefined when it is not a `let`/`var` of
 * this program's source (a `const`, a parameter, an import) or is also changed another way (`+=`,
 * `++`, destructuring).
 */
export function variableWrites(node: ts.Identifier, ctx: AnalysisContext): ts.Expression[] | undefined {
  const symbol = ctx.checker.getSymbolAtLocation(node);
  const decl = symbol?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !ts.isVariableDeclarationList(decl.parent)) return undefined;
  if (decl.parent.flags & ts.NodeFlags.Const || ts.isForOfStatement(decl.parent.parent) || ts.isForInStatement(decl.parent.parent)) return undefined;
  const writes = decl.initializer ? [decl.initializer] : [];
  for (const use of identifiersNamed(decl.getSourceFile(), decl.name.text)) {
    if (use === decl.name || !ts.isIdentifier(use) || ctx.checker.getSymbolAtLocation(use) !== symbol) continue;
    const parent = use.parent;
    if (ts.isBinaryExpression(parent) && parent.left === use) {
      if (parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
      writes.push(parent.right);
    } else if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) || ts.isArrayLiteralExpression(parent) || ts.isShorthandPropertyAssignment(parent)) {
      // `++n`, `[a, b] = …`, `({ a } = …)`: changed in ways not followed here (a shorthand in a plain object literal is only a read, but rare enough to give up on).
      return undefined;
    }
  }
  return writes;
}
