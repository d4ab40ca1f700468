// English text per runtime profile. invalidCode/longReason/reasonWithoutCode/connecting are
// clauses that follow "On <name>, …": lower-case start, no final full stop.
import type { RuntimeId, RuntimeText } from '../../types';

const NOT_CONNECTING = 'this does not apply: the socket is already open when your code receives it';

export const runtimes: Readonly<Record<RuntimeId, RuntimeText>> = {
  whatwg: {
    name: 'the browser WebSocket (WHATWG)',
    invalidCode:
      '`close()` throws an `InvalidAccessError` DOMException for every code except 1000 and 3000–4999',
    longReason: '`close()` throws a `SyntaxError` DOMException when the reason is longer than 123 UTF-8 bytes',
    reasonWithoutCode:
      'a reason without a code is usually dropped and an empty Close frame is sent, so the peer sees 1005 (Firefox, the undici in Node 20); current Chromium and undici 7 send 1000 with the reason instead',
    connecting:
      'closing before the handshake completes fails the connection: the socket fires `error`, then `close` with 1006 (Chromium and WebKit also log the warning “WebSocket is closed before the connection is established.” to the console)',
    summary:
      'Accepts only 1000 and 3000–4999; any other code, including 1001 and 1008–1014, throws InvalidAccessError. The reason must fit in 123 UTF-8 bytes. The code is converted like a clamped unsigned short: fractions are rounded, numeric strings are accepted, values above 65535 become 65535. Covers browsers, Node’s global WebSocket (undici) and Deno’s client WebSocket.',
  },
  ws: {
    name: '`ws`',
    invalidCode:
      '`close()` throws `TypeError: First argument must be a valid error code number` and leaves the socket stuck in CLOSING: no Close frame goes out until `terminate()` is called or the peer closes',
    longReason:
      '`close()` throws `RangeError: The message must not be greater than 123 bytes` and leaves the socket stuck in CLOSING',
    reasonWithoutCode: 'the reason is silently dropped and an empty Close frame is sent, so the peer sees 1005',
    connecting:
      'closing before the handshake completes aborts it: the socket emits `error` (“WebSocket was closed before the connection was established”), then `close` with 1006 — and without an `error` listener that error crashes the Node process',
    summary:
      'Accepts 1000–1003, 1007–1014 and 3000–4999; anything else, strings and null included, throws TypeError. The reason must fit in 123 UTF-8 bytes (RangeError). Fractions inside the accepted ranges are truncated on the wire. The same rules apply to @fastify/websocket and @hono/node-ws, which hand out ws sockets.',
  },
  'isomorphic-ws': {
    name: '`isomorphic-ws`',
    invalidCode:
      '`close()` throws in browsers for every code except 1000 and 3000–4999 (InvalidAccessError) — including codes the Node build (`ws`) accepts, such as 1001 or 1011',
    longReason:
      '`close()` throws when the reason is longer than 123 UTF-8 bytes (`SyntaxError` in browsers, `RangeError` in Node)',
    reasonWithoutCode: 'the reason is dropped in Node (`ws`) and in most browsers, so the peer sees 1005',
    connecting:
      'closing before the handshake completes aborts it: browsers fire `error` and `close` with 1006; in Node, `ws` emits an `error` that crashes the process when no `error` listener is attached',
    summary:
      'The same code runs on `ws` in Node and on the browser’s WebSocket, so only what both accept is safe: 1000 and 3000–4999, with reasons of at most 123 UTF-8 bytes.',
  },
  'bun-server': {
    name: 'Bun’s `ServerWebSocket`',
    invalidCode:
      '`close()` does not check the code and sends it as given; only 0, 1005 and 1006 turn into a Close frame without a code (and without the reason). A code that is not a number throws “close requires a numeric code or undefined”',
    longReason: 'the reason is silently cut to 123 bytes',
    reasonWithoutCode: 'the code defaults to 1000 and the reason is sent',
    connecting: NOT_CONNECTING,
    summary:
      'Server sockets send any numeric code unchecked, so an invalid code reaches the peer, which may fail the connection. Reasons are truncated to 123 bytes; close() without a code sends 1000; terminate() ends the connection without a Close frame.',
  },
  cloudflare: {
    name: 'Cloudflare Workers',
    invalidCode:
      '`close()` throws `InvalidAccessError: Invalid WebSocket close code: N.` for codes outside 1000–4999 and for 1004, 1005, 1006 and 1015 — yet it lets 1016–2999 through',
    longReason:
      '`close()` throws a `SyntaxError` for reasons over 123 UTF-8 bytes (compatibility date 2026-03-03 or later); with older compatibility dates there is no limit at all',
    reasonWithoutCode:
      'a reason without a code makes `close()` throw `InvalidAccessError: If you specify a WebSocket close reason, you must also specify a code.` instead of closing',
    connecting:
      'calling `close()` on an outbound `new WebSocket()` before it connects cancels it (“Called close before connection was established.”); sockets from a WebSocketPair must be accepted before use',
    summary:
      'Accepts 1000–4999 except 1004, 1005, 1006 and 1015; the pedantic_wpt flag narrows this to the browser set. Validation runs even on an already closed socket, so echoing a received 1005 or 1006 from a close handler throws.',
  },
  'deno-server': {
    name: 'Deno’s server WebSocket (`Deno.upgradeWebSocket`)',
    invalidCode:
      '`close()` does not check the code: any 16-bit value, including 0, 1005, 1006 and 1015, goes on the wire and the peer may fail the connection',
    longReason: '`close()` throws `SyntaxError: The close reason may not be longer than 123 bytes`',
    reasonWithoutCode:
      'the reason’s bytes become the whole Close payload with no code in front (Deno 2.6.6 and later), so the peer reads its first two bytes as a bogus code — “bye” arrives as 25209',
    connecting: NOT_CONNECTING,
    summary:
      'Sockets from Deno.upgradeWebSocket skip the browser check that Deno’s client WebSocket applies, so any code is sent as written. Reasons over 123 bytes throw. Idle sockets that miss a ping are closed with 1001 after idleTimeout (30 s by default).',
  },
  uws: {
    name: 'uWebSockets.js',
    invalidCode:
      '`end()` does not check the code: it is cast to 16 bits (larger values wrap) and sent, except 0, 1005 and 1006, which produce a Close frame without a code',
    longReason: 'the reason is silently cut to 123 bytes, possibly in the middle of a UTF-8 character',
    reasonWithoutCode: 'without a code the frame carries neither code nor reason, so the peer sees 1005',
    connecting: NOT_CONNECTING,
    summary:
      '`end(code, message)` is the graceful close; `close()` takes no arguments and drops the connection without a Close frame (the peer sees 1006). Codes are not checked. When receiving, uWS treats 1012–3999 (3000, 3003 and 3008 included) as an invalid close payload and reports 1006.',
  },
  'websocket-node': {
    name: 'WebSocket-Node (`websocket`)',
    invalidCode:
      '`close()` throws `Error: Close code N is not valid.` for codes outside 1000–1003, 1007–1015 and 3000–4999 (1015 is wrongly allowed), a non-number code silently becomes 1000, and `drop()` sends any code unchecked',
    longReason:
      'the description is not checked: a Close frame over 125 bytes goes out and the peer fails the connection',
    reasonWithoutCode: 'the code defaults to 1000 and the description is sent',
    connecting:
      'this does not apply to connection objects, which exist only after the handshake (its W3CWebSocket wrapper follows browser rules)',
    summary:
      'connection.close(code, description) validates codes but admits 1015, which RFC 6455 forbids on the wire; connection.drop() checks nothing (default 1002) and destroys the socket at once. On receiving a Close it answers 1000 instead of echoing the peer’s code.',
  },
  'reconnecting-websocket': {
    name: '`reconnecting-websocket`',
    invalidCode:
      '`close()` hands the code to the underlying WebSocket, which throws in browsers for every code except 1000 and 3000–4999; `reconnect()` swallows the same error silently',
    longReason:
      'the underlying WebSocket throws for reasons over 123 UTF-8 bytes (silently swallowed by `reconnect()`)',
    reasonWithoutCode: 'the code defaults to 1000 before the underlying socket sees it, so the reason is sent',
    connecting:
      'closing before an attempt has created a socket only stops further attempts; otherwise the underlying WebSocket abandons the connection attempt as a browser does',
    summary:
      'A wrapper whose close(code = 1000, reason) stops reconnecting and calls the underlying WHATWG WebSocket directly, so browser rules apply: 1000 or 3000–4999, reasons of at most 123 UTF-8 bytes.',
  },
  partysocket: {
    name: 'PartySocket (`partysocket`)',
    invalidCode:
      'the underlying WebSocket’s exception is caught and discarded: nothing is closed, the listeners are already gone and no close event fires, so the socket is left detached',
    longReason: 'the underlying `SyntaxError` is swallowed the same way, leaving the socket detached',
    reasonWithoutCode: 'the code defaults to 1000 and the reason is sent',
    connecting:
      'closing while the inner socket is still connecting abandons that attempt as a browser does and stops reconnecting',
    summary:
      'close(code = 1000, reason) and reconnect(code, reason) go through an internal disconnect that wraps the inner close() in an empty catch. Invalid codes or reasons never throw; they silently break the socket. Stick to 1000 or 3000–4999 and reasons of at most 123 UTF-8 bytes.',
  },
  'websocket-stream': {
    name: '`WebSocketStream`',
    invalidCode:
      '`close({ closeCode })` throws an `InvalidAccessError` for codes other than 1000 and 3000–4999, and a `TypeError` for values outside 0–65535 or not finite',
    longReason: '`close()` throws a `SyntaxError` when the reason is longer than 123 UTF-8 bytes',
    reasonWithoutCode: 'a non-empty reason without a code is sent with code 1000',
    connecting: 'closing before the handshake completes abandons the connection attempt',
    summary:
      'The stream-based WebSocket (WHATWG proposal, implemented by undici, Deno and Chromium) takes `{ closeCode, reason }` and checks it like WebSocket.close(): 1000 or 3000–4999, reasons of at most 123 UTF-8 bytes. closeCode is range-enforced, not clamped.',
  },
  'websocket-error': {
    name: '`WebSocketError`',
    invalidCode:
      '`new WebSocketError(message, { closeCode })` throws an `InvalidAccessError` for codes other than 1000 and 3000–4999',
    longReason: 'the constructor throws a `SyntaxError` when the reason is longer than 123 UTF-8 bytes',
    reasonWithoutCode: 'a non-empty reason without a code gets code 1000',
    connecting: 'this does not apply: creating the error does not touch a connection',
    summary:
      'Used to abort or cancel a WebSocketStream’s streams with a code and reason; the constructor checks them like WebSocket.close() (1000 or 3000–4999, at most 123 UTF-8 bytes). A WebSocketError received through `closed` may carry codes scripts cannot set, such as 1001.',
  },
  hono: {
    name: 'Hono’s `WSContext`',
    invalidCode:
      '`close()` forwards to the adapter’s socket; with the Node adapter (@hono/node-ws, which uses ws) an invalid code throws `TypeError: First argument must be a valid error code number` and the socket stays in CLOSING',
    longReason:
      'with the Node adapter, `close()` throws `RangeError: The message must not be greater than 123 bytes`',
    reasonWithoutCode: 'with the Node adapter the reason is dropped and the peer sees 1005',
    connecting: 'this does not apply: the context is created for an already upgraded socket',
    summary:
      'WSContext.close(code, reason) delegates to the platform adapter: ws for @hono/node-ws (assumed here), Bun’s ServerWebSocket, Deno or Cloudflare Workers elsewhere. 1000–1003, 1007–1014 and 3000–4999 work on every adapter.',
  },
};
