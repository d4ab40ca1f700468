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
import { memoizedCallback } from './state-effects';
import { isFunctionLike, skipOuterExpressions } from './syntax';

export interface CloseHandler {
  readonly fn: ts.SignatureDeclaration & { readonly body?: ts.Node };
  /** The socket the handler listens on, as written at the registration. */
  readonly emitter: ts.Expression;
  /** `event`: the handler gets a CloseEvent; `code-first`: Node-style `(code, reason)` (ws's `.on('close')`). */
  readonly style: 'event' | 'code-first';
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
  return { emitter: node.expression.expression, handler: second, style: 'event', event: first.text };
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
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found || (isFunctionLike(node) && !ts.isArrowFunction(node))) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'emit' && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const [name] = node.arguments;
      if (name && ts.isStringLiteralLike(name) && name.text === event) found = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
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

/** The function a handler expression is: written in place, a name, `this.method`, `f.bind(this)`. */
export function functionOf(expression: ts.Expression, checker: ts.TypeChecker): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  let node = skipOuterExpressions(expression);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'bind') node = skipOuterExpressions(node.expression.expression);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isIdentifier(node) ? node : undefined;
  let symbol = (name && checker.getSymbolAtLocation(name)) ?? (ts.isPropertyAccessExpression(node) ? memberOfBoundThis(node, checker) : undefined);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  for (const declaration of symbol?.declarations ?? []) {
    const fn = functionOfDeclaration(declaration) ?? functionOfDeclaration(...destructuredMember(declaration, checker));
    if (fn) return fn;
  }
  return undefined;
}

/**
 * `this.start()` inside `function () { this.start(); }.bind(this)` (pre-arrow JavaScript): the
 * checker has no type for that `this`, but it is the `this` handed to `bind`, whose type it knows
 * (a class's, or a constructor function's in `C.prototype.m = function () {…}`).
 */
function memberOfBoundThis(access: ts.PropertyAccessExpression, checker: ts.TypeChecker): ts.Symbol | undefined {
  let self = skipOuterExpressions(access.expression);
  if (self.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  for (let hops = 0; hops < 4; hops++) {
    let fn: ts.Node | undefined = self.parent;
    while (fn && (!isFunctionLike(fn) || ts.isArrowFunction(fn))) fn = fn.parent;
    if (!fn || !ts.isFunctionExpression(fn)) break;
    const bind = skipParentParentheses(fn);
    const call = bind.parent;
    if (!ts.isPropertyAccessExpression(call) || call.name.text !== 'bind' || !call.parent || !ts.isCallExpression(call.parent)) break;
    const bound = call.parent.arguments[0] && skipOuterExpressions(call.parent.arguments[0]);
    if (!bound || bound.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    self = bound;
  }
  if (self === skipOuterExpressions(access.expression)) return undefined;
  return checker.getTypeAtLocation(self).getProperty(access.name.text);
}

function skipParentParentheses(node: ts.Node): ts.Node {
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return node;
}

function functionOfDeclaration(...declarations: ts.Declaration[]): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  for (const declaration of declarations) {
    if (isFunctionLike(declaration) && declaration.body) return declaration;
    // JavaScript's `C.prototype.m = function () {…}` (and `this.m = …`): the declaration is the assigned property.
    const assignment = ts.isPropertyAccessExpression(declaration) && declaration.parent && ts.isBinaryExpression(declaration.parent) && declaration.parent.left === declaration ? declaration.parent : ts.isBinaryExpression(declaration) ? declaration : undefined;
    const assigned = assignment && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken ? skipOuterExpressions(assignment.right) : undefined;
    if (assigned && (ts.isArrowFunction(assigned) || ts.isFunctionExpression(assigned))) return assigned;
    const initializer = (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer && skipOuterExpressions(declaration.initializer);
    if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) return initializer;
    const memoized = initializer && ts.isVariableDeclaration(declaration) ? memoizedCallback(initializer) : undefined;
    if (memoized) return memoized;
    const assignedInClass = ts.isPropertyDeclaration(declaration) && !declaration.initializer ? onlyFunctionAssignedInClass(declaration) : undefined;
    if (assignedInClass) return assignedInClass;
  }
  return undefined;
}

/**
 * `private closeFn?: (e: CloseEvent) => void` given its function in a method (`this.closeFn =
 * (e) => {…}`): that function, when the class assigns the field exactly one.
 */
function onlyFunctionAssignedInClass(field: ts.PropertyDeclaration): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  if (!ts.isIdentifier(field.name) && !ts.isPrivateIdentifier(field.name)) return undefined;
  const name = field.name.text;
  const assigned: ts.FunctionLikeDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = skipOuterExpressions(node.left);
      const value = skipOuterExpressions(node.right);
      if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword && target.name.text === name && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) assigned.push(value);
    }
    ts.forEachChild(node, visit);
  };
  for (const member of field.parent.members) if (member !== field) visit(member);
  return assigned.length === 1 ? assigned[0] : undefined;
}

/** `const { connect } = this`: the declarations of the member the binding reads. */
function destructuredMember(declaration: ts.Declaration, checker: ts.TypeChecker): ts.Declaration[] {
  if (!ts.isBindingElement(declaration) || declaration.dotDotDotToken || !ts.isObjectBindingPattern(declaration.parent)) return [];
  const holder = declaration.parent.parent;
  const key = declaration.propertyName ?? declaration.name;
  if (!ts.isVariableDeclaration(holder) || !holder.initializer || !ts.isIdentifier(key)) return [];
  return checker.getTypeAtLocation(holder.initializer).getProperty(key.text)?.declarations ?? [];
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
