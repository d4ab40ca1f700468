// What each runtime's close-like call accepts, throws or silently does
// (shared/reference/close-codes.md §3, §4.1, §4.2). Prose lives in locales/*/runtimes.ts.
//
// `errors` strings are quoted from the implementation as "<ErrorName>: <message>" — the way they
// show up in a console or stack trace. Where the message carries the offending code, the code is
// written as the placeholder `{code}`; fill it with `formatRuntimeError`.
//
// `accepts` lists the codes the call lets through without throwing. For the unchecked server APIs
// (Bun, Deno, uWS) that is the whole 16-bit range: they do not validate, they send. What happens
// outside `accepts` is `onInvalidCode`.
import type { CodeSpan, RuntimeId, RuntimeProfile } from './types';

const WHATWG_SPANS: readonly CodeSpan[] = [
  { from: 1000, to: 1000 },
  { from: 3000, to: 4999 },
];
// `ws` lib/validation.js isValidStatusCode: 1000–1014 minus 1004–1006, and 3000–4999.
const WS_SPANS: readonly CodeSpan[] = [
  { from: 1000, to: 1003 },
  { from: 1007, to: 1014 },
  { from: 3000, to: 4999 },
];
const ANY_U16: readonly CodeSpan[] = [{ from: 0, to: 65535 }];

const PLACEHOLDER = '{code}';

// Chromium's current wording; other engines throw the same DOMException types with other text.
const CHROMIUM_INVALID_CODE =
  "InvalidAccessError: Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. {code} is neither.";
const CHROMIUM_LONG_REASON =
  "SyntaxError: Failed to execute 'close' on 'WebSocket': The close reason must not be greater than 123 UTF-8 bytes.";
const WS_INVALID_CODE = 'TypeError: First argument must be a valid error code number';
const WS_LONG_REASON = 'RangeError: The message must not be greater than 123 bytes';

