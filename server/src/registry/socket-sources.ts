// Where sockets come from in code that has no types: which modules export WebSocket
// constructors and servers, under which names. The socket-flow analysis (analysis/socket-flow)
// recognises a constructor or server by its name AND by the module (or global) it comes from.
import type { EvidenceKind, Platform, RuntimeId } from './types';

/** Client socket constructors by exported name, per module; `''` is the global scope, `=` is `module.exports`. */
export const SOCKET_CONSTRUCTORS: Readonly<Record<string, Readonly<Record<string, RuntimeId>>>> = {
  '': { WebSocket: 'whatwg' },
  ws: { WebSocket: 'ws', default: 'ws', '=': 'ws' },
  'isomorphic-ws': { WebSocket: 'isomorphic-ws', default: 'isomorphic-ws', '=': 'isomorphic-ws' },
  websocket: { w3cwebsocket: 'whatwg' },
  'reconnecting-websocket': { default: 'reconnecting-websocket', '=': 'reconnecting-websocket', ReconnectingWebSocket: 'reconnecting-websocket' },
  partysocket: { default: 'partysocket', PartySocket: 'partysocket', WebSocket: 'partysocket' },
};

/** Modules whose import says a file works with WebSockets (their constructors' and servers' modules). */
export const WEBSOCKET_MODULES: ReadonlySet<string> = new Set(Object.keys(SOCKET_CONSTRUCTORS).filter((module) => module !== ''));

/**
 * Client socket constructors by name alone, for code with no types and no traced import
 * (`new W3CWebSocket(url)`); `by-import` is decided by `WEBSOCKET_BY_IMPORT`.
 */
export const CONSTRUCTOR_NAME_RUNTIMES: Readonly<Record<string, RuntimeId | 'by-import'>> = {
  WebSocket: 'by-import',
  W3CWebSocket: 'whatwg',
  w3cwebsocket: 'whatwg',
  ReconnectingWebSocket: 'reconnecting-websocket',
  PartySocket: 'partysocket',
};

/** What an untyped `new WebSocket(…)` is, by the first of these modules the file imports; else the global one. */
export const WEBSOCKET_BY_IMPORT: ReadonlyArray<{ readonly module: string; readonly runtime: RuntimeId }> = [
  { module: 'isomorphic-ws', runtime: 'isomorphic-ws' },
  { module: 'ws', runtime: 'ws' },
];

/**
 * isomorphic-ws re-exports ws's declarations: a file importing it (and not ws itself) must also
 * satisfy browsers, so its `ws`-typed sockets are `isomorphic-ws`.
 */
export const ISOMORPHIC_REEXPORT = { module: 'isomorphic-ws', reexported: 'ws', from: 'ws', runtime: 'isomorphic-ws' } as const satisfies { module: string; reexported: string; from: RuntimeId; runtime: RuntimeId };

/**
 * Hono's WebSocket helper: `upgradeWebSocket((c) => ({ onOpen(evt, ws), onMessage(evt, ws),
 * onClose(evt, ws) }))` (the `WSEvents` of hono/ws, for every adapter). Its handlers take the event
 * first and the socket (a `WSContext`) second, so `onClose`'s first parameter is the close the peer sent.
 */
export const HONO_EVENTS = { factory: 'upgradeWebSocket', closeHandler: 'onClose', handlers: ['onOpen', 'onMessage', 'onClose', 'onError'], socketParameter: 1, runtime: 'hono' } as const;

/**
 * NestJS gateways on the ws adapter (`app.useWebSocketAdapter(new WsAdapter(app))` from
 * @nestjs/platform-ws): a `@WebSocketGateway()` class gets each client's ws socket as the first
 * parameter of `handleConnection`/`handleDisconnect` and as the `@ConnectedSocket()` parameter of its
 * message handlers. With the default socket.io adapter those are socket.io sockets, not WebSockets.
 */
export const NEST_GATEWAY = { decorator: 'WebSocketGateway', handlers: ['handleConnection', 'handleDisconnect'], socketDecorator: 'ConnectedSocket', adapterModule: '@nestjs/platform-ws', socketModule: 'ws', runtime: 'ws' } as const satisfies { decorator: string; handlers: readonly string[]; socketDecorator: string; adapterModule: string; socketModule: string; runtime: RuntimeId };

/**
 * Workers' sockets: both ends of a `WebSocketPair`, and the sockets a Durable Object gets back
 * from hibernation. A project that also loads the DOM lib (or whose @cloudflare/workers-types is
 * not installed) types them as the global (browser) WebSocket.
 */
