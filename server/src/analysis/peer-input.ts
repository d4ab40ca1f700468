// Text the other side of a connection chose: a message payload and what is parsed from it, a
// request's URL, headers and body, a URL's query parameters. Its length is whatever the peer made
// it, so a close reason built from it needs a limit (value-origins.ts `unboundedSource`).
// A value stays the peer's as it moves: through variables (also `let`s filled in later, `body +=
// chunk`), destructuring, a parameter every call gives such a value (also a destructured one,
// and a callback's, when the function it is given to calls it with one), and parsing.
import * as ts from 'typescript';
import type { AnalysisContext } from './context';
import { identifiersNamed } from './identifiers-by-name';
import { functionNameNode, isFunctionLike, listenerRegistration, skipOuterExpressions } from './syntax';

/** Node's HTTP request and the frameworks' requests built on it (Express's `Request`…). */
const HTTP_REQUEST = 'IncomingMessage';
const REQUEST_TEXT = new Set(['url', 'headers', 'body', 'rawHeaders']);
/** A request's fields whose entries the client wrote: `req.headers.origin`, Express's `req.query.room`, `req.params.id`. */
const REQUEST_FIELDS = new Set(['headers', 'query', 'params', 'cookies']);

/** Did the peer choose this value (or the text it becomes)? */
export function isPeerInput(expr: ts.Expression, ctx: AnalysisContext): boolean {
  const node = skipOuterExpressions(expr);
  // A number the peer chose prints as a few characters, whatever it is.
  if (isNumeric(node, ctx)) return false;
  if (ts.isPropertyAccessExpression(node)) {
    const name = node.name.text;
    if (name === 'data' && typeNameOf(node.expression, ctx) === 'MessageEvent') return true;
    if (REQUEST_TEXT.has(name) && isHttpRequest(node.expression, ctx)) return true;
    if (isRequestField(node.expression, ctx)) return true;
    // `ws.upgradeReq.url`: the upgrade request `ws` kept on the socket before version 3.
    if (REQUEST_TEXT.has(name) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'upgradeReq') return true;
    // `event.data` of an untyped message listener's event.
    const object = skipOuterExpressions(node.expression);
    if (name === 'data' && ts.isIdentifier(object)) {
      const param = parameterOf(object, ctx);
      if (param && isMessagePayloadParameter(param, ctx)) return true;
    }
    // `msg.room` of `const msg = JSON.parse(data)` in a message listener, or of a parameter every
    // call passes a parsed message (`this._handle(JSON.parse(event.data))`).
    const root = rootOf(node);
    return isParsedPeerInput(root, ctx) || receivesPeerInput(root, ctx) || parsesPeerInput(root, ctx);
  }
  if (ts.isIdentifier(node)) {
    const param = parameterOf(node, ctx);
    if (param && (isMessagePayloadParameter(param, ctx) || isRequestBodyChunk(param, ctx))) return true;
    return isParsedPeerInput(node, ctx) || receivesPeerInput(node, ctx);
  }
  // `req.headers['user-agent']`, `req.query['room']`.
  if (ts.isElementAccessExpression(node) && isRequestField(node.expression, ctx)) return true;
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'toString' || method === 'join') return isPeerInput(callee.expression, ctx);
      // `url.searchParams.get('reason')`: a query parameter is whatever the URL's author wrote.
      if ((method === 'get' || method === 'getAll') && typeNameOf(callee.expression, ctx) === 'URLSearchParams') return true;
    }
    if (ts.isIdentifier(callee) && callee.text === 'String' && node.arguments[0]) return isPeerInput(node.arguments[0], ctx);
  }
  return false;
}

/**
 * Typed as a number or boolean, or — untyped — compared with a number or used in arithmetic
 * (`retryAfter < 0`, `delay * 1000`): the code treats it as a number.
 */
function isNumeric(node: ts.Expression, ctx: AnalysisContext): boolean {
  const type = ctx.checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  const scalar = ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null;
  if (parts.every((t) => t.flags & scalar) && parts.some((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)))) return true;
  if (!ts.isIdentifier(node) || !(type.flags & ts.TypeFlags.Any)) return false;
  const symbol = valueSymbolOf(node, ctx);
  return !!symbol && identifiersNamed(node.getSourceFile(), node.text).some((use) => ts.isIdentifier(use) && isNumericOperand(use) && ctx.checker.getSymbolAtLocation(use) === symbol);
}

const RELATIONAL = new Set([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken]);
const ARITHMETIC = new Set([ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken]);

