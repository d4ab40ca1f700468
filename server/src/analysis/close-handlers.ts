// The close handlers of client sockets in a file: functions registered for 'close' (`ws.onclose =
// …`, `addEventListener('close', …)`, `.on('close', …)`, `.onClose(…)`) on a socket the code
// connected itself. Servers' sockets (a `connection` listener's, Bun's and uWS's handler maps,
// Deno's upgraded ones) are left out: a server does not reconnect to its clients.
import * as ts from 'typescript';
import type { Confidence } from '../core/finding';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import type { Evidence, RuntimeId } from '../registry/types';
import { classifyReceiver } from './classify-receiver';
import { isAssignedNew } from './constructed';
import { contextOfNode, type AnalysisContext } from './context';
import { isProjectFile } from './declared-runtimes';
import { memberImplementations } from './implementations';
import { functionOf } from './handler-functions';
import { chainedEmitter, isFunctionLike, skipOuterExpressions } from './syntax';

export interface CloseHandler {
  readonly fn: ts.SignatureDeclaration & { readonly body?: ts.Node };
  /** The socket the handler listens on, as written at the registration. */
  readonly emitter: ts.Expression;
  /**
   * `event`: the handler gets a CloseEvent; `code-first`: Node-style `(code, reason)` (ws's
   * `.on('close')`); `nothing`: a project wrapper calls it without the close (`onClose(cb)` whose
   * socket handler runs `cb()`), so it cannot tell one code from another.
   */
  readonly style: 'event' | 'code-first' | 'nothing';
  /** Written at the registration (`ws.onclose = () => …`), not a named function other code may call too. */
  readonly inPlace: boolean;
  /** Arguments `bind` puts before the event (`this.onClose.bind(this, ws)`: 1); the event is the parameter after them. */
  readonly boundArguments: number;
  readonly runtimes: readonly RuntimeId[];
  readonly confidence: Confidence;
  readonly evidence?: Evidence;
}

const EMITTER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** Every close handler of a client socket registered in the file, each function once. */
export function clientCloseHandlers(ctx: AnalysisContext): CloseHandler[] {
  const handlers = new Map<ts.Node, CloseHandler>();
  const visit = (node: ts.Node): void => {
    const registration = closeRegistration(node);
    const other = registration ? undefined : eventRegistration(node);
    const chosen = registration ?? other;
    const fn = chosen && functionOf(chosen.handler, ctx.checker);
    if (fn && fn.body && !handlers.has(fn)) {
      // `transport.on('close', h)` on the project's own object that passes its socket's close on.
      const handler = registration ? (asClientHandler(fn, registration, ctx) ?? asForwardedHandler(fn, { ...registration, event: 'close' }, ctx)) : other && asForwardedHandler(fn, other, ctx);
      if (handler) handlers.set(fn, handler);
    }
    if (!fn || !handlers.has(fn)) {
      // `connection.onClose(() => …)` or `transport.onclose = (e) => …` on the project's own
      // wrapper, which passes its socket's close on to the callback.
      const wrapped = ts.isCallExpression(node) ? [...callbackHandlers(node, ctx), ...optionCallbackHandlers(node, ctx)] : ts.isBinaryExpression(node) ? [propertyCallbackHandler(node, ctx)] : [];
      for (const handler of wrapped) if (handler && !handlers.has(handler.fn)) handlers.set(handler.fn, handler);
    }
    ts.forEachChild(node, visit);
  };
  visit(ctx.sourceFile);
  return [...handlers.values()];
}

interface Registration {
  readonly emitter: ts.Expression;
  readonly handler: ts.Expression;
  readonly style: CloseHandler['style'];
}

/** `x.onclose = h`, `x.addEventListener('close', h)`, `x.on('close', h)`, `x.onClose(h)`, `listen(x, 'close', h)`. */
function closeRegistration(node: ts.Node): Registration | undefined {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = skipOuterExpressions(node.left);
    if (ts.isPropertyAccessExpression(target) && target.name.text === 'onclose') return { emitter: target.expression, handler: node.right, style: 'event' };
    return undefined;
  }
  if (!ts.isCallExpression(node)) return undefined;
  // A project's own helper, `addEventListener(socket, 'close', handler)`: the emitter comes first.
  if (ts.isIdentifier(node.expression) && node.arguments.length === 3) {
    const [emitter, event, handler] = node.arguments;
    return emitter && handler && event && ts.isStringLiteralLike(event) && event.text === 'close' ? { emitter, handler, style: 'event' } : undefined;
  }
  if (!ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  const [first] = node.arguments;
  if (method === 'onClose' && first && node.arguments.length === 1) return { emitter: node.expression.expression, handler: first, style: 'event' };
  const registration = eventRegistration(node);
  if (registration?.event !== 'close') return undefined;
  return { emitter: registration.emitter, handler: registration.handler, style: method === 'addEventListener' ? 'event' : 'code-first' };
}

