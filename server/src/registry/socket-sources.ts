// Where sockets come from in code that has no types: which modules export WebSocket
// constructors and servers, under which names. The socket-flow analysis (analysis/socket-flow)
// recognises a constructor or server by its name AND by the module (or global) it comes from.
import type { Platform, RuntimeId } from './types';

/** Client socket constructors by exported name, per module; `''` is the global scope, `=` is `module.exports`. */
export const SOCKET_CONSTRUCTORS: Readonly<Record<string, Readonly<Record<string, RuntimeId>>>> = {
  '': { WebSocket: 'whatwg' },
  ws: { WebSocket: 'ws', default: 'ws', '=': 'ws' },
  'isomorphic-ws': { WebSocket: 'isomorphic-ws', default: 'isomorphic-ws', '=': 'isomorphic-ws' },
  websocket: { w3cwebsocket: 'whatwg' },
  'reconnecting-websocket': { default: 'reconnecting-websocket', '=': 'reconnecting-websocket', ReconnectingWebSocket: 'reconnecting-websocket' },
  partysocket: { default: 'partysocket', PartySocket: 'partysocket', WebSocket: 'partysocket' },
};

/** Server classes whose `connection` listeners receive sockets, per module, with the sockets' runtime. */
export const SOCKET_SERVERS: Readonly<Record<string, { readonly exports: readonly string[]; readonly runtime: RuntimeId }>> = {
  ws: { exports: ['WebSocketServer', 'Server'], runtime: 'ws' },
  'isomorphic-ws': { exports: ['WebSocketServer', 'Server'], runtime: 'ws' },
};

/** The module of uWebSockets.js, whose `app.ws(pattern, handlers)` handlers receive sockets. */
export const UWS_MODULE = 'uWebSockets.js';

/** Globals through which code reaches the platform's WebSocket constructor (`window.WebSocket`). */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['window', 'globalThis', 'self', 'global']);

/**
 * The runtime of the platform's global WebSocket, by the platform a project runs on: a Workers
 * project's global WebSocket is the Workers one (it may send codes a browser may not).
 */
export const GLOBAL_SOCKET_RUNTIME: Readonly<Record<Platform, RuntimeId>> = {
  browser: 'whatwg',
  node: 'whatwg',
  deno: 'whatwg',
  bun: 'whatwg',
  cloudflare: 'cloudflare',
};

/**
 * How a project says which platform it runs on: a config file next to its package.json, or a
 * dependency. The first match wins (a Workers project may also list Node's types).
 */
export const PLATFORM_MARKERS: ReadonlyArray<{ readonly platform: Platform; readonly files: readonly string[]; readonly packages: readonly string[] }> = [
  { platform: 'cloudflare', files: ['wrangler.toml', 'wrangler.json', 'wrangler.jsonc'], packages: ['wrangler', '@cloudflare/workers-types'] },
  { platform: 'deno', files: ['deno.json', 'deno.jsonc'], packages: [] },
  { platform: 'bun', files: ['bunfig.toml'], packages: ['bun-types', '@types/bun'] },
];

/** Durable Object methods that Workers' hibernation API calls with the socket as first argument. */
export const DURABLE_OBJECT_SOCKET_HANDLERS: ReadonlySet<string> = new Set(['webSocketMessage', 'webSocketClose', 'webSocketError']);

/**
 * Declaration files that tools generate into a project with a platform's own types, by file name,
 * and the package whose types they are: `wrangler types` writes Workers' runtime types there.
 */
export const GENERATED_PLATFORM_TYPES: Readonly<Record<string, string>> = {
  'worker-configuration.d.ts': '@cloudflare/workers-types',
};
