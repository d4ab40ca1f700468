// Finds every close-like call in a file and describes it for the rules: which runtime(s) the
// receiver is, how sure we are, and the evaluated code and reason arguments.
import * as ts from 'typescript';
import type { Confidence } from '../core/finding';
import { CLOSE_METHOD_NAMES, RUNTIME_PROFILES } from '../registry/runtimes';
import type { ArgumentShape, Evidence, RuntimeId } from '../registry/types';
import { classifyConstructor, classifyReceiver, type ReceiverClass } from './classify-receiver';
import { contextOfNode, type AnalysisContext } from './context';
import { evaluateArgument } from './evaluate-argument';
import { accessedName, skipOuterExpressions } from './syntax';
import { closerCalled } from './closers';
import { applyRewrites } from './wrapper-rewrites';
import { argumentFor, defaultOf, forwardedRole, isForwardedErrorMessage, wrapperCalled, type ForwardedParameter, type Wrapper } from './wrappers';
import type { EvaluatedArgument, PossibleValue } from './values';

export interface CloseCallSite {
  readonly call: ts.CallExpression | ts.NewExpression;
  /** `close`, `end`, `drop`, `reconnect` or `WebSocketError`. */
  readonly method: string;
  /** The method name (or constructor) node: where hovers on `close` land. */
  readonly methodNode: ts.Node;
  readonly receiver: ts.Expression | undefined;
  readonly runtimes: readonly RuntimeId[];
  readonly confidence: Confidence;
  /** For inferred receivers: what the inference rests on. */
  readonly evidence?: Evidence;
  readonly shape: ArgumentShape;
  readonly code: EvaluatedArgument;
  readonly reason: EvaluatedArgument;
  /** Where a missing code argument would be inserted (positional shape). */
  readonly codeInsertOffset: number;
  /** For a call of a wrapper (a function that passes its parameters on to a close call): that close call. */
  readonly forwardedTo?: { readonly name: string; readonly closeCall: ts.CallExpression };
  /**
   * For a call of a wrapper that takes the reason but not the code (`kick(reason) { ws.close(1000,
   * reason) }`): the one code the wrapper always sends. Only the rules that weigh the code against
   * this call's reason and branch read it; the code itself is checked where it is written.
   */
  readonly wrapperCode?: EvaluatedArgument;
}

