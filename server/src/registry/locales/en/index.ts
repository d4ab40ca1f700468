// The complete English registry catalog.
import type { RegistryCatalog } from '../catalog';
import { apps } from './apps';
import { codes } from './codes';
import { runtimes } from './runtimes';

export const en: RegistryCatalog = {
  codes,
  runtimes,
  apps,
  rangeClasses: {
    unused: 'unused (0–999)',
    protocol: 'protocol code (RFC 6455 / IANA)',
    'local-only': 'local placeholder, never sent',
    reserved: 'reserved, no meaning',
    'unassigned-protocol': 'unassigned, held for future RFCs (1016–2999)',
    registered: 'IANA first-come-first-served range (3000–3999)',
    private: 'private use (4000–4999)',
    invalid: 'invalid (5000 and above)',
  },
  sendable: {
    yes: 'may be sent',
    no: 'must not be sent',
    'client-only': 'may be sent by clients only',
  },
  evidence: {
    hibernation: "a Durable Object's hibernation API",
    'route-handler': 'a WebSocket route of {name}',
    'accepted-request': '`request.accept(…)` of a WebSocket-Node server',
    'server-connect': "a 'connect' listener of a WebSocket-Node server",
    'client-connect': "a 'connect' listener of a WebSocket-Node client",
    'server-handler': 'a Bun or uWebSockets.js WebSocket handler',
    upgrade: '`Deno.upgradeWebSocket(…)`',
    pair: '`new WebSocketPair()`',
    'server-clients': "a ws server's `clients`",
    'declared-type': 'a value declared as a WebSocket',
    constructor: '`new {name}(…)`',
    'connection-listener': "a 'connection' listener of a ws server",
    'ready-state': 'its `readyState` compared with `{name}`',
    'socket-usage': 'WebSocket-style usage (message listener and send/readyState)',
  },
  evidenceDetail: {
    at: '{source} at {location}',
    via: '{source}, stored in `{via}`',
    sameFile: 'line {line}',
    stepMessage: 'The socket is stored in `{label}` here.',
    sourceMessage: 'The socket comes from {source} here.',
  },
  reconnect: {
    yes: 'reconnect',
    backoff: 'reconnect with backoff',
    no: 'do not reconnect automatically',
    'not-applicable': 'not applicable',
  },
};
