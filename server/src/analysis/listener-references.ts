// Listeners registered by name rather than written in place: `source.on('error', onSourceError)`,
// `ws.onerror = this.handleError.bind(this)`. A function declared apart from its registration is
// still that event's listener, and what it receives (an error, a close event) is what the event
// passes. Syntax only, within the function's own file (where such handlers are registered).
import * as ts from 'typescript';
import { boundFunction, functionNameNode, listenerRegistration, skipOuterExpressions } from './syntax';

export interface ListenerRegistration {
  readonly event: string;
  readonly emitter: ts.Expression;
}

const byFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, readonly ListenerRegistration[]>>();

/**
 * The registrations that name `fn` (by its declared name, `this.name` or `name.bind(…)`) in its
 * file. Empty for a function written in place, or never registered by name.
 */
export function registrationsByName(fn: ts.Node): readonly ListenerRegistration[] {
  const name = functionNameNode(fn);
  if (!name || ts.isStringLiteral(name)) return [];
  return registrationsOf(fn.getSourceFile()).get(name.text) ?? [];
}

function registrationsOf(file: ts.SourceFile): ReadonlyMap<string, readonly ListenerRegistration[]> {
  let found = byFile.get(file);
  if (found) return found;
  const map = new Map<string, ListenerRegistration[]>();
  const visit = (node: ts.Node): void => {
    if ((ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)) && node.parent) {
      const name = referencedName(node);
      const registration = name !== undefined ? listenerRegistration(node) : undefined;
      // A handler map's entry (`{ error: onError }`) may be any options object's: only calls and `onx =` count here.
      if (registration && !ts.isObjectLiteralExpression(registration.emitter)) map.set(name!, [...(map.get(name!) ?? []), registration]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  byFile.set(file, (found = map));
  return found;
}

/** `onError`, `this.onError`, `onError.bind(this)`, `this.onError.bind(this)`: the name of the function handed over. */
function referencedName(node: ts.Expression): string | undefined {
  const target = boundFunction(node) ?? skipOuterExpressions(node);
  if (ts.isIdentifier(target)) return target.text;
  if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) return target.name.text;
  return undefined;
}
