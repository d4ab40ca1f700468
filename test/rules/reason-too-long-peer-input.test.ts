// reason-too-long: text the peer chose stays the peer's as it moves — through a destructured
// parameter, a callback the receiving function calls with it, a `let` filled in later, and a
// request body read chunk by chunk, and the upgrade request's headers and query (typed, and untyped
// as a `connection` listener's or an express-ws route's second parameter). Look-alikes: the same shapes with a limit, or with values
// that are not the peer's.
import { lines, ruleTester } from '../harness/rule-tester';

const NETWORK = { source: 'text received over the network' };

/** A signaling client: the server's "bad" message carries the reason the client closes with. */
const signalingJs = (handleBad: string, extraCall = '') =>
  lines(
    'class Signaling {',
    '  constructor(url) {',
    '    this._ws = new WebSocket(url);',
    "    this._ws.addEventListener('message', (message) => {",
    '      message = JSON.parse(message.data);',
    "      if (message.type === 'bad') this._handleBad(message);",
    '    });',
    '  }',
    `  _handleBad({ reason }) { ${handleBad} }`,
    '  _close({ code, reason }) {',
    '    this._ws.close(code, reason);',
    '  }',
    `  _fail() { ${extraCall} }`,
    '}',
  );

/** An HTTP endpoint whose JSON body says how to close an upstream ws connection. */
const closeEndpoint = (closeLine: string, handlerCall = 'handler(data);', chunkSource = 'req') =>
  lines(
    "import { createServer, type IncomingMessage } from 'node:http';",
    "import { createReadStream } from 'node:fs';",
    "import WebSocket from 'ws';",
    "const upstream = new WebSocket('ws://backend.test');",
    'function withJsonBody<T>(req: IncomingMessage, handler: (data: T) => void): void {',
    "  let body = '';",
    `  ${chunkSource}.on('data', (chunk) => { body += chunk.toString(); });`,
    "  req.on('end', () => {",
    '    let data: T;',
    '    try { data = JSON.parse(body); } catch { return; }',
    `    ${handlerCall}`,
    '  });',
    '}',
    'createServer((req, res) => {',
    '  withJsonBody(req, (data: { code?: number; reason?: string }) => {',
    "    const { code = 1000, reason = '' } = data;",
    `    ${closeLine}`,
    '    res.end();',
    '  });',
    '});',
  );

