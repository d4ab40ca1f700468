// browser-code-range: WHATWG sockets accept only 1000 and 3000–4999; the 1xxx codes servers may
// send (1001–1003, 1007–1014) throw InvalidAccessError there.
import { at, lines, lookAlikeCloses, ruleTester, withLine } from '../harness/rule-tester';

const BROWSER = 'the browser WebSocket (WHATWG)';
const BROWSER_EFFECT =
  '`close()` throws an `InvalidAccessError` DOMException for every code except 1000 and 3000–4999';

const goingAway = lines(
  "const ws = new WebSocket('wss://example.com/feed');",
  "window.addEventListener('pagehide', () => ws.close(1001, 'Page closed'));",
);
const everyServerCode = lines(
  'declare const ws: WebSocket;',
  'ws.close(1002);',
  'ws.close(1003);',
  'ws.close(1007);',
  'ws.close(1009);',
  'ws.close(1010);',
  'ws.close(1011);',
  'ws.close(1012);',
  'ws.close(1013);',
  'ws.close(1014);',
);
const policy = lines(
  'declare const ws: WebSocket;',
  "ws.close(1008, 'Token expired');",
  'ws.close(1008);',
);
const conditional = lines('declare const ws: WebSocket;', 'declare const failed: boolean;', 'ws.close(failed ? 1011 : 1000);');
const constants = lines(
  'export enum Close { Normal = 1000, GoingAway = 1001 }',
  'export const CODES = { INTERNAL: 1011 } as const;',
  'const RESTART = 1012;',
  'declare const ws: WebSocket;',
  'ws.close(Close.GoingAway);',
  'ws.close(CODES.INTERNAL);',
  'ws.close(RESTART);',
  'ws.close(1000 + 11);',
);
const union = lines(
  "import type WebSocketNode from 'ws';",
  '/** Shared by the browser client and the Node test harness. */',
  'export function disconnect(socket: WebSocket | WebSocketNode) {',
  "  socket.close(1011, 'Internal error');",
  '}',
);
const wrappers = lines(
  "import ReconnectingWebSocket from 'reconnecting-websocket';",
  "import PartySocket from 'partysocket';",
  "const feed = new ReconnectingWebSocket('wss://example.com/feed');",
  "feed.close(1001, 'Leaving');",
  "const party = new PartySocket({ host: 'example.com', room: 'lobby' });",
  "party.reconnect(1012, 'Reconnect');",
);