export const WORKERS_SOCKETS = { pairClass: 'WebSocketPair', sources: ['pair', 'hibernation'], runtime: 'cloudflare', typedAs: 'whatwg' } as const satisfies { pairClass: string; sources: readonly EvidenceKind[]; runtime: RuntimeId; typedAs: RuntimeId };

/** The runtime of the browser's WebSocket type (lib.dom, Node's global): server code sometimes types its sockets with it (classify-receiver). */
export const BROWSER_SOCKET_RUNTIME: RuntimeId = 'whatwg';

/** Deno types the sockets of `Deno.upgradeWebSocket` as the global (browser) WebSocket, but they are server sockets. */
export const DENO_UPGRADED_SOCKET = { typedAs: 'whatwg', runtime: 'deno-server' } as const satisfies { typedAs: RuntimeId; runtime: RuntimeId };

/**
 * One event whose listener's first parameter is a socket, or — with `accept` — a request whose
 * `accept(…)` method returns the socket.
 */
export interface SocketEvent {
  readonly event: string;
  readonly accept?: string;
  /** What a socket from the listener rests on, for the finding's evidence. */
  readonly evidence: EvidenceKind;
}

/** What the instances of a server (or client) class give their listeners: one or more socket events. */
export interface SocketEmitter {
  readonly runtime: RuntimeId;
  readonly events: readonly SocketEvent[];
}

/** The module of ws: importing it means Node-style sockets (`on`, `terminate`, any close code a server sends). */
export const WS_MODULE = 'ws';

/** ws's server: `connection` listeners receive the socket (also the declared type's behaviour). */
export const WS_SERVER: SocketEmitter = { runtime: 'ws', events: [{ event: 'connection', evidence: 'connection-listener' }] };

/**
 * Classes whose instances hand sockets to their listeners, per module and export. WebSocket-Node
 * (`websocket` on npm): its server's `request` listeners accept a connection and its `connect`
 * listeners receive every accepted one (with `autoAcceptConnections` the only way to get it); its
 * client's `connect` listeners receive one.
 */
export const SOCKET_SERVERS: Readonly<Record<string, Readonly<Record<string, SocketEmitter>>>> = {
  ws: { WebSocketServer: WS_SERVER, Server: WS_SERVER },
  'isomorphic-ws': { WebSocketServer: WS_SERVER, Server: WS_SERVER },
  websocket: {
    server: {
      runtime: 'websocket-node',
      events: [
        { event: 'request', accept: 'accept', evidence: 'accepted-request' },
        { event: 'connect', evidence: 'server-connect' },
      ],
    },
    client: { runtime: 'websocket-node', events: [{ event: 'connect', evidence: 'client-connect' }] },
  },
};

/** ws's server classes by exported name (`WebSocketServer`, `Server`). */
export const WS_SERVER_CLASSES: ReadonlySet<string> = new Set(Object.keys(SOCKET_SERVERS[WS_MODULE]!));

/**
 * Plugins that add WebSocket routes to HTTP frameworks, whose route handlers get the socket as
 * their first parameter: express-ws's `app.ws(path, …middleware, (ws, req) => …)` (`method`), and
 * @fastify/websocket's routes declared with `{ websocket: true }` or a `wsHandler` (`option`; its
 * versions before 8 passed a connection stream whose `.socket` is the socket). `methods`: the
 * calls that declare such routes with a handler given by name (`fastify.get(path, { websocket:
 * true }, wsHandler)`, `fastify.route({ …, wsHandler })`).
 */
export const ROUTE_PLUGINS: ReadonlyArray<{ readonly module: string; readonly runtime: RuntimeId } & ({ readonly method: string } | { readonly option: string; readonly handler: string; readonly methods: readonly string[] })> = [
  { module: 'express-ws', runtime: 'ws', method: 'ws' },
  { module: '@fastify/websocket', runtime: 'ws', option: 'websocket', handler: 'wsHandler', methods: ['get', 'all', 'route'] },
  { module: 'fastify-websocket', runtime: 'ws', option: 'websocket', handler: 'wsHandler', methods: ['get', 'all', 'route'] },
];

/**
 * Module prefixes of Socket.IO and engine.io: their sockets also have message listeners, send() and
 * close(), but are not WebSockets, so usage alone says nothing in a file that imports them.
 */
export const LOOKALIKE_SOCKET_MODULE_PREFIXES: readonly string[] = ['socket.io', 'engine.io'];

/** The module of uWebSockets.js, whose `app.ws(pattern, handlers)` handlers receive sockets. */
export const UWS_MODULE = 'uWebSockets.js';

