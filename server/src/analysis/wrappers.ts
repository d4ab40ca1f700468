// Wrappers: functions and methods that pass their own parameters on to a socket's close-like call
// (`closeSocket(code, reason) { this.socket.close(code || 1006, reason) }`, an adapter's
// `close: (code, reason) => ws.close(code, reason)`). The values that matter are the ones their
// callers pass, so each call of a wrapper is checked like a close call, at the call, the way
// TypeScript reports a bad argument where it is written. The wrapper's own defaults and
// fallbacks stay findings of the close call inside it.
import * as ts from 'typescript';
import { CLOSE_METHOD_NAMES } from '../registry/runtimes';
import { classifyReceiver } from './classify-receiver';
import { contextOfNode, type AnalysisContext } from './context';
import { lastName } from './socket-flow/file-index';
import { socketFlow } from './socket-flow/flows';
import { memoRecorded, noteFile, noteKey, type RecordedAnswer } from './socket-flow/reads';
import { isTestFile, scopeOf } from './socket-flow/test-files';
import { thisOwner } from './socket-flow/prototype';
import { accessedName, functionNameNode, isFunctionLike, listenerRegistration, parameterDestructurings, skipOuterExpressions } from './syntax';
import { callSitesOf } from './socket-flow/parameters';
import { addFunction, callsInFunctionsOf, type FunctionNode } from './calls-in-functions';
import { noteCandidacy } from './candidate-reads';
import { limitsLength, rewritesOf, transformsItself, type Rewrite } from './wrapper-rewrites';

export type { FunctionNode } from './calls-in-functions';
import type { ReceiverClass } from './classify-receiver';


/** A wrapper: which of its parameters become the code and reason of which close-like call. */
export interface Wrapper {
  readonly fn: FunctionNode;
  readonly name: string;
  /** The close-like call inside the wrapper (the innermost one, through nested wrappers). */
  readonly closeCall: ts.CallExpression;
  readonly method: string;
  readonly receiver: Extract<ReceiverClass, { kind: 'websocket' }>;
  readonly codeParameter?: ForwardedParameter;
  readonly reasonParameter?: ForwardedParameter;
  /** How the wrappers on the way rewrite the code before the close, outermost first (wrapper-rewrites.ts). */
  readonly codeRewrites?: readonly Rewrite[];
  /** A wrapper on the way cuts the reason to a length: the callers' words reach the close, their length does not. */
  readonly reasonLimited?: true;
  /**
   * When a call may run any of several implementations on sockets of different runtimes (a base
   * class's `close(reason)` for a browser and a server connection): all of them, this one first.
   */
  readonly implementations?: readonly Wrapper[];
}

/**
 * A parameter passed on: by position, a property of an options object (`_close({ code, reason })`),
 * or the message of an error the caller hands over (`disconnect(error) { ws.close(1011, error?.message) }`).
 */
export interface ForwardedParameter {
  readonly index: number;
  readonly property?: string;
  readonly message?: true;
}

/** The default a forwarded parameter takes when a call passes `undefined` (`_disconnect(code = 1000, reason)`). */
export function defaultOf(wrapper: Wrapper, parameter: ForwardedParameter): ts.Expression | undefined {
  const declared = wrapper.fn.parameters[parameter.index];
  if (!declared || parameter.message) return undefined;
  if (parameter.property === undefined) return declared.initializer;
  const pattern = ts.isObjectBindingPattern(declared.name) ? declared.name : optionsDestructuring(wrapper.fn, declared);
  const element = pattern?.elements.find((e) => ((e.propertyName ?? e.name) as ts.Node).getText() === parameter.property);
  return element?.initializer;
}

/** `const { code = 1000, reason } = options;` in the function's own body: the pattern that takes that options parameter apart. */
function optionsDestructuring(fn: FunctionNode, parameter: ts.ParameterDeclaration): ts.ObjectBindingPattern | undefined {
  return parameterDestructurings(fn).find((d) => d.parameter === parameter && d.isConst)?.pattern;
}

