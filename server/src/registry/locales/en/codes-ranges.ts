// English text for the ranges and for the 3000–3999 registrations, keyed by codeKey.
import type { CodeText } from '../../types';

const UNREGISTERED_3XXX: CodeText = {
  meaning:
    'Part of the range for libraries, frameworks and applications, meant to be registered with IANA first come, first served. No code in this span is registered.',
  whenYouSeeIt: 'A library or application uses a code of its own here without having registered it.',
  howToFix:
    'Register the code with IANA, or move it to 4000–4999, where meanings are agreed privately. The only registered codes in 3000–3999 are 3000 Unauthorized, 3003 Forbidden and 3008 Timeout.',
  typicalUse: 'Framework-level codes.',
  reconnect: 'Depends on what the sender means by it; check its documentation.',
};

export const rangeCodes: Readonly<Record<string, CodeText>> = {
  '0-999': {
    meaning: 'Not a close code: RFC 6455 leaves 0–999 unused, and no endpoint may send one.',
    whenYouSeeIt:
      'Usually a bug: an unset value that became 0 (browsers turn NaN, null and non-numeric strings into 0), or an HTTP status or application error number used as a close code.',
    howToFix:
      'Pass a real close code: 1000 for a normal close, a fitting 1xxx code on server sockets, or an agreed code in 4000–4999. To close without a code, call close() with no arguments.',
    typicalUse: 'None.',
    reconnect: 'Not applicable: a conforming peer never sends these.',
  },
  '1016-2999': {
    meaning: 'Held back for future RFCs and published extensions; nothing is defined here.',
    whenYouSeeIt: 'Usually an application that put its private codes in the wrong range.',
    howToFix:
      'Move application codes to 4000–4999, or register one in 3000–3999. Browsers, undici and ws throw; Cloudflare Workers accept these codes, and Deno, Bun and uWS servers send them unchecked, so the peer may reject the frame.',
    typicalUse: 'None so far. The often-quoted split into 1016–1999 and 2000–2999 is not in the RFC.',
    reconnect: 'Not applicable: no meaning is defined.',
  },
  '3000': {
    meaning:
      'Registered with IANA as “Unauthorized”, with no specification behind the name. Read it like HTTP 401: the peer is not (or no longer) authenticated.',
    whenYouSeeIt: 'The server rejected missing, invalid or expired credentials after the upgrade.',
    howToFix:
      'A good choice when a browser client has to learn why it was closed, since browsers can send and see it. For a peer that is authenticated but not allowed, use 3003.',
    typicalUse: 'Authentication failures after the upgrade.',
    reconnect: 'Do not reconnect with the same credentials; obtain new ones first.',
  },
  '3001-3002': UNREGISTERED_3XXX,
  '3003': {
    meaning:
      'Registered with IANA as “Forbidden”, with no specification behind the name. Read it like HTTP 403: the peer is known but not allowed.',
    whenYouSeeIt: 'The server denied access to a resource or room, or banned the user.',
    howToFix: 'Use 3000 instead when the peer is not authenticated at all. Browser sockets may send it.',
    typicalUse: 'Authorization failures and bans.',
    reconnect: 'Do not reconnect until the permissions change.',
  },
  '3004-3007': UNREGISTERED_3XXX,
  '3008': {
    meaning: 'Registered with IANA as “Timeout”, with no specification behind the name: something took too long, or the connection sat idle.',
    whenYouSeeIt: 'An idle, heartbeat or initialization timeout expired.',
    howToFix:
      'Works on server and browser sockets alike. For protocols with resumable sessions (Discord-style), use the code that protocol defines.',
    typicalUse: 'Idle and heartbeat timeouts.',
    reconnect: 'Reconnect with backoff when the connection is needed again.',
  },
  '3009-3999': UNREGISTERED_3XXX,
  '4000-4999': {
    meaning: 'Private use: the meaning is whatever the two applications agreed on. These codes cannot be registered.',
    whenYouSeeIt: 'The application protocol (graphql-ws, Discord, Twitch, or your own) reported a condition of its own.',
    howToFix:
      'Document every code you use and keep both ends in step; declare them in the wsclose configuration so hovers and checks know them.',
    typicalUse: 'Application protocols; many follow “4000 + HTTP status” (4401, 4403, 4429, 4500).',
    reconnect: 'Defined by the application protocol.',
  },
  '5000-65535': {
    meaning: 'Outside every range RFC 6455 defines; never a valid close code.',
    whenYouSeeIt:
      'A wrong constant, an HTTP status with a digit too many, or arithmetic gone wrong. Browsers clamp values above 65535 to 65535 and throw.',
    howToFix:
      'Use 1000–4999: a fitting 1xxx code on server sockets, 1000 or 3000–4999 on browser sockets. Unchecked servers send such values as they are (uWS wraps them to 16 bits).',
    typicalUse: 'None.',
    reconnect: 'Not applicable.',
  },
};
