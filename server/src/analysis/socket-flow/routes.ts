// WebSocket routes of HTTP framework plugins (registry ROUTE_PLUGINS): the route handler's first
// parameter is the socket — the handler's and each middleware's before it, written in the call or
// passed by name (`api.ws(path, requirePeerAuth, room.join)`, functions of other modules).
// A route is recognised by its shape (express-ws's `app.ws(path, …, fn)`,
// @fastify/websocket's `{ websocket: true }` options or `wsHandler`) AND by the plugin being
// imported somewhere in the project: routes are often declared in a file that never names the
// plugin (`router.ws(…)` in a routes module, `fastify.get(…)` in a registered plugin).
import * as ts from 'typescript';
import { ROUTE_PLUGINS } from '../../registry/socket-sources';
import { skipOuterExpressions } from '../syntax';
import type { SocketFlow } from './flow';
import { noteFile, noteKey, quotedModule } from './reads';
import { moduleExportOf, namesModuleExport } from './module-exports';
import type { FlowValue } from './values';

type Plugin = (typeof ROUTE_PLUGINS)[number];

/** The socket a route handler receives as its first parameter, when `fn` is one. */
export function routeHandlerSocket(flow: SocketFlow, fn: ts.SignatureDeclaration): FlowValue | undefined {
  const parent = fn.parent;
  for (const plugin of ROUTE_PLUGINS) {
    const isRoute = 'method' in plugin ? isMethodRoute(fn, parent, plugin.method) : isOptionRoute(fn, parent, plugin.option, plugin.handler);
    if (isRoute && projectImports(flow, plugin.module)) {
      return { kind: 'socket', source: { kind: 'route-handler', runtime: plugin.runtime, node: parent && ts.isCallExpression(parent) ? parent : fn, name: plugin.module }, steps: [] };
    }
  }
  return undefined;
}

/** `x.ws('/path', …middleware, fn)`: an argument after the path of a `ws` method call (express-ws gives every middleware the socket too). */
function isMethodRoute(fn: ts.Node, parent: ts.Node | undefined, method: string): boolean {
  return !!parent && ts.isCallExpression(parent) && parent.arguments.indexOf(fn as ts.Expression) > 0 && isMethodRouteCall(parent, method);
}

function isMethodRouteCall(call: ts.CallExpression, method: string): boolean {
  const callee = skipOuterExpressions(call.expression);
  const path = call.arguments[0];
  return call.arguments.length >= 2 && ts.isPropertyAccessExpression(callee) && callee.name.text === method && !!path && (ts.isStringLiteralLike(path) || ts.isTemplateExpression(path) || ts.isRegularExpressionLiteral(path));
}

/** The methods that declare routes with handlers given by name (express-ws's `ws`, Fastify's `get`), to look up in the flow's index of calls. */
const ROUTE_METHODS: readonly string[] = [...new Set(ROUTE_PLUGINS.flatMap((plugin) => ('method' in plugin ? [plugin.method] : plugin.methods)))];

const HANDLER_PROPERTIES: ReadonlySet<string> = new Set(ROUTE_PLUGINS.flatMap((plugin) => ('handler' in plugin ? [plugin.handler, 'handler'] : [])));

/**
 * Where a route call may name its handler: the arguments after the path, and the `handler` or
 * `wsHandler` of an options object (`fastify.route({ url, websocket: true, handler: onLobby })`).
 */
function routeHandlerReferences(call: ts.CallExpression): readonly ts.Expression[] {
  return call.arguments.flatMap((argument, at) => {
    if (ts.isObjectLiteralExpression(argument)) return argument.properties.flatMap((p) => (ts.isPropertyAssignment(p) && HANDLER_PROPERTIES.has(p.name.getText()) ? [p.initializer] : []));
    return at > 0 ? [argument] : [];
  });
}

/**
 * The socket a function passed by name to a route call receives (`api.ws('/room', auth, room.join)`,
 * `fastify.get('/lobby', { websocket: true }, onLobby)`; `reference` one of routeHandlerReferences),
 * when the call is a route of a plugin the project imports.
 */
function routeReferenceSocket(flow: SocketFlow, call: ts.CallExpression, reference: ts.Expression): FlowValue | undefined {
  for (const plugin of ROUTE_PLUGINS) {
    const isRoute = 'method' in plugin ? call.arguments.indexOf(reference) > 0 && isMethodRouteCall(call, plugin.method) : isOptionRoute(reference, reference.parent, plugin.option, plugin.handler);
    if (isRoute && projectImports(flow, plugin.module)) {
      return { kind: 'socket', source: { kind: 'route-handler', runtime: plugin.runtime, node: call, name: plugin.module }, steps: [] };
    }
  }
  return undefined;
}

/**
 * `app.ws('/term', require('./routes/term'))`, `app.ws('/term', term)` with `import term from
 * './routes/term'`: a route handler that is its module's export (`module.exports = async (ws, req)
 * => …`, `export default function (ws) {…}`), the socket its first parameter receives.
 */
export function routeByModuleExport(flow: SocketFlow, fn: ts.SignatureDeclaration): FlowValue | undefined {
  const exported = moduleExportOf(fn);
  return exported ? routeNaming(flow, (reference) => namesModuleExport(flow, reference, exported)) : undefined;
}

/**
 * The socket of the first route call in the project (found in the flow's index of calls by
 * ROUTE_METHODS) whose handler reference (routeHandlerReferences) `names` the function.
 */
export function routeNaming(flow: SocketFlow, names: (reference: ts.Expression) => boolean): FlowValue | undefined {
  for (const index of flow.indexes()) {
    for (const method of ROUTE_METHODS) {
      for (const call of index.calls.get(method) ?? []) {
        for (const reference of routeHandlerReferences(call)) {
          if (!names(reference)) continue;
          const socket = routeReferenceSocket(flow, call, reference);
          if (socket) return socket;
        }
      }
    }
  }
  return undefined;
}

/**
 * `f.get('/path', { websocket: true }, fn)`, `f.route({ …, websocket: true, handler: fn })` and
 * `f.route({ …, wsHandler: fn })`.
 */
function isOptionRoute(fn: ts.Node, parent: ts.Node | undefined, option: string, handler: Extract<Plugin, { option: string }>['handler']): boolean {
  if (parent && ts.isCallExpression(parent)) {
    const at = parent.arguments.indexOf(fn as ts.Expression);
    return at > 0 && parent.arguments.slice(0, at).some((arg) => ts.isObjectLiteralExpression(arg) && hasTrueOption(arg, option));
  }
  if (parent && ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
    const name = parent.name.getText();
    return name === handler || (name === 'handler' && hasTrueOption(parent.parent, option));
  }
  if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent)) {
    return fn.name.getText() === handler;
  }
  return false;
}

function hasTrueOption(options: ts.ObjectLiteralExpression, option: string): boolean {
  return options.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === option && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

/** Per module, the first project file that names it (null: none). */
const imported = new WeakMap<SocketFlow, Map<string, ts.SourceFile | null>>();

/**
 * Whether a project file imports or requires the module (its name written as a string). For
 * --cache (reads.ts): a yes rests on the file that says so, a no on every file not naming it.
 */
export function projectImports(flow: SocketFlow, module: string): boolean {
  let known = imported.get(flow);
  if (!known) imported.set(flow, (known = new Map()));
  let found = known.get(module);
  if (found === undefined) {
    const quoted = quotedModule(module);
    found = flow.projectFiles().find((file) => quoted.test(file.text)) ?? null;
    known.set(module, found);
  }
  if (found) noteFile(found.fileName);
  else noteKey('text', module);
  return found !== null;
}
