// The places sockets come from when no type says so: WebSocket constructors (global, `ws`,
// `isomorphic-ws`, reconnecting wrappers), `WebSocketPair`, `Deno.upgradeWebSocket`, the servers
// whose `connection` listeners receive sockets, and the handler objects of Bun and uWebSockets.js.
// Each is recognised by name AND by where the name comes from (an import, a `require`, a global),
// so a project's own `WebSocket` class or a `connection` event of a database pool is not one.
import * as ts from 'typescript';
import { DURABLE_OBJECT_SOCKET_HANDLERS, GLOBAL_OBJECTS, HONO_EVENTS, NEST_GATEWAY, GLOBAL_SOCKET_RUNTIME, SOCKET_CONSTRUCTORS, SOCKET_SERVERS, type SocketEmitter } from '../../registry/socket-sources';
import type { Platform, RuntimeId } from '../../registry/types';
import { importedModulesOf } from '../context';
import { packageNameOf } from '../declared-runtimes';
import { baseClassExpression, enclosingFunction, skipOuterExpressions } from '../syntax';

/** What an imported or required binding is: the module and the export (`=` for `module.exports`). */
export interface ModuleBinding {
  readonly module: string;
  readonly exportName: string;
}

export function constructorRuntime(binding: ModuleBinding | 'global', name: string, platform: Platform): RuntimeId | undefined {
  if (binding === 'global') return SOCKET_CONSTRUCTORS['']![name] === undefined ? undefined : GLOBAL_SOCKET_RUNTIME[platform];
  return SOCKET_CONSTRUCTORS[binding.module]?.[binding.exportName];
}

/** A module whose exports the flow knows (`ws`, `isomorphic-ws`…): other modules are followed into their code. */
export function isSocketModule(module: string): boolean {
  return SOCKET_CONSTRUCTORS[module] !== undefined || SOCKET_SERVERS[module] !== undefined;
}

/** What the instances of a server export give their listeners (`new WebSocketServer()` of `ws`). */
export function serverEmitter(binding: ModuleBinding): SocketEmitter | undefined {
  return SOCKET_SERVERS[binding.module]?.[binding.exportName];
}

/** `require('x')` → 'x'. */
export function requiredModule(node: ts.Node): string | undefined {
  const e = ts.isExpression(node) ? skipOuterExpressions(node) : node;
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== 'require') return undefined;
  const first = e.arguments[0];
  return e.arguments.length === 1 && first && ts.isStringLiteralLike(first) ? first.text : undefined;
}

/**
 * The module binding an import or require declaration gives a name: `import W from 'ws'`,
 * `import { WebSocketServer as S } from 'ws'`, `import * as ws from 'ws'`, `const W = require('ws')`,
 * `const { Server } = require('ws')`.
 */
export function bindingOfDeclaration(decl: ts.Node): ModuleBinding | undefined {
  if (ts.isImportClause(decl) && decl.name) return moduleOf(decl.parent, 'default');
  if (ts.isNamespaceImport(decl)) return moduleOf(decl.parent.parent, '*');
  if (ts.isImportSpecifier(decl)) return moduleOf(decl.parent.parent.parent, (decl.propertyName ?? decl.name).text);
  if (ts.isImportEqualsDeclaration(decl) && ts.isExternalModuleReference(decl.moduleReference) && ts.isStringLiteralLike(decl.moduleReference.expression)) {
    return { module: decl.moduleReference.expression.text, exportName: '=' };
  }
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const required = requiredModule(decl.initializer);
    if (required !== undefined && ts.isIdentifier(decl.name)) return { module: required, exportName: '=' };
    const init = skipOuterExpressions(decl.initializer);
    // const W = require('ws').WebSocket
    if (ts.isPropertyAccessExpression(init)) {
      const module = requiredModule(init.expression);
      if (module !== undefined) return { module, exportName: init.name.text };
    }
  }
  if (ts.isBindingElement(decl) && ts.isObjectBindingPattern(decl.parent) && ts.isVariableDeclaration(decl.parent.parent) && decl.parent.parent.initializer) {
    const module = requiredModule(decl.parent.parent.initializer);
    const name = decl.propertyName ?? decl.name;
    if (module !== undefined && ts.isIdentifier(name)) return { module, exportName: name.text };
  }
  return undefined;
}

function moduleOf(importDeclaration: ts.ImportDeclaration | ts.JSDocImportTag, exportName: string): ModuleBinding | undefined {
  const specifier = importDeclaration.moduleSpecifier;
  return ts.isStringLiteralLike(specifier) ? { module: specifier.text, exportName } : undefined;
}

/** `window.WebSocket`, `globalThis.WebSocket`, `self.WebSocket`, `global.WebSocket`. */
export function isGlobalObjectAccess(node: ts.PropertyAccessExpression): boolean {
  const object = skipOuterExpressions(node.expression);
  return ts.isIdentifier(object) && GLOBAL_OBJECTS.has(object.text);
}

