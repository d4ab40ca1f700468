// Recognises values whose *origin* says they do not belong in close(): received close codes,
// error codes, HTTP statuses, and reason text whose length nobody bounded.
import * as ts from 'typescript';
import { hasShortProjectMessage } from './error-messages';
import { classifyReceiver } from './classify-receiver';
import { packageNameOf } from './declared-runtimes';
import { honoHandlerName, isDurableObjectSocketHandler } from './socket-flow/sources';
import type { AnalysisContext } from './context';
import { isJsonStringify } from './json-reasons';
import { HONO_EVENTS } from '../registry/socket-sources';
import { isPeerInput, typeNameOf, valueSymbolOf } from './peer-input';
import { isStoredErrorText } from './stored-error-text';
import { isFunctionLike, listenerRegistration, skipOuterExpressions } from './syntax';
import { registrationsByName } from './listener-references';
import type { UnboundedSource, ValueOrigin } from './values';
import { variableWrites } from './variable-writes';

const HTTP_TYPES = new Set(['Response', 'IncomingMessage', 'ServerResponse', 'AxiosResponse', 'FastifyReply', 'ClientResponse']);
const CLOSE_EVENT_TYPES = new Set(['CloseEvent']);

/** Origin of `object.name` used as a code (`event.code`, `err.code`, `res.status`). */
export function propertyOrigin(object: ts.Expression, name: string, ctx: AnalysisContext): ValueOrigin | undefined {
  if (name === 'statusCode') return 'http-status';
  const typeName = typeNameOf(object, ctx);
  if (name === 'status' && typeName && HTTP_TYPES.has(typeName)) return 'http-status';
  if (name !== 'code') return undefined;
  if (isLibraryCloseEvent(object, ctx)) return 'received-close-code';
  // The event parameter of a socket's close handler: `ws.onclose = (e) => … e.code`, whatever type
  // the project wrote for it (`onClose: (event: { code: number; reason: string }, ws) => …`).
  const param = parameterOf(object, ctx);
  const closeEvent = !!param && param.parent.parameters[0] === param && isCloseEventParameter(param, ctx);
  if (closeEvent && ts.isIdentifier(skipOuterExpressions(object))) return 'received-close-code';
  // The project's own `code` (a static `Unauthorized.code = 4401`, an app error class with a
  // numeric code): evaluated from its declaration or type, not an errno or error string.
  if (isProjectNumericCode(object, ctx)) return undefined;
  if (isErrorValue(object, ctx)) return 'error-code';
  return closeEvent ? 'received-close-code' : undefined;
}

/** The first parameter of a socket's close listener (`ws.onclose = (e) => …`), or of a Hono `onClose(evt, ws)`. */
function isCloseEventParameter(param: ts.ParameterDeclaration, ctx: AnalysisContext): boolean {
  const fn = param.parent;
  if (honoHandlerName(fn, ctx.checker) === HONO_EVENTS.closeHandler) return true;
  return !!socketCloseHandlerOf(param, ctx) && !isHandlerMap(fn);
}


/** Origin of a bare identifier used as a code: a 'close' listener's code parameter. */
export function parameterOrigin(decl: ts.ParameterDeclaration, ctx: AnalysisContext): ValueOrigin | undefined {
  const fn = socketCloseHandlerOf(decl, ctx);
  if (!fn) return undefined;
  const index = fn.parameters.indexOf(decl);
  const named = ts.isIdentifier(decl.name) && /code/i.test(decl.name.text);
  if (named) return 'received-close-code';
  // ws: on('close', (code, reason)); the first numeric parameter elsewhere.
  const type = ctx.checker.getTypeAtLocation(decl);
  const numeric = (type.flags & ts.TypeFlags.NumberLike) !== 0;
  if (numeric && fn.parameters.findIndex((p) => ctx.checker.getTypeAtLocation(p).flags & ts.TypeFlags.NumberLike) === index) {
    return 'received-close-code';
  }
  return index === 0 && (type.flags & ts.TypeFlags.Any) !== 0 && isEmitterStyle(fn) ? 'received-close-code' : undefined;
}

/**
 * `({ code, reason }) => …` as a socket's close listener: the `code` destructured from the close
 * event is the received code, as `event.code` would be.
 */