/** The argument expression a call gives for a forwarded parameter, if it writes one. */
export function argumentFor(call: ts.CallExpression, parameter: ForwardedParameter): ts.Expression | undefined {
  const argument = call.arguments[parameter.index];
  if (argument && parameter.message) {
    // `disconnect(new Error(reason))`: the message is the text given to the error; any other error is its message.
    const made = skipOuterExpressions(argument);
    return ts.isNewExpression(made) && /Error$/.test(made.expression.getText()) ? made.arguments?.[0] : argument;
  }
  if (!argument || parameter.property === undefined) return argument;
  const object = skipOuterExpressions(argument);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === parameter.property) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === parameter.property) return property.name;
  }
  return undefined;
}

const MAX_NESTING = 3;

/**
 * The functions that may be wrappers, by name, over the whole program: a function whose call of a
 * close-like method — or of another such function, declared anywhere in the program, before or
 * after it — mentions one of its parameters. Computed to a fixpoint once per program.
 */
const candidatesByProgram = new WeakMap<ts.Program, ReadonlyMap<string, readonly FunctionNode[]>>();
/** Per program, by name, the files declaring a named function that calls something: any of them may be (or become) a candidate. */
const functionFilesByProgram = new WeakMap<ts.Program, ReadonlyMap<string, ReadonlySet<string>>>();

function wrapperCandidates(program: ts.Program): ReadonlyMap<string, readonly FunctionNode[]> {
  let found = candidatesByProgram.get(program);
  if (found) return found;
  // A syntax-only filter over every project file: not a use of the flow (a wrapper it lets through
  // is resolved by the checker or by the flow, which is observed). Its answers are reads for
  // --cache all the same, recorded where they are asked (candidate-reads.ts).
  const calls = socketFlow(program, 'node', false).projectFiles().flatMap((file) => callsInFunctionsOf(file));
  const files = new Map<string, Set<string>>();
  for (const call of calls) {
    for (const { name, fn } of [...call.forwarders, ...(call.innermost ? [call.innermost] : [])]) {
      const named = files.get(name) ?? new Set();
      named.add(fn.getSourceFile().fileName);
      files.set(name, named);
    }
  }
  functionFilesByProgram.set(program, files);
  const map = new Map<string, FunctionNode[]>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const call of calls) {
      if (!CLOSE_METHOD_NAMES.has(call.method) && !map.has(call.method)) continue;
      for (const forwarder of call.forwarders) if (addFunction(map, forwarder)) grew = true;
    }
  }
  candidatesByProgram.set(program, (found = map));
  return found;
}

/**
 * The candidates of a name, as an answer that rests on them: read for --cache are the files of
 * every function of that name that calls something (a candidate, or one an edit elsewhere in the
 * chain could make one) and the name itself (a file that gains such a function).
 */
function candidatesNamed(program: ts.Program, name: string): readonly FunctionNode[] {
  const candidates = wrapperCandidates(program).get(name) ?? [];
  noteCandidacy(program, name, 'wrapper', true);
  noteKey('functions', name);
  for (const file of functionFilesByProgram.get(program)?.get(name) ?? []) noteFile(file);
  return candidates;
}

/** The name a function is called by: its own, or the variable/property/method that holds it. */
export function functionName(fn: FunctionNode): string | undefined {
  return functionNameNode(fn)?.text;
}

/** Per program, per function: the wrapper (null: none, or being found) and what finding it read (reads.ts). */
const wrappers = new WeakMap<ts.Program, Map<FunctionNode, RecordedAnswer<Wrapper>>>();

