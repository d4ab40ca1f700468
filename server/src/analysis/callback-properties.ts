// Callback properties an object is given from outside: `this.backoff.onReady =
// this.onBackoffReady.bind(this)` in one file, `setTimeout(this.onReady, delay)` inside the
// backoff object's own method in another. Nothing declares `onReady` on the object (plain
// JavaScript never does), so the checker cannot say what `this.onReady` runs; the assignments to
// that property on values of the same class or constructor can.
import * as ts from 'typescript';
import { functionOf } from './close-handlers';
import type { AnalysisContext } from './context';
import { identifiersNamed } from './identifiers-by-name';
import { skipOuterExpressions } from './syntax';

/** Enough for an object whose callback is set in a few places; more says the name is generic. */
const MAX_ASSIGNED = 4;

type FunctionWithBody = ts.SignatureDeclaration & { body?: ts.Node };

/**
 * The functions assigned to `object.name` on values of the object's own class or constructor,
 * anywhere in the program's own files, for a property access the declarations do not resolve.
 */
export function callbacksAssignedTo(expression: ts.Expression, ctx: AnalysisContext): FunctionWithBody[] {
  const access = skipOuterExpressions(expression);
  if (!ts.isPropertyAccessExpression(access) || ctx.checker.getSymbolAtLocation(access.name)?.declarations?.length) return [];
  const owner = ownerOf(access.expression, ctx.checker);
  if (!owner) return [];
  const name = access.name.text;
  const found: FunctionWithBody[] = [];
  for (const file of ctx.program.getSourceFiles()) {
    // The text first: indexing the identifiers of every file is what costs.
    if (file.isDeclarationFile || ctx.program.isSourceFileFromExternalLibrary(file) || !file.text.includes(name)) continue;
    for (const identifier of identifiersNamed(file, name)) {
      const target = identifier.parent;
      if (!ts.isPropertyAccessExpression(target) || target.name !== identifier || target === access) continue;
      const assignment = target.parent;
      if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken || assignment.left !== target) continue;
      if (ownerOf(target.expression, ctx.checker) !== owner) continue;
      const fn = functionOf(assignment.right, ctx.checker);
      if (fn?.body) found.push(fn);
      if (found.length > MAX_ASSIGNED) return [];
    }
  }
  return found;
}

/** The class or constructor function whose instance `object` is (`this` inside its methods too). */
function ownerOf(object: ts.Expression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const symbol = checker.getApparentType(checker.getTypeAtLocation(object)).getSymbol();
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!declaration) return undefined;
  // Only a project's own class or constructor function: a literal type (`{}`) or a library type
  // says nothing about which values share the property.
  return ts.isClassLike(declaration) || ts.isFunctionDeclaration(declaration) || ts.isFunctionExpression(declaration) ? symbol : undefined;
}
