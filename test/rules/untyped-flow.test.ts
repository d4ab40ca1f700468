// Rules on code without types, where the socket is followed through the program (dispatch tables: untyped-flow-tables.test.ts)
// (analysis/socket-flow), on wrappers checked at their calls, and on received codes forwarded
// from handlers the socket flow knows (Durable Objects' hibernation API).
import { lines, ruleTester } from '../harness/rule-tester';

const WS_SERVER_JS = ["const WebSocket = require('ws');", 'const wss = new WebSocket.Server({ port: 8080 });'];

const CHANNEL_BASE = [
  'class Channel {',
  '  constructor() { this.link = null; }',
  '  drop() { if (this.link) this.link.close(1006); }',
  '}',
];

ruleTester('reserved-code', {
  valid: [
    {
      name: 'a received code mapped away from 1005/1006 in a const before it is forwarded',
      env: 'dom',
      code: lines(
        "const upstream = new WebSocket('wss://a.example');",
        "const client = new WebSocket('wss://b.example');",
        "upstream.addEventListener('close', (event) => {",
        '  const code = event.code === 1005 || event.code === 1006 ? 1000 : event.code;',
        '  client.close(code, event.reason);',
        '});',
      ),
    },
    {
      name: 'a pass-through adapter: its callers choose the code',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        "wss.on('connection', (ws) => {",
        '  const adapter = { close: (code, reason) => ws.close(code, reason) };',
        "  adapter.close(4000, 'Done');",
        '});',
      ),
    },
    {
      name: 'a spread pass-through decides nothing',
      env: 'js',
      code: lines(...WS_SERVER_JS, "wss.on('connection', (ws) => {", '  const close = (...args) => ws.close(...args);', '  close(4000);', '});'),
    },
    {
      name: "a cast to a type of the project's own module that does not resolve is not a socket",
      env: 'uninstalled',
      code: lines("import type { WebSocket } from './transport';", 'export function drop(target: unknown) {', '  (target as WebSocket).close(1006);', '}'),
    },
    {
      name: 'a cast to a socket-like type of a package that is not a WebSocket module',
      env: 'uninstalled',
      code: lines("import type { Socket } from 'net';", 'export function drop(target: unknown) {', '  (target as Socket).close(1006);', '}'),
    },
    {
      name: "a `ws` method route in a project that does not use express-ws (here uWebSockets.js-style names only)",
      env: 'js',
      code: lines("const app = require('./app');", "app.ws('/echo', (stream) => {", '  stream.close(1006);', '});'),
    },
    {
      name: "@fastify/websocket's plain HTTP routes and an HTTP `handler` next to a `wsHandler` get no socket",
      env: 'js',
      code: lines(
        "const fastify = require('fastify')();",
        "fastify.register(require('@fastify/websocket'));",
        "fastify.get('/file', { websocket: false }, (file) => file.close(1006));",
        "fastify.route({ method: 'GET', url: '/r', handler: (pool) => pool.close(1006), wsHandler: (socket) => socket.send('hi') });",
      ),
    },
    {
      name: "a WebSocket-Node server's `request` listener: the request is not the socket, only what accept() returns",
      env: 'js',
      code: lines(
        "const WebSocketServer = require('websocket').server;",
        'const wsServer = new WebSocketServer({});',
        "wsServer.on('request', (request) => {",
        '  request.reject(1006);',
        '});',
      ),
    },
    {
      name: 'a base class whose field only a subclass fills, with a stream',
      env: 'js',
      code: lines(
        "const fs = require('fs');",
        ...CHANNEL_BASE,
        "class FileChannel extends Channel { constructor(path) { super(); this.link = fs.createWriteStream(path); } }",
        "new FileChannel('/tmp/x').drop();",
      ),
    },
    {
      name: 'a stream stored under the same property name as a socket elsewhere',
      env: 'node',
      code: lines(
        "import * as fs from 'node:fs';",
        "const log = { socket: fs.createWriteStream('/tmp/log') };",
        'log.socket.close();',
      ),
    },
  ],
  invalid: [
    {
      name: "a base class's method closes the socket a subclass stored in the field it declares",
      env: 'js',
      code: lines(
        "const WebSocket = require('ws');",
        ...CHANNEL_BASE,
        'class Outgoing extends Channel { constructor(url) { super(); this.link = new WebSocket(url); } }',
        "new Outgoing('ws://peer.example').drop();",
      ),
      errors: [{ messageId: 'reserved', line: 4, column: 43 }],
    },
    {
      name: "a cast to ws's WebSocket type where ws is not installed",
      env: 'uninstalled',
      code: lines("import type { WebSocket } from 'ws';", 'export function drop(target: unknown) {', '  (target as WebSocket).close(1006);', '}'),
      errors: [{ messageId: 'reserved', line: 3, column: 31, confidence: 'inferred' }],
    },
    {
      name: "a parameter annotated with ws's default export where ws is not installed",
      env: 'uninstalled',
      code: lines("import WebSocket from 'ws';", 'export function drop(target: WebSocket) {', '  target.close(1006);', '}'),
      errors: [{ messageId: 'reserved', line: 3, column: 16, confidence: 'inferred' }],
    },
    {
      name: 'a function with a `this` parameter: callers pass the socket at the position after it (direct and `.call`)',
      env: 'node',
      code: lines(
        "import { WebSocketServer } from 'ws';",
        'const wss = new WebSocketServer({ port: 8080 });',
        'function drop(this: unknown, socket: any) { socket.close(1006); }',
        'function dropLater(this: unknown, socket: any) { socket.close(1015); }',
        "wss.on('connection', (ws) => { drop(ws); dropLater.call(null, ws); });",
      ),
      errors: [
        { messageId: 'reserved', line: 3, column: 58, confidence: 'inferred' },
        { messageId: 'reserved', line: 4, column: 63, confidence: 'inferred' },
      ],
    },
    {
      name: 'a wrapper that takes its options apart in its body (`const { code = 1000, reason } = options`), calling a wrapper that closes every socket in a loop',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'const sockets = new Set();',
        "wss.on('connection', (ws) => sockets.add(ws));",
        "const closeAll = (code = 1000, reason = 'done') => {",
        '  for (const ws of sockets) ws.close(code, reason);',
        '};',
        'const remove = async (id, options = {}) => {',
        "  const { code = 1000, reason = 'Session terminated' } = options;",
        '  closeAll(code, reason);',
        '};',
        "remove('a', { code: 1015 });",
        "remove('b', { reason: 'bye' });",
      ),
      errors: [{ messageId: 'reserved', line: 12, column: 21, confidence: 'inferred' }],
    },
    {
      name: "an express-ws route handler's socket (the plugin is set up in another statement)",
      env: 'js',
      code: lines("const express = require('express');", 'const app = express();', "require('express-ws')(app);", "app.ws('/echo', (ws, req) => {", "  if (!req.query.token) ws.close(1006, 'no token');", '});'),
      errors: [{ messageId: 'reservedWithReason', line: 5, column: 34, confidence: 'inferred' }],
    },
    {
      name: "@fastify/websocket routes (not installed): `{ websocket: true }`, a `wsHandler`, and the connection stream's `.socket` of versions before 8",
      env: 'uninstalled',
      code: lines(
        "import Fastify from 'fastify';",
        "import websocket from '@fastify/websocket';",
        'const fastify = Fastify();',
        'fastify.register(websocket);',
        "fastify.get('/chat', { websocket: true }, (socket) => socket.close(1005));",
        "fastify.get('/old', { websocket: true }, (connection) => connection.socket.close(1006));",
        "fastify.route({ method: 'GET', url: '/r', handler: (req, reply) => reply.send('hi'), wsHandler: (socket) => socket.close(1015) });",
      ),
      errors: [
        { messageId: 'reserved', line: 5, column: 68, confidence: 'inferred' },
        { messageId: 'reserved', line: 6, column: 82, confidence: 'inferred' },
        { messageId: 'reserved', line: 7, column: 122, confidence: 'inferred' },
      ],
    },
    {
      name: "WebSocket-Node (not installed): the connection a server's request listener accepts, and the one a client's connect listener gets",
      env: 'uninstalled',
      code: lines(
        "import { server as WebSocketServer } from 'websocket';",
        "const { client: WebSocketClient } = require('websocket');",
        'const wsServer = new WebSocketServer({ httpServer: undefined });',
        "wsServer.on('request', function (request) {",
        "  const connection = request.accept('echo-protocol', request.origin);",
        "  connection.on('message', () => connection.drop(1006));",
        '});',
        'const client = new WebSocketClient();',
        "client.on('connect', (conn) => conn.close(1005));",
      ),
      errors: [
        { messageId: 'reserved', line: 6, column: 50, confidence: 'inferred' },
        { messageId: 'reserved', line: 9, column: 43, confidence: 'inferred' },
      ],
    },
    {
      name: 'a guard that names only 1006 still forwards 1005',
      env: 'dom',
      code: lines(
        "const upstream = new WebSocket('wss://a.example');",
        "const client = new WebSocket('wss://b.example');",
        "upstream.addEventListener('close', (event) => {",
        '  if (event.code !== 1006) client.close(event.code, event.reason);',
        '});',
      ),
      errors: [{ messageId: 'forwarded', line: 4, column: 41 }],
    },
    {
      name: "a Durable Object's webSocketClose echoes the received code",
      env: 'js',
      code: lines(
        "import { DurableObject } from 'cloudflare:workers';",
        'export class Room extends DurableObject {',
        '  async webSocketClose(ws, code, reason) {',
        '    ws.close(code, reason);',
        '  }',
        '}',
      ),
      errors: [{ messageId: 'forwarded', line: 4, column: 14, confidence: 'inferred' }],
    },
    {
      name: 'a socket stored in a field by a bound listener, closed in another method',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'class Game {',
        "  constructor() { wss.on('connection', this.join.bind(this)); }",
        '  join(ws) { this.socket = ws; }',
        '  leave() { this.socket.close(1006); }',
        '}',
      ),
      errors: [{ messageId: 'reserved', line: 6, column: 31, confidence: 'inferred' }],
    },
    {
      name: "a wrapper's caller passes the reserved code: reported at the call",
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'class Client {',
        '  constructor(ws) { this.ws = ws; }',
        '  disconnect(code, reason) { this.ws.close(code, reason); }',
        '}',
        "wss.on('connection', (ws) => new Client(ws).disconnect(1005, 'Bye'));",
      ),
      errors: [{ messageId: 'reservedWithReason', line: 7, column: 56, confidence: 'inferred' }],
    },
    {
      name: "Hono's onClose(evt, ws) without hono installed: the event's code, forwarded to a socket typed `WebSocket | null`",
      env: 'uninstalled',
      code: lines(
        "import type { WebSocket } from 'ws';",
        'declare const upgradeWebSocket: any;',
        'declare function dial(): Promise<WebSocket>;',
        'export const route = upgradeWebSocket(async () => {',
        '  let upstream: WebSocket | null = null;',
        '  return {',
        '    onOpen: async () => { upstream = await dial(); },',
        '    onClose: (event: { code: number; reason: string }, _ws: unknown) => {',
        '      if (upstream) upstream.close(event.code, event.reason);',
        '    },',
        '  };',
        '});',
      ),
      errors: [{ messageId: 'forwarded', line: 9, column: 36, confidence: 'inferred' }],
    },
    {
      name: "the second parameter of a Hono handler (onMessage(evt, ws)) is the socket, hono or not",
      env: 'js-uninstalled',
      code: lines(
        "const { upgradeWebSocket } = require('hono/cloudflare-workers');",
        'export const route = upgradeWebSocket(() => ({',
        '  onMessage(evt, ws) { if (evt.data === "bye") ws.close(1006); },',
        '}));',
      ),
      errors: [{ messageId: 'reserved', line: 3, column: 57, confidence: 'inferred' }],
    },
    {
      name: "a WSContext of hono/ws without hono installed forwards a received code",
      env: 'uninstalled',
      code: lines(
        "import type { WSContext } from 'hono/ws';",
        'export function relay(target: any, client: WSContext) {',
        "  target.addEventListener('close', (event) => client.close(event.code, event.reason));",
        '}',
      ),
      errors: [{ messageId: 'forwarded', line: 3, column: 60, confidence: 'inferred' }],
    },
    {
      name: 'a queue field that may be undefined (`any[] | undefined` in JavaScript) says nothing about the sockets in a Map next to it',
      env: 'js',
      code: lines(
        'export class Room {',
        '  constructor() { this.sockets = new Map(); this.queue = undefined; }',
        '  start() { this.queue = []; }',
        '  accept() {',
        '    const [client, server] = Object.values(new WebSocketPair());',
        '    server.accept();',
        '    this.register(server);',
        '    this.queue.push({ ws: server });',
        '    return client;',
        '  }',
        '  register(ws) { this.sockets.set(ws.id, ws); }',
        '  drain() { const item = this.queue.shift(); this.register(item.ws); }',
        "  destroy() { for (const [, ws] of this.sockets) ws.close(1006, 'Server shutting down'); }",
        '}',
      ),
      errors: [{ messageId: 'reservedWithReason', line: 13, column: 59, confidence: 'inferred' }],
    },
    {
      name: "a wrapper's own fallback is reported where it is written (ws's types reach plain JavaScript here)",
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        "wss.on('connection', (ws) => {",
        '  const kick = (code, reason) => ws.close(code || 1006, reason);',
        "  kick(undefined, 'Idle');",
        '});',
      ),
      errors: [{ messageId: 'reservedWithReason', line: 4, column: 51 }],
    },
  ],
});