/** If `call` calls a wrapper, the wrapper. */
export function wrapperCalled(call: ts.CallExpression, ctx: AnalysisContext): Wrapper | undefined {
  const callee = skipOuterExpressions(call.expression);
  const name = lastName(callee);
  if (!name || call.arguments.length === 0) return undefined;
  // For --cache (candidate-reads.ts): a "no" rests on the candidate filter; a wrapper found rests on
  // it too (it would not be looked for without it); "none found" would be the answer without it.
  if (!wrapperCandidates(ctx.program).has(name)) {
    noteCandidacy(ctx.program, name, 'wrapper');
    return undefined;
  }
  const found = calleeFunctions(callee, name, ctx)
    .filter((fn, _, all) => all.length === 1 || !doesNothing(fn))
    .map((fn) => wrapperOf(fn, ctx, 0));
  const first = found[0];
  // Several implementations of one member (an interface's, an abstract method's: crossws's Peer on
  // ws, Bun, Deno, Workers…): which one runs is not known here, so they must all be wrappers of
  // sockets of the same runtimes for the call to be judged. An implementation with an empty body
  // (a local or piped connection's `close(reason) {}`) sends nothing and does not count.
  const runtimes = (w: Wrapper) => [...w.receiver.runtimes].sort().join();
  const wrapper = first && found.every((w) => w !== undefined && runtimes(w) === runtimes(first)) ? first : mergedImplementations(found);
  if (wrapper) noteCandidacy(ctx.program, name, 'wrapper');
  return wrapper;
}

/**
 * Implementations on sockets of different runtimes that forward the same parameters the same way
 * (and rewrite nothing): one wrapper whose socket may be any of theirs, so a value is judged
 * against every runtime it may reach. Their fixed codes are compared where they are evaluated.
 */
function mergedImplementations(found: ReadonlyArray<Wrapper | undefined>): Wrapper | undefined {
  const all = found.filter((w): w is Wrapper => w !== undefined);
  const [first] = all;
  if (!first || all.length !== found.length || all.length > 4) return undefined;
  const shape = (w: Wrapper) => JSON.stringify([w.method, w.codeParameter ?? null, w.reasonParameter ?? null, w.codeRewrites?.length ?? 0, w.reasonLimited ?? false]);
  if (all.some((w) => shape(w) !== shape(first)) || (first.codeRewrites?.length ?? 0) > 0) return undefined;
  const runtimes = [...new Set(all.flatMap((w) => w.receiver.runtimes))];
  return { ...first, receiver: { ...first.receiver, runtimes }, implementations: all };
}

function doesNothing(fn: FunctionNode): boolean {
  return !!fn.body && ts.isBlock(fn.body) && fn.body.statements.length === 0;
}

/** The functions a callee names: by the checker, or — for an untyped object — by what the flow knows it is. */
export function calleeFunctions(callee: ts.Expression, name: string, ctx: AnalysisContext): FunctionNode[] {
  const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  let symbol = ctx.checker.getSymbolAtLocation(nameNode);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
  const declarations = symbol?.declarations ?? [];
  const fns = declarations.flatMap((d) => functionsOfDeclaration(d));
  if (fns.length === 0) fns.push(...implementationsOf(declarations, name, ctx));
  if (fns.length > 0 || !ts.isPropertyAccessExpression(callee)) return fns;
  const flow = socketFlow(ctx.program, ctx.platform, true, scopeOf(ctx.sourceFile, ctx.program));
  flow.beginQuery();
  return flow.valuesOf(callee.expression, 0).flatMap((owner) => (owner.kind === 'instance' ? methodsNamed(owner.declaration, name, ctx.program) : owner.kind === 'object' ? literalMethodsNamed(owner.literal, name) : []));
}

/** Methods of a project class (or constructor function and its prototype) by name. */
function methodsNamed(declaration: ts.Node, name: string, program: ts.Program): FunctionNode[] {
  const found: FunctionNode[] = [];
  if (ts.isClassLike(declaration)) {
    for (const member of declaration.members) if (ts.isMethodDeclaration(member) && member.name.getText() === name) found.push(member);
  }
  for (const candidate of candidatesNamed(program, name)) {
    if (!found.includes(candidate) && ownerOfMethod(candidate) === declaration) found.push(candidate);
  }
  return found;
}