ruleTester('browser-code-range', {
  valid: [
    {
      name: 'Workers: a WebSocketPair socket passed to a helper typed with the DOM lib WebSocket (workers types not loaded)',
      env: 'dom',
      code: lines(
        'function closeWith(socket: WebSocket, code: number): void {',
        "  socket.close(code, 'server error');",
        '}',
        'export function upgrade(): Response {',
        '  // @ts-ignore WebSocketPair comes from the Workers runtime',
        '  const [client, server] = Object.values(new WebSocketPair());',
        '  server.accept();',
        '  closeWith(server, 1011);',
        '  return new Response(null, { status: 101 });',
        '}',
      ),
    },
    {
      name: 'the codes a browser may send',
      env: 'dom',
      code: lines(
        "const ws = new WebSocket('wss://example.com/chat');",
        "ws.addEventListener('message', (event) => {",
        "  if (event.data === 'bye') ws.close(1000, 'Done');",
        "  else if (event.data === 'unauthorized') ws.close(3000, 'Unauthorized');",
        "  else if (event.data === 'idle') ws.close(3008, 'Idle');",
        "  else if (event.data === 'bad') ws.close(4000 + 400, 'Bad request');",
        '  else ws.close(4999);',
        '});',
        "window.addEventListener('pagehide', () => ws.close());",
      ),
    },
    {
      name: 'private codes of app protocols (graphql-ws, Discord, Twitch)',
      env: 'dom',
      code: lines(
        'declare const ws: WebSocket;',
        "ws.close(4400, 'Invalid message received');",
        "ws.close(4004, 'Authentication failed');",
        "ws.close(4007, 'Invalid reconnect');",
      ),
    },
    {
      name: 'reserved codes, non-codes and fractions belong to other rules',
      env: 'dom',
      code: lines('declare const ws: WebSocket;', 'ws.close(1005);', 'ws.close(1006);', 'ws.close(1015);', 'ws.close(1016);', 'ws.close(999);', 'ws.close(1001.5);'),
    },
    // Server-side APIs may send 1xxx codes.
    lines(
      "import { WebSocketServer } from 'ws';",
      'const wss = new WebSocketServer({ port: 8080 });',
      "wss.on('connection', (ws) => {",
      "  ws.close(1001, 'Server shutting down');",
      "  ws.close(1008, 'Invalid token');",
      "  ws.close(1011, 'Internal error');",
      "  ws.close(1013, 'Try again later');",
      '});',
    ),
    lines(
      "import Fastify from 'fastify';",
      "import websocket from '@fastify/websocket';",
      'const app = Fastify();',
      'await app.register(websocket);',
      "app.get('/ws', { websocket: true }, (socket) => { socket.close(1008, 'Forbidden'); });",
    ),
    {
      name: "a ws server's socket its author typed as the global WebSocket (no `import type { WebSocket } from 'ws'`): judged as the ws socket it is",
      env: 'node',
      code: lines(
        "import { WebSocketServer } from 'ws';",
        'const wss = new WebSocketServer({ port: 8080 });',
        "function refuse(socket: WebSocket): void { socket.close(1008, 'Invalid token'); }",
        'function untyped(socket: any): void { socket.close(1011); }',
        "wss.on('connection', (ws) => { refuse(ws as unknown as WebSocket); untyped(ws as unknown as WebSocket); });",
      ),
    },
    {
      name: "Fastify handlers given by name, with a `this` parameter, their socket typed as the global WebSocket",
      env: 'node',
      code: lines(
        "import Fastify, { type FastifyInstance } from 'fastify';",
        "import websocket from '@fastify/websocket';",
        "function onLobby(this: FastifyInstance, socket: WebSocket): void { socket.close(1008, 'Invalid token'); }",
        'function onRoom(socket: WebSocket): void { socket.close(1003); }',
        'const app = Fastify();',
        'app.register(websocket);',
        "app.get('/lobby', { websocket: true }, onLobby);",
        "app.route({ method: 'GET', url: '/room', handler: (req, reply) => reply.send('hi'), wsHandler: onRoom });",
      ),
    },
    lines("import type { WSContext } from 'hono/ws';", 'declare const ctx: WSContext;', "ctx.close(1011, 'Internal error');"),
    {
      name: 'browser look-alikes',
      env: 'dom',
      code: lines(
        "new EventSource('/events').close();",
        'new MessageChannel().port1.close();',
        'class Modal { close(result: number) { return result; } }',
        'new Modal().close(1001);',
      ),
    },
    // Look-alikes: none of these is a WebSocket, whatever the numbers.
    lookAlikeCloses(1001),
  ],
  invalid: [
    {
      name: 'the same helper in a file without WebSocketPair: a browser socket',
      env: 'dom',
      code: lines(
        'function closeWith(socket: WebSocket, code: number): void {',
        "  socket.close(code, 'server error');",
        '}',
        'export function leave(socket: WebSocket): void {',
        '  closeWith(socket, 1011);',
        '}',
      ),
      errors: [{ messageId: 'outsideBrowserRange', line: 5, column: 21 }],
    },
    {
      name: 'a parameter typed as the global WebSocket that gets a client the code makes, in Node',
      env: 'node',
      code: lines(
        "function giveUp(socket: WebSocket): void { socket.close(1011, 'gave up'); }",
        "giveUp(new WebSocket('wss://feed.example'));",
      ),
      errors: [{ messageId: 'outsideBrowserRange', line: 1, column: 57, confidence: 'typed' }],
    },
    {
      name: '1001 on page hide (the htmx hx-ws bug)',
      env: 'dom',
      code: goingAway,
      errors: [
        {
          messageId: 'outsideBrowserRange',
          ...at(goingAway, 2, '1001'),
          data: { code: 1001, name: 'Going Away', runtime: BROWSER, effect: BROWSER_EFFECT, alternatives: '1000' },
          confidence: 'typed',
          message: '1001 (Going Away) is refused by browser-style WebSockets; use 1000.',
          detail: 'Browser-style WebSockets send only 1000 and 3000–4999. On the browser WebSocket (WHATWG), ' + BROWSER_EFFECT + '.',
          suggestions: [{ messageId: 'replaceCode', output: withLine(goingAway, 2, "window.addEventListener('pagehide', () => ws.close(1000, 'Page closed'));") }],
        },
      ],
      output: null,
    },
    {
      name: 'every other server code, each with its browser counterpart',
      env: 'dom',
      code: everyServerCode,
      errors: [
        { messageId: 'outsideBrowserRange', ...at(everyServerCode, 2, '1002'), data: { code: 1002, name: 'Protocol Error', alternatives: '4400' } },
        { messageId: 'outsideBrowserRange', ...at(everyServerCode, 3, '1003'), data: { code: 1003, alternatives: '4415' } },
        { messageId: 'outsideBrowserRange', ...at(everyServerCode, 4, '1007'), data: { code: 1007, alternatives: '4400' } },
        { messageId: 'outsideBrowserRange', ...at(everyServerCode, 5, '1009'), data: { code: 1009, alternatives: '4413' } },
        { messageId: 'outsideBrowserRange', ...at(everyServerCode, 6, '1010'), data: { code: 1010, alternatives: '4400' } },
        {
          messageId: 'outsideBrowserRange',
          ...at(everyServerCode, 7, '1011'),
          data: { code: 1011, name: 'Internal Error', alternatives: '4500' },
          suggestions: [{ messageId: 'replaceCode', output: withLine(everyServerCode, 7, 'ws.close(4500);') }],
        },
        { messageId: 'outsideBrowserRange', ...at(everyServerCode, 8, '1012'), data: { code: 1012, alternatives: '1000' } },
        { messageId: 'outsideBrowserRange', ...at(everyServerCode, 9, '1013'), data: { code: 1013, alternatives: '4503' } },
        { messageId: 'outsideBrowserRange', ...at(everyServerCode, 10, '1014'), data: { code: 1014, name: 'Bad Gateway', alternatives: '4502' } },
      ],
    },
    {
      name: '1008: the reason decides between 3000 Unauthorized and 3003 Forbidden',
      env: 'dom',
      code: policy,
      errors: [
        {
          messageId: 'outsideBrowserRange',
          ...at(policy, 2, '1008'),
          data: { code: 1008, alternatives: '3000, 4401 or 3003' },
          suggestions: [
            { messageId: 'replaceCode', output: withLine(policy, 2, "ws.close(3000, 'Token expired');") },
            { messageId: 'replaceCode', output: withLine(policy, 2, "ws.close(4401, 'Token expired');") },
            { messageId: 'replaceCode', output: withLine(policy, 2, "ws.close(3003, 'Token expired');") },
          ],
        },
        {
          messageId: 'outsideBrowserRange',
          ...at(policy, 3, '1008'),
          data: { code: 1008, alternatives: '3003, 3000 or 4403' },
        },
      ],
    },
    {
      name: 'conditional: only the bad branch',
      env: 'dom',
      code: conditional,
      errors: [
        {
          messageId: 'outsideBrowserRange',
          ...at(conditional, 3, '1011'),
          suggestions: [{ messageId: 'replaceCode', output: withLine(conditional, 3, 'ws.close(failed ? 4500 : 1000);') }],
        },
      ],
    },
    {
      name: 'enums, as-const maps, consts and arithmetic: reported on the argument',
      env: 'dom',
      code: constants,
      errors: [
        { messageId: 'outsideBrowserRange', ...at(constants, 5, 'Close.GoingAway'), data: { code: 1001 } },
        {
          messageId: 'outsideBrowserRange',
          ...at(constants, 6, 'CODES.INTERNAL'),
          data: { code: 1011 },
          suggestions: [{ messageId: 'replaceCode', output: withLine(constants, 6, 'ws.close(4500);') }],
        },
        { messageId: 'outsideBrowserRange', ...at(constants, 7, 'RESTART'), data: { code: 1012 } },
        { messageId: 'outsideBrowserRange', ...at(constants, 8, '1000 + 11'), data: { code: 1011 } },
      ],
    },
    {
      name: 'a parameter typed as either the browser or the ws socket must satisfy the browser',
      env: 'dom',
      code: union,
      errors: [
        {
          messageId: 'outsideBrowserRange',
          ...at(union, 4, '1011'),
          data: { code: 1011, runtime: BROWSER, alternatives: '4500' },
          confidence: 'typed',
        },
      ],
    },
    {
      name: 'reconnecting-websocket and partysocket pass the code to a browser socket',
      env: 'dom',
      code: wrappers,
      errors: [
        { messageId: 'outsideBrowserRange', ...at(wrappers, 4, '1001'), data: { code: 1001, runtime: '`reconnecting-websocket`' } },
        { messageId: 'outsideBrowserRange', ...at(wrappers, 6, '1012'), data: { code: 1012, runtime: 'PartySocket (`partysocket`)' } },
      ],
    },
    {
      name: "Node's global WebSocket (undici) follows the browser rules",
      code: lines(
        "const ws = new WebSocket('wss://example.com/prices');",
        "ws.addEventListener('message', () => ws.close(1013));",
      ),
      errors: [{ messageId: 'outsideBrowserRange', line: 2, column: 47, endColumn: 51, data: { code: 1013, runtime: BROWSER } }],
    },
    {
      name: 'isomorphic-ws code must satisfy browsers too',
      code: lines(
        "import WebSocket from 'isomorphic-ws';",
        "const ws = new WebSocket('wss://example.com');",
        "ws.onmessage = () => ws.close(1011, 'Internal error');",
      ),
      errors: [{ messageId: 'outsideBrowserRange', line: 3, column: 31, endColumn: 35, data: { code: 1011, runtime: '`isomorphic-ws`', alternatives: '4500' } }],
    },
    {
      name: 'untyped JavaScript: receiver inferred from new WebSocket()',
      env: 'js',
      code: lines("const ws = new WebSocket('wss://example.com');", "ws.addEventListener('message', () => ws.close(1002, 'Unexpected message'));"),
      errors: [{ messageId: 'outsideBrowserRange', line: 2, column: 47, endColumn: 51, data: { code: 1002, runtime: BROWSER }, confidence: 'inferred' }],
    },
  ],
});

// Cloudflare's and Bun's global WebSocket declarations would merge into every snippet of the
// same batch, so each gets its own.
ruleTester('browser-code-range', {
  valid: [
    {
      // JavaScript so that @types/node (whose global WebSocket is undici's) stays out of the program.
      name: 'Cloudflare Workers accept the server codes',
      env: 'js',
      code: lines(
        '/// <reference types="@cloudflare/workers-types" />',
        'export default {',
        '  async fetch() {',
        '    const [client, server] = Object.values(new WebSocketPair());',
        '    server.accept();',
        "    server.addEventListener('message', () => server.close(1011, 'Internal error'));",
        '    return new Response(null, { status: 101, webSocket: client });',
        '  },',
        '};',
      ),
    },
  ],
  invalid: [],
});

ruleTester('browser-code-range', {
  valid: [
    {
      name: "Bun's ServerWebSocket sends server codes",
      code: lines(
        '/// <reference types="bun-types" />',
        'Bun.serve({',
        "  fetch: () => new Response('upgrade required', { status: 426 }),",
        "  websocket: { message(ws) { ws.close(1008, 'Policy'); } },",
        '});',
      ),
    },
  ],
  invalid: [],
});