export function bindingOrigin(decl: ts.BindingElement, ctx: AnalysisContext): ValueOrigin | undefined {
  const pattern = decl.parent;
  const param = pattern.parent;
  if (!ts.isObjectBindingPattern(pattern) || !ts.isParameter(param)) return undefined;
  const key = decl.propertyName ?? decl.name;
  if (!ts.isIdentifier(key) || key.text !== 'code') return undefined;
  if (param.parent.parameters[0] !== param) return undefined;
  return isCloseEventParameter(param, ctx) ? 'received-close-code' : undefined;
}

/** A received close code as written: a CloseEvent's `code`, or the code parameter of a socket's `close` listener. */
export function isReceivedCloseCode(expression: ts.Expression, ctx: AnalysisContext): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isPropertyAccessExpression(node)) return propertyOrigin(node.expression, node.name.text, ctx) === 'received-close-code';
  if (ts.isIdentifier(node)) {
    const declaration = ctx.checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (declaration && ts.isBindingElement(declaration)) return bindingOrigin(declaration, ctx) === 'received-close-code';
    return !!declaration && ts.isParameter(declaration) && parameterOrigin(declaration, ctx) === 'received-close-code';
  }
  return false;
}

/** Is a reason built from this expression unbounded text? */
export function unboundedSource(expr: ts.Expression, ctx: AnalysisContext): UnboundedSource | undefined {
  const node = skipOuterExpressions(expr);
  if (ts.isPropertyAccessExpression(node)) {
    const name = node.name.text;
    // `error.message` of the project's own error class whose constructions all give a short literal: bounded.
    if ((name === 'message' || name === 'stack') && isErrorValue(node.expression, ctx) && !(name === 'message' && hasShortProjectMessage(node.expression, ctx))) return 'error-text';
    // An ErrorEvent's message (the DOM's, ws's `WebSocket.ErrorEvent`): the text of the underlying error.
    if (name === 'message' && typeNameOf(node.expression, ctx) === 'ErrorEvent') return 'error-text';
  }
  if (ts.isIdentifier(node) && isErrorValue(node, ctx)) return 'error-text';
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (isJsonStringify(node)) return 'serialized';
      if (method === 'inspect') return 'serialized';
      if (method === 'toString' || method === 'join') return unboundedSource(callee.expression, ctx);
    }
    if (ts.isIdentifier(callee) && callee.text === 'String' && node.arguments[0]) return unboundedSource(node.arguments[0], ctx);
  }
  if (isPeerInput(node, ctx)) return 'client-input';
  // `let message; … message = err.message;`: any write that is unbounded text makes the variable so.
  const written = ts.isIdentifier(node) ? writtenUnbounded(node, ctx) : undefined;
  if (written) return written;
  // `const { reason } = user.error` of an object some path built from a caught error's message;
  // a real CloseEvent's reason is what the peer sent, already at most 123 bytes.
  const object = ts.isPropertyAccessExpression(node) ? node.expression : undefined;
  if ((ts.isIdentifier(node) || object) && !(object && isLibraryCloseEvent(object, ctx)) && isStoredErrorText(node, ctx, (e) => unboundedSource(e, ctx) === 'error-text')) return 'error-text';
  return undefined;
}

let followingWrites = false;

/** The first unbounded source among the writes to a `let`, one variable deep (a write of another such `let` is not followed). */
function writtenUnbounded(node: ts.Identifier, ctx: AnalysisContext): UnboundedSource | undefined {
  if (followingWrites) return undefined;
  const writes = variableWrites(node, ctx);
  // A write that cuts the text (`message = decode(bytes.subarray(0, MAX))` after a length check) means the code limits it.
  if (!writes || writes.some(limitsLength)) return undefined;
  followingWrites = true;
  try {
    for (const write of writes) {
      const source = unboundedSource(write, ctx);
      if (source) return source;
    }
    return undefined;
  } finally {
    followingWrites = false;
  }
}

function limitsLength(expression: ts.Node): boolean {
  return (ts.isCallExpression(expression) && isLengthLimitingCall(expression)) || !!ts.forEachChild(expression, (child) => limitsLength(child) || undefined);
}

