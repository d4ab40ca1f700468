// One socket-flow analysis per program, platform and scope, shared by every query on that
// program; and the observer that tells the CLI's cache when a file's findings consulted it.
import type * as ts from 'typescript';
import type { Platform } from '../../registry/types';
import { SocketFlow, type BrowserTypes } from './flow';
import { flattenReads, recording } from './reads';
import type { FlowScope } from './test-files';

const flows = new WeakMap<ts.Program, Map<string, SocketFlow>>();

/**
 * Told each time an analysis asks for the flow: a file whose findings asked for it depends on what
 * the flow read for it (reads.ts), which the CLI's --cache records. Set only for the duration of
 * one file's lint (withFlowObserver); the analysis stays synchronous.
 */
let flowObserver: (() => void) | undefined;

/** What a file's analysis read beyond its own imports: files (with their imports), files as text only, and `kind:name` lookups (reads.ts). */
export interface FlowReads {
  readonly files: readonly string[];
  readonly texts: readonly string[];
  readonly keys: readonly string[];
}

/** Runs `lint` telling `onFlowUse` whenever it consults the socket flow, and `onReads` (after) what it read. */
export function withFlowObserver<T>(onFlowUse: (() => void) | undefined, lint: () => T, onReads?: (reads: FlowReads) => void): T {
  const previous = flowObserver;
  flowObserver = onFlowUse;
  try {
    if (!onReads) return lint();
    const { value, reads } = recording(lint);
    onReads(flattenReads(reads));
    return value;
  } finally {
    flowObserver = previous;
  }
}

/**
 * The flow analysis of a program, one per platform (the global WebSocket depends on it), scope
 * (test-files.ts: a query from a production file does not read test files) and trust in browser
 * socket types (flow.ts BrowserTypes).
 */
export function socketFlow(program: ts.Program, platform: Platform, observed = true, scope: FlowScope = 'all', browserTypes: BrowserTypes = 'trusted'): SocketFlow {
  if (observed) flowObserver?.();
  let perKey = flows.get(program);
  if (!perKey) flows.set(program, (perKey = new Map()));
  const key = `${platform}:${scope}:${browserTypes}`;
  let flow = perKey.get(key);
  if (!flow) perKey.set(key, (flow = new SocketFlow(program, platform, scope, browserTypes)));
  return flow;
}
