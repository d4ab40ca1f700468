// Values that reach a function through its parameters — from the listener registrations that
// give sockets (a ws server's `connection`, Bun and uWebSockets.js handlers, `handleUpgrade`,
// `forEach` over a collection) and from every call of the function in the project (direct calls,
// method calls, `new`, `super`, `.call`, and references passed on, `.bind(this)` included) —
// and values that leave a function through its returns.
import * as ts from 'typescript';
import { HONO_EVENTS, NEST_GATEWAY, SERVER_SOCKET_HANDLERS, UWS_MODULE, WORKERS_SOCKETS, WS_SERVER } from '../../registry/socket-sources';
import { baseClassExpression, functionNameNode, isFunctionLike, isIterationCallback, listenerRegistration, parameterAt, parameterPosition, skipOuterExpressions } from '../syntax';
import { elementsOf, keysOf } from './collections';
import { annotatedSocket } from './declared';
import { runtimesOfType } from '../declared-runtimes';
import { lastName } from './file-index';
import { functionOf } from './members';
import { callsOfModuleExport, moduleExportOf } from './module-exports';
import type { SocketFlow } from './flow';
import { prototypeOwner, thisOwner } from './prototype';
import { projectImports, routeByModuleExport, routeHandlerSocket, routeNaming } from './routes';
import { bunHandlerObject, honoHandlerName, isDurableObjectSocketHandler, isNestGatewaySocket, uwsHandlerObject } from './sources';
import { registeredCallsOf, tableCallsOf } from './dispatch-tables';
import { withStep, type FlowValue } from './values';

export const MAX_CALL_SITES = 40;

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

export function parameterValues(flow: SocketFlow, param: ts.ParameterDeclaration, depth: number): readonly FlowValue[] {
  const fn = param.parent;
  if (!isFunctionLike(fn) || param.dotDotDotToken) return [];
  // The position callers pass it at: a `this` parameter (`function onLobby(this: FastifyInstance, socket)`) is not passed.
  const index = parameterPosition(fn, param);
  const declared = typedByContext(flow, fn, param, index);
  if (declared) return declared;
  const values: FlowValue[] = [];
  if (param.initializer) values.push(...flow.valuesOf(param.initializer, depth));
  const contextual = contextuallyAnnotated(flow, fn, param, index);
  if (contextual) values.push(contextual);
  values.push(...listenerValues(flow, fn, index, depth));
  const label = ts.isIdentifier(param.name) ? param.name.text : param.name.getText();
  for (const site of callSitesOf(flow, fn, depth)) {
    const argument = site.args[index + site.offset];
    if (!argument || ts.isSpreadElement(argument)) continue;
    values.push(...withStep(flow.valuesOf(argument, depth), { node: argument, label }));
  }
  return values;
}

/**
 * `wss.clients.forEach((ws: any) => …)`: a callback parameter written as `any` or `unknown` where
 * the call it is passed to declares a socket type for it. The author only widened the type; the
 * value is what the declaration says.
 */
function typedByContext(flow: SocketFlow, fn: FunctionNode, parameter: ts.ParameterDeclaration, index: number): readonly FlowValue[] | undefined {
  const written = parameter.type?.kind;
  if (written !== ts.SyntaxKind.AnyKeyword && written !== ts.SyntaxKind.UnknownKeyword) return undefined;
  const expected = contextualParameter(flow, fn, index);
  if (!expected) return undefined;
  const runtimes = runtimesOfType(flow.checker.getTypeOfSymbolAtLocation(expected, fn), flow);
  if (runtimes === 'untyped' || runtimes.length === 0) return undefined;
  return runtimes.map((runtime) => ({ kind: 'socket', source: { kind: 'declared-type', runtime, node: parameter }, steps: [] }));
}

/**
 * `onOpen: async (ws) => …` returned as the project's `{ onOpen(ws: WSContext): void }`: the
 * parameter's type is written on the signature the function implements, as a socket type that
 * does not resolve (types not installed) — the written name says what it is.
 */
function contextuallyAnnotated(flow: SocketFlow, fn: FunctionNode, parameter: ts.ParameterDeclaration, index: number): FlowValue | undefined {
  if (parameter.type) return undefined;
  const declared = contextualParameter(flow, fn, index)?.valueDeclaration;
  return declared && ts.isParameter(declared) && !declared.getSourceFile().isDeclarationFile ? annotatedSocket(flow, declared) : undefined;
}

