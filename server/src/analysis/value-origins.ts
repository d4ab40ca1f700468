// Recognises values whose *origin* says they do not belong in close(): received close codes,
// error codes, HTTP statuses, and reason text whose length nobody bounded.
import * as ts from 'typescript';
import type { AnalysisContext } from './context';
import { isFunctionLike, listenerRegistration, skipOuterExpressions } from './syntax';
import type { UnboundedSource, ValueOrigin } from './values';

const HTTP_TYPES = new Set(['Response', 'IncomingMessage', 'ServerResponse', 'AxiosResponse', 'FastifyReply', 'ClientResponse']);
const CLOSE_EVENT_TYPES = new Set(['CloseEvent']);

/** Origin of `object.name` used as a code (`event.code`, `err.code`, `res.status`). */
export function propertyOrigin(object: ts.Expression, name: string, ctx: AnalysisContext): ValueOrigin | undefined {
  if (name === 'statusCode') return 'http-status';
  const typeName = typeSymbolName(object, ctx);
  if (name === 'status' && typeName && HTTP_TYPES.has(typeName)) return 'http-status';
  if (name !== 'code') return undefined;
  if (typeName && CLOSE_EVENT_TYPES.has(typeName)) return 'received-close-code';
  if (isErrorValue(object, ctx)) return 'error-code';
  const param = parameterOf(object, ctx);
  if (param && closeListenerOf(param)) return 'received-close-code';
  return undefined;
}

/** Origin of a bare identifier used as a code: a 'close' listener's code parameter. */
export function parameterOrigin(decl: ts.ParameterDeclaration, ctx: AnalysisContext): ValueOrigin | undefined {
  const fn = closeListenerOf(decl);
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

/** Is a reason built from this expression unbounded text? */
export function unboundedSource(expr: ts.Expression, ctx: AnalysisContext): UnboundedSource | undefined {
  const node = skipOuterExpressions(expr);
  if (ts.isPropertyAccessExpression(node)) {
    const name = node.name.text;
    if ((name === 'message' || name === 'stack') && isErrorValue(node.expression, ctx)) return 'error-text';
    if (name === 'data' && typeSymbolName(node.expression, ctx) === 'MessageEvent') return 'client-input';
    if ((name === 'url' || name === 'headers') && typeSymbolName(node.expression, ctx) === 'IncomingMessage') return 'client-input';
    return undefined;
  }
  if (ts.isIdentifier(node)) {
    if (isErrorValue(node, ctx)) return 'error-text';
    const param = parameterOf(node, ctx);
    if (param && isMessagePayloadParameter(param, ctx)) return 'client-input';
    return undefined;
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'stringify' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON') return 'serialized';
      if (method === 'inspect') return 'serialized';
      if (method === 'toString' || method === 'join') return unboundedSource(callee.expression, ctx);
    }
    if (ts.isIdentifier(callee) && callee.text === 'String' && node.arguments[0]) return unboundedSource(node.arguments[0], ctx);
  }
  return undefined;
}

/** A call that limits the length of text: `.slice(0, n)`, `.substring()`, `truncate(x)`… */
export function isLengthLimitingCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  return /^(slice|substring|substr|padEnd)$/.test(name) ? node.arguments.length > 0 : /truncat|limit|clamp|shorten|ellipsi|abbrev/i.test(name);
}

function typeSymbolName(expr: ts.Expression, ctx: AnalysisContext): string | undefined {
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(expr));
  return (type.aliasSymbol ?? type.getSymbol())?.getName();
}

/** A caught error, or a value typed as an Error (or subclass). */
function isErrorValue(expr: ts.Expression, ctx: AnalysisContext): boolean {
  const node = skipOuterExpressions(expr);
  if (ts.isIdentifier(node)) {
    const decl = ctx.checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.parent && ts.isCatchClause(decl.parent)) return true;
  }
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(node));
  return isErrorType(type, ctx.checker, 0);
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

function closeListenerOf(param: ts.ParameterDeclaration): ts.SignatureDeclaration | undefined {
  const fn = param.parent;
  if (!isFunctionLike(fn)) return undefined;
  const registration = listenerRegistration(fn);
  return registration && registration.event.toLowerCase() === 'close' ? fn : undefined;
}

function isEmitterStyle(fn: ts.SignatureDeclaration): boolean {
  const parent = fn.parent;
  return !!parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text !== 'addEventListener';
}

function isMessagePayloadParameter(param: ts.ParameterDeclaration, ctx: AnalysisContext): boolean {
  const fn = param.parent;
  if (!isFunctionLike(fn)) return false;
  const registration = listenerRegistration(fn);
  if (!registration || registration.event.toLowerCase() !== 'message') return false;
  const type = ctx.checker.getTypeAtLocation(param);
  // A MessageEvent parameter is the event, not the payload (its `.data` is handled above).
  return typeSymbolNameOfType(type) !== 'MessageEvent';
}

function typeSymbolNameOfType(type: ts.Type): string | undefined {
  return (type.aliasSymbol ?? type.getSymbol())?.getName();
}