/** `Deno.upgradeWebSocket(req)`. */
export function isDenoUpgrade(node: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(node.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'upgradeWebSocket' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Deno';
}

/** `Bun.serve({ …, websocket: { open(ws) {…}, message(ws, m) {…}, close(ws, code, reason) {…} } })`. */
export function bunHandlerObject(handlers: ts.ObjectLiteralExpression): boolean {
  const property = handlers.parent;
  if (!property || !ts.isPropertyAssignment(property) || property.initializer !== handlers || property.name.getText() !== 'websocket') return false;
  const options = property.parent;
  if (!ts.isObjectLiteralExpression(options)) return false;
  const call = options.parent;
  if (call && ts.isCallExpression(call)) {
    const callee = skipOuterExpressions(call.expression);
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'serve' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Bun';
  }
  // `export default { fetch(req, server) {…}, websocket: {…} }`: Bun's module-style server.
  return !!call && ts.isExportAssignment(call) && options.properties.some((p) => p.name?.getText() === 'fetch');
}

/** `app.ws('/path', { open: (ws) => …, message: (ws, m) => … })` of uWebSockets.js. */
export function uwsHandlerObject(handlers: ts.ObjectLiteralExpression, importsUws: boolean): boolean {
  const call = handlers.parent;
  if (!importsUws || !call || !ts.isCallExpression(call) || call.arguments[1] !== handlers) return false;
  const callee = skipOuterExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'ws';
}

/**
 * The events object a Hono `upgradeWebSocket((c) => ({ onOpen(evt, ws), onClose(evt, ws) }))`
 * callback returns: contextually typed by hono's `WSEvents` where hono is installed, or — without
 * it — returned from a function passed to a call named `upgradeWebSocket` (not Deno's, which takes
 * a request).
 */
export function honoEventsObject(literal: ts.ObjectLiteralExpression, checker: ts.TypeChecker): boolean {
  const contextual = checker.getContextualType(literal);
  const declared = HONO_EVENTS.handlers.flatMap((name) => contextual?.getProperty(name)?.declarations ?? []);
  if (declared.length > 0) return declared.some((d) => packageNameOf(d.getSourceFile().fileName) === 'hono');
  let node: ts.Node = literal;
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const producer = node.parent && ts.isReturnStatement(node.parent) ? enclosingFunction(node.parent) : node.parent;
  if (!producer || !(ts.isArrowFunction(producer) || ts.isFunctionExpression(producer)) || !producer.parent || !ts.isCallExpression(producer.parent)) return false;
  const callee = skipOuterExpressions(producer.parent.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name === HONO_EVENTS.factory && !(ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Deno');
}

/** The name of a handler of a Hono events object (`onOpen`, `onClose`…), if `fn` is one. */
export function honoHandlerName(fn: ts.Node, checker: ts.TypeChecker): string | undefined {
  const member = ts.isMethodDeclaration(fn) ? fn : fn.parent;
  if (!member || !(ts.isMethodDeclaration(member) || ts.isPropertyAssignment(member)) || !ts.isIdentifier(member.name)) return undefined;
  const name = member.name.text;
  if (!(HONO_EVENTS.handlers as readonly string[]).includes(name) || !ts.isObjectLiteralExpression(member.parent)) return undefined;
  return honoEventsObject(member.parent, checker) ? name : undefined;
}

/**
 * `webSocketMessage(ws, message)` / `webSocketClose(ws, code, reason, wasClean)` of a Durable
 * Object, which Workers' hibernation API calls with the socket first.
 */
export function isDurableObjectSocketHandler(fn: ts.Node, platform: Platform): fn is ts.MethodDeclaration {
  if (!ts.isMethodDeclaration(fn) || !ts.isIdentifier(fn.name) || !DURABLE_OBJECT_SOCKET_HANDLERS.has(fn.name.text) || !ts.isClassLike(fn.parent)) return false;
  return isDurableObjectClass(fn.parent, platform);
}

/**
 * `state.getWebSockets()` / `this.ctx.getWebSockets(tag)` in a Durable Object: the sockets the
 * hibernation API kept for it.
 */
export function isHibernatedSocketsCall(call: ts.CallExpression, platform: Platform): boolean {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'getWebSockets' || call.arguments.length > 1) return false;
  let node: ts.Node | undefined = call.parent;
  while (node && !ts.isClassLike(node) && !ts.isSourceFile(node)) node = node.parent;
  if (platform === 'cloudflare') return true;
  if (!node || !ts.isClassLike(node)) return false;
  const hasSocketHandler = node.members.some((m) => m.name !== undefined && ts.isIdentifier(m.name) && DURABLE_OBJECT_SOCKET_HANDLERS.has(m.name.text));
  return hasSocketHandler || isDurableObjectClass(node, platform);
}

/** A Durable Object class: it extends `DurableObject`, accepts sockets itself, or the project runs on Workers. */
function isDurableObjectClass(cls: ts.ClassLikeDeclaration, platform: Platform): boolean {
  const base = baseClassExpression(cls);
  return platform === 'cloudflare' || (base !== undefined && /\bDurableObject\b/.test(base.getText())) || /\.acceptWebSocket\(/.test(cls.getText());
}

/**
 * A client's socket in a NestJS gateway on the ws adapter: the first parameter of
 * `handleConnection`/`handleDisconnect`, or a `@ConnectedSocket()` parameter, in a
 * `@WebSocketGateway()` class whose file imports ws, or of a project that imports
 * @nestjs/platform-ws (`projectUsesAdapter`, asked last: it reads the project).
 */
export function isNestGatewaySocket(parameter: ts.ParameterDeclaration, projectUsesAdapter: () => boolean): boolean {
  const method = parameter.parent;
  if (!ts.isMethodDeclaration(method) || !ts.isClassLike(method.parent) || !hasDecorator(method.parent, NEST_GATEWAY.decorator)) return false;
  const handler = ts.isIdentifier(method.name) && (NEST_GATEWAY.handlers as readonly string[]).includes(method.name.text) && method.parameters[0] === parameter;
  if (!handler && !hasDecorator(parameter, NEST_GATEWAY.socketDecorator)) return false;
  return importedModulesOf(parameter.getSourceFile()).has(NEST_GATEWAY.socketModule) || projectUsesAdapter();
}

function hasDecorator(node: ts.HasDecorators, name: string): boolean {
  return (ts.getDecorators(node) ?? []).some((decorator) => {
    const call = decorator.expression;
    const callee = ts.isCallExpression(call) ? call.expression : call;
    return ts.isIdentifier(callee) && callee.text === name;
  });
}
