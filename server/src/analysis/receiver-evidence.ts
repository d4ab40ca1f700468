// When the checker has no type for a receiver (plain JavaScript, unresolved modules, `any`),
// look for evidence in the code instead. Every rule of evidence is strict on purpose: a guess
// that turns a file stream or a DB pool into a WebSocket is worse than no finding.
import * as ts from 'typescript';
import type { Evidence, RuntimeId } from '../registry/types';
import { CONSTRUCTOR_NAME_RUNTIMES, LOOKALIKE_SOCKET_MODULE_PREFIXES, SOCKET_CONSTRUCTORS, WEBSOCKET_BY_IMPORT, WS_MODULE, WS_SERVER, WS_SERVER_CLASSES } from '../registry/socket-sources';
import { valuesAssignedTo, visitAssignments } from './assignments';
import type { AnalysisContext } from './context';
import type { ReceiverClass } from './classify-receiver';
import { COMPARISON_OPERATORS, enclosingFunction, isFunctionLike, listenerRegistration, skipOuterExpressions } from './syntax';

const SOCKET_EVENTS = new Set(['message', 'open', 'ping', 'pong', 'upgrade', 'unexpected-response']);
const SOCKET_MEMBERS = new Set(['send', 'readyState', 'terminate', 'ping', 'pong', 'bufferedAmount', 'binaryType', 'onmessage', 'onopen']);

export function inferReceiverFromEvidence(receiver: ts.Expression, ctx: AnalysisContext): ReceiverClass | undefined {
  const fromConstructor = constructedBy(receiver, ctx);
  if (fromConstructor) {
    return { kind: 'websocket', runtimes: [fromConstructor.runtime], confidence: 'inferred', evidence: fromConstructor.evidence };
  }
  if (!ts.isIdentifier(receiver) || !ctx.mentionsWebSocket) return undefined;
  const decl = ctx.checker.getSymbolAtLocation(receiver)?.valueDeclaration;
  if (decl && ts.isParameter(decl) && isWsServerConnectionParameter(decl, ctx)) {
    return { kind: 'websocket', runtimes: [WS_SERVER.runtime], confidence: 'inferred', evidence: { kind: 'connection-listener' } };
  }
  const state = readyStateConstant(receiver, ctx);
  if (state) {
    return { kind: 'websocket', runtimes: [runtimeOfWebSocketConstructor(ctx)], confidence: 'inferred', evidence: { kind: 'ready-state', name: state } };
  }
  const socketIo = [...ctx.importedModules].some((m) => LOOKALIKE_SOCKET_MODULE_PREFIXES.some((prefix) => m.startsWith(prefix)));
  const shape = socketIo ? undefined : socketShape(receiver, ctx);
  if (shape) {
    // Server-side or Node-style usage (`.on(...)`, terminate/ping, a 'connection' parameter) means ws semantics.
    const nodeStyle = ctx.importedModules.has(WS_MODULE) || shape === 'node' || (decl !== undefined && ts.isParameter(decl) && isConnectionListenerParameter(decl));
    const runtime: RuntimeId = nodeStyle ? WS_SERVER.runtime : SOCKET_CONSTRUCTORS['']!['WebSocket']!;
    return { kind: 'websocket', runtimes: [runtime], confidence: 'inferred', evidence: { kind: 'socket-usage' } };
  }
  return undefined;
}

/** `x` assigned `new WebSocket(...)` (declaration, assignment, or class field for `this.x`). */
function constructedBy(receiver: ts.Expression, ctx: AnalysisContext): { runtime: RuntimeId; evidence: Evidence } | undefined {
  for (const initializer of assignedValues(receiver, ctx)) {
    const value = skipOuterExpressions(initializer);
    if (!ts.isNewExpression(value)) continue;
    const name = ts.isIdentifier(value.expression)
      ? value.expression.text
      : ts.isPropertyAccessExpression(value.expression)
        ? value.expression.name.text
        : undefined;
    const runtime = name ? CONSTRUCTOR_NAME_RUNTIMES[name] : undefined;
    if (!runtime || !name) continue;
    return { runtime: runtime === 'by-import' ? runtimeOfWebSocketConstructor(ctx) : runtime, evidence: { kind: 'constructor', name } };
  }
  return undefined;
}

function runtimeOfWebSocketConstructor(ctx: AnalysisContext): RuntimeId {
  return WEBSOCKET_BY_IMPORT.find((entry) => ctx.importedModules.has(entry.module))?.runtime ?? SOCKET_CONSTRUCTORS['']!['WebSocket']!;
}

/** Every expression assigned to the receiver's variable (or to `this.<name>` in its class). */
function assignedValues(receiver: ts.Expression, ctx: AnalysisContext): ts.Expression[] {
  if (ts.isIdentifier(receiver)) {
    const symbol = ctx.checker.getSymbolAtLocation(receiver);
    return symbol ? valuesAssignedTo(symbol, receiver.text, ctx.sourceFile, ctx.checker) : [];
  }
  if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(receiver);
    if (!cls) return [];
    const name = receiver.name.text;
    const values: ts.Expression[] = [];
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && member.initializer && member.name.getText() === name) values.push(member.initializer);
    }
    visitAssignments(cls, (left, right) => {
      if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) values.push(right);
    });
    return values;
  }
  return [];
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
  }
  return undefined;
}