/** A call that limits the length of text: `.slice(0, n)`, `.substring()`, `truncate(x)`… */
export function isLengthLimitingCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  return /^(slice|substring|substr|subarray|padEnd)$/.test(name) ? node.arguments.length > 0 : /truncat|limit|clamp|shorten|ellipsi|abbrev/i.test(name);
}

/** Names a Node-style callback gives its error parameter: `(err, result) => …`. */
const ERROR_PARAMETER = /^(err|error|ex|exc|exception)$/i;

/**
 * A caught error, a value typed as an Error (or subclass), or an untyped error parameter: the
 * rejection of a `.catch(err => …)` callback, the argument of an `'error'` listener (written in place
 * or registered by name), the first
 * parameter of a Node-style callback named `err`/`error`.
 */
export function isErrorValue(expr: ts.Expression, ctx: AnalysisContext): boolean {
  const node = skipOuterExpressions(expr);
  if (ts.isIdentifier(node)) {
    const decl = valueSymbolOf(node, ctx)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.parent && ts.isCatchClause(decl.parent)) return true;
    if (decl && ts.isParameter(decl) && isUntypedErrorParameter(decl, ctx)) return true;
  }
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(node));
  return isErrorType(type, ctx.checker, 0);
}

function isUntypedErrorParameter(param: ts.ParameterDeclaration, ctx: AnalysisContext): boolean {
  const fn = param.parent;
  if (!isFunctionLike(fn) || fn.parameters[0] !== param || !ts.isIdentifier(param.name)) return false;
  if (!(ctx.checker.getTypeAtLocation(param).flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) return false;
  const call = fn.parent;
  // A function registered by name (`source.on('error', onSourceError)`): an error listener when every registration is one.
  const byName = registrationsByName(fn);
  if (byName.length > 0) return byName.every((registration) => registration.event.toLowerCase() === 'error');
  // A callback given to a call or to a constructor (`new Client(fetch, (err) => …)`).
  if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(fn as ts.Expression)) return false;
  const callee = call.expression;
  if (ts.isNewExpression(call)) return ERROR_PARAMETER.test(param.name.text);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'catch' && call.arguments[0] === fn) return true;
  const registration = listenerRegistration(fn);
  if (registration) return registration.event.toLowerCase() === 'error';
  return ERROR_PARAMETER.test(param.name.text);
}

function isErrorType(type: ts.Type, checker: ts.TypeChecker, depth: number): boolean {
  if (depth > 5) return false;
  const symbol = type.getSymbol();
  const name = symbol?.getName();
  if (name && /^(Error|\w+Error|ErrnoException|DOMException)$/.test(name)) return true;
  if (type.isClassOrInterface()) return checker.getBaseTypes(type).some((b) => isErrorType(b, checker, depth + 1));
  return false;
}

function parameterOf(expr: ts.Expression, ctx: AnalysisContext): ts.ParameterDeclaration | undefined {
  let node = skipOuterExpressions(expr);
  while (ts.isPropertyAccessExpression(node)) node = skipOuterExpressions(node.expression);
  if (!ts.isIdentifier(node)) return undefined;
  const decl = ctx.checker.getSymbolAtLocation(node)?.valueDeclaration;
  return decl && ts.isParameter(decl) ? decl : undefined;
}

/**
 * The function `param` belongs to, when that function is the close handler **of a socket**:
 * registered for 'close' (`on`/`once`/`addEventListener`/`onclose =`) on an emitter that is a
 * WebSocket — or, when the emitter has no type at all, on any emitter (registration with the event
 * name is the evidence); or the close entry of a server's handler map (Bun's `websocket: { close(ws,
 * code, reason) }`, uWS `app.ws(pattern, { close: (ws, code, message) => … })`). A function that is
 * merely a property or method named `close` — a pass-through adapter `close: (code, reason) =>
 * socket.close(code, reason)` — receives codes from its callers, not from the network.
 */
