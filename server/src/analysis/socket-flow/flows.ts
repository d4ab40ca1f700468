// One socket-flow analysis per program, platform and scope, shared by every query on that
// program; and the observer that tells the CLI's cache when a file's findings consulted it.
import type * as ts from 'typescript';
import type { Platform } from '../../registry/types';
import { SocketFlow } from './flow';
import type { FlowScope } from './test-files';

const flows = new WeakMap<ts.Program, Map<string, SocketFlow>>();

/**
 * Told each time an analysis asks for the flow: the flow reads the whole program, so a file whose
 * findings asked for it depends on every file of its program (the CLI's --cache records that set).
 * Set only for the duration of one file's lint (withFlowObserver); the analysis stays synchronous.
 */
let flowObserver: (() => void) | undefined;

/** Runs `lint` telling `onFlowUse` whenever it consults the socket flow. */
export function withFlowObserver<T>(onFlowUse: (() => void) | undefined, lint: () => T): T {
  const previous = flowObserver;
  flowObserver = onFlowUse;
  try {
    return lint();
  } finally {
    flowObserver = previous;
  }
}

/**
 * The flow analysis of a program, one per platform (the global WebSocket depends on it) and scope
 * (test-files.ts: a query from a production file does not read test files).
 */
export function socketFlow(program: ts.Program, platform: Platform, observed = true, scope: FlowScope = 'all'): SocketFlow {
  if (observed) flowObserver?.();
  let perKey = flows.get(program);
  if (!perKey) flows.set(program, (perKey = new Map()));
  const key = `${platform}:${scope}`;
  let flow = perKey.get(key);
  if (!flow) perKey.set(key, (flow = new SocketFlow(program, platform, scope)));
  return flow;
}