ruleTester('reason-too-long', {
  valid: [
    {
      name: "a destructured parameter from the server's message, limited",
      env: 'js',
      code: signalingJs('this._close({ code: 4002, reason: reason.slice(0, 100) });'),
    },
    {
      name: 'a destructured parameter that one call fills with the client\'s own text',
      env: 'js',
      code: signalingJs('this._close({ code: 4002, reason });', "this._handleBad({ reason: 'Failed to send' });"),
    },
    {
      name: 'a request body field, limited',
      code: closeEndpoint('upstream.close(code, reason.slice(0, 123));'),
    },
    {
      name: 'a callback the receiving function calls with its own settings, not the body',
      code: closeEndpoint('upstream.close(code, reason);', "handler({ code: 1000, reason: 'done' } as T);"),
    },
    {
      name: "chunks of a file, not of the request's body",
      code: closeEndpoint('upstream.close(code, reason);', 'handler(data);', "createReadStream('close.json')"),
    },
    {
      name: 'untyped JavaScript: a number the server sent, compared with 0 before it is printed',
      env: 'js',
      code: lines(
        "const ws = new WebSocket('wss://signal.example.test');",
        "ws.addEventListener('message', (event) => handleBusy(JSON.parse(event.data)));",
        'function handleBusy({ retryAfter }) {',
        "  ws.close(4005, retryAfter < 0 ? 'Busy' : `Busy, retrying after ${retryAfter} ms`);",
        '}',
      ),
    },
    {
      name: 'a typed number field of the parsed message prints as a few characters',
      code: lines(
        "import WebSocket from 'ws';",
        'declare const ws: WebSocket;',
        "ws.on('message', (data) => {",
        '  const { retryAfter } = JSON.parse(String(data)) as { retryAfter: number };',
        '  ws.close(4005, `retry after ${retryAfter} ms`);',
        '});',
      ),
    },
    {
      name: "untyped JavaScript: the request's address and a third parameter are not text the client wrote",
      env: 'js',
      code: lines(
        "const { WebSocketServer } = require('ws');",
        'const wss = new WebSocketServer({ port: 8080 });',
        "wss.on('connection', (ws, req) => { ws.close(4000, 'From ' + req.socket.remoteAddress); });",
        "function route(ws, req, extra) { ws.close(4001, 'Because ' + extra.headers.reason); }",
        "wss.on('connection', (ws, req) => route(ws, req, { headers: { reason: 'short' } }));",
      ),
    },
  ],
  invalid: [
    {
      name: "the upgrade request's headers, typed (ws's IncomingMessage)",
      code: lines(
        "import { WebSocketServer } from 'ws';",
        'const wss = new WebSocketServer({ port: 8080 });',
        "wss.on('connection', (ws, req) => {",
        "  ws.close(4003, 'Origin ' + req.headers.origin + ' is not allowed');",
        "  ws.close(4003, `Unknown client ${req.headers['user-agent']}`);",
        '});',
      ),
      errors: [
        { messageId: 'unbounded', line: 4, column: 18, data: NETWORK },
        { messageId: 'unbounded', line: 5, column: 18, data: NETWORK },
      ],
    },
    {
      name: "untyped JavaScript: a connection listener's request URL, and an express-ws route's query",
      env: 'js',
      code: lines(
        "const { WebSocketServer } = require('ws');",
        'const wss = new WebSocketServer({ port: 8080 });',
        "wss.on('connection', (ws, req) => { ws.close(4000, 'No room in ' + req.url); });",
        "const app = require('express')();",
        "require('express-ws')(app);",
        "app.ws('/chat', (ws, req) => { ws.close(4001, 'Hello ' + req.query.user); });",
      ),
      errors: [
        { messageId: 'unbounded', line: 3, column: 52, data: NETWORK },
        { messageId: 'unbounded', line: 6, column: 47, data: NETWORK },
      ],
    },
    {
      name: "untyped JavaScript: a reason destructured from the server's message, forwarded through an options-object wrapper",
      env: 'js',
      code: signalingJs('this._close({ code: 4002, reason });'),
      errors: [{ messageId: 'unbounded', line: 9, column: 54, data: NETWORK }],
    },
    {
      name: "a typed browser client: a reason destructured from the parsed message's parameter",
      env: 'dom',
      code: lines(
        "interface Bad { type: 'bad'; reason: string }",
        'class Signaling {',
        "  private ws = new WebSocket('wss://signal.example.test');",
        '  constructor() {',
        "    this.ws.addEventListener('message', (event) => this.handleBad(JSON.parse(event.data) as Bad));",
        '  }',
        '  private handleBad({ reason }: Bad) {',
        '    this.ws.close(4002, reason);',
        '  }',
        '}',
      ),
      errors: [{ messageId: 'unbounded', line: 8, column: 25, data: NETWORK }],
    },
    {
      name: "a field of the request's JSON body, handed to a callback",
      code: closeEndpoint('upstream.close(code, reason);'),
      errors: [{ messageId: 'unbounded', line: 17, column: 26, data: NETWORK }],
    },
    {
      name: 'untyped JavaScript: a request body read in chunks and echoed',
      env: 'js',
      code: lines(
        "const http = require('http');",
        "const WebSocket = require('ws');",
        "const upstream = new WebSocket('ws://backend.test');",
        'http.createServer((req, res) => {',
        "  let body = '';",
        "  req.on('data', (chunk) => { body += chunk; });",
        "  req.on('end', () => { upstream.close(4000, 'closed: ' + body); res.end(); });",
        '});',
      ),
      errors: [{ messageId: 'unbounded', line: 7, column: 46, data: NETWORK }],
    },
  ],
});