/**
 * The handlers of a Bun `websocket` object and of uWebSockets.js `app.ws(pattern, handlers)` that
 * get the socket first. uWS's `upgrade(res, req, context)` gets the HTTP response instead: its
 * `res.end('Server overloaded')` answers the request and is no close.
 */
export const SERVER_SOCKET_HANDLERS: ReadonlySet<string> = new Set(['open', 'message', 'close', 'drain', 'ping', 'pong', 'subscription', 'dropped']);

/**
 * Socket methods that return the value the socket's type is parameterised with: uWS's
 * `WebSocket<UserData>.getUserData()`. When the package is not installed, the type written on the
 * socket (`ws: WebSocket<YRedisUser>`) still says what the call returns.
 */
export const USER_DATA_METHODS: ReadonlyArray<{ readonly module: string; readonly typeName: string; readonly method: string; readonly typeArgument: number }> = [
  { module: UWS_MODULE, typeName: 'WebSocket', method: 'getUserData', typeArgument: 0 },
];

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

/**
 * The type packages whose presence in a program says which platform it runs on (their globals
 * replace the DOM's); the first match wins, no match is Node.
 */
export const PLATFORM_TYPE_PACKAGES: ReadonlyArray<{ readonly platform: Platform; readonly packages: readonly string[] }> = [
  { platform: 'cloudflare', packages: ['@cloudflare/workers-types'] },
  { platform: 'bun', packages: ['bun-types', '@types/bun'] },
];

/**
 * Runtimes whose own type package redeclares the global `WebSocket` (Workers' types): when
 * @types/node or the DOM lib merges into the same global symbol, that package says which runtime
 * the code runs on.
 */
export const GLOBAL_REDECLARING_RUNTIMES: ReadonlySet<RuntimeId> = new Set(['cloudflare']);

/**
 * Global namespaces a platform's type package declares, by the package that declares them: a type
 * written as `Bun.ServerWebSocket<T>` in a project whose bun-types are not installed still names
 * that package's type (RECEIVER_SPECIFIERS says which runtime it is).
 */
export const TYPE_PACKAGE_NAMESPACES: Readonly<Record<string, string>> = { Bun: 'bun-types' };

/**
 * Modules only a platform has: a package's declaration file that imports one (partyserver's
 * `import { DurableObject } from "cloudflare:workers"`) is written for that platform, so the
 * global `WebSocket` its types name (`type Connection = WebSocket & {…}`) is that platform's,
 * even where the DOM lib's declaration is the one the checker resolves.
 */
export const PLATFORM_ONLY_MODULES: Readonly<Record<string, Platform>> = { 'cloudflare:workers': 'cloudflare' };

/** Durable Object methods that Workers' hibernation API calls with the socket as first argument. */
export const DURABLE_OBJECT_SOCKET_HANDLERS: ReadonlySet<string> = new Set(['webSocketMessage', 'webSocketClose', 'webSocketError']);

/**
 * Declaration files that tools generate into a project with a platform's own types, by file name,
 * and the package whose types they are: `wrangler types` writes Workers' runtime types there.
 */
export const GENERATED_PLATFORM_TYPES: Readonly<Record<string, string>> = {
  'worker-configuration.d.ts': '@cloudflare/workers-types',
};

/**
 * Close codes a library names as static constants its declarations type only as `number`:
 * WebSocket-Node's `connection.CLOSE_REASON_NORMAL` (lib/WebSocketConnection.js). Keyed by the
 * package and the declaring class.
 */
export const LIBRARY_CODE_CONSTANTS: ReadonlyArray<{ readonly package: string; readonly owner: string; readonly codes: Readonly<Record<string, number>> }> = [
  {
    package: 'websocket',
    owner: 'connection',
    codes: {
      CLOSE_REASON_NORMAL: 1000,
      CLOSE_REASON_GOING_AWAY: 1001,
      CLOSE_REASON_PROTOCOL_ERROR: 1002,
      CLOSE_REASON_UNPROCESSABLE_INPUT: 1003,
      CLOSE_REASON_RESERVED: 1004,
      CLOSE_REASON_NOT_PROVIDED: 1005,
      CLOSE_REASON_ABNORMAL: 1006,
      CLOSE_REASON_INVALID_DATA: 1007,
      CLOSE_REASON_POLICY_VIOLATION: 1008,
      CLOSE_REASON_MESSAGE_TOO_BIG: 1009,
      CLOSE_REASON_EXTENSION_REQUIRED: 1010,
      CLOSE_REASON_INTERNAL_SERVER_ERROR: 1011,
      CLOSE_REASON_TLS_HANDSHAKE_FAILED: 1015,
    },
  },
];
