// What the socket-flow analysis knows a value can be, following it backwards from a `.close()`
// receiver. Only a few kinds matter: sockets (and where they came from), the things that make
// sockets (servers, constructors, WebSocketPair, Deno's upgrade result), instances of the
// project's own classes (for wrappers), and values known NOT to be sockets (which silence a guess).
import type * as ts from 'typescript';
import type { SocketEmitter, SocketEvent } from '../../registry/socket-sources';
import type { EvidenceKind, RuntimeId } from '../../registry/types';

/** Where a socket comes from: the node a user can look at to check the inference. */
export interface SocketSource {
  readonly kind: EvidenceKind;
  readonly runtime: RuntimeId;
  readonly node: ts.Node;
  /** The constructor name for `constructor` sources. */
  readonly name?: string;
}

/** One storage the socket went through on its way to the receiver (`this.socket`, a parameter…). */
export interface FlowStep {
  readonly node: ts.Node;
  /** As written: `this.socket`, `conn`, `clients`. */
  readonly label: string;
  /** The hop matched a property by its name only (no declaration ties the two ends). */
  readonly byName?: boolean;
}

export type FlowValue =
  | { readonly kind: 'socket'; readonly source: SocketSource; readonly steps: readonly FlowStep[] }
  /** A WebSocket server (or WebSocket-Node client): listeners of its `emitter.events` get sockets; ws's `clients` holds them. */
  | { readonly kind: 'server'; readonly emitter: SocketEmitter; readonly node: ts.Node }
  /** A WebSocket constructor (`WebSocket`, `require('ws')`, `window.WebSocket`). */
  | { readonly kind: 'constructor'; readonly runtime: RuntimeId; readonly name: string; readonly node: ts.Node }
  /** A class that makes servers (`WebSocketServer` of `ws`). */
  | { readonly kind: 'server-class'; readonly emitter: SocketEmitter }
  /** A WebSocket-Node server's upgrade request: its `accept(…)` returns the socket. */
  | { readonly kind: 'socket-request'; readonly runtime: RuntimeId; readonly event: SocketEvent; readonly node: ts.Node }
  /** The `WebSocketPair` class of Workers. */
  | { readonly kind: 'pair-class' }
  /** A module namespace (`require('ws')`, `import * as ws from 'ws'`): its properties are its exports. */
  | { readonly kind: 'module'; readonly module: string }
  /** A class or constructor function declared in the project. */
  | { readonly kind: 'class'; readonly declaration: ts.Node }
  /** `new WebSocketPair()`: both its elements are Workers sockets. */
  | { readonly kind: 'pair'; readonly node: ts.Node }
  /** `Deno.upgradeWebSocket(req)`: `{ socket, response }`. */
  | { readonly kind: 'upgrade-result'; readonly node: ts.Node }
  /** A collection whose elements are these values (`[...]`, `Object.values(pair)`, `wss.clients`). */
  | { readonly kind: 'collection'; readonly elements: readonly FlowValue[] }
  /** An object literal: its properties are its own initializers and what is written to them later. */
  | { readonly kind: 'object'; readonly literal: ts.ObjectLiteralExpression }
  /** An instance of a class or constructor function declared in the project. */
  | { readonly kind: 'instance'; readonly declaration: ts.Node }
  /** The global object (`window`, `globalThis`, `self`, `global`) held in a variable: its properties are globals. */
  | { readonly kind: 'global-object' }
  /** Certainly not a WebSocket: its type or its constructor says so. */
  | { readonly kind: 'not-socket' };

export function withStep(values: readonly FlowValue[], step: FlowStep): FlowValue[] {
  return values.map((v) => (v.kind === 'socket' ? { ...v, steps: [step, ...v.steps] } : v));
}

/** What makes two values the same: the node a socket comes from, the class, the literal… */
function identityOf(value: FlowValue): unknown {
  switch (value.kind) {
    case 'socket':
      return value.source.node;
    case 'class':
    case 'instance':
      return value.declaration;
    case 'object':
      return value.literal;
    case 'module':
      return value.module;
    case 'server-class':
      return value.emitter;
    case 'collection':
      return value;
    case 'pair-class':
    case 'global-object':
    case 'not-socket':
      return value.kind;
    default:
      return value.node;
  }
}

/**
 * One value per identity (many paths reach the same source). Of a socket reached several ways the
 * strongest path is kept (fewest name-only hops, then fewest hops: the one a finding explains).
 */
export function distinctValues(values: readonly FlowValue[]): readonly FlowValue[] {
  const seen = new Map<FlowValue['kind'], Map<unknown, number>>();
  const result: FlowValue[] = [];
  for (const value of values) {
    let ofKind = seen.get(value.kind);
    if (!ofKind) seen.set(value.kind, (ofKind = new Map()));
    const identity = identityOf(value);
    const index = ofKind.get(identity);
    if (index === undefined) {
      ofKind.set(identity, result.length);
      result.push(value);
    } else if (value.kind === 'socket' && weaker(result[index] as typeof value, value)) {
      result[index] = value;
    }
  }
  return result.length === values.length ? values : result;
}

function weaker(kept: Extract<FlowValue, { kind: 'socket' }>, other: Extract<FlowValue, { kind: 'socket' }>): boolean {
  const byName = (v: typeof kept) => v.steps.filter((step) => step.byName).length;
  return byName(other) < byName(kept) || (byName(other) === byName(kept) && other.steps.length < kept.steps.length);
}