/** `x.on(name, h)`, `x.addEventListener(name, h)` for any event name: a candidate for an event a project object forwards. */
function eventRegistration(node: ts.Node): (Registration & { readonly event: string }) | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  const [first, second] = node.arguments;
  if (!first || !second || !ts.isStringLiteralLike(first) || (method !== 'addEventListener' && !EMITTER_METHODS.has(method))) return undefined;
  return { emitter: chainedEmitter(node.expression.expression), handler: second, style: 'event', event: first.text };
}

/**
 * A listener of an event that a project class emits from its own socket's close handler
 * (`this.ws.onclose = (e) => this.emit('close', e)`, or `this.emit('disconnected', e.code,
 * e.reason)`): a close handler of that socket, getting what the class passes on.
 */
function asForwardedHandler(fn: CloseHandler['fn'], registration: Registration & { readonly event: string }, ctx: AnalysisContext): CloseHandler | undefined {
  // Asking the checker for every emitter's type is costly: only events some project class emits.
  if (!emittedEventNames(ctx.program).has(registration.event)) return undefined;
  const owner = projectClassOf(registration.emitter, ctx.checker);
  const forwarded = owner && forwardedClose(owner, registration.event, ctx);
  if (!forwarded) return undefined;
  return { ...forwarded, fn, emitter: registration.emitter, inPlace: skipOuterExpressions(registration.handler) === fn, boundArguments: boundArgumentCount(skipOuterExpressions(registration.handler)) };
}

