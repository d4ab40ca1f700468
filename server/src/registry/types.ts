// Shapes of the registry: the close-code table, the runtime profiles and the app profiles.
// Everything here is data; user-facing prose lives in the locale catalogs (registry/locales/*),
// keyed by the ids declared in these tables, so a second language is a second catalog.

/** Where a code or range sits in RFC 6455 §7.4.2 / the IANA registry. */
export type RangeClass =
  | 'unused' // 0–999: never valid
  | 'protocol' // 1000–1015 registered by RFC 6455 / IANA
  | 'local-only' // 1005, 1006, 1015: placeholders an endpoint must never send
  | 'reserved' // 1004: reserved, no meaning
  | 'unassigned-protocol' // 1016–2999: reserved for future RFCs / extensions
  | 'registered' // 3000–3999: first-come-first-served IANA registrations
  | 'private' // 4000–4999: private use by agreement between the two apps
  | 'invalid'; // ≥ 5000

/** May an endpoint put this code in a Close frame (RFC 6455 / IANA)? */
export type Sendable = 'yes' | 'no' | 'client-only';

/** What a client should do after seeing the code. */
export type ReconnectAdvice = 'yes' | 'backoff' | 'no' | 'not-applicable';

export interface Reference {
  /** e.g. "RFC 6455 §7.4.1", "IANA WebSocket Close Code Number Registry", "MDN CloseEvent.code" */
  readonly label: string;
  readonly url: string;
}

/** One code (`from === to`) or a contiguous range of codes that share their facts. */
export interface CloseCodeEntry {
  readonly from: number;
  readonly to: number;
  /** Registry name (IANA's where it has one). Names are proper nouns and are not translated. */
  readonly name: string;
  readonly rangeClass: RangeClass;
  readonly sendable: Sendable;
  readonly reconnect: ReconnectAdvice;
  readonly references: readonly Reference[];
  /** For the three FCFS registrations in 3000–3999: the IANA record date. */
  readonly registered?: string;
}

/** Prose for one code/range; the catalog key is `codeKey(entry)` ("1000", "3009-3999"). */
export interface CodeText {
  readonly meaning: string;
  readonly whenYouSeeIt: string;
  readonly howToFix: string;
  readonly typicalUse: string;
  readonly reconnect: string;
}

/** Ids of the runtime profiles: which implementation's rules a close-like call obeys. */
export type RuntimeId =
  | 'whatwg' // browsers, DOM lib, Node's global WebSocket (undici), Deno client
  | 'ws' // the `ws` package (also @fastify/websocket, @hono/node-ws)
  | 'isomorphic-ws' // must satisfy the intersection of ws and WHATWG
  | 'bun-server' // Bun ServerWebSocket
  | 'cloudflare' // Cloudflare Workers WebSocket
  | 'deno-server' // sockets from Deno.upgradeWebSocket
  | 'uws' // uWebSockets.js WebSocket#end
  | 'websocket-node' // `websocket` (WebSocket-Node) connection.close()/drop()
  | 'reconnecting-websocket' // delegates to a WHATWG socket
  | 'partysocket' // delegates to a WHATWG socket, swallows errors
  | 'websocket-stream' // WebSocketStream#close({closeCode, reason})
  | 'websocket-error' // new WebSocketError(message, {closeCode, reason})
  | 'hono'; // Hono WSContext#close: delegates to its adapter (ws semantics by default)

/** How a close-like call passes its code and reason. */
export type ArgumentShape =
  | 'positional' // close(code?, reason?)
  | 'close-info' // close({ closeCode?, reason? })
  | 'error-options'; // new WebSocketError(message?, { closeCode?, reason? })

/** What an implementation does with a bad input. */
export type Effect =
  | 'throws' // an exception at the call site
  | 'unchecked' // sent on the wire as given (protocol violation reaches the peer)
  | 'swallowed' // caught internally; the call silently does nothing useful
  | 'truncated' // cut to fit
  | 'dropped' // ignored
  | 'defaults-to-1000' // the code becomes 1000 and the reason is sent
  | 'corrupts-frame'; // bytes of the reason end up where the code belongs

export interface CodeSpan {
  readonly from: number;
  readonly to: number;
}

export interface RuntimeProfile {
  readonly id: RuntimeId;
  /** Codes the close-like call accepts without throwing or rejecting. */
  readonly accepts: readonly CodeSpan[];
  /** True when the accepted set is the WHATWG one (1000, 3000–4999): `browser-code-range` applies. */
  readonly whatwgRange: boolean;
  /** Can this side send 1001–1014 at all (server-ish APIs)? Used to pick suggestions. */
  readonly role: 'client' | 'server' | 'either';
  readonly onInvalidCode: Effect;
  readonly onLongReason: Effect;
  readonly onReasonWithoutCode: Effect;
  /** The exception text (verbatim from the implementation) where the effect is `throws`. */
  readonly errors: {
    readonly invalidCode?: string;
    readonly longReason?: string;
    readonly reasonWithoutCode?: string;
  };
  /** Method name → argument shape; the close-like calls of this profile. */
  readonly methods: Readonly<Record<string, ArgumentShape>>;
  /** Can close() be called while the socket is still connecting (client sockets)? */
  readonly hasConnectingState: boolean;
  /** How a fraction or numeric string passed as the code is converted (see registry/code-conversion). */
  readonly codeConversion: CodeConversion;
  /**
   * A received 0/1005/1006 passed back to close() becomes a Close frame without a code instead of
   * going on the wire (Bun documents it for forwarding a close handler's code; uWS never writes them).
   */
  readonly sendsReservedAsNoCode: boolean;
}