/** The first parameter of `server.on('connection', (socket) => …)` where `server` is a ws server. */
function isWsServerConnectionParameter(param: ts.ParameterDeclaration, ctx: AnalysisContext): boolean {
  const fn = param.parent;
  if (!isFunctionLike(fn) || fn.parameters[0] !== param) return false;
  const registration = listenerRegistration(fn);
  if (!registration || registration.event !== 'connection') return false;
  const emitter = skipOuterExpressions(registration.emitter);
  const created = ts.isIdentifier(emitter) ? assignedValues(emitter, ctx) : [];
  return created.some((value) => {
    const v = skipOuterExpressions(value);
    if (!ts.isNewExpression(v)) return false;
    const callee = v.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      // new WebSocket.Server(...), new ws.WebSocketServer(...)
      return WS_SERVER_CLASSES.has(callee.name.text) && /^(WebSocket|ws|WS)$/.test(callee.expression.getText());
    }
    return ts.isIdentifier(callee) && WS_SERVER_CLASSES.has(callee.text) && (callee.text === 'WebSocketServer' || ctx.importedModules.has(WS_MODULE));
  });
}

/** Per variable declared in the file that uses it: the shape of its uses over its whole scope (null: none). */
const shapesOfVariables = new WeakMap<ts.Symbol, 'node' | 'browser' | null>();

/**
 * The receiver is used like a WebSocket: a 'message'/'open' listener (or `onmessage`/`onopen`) AND
 * one more socket-only member (send, readyState, terminate, ping…), over the whole scope of the
 * variable when it is declared in this file (`var ws` of a client object, set up in one inner
 * function and closed in another), else in the receiver's own function.
 */
function socketShape(receiver: ts.Identifier, ctx: AnalysisContext): 'node' | 'browser' | undefined {
  const symbol = ctx.checker.getSymbolAtLocation(receiver);
  if (!symbol) return undefined;
  const declaration = symbol.valueDeclaration;
  const ownVariable = declaration !== undefined && declaration.getSourceFile() === receiver.getSourceFile();
  if (ownVariable) {
    const known = shapesOfVariables.get(symbol);
    if (known !== undefined) return known ?? undefined;
    const shape = shapeOfUses(symbol, enclosingFunction(declaration), ctx);
    shapesOfVariables.set(symbol, shape ?? null);
    return shape;
  }
  return shapeOfUses(symbol, enclosingFunction(receiver), ctx);
}

function shapeOfUses(symbol: ts.Symbol, scope: ts.Node, ctx: AnalysisContext): 'node' | 'browser' | undefined {
  let nodeStyle = false;
  let listensLikeSocket = false;
  let usesSocketMember = false;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ctx.checker.getSymbolAtLocation(node.expression) === symbol) {
      const member = node.name.text;
      const call = node.parent;
      if ((member === 'on' || member === 'once' || member === 'addEventListener') && ts.isCallExpression(call) && call.expression === node) {
        const event = call.arguments[0];
        if (event && ts.isStringLiteralLike(event) && SOCKET_EVENTS.has(event.text)) listensLikeSocket = true;
        if (member !== 'addEventListener') nodeStyle = true;
      } else if (member === 'onmessage' || member === 'onopen') {
        listensLikeSocket = true;
      }
      if (SOCKET_MEMBERS.has(member) && member !== 'onmessage' && member !== 'onopen') usesSocketMember = true;
      if (member === 'terminate' || member === 'ping' || member === 'pong') nodeStyle = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  if (!listensLikeSocket || !usesSocketMember) return undefined;
  return nodeStyle ? 'node' : 'browser';
}

const READY_STATES = new Set(['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']);

/**
 * `chat.readyState <= WebSocket.OPEN`, `if (chat.readyState !== WebSocket.CLOSED)` in the
 * receiver's own function: its state compared with the WebSocket constructor's own constants is
 * the author saying it is a WebSocket. Returns the constant as written (`WebSocket.OPEN`).
 */
function readyStateConstant(receiver: ts.Identifier, ctx: AnalysisContext): string | undefined {
  const symbol = ctx.checker.getSymbolAtLocation(receiver);
  if (!symbol) return undefined;
  const isReceiverState = (node: ts.Expression): boolean => {
    const side = skipOuterExpressions(node);
    return ts.isPropertyAccessExpression(side) && side.name.text === 'readyState' && ts.isIdentifier(side.expression) && ctx.checker.getSymbolAtLocation(side.expression) === symbol;
  };
  const stateConstant = (node: ts.Expression): string | undefined => {
    const side = skipOuterExpressions(node);
    return ts.isPropertyAccessExpression(side) && ts.isIdentifier(side.expression) && side.expression.text === 'WebSocket' && READY_STATES.has(side.name.text) ? side.getText() : undefined;
  };
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && COMPARISON_OPERATORS.has(node.operatorToken.kind)) {
      if (isReceiverState(node.left)) found = stateConstant(node.right);
      else if (isReceiverState(node.right)) found = stateConstant(node.left);
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(enclosingFunction(receiver));
  return found;
}

/** The first parameter of any `x.on('connection', (socket) => …)` listener: a server-side socket. */
function isConnectionListenerParameter(param: ts.ParameterDeclaration): boolean {
  const fn = param.parent;
  if (!isFunctionLike(fn) || fn.parameters[0] !== param) return false;
  return listenerRegistration(fn)?.event === 'connection';
}