const EMIT_CALL = /\bthis\.emit(?:\(|\.bind\(\s*this\s*,)\s*['"`]([^'"`]+)['"`]/g;
const emittedNames = new WeakMap<ts.Program, ReadonlySet<string>>();

/** The event names the program's own files emit with `this.emit('name', …)` (or bind it), by their text. */
function emittedEventNames(program: ts.Program): ReadonlySet<string> {
  let names = emittedNames.get(program);
  if (names) return names;
  const found = new Set<string>();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file) || !file.text.includes('this.emit(')) continue;
    for (const match of file.text.matchAll(EMIT_CALL)) found.add(match[1]!);
  }
  emittedNames.set(program, (names = found));
  return names;
}

function projectClassOf(expression: ts.Expression, checker: ts.TypeChecker): ts.ClassLikeDeclaration | undefined {
  const declaration = checker.getTypeAtLocation(expression).getSymbol()?.valueDeclaration;
  return declaration && ts.isClassLike(declaration) && !declaration.getSourceFile().isDeclarationFile ? declaration : undefined;
}

type ForwardedClose = Omit<CloseHandler, 'fn' | 'emitter' | 'inPlace' | 'boundArguments'>;
const forwardedCloses = new WeakMap<ts.Program, Map<string, ForwardedClose | null>>();

/** What the class passes on as `event` from a client socket's close handler of its own, if it does. */
function forwardedClose(owner: ts.ClassLikeDeclaration, event: string, ctx: AnalysisContext): ForwardedClose | undefined {
  let perProgram = forwardedCloses.get(ctx.program);
  if (!perProgram) forwardedCloses.set(ctx.program, (perProgram = new Map()));
  const key = `${owner.getSourceFile().fileName}:${owner.pos}:${event}`;
  const known = perProgram.get(key);
  if (known !== undefined) return known ?? undefined;
  perProgram.set(key, null);
  const ownerCtx = contextOfNode(owner, ctx);
  let found: ForwardedClose | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const registration = closeRegistration(node);
    // `ws.addEventListener('close', this.emit.bind(this, 'close'))`: the event passed on as it is.
    if (registration && bindsEmit(registration.handler, event)) found = clientSocketOf(registration, ownerCtx);
    const fn = !found && registration ? functionOf(registration.handler, ownerCtx.checker) : undefined;
    const emitted = fn?.body && emitCall(fn.body, event);
    const socket = emitted && registration && clientSocketOf(registration, ownerCtx);
    if (emitted && socket) {
      const style = emittedStyle(emitted.arguments[1], fn!, socket.style);
      if (style) found = { ...socket, style };
    }
    ts.forEachChild(node, visit);
  };
  visit(owner);
  perProgram.set(key, found ?? null);
  return found;
}

/** Method names of a wrapper that may take a close callback (`onClose`, `onDisconnect`, `addCloseListener`): other calls are not looked into. */
const CLOSE_CALLBACK_METHOD = /close|disconnect/i;
/** Implementations of one wrapper method looked into: more says the name is generic. */
const MAX_CALLBACK_IMPLEMENTATIONS = 4;

/**
 * `connection.onClose(() => …)` on the project's own wrapper whose method registers its callback
 * for a client socket's close — as the handler itself (`this.ws.on('close', callback)`) or called
 * from one (`this.bare.onclose = (e) => { callback(); }`): the callback is a close handler of that
 * socket, getting what the wrapper passes on (the event, its code, or nothing).
 */
function callbackHandlers(call: ts.CallExpression, ctx: AnalysisContext): CloseHandler[] {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !CLOSE_CALLBACK_METHOD.test(callee.name.text)) return [];
  const callbacks = call.arguments.map((argument) => functionOf(argument, ctx.checker));
  if (!callbacks.some((fn) => fn?.body)) return [];
  const own = functionOf(callee, ctx.checker);
  const methods = (own ? [own] : memberImplementations(callee, ctx)).filter((m) => m.body && isProjectFile(m.getSourceFile(), ctx.program));
  if (methods.length === 0 || methods.length > MAX_CALLBACK_IMPLEMENTATIONS) return [];
  const found: CloseHandler[] = [];
  callbacks.forEach((fn, index) => {
    if (!fn?.body) return;
    const forwarded = methods.map((method) => callbackForwarded(method, index, ctx)).find((f) => f !== undefined);
    const written = skipOuterExpressions(call.arguments[index]!);
    if (forwarded) found.push({ ...forwarded, fn, emitter: callee.expression, inPlace: written === fn, boundArguments: boundArgumentCount(written) });
  });
  return found;
}

/**
 * `connect(url, { onMessage, on_socket_close: async () => … })`: a callback given in an options
 * object to a project function that takes it out of its parameter (`({ on_socket_close }) => …` or
 * `options.on_socket_close`) and registers it for, or calls it from, a client socket's close
 * handler. The callback is a close handler of that socket, getting what the function passes on.
 */
function optionCallbackHandlers(call: ts.CallExpression, ctx: AnalysisContext): CloseHandler[] {
  const found: CloseHandler[] = [];
  let target: CloseHandler['fn'] | undefined | null = null;
  call.arguments.forEach((argument, index) => {
    const options = skipOuterExpressions(argument);
    if (!ts.isObjectLiteralExpression(options)) return;
    for (const property of options.properties) {
      const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
      if (!name || !CLOSE_CALLBACK_METHOD.test(name)) continue;
      const written = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : ts.isShorthandPropertyAssignment(property) ? property.name : ts.isMethodDeclaration(property) ? property : undefined;
      const fn = written && (ts.isMethodDeclaration(written) ? written : functionOf(written, ctx.checker));
      if (!fn?.body) continue;
      if (target === null) target = functionOf(call.expression, ctx.checker);
      if (!target?.body || !isProjectFile(target.getSourceFile(), ctx.program)) return;
      const forwarded = optionForwarded(target, index, name, ctx);
      if (forwarded) found.push({ ...forwarded, fn, emitter: call.expression, inPlace: written === fn, boundArguments: 0 });
    }
  });
  return found;
}

/** How the option `name` of parameter `index` reaches a client socket's close handler in the function, if it does. */
function optionForwarded(fn: CloseHandler['fn'], index: number, name: string, ctx: AnalysisContext): ForwardedClose | undefined {
  const parameter = fn.parameters[index];
  if (!parameter || !fn.body) return undefined;
  const fnCtx = contextOfNode(fn, ctx);
  const declarationOf = (node: ts.Node): ts.Declaration | undefined => (ts.isIdentifier(node) ? fnCtx.checker.getSymbolAtLocation(node)?.valueDeclaration : undefined);
  let isCallback: (node: ts.Node) => boolean;
  if (ts.isObjectBindingPattern(parameter.name)) {
    const element = parameter.name.elements.find((e) => ((e.propertyName ?? e.name) as ts.Node).getText() === name && ts.isIdentifier(e.name));
    if (!element) return undefined;
    isCallback = (node) => declarationOf(node) === element;
  } else if (ts.isIdentifier(parameter.name)) {
    isCallback = (node) => ts.isPropertyAccessExpression(node) && node.name.text === name && declarationOf(skipOuterExpressions(node.expression)) === parameter;
  } else return undefined;
  return forwardedTo(fn.body, isCallback, fnCtx);
}

/**
 * How a wrapper method's parameter `index` reaches a client socket's close handler, if it does:
 * registered or called in the method itself, or kept in a field (`this.closeCallback = callback`)
 * that a close handler registered anywhere in the class calls (`this.closeCallback?.(e)`).
 */
function callbackForwarded(method: CloseHandler['fn'], index: number, ctx: AnalysisContext): ForwardedClose | undefined {
  const parameter = method.parameters[index];
  if (!parameter || !ts.isIdentifier(parameter.name) || !method.body) return undefined;
  const name = parameter.name.text;
  const methodCtx = contextOfNode(method, ctx);
  const isParameter = (node: ts.Node): boolean => ts.isIdentifier(node) && node.text === name && methodCtx.checker.getSymbolAtLocation(node)?.valueDeclaration === parameter;
  const field = storingField(method.body, isParameter);
  if (field !== undefined) return ts.isClassLike(method.parent) ? forwardedThroughField(method.parent, field, ctx) : undefined;
  return forwardedTo(method.body, isParameter, methodCtx);
}

/** `transport.onclose = (e) => …` on a project class whose socket's close handler calls `this.onclose(e)`. */
function propertyCallbackHandler(node: ts.BinaryExpression, ctx: AnalysisContext): CloseHandler | undefined {
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = skipOuterExpressions(node.left);
  if (!ts.isPropertyAccessExpression(target) || !CLOSE_CALLBACK_METHOD.test(target.name.text) || target.expression.kind === ts.SyntaxKind.ThisKeyword) return undefined;
  const fn = functionOf(node.right, ctx.checker);
  const owner = fn?.body ? projectClassOf(target.expression, ctx.checker) : undefined;
  const forwarded = owner && forwardedThroughField(owner, target.name.text, ctx);
  const written = skipOuterExpressions(node.right);
  return forwarded && fn ? { ...forwarded, fn, emitter: target.expression, inPlace: written === fn, boundArguments: boundArgumentCount(written) } : undefined;
}

/** A close handler of a client socket, registered anywhere in the class, that is `this.field` or calls it. */
function forwardedThroughField(owner: ts.ClassLikeDeclaration, field: string, ctx: AnalysisContext): ForwardedClose | undefined {
  const isField = (node: ts.Node): boolean => ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && node.name.text === field;
  return forwardedTo(owner, isField, contextOfNode(owner, ctx));
}

/** The first close registration of a client socket under `scope` whose handler is a callback (`isCallback`) or calls one, with what it passes on. */
function forwardedTo(scope: ts.Node, isCallback: (node: ts.Node) => boolean, scopeCtx: AnalysisContext): ForwardedClose | undefined {
  let found: ForwardedClose | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const registration = closeRegistration(node);
    const handler = registration && skipOuterExpressions(registration.handler);
    if (registration && handler && isCallback(handler)) found = clientSocketOf(registration, scopeCtx);
    const fn = !found && handler ? functionOf(handler, scopeCtx.checker) : undefined;
    const called = fn?.body && callIn(fn.body, (call) => isCallback(skipOuterExpressions(call.expression)));
    const socket = called && registration && clientSocketOf(registration, scopeCtx);
    if (called && socket) {
      const style = called.arguments.length === 0 ? 'nothing' : emittedStyle(called.arguments[0], fn!, socket.style);
      if (style) found = { ...socket, style };
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/** `this.closeCallback = callback` in the method: the field's name. */
function storingField(body: ts.Node, isParameter: (node: ts.Node) => boolean): string | undefined {
  let field: string | undefined;
  const visit = (node: ts.Node): void => {
    if (field !== undefined || (isFunctionLike(node) && !ts.isArrowFunction(node))) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isParameter(skipOuterExpressions(node.right))) {
      const target = skipOuterExpressions(node.left);
      if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) field = target.name.text;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return field;
}

/** The first call `matches` accepts in a handler's own code (and arrows it runs, not the functions it defines). */
function callIn(body: ts.Node, matches: (call: ts.CallExpression) => boolean): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found || (isFunctionLike(node) && !ts.isArrowFunction(node))) return;
    if (ts.isCallExpression(node) && matches(node)) found = node;
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** `this.emit.bind(this, event)`. */
function bindsEmit(handler: ts.Expression, event: string): boolean {
  const call = skipOuterExpressions(handler);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'bind') return false;
  const bound = call.expression.expression;
  const [, name] = call.arguments;
  return ts.isPropertyAccessExpression(bound) && bound.name.text === 'emit' && bound.expression.kind === ts.SyntaxKind.ThisKeyword && !!name && ts.isStringLiteralLike(name) && name.text === event;
}

/** `this.emit(event, …)` in the handler's own code. */
function emitCall(body: ts.Node, event: string): ts.CallExpression | undefined {
  return callIn(body, (call) => {
    const [name] = call.arguments;
    return ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'emit' && call.expression.expression.kind === ts.SyntaxKind.ThisKeyword && !!name && ts.isStringLiteralLike(name) && name.text === event;
  });
}

/** What the listeners get first: the close event itself (`emit('close', e)`) or its code (`emit('close', e.code, e.reason)`, ws's `code`). */
function emittedStyle(first: ts.Expression | undefined, fn: CloseHandler['fn'], socketStyle: CloseHandler['style']): CloseHandler['style'] | undefined {
  const parameter = fn.parameters[0];
  if (!first || !parameter || !ts.isIdentifier(parameter.name)) return undefined;
  const value = skipOuterExpressions(first);
  if (ts.isIdentifier(value) && value.text === parameter.name.text) return socketStyle;
  if (socketStyle === 'event' && ts.isPropertyAccessExpression(value) && value.name.text === 'code' && ts.isIdentifier(value.expression) && value.expression.text === parameter.name.text) return 'code-first';
  return undefined;
}

function asClientHandler(fn: CloseHandler['fn'], registration: Registration, ctx: AnalysisContext): CloseHandler | undefined {
  const socket = clientSocketOf(registration, ctx);
  if (!socket) return undefined;
  const written = skipOuterExpressions(registration.handler);
  return { ...socket, fn, emitter: registration.emitter, inPlace: written === fn, boundArguments: boundArgumentCount(written) };
}

/** The registration's socket, when it is a client's. */
function clientSocketOf({ emitter, style }: Registration, ctx: AnalysisContext): ForwardedClose | undefined {
  const verdict = classifyReceiver(emitter, ctx);
  if (verdict.kind !== 'websocket' || !isClientEnd(emitter, verdict.runtimes, verdict.evidence, ctx)) return undefined;
  return { style, runtimes: verdict.runtimes, confidence: verdict.confidence, ...(verdict.evidence ? { evidence: verdict.evidence } : {}) };
}

function boundArgumentCount(handler: ts.Expression): number {
  const bound = ts.isCallExpression(handler) && ts.isPropertyAccessExpression(handler.expression) && handler.expression.name.text === 'bind';
  return bound ? Math.max(0, handler.arguments.length - 1) : 0;
}

/**
 * A socket of a client-only runtime (the browser's, reconnecting wrappers), or of a runtime that
 * serves both ends (`ws`, Workers) when the code constructed it.
 */
function isClientEnd(emitter: ts.Expression, runtimes: readonly RuntimeId[], evidence: Evidence | undefined, ctx: AnalysisContext): boolean {
  const roles = runtimes.map((r) => RUNTIME_PROFILES[r].role);
  if (roles.every((role) => role === 'client')) return true;
  if (roles.some((role) => role === 'server')) return false;
  return evidence?.kind === 'constructor' || isAssignedNew(emitter, ctx.checker);
}