/**
 * - `webidl-clamp`: WHATWG `[Clamp] unsigned short` — numeric strings accepted, clamp to 0–65535,
 *   fractions round half to even (999.5 → 1000).
 * - `enforce-range`: `[EnforceRange]` — fractions truncated.
 * - `range-then-truncate`: ws — the raw number is checked against the ranges, the wire gets the
 *   truncated integer; strings throw.
 * - `unverified`: nothing verified; treat every non-integer as rejected.
 */
export type CodeConversion = 'webidl-clamp' | 'enforce-range' | 'range-then-truncate' | 'unverified';

/** Prose for a runtime profile (catalog keyed by RuntimeId). */
export interface RuntimeText {
  /** Short display name, e.g. "browser WebSocket (WHATWG)". */
  readonly name: string;
  /** Sentence fragments used inside findings and hovers. */
  readonly invalidCode: string;
  readonly longReason: string;
  readonly reasonWithoutCode: string;
  readonly connecting: string;
  /** One paragraph for the hover on `close`: what this API accepts. */
  readonly summary: string;
}

/** Which declaration makes a receiver a given runtime. Package names are compared exactly. */
export interface ReceiverSpecifier {
  /** `lib`: a TypeScript default library file; `package`: a file inside node_modules/<package>. */
  readonly from: 'lib' | 'package';
  /** npm package name with any `@types/` prefix removed (`@types/ws` → `ws`). */
  readonly package?: string;
  /** Name of the declared class/interface/type alias (the symbol name). */
  readonly name: string;
  readonly runtime: RuntimeId;
}

/** What an inferred (untyped) receiver classification rests on; described per locale. */
/** The platform a project's code runs on, from its setup (package.json, wrangler/deno config). */
export type Platform = 'browser' | 'node' | 'cloudflare' | 'deno' | 'bun';

export type EvidenceKind =
  | 'constructor' // `new WebSocket(…)` and the other client constructors
  | 'connection-listener' // a `connection` listener of a ws server
  | 'server-handler' // a Bun `websocket` or uWebSockets.js handler
  | 'route-handler' // a WebSocket route of an HTTP framework plugin (express-ws, @fastify/websocket)
  | 'accepted-request' // `request.accept(…)` in a WebSocket-Node server's `request` listener
  | 'server-connect' // a `connect` listener of a WebSocket-Node server (every accepted connection)
  | 'client-connect' // a `connect` listener of a WebSocket-Node client
  | 'hibernation' // a Durable Object's hibernation API: `state.getWebSockets()`, `webSocketMessage(ws, …)`
  | 'upgrade' // Deno.upgradeWebSocket(…)
  | 'pair' // new WebSocketPair()
  | 'server-clients' // a ws server's `clients`
  | 'declared-type' // a value whose declared type is a WebSocket, stored where types are lost
  | 'ready-state' // its readyState compared with a WebSocket constructor's state constants (`WebSocket.OPEN`)
  | 'socket-usage'; // used like a socket (weak)

/** A place in the checked project (absolute file name, UTF-16 offsets). */
export interface EvidenceStepLocation {
  readonly fileName: string;
  readonly start: number;
  readonly end: number;
}

export interface Evidence {
  readonly kind: EvidenceKind;
  /** The constructor's name, for `constructor`. */
  readonly name?: string;
  /** Where the socket comes from (socket-flow evidence). */
  readonly at?: EvidenceStepLocation;
  /** The storage nearest the receiver the socket went through (`this.socket`). */
  readonly via?: string;
  /** How much the inference can be trusted: `low` when a hop matched a property by name only, or for usage alone. */
  readonly strength?: 'medium' | 'low';
  /** The storages from the source to the receiver, each where the value was written. */
  readonly steps?: ReadonlyArray<EvidenceStepLocation & { readonly label: string }>;
}

export type AppProfileId = 'graphql-ws' | 'discord-gateway' | 'discord-voice' | 'twitch-eventsub';

export interface AppCode {
  readonly code: number;
  readonly name: string;
  readonly reconnect: ReconnectAdvice;
}

export interface AppProfile {
  readonly id: AppProfileId;
  /** Dependencies whose presence in package.json turns the profile on. Empty: only by config. */
  readonly packages: readonly string[];
  readonly codes: readonly AppCode[];
  readonly references: readonly Reference[];
}

/** Prose for an app profile: its display name and per-code descriptions. */
export interface AppProfileText {
  readonly name: string;
  readonly codes: Readonly<Record<number, string>>;
}
