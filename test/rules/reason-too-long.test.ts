// reason-too-long: reasons over 123 UTF-8 bytes (bytes, not `.length`), lower bounds of built
// reasons, and reasons built from unbounded text with no length limit.
import { lines, ruleTester } from '../harness/rule-tester';
import type { ResolvedConfig } from '../../server/src/core/config';

/** A ws socket on line 2; the case's own code starts on line 3. */
const WS = ["import WebSocket from 'ws';", 'declare const ws: WebSocket;'];

const WS_EFFECT = '`close()` throws `RangeError: The message must not be greater than 123 bytes` and leaves the socket stuck in CLOSING';
const DOM_EFFECT = '`close()` throws a `SyntaxError` DOMException when the reason is longer than 123 UTF-8 bytes';

const X123 = 'x'.repeat(123);
const X124 = 'x'.repeat(124);
const E_ACUTE_62 = 'é'.repeat(62); // 62 UTF-16 units, 124 bytes
const EMOJI_31 = '😀'.repeat(31); // 62 UTF-16 units, 124 bytes
const LONE_42 = '\\ud800'.repeat(42); // source text: 42 lone surrogates, 126 bytes
// 82 bytes of fixed text: long, but under the limit on its own.
const PREFIX = 'This connection is being closed because the account exceeded its quota of sessions';

const withoutUnbounded = (config: ResolvedConfig): ResolvedConfig => ({
  ...config,
  rules: { ...config.rules, 'reason-too-long': { ...config.rules['reason-too-long'], options: { checkUnboundedReasons: false } } },
});

/** Same text with `line` (1-based) replaced. */
const replaceLine = (code: string, line: number, text: string): string => code.split('\n').map((l, i) => (i === line - 1 ? text : l)).join('\n');

const code124 = lines(...WS, `ws.close(1008, '${X124}');`);
const codeE = lines(...WS, `ws.close(1008, '${E_ACUTE_62}');`);
const codeEmoji = lines(...WS, `ws.close(1008, '${EMOJI_31}');`);
const codeLone = lines(...WS, `ws.close(1008, "${LONE_42}");`);
const codeDouble = lines(...WS, `ws.close(1008, "Don't ${'x'.repeat(118)}");`);
const codeBranch = lines(...WS, 'declare const banned: boolean;', `ws.close(1008, banned ? 'Banned' : '${X124}');`);
const codeDom = lines("const sock = new WebSocket('wss://chat.example.com');", `sock.addEventListener('open', () => sock.send('hi'));`, `function leave() { sock.close(1000, '${X124}'); }`);

const codeMessage = lines(...WS, 'declare const err: Error;', 'ws.close(1011, err.message);');
const codeString = lines(...WS, 'declare const err: Error;', 'ws.close(1011, String(err));');
const codeTemplateErr = lines(...WS, 'declare const err: Error;', 'ws.close(1011, `${err}`);');
const codeJson = lines(...WS, 'declare const payload: unknown;', 'ws.close(1008, JSON.stringify(payload));');
const codeStack = lines(...WS, 'declare const err: Error;', 'ws.close(1011, err.stack);');
const codeConcatErr = lines(...WS, 'declare const err: Error;', "ws.close(1011, 'Failed: ' + err);");
const codeCatch = lines(...WS, 'try {', "  JSON.parse('{');", '} catch (e) {', '  ws.close(1011, (e as Error).message);', '}');
const codePayload = lines(
  "import { WebSocketServer } from 'ws';",
  'const wss = new WebSocketServer({ port: 8080 });',
  "wss.on('connection', (ws) => {",
  "  ws.on('message', (data) => ws.close(1008, `bad: ${data}`));",
  '});',
);
const codeDomPayload = lines(
  "const sock = new WebSocket('wss://chat.example.com');",
  'sock.onmessage = (event) => {',
  "  if (typeof event.data !== 'string') sock.close(4400, `Unexpected: ${event.data}`);",
  '};',
);

/** An abort that fills a `let` with an error's message or the stringified reason. */
const abortWithMessage = [
  'export function abort(socket: WebSocket, reason: unknown): void {',
  '  let message: string;',
  '  if (reason instanceof Error) message = reason.message;',
  '  else message = `${reason}`;',
];


