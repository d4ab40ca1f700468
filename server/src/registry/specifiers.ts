// Which declared type makes a receiver which runtime. Each name below was checked against the
// declaration files installed in node_modules (versions in the comments); a type is matched by
// the symbol name plus the package whose files declare it (or a TypeScript default library).
//
// Receivers no declaration can identify are left to other evidence: Deno's server sockets are
// typed as the global WebSocket (Deno.upgradeWebSocket), and Hono's WSContext does not say which
// adapter backs it.
import type { ReceiverSpecifier } from './types';

export const RECEIVER_SPECIFIERS: readonly ReceiverSpecifier[] = [
  // typescript/lib/lib.dom.d.ts and lib.webworker.d.ts: `interface WebSocket` + `declare var WebSocket`.
  { from: 'lib', name: 'WebSocket', runtime: 'whatwg' },
  // Not in TypeScript 6.0's lib.dom.d.ts yet (WHATWG PR #48); listed for the libs that will add them.
  { from: 'lib', name: 'WebSocketStream', runtime: 'websocket-stream' },
  { from: 'lib', name: 'WebSocketError', runtime: 'websocket-error' },

  // @types/node 20.x web-globals/fetch.d.ts: global `interface WebSocket` (Node's undici client).
  { from: 'package', package: 'node', name: 'WebSocket', runtime: 'whatwg' },
  // undici-types websocket.d.ts: `interface WebSocket` in every version; `WebSocketStream` and
  // `WebSocketError` in 8.x (the copy bun-types pulls in), absent from the 6.x copy under @types/node.
  { from: 'package', package: 'undici-types', name: 'WebSocket', runtime: 'whatwg' },
  { from: 'package', package: 'undici-types', name: 'WebSocketStream', runtime: 'websocket-stream' },
  { from: 'package', package: 'undici-types', name: 'WebSocketError', runtime: 'websocket-error' },

  // @types/ws index.d.ts and index.d.mts: `declare class WebSocket`; the namespace's
  // `interface WebSocket` (named import) has the same name. WebSocketServer/Server are not sockets.
  { from: 'package', package: 'ws', name: 'WebSocket', runtime: 'ws' },
  // isomorphic-ws index.d.ts: `import WebSocket = require('ws'); export = WebSocket`. The alias is
  // declared here, so this matches only when the import alias is inspected before resolving it.
  { from: 'package', package: 'isomorphic-ws', name: 'WebSocket', runtime: 'isomorphic-ws' },

  // bun-types serve.d.ts: `interface ServerWebSocket<T>` in namespace Bun.
  { from: 'package', package: 'bun-types', name: 'ServerWebSocket', runtime: 'bun-server' },
  // bun-types globals.d.ts: global `interface WebSocket extends LibEmptyOrBunWebSocket` (and
  // `Bun.WebSocket` in bun.d.ts). Bun's client validation changes between releases (#32820 open
  // 1001–1014, #35031 proposes browser rules): browser rules are the portable choice.
  { from: 'package', package: 'bun-types', name: 'WebSocket', runtime: 'whatwg' },

  // @cloudflare/workers-types index.d.ts: `interface WebSocket` (with accept(), serializeAttachment()).
  { from: 'package', package: '@cloudflare/workers-types', name: 'WebSocket', runtime: 'cloudflare' },

  // @types/websocket index.d.ts: `class connection` (close/drop) and `class w3cwebsocket`.
  { from: 'package', package: 'websocket', name: 'connection', runtime: 'websocket-node' },
  { from: 'package', package: 'websocket', name: 'w3cwebsocket', runtime: 'whatwg' },

  // reconnecting-websocket 4.4.0 dist/reconnecting-websocket.d.ts: `export default class ReconnectingWebSocket`.
  { from: 'package', package: 'reconnecting-websocket', name: 'ReconnectingWebSocket', runtime: 'reconnecting-websocket' },

  // partysocket 1.3.0: `declare class ReconnectingWebSocket` in a bundled chunk (ws-*.d.ts, exported
  // as `WebSocket` from the root and as default from partysocket/ws) and `declare class PartySocket
  // extends ReconnectingWebSocket` in index.d.ts.
  { from: 'package', package: 'partysocket', name: 'ReconnectingWebSocket', runtime: 'partysocket' },
  { from: 'package', package: 'partysocket', name: 'PartySocket', runtime: 'partysocket' },

  // hono dist/types/helper/websocket/index.d.ts: `declare class WSContext<T>`.
  { from: 'package', package: 'hono', name: 'WSContext', runtime: 'hono' },

  // uWebSockets.js (GitHub only, not on npm) docs/index.d.ts: `interface WebSocket<UserData>`.
  { from: 'package', package: 'uWebSockets.js', name: 'WebSocket', runtime: 'uws' },
];