function socketCloseHandlerOf(param: ts.ParameterDeclaration, ctx: AnalysisContext): ts.SignatureDeclaration | undefined {
  const fn = param.parent;
  if (!isFunctionLike(fn)) return undefined;
  // A Durable Object's webSocketClose(ws, code, reason, wasClean): the hibernation API's close handler.
  if (isDurableObjectSocketHandler(fn, ctx.platform) && fn.name.getText() === 'webSocketClose') return fn.parameters.indexOf(param) >= 1 ? fn : undefined;
  const registration = listenerRegistration(fn);
  if (!registration || registration.event.toLowerCase() !== 'close') return undefined;
  const emitter = skipOuterExpressions(registration.emitter);
  if (ts.isObjectLiteralExpression(emitter)) return isServerHandlerMap(fn, param, emitter, ctx) ? fn : undefined;
  return classifyReceiver(emitter, ctx).kind === 'not-websocket' ? undefined : fn;
}

function isHandlerMap(fn: ts.SignatureDeclaration): boolean {
  const parent = fn.parent;
  return ts.isMethodDeclaration(fn) ? ts.isObjectLiteralExpression(parent) : !!parent && ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent);
}

/**
 * A handler object a server library calls with a socket first: its `close` member is declared by a
 * library (bun-types' `WebSocketHandler`, uWS's `WebSocketBehavior`, Hono's `WSEvents`), or — with no
 * types — it is the `websocket:` entry of a server options object or the second argument of
 * `app.ws(pattern, { … })`, and its close function takes the socket before the code.
 */
function isServerHandlerMap(fn: ts.SignatureDeclaration, param: ts.ParameterDeclaration, literal: ts.ObjectLiteralExpression, ctx: AnalysisContext): boolean {
  const member = ts.isMethodDeclaration(fn) ? fn : fn.parent;
  const name = member && (ts.isMethodDeclaration(member) || ts.isPropertyAssignment(member)) && ts.isIdentifier(member.name) ? member.name.text : undefined;
  const contextual = ctx.checker.getContextualType(literal);
  const declared = name && contextual ? contextual.getProperty(name) : undefined;
  // Handlers get the socket first, the code after it; a method that takes the code first is one
  // that closes (Hono's `WSContext.close(code, reason)`), not one that is told of a close.
  if (fn.parameters.indexOf(param) < 1) return false;
  if (declared?.declarations?.length) return declared.declarations.some((d) => isLibraryFile(d.getSourceFile(), ctx));
  const holder = literal.parent;
  if (holder && ts.isPropertyAssignment(holder) && ts.isIdentifier(holder.name) && holder.name.text === 'websocket') return true;
  return !!holder && ts.isCallExpression(holder) && holder.arguments[1] === literal && ts.isPropertyAccessExpression(holder.expression) && holder.expression.name.text === 'ws';
}

/** A TypeScript default library (the DOM lib) or a file of an installed package (undici-types, ws, bun-types…). */
function isLibraryFile(file: ts.SourceFile, ctx: AnalysisContext): boolean {
  return ctx.program.isSourceFileDefaultLibrary(file) || ctx.program.isSourceFileFromExternalLibrary(file) || packageNameOf(file.fileName) !== undefined;
}

/** A real `CloseEvent`: declared by a default library or a package, not the project's own type of that name. */
function isLibraryCloseEvent(expr: ts.Expression, ctx: AnalysisContext): boolean {
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(expr));
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    const symbol = part.aliasSymbol ?? part.getSymbol();
    if (!symbol || !CLOSE_EVENT_TYPES.has(symbol.getName())) return false;
    return (symbol.declarations ?? []).some((d) => isLibraryFile(d.getSourceFile(), ctx));
  });
}

/** `object.code` is declared by the project itself, with a numeric type. */
function isProjectNumericCode(object: ts.Expression, ctx: AnalysisContext): boolean {
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(object));
  const property = type.getProperty('code');
  const declarations = property?.declarations ?? [];
  if (declarations.length === 0 || declarations.some((d) => isLibraryFile(d.getSourceFile(), ctx))) return false;
  const codeType = ctx.checker.getNonNullableType(ctx.checker.getTypeOfSymbol(property!));
  // A numeric enum (`code: ErrorCode`) is the union of its members.
  const parts = codeType.isUnion() ? codeType.types : [codeType];
  return parts.every((part) => (part.flags & ts.TypeFlags.NumberLike) !== 0);
}

function isEmitterStyle(fn: ts.SignatureDeclaration): boolean {
  const parent = fn.parent;
  return !!parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text !== 'addEventListener';
}