/** The parameter that the signature a function expression is written against declares at `index`. */
function contextualParameter(flow: SocketFlow, fn: FunctionNode, index: number): ts.Symbol | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  return flow.checker.getContextualType(fn)?.getCallSignatures()[0]?.getParameters()[index];
}

/** Sockets a function receives as a listener or handler (sources), and collection elements it iterates. */
function listenerValues(flow: SocketFlow, fn: FunctionNode, index: number, depth: number): readonly FlowValue[] {
  const values: FlowValue[] = [];
  const registrations = registrationsOf(flow, fn, depth);
  for (const registration of registrations) {
    const { call, event } = registration;
    const emitter = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
    if (!emitter) continue;
    for (const server of flow.valuesOf(emitter, depth)) {
      if (server.kind === 'instance') values.push(...emittedValues(flow, server.declaration, event, index, depth));
      if (server.kind !== 'server' || index !== 0) continue;
      const given = server.emitter.events.find((e) => e.event === event);
      if (!given) continue;
      if (given.accept) values.push({ kind: 'socket-request', runtime: server.emitter.runtime, event: given, node: call });
      else values.push({ kind: 'socket', source: { kind: given.evidence, runtime: server.emitter.runtime, node: call }, steps: [] });
    }
  }
  const parent = fn.parent;
  // wss.handleUpgrade(req, socket, head, (ws) => …)
  if (parent && ts.isCallExpression(parent) && parent.arguments[3] === fn && index === 0 && lastName(parent.expression) === 'handleUpgrade' && ts.isPropertyAccessExpression(parent.expression)) {
    for (const server of flow.valuesOf(parent.expression.expression, depth)) {
      if (server.kind === 'server' && server.emitter === WS_SERVER) values.push({ kind: 'socket', source: { kind: 'connection-listener', runtime: server.emitter.runtime, node: parent }, steps: [] });
    }
  }
  // promise.then((socket) => …): what the promise gives (an async function's returns, followed by `await` too)
  if (parent && ts.isCallExpression(parent) && parent.arguments[0] === fn && index === 0 && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'then') {
    values.push(...flow.valuesOf(parent.expression.expression, depth));
  }
  // collection.forEach((socket) => …)
  if (isIterationCallback(fn)) {
    const iteration = (fn.parent as ts.CallExpression).expression as ts.PropertyAccessExpression;
    if (index === 0) values.push(...elementsOf(flow, iteration.expression, depth));
    // map.forEach((state, socket) => …): the keys the project set.
    if (index === 1 && iteration.name.text === 'forEach') values.push(...keysOf(flow, iteration.expression, depth));
  }
  if (index === 0 && isDurableObjectSocketHandler(fn, flow.platform)) {
    values.push({ kind: 'socket', source: { kind: 'hibernation', runtime: WORKERS_SOCKETS.runtime, node: fn }, steps: [] });
  }
  const route = index === 0 ? (routeHandlerSocket(flow, fn) ?? routeByReference(flow, fn, depth) ?? routeByModuleExport(flow, fn)) : undefined;
  if (route) values.push(route);
  if (index === HONO_EVENTS.socketParameter && honoHandlerName(fn, flow.checker)) {
    values.push({ kind: 'socket', source: { kind: 'server-handler', runtime: HONO_EVENTS.runtime, node: fn }, steps: [] });
  }
  const parameter = parameterAt(fn, index);
  if (parameter && isNestGatewaySocket(parameter, () => projectImports(flow, NEST_GATEWAY.adapterModule))) {
    values.push({ kind: 'socket', source: { kind: 'route-handler', runtime: NEST_GATEWAY.runtime, node: fn, name: NEST_GATEWAY.adapterModule }, steps: [] });
  }
  const handlers = handlerObjectOf(fn);
  if (handlers && index === 0 && SERVER_SOCKET_HANDLERS.has(handlerName(fn) ?? '')) {
    if (bunHandlerObject(handlers)) values.push({ kind: 'socket', source: { kind: 'server-handler', runtime: 'bun-server', node: fn }, steps: [] });
    else if (uwsHandlerObject(handlers, importsModule(fn.getSourceFile(), UWS_MODULE))) values.push({ kind: 'socket', source: { kind: 'server-handler', runtime: 'uws', node: fn }, steps: [] });
  }
  return values;
}

