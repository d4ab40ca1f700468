// English text for the single codes 1000–1015, keyed by codeKey.
import type { CodeText } from '../../types';

const BROWSER_NO = 'Browser sockets cannot send it (InvalidAccessError)';

export const protocolCodes: Readonly<Record<string, CodeText>> = {
  '1000': {
    meaning: 'The connection did what it was opened for; an ordinary, intentional close.',
    whenYouSeeIt:
      'One side ended the session on purpose: a logout, a finished job, or a client that no longer needs the socket.',
    howToFix:
      'Nothing to fix when the close is deliberate. If it is really caused by an error, a shutdown or a policy decision, send the code that says so, so the peer can react to it.',
    typicalUse: 'Logout, a completed exchange, a client releasing a socket it no longer needs.',
    reconnect: 'Do not reconnect automatically: the peer ended the session on purpose.',
  },
  '1001': {
    meaning: 'The endpoint is leaving: a server shutting down, or a browser navigating away from the page that owns the socket.',
    whenYouSeeIt:
      'A server stopped (graceful shutdown, scale-down) or a tab navigated away or closed. Deno servers also use it for idle sockets that miss a ping.',
    howToFix: `Send it from server-side code only. ${BROWSER_NO}; the browser sends 1001 on its own when a page unloads, so a script should close with 1000. If the server will be back soon, 1012 tells clients to return.`,
    typicalUse: 'Graceful server shutdown (graphql-ws uses it when disposing its server).',
    reconnect: 'Reconnect with backoff: another instance may take over, but not necessarily at once.',
  },
  '1002': {
    meaning: 'The peer broke the WebSocket protocol itself (framing, masking, control-frame rules).',
    whenYouSeeIt:
      'The WebSocket library detected malformed frames or an invalid close code from the peer and closed on its own; ws and undici do this automatically. It points to a buggy client, proxy or library.',
    howToFix:
      'Leave 1002 to the library. When application code rejects the content of a message, use 1008 (or 1003 for the wrong data type, 1007 for invalid encoding).',
    typicalUse: 'Sent by WebSocket implementations, rarely by application code.',
    reconnect: 'Do not reconnect blindly: the same implementation will repeat the same mistake.',
  },
  '1003': {
    meaning: 'The endpoint received a kind of data it cannot take, such as binary messages where only text is handled.',
    whenYouSeeIt: 'A peer sent binary frames to a text-only endpoint, or the other way round.',
    howToFix: `Use it only for the wrong frame type. For bad content in a supported type (invalid JSON, schema errors) use 1008 or an agreed private code. ${BROWSER_NO}.`,
    typicalUse: 'Rejecting binary messages on a text-only protocol.',
    reconnect: 'Reconnecting only helps once the client sends a data type the endpoint accepts.',
  },
  '1004': {
    meaning: 'Reserved by RFC 6455 without any defined meaning; it is not a usable close code.',
    whenYouSeeIt: 'Almost always a typo or an off-by-one in a hand-written code table.',
    howToFix:
      'Choose a defined code: 1000 normal, 1008 policy, 1011 internal error, or a private code in 4000–4999. Every validating runtime (browsers, ws, Cloudflare Workers) throws on 1004.',
    typicalUse: 'None.',
    reconnect: 'Not applicable: no endpoint should send it.',
  },
  '1005': {
    meaning: 'Not a wire code but a local placeholder: the Close frame that arrived had no status code in it.',
    whenYouSeeIt:
      'The peer called close() without a code (as ws, browsers, Engine.IO and @fastify/websocket on shutdown do), or a reason was dropped because no code came with it.',
    howToFix:
      'Never pass 1005 to close(): browsers, undici, ws and Workers throw, and the RFC forbids it on the wire. When forwarding a received code, call close() without a code for 1005. If you want the peer to see a meaningful code, send one.',
    typicalUse: 'Read in close handlers (CloseEvent.code, the ws close event); never sent.',
    reconnect: 'Reconnect with backoff: the cause of the close is unknown.',
  },
  '1006': {
    meaning: 'A local placeholder: the connection ended without any Close frame.',
    whenYouSeeIt:
      'The TCP connection dropped, a process crashed, a proxy cut an idle connection, the socket was killed (ws terminate(), uWS close()), or — in browsers — the handshake failed: DNS, TLS and HTTP 401/403 on the upgrade all surface as 1006.',
    howToFix:
      'Never pass 1006 to close(); validating runtimes throw. Look at the network path and the peer’s logs, add heartbeats to detect dead connections, and if a browser must learn why it was rejected, complete the upgrade and close with a code.',
    typicalUse: 'Read in close handlers; never sent.',
    reconnect: 'Reconnect with randomized exponential backoff (RFC 6455 §7.2.3: wait a random 0–5 s first).',
  },
  '1007': {
    meaning: 'A message’s data does not match its type, for example a text message that is not valid UTF-8.',
    whenYouSeeIt: 'The library rejected a text frame with invalid UTF-8; ws and undici send 1007 by themselves.',
    howToFix: `Do not use it for application-level validation (bad JSON, missing fields): that is 1008 or an agreed private code. ${BROWSER_NO}.`,
    typicalUse: 'Sent by libraries on invalid UTF-8.',
    reconnect: 'Do not reconnect until the sender’s encoding is fixed.',
  },
  '1008': {
    meaning: 'The peer broke a policy of the endpoint. Deliberately generic: it may hide the details.',
    whenYouSeeIt:
      'The server rejected the client: missing or expired credentials, abuse, rate or resource limits (ws: too many buffered chunks; undici: too many fragments), or invalid application messages.',
    howToFix: `Fine on server sockets; put the specific cause in the reason. ${BROWSER_NO}: use 3003 Forbidden, 3000 Unauthorized or an agreed 4xxx code. If waiting would be enough for the client to succeed, 1013 says so more clearly.`,
    typicalUse: 'Auth failures after the upgrade, abuse, resource limits.',
    reconnect: 'Do not reconnect with the same behaviour or credentials; fix the cause first.',
  },
  '1009': {
    meaning: 'A message was too large for the endpoint to process.',
    whenYouSeeIt:
      'A message went over the receiver’s size limit (ws and undici maxPayload send 1009 automatically; uWS drops the connection instead, so the peer sees 1006).',
    howToFix: `Raise the receiver’s limit, or split or stream large payloads. ${BROWSER_NO}; use an agreed private code such as 4413.`,
    typicalUse: 'Enforcing payload limits.',
    reconnect: 'Reconnecting helps only if the client stops sending oversized messages.',
  },
  '1010': {
    meaning:
      'For clients only: the client needed an extension the server did not accept in the handshake. The reason should name the missing extensions.',
    whenYouSeeIt: 'A non-browser client required an extension (for example permessage-deflate) that the server did not negotiate.',
    howToFix:
      'Do not send it from a server: a server fails the handshake instead. Browser scripts cannot send it either, and the browser negotiates extensions itself.',
    typicalUse: 'Non-browser clients that cannot work without a particular extension.',
    reconnect: 'Do not reconnect until the server supports the extension.',
  },
  '1011': {
    meaning:
      'An unexpected condition kept the endpoint from completing the request: the WebSocket counterpart of HTTP 500. The RFC says “server”; IANA also cites an erratum that extends it to either endpoint.',
    whenYouSeeIt: 'An unhandled exception or a failed dependency on the server side.',
    howToFix: `Use it on server sockets for unexpected failures; log the error and keep internals out of the reason. ${BROWSER_NO}; use an agreed private code such as 4500.`,
    typicalUse: 'Unhandled server errors.',
    reconnect: 'Reconnect with backoff: the failure may be temporary.',
  },
  '1012': {
    meaning: 'The server is restarting. Registered with IANA; no RFC defines it.',
    whenYouSeeIt: 'A deploy, rolling restart or planned maintenance ended the connection.',
    howToFix: `Send it from servers that will be back shortly. Some older libraries that only know RFC 6455 treat 1012–1014 as protocol errors. ${BROWSER_NO}.`,
    typicalUse: 'Deploys and restarts.',
    reconnect: 'Reconnect, after a short random delay so that clients do not all return at once.',
  },
  '1013': {
    meaning: 'A temporary condition on the server, such as overload; the client should come back later. Registered with IANA, not in an RFC.',
    whenYouSeeIt: 'The server is shedding load, or (in some documentation, such as Bun’s) rate-limiting the client.',
    howToFix: `Use it when waiting is all the client needs to do; if it must change its behaviour, 1008 fits better. ${BROWSER_NO}.`,
    typicalUse: 'Overload, load shedding, capacity limits.',
    reconnect: 'Reconnect with exponential backoff.',
  },
  '1014': {
    meaning:
      'The endpoint acts as a gateway or proxy and received an invalid response from upstream, like HTTP 502. IANA gives it no short name; “Bad Gateway” is MDN’s.',
    whenYouSeeIt: 'A WebSocket proxy could not reach or understand the upstream server.',
    howToFix: `Send it from gateways and proxies for upstream failures. ws accepts it only since 7.2.2, and older RFC-only clients may reject it. ${BROWSER_NO}.`,
    typicalUse: 'Gateways and reverse proxies.',
    reconnect: 'Reconnect with backoff.',
  },
  '1015': {
    meaning: 'A local placeholder: the TLS handshake failed, for example because the certificate could not be verified.',
    whenYouSeeIt: 'Rare: some non-browser clients report it. Browsers never expose it and report 1006 instead.',
    howToFix:
      'Never pass 1015 to close(); the RFC forbids it on the wire (WebSocket-Node accepts it anyway). Check certificates, host names and TLS versions.',
    typicalUse: 'Read in close handlers; never sent.',
    reconnect: 'Retry with backoff, but a failure that persists is a certificate or configuration problem.',
  },
};