function isNumericOperand(use: ts.Identifier): boolean {
  const parent = use.parent;
  if (!parent || !ts.isBinaryExpression(parent)) return false;
  const op = parent.operatorToken.kind;
  const other = skipOuterExpressions(parent.left === use ? parent.right : parent.left);
  const numberLiteral = ts.isNumericLiteral(other) || (ts.isPrefixUnaryExpression(other) && ts.isNumericLiteral(other.operand));
  return ARITHMETIC.has(op) || (RELATIONAL.has(op) && numberLiteral);
}

export function typeNameOf(expr: ts.Expression, ctx: AnalysisContext): string | undefined {
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(expr));
  return (type.aliasSymbol ?? type.getSymbol())?.getName();
}

/** `req.headers`, `req.query`: a field of a request whose entries the client wrote. */
function isRequestField(expr: ts.Expression, ctx: AnalysisContext): boolean {
  const node = skipOuterExpressions(expr);
  return ts.isPropertyAccessExpression(node) && REQUEST_FIELDS.has(node.name.text) && isHttpRequest(node.expression, ctx);
}

/** A Node HTTP request, or a type built on one (`express.Request extends http.IncomingMessage`). */
function isHttpRequest(expr: ts.Expression, ctx: AnalysisContext): boolean {
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(expr));
  if (type.flags & ts.TypeFlags.Any) return isUntypedUpgradeRequest(expr, ctx);
  const extendsRequest = (t: ts.Type, depth: number): boolean => {
    if (t.getSymbol()?.getName() === HTTP_REQUEST) return true;
    return depth < 4 && t.isClassOrInterface() && ctx.checker.getBaseTypes(t).some((base) => extendsRequest(base, depth + 1));
  };
  return (type.isIntersection() ? type.types : [type]).some((t) => extendsRequest(t, 0));
}

/**
 * Untyped, the second parameter of a `connection` listener (`wss.on('connection', (ws, req) => …)`:
 * ws passes the upgrade request there; net and socket.io servers pass one argument) or of an
 * express-ws route (`app.ws('/chat', (ws, req) => …)`).
 */
function isUntypedUpgradeRequest(expr: ts.Expression, ctx: AnalysisContext): boolean {
  const node = skipOuterExpressions(expr);
  const declaration = ts.isIdentifier(node) ? ctx.checker.getSymbolAtLocation(node)?.valueDeclaration : undefined;
  if (!declaration || !ts.isParameter(declaration) || !ts.isIdentifier(declaration.name)) return false;
  const fn = declaration.parent;
  if (!isFunctionLike(fn) || fn.parameters.indexOf(declaration) !== 1) return false;
  if (listenerRegistration(fn)?.event === 'connection') return true;
  const call = fn.parent;
  return !!call && ts.isCallExpression(call) && call.arguments.length === 2 && call.arguments[1] === fn && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'ws' && !!call.arguments[0] && ts.isStringLiteralLike(call.arguments[0]);
}

/** The symbol of the variable an identifier reads, also for `{ reason }` written as shorthand. */
export function valueSymbolOf(node: ts.Identifier, ctx: AnalysisContext): ts.Symbol | undefined {
  const parent = node.parent;
  if (parent && ts.isShorthandPropertyAssignment(parent) && parent.name === node) return ctx.checker.getShorthandAssignmentValueSymbol(parent);
  return ctx.checker.getSymbolAtLocation(node);
}

/**
 * A value read from what the peer sent: `const { id } = JSON.parse(data)`, `const msg =
 * JSON.parse(event.data)`, or a variable the code fills in later (`let data; data = JSON.parse(body)`,
 * `body += chunk`).
 */
function isParsedPeerInput(node: ts.Expression, ctx: AnalysisContext): boolean {
  if (!ts.isIdentifier(node)) return false;
  const symbol = valueSymbolOf(node, ctx);
  let decl: ts.Node | undefined = symbol?.valueDeclaration;
  while (decl && (ts.isBindingElement(decl) || ts.isObjectBindingPattern(decl) || ts.isArrayBindingPattern(decl))) decl = decl.parent;
  if (!decl || !ts.isVariableDeclaration(decl)) return false;
  if (ts.isIdentifier(decl.name) && symbol && assignsPeerInput(decl, symbol, ctx)) return true;
  if (!decl.initializer) return false;
  let init = skipOuterExpressions(decl.initializer);
  if (ts.isAwaitExpression(init)) init = skipOuterExpressions(init.expression);
  // `const { roomId } = msg`, `const name = msg.player.name`: read from parsed peer input.
  if (ts.isIdentifier(init) || ts.isPropertyAccessExpression(init)) return following(init, () => isPeerInput(init, ctx));
  return parsesPeerInput(init, ctx);
}

