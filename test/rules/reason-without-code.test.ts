// reason-without-code: a reason passed with an undefined code is dropped (ws, Firefox, undici 6)
// or worse; the safe fix inserts 1000. A code that may be undefined gets a `?? 1000` suggestion.
import { lines, ruleTester } from '../harness/rule-tester';

const WS = ["import WebSocket from 'ws';", 'declare const ws: WebSocket;'];
const WS_EFFECT = 'the reason is silently dropped and an empty Close frame is sent, so the peer sees 1005';
const DOM_EFFECT =
  'a reason without a code is usually dropped and an empty Close frame is sent, so the peer sees 1005 (Firefox, the undici in Node 20); current Chromium and undici 7 send 1000 with the reason instead';

const codeOptional = lines(...WS, 'function disconnect(code: number | undefined) {', "  ws.close(code, 'Client disconnected');", '}');
const codeOr = lines(...WS, 'function disconnect(a: number | undefined, b: number | undefined) {', "  ws.close(a || b, 'Client disconnected');", '}');
/** A closer only its own file calls, whose code is optional without a default. */
const privateCloser = ['function closeWith(socket: WebSocket, code?: number): void {', "  socket.close(code, 'Closed by the server');", '}'];
const codeProperty = lines(...WS, 'function disconnect(options: { code?: number }) {', '  ws.close(options.code, `Disconnected at ${Date.now()}`);', '}');

ruleTester('reason-without-code', {
  valid: [
    {
      name: 'an optional code of a function only its file calls, and every call passes one',
      env: 'dom',
      code: lines(
        ...privateCloser,
        'export function reject(socket: WebSocket): void {',
        '  closeWith(socket, 4401);',
        '}',
        'export function evict(socket: WebSocket, code: number): void {',
        '  closeWith(socket, code);',
        '}',
      ),
    },
    {
      name: 'no arguments, a code alone, a code with a reason',
      code: lines(...WS, 'declare const reason: string;', 'ws.close();', 'ws.close(1000);', 'ws.close(1000, reason);', "ws.close(4000, 'Room closed');"),
    },
    {
      name: 'a pass-through wrapper forwards whatever its caller gave',
      code: lines(...WS, 'const close = (code?: number, reason?: string) => ws.close(code, reason);', 'function stop(code?: number, reason?: string) {', '  ws.close(code, reason);', '}'),
    },
    {
      name: 'a code that cannot be undefined',
      code: lines(...WS, 'function stop(code = 1000) {', "  ws.close(code, 'Stopped');", '}', 'function end(code?: number) {', "  ws.close(code ?? 1000, 'Stopped');", '}'),
    },
    {
      name: 'both undefined: nothing is lost',
      code: lines(...WS, 'ws.close(undefined, undefined);'),
    },
    {
      name: 'WebSocketStream and WebSocketError send a reason without a code as 1000',
      code: lines(
        "import { WebSocketError, type WebSocketStream } from 'undici-types';",
        'declare const stream: WebSocketStream;',
        "stream.close({ reason: 'Done' });",
        "const error = new WebSocketError('Aborted', { reason: 'User cancelled' });",
      ),
    },
    {
      name: "Bun's ServerWebSocket defaults the code to 1000 and sends the reason",
      code: lines(
        '/// <reference types="bun-types" />',
        'Bun.serve({',
        "  fetch: () => new Response('Upgrade required', { status: 426 }),",
        '  websocket: {',
        "    message(ws) { ws.close(undefined, 'Bye'); },",
        '  },',
        '});',
      ),
    },
    {
      name: 'PartySocket defaults the code to 1000',
      env: 'dom',
      code: lines("import PartySocket from 'partysocket';", "const socket = new PartySocket({ host: 'party.example.com', room: 'lobby' });", "function leave() { socket.close(undefined, 'Left the room'); }"),
    },
  ],
  invalid: [
    {
      name: 'an optional code of a function only its file calls, and one call leaves it out',
      env: 'dom',
      code: lines(
        ...privateCloser,
        'export function reject(socket: WebSocket): void {',
        '  closeWith(socket, 4401);',
        '  closeWith(socket);',
        '}',
      ),
      output: null,
      errors: [{ messageId: 'maybeMissingCode', line: 2, column: 16 }],
    },
    {
      name: 'close(undefined, reason): the fix passes 1000',
      code: lines(...WS, "ws.close(undefined, 'Session ended');"),
      output: lines(...WS, "ws.close(1000, 'Session ended');"),
      errors: [{ messageId: 'missingCode', line: 3, column: 10, endLine: 3, endColumn: 19, data: { runtime: '`ws`', effect: WS_EFFECT }, suggestions: [] }],
    },
    {
      name: 'void 0 is undefined too',
      code: lines(...WS, "ws.close(void 0, 'Session ended');"),
      output: lines(...WS, "ws.close(1000, 'Session ended');"),
      errors: [{ messageId: 'missingCode', line: 3, column: 10, endColumn: 16 }],
    },
    {
      name: 'an undefined const',
      code: lines(...WS, 'const NO_CODE = undefined;', "ws.close(NO_CODE, 'Session ended');"),
      output: lines(...WS, 'const NO_CODE = undefined;', "ws.close(1000, 'Session ended');"),
      errors: [{ messageId: 'missingCode', line: 4, column: 10, endColumn: 17 }],
    },
    {
      name: 'every finding of a file is fixed at once',
      code: lines(...WS, "ws.close(undefined, 'a');", 'ws.close(undefined, `b`);'),
      output: lines(...WS, "ws.close(1000, 'a');", 'ws.close(1000, `b`);'),
      errors: [
        { messageId: 'missingCode', line: 3, column: 10 },
        { messageId: 'missingCode', line: 4, column: 10 },
      ],
    },
    {
      name: 'a browser socket: the engines disagree',
      env: 'dom',
      code: lines("const sock = new WebSocket('wss://chat.example.com');", "function logout() { sock.close(undefined, 'Logged out'); }"),
      output: lines("const sock = new WebSocket('wss://chat.example.com');", "function logout() { sock.close(1000, 'Logged out'); }"),
      errors: [{ messageId: 'missingCode', line: 2, column: 32, endColumn: 41, data: { runtime: 'the browser WebSocket (WHATWG)', effect: DOM_EFFECT } }],
    },
    {
      name: 'a code typed number | undefined with a literal reason',
      code: codeOptional,
      output: null,
      errors: [
        {
          messageId: 'maybeMissingCode',
          line: 4,
          column: 12,
          endColumn: 16,
          data: { runtime: '`ws`', effect: WS_EFFECT },
          suggestions: [{ messageId: 'defaultCode', output: codeOptional.replace('ws.close(code,', 'ws.close(code ?? 1000,') }],
        },
      ],
    },
    {
      name: '(a || b) ?? 1000 keeps the precedence',
      code: codeOr,
      output: null,
      errors: [
        {
          messageId: 'maybeMissingCode',
          line: 4,
          column: 12,
          endColumn: 18,
          suggestions: [{ messageId: 'defaultCode', output: codeOr.replace('ws.close(a || b,', 'ws.close((a || b) ?? 1000,') }],
        },
      ],
    },
    {
      name: 'an optional property with a template reason',
      code: codeProperty,
      output: null,
      errors: [
        {
          messageId: 'maybeMissingCode',
          line: 4,
          column: 12,
          endColumn: 24,
          suggestions: [{ messageId: 'defaultCode', output: codeProperty.replace('ws.close(options.code,', 'ws.close(options.code ?? 1000,') }],
        },
      ],
    },
  ],
});
