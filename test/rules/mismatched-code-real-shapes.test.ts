// mismatched-code on shapes taken from real servers (reduced by hand): reasons built with
// templates, rejections the reason words as "rejected", a fixed code behind two levels of
// wrappers, module objects made with Object.create, calls through the project's interfaces, closers (functions with a
// code of their own) called on a failure path, and a Bun socket type written while bun-types
// are not installed.
import { lines, ruleTester } from '../harness/rule-tester';

const BUN_GAME = [
  'export class Player {',
  '  socket?: Bun.ServerWebSocket<{ ip: string }>;',
  '  constructor(readonly game: Game) {}',
  '  disconnect(reason?: string): void { this.game.removePlayer(this, reason); }',
  '}',
  'export class Game {',
  '  removePlayer(player: Player, reason?: string): void {',
  '    try {',
  '      if (reason) player.socket?.close(1000, reason);',
  '      else player.socket?.close();',
  '    } catch {}',
  '  }',
];

const SERVER_CONNECTION = [
  'function ServerConnection() { this.socket = null; }',
  "ServerConnection.prototype.close = function () { this.socket && this.socket.close(1000, 'Close requested by client'); };",
  'ServerConnection.prototype.error = function (e) { if (this.onerror) this.onerror(e); this.close(); };',
  'ServerConnection.prototype.connect = function (url) {',
  '  const sc = this;',
  '  sc.socket = new WebSocket(url);',
  '  this.pingHandler = setInterval(() => {',
  "    if (!sc.lastServerMessage) sc.error(new Error('Timeout'));",
  '  }, 10000);',
  '};',
];