/**
 * A project class that passes sockets on as events of its own (`this.emit('client', ws)` in a
 * class extending EventEmitter): a listener of that event on one of its instances gets what the
 * class emits there, argument for argument.
 */
function emittedValues(flow: SocketFlow, owner: ts.Node, event: string, index: number, depth: number): readonly FlowValue[] {
  const values: FlowValue[] = [];
  for (const fileIndex of flow.indexes()) {
    for (const emit of fileIndex.calls.get('emit') ?? []) {
      const name = emit.arguments[0];
      const argument = emit.arguments[index + 1];
      if (!name || !ts.isStringLiteralLike(name) || name.text !== event || !argument || ts.isSpreadElement(argument) || !ts.isPropertyAccessExpression(emit.expression)) continue;
      const target = skipOuterExpressions(emit.expression.expression);
      const ownEmit = target.kind === ts.SyntaxKind.ThisKeyword ? thisOwner(target) === owner : flow.valuesOf(target, depth).some((v) => v.kind === 'instance' && v.declaration === owner);
      if (ownEmit) values.push(...withStep(flow.valuesOf(argument, depth), { node: emit, label: `'${event}' event` }));
    }
  }
  return values;
}

/** `{ open(ws) {…} }` or `{ open: (ws) => … }`: the object literal a handler function belongs to. */
/** The key a handler is written under in its object (`open(ws) {…}`, `message: (ws, m) => …`). */
function handlerName(fn: FunctionNode): string | undefined {
  const named = ts.isMethodDeclaration(fn) ? fn : fn.parent && ts.isPropertyAssignment(fn.parent) ? fn.parent : undefined;
  return named && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name)) ? named.name.text : undefined;
}

export function handlerObjectOf(fn: FunctionNode): ts.ObjectLiteralExpression | undefined {
  if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent)) return fn.parent;
  const parent = fn.parent;
  if (parent && ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) return parent.parent;
  return undefined;
}

interface Registration {
  readonly call: ts.CallExpression;
  readonly event: string;
}

/** `x.on('event', fn)` with the function itself, a reference to it, or `ref.bind(this)`. */
function registrationsOf(flow: SocketFlow, fn: FunctionNode, depth: number): Registration[] {
  const registrations: Registration[] = [];
  const direct = listenerRegistration(fn);
  if (direct && fn.parent && ts.isCallExpression(fn.parent)) registrations.push({ call: fn.parent, event: direct.event });
  for (const use of referencesPassedOn(flow, fn, depth)) {
    const call = use.parent;
    if (!ts.isCallExpression(call) || call.arguments[1] !== use) continue;
    const first = call.arguments[0];
    if (first && ts.isStringLiteralLike(first) && ts.isPropertyAccessExpression(call.expression) && /^(on|once|addListener|addEventListener|prependListener)$/.test(call.expression.name.text)) {
      registrations.push({ call, event: first.text });
    }
  }
  return registrations;
}

/**
 * `api.ws('/room/:slug', requirePeerAuth, room.join)`, `fastify.get('/lobby', { websocket: true },
 * onLobby)`: the function given by name (imported,
 * required, a module's export) to a plugin's route, found by name in the index and confirmed by symbol.
 */
function routeByReference(flow: SocketFlow, fn: FunctionNode, depth: number): FlowValue | undefined {
  const named = functionSymbol(flow, fn);
  if (!named) return undefined;
  const symbols = new Set([named.symbol]);
  return routeNaming(flow, (argument) => namesFunction(flow, argument, named.name, symbols, fn, depth));
}

/** The symbol that names a function: its declaration name, the variable or property holding it. */
function functionSymbol(flow: SocketFlow, fn: FunctionNode): { symbol: ts.Symbol; name: string } | undefined {
  const nameNode = functionNameNode(fn);
  const symbol = nameNode && flow.symbolOf(nameNode);
  return nameNode && symbol ? { symbol, name: nameNode.text } : undefined;
}

/**
 * Expressions elsewhere that name the function as a value passed on: `fn`, `this.fn`,
 * `this.fn.bind(this)` — and the bound copy kept under a name of its own, as constructors do
 * (`this.fn = this.fn.bind(this)`, `self.fn = self.fn.bind(self)`, `const f = fn.bind(x)`), when
 * the checker gives that storage a symbol of its own (JavaScript's `this.x = …` declarations).
 */
