// Decides which WebSocket implementation a `.close()` receiver is, from the declarations of its
// type (exact library file or exact package name), or — when types are missing — from evidence
// in the code, with lower confidence. Anything else is "not a WebSocket" and is never reported.
import * as ts from 'typescript';
import type { Confidence } from '../core/finding';
import type { Evidence, EvidenceKind, RuntimeId } from '../registry/types';
import { BROWSER_SOCKET_RUNTIME, DENO_UPGRADED_SOCKET, GLOBAL_SOCKET_RUNTIME, ISOMORPHIC_REEXPORT, WORKERS_SOCKETS } from '../registry/socket-sources';
import type { AnalysisContext } from './context';
import { inferReceiverFromEvidence } from './receiver-evidence';
import { isAssignedNew } from './constructed';
import { declaredKind, runtimesOfType } from './declared-runtimes';
import { mayBeWorkersCode } from './socket-flow/declared';
import { isDenoUpgradeSocket } from './socket-flow/deno';
import { traceSocket } from './socket-flow/trace-receiver';
import { skipOuterExpressions } from './syntax';

export type ReceiverClass =
  | { readonly kind: 'websocket'; readonly runtimes: readonly RuntimeId[]; readonly confidence: Confidence; readonly evidence?: Evidence }
  | {
      readonly kind: 'not-websocket';
      /**
       * Why (for --debug): its type is declared by something that is not a known WebSocket library
       * (`type`), it is the project's own structural type no socket flows into (`structural`), or a
       * value that is certainly not a socket reaches it (`conflict`).
       */
      readonly because: 'type' | 'structural' | 'conflict';
    }
  | { readonly kind: 'unknown' };

const NOT_WEBSOCKET = (because: 'type' | 'structural' | 'conflict'): ReceiverClass => ({ kind: 'not-websocket', because });

export function classifyReceiver(receiver: ts.Expression, ctx: AnalysisContext): ReceiverClass {
  const node = skipOuterExpressions(receiver);
  const type = ctx.checker.getTypeAtLocation(node);
  const typed = runtimesOfType(type, ctx, 0);
  // The flow gets the receiver as written: `(x as WebSocket)` names the socket type even when it does not resolve.
  if (typed === 'untyped') return pastBrowserType(receiver, ctx, fromSocketFlow(receiver, ctx)) ?? inferReceiverFromEvidence(node, ctx) ?? { kind: 'unknown' };
  // The project's own structural type (`interface WebSocketLike`) says nothing about what the value is.
  if (typed.length === 0) return declaredKind(type, ctx).kind === 'structural' ? (fromSocketFlow(receiver, ctx) ?? NOT_WEBSOCKET('structural')) : NOT_WEBSOCKET('type');
  // Deno types the sockets of Deno.upgradeWebSocket as the global (browser) WebSocket, but they are server sockets.
  if (typed.length === 1 && typed[0] === DENO_UPGRADED_SOCKET.typedAs && isDenoServerSocket(node, ctx)) return { kind: 'websocket', runtimes: [DENO_UPGRADED_SOCKET.runtime], confidence: 'typed' };
  // Likewise Workers' sockets, when the DOM lib's WebSocket is the only one the program declares.
  if (typed.length === 1 && typed[0] === WORKERS_SOCKETS.typedAs && isWorkersSocket(receiver, ctx)) return { kind: 'websocket', runtimes: [WORKERS_SOCKETS.runtime], confidence: 'typed' };
  if (typed.length === 1 && typed[0] === BROWSER_SOCKET_RUNTIME) return serverSocketTypedAsBrowser(receiver, ctx) ?? { kind: 'websocket', runtimes: typed, confidence: 'typed' };
  return { kind: 'websocket', runtimes: adjustForFile(typed, ctx), confidence: 'typed' };
}

/**
 * Node server code that types its sockets as the global WebSocket (Node's client, from
 * @types/node) — a forgotten `import type { WebSocket } from 'ws'` — still gets sockets from its
 * server: followed past those types to where they come from, sockets of one other runtime only
 * (a ws server's `connection`, a Fastify route) are judged by that runtime. A client the code
 * makes, several runtimes, or anything certainly not a socket keeps the type's answer. A program
 * with the browser's own WebSocket (the DOM or WebWorker lib) is taken at its word: browser code
 * is what that type is written for, and a second trace of every browser socket would double the
 * flow's work where it is least likely to change an answer.
 */
