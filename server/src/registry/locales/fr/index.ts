// Le catalogue complet du registre en français, écrit pour des développeurs francophones.
import type { RegistryCatalog } from '../catalog';
import { apps } from './apps';
import { codes } from './codes';
import { runtimes } from './runtimes';

export const fr: RegistryCatalog = {
  codes,
  runtimes,
  apps,
  rangeClasses: {
    unused: 'inutilisé (0–999)',
    protocol: 'code du protocole (RFC 6455 / IANA)',
    'local-only': 'code local, jamais transmis',
    reserved: 'réservé, sans signification',
    'unassigned-protocol': 'non attribué, réservé aux futures RFC (1016–2999)',
    registered: 'plage IANA « premier arrivé, premier servi » (3000–3999)',
    private: 'usage privé (4000–4999)',
    invalid: 'invalide (5000 et au-delà)',
  },
  sendable: {
    yes: 'peut être envoyé',
    no: 'ne doit jamais être envoyé',
    'client-only': 'ne peut être envoyé que par un client',
  },
  evidence: {
    hibernation: "l'API d'hibernation d'un Durable Object",
    'route-handler': 'une route WebSocket de {name}',
    'accepted-request': '`request.accept(…)` d’un serveur WebSocket-Node',
    'server-connect': "l’écouteur 'connect' d’un serveur WebSocket-Node",
    'client-connect': "l’écouteur 'connect' d’un client WebSocket-Node",
    'server-handler': 'un gestionnaire WebSocket de Bun ou uWebSockets.js',
    upgrade: '`Deno.upgradeWebSocket(…)`',
    pair: '`new WebSocketPair()`',
    'server-clients': 'les `clients` d’un serveur ws',
    'declared-type': 'une valeur déclarée comme WebSocket',
    constructor: '`new {name}(…)`',
    'connection-listener': "l’écouteur 'connection' d’un serveur ws",
    'ready-state': 'son `readyState` comparé à `{name}`',
    'socket-usage': 'son usage de WebSocket (écouteur de messages et send/readyState)',
  },
  evidenceDetail: {
    at: '{source} en {location}',
    via: '{source}, rangé dans `{via}`',
    sameFile: 'ligne {line}',
    stepMessage: 'Le socket est rangé dans `{label}` ici.',
    sourceMessage: 'Le socket vient de {source} ici.',
  },
  reconnect: {
    yes: 'se reconnecter',
    backoff: 'se reconnecter avec un délai croissant',
    no: 'ne pas se reconnecter automatiquement',
    'not-applicable': 'sans objet',
  },
};
