// What the syntax alone says about closers (closers.ts), before the checker is asked anything:
// which functions may be closers by name, and whether the functions of a name can be one at all.
// A closer's calls are resolved through the checker (`calleeFunctions`), and a call such as
// `response.text()` types its receiver through every `fetch` overload of the DOM, undici and
// workers-types: sandbox-sdk spent a second there because a test mock's `text: () =>
// Promise.resolve(…)` made `text` a candidate. The checks here are necessary conditions of
// closers.ts `findCloser` for the functions declared under the call's name, so skipping the
// checker when they fail changes no answer there. One case is not covered: a closer reached
// through an alias of another name (`import { shutdown as stop }`, a default import) was found
// before only when some unrelated function happened to share the alias's name, and is not now;
// such a call was never looked up when no function had that name, so both depend on chance.
import * as ts from 'typescript';
import { CLOSE_METHOD_NAMES } from '../registry/runtimes';
import { addFunction, callsInFunctionsOf, type FunctionNode } from './calls-in-functions';
import { noteCandidacy } from './candidate-reads';
import { socketFlow } from './socket-flow/flows';
import { lastName } from './socket-flow/file-index';
import { memoRecorded, noteKey, noteText, type RecordedAnswer } from './socket-flow/reads';
import { accessedName, functionNameNode, isFunctionLike, skipOuterExpressions } from './syntax';

/** A closer calls the socket's close itself, or one closer that does: deeper chains say too little. */
export const MAX_LEVELS = 2;

const candidatesByProgram = new WeakMap<ts.Program, ReadonlyMap<string, readonly FunctionNode[]>>();

/** Functions that may be closers, by name: they call a close-like method, or such a function (two levels). */
export function closerCandidates(program: ts.Program): ReadonlyMap<string, readonly FunctionNode[]> {
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

const ownCalls = new WeakMap<FunctionNode, readonly ts.CallExpression[]>();

/**
 * The calls a function makes on every run, in source order: a close in a callback, or in the
 * function's own `catch` (`safeSend` closing when its send fails), is not what every call does;
 * nor is one in a loop, which closes each of a collection's sockets (`cleanup(ws)` closing the
 * session's auxiliary sockets with 1000 before its caller closes `ws` with 1011).
 */
export function callsEveryRunMakes(fn: FunctionNode): readonly ts.CallExpression[] {
  let found = ownCalls.get(fn);
  if (found) return found;
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if ((node !== fn.body && isFunctionLike(node)) || ts.isCatchClause(node) || ts.isIterationStatement(node, false)) return;
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  ownCalls.set(fn, (found = calls));
  return found;
}

/** `x.close(1000, …)`: a close-like method called with a code that none of fn's parameters give. */
export function closesWithOwnCode(call: ts.CallExpression, fn: FunctionNode): boolean {
  const method = accessedName(call.expression);
  const codeArgument = call.arguments[0];
  return !!method && CLOSE_METHOD_NAMES.has(method) && !!codeArgument && !ts.isSpreadElement(codeArgument) && !mentionsParameter(codeArgument, fn);
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

const possibleByProgram = new WeakMap<ts.Program, Map<string, RecordedAnswer<boolean>>>();

/**
 * Whether a candidate named `name` can be a closer at `level` by its syntax: it closes with a code
 * of its own, or (one level down) calls a name whose candidates do. For --cache, the answer rests
 * on the functions of the names it looked at (a file that gains one) and their files' texts.
 */
export function mayBeCloserNamed(program: ts.Program, name: string, level: number): boolean {
  let memo = possibleByProgram.get(program);
  if (!memo) possibleByProgram.set(program, (memo = new Map()));
  return memoRecorded(memo, `${level} ${name}`, () => {
    if (level >= MAX_LEVELS) return false;
    noteKey('functions', name);
    return (closerCandidates(program).get(name) ?? []).some((fn) => {
      noteText(fn.getSourceFile().fileName);
      if (!fn.body || !functionNameNode(fn) || fn.getSourceFile().isDeclarationFile) return false;
      return callsEveryRunMakes(fn).some((call) => closesWithOwnCode(call, fn) || mayBeCalleeCloser(program, call, level + 1));
    });
  }) ?? false;
}

function mayBeCalleeCloser(program: ts.Program, call: ts.CallExpression, level: number): boolean {
  const name = lastName(skipOuterExpressions(call.expression));
  if (!name) return false;
  // As closers.ts records a name that is no candidate: a function of that name that gains a call can make it one.
  if (!closerCandidates(program).has(name)) {
    noteCandidacy(program, name, 'closer');
    return false;
  }
  return mayBeCloserNamed(program, name, level);
}