function referencesPassedOn(flow: SocketFlow, fn: FunctionNode, depth: number): ts.Expression[] {
  const named = functionSymbol(flow, fn);
  if (!named) return [];
  const found: ts.Expression[] = [];
  const symbols = new Set([named.symbol]);
  for (const index of flow.indexes()) {
    for (const bind of index.binds.get(named.name) ?? []) {
      const target = (bind.expression as ts.PropertyAccessExpression).expression;
      if (!resolvesTo(flow, target, named.symbol) && !memberOfOwnInstance(flow, target, fn, depth)) continue;
      found.push(bind);
      const alias = boundCopySymbol(flow, bind);
      if (alias) symbols.add(alias);
    }
  }
  for (const index of flow.indexes()) {
    for (const call of index.calls.get('on') ?? []) collectArg(call);
    for (const call of index.calls.get('once') ?? []) collectArg(call);
    for (const call of index.calls.get('addEventListener') ?? []) collectArg(call);
    for (const call of index.calls.get('addListener') ?? []) collectArg(call);
  }
  return found;

  function collectArg(call: ts.CallExpression): void {
    const arg = call.arguments[1];
    if (arg && namesFunction(flow, arg, named!.name, symbols, fn, depth)) found.push(arg);
  }
}

/** `fn`, `this.fn`, `mod.fn`: an argument that names the function, by name and then by symbol (or as a member of its own instance). */
function namesFunction(flow: SocketFlow, argument: ts.Expression, name: string, symbols: ReadonlySet<ts.Symbol>, fn: FunctionNode, depth: number): boolean {
  if ((!ts.isIdentifier(argument) && !ts.isPropertyAccessExpression(argument)) || lastName(argument) !== name) return false;
  const e = skipOuterExpressions(argument);
  const symbol = flow.symbolOf(ts.isPropertyAccessExpression(e) ? e.name : e);
  return (symbol !== undefined && symbols.has(symbol)) || memberOfOwnInstance(flow, e, fn, depth);
}

/** `x.fn = fn.bind(…)` / `const fn = f.bind(…)`: the symbol of the storage that holds the bound copy. */
function boundCopySymbol(flow: SocketFlow, bind: ts.CallExpression): ts.Symbol | undefined {
  let node: ts.Node = bind;
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (parent && ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skipOuterExpressions(parent.left);
    return flow.symbolOf(ts.isPropertyAccessExpression(left) ? left.name : left);
  }
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return flow.symbolOf(parent.name);
  return undefined;
}

function resolvesTo(flow: SocketFlow, expression: ts.Expression, symbol: ts.Symbol): boolean {
  const e = skipOuterExpressions(expression);
  const nameNode = ts.isPropertyAccessExpression(e) ? e.name : e;
  return flow.symbolOf(nameNode) === symbol;
}

export interface CallSite {
  readonly args: readonly ts.Expression[];
  /** Arguments before the function's own (1 for `f.call(thisArg, …)`). */
  readonly offset: number;
}

/** Every call of the function in the project, found by name in the index and confirmed by symbol. */
export function callSitesOf(flow: SocketFlow, fn: FunctionNode, depth: number): CallSite[] {
  const sites: CallSite[] = [];
  if (ts.isConstructorDeclaration(fn) || isConstructorFunction(fn)) sites.push(...constructionsOf(flow, fn, depth));
  sites.push(...callbackCalls(flow, fn));
  sites.push(...tableCallsOf(flow, fn, depth));
  sites.push(...registeredCallsOf(flow, fn, depth));
  const exported = moduleExportOf(fn);
  if (exported) sites.push(...callsOfModuleExport(flow, exported, MAX_CALL_SITES).map((call) => ({ args: call.arguments, offset: 0 })));
  const named = functionSymbol(flow, fn);
  if (!named) return sites;
  for (const index of flow.indexes()) {
    for (const call of index.calls.get(named.name) ?? []) {
      if (sites.length >= MAX_CALL_SITES) return sites;
      const callee = skipOuterExpressions(call.expression);
      const viaCall = ts.isPropertyAccessExpression(callee) && callee.name.text === 'call' && lastName(callee.expression) === named.name;
      const target = viaCall ? (callee as ts.PropertyAccessExpression).expression : callee;
      if (resolvesTo(flow, target, named.symbol) || (!viaCall && methodOfInstance(flow, target, fn, named.name, depth))) {
        sites.push({ args: call.arguments, offset: viaCall ? 1 : 0 });
      }
    }
  }
  return sites;
}

