// invalid-code: values that are not close codes at all — out of range, unassigned, fractional,
// NaN, strings, error codes and HTTP statuses.
import { at, lines, lookAlikeCloses, ruleTester, withLine } from '../harness/rule-tester';

/** The snippet with `line` replaced (for suggestion outputs). */

const WS = ["import type WebSocket from 'ws';", 'declare const ws: WebSocket;'];
const WS_EFFECT =
  '`close()` throws `TypeError: First argument must be a valid error code number` and leaves the socket stuck in CLOSING: no Close frame goes out until `terminate()` is called or the peer closes';
const BROWSER = 'the browser WebSocket (WHATWG)';

const httpRejection = lines(
  "import { WebSocketServer } from 'ws';",
  'declare function verify(token: string | null): boolean;',
  'const wss = new WebSocketServer({ port: 8080 });',
  "wss.on('connection', (ws, req) => {",
  "  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');",
  "  if (!verify(token)) return ws.close(401, 'Unauthorized');",
  '});',
);

const belowRange = lines(...WS, 'ws.close(404);', 'ws.close(999);', 'ws.close(0);', 'ws.close(-1);');
const unassigned = lines(...WS, 'ws.close(1016);', 'ws.close(2999);');
const aboveRange = lines(...WS, 'ws.close(5000);', 'ws.close(65536);', 'ws.close(1e9);', 'ws.close(Infinity);', 'ws.close(4000 + 1001);');
const wsFraction = lines(...WS, 'ws.close(1000.5);', 'ws.close(999.5);');
const domFractions = lines('declare const ws: WebSocket;', 'ws.close(3000.5);', 'ws.close(999.5);', 'ws.close(1001.5);');
const nan = lines(...WS, 'declare const raw: string;', 'ws.close(NaN);', 'ws.close(parseInt(raw, 10) || NaN);');
const conditional = lines(...WS, 'declare const authorized: boolean;', 'ws.close(authorized ? 1000 : 401);');
const catchCode = lines(
  ...WS,
  'declare function save(data: unknown): Promise<void>;',
  "ws.on('message', async (data) => {",
  '  try {',
  '    await save(data);',
  '  } catch (err: any) {',
  '    ws.close(err.code);',
  '  }',
  '});',
);
const statusCode = lines(
  "import type WebSocket from 'ws';",
  "import type { IncomingMessage } from 'node:http';",
  'declare const upstream: WebSocket;',
  'declare const ws: WebSocket;',
  "upstream.on('unexpected-response', (_req, res: IncomingMessage) => ws.close(res.statusCode));",
  'export async function check(url: string) {',
  '  const res = await fetch(url);',
  '  if (!res.ok) ws.close(res.status);',
  '}',
);
const domStatus = lines('declare const ws: WebSocket;', 'ws.close(403);', 'ws.close(429);', 'ws.close(500);');
const enumHttp = lines(...WS, 'enum Status { Unauthorized = 401, NotFound = 404 }', 'ws.close(Status.Unauthorized);', 'ws.close(Status.NotFound);');

