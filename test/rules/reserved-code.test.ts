// reserved-code: 1004, 1005, 1006 and 1015 in close(), and received codes forwarded unchecked.
import { lines, ruleTester } from '../harness/rule-tester';

const WS_SERVER = [
  "import WebSocket, { WebSocketServer } from 'ws';",
  'const wss = new WebSocketServer({ port: 8080 });',
];

const WS_EFFECT =
  '`close()` throws `TypeError: First argument must be a valid error code number` and leaves the socket stuck in CLOSING: no Close frame goes out until `terminate()` is called or the peer closes';

ruleTester('reserved-code', {
  valid: [
    // Codes a ws server may send, and close() without a code.
    lines(
      ...WS_SERVER,
      "wss.on('connection', (ws) => {",
      '  ws.close();',
      '  ws.close(1000);',
      "  ws.close(1001, 'Server shutting down');",
      "  ws.close(1008, 'Invalid token');",
      '  ws.close(1011);',
      '  ws.close(1014);',
      "  ws.close(4000 + 8, 'Rate limited');",
      '});',
    ),
    // Private 4xxx codes of app protocols (graphql-ws, Discord) are never reserved.
    lines(
      "import { CloseCode } from 'graphql-ws';",
      "import type WebSocket from 'ws';",
      'declare const socket: WebSocket;',
      "socket.close(CloseCode.Forbidden, 'Forbidden');",
      "socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');",
      "socket.close(4004, 'Authentication failed');",
    ),
    // Enums and `as const` maps that hold only sendable codes.
    lines(
      "import type WebSocket from 'ws';",
      'enum Close { Normal = 1000, GoingAway = 1001, Policy = 1008 }',
      'const CODES = { RESTART: 1012, TIMEOUT: 3008 } as const;',
      'declare const ws: WebSocket;',
      'ws.close(Close.Policy);',
      'ws.close(CODES.RESTART);',
      'ws.close(CODES.TIMEOUT);',
    ),
    // Look-alikes with a close() method are not WebSockets.
    lines(
      "import * as fs from 'node:fs';",
      "import * as http from 'node:http';",
      "import * as readline from 'node:readline';",
      "import { MessageChannel, BroadcastChannel } from 'node:worker_threads';",
      "import { WebSocketServer } from 'ws';",
      "import { Pool } from 'pg';",
      'const wss = new WebSocketServer({ port: 8080 });',
      'wss.close();',
      'http.createServer().close();',
      "fs.createWriteStream('out.log').close();",
      'readline.createInterface({ input: process.stdin }).close();',
      'new MessageChannel().port1.close();',
      "new BroadcastChannel('jobs').close();",
      'void new Pool().end();',
      'class Session { close(code: number) { return code; } }',
      'new Session().close(1006);',
    ),
    {
      name: 'browser look-alikes: EventSource, BroadcastChannel, MessagePort, a test double',
      env: 'dom',
      code: lines(
        "new EventSource('/events').close();",
        "new BroadcastChannel('tabs').close();",
        'new MessageChannel().port2.close();',
        'class FakeSocket { close(code?: number, reason?: string) { void code; void reason; } }',
        "new FakeSocket().close(1006, 'Connection lost');",
      ),
    },
    {
      name: 'untyped mock socket in JavaScript',
      env: 'js',
      code: lines(
        'class FakeSocket { close(code, reason) { this.closed = [code, reason]; } }',
        'const mock = new FakeSocket();',
        "mock.close(1006, 'Connection lost');",
      ),
    },
    // Received codes that are checked before they are forwarded.
    lines(
      ...WS_SERVER,
      "wss.on('connection', (client) => {",
      "  const upstream = new WebSocket('wss://backend.internal');",
      "  upstream.on('close', (code, reason) => {",
      '    if (code === 1005 || code === 1006) client.close();',
      '    else client.close(code, reason);',
      '  });',
      '});',
    ),
    lines(
      ...WS_SERVER,
      'declare function isValidCloseCode(code: number): boolean;',
      "wss.on('connection', (client) => {",
      "  const upstream = new WebSocket('wss://backend.internal');",
      "  upstream.on('close', (code, reason) => client.close(isValidCloseCode(code) ? code : 1000, reason));",
      '});',
    ),
    lines(
      ...WS_SERVER,
      "wss.on('connection', (client) => {",
      "  const upstream = new WebSocket('wss://backend.internal');",
      "  upstream.on('close', (code, reason) => {",
      '    if (code === 1005 || code === 1006) return client.terminate();',
      '    client.close(code, reason);',
      '  });',
      '});',
    ),
    lines(
      ...WS_SERVER,
      "wss.on('connection', (client) => {",
      "  const upstream = new WebSocket('wss://backend.internal');",
      "  upstream.on('close', (code) => client.close(code !== 1005 && code !== 1006 ? code : 1011));",
      "  upstream.on('close', (code) => {",
      '    switch (code) {',
      '      case 1005:',
      '      case 1006:',
      '        client.close();',
      '        break;',
      '      default:',
      '        client.close(code);',
      '    }',
      '  });',
      '});',
    ),
    {
      name: 'a destructured { code } checked before forwarding',
      env: 'dom',
      code: lines(
        'declare const mirror: WebSocket;',
        "const ws = new WebSocket('wss://example.com/feed');",
        "ws.addEventListener('close', ({ code, reason }) => {",
        '  if (code === 1005 || code === 1006) mirror.close();',
        '  else mirror.close(code, reason);',
        '});',
      ),
    },
    {
      name: "a destructured `code` of something that is not a socket's close event",
      env: 'dom',
      code: lines('declare const mirror: WebSocket;', "declare const job: { on(event: 'close', listener: (result: { code: number }) => void): void };", "job.on('close', ({ code }) => mirror.close(code));"),
    },
    {
      name: 'DOM close event checked before forwarding',
      env: 'dom',
      code: lines(
        'declare const mirror: WebSocket;',
        "const ws = new WebSocket('wss://example.com/feed');",
        'ws.onclose = (event) => {',
        '  if (event.code === 1000 || (event.code >= 3000 && event.code <= 4999)) mirror.close(event.code, event.reason);',
        '  else mirror.close();',
        '};',
      ),
    },
    // A close handler's own parameters that are not codes.
    lines(
      "import type WebSocket from 'ws';",
      'declare const ws: WebSocket;',
      "ws.on('close', (code: number, reason: Buffer) => {",
      '  console.log(code, reason.toString());',
      '});',
    ),
    {
      name: 'pass-through adapters: a property or method named close receives codes from its callers',
      code: lines(
        "import type WebSocket from 'ws';",
        'declare const socket: WebSocket;',
        'export const transport = {',
        '  close: (code: number, reason: string) => socket.close(code, reason),',
        '};',
        'export const session = {',
        '  close(code?: number, reason?: string) { socket.close(code, reason); },',
        '};',
        'export class Connection {',
        '  constructor(private readonly ws: WebSocket) {}',
        '  close(code: number, reason: string) { this.ws.close(code, reason); }',
        '}',
      ),
    },
    {
      name: 'a close event of an emitter that is not a socket (a room, an http server)',
      code: lines(
        "import { EventEmitter } from 'node:events';",
        "import type WebSocket from 'ws';",
        'declare const ws: WebSocket;',
        'const room = new EventEmitter();',
        "room.on('close', (code: number, reason: string) => ws.close(code, reason));",
        'class Lobby { onclose?: (code: number) => void }',
        'const lobby = new Lobby();',
        'lobby.onclose = (code) => ws.close(code);',
      ),
    },
    {
      name: 'the project’s own type named CloseEvent is not a received close event',
      code: lines(
        "import type WebSocket from 'ws';",
        'class CloseEvent { constructor(readonly code: number, readonly reason: string) {} }',
        'interface AppClose { code: number; reason: string }',
        "export const Unauthorized = new CloseEvent(4401, 'Unauthorized');",
        "export const Kicked: AppClose = { code: 4000, reason: 'Kicked' };",
        'declare const ws: WebSocket;',
        'ws.close(Unauthorized.code, Unauthorized.reason);',
        'ws.close(Kicked.code, Kicked.reason);',
        'export function reject(event: CloseEvent) { ws.close(event.code, event.reason); }',
      ),
    },
    {
      name: 'untyped JavaScript adapters: a close property is not a close handler',
      env: 'js',
      code: lines(
        "const socket = new WebSocket('wss://example.com');",
        'export const transport = { close: (code, reason) => socket.close(code, reason) };',
        'export const session = { close(code, reason) { socket.close(code, reason); } };',
        'export const options = { websocket: { close(code, reason) { socket.close(code, reason); } } };',
      ),
    },
  ],
  invalid: [
    {
      name: "WebSocket-Node's constant for 1006 (typed only as number in its declarations)",
      code: lines(
        "import { connection } from 'websocket';",
        'export function drop(conn: connection): void { conn.close(connection.CLOSE_REASON_ABNORMAL); }',
      ),
      errors: [{ messageId: 'reserved', line: 2, column: 59 }],
    },
    {
      name: 'literal 1006 on a ws server, no reason: replace or drop the code',
      code: lines(...WS_SERVER, "wss.on('connection', (ws) => {", '  ws.close(1006);', '});'),
      errors: [
        {
          messageId: 'reserved',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 16,
          data: { code: 1006, name: 'Abnormal Closure', method: 'close', runtime: '`ws`', effect: WS_EFFECT, alternatives: '1000 or 1011' },
          confidence: 'typed',
          message: '1006 (Abnormal Closure) is reserved and never sent; use 1000 or 1011, or no code.',
          detail: 'The code is for local use and must never appear in a Close frame. On `ws`, ' + WS_EFFECT + '.',
          suggestions: [
            { messageId: 'replaceCode', output: lines(...WS_SERVER, "wss.on('connection', (ws) => {", '  ws.close(1000);', '});') },
            { messageId: 'replaceCode', output: lines(...WS_SERVER, "wss.on('connection', (ws) => {", '  ws.close(1011);', '});') },
            { messageId: 'removeCode', output: lines(...WS_SERVER, "wss.on('connection', (ws) => {", '  ws.close();', '});') },
          ],
        },
      ],
      output: null,
    },
    {
      name: '1005 with a reason: no "drop the code" suggestion (the reason would lose its code)',
      code: lines("import type WebSocket from 'ws';", 'declare const ws: WebSocket;', "ws.close(1005, 'bye');"),
      errors: [
        {
          messageId: 'reservedWithReason',
          line: 3,
          column: 10,
          endColumn: 14,
          data: { code: 1005, name: 'No Status Received' },
          suggestions: [
            { messageId: 'replaceCode', output: lines("import type WebSocket from 'ws';", 'declare const ws: WebSocket;', "ws.close(1000, 'bye');") },
            { messageId: 'replaceCode', output: lines("import type WebSocket from 'ws';", 'declare const ws: WebSocket;', "ws.close(1011, 'bye');") },
          ],
        },
      ],
      output: null,
    },
    {
      name: '1004 and 1015',
      code: lines("import type WebSocket from 'ws';", 'declare const ws: WebSocket;', 'ws.close(1004);', 'ws.close(1015);'),
      errors: [
        { messageId: 'reserved', line: 3, column: 10, endColumn: 14, data: { code: 1004, name: 'Reserved' } },
        { messageId: 'reserved', line: 4, column: 10, endColumn: 14, data: { code: 1015, name: 'TLS Handshake' } },
      ],
    },
    {
      name: 'shutdown loop over wss.clients: the reason picks 1001 first',
      code: lines(
        ...WS_SERVER,
        "process.on('SIGTERM', () => {",
        "  for (const client of wss.clients) client.close(1006, 'Server shutting down');",
        '  wss.close();',
        '});',
      ),
      errors: [
        {
          messageId: 'reservedWithReason',
          line: 4,
          column: 50,
          endColumn: 54,
          data: { code: 1006, alternatives: '1001, 1000 or 1011' },
          suggestions: [
            {
              messageId: 'replaceCode',
              output: lines(...WS_SERVER, "process.on('SIGTERM', () => {", "  for (const client of wss.clients) client.close(1001, 'Server shutting down');", '  wss.close();', '});'),
            },
            {
              messageId: 'replaceCode',
              output: lines(...WS_SERVER, "process.on('SIGTERM', () => {", "  for (const client of wss.clients) client.close(1000, 'Server shutting down');", '  wss.close();', '});'),
            },
            {
              messageId: 'replaceCode',
              output: lines(...WS_SERVER, "process.on('SIGTERM', () => {", "  for (const client of wss.clients) client.close(1011, 'Server shutting down');", '  wss.close();', '});'),
            },
          ],
        },
      ],
    },
    {
      name: 'consts, imported-style const maps and enums: reported on the argument',
      code: lines(
        "import type WebSocket from 'ws';",
        'export const ABNORMAL = 1006;',
        'export const CloseCodes = { NO_STATUS: 1005, ABNORMAL } as const;',
        'enum Close { Normal = 1000, Abnormal = 1006 }',
        'declare const ws: WebSocket;',
        'ws.close(ABNORMAL);',
        'ws.close(CloseCodes.NO_STATUS);',
        'ws.close(Close.Abnormal);',
      ),
      errors: [
        { messageId: 'reserved', line: 6, column: 10, endColumn: 18, data: { code: 1006 } },
        { messageId: 'reserved', line: 7, column: 10, endColumn: 30, data: { code: 1005 } },
        {
          messageId: 'reserved',
          line: 8,
          column: 10,
          endColumn: 24,
          data: { code: 1006 },
          suggestions: [
            {
              messageId: 'replaceCode',
              output: lines(
                "import type WebSocket from 'ws';",
                'export const ABNORMAL = 1006;',
                'export const CloseCodes = { NO_STATUS: 1005, ABNORMAL } as const;',
                'enum Close { Normal = 1000, Abnormal = 1006 }',
                'declare const ws: WebSocket;',
                'ws.close(ABNORMAL);',
                'ws.close(CloseCodes.NO_STATUS);',
                'ws.close(1000);',
              ),
            },
            {
              messageId: 'replaceCode',
              output: lines(
                "import type WebSocket from 'ws';",
                'export const ABNORMAL = 1006;',
                'export const CloseCodes = { NO_STATUS: 1005, ABNORMAL } as const;',
                'enum Close { Normal = 1000, Abnormal = 1006 }',
                'declare const ws: WebSocket;',
                'ws.close(ABNORMAL);',
                'ws.close(CloseCodes.NO_STATUS);',
                'ws.close(1011);',
              ),
            },
            {
              messageId: 'removeCode',
              output: lines(
                "import type WebSocket from 'ws';",
                'export const ABNORMAL = 1006;',
                'export const CloseCodes = { NO_STATUS: 1005, ABNORMAL } as const;',
                'enum Close { Normal = 1000, Abnormal = 1006 }',
                'declare const ws: WebSocket;',
                'ws.close(ABNORMAL);',
                'ws.close(CloseCodes.NO_STATUS);',
                'ws.close();',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'conditional: only the bad branch, and no "drop the code" inside a branch',
      code: lines("import type WebSocket from 'ws';", 'declare const ws: WebSocket;', 'declare const clean: boolean;', 'ws.close(clean ? 1000 : 1006);'),
      errors: [
        {
          messageId: 'reserved',
          line: 4,
          column: 25,
          endColumn: 29,
          data: { code: 1006 },
          suggestions: [
            { messageId: 'replaceCode', output: lines("import type WebSocket from 'ws';", 'declare const ws: WebSocket;', 'declare const clean: boolean;', 'ws.close(clean ? 1000 : 1000);') },
            { messageId: 'replaceCode', output: lines("import type WebSocket from 'ws';", 'declare const ws: WebSocket;', 'declare const clean: boolean;', 'ws.close(clean ? 1000 : 1011);') },
          ],
        },
      ],
    },
    {
      name: 'arithmetic',
      code: lines("import type WebSocket from 'ws';", 'declare const ws: WebSocket;', 'const BASE = 1000;', 'ws.close(BASE + 6);'),
      errors: [{ messageId: 'reserved', line: 4, column: 10, endColumn: 18, data: { code: 1006 } }],
    },
    {
      name: 'catch block: 1011 first',
      code: lines(
        "import type WebSocket from 'ws';",
        'declare const ws: WebSocket;',
        'declare function handle(data: unknown): void;',
        "ws.on('message', (data) => {",
        '  try {',
        '    handle(data);',
        '  } catch {',
        '    ws.close(1006);',
        '  }',
        '});',
      ),
      errors: [{ messageId: 'reserved', line: 8, column: 14, data: { alternatives: '1011 or 1000' } }],
    },
    {
      name: 'browser heartbeat watchdog: browser codes, 3008 first',
      env: 'dom',
      code: lines(
        "const ws = new WebSocket('wss://example.com/live');",
        'let lastMessage = Date.now();',
        "ws.addEventListener('message', () => { lastMessage = Date.now(); });",
        'setInterval(() => {',
        "  if (Date.now() - lastMessage > 30_000) ws.close(1006, 'Message timeout');",
        '}, 5_000);',
      ),
      errors: [
        {
          messageId: 'reservedWithReason',
          line: 5,
          column: 51,
          endColumn: 55,
          data: {
            code: 1006,
            runtime: 'the browser WebSocket (WHATWG)',
            alternatives: '3008, 4408 or 1000',
          },
          confidence: 'typed',
          suggestions: [
            {
              messageId: 'replaceCode',
              output: lines(
                "const ws = new WebSocket('wss://example.com/live');",
                'let lastMessage = Date.now();',
                "ws.addEventListener('message', () => { lastMessage = Date.now(); });",
                'setInterval(() => {',
                "  if (Date.now() - lastMessage > 30_000) ws.close(3008, 'Message timeout');",
                '}, 5_000);',
              ),
            },
            {
              messageId: 'replaceCode',
              output: lines(
                "const ws = new WebSocket('wss://example.com/live');",
                'let lastMessage = Date.now();',
                "ws.addEventListener('message', () => { lastMessage = Date.now(); });",
                'setInterval(() => {',
                "  if (Date.now() - lastMessage > 30_000) ws.close(4408, 'Message timeout');",
                '}, 5_000);',
              ),
            },
            {
              messageId: 'replaceCode',
              output: lines(
                "const ws = new WebSocket('wss://example.com/live');",
                'let lastMessage = Date.now();',
                "ws.addEventListener('message', () => { lastMessage = Date.now(); });",
                'setInterval(() => {',
                "  if (Date.now() - lastMessage > 30_000) ws.close(1000, 'Message timeout');",
                '}, 5_000);',
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a parameter typed as either runtime: the browser behaviour is reported',
      env: 'dom',
      code: lines("import type WebSocketNode from 'ws';", 'export function shut(socket: WebSocket | WebSocketNode) {', '  socket.close(1006);', '}'),
      errors: [{ messageId: 'reserved', line: 3, column: 16, data: { code: 1006, runtime: 'the browser WebSocket (WHATWG)', alternatives: '1000 or 4000' } }],
    },
    {
      name: 'untyped JavaScript: receiver inferred from new WebSocket()',
      env: 'js',
      code: lines("const ws = new WebSocket('wss://example.com');", "ws.addEventListener('error', () => ws.close(1006));"),
      errors: [{ messageId: 'reserved', line: 2, column: 45, endColumn: 49, data: { code: 1006, runtime: 'the browser WebSocket (WHATWG)' }, confidence: 'inferred' }],
    },
    {
      name: 'a parameter default is a possible value, reported where it is written; `code || 1006` too',
      code: lines(
        "import type WebSocket from 'ws';",
        'declare const ws: WebSocket;',
        'export function disconnect(code = 1006, reason?: string) {',
        '  ws.close(code, reason);',
        '}',
        'export function drop(code?: number) {',
        '  ws.close(code || 1006);',
        '}',
        'export function fail(clean: boolean) {',
        '  ws.close(clean ? 1000 : 1005);',
        '}',
      ),
      errors: [
        { messageId: 'reservedWithReason', line: 3, column: 35, endColumn: 39, data: { code: 1006 } },
        { messageId: 'reserved', line: 7, column: 20, endColumn: 24, data: { code: 1006 } },
        { messageId: 'reserved', line: 10, column: 27, endColumn: 31, data: { code: 1005 } },
      ],
    },
    {
      name: 'untyped JavaScript: constants on a class, a frozen object and CommonJS exports',
      env: 'js',
      code: lines(
        'class Socket {',
        '  static WS_CLOSE_NORMAL = 1000;',
        '  static WS_CLOSE_ABNORMAL = 1006;',
        '}',
        'const Codes = Object.freeze({ NORMAL: 1000, NO_STATUS: 1005 });',
        'module.exports.CLOSE_LOST = 1006;',
        'exports.CLOSE_OK = 1000;',
        "const ws = new WebSocket('wss://example.com');",
        'ws.close(Socket.WS_CLOSE_NORMAL);',
        'ws.close(Socket.WS_CLOSE_ABNORMAL);',
        'ws.close(Codes.NORMAL);',
        'ws.close(Codes.NO_STATUS);',
        'ws.close(module.exports.CLOSE_LOST);',
        'ws.close(exports.CLOSE_OK);',
        'function disconnect(code = 1015) { ws.close(code); }',
      ),
      errors: [
        { messageId: 'reserved', line: 10, column: 10, data: { code: 1006 } },
        { messageId: 'reserved', line: 12, column: 10, data: { code: 1005 } },
        { messageId: 'reserved', line: 13, column: 10, data: { code: 1006 } },
        { messageId: 'reserved', line: 15, column: 28, endColumn: 32, data: { code: 1015 } },
      ],
    },
    // Forwarded received codes.
    {
      name: 'relay forwards the upstream close code unchecked',
      code: lines(
        ...WS_SERVER,
        "wss.on('connection', (client) => {",
        "  const upstream = new WebSocket('wss://backend.internal');",
        "  upstream.on('close', (code, reason) => client.close(code, reason));",
        '});',
      ),
      errors: [
        {
          messageId: 'forwarded',
          line: 5,
          column: 55,
          endColumn: 59,
          data: { method: 'close', runtime: '`ws`', effect: WS_EFFECT },
          confidence: 'typed',
          suggestions: [
            {
              messageId: 'guardForwarded',
              output: lines(
                ...WS_SERVER,
                "wss.on('connection', (client) => {",
                "  const upstream = new WebSocket('wss://backend.internal');",
                "  upstream.on('close', (code, reason) => client.close([1004, 1005, 1006, 1015].includes(code) ? 1000 : code, reason));",
                '});',
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: '`code || 1000` still forwards 1005 and 1006',
      code: lines(
        "import WebSocket from 'ws';",
        'declare const client: WebSocket;',
        "const upstream = new WebSocket('wss://backend.internal');",
        "upstream.on('close', (code) => client.close(code || 1000));",
        "upstream.once('close', (code: number) => { const forwarded = code; client.close(forwarded); });",
      ),
      errors: [
        {
          messageId: 'forwarded',
          line: 4,
          column: 45,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'guardForwarded',
              output: lines(
                "import WebSocket from 'ws';",
                'declare const client: WebSocket;',
                "const upstream = new WebSocket('wss://backend.internal');",
                "upstream.on('close', (code) => client.close(([1004, 1005, 1006, 1015].includes(code) ? 1000 : code) || 1000));",
                "upstream.once('close', (code: number) => { const forwarded = code; client.close(forwarded); });",
              ),
            },
          ],
        },
        {
          messageId: 'forwarded',
          line: 5,
          column: 81,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'guardForwarded',
              output: lines(
                "import WebSocket from 'ws';",
                'declare const client: WebSocket;',
                "const upstream = new WebSocket('wss://backend.internal');",
                "upstream.on('close', (code) => client.close(code || 1000));",
                "upstream.once('close', (code: number) => { const forwarded = code; client.close([1004, 1005, 1006, 1015].includes(forwarded) ? 1000 : forwarded); });",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a close listener that destructures { code } and forwards it',
      env: 'dom',
      code: lines('declare const mirror: WebSocket;', "const ws = new WebSocket('wss://example.com/feed');", "ws.addEventListener('close', ({ code, reason }) => mirror.close(code, reason));"),
      errors: [{ messageId: 'forwarded', line: 3, column: 65, endColumn: 69 }],
    },
    {
      name: 'DOM onclose forwards event.code to another socket',
      env: 'dom',
      code: lines('declare const mirror: WebSocket;', "const ws = new WebSocket('wss://example.com/feed');", 'ws.onclose = (e) => mirror.close(e.code);'),
      errors: [
        {
          messageId: 'forwarded',
          line: 3,
          column: 34,
          endColumn: 40,
          data: { runtime: 'the browser WebSocket (WHATWG)' },
          suggestions: [
            {
              messageId: 'guardForwarded',
              output: lines(
                'declare const mirror: WebSocket;',
                "const ws = new WebSocket('wss://example.com/feed');",
                'ws.onclose = (e) => mirror.close(e.code === 1000 || (e.code >= 3000 && e.code <= 4999) ? e.code : 1000);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a guard that checks something else does not count',
      env: 'dom',
      code: lines(
        'declare const mirror: WebSocket;',
        'declare const shuttingDown: boolean;',
        "const ws = new WebSocket('wss://example.com/feed');",
        "ws.addEventListener('close', (event) => mirror.close(shuttingDown ? 1000 : event.code, event.reason));",
      ),
      errors: [
        {
          messageId: 'forwarded',
          line: 4,
          column: 76,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'guardForwarded',
              output: lines(
                'declare const mirror: WebSocket;',
                'declare const shuttingDown: boolean;',
                "const ws = new WebSocket('wss://example.com/feed');",
                "ws.addEventListener('close', (event) => mirror.close(shuttingDown ? 1000 : (event.code === 1000 || (event.code >= 3000 && event.code <= 4999) ? event.code : 1000), event.reason));",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'forwarding into a ws-or-browser union: the guard must satisfy the browser',
      code: lines(
        "import WebSocketNode from 'ws';",
        "const upstream = new WebSocketNode('wss://backend.internal');",
        'export function relay(target: WebSocketNode | WebSocket) {',
        "  upstream.on('close', (code) => target.close(code));",
        '}',
      ),
      errors: [
        {
          messageId: 'forwarded',
          line: 4,
          column: 47,
          endColumn: 51,
          data: { runtime: 'the browser WebSocket (WHATWG)' },
          suggestions: [
            {
              messageId: 'guardForwarded',
              output: lines(
                "import WebSocketNode from 'ws';",
                "const upstream = new WebSocketNode('wss://backend.internal');",
                'export function relay(target: WebSocketNode | WebSocket) {',
                "  upstream.on('close', (code) => target.close(code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000));",
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'untyped JavaScript relay: inferred receivers',
      env: 'js',
      code: lines(
        "const feed = new WebSocket('wss://a.example');",
        "const mirror = new WebSocket('wss://b.example');",
        'feed.onclose = (event) => mirror.close(event.code, event.reason);',
      ),
      errors: [{ messageId: 'forwarded', line: 3, column: 40, endColumn: 50, confidence: 'inferred' }],
    },
    {
      name: 'untyped JavaScript: a close listener on an untyped emitter, and a Bun-style handler map',
      env: 'js',
      code: lines(
        "const mirror = new WebSocket('wss://b.example');",
        "export function relay(upstream) { upstream.on('close', (code, reason) => mirror.close(code, reason)); }",
        'export const server = { websocket: { close(ws, code, reason) { mirror.close(code, reason); } } };',
      ),
      errors: [
        { messageId: 'forwarded', line: 2, column: 87, endColumn: 91, confidence: 'inferred' },
        { messageId: 'forwarded', line: 3, column: 77, endColumn: 81, confidence: 'inferred' },
      ],
    },
    {
      name: 'a handler method of a class registered on a DOM socket: the CloseEvent of the DOM lib',
      env: 'dom',
      code: lines(
        'declare const mirror: WebSocket;',
        'export class Relay {',
        '  onClose(event: CloseEvent) { mirror.close(event.code); }',
        '}',
      ),
      errors: [{ messageId: 'forwarded', line: 3, column: 45, endColumn: 55 }],
    },
  ],
});

// Separate batches: a file that references global type packages (ws via require in JavaScript,
// Bun, Cloudflare) changes the globals of every snippet compiled with it.
ruleTester('reserved-code', {
  valid: [
    {
      name: "Bun's ServerWebSocket turns a forwarded 1005/1006 into a Close frame without a code",
      code: lines(
        '/// <reference types="bun-types" />',
        "import type { ServerWebSocket } from 'bun';",
        'const peers = new Map<string, ServerWebSocket<unknown>>();',
        'Bun.serve({',
        "  fetch: () => new Response('upgrade required', { status: 426 }),",
        '  websocket: {',
        '    message(ws, message) { ws.send(message); },',
        "    close(_ws, code, reason) { peers.get('partner')?.close(code, reason); },",
        '  },',
        '});',
      ),
    },
  ],
  invalid: [
    {
      name: 'Bun: forwarding into a client WebSocket still throws; a literal 1006 is still reported',
      code: lines(
        '/// <reference types="bun-types" />',
        'Bun.serve<{ upstream: WebSocket }>({',
        "  fetch: () => new Response('upgrade required', { status: 426 }),",
        '  websocket: {',
        '    message(ws, message) { ws.data.upstream.send(message); },',
        '    close(ws, code, reason) { ws.data.upstream.close(code, reason); },',
        '  },',
        '});',
        'declare const server: import("bun").ServerWebSocket<unknown>;',
        'server.close(1006);',
      ),
      errors: [
        { messageId: 'forwarded', line: 6, column: 54, endColumn: 58, data: { runtime: 'the browser WebSocket (WHATWG)' } },
        { messageId: 'reserved', line: 10, column: 14, endColumn: 18, data: { code: 1006, runtime: 'Bun’s `ServerWebSocket`' } },
      ],
    },
  ],
});

ruleTester('reserved-code', {
  valid: [],
  invalid: [
    {
      // JavaScript so that @types/node (whose global WebSocket is undici's) stays out of the program.
      name: 'Cloudflare Workers: echoing the close event throws',
      env: 'js',
      code: lines(
        '/// <reference types="@cloudflare/workers-types" />',
        'export default {',
        '  async fetch() {',
        '    const [client, server] = Object.values(new WebSocketPair());',
        '    server.accept();',
        "    server.addEventListener('close', (event) => server.close(event.code, event.reason));",
        '    return new Response(null, { status: 101, webSocket: client });',
        '  },',
        '};',
      ),
      errors: [
        {
          messageId: 'forwarded',
          line: 6,
          column: 62,
          endColumn: 72,
          data: { runtime: 'Cloudflare Workers' },
          confidence: 'typed',
          suggestions: [
            {
              messageId: 'guardForwarded',
              output: lines(
                '/// <reference types="@cloudflare/workers-types" />',
                'export default {',
                '  async fetch() {',
                '    const [client, server] = Object.values(new WebSocketPair());',
                '    server.accept();',
                "    server.addEventListener('close', (event) => server.close([1004, 1005, 1006, 1015].includes(event.code) ? 1000 : event.code, event.reason));",
                '    return new Response(null, { status: 101, webSocket: client });',
                '  },',
                '};',
              ),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester('reserved-code', {
  valid: [],
  invalid: [
    {
      name: "JavaScript with require('ws'): the receiver is typed",
      env: 'js',
      code: lines(
        "const WebSocket = require('ws');",
        'const wss = new WebSocket.Server({ port: 8080 });',
        "wss.on('connection', (ws) => { ws.close(1006, 'bye'); });",
      ),
      errors: [{ messageId: 'reservedWithReason', line: 3, column: 41, endColumn: 45, data: { code: 1006, runtime: '`ws`' }, confidence: 'typed' }],
    },
  ],
});
