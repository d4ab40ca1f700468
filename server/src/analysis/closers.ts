// Closers: functions that close a socket with a code of their own and take nothing from their
// callers for it (`close() { this.socket.close(1000, 'Bye') }`, `error(e) { …; this.close() }`).
// What the code means depends on why each caller closes — a heartbeat timer, a catch, a rejecting
// branch — so a call of a closer is a close for the rules that weigh the code against the
// situation (mismatched-code reads its fixed code); the code itself is checked where it is written.
import * as ts from 'typescript';
import { classifyReceiver, type ReceiverClass } from './classify-receiver';
import { contextOfNode, type AnalysisContext } from './context';
import { evaluateArgument } from './evaluate-argument';
import { lastName } from './socket-flow/file-index';
import { inherit, memoRecorded, recordingApart, type RecordedAnswer } from './socket-flow/reads';
import { accessedName, skipOuterExpressions } from './syntax';
import type { EvaluatedArgument } from './values';
import type { FunctionNode } from './calls-in-functions';
import { callsEveryRunMakes, closerCandidates, closesWithOwnCode, MAX_LEVELS, mayBeCloserNamed } from './closer-syntax';
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

/**
 * Per program, per function, per level (a function too deep at one level may be a closer at
 * another) and whether the syntax pre-check ran (its test compares both answers).
 */
const closers = new WeakMap<ts.Program, Map<FunctionNode, Map<string, RecordedAnswer<Closer>>>>();

/** If `call` calls a closer, the closer. */
export function closerCalled(call: ts.CallExpression, ctx: AnalysisContext): Closer | undefined {
  return closerThrough(call, ctx, 0, true);
}

/** The same answer, found without the syntax pre-check of closer-syntax.ts: for the test that holds the two equal. */
export function closerCalledWithoutSyntaxCheck(call: ts.CallExpression, ctx: AnalysisContext): Closer | undefined {
  return closerThrough(call, ctx, 0, false);
}

function closerThrough(call: ts.CallExpression, ctx: AnalysisContext, level: number, syntaxCheck: boolean): Closer | undefined {
  const callee = skipOuterExpressions(call.expression);
  const name = lastName(callee);
  if (!name) return undefined;
  // For --cache, as in wrapperCalled: a "no" and a closer found rest on the candidate filter.
  if (!closerCandidates(ctx.program).has(name)) {
    noteCandidacy(ctx.program, name, 'closer');
    return undefined;
  }
  // Before the checker resolves the callee (`response.text()` types `fetch` through every
  // overload), the syntax of the functions of that name must allow a closer at this level. Only a
  // "no" rests on what that check read (for --cache): after a "yes" the answer is the lookup's.
  if (syntaxCheck) {
    const possible = recordingApart(() => mayBeCloserNamed(ctx.program, name, level));
    if (!possible.value) {
      inherit(possible.reads);
      return undefined;
    }
  }
  for (const fn of calleeFunctions(callee, name, ctx)) {
    const closer = closerOf(fn, ctx, level, syntaxCheck);
    if (closer) {
      noteCandidacy(ctx.program, name, 'closer');
      return closer;
    }
  }
  return undefined;
}

function closerOf(fn: FunctionNode, ctx: AnalysisContext, level: number, syntaxCheck: boolean): Closer | undefined {
  let perProgram = closers.get(ctx.program);
  if (!perProgram) closers.set(ctx.program, (perProgram = new Map()));
  let perLevel = perProgram.get(fn);
  if (!perLevel) perProgram.set(fn, (perLevel = new Map()));
  // What finding it read is read again by whoever reuses it (reads.ts, for --cache).
  return memoRecorded(perLevel, `${level} ${syntaxCheck}`, () => findCloser(fn, ctx, level, syntaxCheck));
}

function findCloser(fn: FunctionNode, ctx: AnalysisContext, level: number, syntaxCheck: boolean): Closer | undefined {
  const name = functionName(fn);
  if (!name || !fn.body || level >= MAX_LEVELS || fn.getSourceFile().isDeclarationFile) return undefined;
  const fileCtx = contextOfNode(fn, ctx);
  for (const call of callsEveryRunMakes(fn)) {
    const found = directClose(call, fn, name, fileCtx) ?? innerCloser(call, fn, name, fileCtx, level, syntaxCheck);
    if (found) return found;
  }
  return undefined;
}

/** `this.socket.close(1000, 'Bye')` on a WebSocket, with one certain code that none of fn's parameters give. */
function directClose(call: ts.CallExpression, fn: FunctionNode, name: string, ctx: AnalysisContext): Closer | undefined {
  const method = accessedName(call.expression);
  const codeArgument = call.arguments[0]!;
  if (!method || !closesWithOwnCode(call, fn)) return undefined;
  const receiver = classifyReceiver((call.expression as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression, ctx);
  if (receiver.kind !== 'websocket') return undefined;
  const code = evaluateArgument(codeArgument, ctx);
  if (code.values.length !== 1 || code.values[0]!.kind !== 'number') return undefined;
  return { fn, name, closeCall: call, method, receiver, code };
}

function innerCloser(call: ts.CallExpression, fn: FunctionNode, name: string, ctx: AnalysisContext, level: number, syntaxCheck: boolean): Closer | undefined {
  const inner = closerThrough(call, ctx, level + 1, syntaxCheck);
  return inner && inner.fn !== fn ? { ...inner, fn, name } : undefined;
}