ruleTester('browser-code-range', {
  valid: [
    {
      name: "Deno's server sockets are typed as the global WebSocket but are server sockets",
      env: 'dom',
      code: lines(
        'declare const Deno: { upgradeWebSocket(req: Request): { socket: WebSocket; response: Response } };',
        'export function handle(req: Request): Response {',
        '  const { socket, response } = Deno.upgradeWebSocket(req);',
        "  socket.onmessage = () => socket.close(1002, 'Bad frame');",
        '  return response;',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'a socket on an object the code made itself, closed through a parameter',
      env: 'js',
      code: lines(
        'function connect(url) {',
        '  const conn = { socket: null };',
        '  conn.socket = new WebSocket(url);',
        '  return conn;',
        '}',
        'function leave(conn) {',
        '  conn.socket.close(1001);',
        '}',
        "leave(connect('wss://example.com'));",
      ),
      errors: [{ messageId: 'outsideBrowserRange', line: 7, column: 21, confidence: 'inferred' }],
    },
    {
      name: 'a constructor chosen at run time: the browser one must be satisfied',
      env: 'js',
      code: lines(
        "const Socket = typeof window !== 'undefined' ? window.WebSocket : require('ws');",
        "const ws = new Socket('wss://example.com');",
        'ws.close(1011);',
      ),
      errors: [{ messageId: 'outsideBrowserRange', line: 3, column: 10, confidence: 'inferred' }],
    },
  ],
});

ruleTester('reason-without-code', {
  valid: [
    {
      name: "undefined passed to a wrapper's parameter with a default is the default",
      env: 'dom',
      code: lines(
        'export class Client {',
        "  private ws = new WebSocket('wss://example.com');",
        '  private disconnect(code = 1000, reason?: string) {',
        '    this.ws.close(code, reason);',
        '  }',
        "  onTimeout() { this.disconnect(undefined, 'timeout'); }",
        '}',
      ),
    },
    {
      name: 'a code that may be absent with a reason that may be empty (a pass-through that normalises both)',
      env: 'dom',
      code: lines(
        'declare function normalize(code?: number): number | undefined;',
        "const upstream = new WebSocket('wss://a.example');",
        'export function forward(code?: number, reason = \'\') {',
        '  upstream.close(normalize(code), reason.slice(0, 123));',
        '}',
      ),
    },
  ],
  invalid: [],
});

/** A ws proxy (plain JavaScript) closing both legs through a wrapper of a wrapper, each a plain function. */
const proxyLegs = (listeners: string[]): string[] => [
  "const WebSocket = require('ws');",
  'function closeWebSocket(socket, code, reason) {',
  '  if (socket.readyState === WebSocket.OPEN) socket.close(code, reason);',
  '}',
  'function proxy(source, url) {',
  '  const target = new WebSocket(url);',
  '  function closeBoth(code, reason) {',
  '    closeWebSocket(source, code, reason);',
  '    closeWebSocket(target, code, reason);',
  '  }',
  ...listeners,
  '}',
  'module.exports = proxy;',
];

ruleTester('reason-too-long', {
  valid: [
    {
      name: "a function registered by name for 'message' whose parameter is named error: not an error's message",
      env: 'js',
      code: lines(...proxyLegs(['  function onData(error) {', '    closeBoth(4000, error.message);', '  }', "  target.on('message', onData);"])),
    },
    {
      name: 'getWebSockets() of a class that is not a Durable Object is not a socket source',
      env: 'js',
      code: lines(
        'export class Registry {',
        '  constructor(hub) {',
        '    hub.getWebSockets().forEach((socket) => {',
        '      watch((err) => socket.close(1011, err.stack));',
        '    });',
        '  }',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: "an error's message passed through a wrapper of a wrapper (plain functions), from a listener written in place and from one registered by name",
      env: 'js',
      code: lines(
        ...proxyLegs([
          "  target.on('error', (error) => closeBoth(1011, error.message));",
          '  function onSourceError(error) {',
          '    closeBoth(1011, error.message);',
          '  }',
          "  source.on('error', onSourceError);",
        ]),
      ),
      errors: [
        { messageId: 'unbounded', line: 11, column: 49, confidence: 'inferred' },
        { messageId: 'unbounded', line: 13, column: 21, confidence: 'inferred' },
      ],
    },
    {
      name: "the sockets a Durable Object's hibernation API kept (state.getWebSockets())",
      env: 'js',
      code: lines(
        'export class ChatRoom {',
        '  constructor(state) {',
        '    this.state = state;',
        '    this.state.getWebSockets().forEach((webSocket) => {',
        '      watch((err) => webSocket.close(1011, err.stack));',
        '    });',
        '  }',
        '  async webSocketMessage(webSocket, message) {}',
        '}',
      ),
      errors: [{ messageId: 'unbounded', line: 5, column: 44, confidence: 'inferred' }],
    },
  ],
});

ruleTester('unregistered-code', {
  valid: [
    {
      name: 'a variable that only sends over its whole scope (no message listener): nothing shows a WebSocket',
      env: 'js',
      code: lines(
        'function Worker(makePort) {',
        "  if (typeof WebSocket === 'undefined') throw new Error('This browser has no WebSocket');",
        '  var port = null;',
        '  function start() { port = makePort(); port.send({ ready: true }); }',
        "  function stop() { port.close(3505, 'Stopped'); }",
        '  return { start: start, stop: stop };',
        '}',
        'module.exports = Worker;',
      ),
    },
    {
      name: "readyState compared with another constructor's constants, or another object's readyState",
      env: 'js',
      code: lines(
        'function done(reader, conn, other) {',
        '  if (reader.readyState === FileReader.DONE) reader.close(3500);',
        '  if (conn.readyState === WebSocket.OPEN) other.close(3500);',
        '}',
      ),
    },
    {
      name: "a wrapper's parameter typed as the project's enum is not every member of it: callers choose",
      env: 'dom',
      code: lines(
        'enum ShardCloseCodes { Normal = 4000, Zombie = 3010 }',
        'export class Shard {',
        "  private ws = new WebSocket('wss://gateway.example');",
        '  disconnect(code?: ShardCloseCodes) { this.ws.close(code); }',
        '  stop() { this.disconnect(ShardCloseCodes.Normal); }',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: "a client object's variable set up in one inner function (message handler, send) and closed in another: its uses over the whole scope show a WebSocket",
      env: 'js',
      code: lines(
        'function Gateway(server, makeSocket) {',
        "  if (typeof WebSocket === 'undefined') throw new Error('This browser has no WebSocket');",
        '  var ws = null;',
        '  function connect() {',
        '    ws = makeSocket(server);',
        '    ws.onmessage = function (event) { handle(JSON.parse(event.data)); };',
        '  }',
        '  function send(data) { if (ws.readyState === 1) ws.send(data); }',
        '  function handle(json) {',
        "    if (json.code === 458) ws.close(3505, 'No such session');",
        '  }',
        '  return { connect: connect, send: send };',
        '}',
        'module.exports = Gateway;',
      ),
      errors: [{ messageId: 'unregistered', line: 10, column: 37, confidence: 'inferred' }],
    },
    {
      name: "a page's global socket of unknown origin whose readyState is compared with WebSocket.OPEN",
      env: 'js',
      code: lines(
        'const SCRIPT_CLOSED = 3500;',
        'function unload() {',
        '  const chat = window.socketChat;',
        "  if (chat && chat.readyState <= WebSocket.OPEN) chat.close(SCRIPT_CLOSED, 'unload');",
        '}',
        'window.onbeforeunload = unload;',
      ),
      errors: [{ messageId: 'unregistered', line: 4, column: 61, confidence: 'inferred' }],
    },
    {
      name: 'a wrapper that spreads its rest parameter into close(): the caller\'s code is checked at the call',
      env: 'dom',
      code: lines(
        'class BaseSocket {',
        "  private internal = new WebSocket('wss://gateway.example');",
        "  close(...args: Parameters<WebSocket['close']>) { return this.internal.close(...args); }",
        '}',
        "new BaseSocket().close(3010, 'Zombied connection');",
      ),
      errors: [{ messageId: 'unregistered', line: 5, column: 24 }],
    },
    {
      name: 'a chain of wrappers declared after their callers, through a spread and an enum default',
      env: 'dom',
      code: lines(
        'enum ShardCloseCodes { Shutdown = 4000, Reconnect = 3020, Timeout = 3050 }',
        'export class Shard {',
        '  socket?: BaseSocket;',
        "  timeout() { void this.reconnectWith(ShardCloseCodes.Timeout, 'Gateway connection timed out'); }",
        "  async reconnect(code = ShardCloseCodes.Reconnect) { return this.reconnectWith(code, 'Shard reconnect request'); }",
        '  private async reconnectWith(code: number, reason: string) { this.closeConnection(code, reason); }',
        '  private closeConnection(code: number, reason: string) { this.socket?.close(code, reason); }',
        '}',
        'class BaseSocket {',
        "  private internal = new WebSocket('wss://gateway.example');",
        "  close(...args: Parameters<WebSocket['close']>) { return this.internal.close(...args); }",
        '}',
      ),
      errors: [
        { messageId: 'unregistered', line: 4, column: 39 },
        { messageId: 'unregistered', line: 5, column: 26 },
      ],
    },
  ],
});