/**
 * A call through the project's own interface (`this.driver.disconnect(…, reason)` with `driver:
 * ConnDriver`) or abstract method (`socket.close(reason)` with `socket: ClientSocket`): the
 * functions that implement that member — an object literal typed as the interface (`return {
 * disconnect: async (…) => ws.close(1000, reason) }`), a class that `implements` it or extends the
 * abstract class — among the program's possible wrappers, as "go to implementation" finds them.
 */
function implementationsOf(declarations: readonly ts.Declaration[], name: string, ctx: AnalysisContext): FunctionNode[] {
  const signatures = declarations.filter((d) => (ts.isMethodSignature(d) || ts.isPropertySignature(d) || isAbstractMethod(d)) && !d.getSourceFile().isDeclarationFile);
  if (signatures.length === 0) return [];
  const implementsSignature = (type: ts.Type | undefined): boolean => !!type?.getProperty(name)?.declarations?.some((d) => signatures.includes(d));
  const found = candidatesNamed(ctx.program, name).filter((fn) => {
    const container = containerOf(fn);
    if (!container) return false;
    if (ts.isObjectLiteralExpression(container)) return implementsSignature(ctx.checker.getContextualType(container));
    if (!ts.isClassLike(container)) return false;
    // `implements Driver`, or `extends ClientSocket` for an abstract method.
    const implemented = (container.heritageClauses ?? []).flatMap((c) => [...c.types]);
    return implemented.some((t) => implementsSignature(ctx.checker.getTypeAtLocation(t)));
  });
  // The implementations may sit in files this one does not import: a program-wide answer, which
  // `--cache` must know of (as of every use of the socket flow; candidatesNamed recorded its reads).
  if (found.length > 0) socketFlow(ctx.program, ctx.platform);
  // A test double (`class ChatRoomMock implements IChatRoom`, or any implementation in a test
  // file, for a call in production code) says nothing about what production code calls.
  const production = scopeOf(ctx.sourceFile, ctx.program) === 'production';
  return found.filter((fn) => !isTestDouble(fn, production, ctx.program));
}

const TEST_DOUBLE = /^(?:Mock|Fake|Stub|Dummy)[A-Z]|(?:Mock|Fake|Stub|Dummy|Spy)$/;

function isTestDouble(fn: FunctionNode, production: boolean, program: ts.Program): boolean {
  const container = containerOf(fn);
  const name = container && ts.isClassLike(container) ? container.name?.text : undefined;
  return (name !== undefined && TEST_DOUBLE.test(name)) || (production && isTestFile(fn.getSourceFile().fileName, program));
}

/** `abstract close(reason?: string): void;`: a member only subclasses implement. */
function isAbstractMethod(declaration: ts.Declaration): boolean {
  return ts.isMethodDeclaration(declaration) && !declaration.body && (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Abstract) !== 0;
}

/** `{ removeClient(client, message) {…} }` or `{ removeClient: function (…) {…} }` of an object the flow followed. */
function literalMethodsNamed(literal: ts.ObjectLiteralExpression, name: string): FunctionNode[] {
  return literal.properties.filter((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name).flatMap((p) => functionsOfDeclaration(p));
}

function functionsOfDeclaration(decl: ts.Node): FunctionNode[] {
  if (isFunctionLike(decl) && decl.body) return [decl];
  // JavaScript's `X.prototype.m = function (…) {…}`: the declaration is the assigned property.
  if (ts.isPropertyAccessExpression(decl) && decl.parent && ts.isBinaryExpression(decl.parent) && decl.parent.left === decl) return functionsOfDeclaration(decl.parent);
  const init = (ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)) ? decl.initializer : ts.isBinaryExpression(decl) ? decl.right : undefined;
  const value = init && skipOuterExpressions(init);
  return value && isFunctionLike(value) ? [value] : [];
}

