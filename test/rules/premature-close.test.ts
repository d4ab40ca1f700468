// premature-close: a socket closed in the same straight-line code that created it (still
// CONNECTING), and an open handler whose first, unconditional statement closes the socket.
import { lines, ruleTester } from '../harness/rule-tester';

const WS_EFFECT =
  'closing before the handshake completes aborts it: the socket emits `error` (“WebSocket was closed before the connection was established”), then `close` with 1006 — and without an `error` listener that error crashes the Node process';
const DOM_EFFECT =
  'closing before the handshake completes fails the connection: the socket fires `error`, then `close` with 1006 (Chromium and WebKit also log the warning “WebSocket is closed before the connection is established.” to the console)';

ruleTester('premature-close', {
  valid: [
    {
      name: 'an await between creation and close',
      code: lines(
        "import WebSocket from 'ws';",
        'async function probe(url: string) {',
        '  const ws = new WebSocket(url);',
        "  await new Promise((resolve) => ws.once('open', resolve));",
        '  ws.close(1000);',
        '}',
      ),
    },
    {
      name: "an 'open' listener registered in between",
      code: lines(
        "import WebSocket from 'ws';",
        'function connect(url: string) {',
        '  const ws = new WebSocket(url);',
        "  ws.on('open', () => ws.send('hello'));",
        "  ws.on('error', console.error);",
        '  ws.close();',
        '}',
      ),
    },
    {
      name: 'an onopen assignment in between',
      env: 'dom',
      code: lines('function connect(url: string) {', '  const ws = new WebSocket(url);', "  ws.onopen = () => ws.send('hello');", '  ws.close();', '}'),
    },
    {
      name: 'a readyState check guards the close',
      env: 'dom',
      code: lines('function connect(url: string) {', '  const ws = new WebSocket(url);', '  if (ws.readyState === WebSocket.OPEN) ws.close(1000);', '}'),
    },
    {
      name: 'closes in nested callbacks run later',
      code: lines(
        "import WebSocket from 'ws';",
        'function connect(url: string) {',
        '  const ws = new WebSocket(url);',
        '  const timer = setTimeout(() => ws.close(), 10_000);',
        "  ws.on('message', () => { clearTimeout(timer); ws.close(1000); });",
        "  process.once('SIGINT', () => ws.close(1001));",
        '}',
      ),
    },
    {
      name: 'a React-style effect closes in its cleanup',
      env: 'dom',
      code: lines(
        'declare function useEffect(effect: () => () => void, deps: unknown[]): void;',
        'export function useFeed(url: string, onMessage: (data: string) => void) {',
        '  useEffect(() => {',
        '    const ws = new WebSocket(url);',
        '    ws.onmessage = (event) => onMessage(String(event.data));',
        '    return () => ws.close();',
        '  }, [url]);',
        '}',
      ),
    },
    {
      name: "a server 'connection' socket is already open",
      code: lines(
        "import { WebSocketServer } from 'ws';",
        'const wss = new WebSocketServer({ port: 8080 });',
        "wss.on('connection', (ws) => {",
        "  ws.close(1008, 'Unauthorized');",
        '});',
      ),
    },
    {
      name: 'a socket received as a parameter',
      code: lines("import WebSocket from 'ws';", 'export function disconnect(ws: WebSocket) {', '  ws.close(1000);', '}'),
    },
    {
      name: 'a socket created in the other branch (a connect/disconnect toggle)',
      env: 'dom',
      code: lines(
        'class Connection {',
        '  private ws: WebSocket | undefined;',
        '  toggle(url: string) {',
        '    if (!this.ws) {',
        '      this.ws = new WebSocket(url);',
        '    } else {',
        '      this.ws.close(1000);',
        '      this.ws = undefined;',
        '    }',
        '  }',
        '}',
      ),
    },
    {
      name: 'a socket created only on one path may be an older, open one',
      env: 'dom',
      code: lines('function restart(existing: WebSocket | undefined, url: string) {', '  let ws = existing;', '  if (!ws) ws = new WebSocket(url);', '  ws.close(1000);', '}'),
    },
    {
      name: 'a conditional close in the open handler, or a close after other work',
      code: lines(
        "import WebSocket from 'ws';",
        'declare const cancelled: { value: boolean };',
        'function connect(url: string) {',
        '  const ws = new WebSocket(url);',
        "  ws.on('open', () => { if (cancelled.value) ws.close(); });",
        "  ws.on('error', console.error);",
        '}',
        'function hello(url: string) {',
        '  const ws = new WebSocket(url);',
        "  ws.on('open', () => { ws.send('hello'); ws.close(1000); });",
        "  ws.on('error', console.error);",
        '}',
      ),
    },
    {
      name: 'a deferred close: the cleanup waits for a CONNECTING socket to open',
      env: 'dom',
      code: lines(
        'declare function useEffect(effect: () => () => void, deps: unknown[]): void;',
        'export function useFeed(url: string) {',
        '  useEffect(() => {',
        '    const ws = new WebSocket(url);',
        '    return () => {',
        "      if (ws.readyState === WebSocket.CONNECTING) ws.addEventListener('open', () => ws.close(), { once: true });",
        '      else ws.close();',
        '    };',
        '  }, [url]);',
        '}',
        'export function closeWhenOpen(ws: WebSocket) {',
        '  ws.onopen = () => {',
        '    ws.close();',
        '  };',
        '}',
      ),
    },
    {
      name: "an open handler of another socket",
      env: 'dom',
      code: lines("const primary = new WebSocket('wss://a.example.com');", "const fallback = new WebSocket('wss://b.example.com');", 'primary.onopen = () => { fallback.close(1000); };'),
    },
    {
      name: "Bun's ServerWebSocket has no connecting phase",
      code: lines(
        '/// <reference types="bun-types" />',
        "import type { ServerWebSocket } from 'bun';",
        'declare const Socket: new () => ServerWebSocket<unknown>;',
        'function probe() {',
        '  const ws = new Socket();',
        '  ws.close();',
        '}',
        'Bun.serve({',
        "  fetch: () => new Response('Upgrade required', { status: 426 }),",
        '  websocket: { open(ws) { ws.close(1000); }, message() {} },',
        '});',
      ),
    },
  ],
  invalid: [
    {
      name: 'ws: created, then closed in straight-line code',
      code: lines(
        "import WebSocket from 'ws';",
        'function connect(url: string, cancelled: boolean) {',
        '  const ws = new WebSocket(url);',
        '  if (cancelled) ws.close();',
        '  return ws;',
        '}',
      ),
      output: null,
      errors: [
        {
          messageId: 'createdThenClosed',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 28,
          data: { receiver: 'ws', runtime: '`ws`', effect: WS_EFFECT },
          suggestions: [],
        },
      ],
    },
    {
      name: 'browser: created, then closed',
      env: 'dom',
      code: lines('function connect(url: string) {', '  const ws = new WebSocket(url);', "  ws.close(1000, 'Cancelled');", '}'),
      errors: [{ messageId: 'createdThenClosed', line: 3, column: 3, endColumn: 30, data: { receiver: 'ws', runtime: 'the browser WebSocket (WHATWG)', effect: DOM_EFFECT } }],
    },
    {
      name: 'this.ws: assigned, then closed in the same method',
      env: 'dom',
      code: lines('class Feed {', '  ws?: WebSocket;', '  reconnect(url: string) {', '    this.ws = new WebSocket(url);', '    this.ws.close();', '  }', '}'),
      errors: [{ messageId: 'createdThenClosed', line: 5, column: 5, endColumn: 20, data: { receiver: 'this.ws' } }],
    },
    {
      name: 'top-level code in a loop',
      env: 'dom',
      code: lines("for (const url of ['wss://a.example.com', 'wss://b.example.com']) {", '  const ws = new WebSocket(url);', '  ws.close();', '}'),
      errors: [{ messageId: 'createdThenClosed', line: 3, column: 3 }],
    },
    {
      name: 'created in a try block, closed after it',
      code: lines(
        "import WebSocket from 'ws';",
        'function connect(url: string) {',
        '  let ws: WebSocket;',
        '  try {',
        '    ws = new WebSocket(url);',
        '  } catch {',
        '    return;',
        '  }',
        '  ws.close();',
        '}',
      ),
      errors: [{ messageId: 'createdThenClosed', line: 9, column: 3 }],
    },
    {
      name: 'ws.onopen = () => { ws.close() }',
      env: 'dom',
      code: lines("const ws = new WebSocket('wss://chat.example.com');", 'ws.onopen = () => {', '  ws.close();', '};'),
      errors: [{ messageId: 'closedOnOpen', line: 3, column: 3, endColumn: 13, data: { receiver: 'ws' } }],
    },
    {
      name: "ws.on('open', () => ws.close())",
      code: lines("import WebSocket from 'ws';", "const ws = new WebSocket('wss://feed.example.com');", "ws.on('open', () => ws.close(1000));", "ws.on('error', console.error);"),
      errors: [{ messageId: 'closedOnOpen', line: 3, column: 21, endColumn: 35, data: { receiver: 'ws' } }],
    },
    {
      name: "addEventListener('open') with a block body",
      env: 'dom',
      code: lines("const ws = new WebSocket('wss://chat.example.com');", "ws.addEventListener('open', () => {", '  ws.close();', "  console.log('connected');", '});'),
      errors: [{ messageId: 'closedOnOpen', line: 3, column: 3 }],
    },
  ],
});
