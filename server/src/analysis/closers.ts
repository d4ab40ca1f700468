// Closers: functions that close a socket with a code of their own and take nothing from their
// callers for it (`close() { this.socket.close(1000, 'Bye') }`, `error(e) { …; this.close() }`).
// What the code means depends on why each caller closes — a heartbeat timer, a catch, a rejecting
// branch — so a call of a closer is a close for the rules that weigh the code against the
// situation (mismatched-code reads its fixed code); the code itself is checked where it is written.
import * as ts from 'typescript';
import { CLOSE_METHOD_NAMES } from '../registry/runtimes';
import { classifyReceiver, type ReceiverClass } from './classify-receiver';
import { createAnalysisContext, type AnalysisContext } from './context';
import { evaluateArgument } from './evaluate-argument';
import { lastName } from './socket-flow/file-index';
import { socketFlow } from './socket-flow/flows';
import { memoRecorded, type RecordedAnswer } from './socket-flow/reads';
import { accessedName, isFunctionLike, skipOuterExpressions } from './syntax';
import type { EvaluatedArgument } from './values';
import { addFunction, callsInFunctionsOf, type FunctionNode } from './calls-in-functions';
import { noteCandidacy } from './candidate-reads';
import { calleeFunctions, functionName } from './wrappers';

export interface Closer {
  readonly fn: FunctionNode;
  readonly name: string;
  /** The socket's close call (through at most one other closer). */
  readonly closeCall: ts.CallExpression;
  readonly method: string;
  readonly receiver: Extract<ReceiverClass, { kind: 'websocket' }>;
  /** The one number the close call sends. */
  readonly code: EvaluatedArgument;
}

/** A closer calls the socket's close itself, or one closer that does: deeper chains say too little. */
const MAX_LEVELS = 2;

const candidatesByProgram = new WeakMap<ts.Program, ReadonlyMap<string, readonly FunctionNode[]>>();

/** Functions that may be closers, by name: they call a close-like method, or such a function (two levels). */
function closerCandidates(program: ts.Program): ReadonlyMap<string, readonly FunctionNode[]> {
  let found = candidatesByProgram.get(program);
  if (found) return found;
  const calls = socketFlow(program, 'node', false).projectFiles().flatMap((file) => callsInFunctionsOf(file));
  const map = new Map<string, FunctionNode[]>();
  let reached: ReadonlySet<string> = CLOSE_METHOD_NAMES;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const next = new Set<string>();
    for (const call of calls) {
      if (!call.innermost || !reached.has(call.method)) continue;
      addFunction(map, call.innermost);
      next.add(call.innermost.name);
    }
    reached = next;
  }
  candidatesByProgram.set(program, (found = map));
  return found;
}

/** Per program, per function, per level (a function too deep at one level may be a closer at another). */
const closers = new WeakMap<ts.Program, Map<FunctionNode, Map<number, RecordedAnswer<Closer>>>>();

/** If `call` calls a closer, the closer. */
export function closerCalled(call: ts.CallExpression, ctx: AnalysisContext): Closer | undefined {
  return closerThrough(call, ctx, 0);
}

function closerThrough(call: ts.CallExpression, ctx: AnalysisContext, level: number): Closer | undefined {
  const callee = skipOuterExpressions(call.expression);
  const name = lastName(callee);
  if (!name) return undefined;
  // For --cache, as in wrapperCalled: a "no" and a closer found rest on the candidate filter.
  if (!closerCandidates(ctx.program).has(name)) {
    noteCandidacy(ctx.program, name, 'closer');
    return undefined;
  }
  for (const fn of calleeFunctions(callee, name, ctx)) {
    const closer = closerOf(fn, ctx, level);
    if (closer) {
      noteCandidacy(ctx.program, name, 'closer');
      return closer;
    }
  }
  return undefined;
}

function closerOf(fn: FunctionNode, ctx: AnalysisContext, level: number): Closer | undefined {
  let perProgram = closers.get(ctx.program);
  if (!perProgram) closers.set(ctx.program, (perProgram = new Map()));
  let perLevel = perProgram.get(fn);
  if (!perLevel) perProgram.set(fn, (perLevel = new Map()));
  // What finding it read is read again by whoever reuses it (reads.ts, for --cache).
  return memoRecorded(perLevel, level, () => findCloser(fn, ctx, level));
}

function findCloser(fn: FunctionNode, ctx: AnalysisContext, level: number): Closer | undefined {
  const name = functionName(fn);
  if (!name || !fn.body || level >= MAX_LEVELS || fn.getSourceFile().isDeclarationFile) return undefined;
  const fileCtx = fn.getSourceFile() === ctx.sourceFile ? ctx : createAnalysisContext(ctx.program, fn.getSourceFile(), ctx.platform);
  let found: Closer | undefined;
  const visit = (node: ts.Node): void => {
    // A close in a callback, or in the function's own `catch` (`safeSend` closing when its send
    // fails), is not what every call does.
    if (found || (node !== fn.body && isFunctionLike(node)) || ts.isCatchClause(node)) return;
    if (ts.isCallExpression(node)) found = directClose(node, fn, name, fileCtx) ?? innerCloser(node, fn, name, fileCtx, level);
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return found;
}

/** `this.socket.close(1000, 'Bye')` on a WebSocket, with one certain code that none of fn's parameters give. */
function directClose(call: ts.CallExpression, fn: FunctionNode, name: string, ctx: AnalysisContext): Closer | undefined {
  const method = accessedName(call.expression);
  const codeArgument = call.arguments[0];
  if (!method || !CLOSE_METHOD_NAMES.has(method) || !codeArgument || ts.isSpreadElement(codeArgument) || mentionsParameter(codeArgument, fn)) return undefined;
  const receiver = classifyReceiver((call.expression as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression, ctx);
  if (receiver.kind !== 'websocket') return undefined;
  const code = evaluateArgument(codeArgument, ctx);
  if (code.values.length !== 1 || code.values[0]!.kind !== 'number') return undefined;
  return { fn, name, closeCall: call, method, receiver, code };
}

function innerCloser(call: ts.CallExpression, fn: FunctionNode, name: string, ctx: AnalysisContext, level: number): Closer | undefined {
  const inner = closerThrough(call, ctx, level + 1);
  return inner && inner.fn !== fn ? { ...inner, fn, name } : undefined;
}

function mentionsParameter(node: ts.Node, fn: FunctionNode): boolean {
  const names = new Set(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  let mentioned = false;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && names.has(n.text)) mentioned = true;
    if (!mentioned) ts.forEachChild(n, visit);
  };
  visit(node);
  return mentioned;
}