/** Cheap text test run before any type information is requested for a file. */
export function mayContainCloseCall(text: string): boolean {
  return /\b(?:close|end|drop|reconnect)\b\s*(?:\(|['"`]\s*\]\s*\()|\bWebSocketError\b|['"](?:close|end|drop)['"]\s*\]/.test(text);
}

/**
 * Cheap text test for the files a program needs besides those with a close-like call: files that
 * may call a wrapper of a close call (`client.kick(1000, 'banned')`, `conn.disconnect(code)`), and
 * — in JavaScript, where types are missing and the socket-flow analysis follows sockets through
 * the code — files where sockets are made, received or passed around. TypeScript files that only
 * pass typed sockets around stay out (their types answer, through lazy imports). Files that
 * register a close handler are in too: the handler may reconnect (reconnect-on-terminal-code).
 */
export function mayNeedAnalysis(text: string, fileName = ''): boolean {
  if (mayContainCloseCall(text) || mayRegisterCloseHandler(text) || /\(\s*[1-4]\d{3}\s*[,)]|\b\w*(?:close|disconnect|kick|terminate|reject|shutdown)\w*\s*\(/i.test(text)) return true;
  return /\.[cm]?jsx?$/i.test(fileName) && /socket|\bwss?\b|WebSocketPair|['"]connection['"]/i.test(text);
}

/** `x.onclose =`, `.on('close', …)`, `.addEventListener('close', …)`, `.onClose(…)`. */
function mayRegisterCloseHandler(text: string): boolean {
  return /\bonclose\s*=|['"`]close['"`]\s*,|\.onClose\s*\(/.test(text);
}

export interface FindOptions {
  /** Config override for this file: every WebSocket receiver is treated as this runtime. */
  readonly runtimeOverride?: RuntimeId;
  /** Told how the receiver of every call of a close-like method name was classified (--debug). */
  readonly onReceiver?: (decision: ReceiverDecision) => void;
}

/** The classification of one `x.close(…)`-like call's receiver, and the runtimes kept for its method. */
export interface ReceiverDecision {
  readonly call: ts.CallExpression;
  readonly method: string;
  readonly receiver: ts.Expression;
  readonly verdict: ReceiverClass;
  /** Runtimes of a WebSocket verdict that have this method (after the config's override); empty: not checked. */
  readonly runtimes: readonly RuntimeId[];
}

export function findCloseCalls(ctx: AnalysisContext, options: FindOptions = {}): CloseCallSite[] {
  const sites: CloseCallSite[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const site = siteForMethodCall(node, ctx, options) ?? siteForWrapperCall(node, ctx, options) ?? siteForCloserCall(node, ctx, options);
      if (site) sites.push(site);
    } else if (ts.isNewExpression(node)) {
      const site = siteForConstructor(node, ctx, options);
      if (site) sites.push(site);
    }
    ts.forEachChild(node, visit);
  };
  visit(ctx.sourceFile);
  return sites;
}

function siteForMethodCall(call: ts.CallExpression, ctx: AnalysisContext, options: FindOptions): CloseCallSite | undefined {
  const callee = call.expression;
  const method = accessedName(callee);
  if (!method || !CLOSE_METHOD_NAMES.has(method)) return undefined;
  const access = callee as ts.PropertyAccessExpression | ts.ElementAccessExpression;
  const receiver = access.expression;
  const verdict = classifyReceiver(receiver, ctx);
  const runtimes = verdict.kind === 'websocket' ? applyOverride(verdict.runtimes, options).filter((r) => RUNTIME_PROFILES[r].methods[method] !== undefined) : [];
  options.onReceiver?.({ call, method, receiver, verdict, runtimes });
  if (verdict.kind !== 'websocket' || runtimes.length === 0) return undefined;
  const shape = RUNTIME_PROFILES[runtimes[0]!].methods[method]!;
  const methodNode = ts.isPropertyAccessExpression(access) ? access.name : access.argumentExpression;
  return buildSite(call, method, methodNode, receiver, runtimes, verdict.confidence, verdict.evidence, shape, ctx);
}

function siteForConstructor(call: ts.NewExpression, ctx: AnalysisContext, options: FindOptions): CloseCallSite | undefined {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name !== 'WebSocketError') return undefined;
  const classified = classifyConstructor(callee, ctx);
  const confidence: Confidence = classified === 'untyped' ? 'inferred' : 'typed';
  const runtimes = classified === 'untyped' ? ['websocket-error' as const] : classified.filter((r) => r === 'websocket-error');
  if (runtimes.length === 0) return undefined;
  const evidence: Evidence | undefined = confidence === 'inferred' ? { kind: 'constructor', name } : undefined;
  return buildSite(call, name, callee, undefined, applyOverride(runtimes, options), confidence, evidence, 'error-options', ctx);
}

/**
 * A call of a wrapper (`client.closeSocket(1000, 'banned')`) is checked like the close call it
 * ends in, with the values written here (analysis/wrappers.ts).
 */
function siteForWrapperCall(call: ts.CallExpression, ctx: AnalysisContext, options: FindOptions): CloseCallSite | undefined {
  const wrapper = wrapperCalled(call, ctx);
  if (!wrapper || call.arguments.some(ts.isSpreadElement)) return undefined;
  const code = wrapper.codeParameter && argumentFor(call, wrapper.codeParameter);
  const reason = wrapper.reasonParameter && argumentFor(call, wrapper.reasonParameter);
  // A value the caller leaves out is the wrapper's own (its default, its fallback): checked at the wrapper.
  if (!code && !reason) return undefined;
  return forwardingSite(call, wrapper, options, (methodNode) => ({
    // What the caller leaves to the wrapper was checked in the wrapper: here it is only "some value".
    code: code ? rewritten(withDefault(evaluateArgument(code, ctx), wrapper, wrapper.codeParameter!, ctx), wrapper, ctx) : someCode(methodNode),
    reason: reason ? cutByWrapper(withDefault(evaluateArgument(reason, ctx), wrapper, wrapper.reasonParameter!, ctx), wrapper) : unknownArgument('string'),
    ...(code ? {} : (defaultWrapperCode(wrapper, ctx) ?? fixedWrapperCode(wrapper, ctx, call))),
  }));
}

/** A reason the wrapper cuts to a length: its words as written, its length limited. */
function cutByWrapper(reason: EvaluatedArgument, wrapper: Wrapper): EvaluatedArgument {
  if (!wrapper.reasonLimited) return reason;
  return {
    ...reason,
    values: reason.values.map((value): PossibleValue => {
      if (value.kind === 'string') return { kind: 'partial-string', minBytes: 0, limited: true, knownText: value.value, ...(value.node ? { node: value.node } : {}) };
      return value.kind === 'partial-string' ? { ...value, minBytes: 0, limited: true } : value;
    }),
  };
}

/**
 * A call of a closer (`sc.error(new Error('Timeout'))` → `this.close()` → `socket.close(1000, …)`):
 * a close with the closer's code for the rules that judge it against this call's situation
 * (`wrapperCode`); the code and reason are the closer's, checked where they are written.
 */
function siteForCloserCall(call: ts.CallExpression, ctx: AnalysisContext, options: FindOptions): CloseCallSite | undefined {
  const closer = closerCalled(call, ctx);
  if (!closer) return undefined;
  return forwardingSite(call, closer, options, (methodNode) => ({ code: someCode(methodNode), reason: unknownArgument('string'), wrapperCode: closer.code }));
}

/** The site of a call that ends in a close call elsewhere (a wrapper's or a closer's), with the values `values` gives. */
function forwardingSite(
  call: ts.CallExpression,
  target: { readonly name: string; readonly closeCall: ts.CallExpression; readonly method: string; readonly receiver: Extract<ReceiverClass, { kind: 'websocket' }> },
  options: FindOptions,
  values: (methodNode: ts.Node) => Pick<CloseCallSite, 'code' | 'reason' | 'wrapperCode'>,
): CloseCallSite | undefined {
  const { receiver } = target;
  const runtimes = applyOverride(receiver.runtimes, options).filter((r) => RUNTIME_PROFILES[r].methods[target.method] === 'positional');
  if (runtimes.length === 0) return undefined;
  const callee = skipOuterExpressions(call.expression);
  const methodNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  return {
    call,
    method: target.method,
    methodNode,
    // The object here is the wrapper's, not the socket: rules that look at the socket itself skip this site.
    receiver: undefined,
    runtimes,
    confidence: receiver.confidence,
    ...(receiver.evidence ? { evidence: receiver.evidence } : {}),
    shape: 'positional',
    codeInsertOffset: call.arguments.pos,
    forwardedTo: { name: target.name, closeCall: target.closeCall },
    ...values(methodNode),
  };
}

/** "Some code", at the callee: what a call leaves to the function it calls. */
function someCode(methodNode: ts.Node): EvaluatedArgument {
  return { node: methodNode as ts.Expression, values: [{ kind: 'unknown', type: 'number' }] };
}

/**
 * A call that leaves the code out gets the wrapper's default (`disconnect(reason, code = 1000)`
 * called as `disconnect('Room is full')`): judged against this call's situation like a fixed code.
 */
function defaultWrapperCode(wrapper: Wrapper, ctx: AnalysisContext): { wrapperCode: EvaluatedArgument } | undefined {
  const initializer = wrapper.codeParameter && !wrapper.codeRewrites?.length && !wrapper.implementations ? defaultOf(wrapper, wrapper.codeParameter) : undefined;
  const wrapperCode = initializer && certainCode(initializer, ctx);
  return wrapperCode ? { wrapperCode } : undefined;
}

/**
 * The code a wrapper sends for this call when it is one certain number: a fixed one
 * (`ws.close(1000, reason)`), or the branch this call's arguments pick in a choice on one of the
 * wrapper's parameters (`end(reason ? 3000 : 0, reason)` called with a reason: 3000).
 */
function fixedWrapperCode(wrapper: Wrapper, ctx: AnalysisContext, call: ts.CallExpression): { wrapperCode?: EvaluatedArgument } {
  // Several implementations: the code is certain only when every one sends the same.
  if (wrapper.implementations) {
    const codes = wrapper.implementations.map((w) => fixedWrapperCode({ ...w, implementations: undefined } as Wrapper, ctx, call).wrapperCode);
    const value = (code: EvaluatedArgument | undefined) => (code?.values[0]?.kind === 'number' ? code.values[0].value : undefined);
    return codes.every((code) => value(code) !== undefined && value(code) === value(codes[0])) ? { wrapperCode: codes[0]! } : {};
  }
  const written = wrapper.closeCall.arguments[0];
  if (!written || ts.isSpreadElement(written) || ts.isObjectLiteralExpression(skipOuterExpressions(written))) return {};
  const inner = branchChosenBy(call, skipOuterExpressions(written), wrapper, ctx) ?? written;
  const wrapperCode = certainCode(inner, ctx);
  return wrapperCode ? { wrapperCode } : {};
}

/** The value of a code written in a wrapper (evaluated in the wrapper's file), when it is one certain number. */
function certainCode(node: ts.Expression, ctx: AnalysisContext): EvaluatedArgument | undefined {
  const evaluated = evaluateArgument(node, contextOfNode(node, ctx));
  return evaluated.values.length === 1 && evaluated.values[0]!.kind === 'number' ? evaluated : undefined;
}

/** `p ? a : b` (or `!p ? …`) on a wrapper parameter `p` whose argument at `call` is certainly truthy or certainly falsy: that branch. */
function branchChosenBy(call: ts.CallExpression, expression: ts.Expression, wrapper: Wrapper, ctx: AnalysisContext): ts.Expression | undefined {
  if (!ts.isConditionalExpression(expression)) return undefined;
  let condition = skipOuterExpressions(expression.condition);
  let negated = false;
  while (ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken) {
    negated = !negated;
    condition = skipOuterExpressions(condition.operand);
  }
  if (!ts.isIdentifier(condition)) return undefined;
  const parameter = ctx.checker.getSymbolAtLocation(condition)?.valueDeclaration;
  if (!parameter || !ts.isParameter(parameter) || parameter.initializer || parameter.dotDotDotToken) return undefined;
  // The parameter of the wrapper called here, or — through nested wrappers — the one the inner
  // wrapper receives as its code or reason, which this call passes as the same.
  const role = parameter.parent === wrapper.fn ? undefined : forwardedRole(parameter, ctx);
  const forwarded = parameter.parent === wrapper.fn ? { index: wrapper.fn.parameters.indexOf(parameter) } : role && (role === 'code' ? wrapper.codeParameter : wrapper.reasonParameter);
  if (!forwarded || call.arguments.slice(0, forwarded.index + 1).some(ts.isSpreadElement)) return undefined;
  const argument = argumentFor(call, forwarded);
  // An argument left out is `undefined`: falsy.
  const values = argument ? evaluateArgument(argument, ctx).values : forwarded.index >= call.arguments.length ? [{ kind: 'undefined' as const }] : [];
  const truthiness = new Set(values.map(truthinessOf));
  if (values.length === 0 || truthiness.size !== 1 || truthiness.has(undefined)) return undefined;
  return truthiness.has(true) !== negated ? expression.whenTrue : expression.whenFalse;
}

function truthinessOf(value: PossibleValue): boolean | undefined {
  if (value.kind === 'number' || value.kind === 'string') return !!value.value;
  if (value.kind === 'undefined') return false;
  if (value.kind === 'partial-string') return value.minBytes > 0 ? true : undefined;
  return undefined;
}

function applyOverride(runtimes: readonly RuntimeId[], options: FindOptions): RuntimeId[] {
  return options.runtimeOverride ? [options.runtimeOverride] : [...runtimes];
}

function buildSite(
  call: ts.CallExpression | ts.NewExpression,
  method: string,
  methodNode: ts.Node,
  receiver: ts.Expression | undefined,
  runtimes: readonly RuntimeId[],
  confidence: Confidence,
  evidence: Evidence | undefined,
  shape: ArgumentShape,
  ctx: AnalysisContext,
): CloseCallSite {
  const args = call.arguments ?? ts.factory.createNodeArray<ts.Expression>();
  // `(...args) => socket.close(...args)` passes on whatever its callers give: nothing to judge here.
  const spread = args.findIndex(ts.isSpreadElement);
  if (spread >= 0) return { call, method, methodNode, receiver, runtimes, confidence, ...(evidence ? { evidence } : {}), shape, code: unknownArgument('number'), reason: unknownArgument('string'), codeInsertOffset: call.getEnd() };
  let codeNode: ts.Expression | undefined;
  let reasonNode: ts.Expression | undefined;
  if (shape === 'positional') {
    codeNode = args[0];
    reasonNode = args[1];
  } else {
    const options = shape === 'close-info' ? args[0] : args[1];
    if (options && ts.isObjectLiteralExpression(options)) {
      codeNode = propertyValue(options, 'closeCode');
      reasonNode = propertyValue(options, 'reason');
    }
  }
  // `(` is the first token after the callee (and type arguments, if any).
  const openParen = call.getChildren().find((c) => c.kind === ts.SyntaxKind.OpenParenToken);
  return {
    call,
    method,
    methodNode,
    receiver,
    runtimes,
    confidence,
    ...(evidence ? { evidence } : {}),
    shape,
    code: evaluateArgument(codeNode, ctx),
    // `disconnect(error) { ws.close(1011, error?.message) }`: the callers' errors, judged at the calls.
    reason: reasonNode && isForwardedErrorMessage(reasonNode, ctx) ? unknownArgument('string') : evaluateArgument(reasonNode, ctx),
    codeInsertOffset: openParen ? openParen.getEnd() : call.getEnd(),
  };
}

/**
 * `undefined` passed for a parameter with a default is the default: `_disconnect(undefined, 'timeout')`
 * with `_disconnect(code = 1000, reason)` closes with 1000. The default is evaluated where it is
 * written and reported, if at all, at this call's argument.
 */
function withDefault(argument: EvaluatedArgument, wrapper: Wrapper, parameter: ForwardedParameter, ctx: AnalysisContext): EvaluatedArgument {
  const initializer = defaultOf(wrapper, parameter);
  if (!initializer || !argument.node || !argument.values.some((v) => v.kind === 'undefined')) return argument;
  const defaults = evaluateArgument(initializer, contextOfNode(initializer, ctx)).values.map((v) => ({ ...v, node: argument.node }) as PossibleValue);
  return { node: argument.node, values: [...argument.values.filter((v) => v.kind !== 'undefined'), ...defaults] };
}

/** The caller's code as the wrappers' own rewrites leave it (`if (code <= 3000) code = 1000`). */
function rewritten(argument: EvaluatedArgument, wrapper: Wrapper, ctx: AnalysisContext): EvaluatedArgument {
  if (!wrapper.codeRewrites?.length || !argument.node) return argument;
  const evaluate = (node: ts.Expression) => evaluateArgument(node, contextOfNode(node, ctx)).values;
  return { node: argument.node, values: applyRewrites(argument.values, wrapper.codeRewrites, evaluate, ctx.checker) };
}

function unknownArgument(type: 'number' | 'string'): EvaluatedArgument {
  return { node: undefined, values: [{ kind: 'unknown', type }] };
}

function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}
