// What the program-wide candidate filters of wrappers.ts and closers.ts rest on, for --cache.
// Whether a name is a candidate depends on the functions of that name and, through the methods
// they call, on the functions of those names (wrappers: to any depth; closers: one hop, as
// MAX_LEVELS allows). Candidacy only grows with the calls of the program's functions. So a "no" —
// which stops the analysis before it reads anything — becomes a yes only through a new call in a
// function of a name reachable from it: the reachable names are recorded as keys, which a changed
// file that has such a function hits (cache-keys.ts). A "yes" stays a yes while one chain of
// functions that makes it (a witness) stays: that chain's file texts are recorded (reads.ts).
import type * as ts from 'typescript';
import { CLOSE_METHOD_NAMES } from '../registry/runtimes';
import { callsInFunctionsOf } from './calls-in-functions';
import { socketFlow } from './socket-flow/flows';
import { inherit, noteKey, noteText, recording, type Reads } from './socket-flow/reads';

export type CandidateKind = 'wrapper' | 'closer';

/** A call in a named function: the file, and the method it names (forwarding the function's parameters, for wrappers). */
interface Edge {
  readonly file: string;
  readonly method: string;
}

interface CallGraph {
  readonly edges: ReadonlyMap<string, readonly Edge[]>;
  /** Per candidate name, the call that makes it one. */
  readonly witnesses: ReadonlyMap<string, Edge>;
}

const graphs = new WeakMap<ts.Program, Record<CandidateKind, CallGraph>>();
const memos = new WeakMap<ts.Program, Map<string, Reads>>();

/**
 * Records what the answer to "is `name` a candidate of this kind?" rests on; `every`: an answer
 * that rests on which functions of that name are candidates, not only on whether one is.
 */
export function noteCandidacy(program: ts.Program, name: string, kind: CandidateKind, every = false): void {
  let memo = memos.get(program);
  if (!memo) memos.set(program, (memo = new Map()));
  const key = `${kind} ${every} ${name}`;
  const known = memo.get(key);
  if (known) return inherit(known);
  const graph = graphOf(program)[kind];
  const { reads } = recording(() => (!every && graph.witnesses.has(name) ? noteWitness(graph, name) : noteReachable(graph, name, kind, every)));
  memo.set(key, reads);
}

function noteWitness(graph: CallGraph, name: string): void {
  const seen = new Set([name]);
  for (let edge = graph.witnesses.get(name); edge; edge = graph.witnesses.get(edge.method)) {
    noteText(edge.file);
    if (CLOSE_METHOD_NAMES.has(edge.method) || seen.has(edge.method)) return;
    seen.add(edge.method);
  }
}

/**
 * The names reachable, each with the methods its functions call (a key: a new call is what can
 * make it a candidate); `every`: with the files of their functions too, and any function of those
 * names as a key (an answer that which functions are candidates decides, which a removal changes).
 */
function noteReachable(graph: CallGraph, name: string, kind: CandidateKind, every: boolean): void {
  const seen = new Set([name]);
  let level = [name];
  for (let hop = 0; level.length > 0; hop++) {
    const next: string[] = [];
    for (const each of level) {
      const edges = graph.edges.get(each) ?? [];
      if (every) noteKey('functions', each);
      else noteKey(`${kind}Edges`, `${each}>${[...new Set(edges.map((edge) => edge.method))].sort().join(',')}`);
      for (const edge of edges) {
        if (every) noteText(edge.file);
        if ((kind === 'wrapper' || hop < 1) && !seen.has(edge.method)) (seen.add(edge.method), next.push(edge.method));
      }
    }
    level = next;
  }
}

function graphOf(program: ts.Program): Record<CandidateKind, CallGraph> {
  let found = graphs.get(program);
  if (found) return found;
  const wrapper = new Map<string, Edge[]>();
  const closer = new Map<string, Edge[]>();
  const add = (edges: Map<string, Edge[]>, name: string, edge: Edge): void => {
    edges.set(name, [...(edges.get(name) ?? []), edge]);
  };
  for (const file of socketFlow(program, 'node', false).projectFiles()) {
    for (const call of callsInFunctionsOf(file)) {
      const edge = { file: file.fileName, method: call.method };
      for (const forwarder of call.forwarders) add(wrapper, forwarder.name, edge);
      if (call.innermost) add(closer, call.innermost.name, edge);
    }
  }
  graphs.set(program, (found = { wrapper: { edges: wrapper, witnesses: wrapperWitnesses(wrapper) }, closer: { edges: closer, witnesses: closerWitnesses(closer) } }));
  return found;
}

/** The fixpoint of wrappers.ts: a name forwarding to a close-like method or to a candidate (the first call found is its witness). */
function wrapperWitnesses(edges: ReadonlyMap<string, readonly Edge[]>): Map<string, Edge> {
  const witnesses = new Map<string, Edge>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, calls] of edges) {
      if (witnesses.has(name)) continue;
      const witness = calls.find((edge) => CLOSE_METHOD_NAMES.has(edge.method) || witnesses.has(edge.method));
      if (witness) (witnesses.set(name, witness), (grew = true));
    }
  }
  return witnesses;
}

/** The two levels of closers.ts: a name calling a close-like method, or one that does. */
function closerWitnesses(edges: ReadonlyMap<string, readonly Edge[]>): Map<string, Edge> {
  const witnesses = new Map<string, Edge>();
  for (const [name, calls] of edges) {
    const witness = calls.find((edge) => CLOSE_METHOD_NAMES.has(edge.method));
    if (witness) witnesses.set(name, witness);
  }
  const first = new Set(witnesses.keys());
  for (const [name, calls] of edges) {
    const witness = witnesses.has(name) ? undefined : calls.find((edge) => first.has(edge.method));
    if (witness) witnesses.set(name, witness);
  }
  return witnesses;
}
