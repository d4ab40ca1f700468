// Functions only their own file can call (a non-exported function or `const f = () => …`, a
// private method): every use of the name is in that file, so the file shows all its callers.
import * as ts from 'typescript';
import { identifiersNamed } from './identifiers-by-name';

/** The name of a function only its own file can call: a non-exported function or `const f = () => …`, a private method. */
export function privateName(fn: ts.Node): ts.Identifier | ts.PrivateIdentifier | undefined {
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DefaultKeyword);
  if (ts.isFunctionDeclaration(fn)) return fn.name && !exported(fn) ? fn.name : undefined;
  if (ts.isMethodDeclaration(fn)) {
    if (ts.isPrivateIdentifier(fn.name)) return fn.name;
    const isPrivate = (ts.getModifiers(fn) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
    return isPrivate && ts.isIdentifier(fn.name) ? fn.name : undefined;
  }
  const holder = fn.parent;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && holder && ts.isVariableDeclaration(holder) && holder.initializer === fn && ts.isIdentifier(holder.name)) {
    const statement = holder.parent?.parent;
    return statement && ts.isVariableStatement(statement) && !exported(statement) ? holder.name : undefined;
  }
  return undefined;
}

/**
 * Does every caller pass this parameter? True for a parameter of a function only its own file can
 * call, whose name is used only in calls (`f(…)`, `this.f(…)`) that pass an argument in its place.
 * Then an optional parameter without a default is never missing.
 */
export function everyCallPasses(parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  const name = privateName(fn);
  const index = fn.parameters.indexOf(parameter);
  if (!name || index < 0) return false;
  const uses = identifiersNamed(fn.getSourceFile(), name.text).filter((id) => id !== name);
  return uses.length > 0 && uses.every((use) => {
    const callee = ts.isPropertyAccessExpression(use.parent) && use.parent.name === use ? use.parent : use;
    const call = callee.parent;
    if (!call || !ts.isCallExpression(call) || call.expression !== callee) return false;
    const passed = call.arguments.slice(0, index + 1);
    return passed.length === index + 1 && !passed.some(ts.isSpreadElement);
  });
}
