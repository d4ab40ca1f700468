// The socket-flow analysis's answer for one `.close()` receiver: which runtimes it can be and what
// that rests on — the source (where the socket was made or received) and the storages it went
// through. Silent when any value that reaches the receiver is known not to be a socket, or when
// no source is found: a guess that turns a stream or a pool into a WebSocket is worse than nothing.
import type * as ts from 'typescript';
import type { Evidence, EvidenceKind, EvidenceStepLocation, Platform, RuntimeId } from '../../registry/types';
import type { BrowserTypes } from './flow';
import { socketFlow } from './flows';
import { scopeOf } from './test-files';
import type { FlowValue } from './values';

export interface TracedSocket {
  readonly runtimes: readonly RuntimeId[];
  readonly evidence: Evidence;
  /** Every hop went through a declaration (variables, fields, parameters); false if one matched a property by name only. */
  readonly strong: boolean;
  /** What each socket that reaches the receiver comes from. */
  readonly sources: ReadonlyArray<{ readonly kind: EvidenceKind; readonly runtime: RuntimeId }>;
}

/** `conflict`: a value that reaches the receiver is known not to be a socket (a stream, a project class). */
export function traceSocket(receiver: ts.Expression, program: ts.Program, platform: Platform, browserTypes: BrowserTypes = 'trusted'): TracedSocket | 'conflict' | undefined {
  const flow = socketFlow(program, platform, true, scopeOf(receiver.getSourceFile(), program), browserTypes);
  flow.beginQuery();
  const values = flow.valuesOf(receiver, 0);
  return fromValues(values);
}

export function fromValues(values: readonly FlowValue[]): TracedSocket | 'conflict' | undefined {
  if (values.some((v) => v.kind === 'not-socket' || v.kind === 'instance' || v.kind === 'server' || v.kind === 'socket-request' || v.kind === 'object')) return 'conflict';
  const sockets = values.filter((v): v is Extract<FlowValue, { kind: 'socket' }> => v.kind === 'socket');
  if (sockets.length === 0) return undefined;
  // The strongest trace explains the finding: fewest name-only hops, then fewest hops.
  const ranked = [...sockets].sort((a, b) => byNameHops(a) - byNameHops(b) || a.steps.length - b.steps.length);
  const best = ranked[0]!;
  const runtimes = [...new Set(sockets.map((s) => s.source.runtime))];
  return {
    runtimes,
    strong: byNameHops(best) === 0,
    sources: sockets.map((s) => ({ kind: s.source.kind, runtime: s.source.runtime })),
    evidence: {
      kind: best.source.kind,
      ...(best.source.name ? { name: best.source.name } : {}),
      at: locationOf(best.source.node),
      ...(best.steps.length > 0 ? { via: best.steps[0]!.label } : {}),
      steps: [...best.steps].reverse().map((step) => ({ ...locationOf(step.node), label: step.label })),
    },
  };
}

function byNameHops(socket: Extract<FlowValue, { kind: 'socket' }>): number {
  return socket.steps.filter((s) => s.byName).length;
}

function locationOf(node: ts.Node): EvidenceStepLocation {
  const file = node.getSourceFile();
  const start = node.getStart(file);
  return { fileName: file.fileName, start, end: node.getEnd() };
}
