// Functions that are their module's export (`module.exports = async (ws, req) => …`, `export
// default function (ws) {…}`): they have no name of their own, so the places that use them are
// found through the modules that require them (`const sshHook = require('../hooks/ssh')`).
import * as ts from 'typescript';
import { skipOuterExpressions } from '../syntax';
import type { SocketFlow } from './flow';
import { requiredModule } from './sources';

/** The statement that makes `fn` its module's export: `module.exports = fn`, `export default fn`, or `fn` itself (`export default function`). */
export function moduleExportOf(fn: ts.Node): ts.Node | undefined {
  const parent = fn.parent;
  if (ts.isFunctionDeclaration(fn) && fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return fn;
  if (parent && ts.isExportAssignment(parent)) return parent;
  const isModuleExports = !!parent && ts.isBinaryExpression(parent) && parent.right === fn && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.left.getText() === 'module.exports';
  return isModuleExports && ts.isExpressionStatement(parent.parent) && ts.isSourceFile(parent.parent.parent) ? parent : undefined;
}

/** `require('./routes/term')` of the module `exported` is the export of, or a name bound to it (`const term = require(…)`, `import term from …`). */
export function namesModuleExport(flow: SocketFlow, expression: ts.Expression, exported: ts.Node): boolean {
  const e = skipOuterExpressions(expression);
  const file = exported.getSourceFile();
  if (requiredModule(e) !== undefined) return flow.checker.getSymbolAtLocation((e as ts.CallExpression).arguments[0]!)?.valueDeclaration === file;
  if (!ts.isIdentifier(e)) return false;
  const symbol = flow.symbolOf(e);
  return !!symbol?.declarations?.some((d) => d === exported || d === exported.parent || (ts.isSourceFile(d) && d === file));
}

/** The calls `name(…)` of a module export through the names its requirers give it (`const sshHook = require('../hooks/ssh'); sshHook(ws, ctx)`). */
export function callsOfModuleExport(flow: SocketFlow, exported: ts.Node, limit: number): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  for (const index of flow.indexes()) {
    for (const require of index.calls.get('require') ?? []) {
      const declaration = require.parent;
      if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== require || !ts.isIdentifier(declaration.name) || !namesModuleExport(flow, require, exported)) continue;
      for (const call of index.calls.get(declaration.name.text) ?? []) {
        if (calls.length >= limit) return calls;
        if (namesModuleExport(flow, call.expression, exported)) calls.push(call);
      }
    }
  }
  return calls;
}