function serverSocketTypedAsBrowser(receiver: ts.Expression, ctx: AnalysisContext, typeTraceStrong = true): ReceiverClass | undefined {
  if (ts.isNewExpression(skipOuterExpressions(receiver)) || hasBrowserLib(ctx.program)) return undefined;
  const traced = traceSocket(receiver, ctx.program, ctx.platform, 'followed');
  // A source found through a property matched by name only does not outweigh a type reached by declarations;
  // a client made with the global constructor is what the type says (its runtime is the platform's guess).
  if (traced === undefined || traced === 'conflict' || (!traced.strong && typeTraceStrong) || traced.runtimes.includes(BROWSER_SOCKET_RUNTIME)) return undefined;
  if (traced.sources.some((source) => source.kind === 'constructor' && source.runtime === GLOBAL_SOCKET_RUNTIME[ctx.platform])) return undefined;
  return { kind: 'websocket', runtimes: traced.runtimes, confidence: 'inferred', evidence: { ...traced.evidence, strength: traced.strong ? 'medium' : 'low' } };
}

const browserLibs = new WeakMap<ts.Program, boolean>();

/** Does the program load a default library that declares the browser's WebSocket (lib.dom, lib.webworker)? */
function hasBrowserLib(program: ts.Program): boolean {
  let found = browserLibs.get(program);
  if (found === undefined) {
    found = program.getSourceFiles().some((file) => program.isSourceFileDefaultLibrary(file) && /[\\/]lib\.(dom|webworker)\.d\.ts$/.test(file.fileName));
    browserLibs.set(program, found);
  }
  return found;
}

/** An untyped receiver the flow found only a browser-typed value for (a caller's parameter typed as the global WebSocket): that value's source decides. */
function pastBrowserType(receiver: ts.Expression, ctx: AnalysisContext, found: ReceiverClass | undefined): ReceiverClass | undefined {
  if (found?.kind !== 'websocket' || found.evidence?.kind !== 'declared-type' || found.runtimes.length !== 1 || found.runtimes[0] !== BROWSER_SOCKET_RUNTIME) return found;
  return serverSocketTypedAsBrowser(receiver, ctx, found.evidence.strength !== 'low') ?? found;
}

/** The runtime a constructor (`new WebSocketError(...)`) builds, from its declaration. */
export function classifyConstructor(expression: ts.Expression, ctx: AnalysisContext): readonly RuntimeId[] | 'untyped' {
  const type = ctx.checker.getTypeAtLocation(expression);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'untyped';
  const constructed = type.getConstructSignatures().map((s) => s.getReturnType());
  const runtimes = constructed.flatMap((t) => {
    const r = runtimesOfType(t, ctx, 0);
    return r === 'untyped' ? [] : r;
  });
  return [...new Set(runtimes)];
}

/** `isomorphic-ws` re-exports ws's declarations: code importing it must also satisfy browsers. */
function adjustForFile(runtimes: readonly RuntimeId[], ctx: AnalysisContext): RuntimeId[] {
  const { module, reexported, from, runtime } = ISOMORPHIC_REEXPORT;
  const isomorphic = ctx.importedModules.has(module) && !ctx.importedModules.has(reexported);
  return [...new Set(runtimes.map((r) => (isomorphic && r === from ? runtime : r)))];
}

/**
 * Follow the receiver through the program to where sockets come from (analysis/socket-flow).
 * A receiver that may also hold something that is certainly not a socket is not one.
 */
function fromSocketFlow(node: ts.Expression, ctx: AnalysisContext): ReceiverClass | undefined {
  const traced = traceSocket(node, ctx.program, ctx.platform);
  if (traced === 'conflict') return NOT_WEBSOCKET('conflict');
  if (!traced) return undefined;
  return { kind: 'websocket', runtimes: traced.runtimes, confidence: 'inferred', evidence: { ...traced.evidence, strength: traced.strong ? 'medium' : 'low' } };
}

/** A socket typed as the browser's that, followed through the program, comes only from a WebSocketPair or hibernation. */
function isWorkersSocket(receiver: ts.Expression, ctx: AnalysisContext): boolean {
  if (!mayBeWorkersCode(receiver)) return false;
  const traced = traceSocket(receiver, ctx.program, ctx.platform);
  return traced !== undefined && traced !== 'conflict' && traced.runtimes.every((runtime) => runtime === WORKERS_SOCKETS.runtime) && (WORKERS_SOCKETS.sources as readonly EvidenceKind[]).includes(traced.evidence.kind);
}

/**
 * A Deno server socket typed as the global WebSocket: it comes from `Deno.upgradeWebSocket`, or —
 * in a Deno project — it is not one the code constructed (`new WebSocket(url)` makes a client).
 */
function isDenoServerSocket(node: ts.Expression, ctx: AnalysisContext): boolean {
  if (ctx.sourceFile.text.includes('upgradeWebSocket') && isDenoUpgradeSocket(node, ctx.checker)) return true;
  // `new WebSocket(url)` itself is a client the code makes.
  return ctx.platform === 'deno' && !ts.isNewExpression(node) && !isAssignedNew(node, ctx.checker, [ctx.sourceFile]);
}