/**
 * Is this parameter one a wrapper passes on as a close call's code or reason? Then the values that
 * reach the socket are its callers' (checked where they are written) and its default, not every
 * value its declared type allows (`disconnect(code?: CloseCodes)` is not "every member of CloseCodes").
 */
export function isForwardedParameter(parameter: ts.ParameterDeclaration, ctx: AnalysisContext): boolean {
  return forwardedRole(parameter, ctx) !== undefined;
}

/** What a parameter of a wrapper passes on to the close: its 'code', its 'reason', or nothing known. */
export function forwardedRole(parameter: ts.ParameterDeclaration, ctx: AnalysisContext): 'code' | 'reason' | undefined {
  const fn = parameter.parent;
  if (!isFunctionLike(fn) || !('body' in fn) || !fn.body) return undefined;
  const wrapper = wrapperOf(fn as FunctionNode, ctx, 0);
  const index = fn.parameters.indexOf(parameter);
  const is = (forwarded: ForwardedParameter | undefined) => forwarded?.index === index && forwarded.property === undefined;
  return is(wrapper?.codeParameter) ? 'code' : is(wrapper?.reasonParameter) ? 'reason' : undefined;
}

/** `error.message` (or `error?.message`) of a parameter the enclosing wrapper passes on as its reason: its callers write the error. */
export function isForwardedErrorMessage(reason: ts.Expression, ctx: AnalysisContext): boolean {
  const node = skipOuterExpressions(reason);
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'message') return false;
  const holder = skipOuterExpressions(node.expression);
  const parameter = ts.isIdentifier(holder) ? ctx.checker.getSymbolAtLocation(holder)?.valueDeclaration : undefined;
  if (!parameter || !ts.isParameter(parameter)) return false;
  const fn = parameter.parent;
  if (!isFunctionLike(fn) || !('body' in fn) || !fn.body) return false;
  const forwarded = wrapperOf(fn as FunctionNode, ctx, 0)?.reasonParameter;
  if (forwarded?.message !== true || forwarded.index !== fn.parameters.indexOf(parameter) || listenerRegistration(fn)) return false;
  // Only where some call hands an error over: a handler the project never calls keeps its finding.
  const flow = socketFlow(ctx.program, ctx.platform, true, scopeOf(ctx.sourceFile, ctx.program));
  return callSitesOf(flow, fn as FunctionNode, 0).some((site) => site.args[forwarded.index + site.offset] !== undefined);
}

function wrapperOf(fn: FunctionNode, ctx: AnalysisContext, nesting: number): Wrapper | undefined {
  let perProgram = wrappers.get(ctx.program);
  if (!perProgram) wrappers.set(ctx.program, (perProgram = new Map()));
  return memoRecorded(perProgram, fn, () => findWrapper(fn, ctx, nesting));
}

function findWrapper(fn: FunctionNode, ctx: AnalysisContext, nesting: number): Wrapper | undefined {
  const name = functionName(fn);
  if (!name || !fn.body || nesting > MAX_NESTING || fn.getSourceFile().isDeclarationFile) return undefined;
  const fileCtx = contextOfNode(fn, ctx);
  let found: Wrapper | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && node.arguments.length > 0) found = wrapperThrough(node, fn, name, fileCtx, nesting);
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return found;
}