export const RUNTIME_PROFILES: Readonly<Record<RuntimeId, RuntimeProfile>> = {
  whatwg: {
    id: 'whatwg',
    accepts: WHATWG_SPANS,
    whatwgRange: true,
    role: 'client',
    onInvalidCode: 'throws',
    onLongReason: 'throws',
    // Firefox, undici 6.x (Node 20) and older Chromium drop the reason and send an empty Close
    // frame; current Chromium and undici ≥ 7 send 1000 instead (close-codes.md §3).
    onReasonWithoutCode: 'dropped',
    errors: { invalidCode: CHROMIUM_INVALID_CODE, longReason: CHROMIUM_LONG_REASON },
    methods: { close: 'positional' },
    hasConnectingState: true,
    codeConversion: 'webidl-clamp',
    sendsReservedAsNoCode: false,
  },
  ws: {
    id: 'ws',
    accepts: WS_SPANS,
    whatwgRange: false,
    // One class for both the client and the server side of a connection.
    role: 'either',
    onInvalidCode: 'throws',
    onLongReason: 'throws',
    onReasonWithoutCode: 'dropped',
    errors: { invalidCode: WS_INVALID_CODE, longReason: WS_LONG_REASON },
    // terminate() takes no code, so it is not a close-like call for the registry.
    methods: { close: 'positional' },
    hasConnectingState: true,
    codeConversion: 'range-then-truncate',
    sendsReservedAsNoCode: false,
  },
  'isomorphic-ws': {
    id: 'isomorphic-ws',
    // Node gets `ws`, browsers get the global WebSocket: only the intersection is safe everywhere.
    accepts: WHATWG_SPANS,
    whatwgRange: true,
    role: 'client',
    onInvalidCode: 'throws',
    onLongReason: 'throws',
    onReasonWithoutCode: 'dropped',
    // Codes outside the intersection but inside `ws`'s set only throw in the browser build.
    errors: { invalidCode: CHROMIUM_INVALID_CODE, longReason: CHROMIUM_LONG_REASON },
    methods: { close: 'positional' },
    hasConnectingState: true,
    codeConversion: 'unverified',
    sendsReservedAsNoCode: false,
  },
  'bun-server': {
    id: 'bun-server',
    accepts: ANY_U16,
    whatwgRange: false,
    role: 'server',
    onInvalidCode: 'unchecked',
    onLongReason: 'truncated',
    onReasonWithoutCode: 'defaults-to-1000',
    errors: {},
    methods: { close: 'positional' },
    hasConnectingState: false,
    codeConversion: 'unverified',
    sendsReservedAsNoCode: true,
  },
  cloudflare: {
    id: 'cloudflare',
    // Default mode (without `pedantic_wpt`): 1016–2999 pass, only the four reserved codes fail.
    accepts: [
      { from: 1000, to: 1003 },
      { from: 1007, to: 1014 },
      { from: 1016, to: 4999 },
    ],
    whatwgRange: false,
    // Sockets from WebSocketPair serve clients; outbound `new WebSocket()` is a client.
    role: 'either',
    onInvalidCode: 'throws',
    // With the `websocket_close_reason_byte_limit` flag, on by default from compat date 2026-03-03.
    onLongReason: 'throws',
    onReasonWithoutCode: 'throws',
    errors: {
      invalidCode: 'InvalidAccessError: Invalid WebSocket close code: {code}.',
      longReason: 'SyntaxError: WebSocket close reason must not be longer than 123 bytes when UTF-8 encoded.',
      reasonWithoutCode: 'InvalidAccessError: If you specify a WebSocket close reason, you must also specify a code.',
    },
    methods: { close: 'positional' },
    // An outbound `new WebSocket(url)` connects like a browser's: close() before it is open cancels
    // it ("Called close before connection was established."). WebSocketPair sockets are never
    // created by `new` on the socket itself, so the rule cannot mistake them for connecting ones.
    hasConnectingState: true,
    codeConversion: 'unverified',
    sendsReservedAsNoCode: false,
  },
  'deno-server': {
    id: 'deno-server',
    // The 1000/3000–4999 check runs only for role CLIENT; server sockets write any u16.
    accepts: ANY_U16,
    whatwgRange: false,
    role: 'server',
    onInvalidCode: 'unchecked',
    onLongReason: 'throws',
    onReasonWithoutCode: 'corrupts-frame',
    errors: { longReason: 'SyntaxError: The close reason may not be longer than 123 bytes' },
    methods: { close: 'positional' },
    hasConnectingState: false,
    codeConversion: 'unverified',
    sendsReservedAsNoCode: false,
  },
  uws: {
    id: 'uws',
    accepts: ANY_U16,
    whatwgRange: false,
    role: 'server',
    onInvalidCode: 'unchecked',
    onLongReason: 'truncated',
    // A missing code becomes 0, and formatClosePayload writes no body for 0 (binding not verified).
    onReasonWithoutCode: 'dropped',
    errors: {},
    // uWS close() is the forceful close: no arguments, no Close frame. end() is the graceful one.
    methods: { end: 'positional' },
    hasConnectingState: false,
    codeConversion: 'unverified',
    sendsReservedAsNoCode: true,
  },
  'websocket-node': {
    id: 'websocket-node',
    // validateCloseReason also admits 1015, which RFC 6455 forbids on the wire.
    accepts: [
      { from: 1000, to: 1003 },
      { from: 1007, to: 1015 },
      { from: 3000, to: 4999 },
    ],
    whatwgRange: false,
    role: 'either',
    // For close(); drop() validates nothing and sends whatever it gets (default 1002).
    onInvalidCode: 'throws',
    onLongReason: 'unchecked',
    onReasonWithoutCode: 'defaults-to-1000',
    errors: { invalidCode: 'Error: Close code {code} is not valid.' },
    methods: { close: 'positional', drop: 'positional' },
    hasConnectingState: false,
    codeConversion: 'unverified',
    sendsReservedAsNoCode: false,
  },
  'reconnecting-websocket': {
    id: 'reconnecting-websocket',
    accepts: WHATWG_SPANS,
    whatwgRange: true,
    role: 'client',
    // close() calls the inner socket directly, so its exception reaches the caller; reconnect()
    // goes through _disconnect, which swallows it (reconnecting-websocket 4.4.0).
    onInvalidCode: 'throws',
    onLongReason: 'throws',
    // close(code = 1000, reason): a missing code is filled in before the inner socket sees it.
    onReasonWithoutCode: 'defaults-to-1000',
    errors: { invalidCode: CHROMIUM_INVALID_CODE, longReason: CHROMIUM_LONG_REASON },
    methods: { close: 'positional', reconnect: 'positional' },
    hasConnectingState: true,
    codeConversion: 'webidl-clamp',
    sendsReservedAsNoCode: false,
  },
  partysocket: {
    id: 'partysocket',
    accepts: WHATWG_SPANS,
    whatwgRange: true,
    role: 'client',
    // _disconnect wraps the inner close() in try/catch {}: nothing is thrown, nothing is closed.
    onInvalidCode: 'swallowed',
    onLongReason: 'swallowed',
    onReasonWithoutCode: 'defaults-to-1000',
    errors: {},
    methods: { close: 'positional', reconnect: 'positional' },
    hasConnectingState: true,
    codeConversion: 'webidl-clamp',
    sendsReservedAsNoCode: false,
  },
  'websocket-stream': {
    id: 'websocket-stream',
    accepts: WHATWG_SPANS,
    whatwgRange: true,
    role: 'client',
    onInvalidCode: 'throws',
    onLongReason: 'throws',
    onReasonWithoutCode: 'defaults-to-1000',
    // Deno's wording (ext/websocket/02_websocketstream.js); undici and Chromium use their own.
    errors: {
      invalidCode: 'InvalidAccessError: The close code must be either 1000 or in the range of 3000 to 4999.',
      longReason: 'SyntaxError: The close reason may not be longer than 123 bytes.',
    },
    methods: { close: 'close-info' },
    hasConnectingState: true,
    codeConversion: 'enforce-range',
    sendsReservedAsNoCode: false,
  },
  'websocket-error': {
    id: 'websocket-error',
    accepts: WHATWG_SPANS,
    whatwgRange: true,
    role: 'client',
    onInvalidCode: 'throws',
    onLongReason: 'throws',
    onReasonWithoutCode: 'defaults-to-1000',
    // Only the DOMException names are specified (WPT); the message text differs per engine.
    errors: { invalidCode: 'InvalidAccessError', longReason: 'SyntaxError' },
    methods: { WebSocketError: 'error-options' },
    hasConnectingState: false,
    codeConversion: 'enforce-range',
    sendsReservedAsNoCode: false,
  },
  hono: {
    id: 'hono',
    // WSContext#close only forwards to the adapter; the default Node adapter (@hono/node-ws) is ws.
    accepts: WS_SPANS,
    whatwgRange: false,
    role: 'server',
    onInvalidCode: 'throws',
    onLongReason: 'throws',
    onReasonWithoutCode: 'dropped',
    errors: { invalidCode: WS_INVALID_CODE, longReason: WS_LONG_REASON },
    methods: { close: 'positional' },
    hasConnectingState: false,
    codeConversion: 'range-then-truncate',
    sendsReservedAsNoCode: false,
  },
};

/** Does the profile's close-like call accept `code` without throwing? Only integers can match. */
export function acceptsCode(profile: RuntimeProfile, code: number): boolean {
  if (!Number.isInteger(code)) return false;
  return profile.accepts.some((span) => code >= span.from && code <= span.to);
}

/** Every method name that is a close-like call in at least one profile. */
export const CLOSE_METHOD_NAMES: ReadonlySet<string> = new Set(
  Object.values(RUNTIME_PROFILES).flatMap((profile) => Object.keys(profile.methods)),
);

/** Fills the `{code}` placeholder of a `RuntimeProfile.errors` template. */
export function formatRuntimeError(template: string, code: number | string): string {
  return template.split(PLACEHOLDER).join(String(code));
}
