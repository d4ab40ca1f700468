// Callback properties an object is given from outside: `this.backoff.onReady =
// this.onBackoffReady.bind(this)` in one file, `setTimeout(this.onReady, delay)` inside the
// backoff object's own method in another. Nothing declares `onReady` on the object (plain
// JavaScript never does), or only a field typed by a signature, so the checker cannot say what
// `this.onReady` runs; the assignments to that property on values of the same class or
// constructor can.
import * as ts from 'typescript';
import { functionOf } from './handler-functions';
import type { AnalysisContext } from './context';
import { socketFlow } from './socket-flow/flows';
import { skipOuterExpressions, valueAlternatives } from './syntax';

/** Enough for an object whose callback is set in a few places; more says the name is generic. */
const MAX_ASSIGNED = 4;

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

/**
 * The functions assigned to `object.name` on values of the object's own class or constructor,
 * anywhere in the program's own files, for a property access the declarations do not resolve.
 */
export function callbacksAssignedTo(expression: ts.Expression, ctx: AnalysisContext): FunctionNode[] {
  const access = skipOuterExpressions(expression);
  if (!ts.isPropertyAccessExpression(access) || !declaresNoFunction(access, ctx.checker)) return [];
  const owner = ownerOf(access.expression, ctx.checker);
  if (!owner) return [];
  const name = access.name.text;
  const found: FunctionNode[] = [];
  // Through the socket flow's by-name index, whose lookups --cache records (a file that gains such
  // an assignment changes this answer).
  for (const index of socketFlow(ctx.program, ctx.platform).indexes()) {
    for (const assignment of index.assignments.get(name) ?? []) {
      const target = skipOuterExpressions(assignment.left);
      if (!ts.isPropertyAccessExpression(target) || target === access || ownerOf(target.expression, ctx.checker) !== owner) continue;
      // `this.factory = options.factory ?? ((url) => new WebSocket(url))`: each function it may be given.
      for (const alternative of valueAlternatives(assignment.right)) {
        const fn = functionOf(alternative, ctx.checker);
        if (fn?.body) found.push(fn);
      }
      if (found.length > MAX_ASSIGNED) return [];
    }
  }
  return found;
}

/**
 * Nothing declares the property (plain JavaScript), or only a field typed by a signature with no
 * function of its own (`private factory: (url: string) => Socket`, given one in the constructor).
 */
function declaresNoFunction(access: ts.PropertyAccessExpression, checker: ts.TypeChecker): boolean {
  const declarations = checker.getSymbolAtLocation(access.name)?.declarations ?? [];
  return declarations.every((declaration) => ts.isPropertyDeclaration(declaration) && !declaration.initializer && !declaration.getSourceFile().isDeclarationFile);
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