/** Is this call inside `fn` a close-like call (or a wrapper call) whose code or reason is one of fn's parameters? */
function wrapperThrough(call: ts.CallExpression, fn: FunctionNode, name: string, ctx: AnalysisContext, nesting: number): Wrapper | undefined {
  const method = accessedName(call.expression);
  let target: { closeCall: ts.CallExpression; method: string; receiver: Extract<ReceiverClass, { kind: 'websocket' }>; code?: ForwardedParameter; reason?: ForwardedParameter; codeRewrites?: readonly Rewrite[]; reasonLimited?: true } | undefined;
  if (method && CLOSE_METHOD_NAMES.has(method)) {
    const receiver = classifyReceiver((call.expression as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression, ctx);
    if (receiver.kind === 'websocket') target = { closeCall: call, method, receiver, code: { index: 0 }, reason: { index: 1 } };
  }
  if (!target) {
    const inner = wrapperCalled(call, ctx);
    if (!inner || inner.fn === fn || nesting >= MAX_NESTING) return undefined;
    target = { closeCall: inner.closeCall, method: inner.method, receiver: inner.receiver, ...(inner.codeParameter ? { code: inner.codeParameter } : {}), ...(inner.reasonParameter ? { reason: inner.reasonParameter } : {}), ...(inner.codeRewrites ? { codeRewrites: inner.codeRewrites } : {}), ...(inner.reasonLimited ? { reasonLimited: true as const } : {}) };
  }
  let codeParameter = target.code && (forwardedThroughSpread(call, target.code, fn, ctx) ?? forwardedParameter(argumentFor(call, target.code), fn, ctx));
  let reasonParameter = target.reason && (forwardedThroughSpread(call, target.reason, fn, ctx) ?? forwardedParameter(argumentFor(call, target.reason), fn, ctx));
  // A code the wrapper rewrites (`if (code <= 3000) code = 1000`) reaches the close rewritten; a
  // code it changes in any other way is its own, not its callers'. So is a reason it transforms
  // (`reason = reason.slice(0, 100)`); a default for a missing one (`if (!reason) reason = 'Bye'`)
  // leaves the callers' reasons as they are.
  const ownRewrites = codeParameter && rewritesOfForwarded(fn, codeParameter, call, ctx);
  if (ownRewrites === 'untraceable') codeParameter = undefined;
  const reasonRewrites = reasonParameter && rewritesOfForwarded(fn, reasonParameter, call, ctx);
  const transforms = Array.isArray(reasonRewrites) ? reasonRewrites.filter((r) => transformsItself(r, ctx.checker)) : [];
  // A reason only cut to a length keeps the callers' words (for what they say), not their length.
  const reasonLimited = target.reasonLimited || (transforms.length > 0 && transforms.every(limitsLength));
  if (reasonRewrites === 'untraceable' || (transforms.length > 0 && !reasonLimited)) reasonParameter = undefined;
  if (codeParameter === undefined && reasonParameter === undefined) return undefined;
  const codeRewrites = codeParameter ? [...(Array.isArray(ownRewrites) ? ownRewrites : []), ...(target.codeRewrites ?? [])] : [];
  return {
    fn,
    name,
    closeCall: target.closeCall,
    method: target.method,
    receiver: target.receiver,
    ...(codeParameter !== undefined ? { codeParameter } : {}),
    ...(reasonParameter !== undefined ? { reasonParameter } : {}),
    ...(codeRewrites.length > 0 ? { codeRewrites } : {}),
    ...(reasonParameter !== undefined && reasonLimited ? { reasonLimited: true as const } : {}),
  };
}

/** The rewrites of a forwarded parameter in `fn` (undefined: none at all), or 'untraceable'. */
function rewritesOfForwarded(fn: FunctionNode, forwarded: ForwardedParameter, passingCall: ts.CallExpression, ctx: AnalysisContext): readonly Rewrite[] | 'untraceable' | undefined {
  const parameter = fn.parameters[forwarded.index];
  if (!parameter || forwarded.property !== undefined) return undefined;
  const rewrites = rewritesOf(fn, parameter, passingCall, ctx.checker);
  return rewrites === 'untraceable' || rewrites.length > 0 ? rewrites : undefined;
}

/**
 * `close(...args) { this.ws.close(...args) }`: a spread of fn's rest parameter at or before the
 * position the target reads passes on the caller's argument at the same offset from the rest
 * parameter (`(code, ...rest) => ws.close(code, ...rest)` passes `rest[0]` as the reason).
 */
function forwardedThroughSpread(call: ts.CallExpression, target: ForwardedParameter, fn: FunctionNode, ctx: AnalysisContext): ForwardedParameter | undefined {
  if (target.property !== undefined) return undefined;
  const spreadAt = call.arguments.findIndex(ts.isSpreadElement);
  if (spreadAt < 0 || spreadAt > target.index) return undefined;
  const spread = skipOuterExpressions((call.arguments[spreadAt] as ts.SpreadElement).expression);
  if (!ts.isIdentifier(spread)) return undefined;
  const decl = ctx.checker.getSymbolAtLocation(spread)?.valueDeclaration;
  if (!decl || !ts.isParameter(decl) || decl.parent !== fn || !decl.dotDotDotToken) return undefined;
  return { index: fn.parameters.indexOf(decl) + target.index - spreadAt };
}

/** `p`, `p || x`, `p ?? x`, `code` of `({ code, reason })`, `p.message`: which of fn's parameters the argument passes on. */
function forwardedParameter(argument: ts.Expression | undefined, fn: FunctionNode, ctx: AnalysisContext): ForwardedParameter | undefined {
  if (!argument) return undefined;
  let node = skipOuterExpressions(argument);
  while (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) node = skipOuterExpressions(node.left);
  // `error.message`, `error?.message` of a parameter declared as an error (`e?: Error`): the callers'
  // errors decide the text. An `unknown` one the wrapper narrows (`err instanceof AppError`) is
  // judged where it is read: the callers' other errors never reach the close.
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'message' && ts.isIdentifier(skipOuterExpressions(node.expression))) {
    const holder = ctx.checker.getSymbolAtLocation(skipOuterExpressions(node.expression))?.valueDeclaration;
    return holder && ts.isParameter(holder) && holder.parent === fn && !holder.dotDotDotToken && ts.isIdentifier(holder.name) && declaredAsError(holder, ctx) ? { index: fn.parameters.indexOf(holder), message: true } : undefined;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const decl = ctx.checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (decl && ts.isParameter(decl) && decl.parent === fn && !decl.dotDotDotToken) return { index: fn.parameters.indexOf(decl) };
  // A property of an options parameter, destructured where it is declared (`_close({ code, reason })`)
  // or by the first statements of the body (`const { code = 1000, reason } = options`).
  if (decl && ts.isBindingElement(decl) && !decl.dotDotDotToken && ts.isObjectBindingPattern(decl.parent)) {
    const key = decl.propertyName ?? decl.name;
    if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) return undefined;
    const holder = decl.parent.parent;
    if (ts.isParameter(holder) && holder.parent === fn) return { index: fn.parameters.indexOf(holder), property: key.text };
    const options = fn.parameters.find((p) => optionsDestructuring(fn, p) === decl.parent);
    if (options) return { index: fn.parameters.indexOf(options), property: key.text };
  }
  return undefined;
}

/** A parameter written with an error type (`e?: Error`, `err: GatewayError`): a class named `…Error` or extending one. */
function declaredAsError(parameter: ts.ParameterDeclaration, ctx: AnalysisContext): boolean {
  if (!parameter.type) return false;
  const isError = (type: ts.Type, depth: number): boolean => {
    if (/Error$/.test(type.getSymbol()?.getName() ?? '')) return true;
    return depth < 4 && type.isClassOrInterface() && ctx.checker.getBaseTypes(type).some((base) => isError(base, depth + 1));
  };
  return isError(ctx.checker.getNonNullableType(ctx.checker.getTypeFromTypeNode(parameter.type)), 0);
}

/** The class or constructor function a method belongs to (`X.prototype.m = function…` included). */
/** What a method (or a property holding a function) is written in: its class or object literal. */
function containerOf(fn: FunctionNode): ts.Node | undefined {
  const member = ts.isMethodDeclaration(fn) ? fn : fn.parent;
  return member?.parent;
}

function ownerOfMethod(fn: FunctionNode): ts.Node | undefined {
  if (ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent)) return fn.parent;
  return ts.isFunctionExpression(fn) ? thisOwner(fn.body ?? fn) : undefined;
}