/**
 * A `let` whose text the code builds later: one `+=` of the peer's text is enough (`body +=
 * chunk`); plain writes must all be the peer's (`data = JSON.parse(body)` in a `try`).
 */
function assignsPeerInput(decl: ts.VariableDeclaration, symbol: ts.Symbol, ctx: AnalysisContext): boolean {
  const name = decl.name as ts.Identifier;
  const writes: ts.BinaryExpression[] = [];
  for (const use of identifiersNamed(decl.getSourceFile(), name.text)) {
    const parent = use.parent;
    if (!parent || !ts.isBinaryExpression(parent) || parent.left !== use || !ts.isIdentifier(use) || ctx.checker.getSymbolAtLocation(use) !== symbol) continue;
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.PlusEqualsToken) writes.push(parent);
  }
  if (writes.length === 0) return false;
  return following(decl, () => {
    const peer = (write: ts.BinaryExpression) => isPeerInput(write.right, ctx) || parsesPeerInput(skipOuterExpressions(write.right), ctx);
    if (writes.some((w) => w.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && peer(w))) return true;
    const initial = decl.initializer;
    const assigned = writes.filter((w) => w.operatorToken.kind === ts.SyntaxKind.EqualsToken);
    return assigned.length === writes.length && (!initial || isPeerInput(initial, ctx)) && assigned.every(peer);
  });
}

/** `JSON.parse(data)` of a message payload, `qs.parse(search)`: what it returns is the peer's. */
function parsesPeerInput(expr: ts.Expression, ctx: AnalysisContext): boolean {
  if (!ts.isCallExpression(expr) || !expr.arguments[0]) return false;
  const callee = expr.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'parse' || !ts.isIdentifier(callee.expression)) return false;
  // `querystring.parse(url.query)`, `qs.parse(search)`, `url.parse(req.url, true)`: the parts of a URL, any length.
  if (isQueryStringModule(callee.expression, ctx)) return true;
  return callee.expression.text === 'JSON' && isPeerInput(expr.arguments[0], ctx);
}

/**
 * A parameter (or a property destructured from one: `_handleBad({ reason })`) that every call
 * gives the peer's value: a function only its own file calls (`this._handle(JSON.parse(event.data))`;
 * an exported function may have other callers: never), or a callback the function it is handed to
 * calls with such a value (`withBody(req, (data) => …)` where `withBody` runs `handler(parsed)`).
 */
function receivesPeerInput(node: ts.Expression, ctx: AnalysisContext): boolean {
  if (!ts.isIdentifier(node)) return false;
  let param: ts.Node | undefined = valueSymbolOf(node, ctx)?.valueDeclaration;
  while (param && (ts.isBindingElement(param) || ts.isObjectBindingPattern(param))) param = param.parent;
  if (!param || !ts.isParameter(param) || param.dotDotDotToken) return false;
  const fn = param.parent;
  const index = fn.parameters.indexOf(param);
  return following(param, () => {
    const calls = callbackCallsOf(fn, ctx) ?? ownFileCallsOf(fn);
    return calls.length > 0 && calls.every((args) => {
      const argument = args[index];
      return !!argument && !ts.isSpreadElement(argument) && (isPeerInput(argument, ctx) || parsesPeerInput(skipOuterExpressions(argument), ctx));
    });
  });
}

/** The argument lists of every call of a named function in its own file; none when it is exported. */
function ownFileCallsOf(fn: ts.SignatureDeclaration): ReadonlyArray<ts.NodeArray<ts.Expression>> {
  const name = functionNameNode(fn);
  if (!name || isExported(fn)) return [];
  const calls: Array<ts.NodeArray<ts.Expression>> = [];
  for (const use of identifiersNamed(fn.getSourceFile(), name.text)) {
    if (use === name) continue;
    const callee = ts.isPropertyAccessExpression(use.parent) && use.parent.name === use ? use.parent : use;
    const call = callee.parent;
    // A use that is not a call (passed on, stored) may reach the function with anything.
    if (!call || !ts.isCallExpression(call) || call.expression !== callee) return [];
    calls.push(call.arguments);
  }
  return calls;
}

/**
 * A function written as an argument (`run(req, (data) => …)`): the calls the receiving function's
 * own code makes of that parameter (`handler(client, data)`). Undefined when `fn` is not such an
 * argument or the receiving function's body is not in the project.
 */