ruleTester('invalid-code', {
  valid: [
    {
      name: "uWebSockets.js end(0, …): 0 is that API's own 'no code' (its default), written out in a wrapper",
      env: 'js-uninstalled',
      code: lines(
        "const { App } = require('uWebSockets.js');",
        'class Socket {',
        '  constructor(ws) { this.ws = ws; }',
        '  close(reason) { this.ws.end(reason ? 4000 : 0, reason); }',
        '}',
        "App().ws('/*', { open: (ws) => { new Socket(ws).close(); ws.end(0); } });",
      ),
    },
    {
      name: "uWebSockets.js upgrade(res, req, context): res is the HTTP response, and res.end('Server overloaded') answers the request",
      env: 'js-uninstalled',
      code: lines(
        "const uws = require('uWebSockets.js');",
        "uws.App().ws('/*', {",
        '  upgrade: (res, req, context) => {',
        "    if (Math.random() > 0.5) { res.writeStatus('503 Service Unavailable'); res.end('Server overloaded'); return; }",
        "    res.upgrade({}, req.getHeader('sec-websocket-key'), '', '', context);",
        '  },',
        '});',
      ),
    },
    // Every code a ws server may send, in every spelling.
    lines(
      "import { WebSocketServer } from 'ws';",
      'const wss = new WebSocketServer({ port: 8080 });',
      "wss.on('connection', (ws) => {",
      '  ws.close();',
      '  ws.close(1000);',
      "  ws.close(1001, 'Server shutting down');",
      '  ws.close(1003);',
      "  ws.close(1008, 'Invalid token');",
      '  ws.close(1009);',
      '  ws.close(1011);',
      '  ws.close(1014);',
      '  ws.close(3000);',
      '  ws.close(3008);',
      '  ws.close(4000 + 401);',
      '  ws.close(4999);',
      '});',
    ),
    // Reserved codes are reserved-code's, not invalid-code's.
    lines(...WS, 'ws.close(1004);', 'ws.close(1005);', 'ws.close(1006);', 'ws.close(1015);'),
    // Codes of unknown value typed as numbers, and forwarded codes, are not judged here.
    lines(...WS, 'export function shut(code: number) { ws.close(code); }', "ws.on('close', (code) => ws.close(code));"),
    // graphql-ws and Discord-style private codes.
    lines(
      "import { CloseCode } from 'graphql-ws';",
      ...WS,
      "ws.close(CloseCode.BadRequest, 'Invalid message received');",
      "ws.close(CloseCode.TooManyInitialisationRequests, 'Too many initialisation requests');",
      "ws.close(4008, 'Rate limited');",
    ),
    {
      name: 'browser codes',
      env: 'dom',
      code: lines('declare const ws: WebSocket;', "ws.close(1000, 'done');", "ws.close(4401, 'Unauthorized');", 'ws.close(3000);'),
    },
    // Look-alikes: HTTP responses, servers, file handles and user classes take other numbers.
    lines(
      "import * as http from 'node:http';",
      "import * as fs from 'node:fs';",
      'const server = http.createServer((req, res) => {',
      '  res.statusCode = 401;',
      '  res.end();',
      '});',
      'server.close();',
      "fs.close(fs.openSync('data.bin', 'r'));",
      'class Dialog { close(status: number) { return status; } }',
      'new Dialog().close(404);',
      'new Dialog().close(NaN);',
    ),
    // Look-alikes: none of these is a WebSocket, whatever the numbers.
    lookAlikeCloses(401),
  ],
  invalid: [
    {
      name: 'HTTP 401 to reject a ws client: server codes for an auth failure',
      code: httpRejection,
      errors: [
        {
          messageId: 'httpStatus',
          ...at(httpRejection, 6, '401'),
          data: { value: '401', method: 'close', runtime: '`ws`', effect: WS_EFFECT, alternatives: '1008 or 3000' },
          confidence: 'typed',
          message: '401 looks like an HTTP status, not a close code; use 1008 or 3000.',
          detail: 'Close codes start at 1000. On `ws`, ' + WS_EFFECT + '.',
          suggestions: [
            { messageId: 'replaceCode', output: withLine(httpRejection, 6, "  if (!verify(token)) return ws.close(1008, 'Unauthorized');") },
            { messageId: 'replaceCode', output: withLine(httpRejection, 6, "  if (!verify(token)) return ws.close(3000, 'Unauthorized');") },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'HTTP statuses in a browser: browser codes',
      env: 'dom',
      code: domStatus,
      errors: [
        {
          messageId: 'httpStatus',
          ...at(domStatus, 2, '403'),
          data: { value: '403', runtime: BROWSER, alternatives: '3003 or 4403' },
          suggestions: [
            { messageId: 'replaceCode', output: withLine(domStatus, 2, 'ws.close(3003);') },
            { messageId: 'replaceCode', output: withLine(domStatus, 2, 'ws.close(4403);') },
          ],
        },
        { messageId: 'httpStatus', ...at(domStatus, 3, '429'), data: { value: '429', alternatives: '4429' } },
        { messageId: 'httpStatus', ...at(domStatus, 4, '500'), data: { value: '500', alternatives: '4500' } },
      ],
    },
    {
      name: 'below 1000',
      code: belowRange,
      errors: [
        {
          messageId: 'belowRange',
          ...at(belowRange, 3, '404'),
          data: { value: '404', alternatives: '1000' },
          suggestions: [{ messageId: 'replaceCode', output: withLine(belowRange, 3, 'ws.close(1000);') }],
        },
        { messageId: 'belowRange', ...at(belowRange, 4, '999'), data: { value: '999' } },
        { messageId: 'belowRange', ...at(belowRange, 5, '0'), data: { value: '0' } },
        { messageId: 'belowRange', ...at(belowRange, 6, '-1'), data: { value: '-1' } },
      ],
    },
    {
      name: '1016–2999 are unassigned',
      code: unassigned,
      errors: [
        {
          messageId: 'unassignedRange',
          ...at(unassigned, 3, '1016'),
          data: { value: '1016' },
          message: '1016 is not a close code (1016–2999 are unassigned); use 1000.',
          detail: '1016–2999 are held for future protocol extensions. On `ws`, ' + WS_EFFECT + '.',
        },
        { messageId: 'unassignedRange', ...at(unassigned, 4, '2999'), data: { value: '2999' } },
      ],
    },
    {
      name: '5000 and above, huge numbers, Infinity and arithmetic',
      code: aboveRange,
      errors: [
        { messageId: 'aboveRange', ...at(aboveRange, 3, '5000'), data: { value: '5000' } },
        { messageId: 'aboveRange', ...at(aboveRange, 4, '65536'), data: { value: '65536' } },
        { messageId: 'aboveRange', ...at(aboveRange, 5, '1e9'), data: { value: '1000000000' } },
        { messageId: 'aboveRange', ...at(aboveRange, 6, 'Infinity'), data: { value: 'Infinity' } },
        {
          messageId: 'aboveRange',
          ...at(aboveRange, 7, '4000 + 1001'),
          data: { value: '5001' },
          suggestions: [{ messageId: 'replaceCode', output: withLine(aboveRange, 7, 'ws.close(1000);') }],
        },
      ],
    },
    {
      name: 'ws truncates an in-range fraction and sends it; an out-of-range one throws',
      code: wsFraction,
      errors: [
        {
          messageId: 'convertedCode',
          ...at(wsFraction, 3, '1000.5'),
          data: { value: '1000.5', sent: 1000, runtime: '`ws`', alternatives: '1000' },
          message: '1000.5 is not an integer close code and goes out as 1000; use 1000.',
          detail: '`ws` does not reject it: close() quietly sends 1000. Other runtimes convert it differently or throw.',
          suggestions: [{ messageId: 'replaceCode', output: withLine(wsFraction, 3, 'ws.close(1000);') }],
        },
        { messageId: 'notInteger', ...at(wsFraction, 4, '999.5'), data: { value: '999.5', runtime: '`ws`', effect: WS_EFFECT } },
      ],
    },
    {
      name: 'browsers round half to even: 3000.5 → 3000 and 999.5 → 1000 are sent, 1001.5 → 1002 throws',
      env: 'dom',
      code: domFractions,
      errors: [
        {
          messageId: 'convertedCode',
          ...at(domFractions, 2, '3000.5'),
          data: { value: '3000.5', sent: 3000, runtime: BROWSER, alternatives: '3000 or 1000' },
          suggestions: [
            { messageId: 'replaceCode', output: withLine(domFractions, 2, 'ws.close(3000);') },
            { messageId: 'replaceCode', output: withLine(domFractions, 2, 'ws.close(1000);') },
          ],
        },
        { messageId: 'convertedCode', ...at(domFractions, 3, '999.5'), data: { value: '999.5', sent: 1000 } },
        { messageId: 'notInteger', ...at(domFractions, 4, '1001.5'), data: { value: '1001.5', runtime: BROWSER } },
      ],
    },
    {
      name: 'NaN, also as the fallback of a failed parse',
      code: nan,
      errors: [
        {
          messageId: 'notANumber',
          ...at(nan, 4, 'NaN'),
          data: { value: 'NaN' },
          message: 'The close code is NaN; pass an integer code such as 1000.',
          detail: 'On `ws`, ' + WS_EFFECT + '.',
        },
        { messageId: 'notANumber', ...at(nan, 5, 'NaN') },
      ],
    },
    {
      name: 'conditional: only the bad branch',
      code: conditional,
      errors: [
        {
          messageId: 'httpStatus',
          ...at(conditional, 4, '401'),
          suggestions: [
            { messageId: 'replaceCode', output: withLine(conditional, 4, 'ws.close(authorized ? 1000 : 1008);') },
            { messageId: 'replaceCode', output: withLine(conditional, 4, 'ws.close(authorized ? 1000 : 3000);') },
          ],
        },
      ],
    },
    {
      name: 'enum members holding HTTP statuses',
      code: enumHttp,
      errors: [
        { messageId: 'httpStatus', ...at(enumHttp, 4, 'Status.Unauthorized'), data: { value: '401' } },
        { messageId: 'belowRange', ...at(enumHttp, 5, 'Status.NotFound'), data: { value: '404' } },
      ],
    },
    {
      name: "an error's code in a catch block",
      code: catchCode,
      errors: [
        {
          messageId: 'errorCode',
          ...at(catchCode, 8, 'err.code'),
          data: { value: 'err.code', alternatives: '1011' },
          suggestions: [{ messageId: 'replaceCode', output: withLine(catchCode, 8, '    ws.close(1011);') }],
        },
      ],
    },
    {
      name: 'the error object itself where the code goes',
      code: lines(
        ...WS,
        'try { JSON.parse(String(ws.protocol)); } catch (err) { ws.close(err as Error); }',
        "ws.on('error', (error: Error) => ws.close(error as never, 'failed'));",
      ),
      errors: [
        { messageId: 'errorObject', line: 3, column: 65, data: { alternatives: '1011' } },
        { messageId: 'errorObject', line: 4, column: 43 },
      ],
    },
    {
      name: 'untyped JavaScript: a caught error passed as the code',
      env: 'js',
      code: lines("const ws = new (require('ws'))('ws://example.test');", "ws.on('message', () => { try { run(); } catch (e) { ws.close(e); } });", 'function run() {}'),
      errors: [{ messageId: 'errorObject', line: 2, column: 62 }],
    },
    {
      name: 'HTTP statuses read from responses',
      code: statusCode,
      errors: [
        { messageId: 'httpStatusValue', ...at(statusCode, 5, 'res.statusCode'), data: { value: 'res.statusCode', alternatives: '1000' } },
        { messageId: 'httpStatusValue', ...at(statusCode, 8, 'res.status'), data: { value: 'res.status' } },
      ],
    },
    {
      name: 'untyped JavaScript: receiver inferred from new WebSocket()',
      env: 'js',
      code: lines(
        "const ws = new WebSocket('wss://example.com/chat');",
        "ws.addEventListener('message', (event) => {",
        "  if (event.data === 'kicked') ws.close(403);",
        '});',
      ),
      errors: [{ messageId: 'httpStatus', line: 3, column: 41, endColumn: 44, data: { value: '403', runtime: BROWSER }, confidence: 'inferred' }],
    },
  ],
});

// JavaScript that requires ws (its types would leak into every other JavaScript snippet of a batch).
const jsStrings = lines(
  "const WebSocket = require('ws');",
  'const wss = new WebSocket.Server({ port: 8080 });',
  "wss.on('connection', (ws) => {",
  "  ws.close('bye');",
  "  ws.close('4000');",
  "  ws.close('4000', 'Unauthorized');",
  '});',
);
const domStrings = lines('declare const ws: WebSocket;', "ws.close('4000' as any);", "ws.close('goodbye' as any);");
const uwsHandlers = lines(
  "const uws = require('uWebSockets.js');",
  "uws.App().ws('/*', {",
  "  upgrade: (res) => { res.end('Server overloaded'); },",
  "  open: (ws) => { ws.end('Bye'); },",
  "  message: (ws) => { ws.end('Bye'); },",
  '});',
);

ruleTester('invalid-code', {
  valid: [],
  invalid: [
    {
      name: "strings on ws: a reason in the code's place, and numeric strings",
      env: 'js',
      code: jsStrings,
      errors: [
        {
          messageId: 'reasonAsCode',
          ...at(jsStrings, 4, "'bye'"),
          data: { value: '"bye"', method: 'close', runtime: '`ws`' },
          confidence: 'typed',
          message: 'A reason string is passed as the close code; pass a code first, then the reason.',
          detail: 'close() takes the code first, then the reason. On `ws`, ' + WS_EFFECT + '.',
          suggestions: [{ messageId: 'insertCode', output: withLine(jsStrings, 4, "  ws.close(1000, 'bye');") }],
        },
        {
          messageId: 'stringCode',
          ...at(jsStrings, 5, "'4000'"),
          data: { value: '"4000"' },
          suggestions: [{ messageId: 'useNumber', output: withLine(jsStrings, 5, '  ws.close(4000);') }],
        },
        { messageId: 'stringCode', ...at(jsStrings, 6, "'4000'"), suggestions: [{ messageId: 'useNumber', output: withLine(jsStrings, 6, "  ws.close(4000, 'Unauthorized');") }] },
      ],
      output: null,
    },
    {
      name: "uWebSockets.js: the socket handlers' sockets are checked, the upgrade handler's HTTP response is not",
      env: 'js-uninstalled',
      code: uwsHandlers,
      errors: [
        { messageId: 'reasonAsCode', ...at(uwsHandlers, 4, "'Bye'"), suggestions: [{ messageId: 'insertCode', output: withLine(uwsHandlers, 4, "  open: (ws) => { ws.end(1000, 'Bye'); },") }] },
        { messageId: 'reasonAsCode', ...at(uwsHandlers, 5, "'Bye'"), suggestions: [{ messageId: 'insertCode', output: withLine(uwsHandlers, 5, "  message: (ws) => { ws.end(1000, 'Bye'); },") }] },
      ],
      output: null,
    },
    {
      name: 'browsers convert "4000" and send it; a word becomes 0 and throws',
      env: 'dom',
      code: domStrings,
      errors: [
        {
          messageId: 'convertedCode',
          ...at(domStrings, 2, "'4000'"),
          data: { value: '"4000"', sent: 4000, runtime: BROWSER },
          suggestions: [{ messageId: 'useNumber', output: withLine(domStrings, 2, 'ws.close(4000 as any);') }],
        },
        {
          messageId: 'reasonAsCode',
          ...at(domStrings, 3, "'goodbye'"),
          data: { runtime: BROWSER },
          suggestions: [{ messageId: 'insertCode', output: withLine(domStrings, 3, "ws.close(1000, 'goodbye' as any);") }],
        },
      ],
    },
  ],
});
