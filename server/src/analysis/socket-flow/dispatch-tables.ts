// Dispatch tables: an object literal of handlers (`const handlers = { join(ws, msg) {…} }`, or a
// module's exported object) whose functions are called through a computed key — their call sites
// for the socket flow's parameters (parameters.ts).
import * as ts from 'typescript';
import { skipOuterExpressions } from '../syntax';
import { lastName } from './file-index';
import type { SocketFlow } from './flow';
import { handlerObjectOf, MAX_CALL_SITES, type CallSite } from './parameters';

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

/**
 * A function of a dispatch table (`const handlers = { join(ws, msg) {…} }`) called through a
 * computed key: `handlers[msg.type](ws, msg)`, `handlers[type]?.(ws, msg)`, or `h(ws, msg)` after
 * `const h = handlers[type]` — where the flow confirms the table is this object literal.
 */
export function tableCallsOf(flow: SocketFlow, fn: FunctionNode, depth: number): CallSite[] {
  const literal = handlerObjectOf(fn);
  const holder = literal?.parent;
  if (!literal || !holder) return [];
  // The name the table is kept under; a module's exported object may be imported under any name.
  const name = ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? holder.name.text : ts.isBinaryExpression(holder) && !isModuleExports(holder.left) ? lastName(holder.left) : ts.isPropertyAssignment(holder) || ts.isBinaryExpression(holder) || ts.isExportAssignment(holder) ? undefined : null;
  if (name === null) return [];
  const sites: CallSite[] = [];
  for (const index of flow.indexes()) {
    const calls = name !== undefined ? (index.tableCalls.get(name) ?? []) : [...index.tableCalls.values()].flat();
    for (const call of calls) {
      if (sites.length >= MAX_CALL_SITES) return sites;
      const table = tableExpression(flow, call);
      if (table && isTable(flow, table, literal, depth)) sites.push({ args: call.arguments, offset: 0 });
    }
  }
  return sites;
}

/** The flow, or the checker (an object `require`d from another file has the literal's type), says `table` is this literal. */
function isTable(flow: SocketFlow, table: ts.Expression, literal: ts.ObjectLiteralExpression, depth: number): boolean {
  if (flow.valuesOf(table, depth).some((v) => v.kind === 'object' && v.literal === literal)) return true;
  return flow.checker.getTypeAtLocation(table).getSymbol()?.declarations?.includes(literal) ?? false;
}

/** The table of a dispatch call: `handlers` in `handlers[k](…)`, or in `h(…)` after `const h = handlers[k]`. */
function tableExpression(flow: SocketFlow, call: ts.CallExpression): ts.Expression | undefined {
  let callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) {
    const decl = flow.symbolOf(callee)?.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    callee = skipOuterExpressions(decl.initializer);
  }
  return ts.isElementAccessExpression(callee) ? callee.expression : undefined;
}

function isModuleExports(node: ts.Expression): boolean {
  const e = skipOuterExpressions(node);
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
}