function callbackCallsOf(fn: ts.SignatureDeclaration, ctx: AnalysisContext): ReadonlyArray<ts.NodeArray<ts.Expression>> | undefined {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const position = call.arguments.indexOf(fn as unknown as ts.Expression);
  if (position < 0) return undefined;
  const callee = skipOuterExpressions(call.expression);
  let symbol = ctx.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
  const declarations = symbol?.declarations ?? [];
  if (declarations.length !== 1) return undefined;
  const receiving = declarations[0]!;
  const param = isFunctionLike(receiving) ? receiving.parameters[position] : undefined;
  const body = isFunctionLike(receiving) ? receiving.body : undefined;
  if (!body || !param || !ts.isIdentifier(param.name) || receiving.getSourceFile().isDeclarationFile) return undefined;
  const paramSymbol = ctx.checker.getSymbolAtLocation(param.name);
  const calls: Array<ts.NodeArray<ts.Expression>> = [];
  let passedOn = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== param.name && ctx.checker.getSymbolAtLocation(node) === paramSymbol) {
      if (ts.isCallExpression(node.parent) && node.parent.expression === node) calls.push(node.parent.arguments);
      else passedOn = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return passedOn ? [] : calls;
}

/** `export function f`, `export const f = () => …`: a function other files may call. */
function isExported(fn: ts.Node): boolean {
  const exported = (node: ts.Node | undefined) => !!node && ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (ts.isFunctionDeclaration(fn)) return exported(fn);
  const holder = fn.parent;
  return !!holder && ts.isVariableDeclaration(holder) && exported(holder.parent?.parent);
}

/** Declarations being followed: a `var a = b; var b = a;` cycle, or a recursive call, ends here as "no". */
const active = new Set<ts.Node>();

function following(node: ts.Node, answer: () => boolean): boolean {
  if (active.has(node)) return false;
  active.add(node);
  try {
    return answer();
  } finally {
    active.delete(node);
  }
}

/** Modules whose `parse(…)` splits a URL or query string: the parts are whatever the URL's author wrote. */
const QUERY_STRING_MODULES = new Set(['querystring', 'node:querystring', 'qs', 'query-string', 'url', 'node:url']);

/** An identifier bound to a URL or query-string parser module: `import qs from 'qs'`, `const url = require('url')`. */
function isQueryStringModule(identifier: ts.Identifier, ctx: AnalysisContext): boolean {
  const symbol = ctx.checker.getSymbolAtLocation(identifier);
  for (const decl of symbol?.declarations ?? []) {
    const specifier = moduleSpecifierOf(decl);
    if (specifier !== undefined) return QUERY_STRING_MODULES.has(specifier);
  }
  return false;
}

function moduleSpecifierOf(decl: ts.Declaration): string | undefined {
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = skipOuterExpressions(decl.initializer);
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] && ts.isStringLiteralLike(init.arguments[0])) return init.arguments[0].text;
    return undefined;
  }
  let node: ts.Node | undefined = decl;
  while (node && !ts.isImportDeclaration(node) && !ts.isSourceFile(node)) node = node.parent;
  return node && ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
}

function rootOf(expr: ts.Expression): ts.Expression {
  let node = skipOuterExpressions(expr);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuterExpressions(node.expression);
  return node;
}

function parameterOf(expr: ts.Expression, ctx: AnalysisContext): ts.ParameterDeclaration | undefined {
  const node = skipOuterExpressions(expr);
  if (!ts.isIdentifier(node)) return undefined;
  const decl = valueSymbolOf(node, ctx)?.valueDeclaration;
  return decl && ts.isParameter(decl) ? decl : undefined;
}

/** The payload parameter of a `'message'` listener (a MessageEvent parameter is the event: its `.data` is the payload). */
function isMessagePayloadParameter(param: ts.ParameterDeclaration, ctx: AnalysisContext): boolean {
  const registration = isFunctionLike(param.parent) ? listenerRegistration(param.parent) : undefined;
  if (!registration || registration.event.toLowerCase() !== 'message') return false;
  const type = ctx.checker.getTypeAtLocation(param);
  return (type.aliasSymbol ?? type.getSymbol())?.getName() !== 'MessageEvent';
}

/** `req.on('data', (chunk) => …)` on an HTTP request: a piece of the body the client sent. */
function isRequestBodyChunk(param: ts.ParameterDeclaration, ctx: AnalysisContext): boolean {
  const fn = param.parent;
  if (!isFunctionLike(fn) || fn.parameters[0] !== param) return false;
  const registration = listenerRegistration(fn);
  return !!registration && registration.event === 'data' && isHttpRequest(registration.emitter, ctx);
}