/**
 * A function passed to another one (`withSocket(url, (ws) => …)`): its calls are the calls of the
 * matching parameter inside the function it is passed to.
 */
function callbackCalls(flow: SocketFlow, fn: FunctionNode): CallSite[] {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call)) return [];
  const position = call.arguments.indexOf(fn as unknown as ts.Expression);
  if (position < 0) return [];
  const callee = skipOuterExpressions(call.expression);
  const symbol = flow.symbolOf(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
  const sites: CallSite[] = [];
  for (const decl of symbol?.declarations ?? []) {
    const receiving = functionOf(decl);
    const param = receiving && parameterAt(receiving, position);
    if (!receiving?.body || !param || !ts.isIdentifier(param.name) || receiving.getSourceFile().isDeclarationFile) continue;
    const paramSymbol = flow.symbolOf(param.name);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === (param.name as ts.Identifier).text && flow.symbolOf(node.expression) === paramSymbol) {
        sites.push({ args: node.arguments, offset: 0 });
      }
      ts.forEachChild(node, visit);
    };
    visit(receiving.body);
  }
  return sites;
}

/** `obj.m(…)` where the checker cannot resolve `m` but the flow knows `obj` is an instance of m's class. */
function methodOfInstance(flow: SocketFlow, callee: ts.Expression, fn: FunctionNode, name: string, depth: number): boolean {
  if (!ts.isPropertyAccessExpression(callee) || flow.symbolOf(callee.name)) return false;
  return name.length > 0 && memberOfOwnInstance(flow, callee, fn, depth);
}

/**
 * `obj.m` where the flow knows `obj` is an instance of the class (or constructor function) that
 * declares `m` as this very function: a class method, or `C.prototype.m = function …`. Covers
 * `self.m` in a constructor (`const self = this`) and `instance.m` after `new C()`, whose storage
 * the checker may see as a field of its own (`self.m = self.m.bind(self)`).
 */
function memberOfOwnInstance(flow: SocketFlow, expression: ts.Expression, fn: FunctionNode, depth: number): boolean {
  const e = skipOuterExpressions(expression);
  if (!ts.isPropertyAccessExpression(e)) return false;
  const owner = ownerOf(fn);
  const literal = handlerObjectOf(fn);
  const name = functionNameNode(fn);
  if ((!owner && !literal) || !name || e.name.text !== name.text) return false;
  return flow.valuesOf(e.expression, depth).some((v) => (v.kind === 'instance' && v.declaration === owner) || (v.kind === 'object' && v.literal === literal));
}


/** The class of a method, or the constructor function of a prototype method. */
function ownerOf(fn: FunctionNode): ts.Node | undefined {
  if (ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent)) return fn.parent;
  if (ts.isFunctionExpression(fn)) return prototypeOwner(fn);
  return undefined;
}

function isConstructorFunction(fn: FunctionNode): boolean {
  return ts.isFunctionDeclaration(fn) && !!fn.name && /^[A-Z]/.test(fn.name.text);
}

/** `new C(…)` for a constructor of class C (or constructor function C), and `super(…)` in subclasses. */
function constructionsOf(flow: SocketFlow, fn: FunctionNode, depth: number): CallSite[] {
  const cls = ts.isConstructorDeclaration(fn) ? fn.parent : fn;
  const nameNode = (cls as ts.ClassLikeDeclaration | ts.FunctionDeclaration).name;
  const sites: CallSite[] = [];
  for (const index of flow.indexes()) {
    for (const construction of index.constructions.get(nameNode?.text ?? '') ?? []) {
      if (ts.isNewExpression(construction) && flow.valuesOf(construction.expression, depth).some((v) => v.kind === 'class' && v.declaration === cls)) {
        sites.push({ args: construction.arguments ?? [], offset: 0 });
      }
    }
    for (const superCall of index.constructions.get('super') ?? []) {
      const subclass = superCall.parent && findClass(superCall);
      const base = subclass && baseClassExpression(subclass);
      if (base && flow.valuesOf(base, depth).some((v) => v.kind === 'class' && v.declaration === cls)) sites.push({ args: (superCall as ts.CallExpression).arguments, offset: 0 });
    }
  }
  return sites;
}

function findClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isClassLike(current)) return current;
  return undefined;
}

function importsModule(file: ts.SourceFile, module: string): boolean {
  return file.text.includes(module);
}
