// What the program-wide candidate filters of wrappers.ts and closers.ts rest on, for --cache.
// Whether a name is a candidate depends on the functions of that name and, through the methods
// they call, on the functions of those names (wrappers: to any depth; closers: one hop, as
// MAX_LEVELS allows). An answer — "no candidate", above all, which stops the analysis before it
// reads anything — changes when one of those functions changes or a function of one of those
// names appears: so the texts of the functions' files, and the names, are recorded (reads.ts).
import type * as ts from 'typescript';
import { callsInFunctionsOf } from './calls-in-functions';
import { socketFlow } from './socket-flow/flows';
import { inherit, noteKey, noteText, recording, type Reads } from './socket-flow/reads';

export type CandidateKind = 'wrapper' | 'closer';

/** Per function name: the files declaring one, and the methods its calls name (forwarding its parameters, for wrappers). */
type CallGraph = ReadonlyMap<string, { readonly files: Set<string>; readonly methods: Set<string> }>;

const graphs = new WeakMap<ts.Program, Record<CandidateKind, CallGraph>>();
const memos = new WeakMap<ts.Program, Record<CandidateKind, Map<string, Reads>>>();

/** Records what the answer to "is `name` a candidate of this kind?" rests on. */
export function noteCandidacy(program: ts.Program, name: string, kind: CandidateKind): void {
  let memo = memos.get(program);
  if (!memo) memos.set(program, (memo = { wrapper: new Map(), closer: new Map() }));
  const known = memo[kind].get(name);
  if (known) return inherit(known);
  const graph = graphOf(program)[kind];
  const { reads } = recording(() => {
    const seen = new Set([name]);
    let level = [name];
    for (let hop = 0; level.length > 0; hop++) {
      const next: string[] = [];
      for (const each of level) {
        noteKey('functions', each);
        const node = graph.get(each);
        if (!node) continue;
        for (const file of node.files) noteText(file);
        if (kind === 'closer' && hop >= 1) continue;
        for (const method of node.methods) if (!seen.has(method)) (seen.add(method), next.push(method));
      }
      level = next;
    }
  });
  memo[kind].set(name, reads);
}

function graphOf(program: ts.Program): Record<CandidateKind, CallGraph> {
  let found = graphs.get(program);
  if (found) return found;
  const wrapper = new Map<string, { files: Set<string>; methods: Set<string> }>();
  const closer = new Map<string, { files: Set<string>; methods: Set<string> }>();
  const add = (graph: typeof wrapper, name: string, file: string, method: string): void => {
    let node = graph.get(name);
    if (!node) graph.set(name, (node = { files: new Set(), methods: new Set() }));
    node.files.add(file);
    node.methods.add(method);
  };
  for (const file of socketFlow(program, 'node', false).projectFiles()) {
    for (const call of callsInFunctionsOf(file)) {
      for (const forwarder of call.forwarders) add(wrapper, forwarder.name, file.fileName, call.method);
      if (call.innermost) add(closer, call.innermost.name, file.fileName, call.method);
    }
  }
  graphs.set(program, (found = { wrapper, closer }));
  return found;
}