ruleTester('reason-too-long', {
  valid: [
    {
      name: 'a let filled with an error message, then cut to the limit when too long',
      env: 'dom',
      code: lines(
        ...abortWithMessage,
        '  const bytes = new TextEncoder().encode(message);',
        '  if (bytes.length > 123) message = new TextDecoder().decode(bytes.subarray(0, 123));',
        '  socket.close(3000, message);',
        '}',
      ),
    },
    {
      name: 'JSON of a literal whose fields are typed short values (a union of literals, a boolean)',
      env: 'dom',
      code: lines(
        "type CloseKind = 'SCHEMA_MISMATCH' | 'UNAUTHORIZED' | 'TOKEN_EXPIRED';",
        'export function closeWith(socket: WebSocket, kind: CloseKind, retry: boolean): void {',
        '  socket.close(4000, JSON.stringify({ type: kind, retry }));',
        '}',
      ),
    },
    {
      name: 'JSON of a literal whose fields come from a type that does not resolve (a workspace package not built): nothing says they are long',
      env: 'uninstalled',
      code: lines(
        "import type { CloseReason } from '@acme/protocol';",
        "import WebSocket from 'ws';",
        'export function closeWith(socket: WebSocket, reason: CloseReason): void {',
        '  socket.close(4000, JSON.stringify({ type: reason.type, retry: reason.retry }));',
        '}',
      ),
    },
    {
      name: 'JSON of a whole value whose type lists only short fields (literal unions, a boolean, an optional nested number)',
      env: 'dom',
      code: lines(
        "type CloseReason = { type: 'SCHEMA_MISMATCH' | 'UNAUTHORIZED' | 'TOKEN_EXPIRED'; retry: boolean; detail?: { attempt: number } | null };",
        'export function closeWith(socket: WebSocket, reason?: CloseReason): void {',
        '  socket.close(1000, JSON.stringify(reason));',
        "  socket.close(1000, JSON.stringify({ kind: 'closed', reason }));",
        '}',
      ),
    },
    { name: 'exactly 123 bytes of ASCII', code: lines(...WS, `ws.close(1008, '${X123}');`) },
    { name: '61 × "é" + "a" is exactly 123 bytes', code: lines(...WS, `ws.close(1008, '${'é'.repeat(61)}a');`) },
    { name: '30 emoji (4 bytes each) + 3 ASCII is exactly 123 bytes', code: lines(...WS, `ws.close(1008, '${'😀'.repeat(30)}abc');`) },
    { name: '41 lone surrogates count 3 bytes each: 123', code: lines(...WS, `ws.close(1008, "${'\\ud800'.repeat(41)}");`) },
    {
      name: 'short reasons, codes without reasons',
      code: lines(...WS, 'ws.close();', 'ws.close(1000);', "ws.close(1000, 'Goodbye');", "ws.close(1001, `Server shutting down`);"),
    },
    {
      name: 'a template whose fixed text stays under the limit',
      code: lines(...WS, 'declare const user: { id: string };', `const PREFIX = '${PREFIX}';`, 'ws.close(4001, `${PREFIX}: ${user.id}`);'),
    },
    {
      name: 'limited unbounded text: slice, substring, a truncate helper',
      code: lines(
        ...WS,
        'declare const err: Error;',
        'declare function truncate(text: string, max: number): string;',
        'ws.close(1011, err.message.slice(0, 100));',
        'ws.close(1011, err.message.substring(0, 50));',
        'ws.close(1011, truncate(err.message, 100));',
        'ws.close(1011, `Failed: ${err.message.slice(0, 80)}`);',
      ),
    },
    {
      name: 'a reason whose length is checked before it is sent',
      code: lines(
        ...WS,
        'declare const err: Error;',
        'const reason = err.message;',
        "ws.close(1011, reason.length > 123 ? reason.slice(0, 120) + '...' : reason);",
        'if (Buffer.byteLength(reason) <= 123) ws.close(1011, reason);',
      ),
    },
    {
      name: 'values that are not error text: a result parameter, a typed string, a limited parsed field, a number',
      code: lines(
        ...WS,
        'declare function load(cb: (result: string) => void): void;',
        'load((result) => ws.close(1000, result));',
        "ws.on('message', (data) => {",
        '  const { room, count } = JSON.parse(String(data)) as { room: string; count: number };',
        '  ws.close(4004, `unknown room ${String(room).slice(0, 30)}`);',
        '  ws.close(4004, `count ${count.toFixed(0).slice(0, 5)}`);',
        '});',
        "const { name } = JSON.parse('{\"name\":\"lobby\"}') as { name: string };",
        'ws.close(4004, name);',
      ),
    },
    {
      name: 'untyped JavaScript: a callback parameter that is not an error',
      env: 'js',
      code: lines(
        "const ws = new WebSocket('wss://example.com');",
        'fetchReason((reason) => ws.close(1000, reason));',
        "ws.addEventListener('close', (event) => console.log(event.reason));",
      ),
    },
    {
      name: 'look-alikes: a constructor callback that is not an error, a limited ErrorEvent message, a Map lookup, a limited query parameter',
      code: lines(
        ...WS,
        'declare class Poller { constructor(onResult: (result: string) => void, onError: (err: Error) => void) }',
        "new Poller((result) => ws.close(1000, result), (err) => ws.close(1011, 'Poll failed'));",
        "declare const upstream: WebSocket;",
        "upstream.onerror = (event) => ws.close(4011, event.message.slice(0, 100));",
        'const names = new Map<string, string>();',
        "ws.close(4000, names.get('reason'));",
        "const params = new URL('wss://example.com/?reason=x').searchParams;",
        "ws.close(4000, params.get('reason')?.slice(0, 60));",
      ),
    },
    {
      name: 'untyped JavaScript: a parsed query string, limited; a JSON.parse of a constant',
      env: 'js',
      code: lines(
        "const querystring = require('querystring');",
        "const { WebSocketServer } = require('ws');",
        'const wss = new WebSocketServer({ port: 8080 });',
        "wss.on('connection', (ws, req) => {",
        "  const query = querystring.parse(req.url.split('?')[1] || '');",
        "  const config = JSON.parse('{\"bye\":\"see you\"}');",
        '  ws.close(4000, String(query.bye).slice(0, 50));',
        '  ws.close(4000, config.bye);',
        '});',
      ),
    },
    {
      name: 'a value the branch knows is empty or missing: `if (!id)` and `id === null`',
      code: lines(
        ...WS,
        'declare const requestUrl: URL;',
        "const id = requestUrl.searchParams.get('id');",
        'if (!id) ws.close(4003, `Invalid id "${id}"`);',
        "const room = requestUrl.searchParams.get('room');",
        'ws.close(4003, room === null ? `Missing room ${room}` : "ok");',
      ),
    },
    {
      name: 'Buffer reasons are not measured',
      code: lines(...WS, `ws.close(1008, Buffer.from('${X124}'));`),
    },
    {
      name: 'checkUnboundedReasons: false leaves error text alone',
      code: lines(...WS, 'declare const err: Error;', 'ws.close(1011, err.message);', 'ws.close(1011, `${err}`);'),
      config: withoutUnbounded,
    },
    {
      name: 'a reason received from the peer is at most 123 bytes already',
      code: lines(
        "import WebSocket from 'ws';",
        'declare const client: WebSocket;',
        'declare const upstream: WebSocket;',
        "upstream.on('close', (code, reason) => client.close(1000, reason));",
      ),
    },
    {
      name: 'a browser socket with a short reason',
      env: 'dom',
      code: lines("const sock = new WebSocket('wss://chat.example.com');", "sock.addEventListener('open', () => sock.send('hi'));", "function leave() { sock.close(1000, 'User left'); }"),
    },
  ],
  invalid: [
    {
      name: 'plain JavaScript (ws before 3.0): a query parameter of ws.upgradeReq.url, parsed with url.parse, in a JSON literal',
      env: 'js',
      code: lines(
        "var url = require('url');",
        "var WebSocket = require('ws');",
        'var subscriptions = {};',
        "new WebSocket.Server({ port: 8080 }).on('connection', function (ws) {",
        '  var query = url.parse(ws.upgradeReq.url, true).query;',
        '  if (!subscriptions[query.id]) {',
        "    ws.close(1008, JSON.stringify({ code: 404, error: `No subscription '${query.id}'` }));",
        '  }',
        '});',
      ),
      errors: [{ messageId: 'unbounded', line: 7, column: 20, data: { source: 'text received over the network' } }],
    },
    {
      name: 'a let filled with an error message on one branch',
      env: 'dom',
      code: lines(
        ...abortWithMessage,
        '  socket.close(3000, message);',
        '}',
      ),
      errors: [{ messageId: 'unbounded', line: 5, column: 22 }],
    },
    {
      name: 'plain JavaScript: a var given the caught error text',
      env: 'js',
      code: lines(
        "var ws = new WebSocket('wss://example.test');",
        "var reason = 'Server error';",
        'function fail(err) {',
        '  try { throw err; } catch (e) { reason = String(e); }',
        '  ws.close(4500, reason);',
        '}',
      ),
      errors: [{ messageId: 'unbounded', line: 5, column: 18 }],
    },
    {
      name: 'JSON of a whole value whose type has a free-text field, or an array: serialized data',
      env: 'dom',
      code: lines(
        "type CloseReason = { type: 'KICKED'; message: string };",
        "type Codes = { type: 'KICKED'; codes: number[] };",
        'export function closeWith(socket: WebSocket, reason: CloseReason, codes: Codes): void {',
        '  socket.close(1000, JSON.stringify(reason));',
        '  socket.close(1000, JSON.stringify(codes));',
        '}',
      ),
      errors: [
        { messageId: 'unbounded', line: 4, column: 22, data: { source: 'serialized data' } },
        { messageId: 'unbounded', line: 5, column: 22, data: { source: 'serialized data' } },
      ],
    },
    {
      name: 'JSON of a literal with a field that is a whole object: serialized data',
      env: 'dom',
      code: lines(
        'interface Session { user: string; scopes: string[] }',
        'export function kick(socket: WebSocket, session: Session): void {',
        "  socket.close(4001, JSON.stringify({ type: 'kicked', session }));",
        '}',
      ),
      errors: [{ messageId: 'unbounded', line: 3, column: 22, data: { source: 'serialized data' } }],
    },
    {
      name: '124 bytes of ASCII',
      code: code124,
      output: null,
      errors: [
        {
          messageId: 'tooLong',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 142,
          data: { bytes: 124, runtime: '`ws`', effect: WS_EFFECT },
          suggestions: [{ messageId: 'truncateReason', output: replaceLine(code124, 3, `ws.close(1008, '${X123}');`) }],
        },
      ],
    },
    {
      name: '62 × "é" is 124 bytes although its .length is 62',
      code: codeE,
      output: null,
      errors: [
        {
          messageId: 'tooLong',
          line: 3,
          column: 16,
          endColumn: 80,
          data: { bytes: 124 },
          suggestions: [{ messageId: 'truncateReason', output: replaceLine(codeE, 3, `ws.close(1008, '${'é'.repeat(61)}');`) }],
        },
      ],
    },
    {
      name: 'emoji count 4 bytes; the shortened text keeps surrogate pairs whole',
      code: codeEmoji,
      errors: [
        {
          messageId: 'tooLong',
          line: 3,
          column: 16,
          data: { bytes: 124 },
          suggestions: [{ messageId: 'truncateReason', output: replaceLine(codeEmoji, 3, `ws.close(1008, '${'😀'.repeat(30)}');`) }],
        },
      ],
    },
    {
      name: 'lone surrogates count 3 bytes (U+FFFD); double quotes are kept',
      code: codeLone,
      errors: [
        {
          messageId: 'tooLong',
          line: 3,
          column: 16,
          data: { bytes: 126 },
          suggestions: [{ messageId: 'truncateReason', output: replaceLine(codeLone, 3, `ws.close(1008, "${'\\ud800'.repeat(41)}");`) }],
        },
      ],
    },
    {
      name: 'a double-quoted reason with an apostrophe stays double-quoted',
      code: codeDouble,
      errors: [
        {
          messageId: 'tooLong',
          line: 3,
          column: 16,
          data: { bytes: 124 },
          suggestions: [{ messageId: 'truncateReason', output: replaceLine(codeDouble, 3, `ws.close(1008, "Don't ${'x'.repeat(117)}");`) }],
        },
      ],
    },
    {
      name: 'one long branch of a conditional is reported on that branch',
      code: codeBranch,
      errors: [
        {
          messageId: 'tooLong',
          line: 4,
          column: 36,
          endColumn: 162,
          data: { bytes: 124 },
          suggestions: [{ messageId: 'truncateReason', output: replaceLine(codeBranch, 4, `ws.close(1008, banned ? 'Banned' : '${X123}');`) }],
        },
      ],
    },
    {
      name: 'a const reason is reported on the argument, with nothing to shorten in place',
      code: lines(...WS, `const REASONS = { quota: '${X124}' } as const;`, 'ws.close(4029, REASONS.quota);'),
      errors: [{ messageId: 'tooLong', line: 4, column: 16, endColumn: 29, data: { bytes: 124 }, suggestions: [] }],
    },
    {
      name: 'a template whose fixed text alone passes 123 bytes',
      code: lines(...WS, 'declare const user: { id: string };', `const PREFIX = '${PREFIX}';`, 'ws.close(4001, `${PREFIX} (user ${user.id}); contact support to raise the limit`);'),
      errors: [{ messageId: 'tooLongAtLeast', line: 5, column: 16, data: { bytes: 126 }, suggestions: [] }],
    },
    {
      name: 'a concatenation with unknown parts',
      code: lines(...WS, 'declare const user: { name: string };', `ws.close(4001, '${PREFIX}, ' + user.name + '; please contact support to raise the limit');`),
      errors: [{ messageId: 'tooLongAtLeast', line: 4, column: 16, data: { bytes: 127 } }],
    },
    {
      name: 'a browser socket: the SyntaxError is named',
      env: 'dom',
      code: codeDom,
      errors: [{ messageId: 'tooLong', line: 3, column: 37, data: { bytes: 124, runtime: 'the browser WebSocket (WHATWG)', effect: DOM_EFFECT } }],
    },
    {
      name: "an error's message",
      code: codeMessage,
      output: null,
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 16,
          endColumn: 27,
          data: { source: "an error's message or stack", runtime: '`ws`', effect: WS_EFFECT },
          suggestions: [{ messageId: 'limitReason', output: replaceLine(codeMessage, 4, 'ws.close(1011, err.message.slice(0, 41));') }],
        },
      ],
    },
    {
      name: 'String(err)',
      code: codeString,
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 16,
          data: { source: "an error's message or stack" },
          suggestions: [{ messageId: 'limitReason', output: replaceLine(codeString, 4, 'ws.close(1011, String(err).slice(0, 41));') }],
        },
      ],
    },
    {
      name: '`${err}` in a template',
      code: codeTemplateErr,
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 16,
          endColumn: 24,
          data: { source: "an error's message or stack" },
          suggestions: [{ messageId: 'limitReason', output: replaceLine(codeTemplateErr, 4, 'ws.close(1011, `${err}`.slice(0, 41));') }],
        },
      ],
    },
    {
      name: "'Failed: ' + err",
      code: codeConcatErr,
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 16,
          data: { source: "an error's message or stack" },
          suggestions: [{ messageId: 'limitReason', output: replaceLine(codeConcatErr, 4, "ws.close(1011, ('Failed: ' + err).slice(0, 41));") }],
        },
      ],
    },
    {
      name: 'a room id destructured from the parsed message, in a template (untyped JavaScript)',
      env: 'js',
      code: lines(
        "const WebSocket = require('ws');",
        'const wss = new WebSocket.Server({ port: 8080 });',
        "wss.on('connection', (ws) => {",
        "  ws.on('message', (raw) => {",
        '    const msg = JSON.parse(raw);',
        '    const { roomId } = msg;',
        '    const player = msg.player;',
        '    ws.close(4004, `Room ${roomId} not found`);',
        '    ws.close(4000, player.name);',
        '  });',
        '});',
      ),
      errors: [
        { messageId: 'unbounded', line: 8, column: 20, data: { source: 'text received over the network' } },
        { messageId: 'unbounded', line: 9, column: 20, data: { source: 'text received over the network' } },
      ],
    },
    {
      name: 'JSON.stringify(payload)',
      code: codeJson,
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 16,
          data: { source: 'serialized data' },
          suggestions: [{ messageId: 'limitReason', output: replaceLine(codeJson, 4, 'ws.close(1008, JSON.stringify(payload).slice(0, 41));') }],
        },
      ],
    },
    {
      name: 'err.stack may be undefined: the suggestion uses ?.slice',
      code: codeStack,
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 16,
          data: { source: "an error's message or stack" },
          suggestions: [{ messageId: 'limitReason', output: replaceLine(codeStack, 4, 'ws.close(1011, err.stack?.slice(0, 41));') }],
        },
      ],
    },
    {
      name: 'the message of a caught error',
      code: codeCatch,
      errors: [
        {
          messageId: 'unbounded',
          line: 6,
          column: 18,
          data: { source: "an error's message or stack" },
          suggestions: [{ messageId: 'limitReason', output: replaceLine(codeCatch, 6, '  ws.close(1011, (e as Error).message.slice(0, 41));') }],
        },
      ],
    },
    {
      name: "the client's message payload in a template",
      code: codePayload,
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 45,
          endColumn: 59,
          data: { source: 'text received over the network' },
          suggestions: [{ messageId: 'limitReason', output: replaceLine(codePayload, 4, "  ws.on('message', (data) => ws.close(1008, `bad: ${data}`.slice(0, 41)));") }],
        },
      ],
    },
    {
      name: "a browser MessageEvent's data",
      env: 'dom',
      code: codeDomPayload,
      errors: [
        {
          messageId: 'unbounded',
          line: 3,
          column: 56,
          data: { source: 'text received over the network', runtime: 'the browser WebSocket (WHATWG)' },
          suggestions: [
            { messageId: 'limitReason', output: replaceLine(codeDomPayload, 3, "  if (typeof event.data !== 'string') sock.close(4400, `Unexpected: ${event.data}`.slice(0, 41));") },
          ],
        },
      ],
    },
    {
      name: 'an Error object as the reason is stringified: unbounded, String() in the suggestion',
      code: lines(...WS, 'declare const err: Error;', 'ws.close(1011, err);', 'try { JSON.parse("{"); } catch (e) { ws.close(1011, e.toString()); }'),
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 16,
          data: { source: "an error's message or stack" },
          suggestions: [{ messageId: 'limitReason', output: lines(...WS, 'declare const err: Error;', 'ws.close(1011, String(err).slice(0, 41));', 'try { JSON.parse("{"); } catch (e) { ws.close(1011, e.toString()); }') }],
        },
        { messageId: 'unbounded', line: 5, column: 53, data: { source: "an error's message or stack" } },
      ],
    },
    {
      name: 'untyped JavaScript: catch variables, .catch() and error-listener parameters, Node-style callbacks',
      env: 'js',
      code: lines(
        "const ws = new WebSocket('wss://example.com');",
        'try { start(); } catch (err) { ws.close(4000, `${err}`); }',
        'load().catch((reason) => ws.close(4000, String(reason)));',
        "ws.addEventListener('error', (e) => ws.close(4000, e.stack));",
        'readConfig((err, config) => { if (err) ws.close(4000, err); else ws.send(config); });',
      ),
      errors: [
        { messageId: 'unbounded', line: 2, column: 47, data: { source: "an error's message or stack" } },
        { messageId: 'unbounded', line: 3, column: 41, data: { source: "an error's message or stack" } },
        { messageId: 'unbounded', line: 4, column: 52, data: { source: "an error's message or stack" } },
        { messageId: 'unbounded', line: 5, column: 55, data: { source: "an error's message or stack" }, suggestions: [{ messageId: 'limitReason', output: lines("const ws = new WebSocket('wss://example.com');", 'try { start(); } catch (err) { ws.close(4000, `${err}`); }', 'load().catch((reason) => ws.close(4000, String(reason)));', "ws.addEventListener('error', (e) => ws.close(4000, e.stack));", 'readConfig((err, config) => { if (err) ws.close(4000, String(err).slice(0, 41)); else ws.send(config); });') }] },
      ],
    },
    {
      name: 'a value the client sent, destructured from its parsed message',
      code: lines(
        ...WS,
        "ws.on('message', (data) => {",
        '  const { id } = JSON.parse(data.toString()) as { id: string };',
        '  const message = JSON.parse(String(data));',
        '  ws.close(4004, `unknown room ${id}`);',
        '  ws.close(4004, message.room);',
        '});',
      ),
      errors: [
        { messageId: 'unbounded', line: 6, column: 18, data: { source: 'text received over the network' } },
        { messageId: 'unbounded', line: 7, column: 18, data: { source: 'text received over the network' } },
      ],
    },
    {
      name: 'a parameter its file always passes a parsed message: the server-supplied reason a client closes with',
      env: 'js',
      code: lines(
        'function Conn(url) {',
        '  this.ws = new WebSocket(url);',
        '  this.ws.onmessage = (event) => this._handle(JSON.parse(event.data));',
        '}',
        "Conn.prototype._handle = function (message) { if (message.type === 'bad') this.ws.close(4002, message.reason); };",
        'function report(text) { socket.close(4000, text); }',
        "const socket = new WebSocket('wss://example.test');",
        "socket.onmessage = (event) => report(event.data);",
        "report('fixed text');",
      ),
      // report() is a wrapper: its call with the message is reported where the text is passed, not inside it.
      errors: [
        { messageId: 'unbounded', line: 5, column: 95, data: { source: 'text received over the network' } },
        { messageId: 'unbounded', line: 8, column: 38, data: { source: 'text received over the network' } },
      ],
    },
    {
      name: 'untyped JavaScript: a parsed browser message event',
      env: 'js',
      code: lines(
        "const ws = new WebSocket('wss://example.com');",
        'ws.onmessage = (event) => {',
        '  const { room } = JSON.parse(event.data);',
        '  ws.close(4004, "unknown room " + room);',
        '};',
      ),
      errors: [{ messageId: 'unbounded', line: 4, column: 18, data: { source: 'text received over the network' } }],
    },
    {
      name: "untyped JavaScript: the error parameter of a callback given to a constructor",
      env: 'js',
      code: lines(
        "const ws = new WebSocket('wss://example.com');",
        'const limiter = new LimiterClient(() => connect(), (err) => ws.close(4011, err.stack));',
      ),
      errors: [{ messageId: 'unbounded', line: 2, column: 76, data: { source: "an error's message or stack" } }],
    },
    {
      name: "an ErrorEvent's message: the underlying error's text",
      code: lines(
        ...WS,
        "const upstream = new WebSocket('wss://backend.example.com');",
        'upstream.onerror = (event) => ws.close(4011, event.message);',
      ),
      errors: [{ messageId: 'unbounded', line: 4, column: 46, data: { source: "an error's message or stack" } }],
    },
    {
      name: 'a URL query parameter: whatever the URL says',
      code: lines(
        ...WS,
        'declare const requestUrl: string;',
        "const query = new URL(requestUrl, 'http://localhost').searchParams;",
        "ws.close(4000, query.get('reason') ?? undefined);",
      ),
      errors: [{ messageId: 'unbounded', line: 5, column: 16, data: { source: 'text received over the network' } }],
    },
    {
      name: 'untyped JavaScript: a value of a parsed query string',
      env: 'js',
      code: lines(
        "const qs = require('querystring');",
        "const { WebSocketServer } = require('ws');",
        'const wss = new WebSocketServer({ port: 8080 });',
        "wss.on('connection', (ws, req) => {",
        "  const query = qs.parse(req.url.split('?')[1] || '');",
        '  if (query.bye) ws.close(4000, query.bye);',
        '});',
      ),
      errors: [{ messageId: 'unbounded', line: 6, column: 33, data: { source: 'text received over the network' } }],
    },
    {
      name: 'a query parameter that is present but invalid is still unbounded',
      code: lines(
        ...WS,
        'declare const requestUrl: URL;',
        'declare function isKnownRoom(room: string): boolean;',
        "const room = requestUrl.searchParams.get('room');",
        'if (room && !isKnownRoom(room)) ws.close(4004, `Unknown room ${room}`);',
      ),
      errors: [{ messageId: 'unbounded', line: 6, column: 48, data: { source: 'text received over the network' } }],
    },
    {
      name: 'checkUnboundedReasons: false still reports reasons certainly too long',
      code: lines(...WS, 'declare const err: Error;', `ws.close(1011, '${X124}');`, 'ws.close(1011, err.message);'),
      config: withoutUnbounded,
      errors: [{ messageId: 'tooLong', line: 4, column: 16, data: { bytes: 124 } }],
    },
  ],
});