ruleTester('mismatched-code', {
  valid: [
    {
      name: 'an abstract method with implementations that are not all wrappers of one kind of socket: which one runs is unknown',
      code: lines(
        "import { WebSocketServer, type WebSocket } from 'ws';",
        'abstract class Peer { abstract close(code?: number, reason?: string): void; }',
        'class WsPeer extends Peer {',
        '  constructor(private readonly socket: WebSocket) { super(); }',
        '  close(code?: number, reason?: string): void { this.socket.close(code, reason); }',
        '}',
        'class SsePeer extends Peer {',
        '  constructor(private readonly stream: { close(code?: number, reason?: string): void }) { super(); }',
        '  close(code?: number, reason?: string): void { this.stream.close(code, reason); }',
        '}',
        'function reject(peer: Peer) { peer.close(1000, \'Unauthorized\'); }',
        "new WebSocketServer({ port: 1 }).on('connection', (ws) => reject(new WsPeer(ws)));",
        'export { SsePeer };',
      ),
    },
    {
      name: 'a closer (no code from its callers) called where the user leaves',
      env: 'js',
      code: lines(...SERVER_CONNECTION.slice(0, 3), "ServerConnection.prototype.connect = function (url) { this.socket = new WebSocket(url); };", 'const connection = new ServerConnection();', "connection.connect('wss://example.test');", "document.getElementById('leave').onclick = () => connection.close();"),
    },
    {
      name: 'a template reason whose written words name no rejection',
      env: 'uninstalled',
      code: lines(...BUN_GAME, '  end(player: Player, round: number) { player.disconnect(`Game ended after round ${round}`); }', '}'),
    },
    {
      name: 'a normal end told through two wrappers',
      env: 'uninstalled',
      code: lines(...BUN_GAME, "  leave(player: Player) { player.disconnect('Bye'); }", '}'),
    },
  ],
  invalid: [
    {
      name: "a function that closes only when its own send fails is not a closer: only its own catch is reported, not the catch that calls it",
      env: 'node',
      code: lines(
        "import { WebSocketServer, type WebSocket } from 'ws';",
        'const wss = new WebSocketServer({ port: 8080 });',
        'function cleanup(ws: WebSocket) { ws.close(1000); }',
        'function safeSend(ws: WebSocket, data: string) { try { ws.send(data); } catch { cleanup(ws); } }',
        "wss.on('connection', (ws) => { try { JSON.parse('{'); } catch (e) { safeSend(ws, String(e)); } });",
      ),
      errors: [{ messageId: 'failureWithNormal', line: 4, column: 81 }],
    },
    {
      name: 'a closer whose own reason contradicts its code is reported once, inside; one whose reason fits is judged at each call',
      env: 'node',
      code: lines(
        "import { WebSocketServer, type WebSocket } from 'ws';",
        'const wss = new WebSocketServer({ port: 8080 });',
        'declare const limiter: { allow(ip: string): boolean };',
        "function kick(ws: WebSocket) { ws.close(1000, 'Kicked'); }",
        "function terminate(ws: WebSocket) { ws.close(1009, 'Message Too Big'); }",
        "wss.on('connection', (ws, req) => {",
        "  if (!limiter.allow(req.socket.remoteAddress ?? '')) return terminate(ws);",
        "  ws.on('message', (data) => { if (String(data) === 'kick') kick(ws); });",
        '});',
      ),
      errors: [
        { messageId: 'rejectWithNormal', line: 4, column: 41 },
        { messageId: 'rejectWithCode', line: 7, column: 62 },
      ],
    },
    {
      name: "a closer's fixed 1000 reached from a heartbeat timer, through another closer: reported at the timer's call",
      env: 'js',
      code: lines(...SERVER_CONNECTION),
      errors: [{ messageId: 'failureWithNormal', line: 8, column: 35, confidence: 'inferred' }],
    },
    {
      name: "a call through the project's interface reaches the object literal implementing it; the socket is typed on the hook's interface",
      env: 'uninstalled',
      code: lines(
        "import type { WSContext } from 'hono/ws';",
        'interface ConnDriver { disconnect(conn: string, reason?: string): Promise<void>; }',
        'interface SocketHooks { onOpen(ws: WSContext): void; }',
        'const sockets = new Map<string, WSContext>();',
        'export function hooks(id: string): SocketHooks { return { onOpen: (ws) => { sockets.set(id, ws); } }; }',
        'export function wsDriver(): ConnDriver {',
        '  return { disconnect: async (conn, reason) => { sockets.get(conn)?.close(1000, reason); } };',
        '}',
        'export class Conn {',
        '  constructor(private driver: ConnDriver, private id: string) {}',
        '  async disconnect(reason?: string) { await this.driver.disconnect(this.id, reason); }',
        '}',
        'export function connect(conn: Conn, onConnect: () => void) {',
        "  try { onConnect(); } catch { void conn.disconnect('onConnect failed'); }",
        '}',
      ),
      errors: [{ messageId: 'failureWithNormal', line: 14, column: 42, confidence: 'inferred' }],
    },
    {
      name: "a wrapper's code chosen by its reason (`reason ? 3000 : 1000`), reached through an abstract method and a broadcasting wrapper",
      code: lines(
        "import { WebSocketServer, type WebSocket } from 'ws';",
        'abstract class ClientSocket { abstract close(reason?: string): void; }',
        'class WsSocket extends ClientSocket {',
        '  constructor(private readonly socket: WebSocket) { super(); }',
        '  close(reason?: string): void { this.socket.close(reason ? 3000 : 1000, reason); }',
        '}',
        'function broadcast(clients: ClientSocket[], reason: string) { for (const c of clients) c.close(reason); }',
        'const all: ClientSocket[] = [];',
        'new WebSocketServer({ port: 1 }).on(\'connection\', (ws) => {',
        '  const s = new WsSocket(ws);',
        "  if (all.length > 10) s.close('rate_limited');",
        "  else if (all.length > 5) s.close('');",
        '  else all.push(s);',
        '});',
        "process.on('SIGTERM', () => broadcast(all, 'server_restart'));",
      ),
      errors: [
        { messageId: 'contradictsReason', line: 11, column: 26, data: { code: 3000, situation: 'rate limiting' } },
        { messageId: 'contradictsReason', line: 15, column: 29, data: { code: 3000, situation: 'a restart' } },
      ],
    },
    {
      name: 'a module object made by a factory with Object.create: its methods are wrappers of the close inside them',
      env: 'js',
      code: lines(
        "const WebSocket = require('ws');",
        'const wss = new WebSocket.Server({ port: 8080 });',
        'const ClientApi = {',
        '  removeClient(client, message) { this.close(client, message); },',
        '  close(client, message) { client.close(1000, message); },',
        '};',
        'function create() { return Object.create(ClientApi); }',
        'const session = { clientApi: create() };',
        "wss.on('connection', (ws) => session.clientApi.removeClient(ws, 'This player is banned'));",
      ),
      errors: [{ messageId: 'rejectWithNormal', line: 9, column: 48, confidence: 'inferred' }],
    },
    {
      name: "a template reason: the words written around `${…}` say what the close is about",
      env: 'uninstalled',
      code: lines(
        'export function join(socket: Bun.ServerWebSocket<unknown>, version: number) {',
        '  if (version !== 3) socket.close(1000, `Invalid game version (expected 3, was ${version})`);',
        '}',
      ),
      errors: [{ messageId: 'rejectWithNormal', line: 2, column: 35, confidence: 'inferred' }],
    },
    {
      name: 'a fixed 1000 behind two wrappers, rejected by a plugin: reported where the reason is written',
      env: 'uninstalled',
      code: lines(
        ...BUN_GAME,
        '  activate(player: Player, rejectedBy?: object): void {',
        "    if (rejectedBy) player.disconnect(`Connection rejected by server plugin '${rejectedBy.constructor.name}'`);",
        '  }',
        '}',
      ),
      errors: [{ messageId: 'rejectWithNormal', line: 14, column: 28, confidence: 'inferred' }],
    },
    {
      name: 'a socket field of a project class, typed `Bun.ServerWebSocket` without bun-types, kicked with 1000',
      env: 'uninstalled',
      code: lines(
        'export class TeamPlayer { socket?: Bun.ServerWebSocket<unknown>; }',
        "export function kick(toRemove: TeamPlayer) { toRemove.socket?.close(1000, 'kicked'); }",
      ),
      errors: [{ messageId: 'rejectWithNormal', line: 2, column: 69, confidence: 'inferred' }],
    },
  ],
});
