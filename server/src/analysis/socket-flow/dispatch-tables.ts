// Dispatch tables: an object literal of handlers (`const handlers = { join(ws, msg) {…} }`, or a
// module's exported object), or a table the project fills (`events[name] = fn`, `map.set(name, fn)`,
// a registration helper), whose functions are called through a computed key — their call sites
// for the socket flow's parameters (parameters.ts).
import * as ts from 'typescript';
import { isFunctionLike, skipOuterExpressions } from '../syntax';
import { isMapLookup, lastName } from './file-index';
import type { SocketFlow } from './flow';
import { callSitesOf, handlerObjectOf, MAX_CALL_SITES, type CallSite } from './parameters';
import { inherit, recording, type Reads } from './reads';

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
  if (ts.isElementAccessExpression(callee)) return callee.expression;
  return isMapLookup(callee) ? callee.expression.expression : undefined;
}

function isModuleExports(node: ts.Expression): boolean {
  const e = skipOuterExpressions(node);
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
}

/**
 * Handlers registered into a table by the project's own code and called through it with a
 * computed key: `events[name] = fn`, `handlers.set(name, fn)`, or a registration helper
 * (`function on(name, fn) { events[name] = fn }` … `on('auth', require('./auth'))`), then
 * `events[msg.e](ws, data)` or `handlers.get(type)?.(ws, msg)`. Resolved once per flow: every
 * dispatch call's table, what is written into it, and which project functions those values are.
 */
export function registeredCallsOf(flow: SocketFlow, fn: FunctionNode, depth: number): CallSite[] {
  let registry = registries.get(flow);
  if (registry === 'building') return [];
  if (!registry) {
    registries.set(flow, 'building');
    const built = recording(() => buildRegistry(flow, depth));
    registries.set(flow, (registry = { sites: built.value, reads: built.reads }));
  } else {
    inherit(registry.reads);
  }
  return registry.sites.get(fn) ?? [];
}

/** Per flow, the registry and what building it read (reads.ts: every query that uses it inherits that). */
const registries = new WeakMap<SocketFlow, { sites: ReadonlyMap<ts.Node, CallSite[]>; reads: Reads } | 'building'>();

function buildRegistry(flow: SocketFlow, depth: number): ReadonlyMap<ts.Node, CallSite[]> {
  const dispatches = new Map<ts.Symbol, ts.CallExpression[]>();
  for (const index of flow.indexes()) {
    for (const calls of index.tableCalls.values()) {
      for (const call of calls) {
        const table = tableExpression(flow, call);
        const symbol = table && tableSymbol(flow, table);
        if (!symbol) continue;
        const list = dispatches.get(symbol);
        if (list) list.push(call);
        else dispatches.set(symbol, [call]);
      }
    }
  }
  const registry = new Map<ts.Node, CallSite[]>();
  for (const [symbol, calls] of dispatches) {
    for (const index of flow.indexes()) {
      for (const write of index.elementWrites.get(symbol.name) ?? []) {
        const written = writtenTo(flow, write, symbol);
        if (!written) continue;
        for (const handler of functionsOf(flow, written, depth)) {
          const sites = registry.get(handler) ?? [];
          for (const call of calls) if (sites.length < MAX_CALL_SITES) sites.push({ args: call.arguments, offset: 0 });
          registry.set(handler, sites);
        }
      }
    }
  }
  return registry;
}

/** The symbol of a table expression (`events`, `this.handlers`). */
function tableSymbol(flow: SocketFlow, table: ts.Expression): ts.Symbol | undefined {
  const e = skipOuterExpressions(table);
  return ts.isIdentifier(e) ? flow.symbolOf(e) : ts.isPropertyAccessExpression(e) ? flow.symbolOf(e.name) : undefined;
}

/** `table[k] = v` or `table.set(k, v)` on this table: `v`. */
function writtenTo(flow: SocketFlow, write: ts.Node, symbol: ts.Symbol): ts.Expression | undefined {
  if (ts.isBinaryExpression(write)) {
    const left = skipOuterExpressions(write.left);
    return ts.isElementAccessExpression(left) && tableSymbol(flow, left.expression) === symbol ? write.right : undefined;
  }
  if (ts.isCallExpression(write) && ts.isPropertyAccessExpression(write.expression) && write.expression.name.text === 'set' && write.arguments.length === 2) {
    return tableSymbol(flow, write.expression.expression) === symbol ? write.arguments[1] : undefined;
  }
  return undefined;
}

/**
 * The project functions a written value is: the function itself, what its type names (a
 * function's name, an import, `require('./handler')`), or — for a registration helper's
 * parameter — the same for each argument its callers pass there.
 */
function functionsOf(flow: SocketFlow, value: ts.Expression, depth: number): FunctionNode[] {
  const e = skipOuterExpressions(value);
  if (isFunctionLike(e)) return [e];
  const declaration = ts.isIdentifier(e) ? flow.symbolOf(e)?.valueDeclaration : undefined;
  if (declaration && ts.isParameter(declaration) && !declaration.dotDotDotToken && isFunctionLike(declaration.parent)) {
    const helper = declaration.parent;
    const position = helper.parameters.indexOf(declaration);
    return callSitesOf(flow, helper, depth).flatMap((site) => {
      const argument = site.args[position + site.offset];
      return argument && !ts.isSpreadElement(argument) ? functionsByType(flow, argument) : [];
    });
  }
  return functionsByType(flow, e);
}

function functionsByType(flow: SocketFlow, expression: ts.Expression): FunctionNode[] {
  const e = skipOuterExpressions(expression);
  if (isFunctionLike(e)) return [e];
  const declarations = flow.checker.getTypeAtLocation(e).getSymbol()?.declarations ?? [];
  return declarations.filter((d): d is FunctionNode & ts.Declaration => isFunctionLike(d) && !d.getSourceFile().isDeclarationFile);
}
