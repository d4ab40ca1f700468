// The ESLint rules through typescript-eslint's RuleTester, with real type information: every case
// is a virtual file in test/fixtures/eslint typed by that folder's tsconfig (Node and ws types;
// the DOM lib per case). Each rule: typed valid and invalid cases with messageId, exact ranges,
// fix output and suggestions. Plus: wsclose.config.json and package.json are honoured as the CLI
// honours them, ESLint options reach the engine, and inferred receivers render the engine's text.
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { RuleTester } from '@typescript-eslint/rule-tester';
import plugin from '../../server/src/eslint/plugin';
import { FIXTURES } from '../harness/paths';

RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const FIXTURE = path.join(FIXTURES, 'eslint');

const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.ts*', 'configured/*.ts'] },
      tsconfigRootDir: FIXTURE,
    },
  },
});

/**
 * The plugin's rule as RuleTester types it. @typescript-eslint/rule-tester 8.72 brings its own copy of
 * @typescript-eslint/utils, whose (structurally equal) types TypeScript keeps apart because of
 * private class members; at run time the rule object is used as is.
 */
type TestedRule = Parameters<RuleTester['run']>[1];
const rule = (id: keyof typeof plugin.rules): TestedRule => plugin.rules[id] as unknown as TestedRule;

const lines = (...l: string[]): string => l.join('\n');
const WS = ["import WebSocket from 'ws';", 'declare const ws: WebSocket;'];
const DOM = ['/// <reference lib="dom" />', "const socket = new WebSocket('wss://chat.example.com');"];
const WS_THROWS =
  '`close()` throws `TypeError: First argument must be a valid error code number` and leaves the socket stuck in CLOSING: no Close frame goes out until `terminate()` is called or the peer closes';
const BROWSER = 'the browser WebSocket (WHATWG)';
const BROWSER_THROWS = '`close()` throws an `InvalidAccessError` DOMException for every code except 1000 and 3000–4999';
const WS_REASON_THROWS = '`close()` throws `RangeError: The message must not be greater than 123 bytes` and leaves the socket stuck in CLOSING';
const CONFIGURED = path.join(FIXTURE, 'configured');

ruleTester.run('reserved-code', rule('reserved-code'), {
  valid: [
    lines(...WS, 'ws.close();', 'ws.close(1000);', "ws.close(4000, 'Room closed');"),
    {
      name: 'not a WebSocket: a file stream',
      code: lines("import * as fs from 'node:fs';", "const out = fs.createWriteStream('/tmp/log');", 'out.close();'),
    },
    {
      name: 'a forwarded code that is checked first',
      code: lines(...WS, 'declare const peer: WebSocket;', "peer.on('close', (code: number) => ws.close([1004, 1005, 1006, 1015].includes(code) ? 1000 : code));"),
    },
  ],
  invalid: [
    {
      name: 'a reserved code on ws',
      code: lines(...WS, 'ws.close(1006);'),
      output: null,
      errors: [
        {
          messageId: 'reserved',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 14,
          data: { code: 1006, name: 'Abnormal Closure', runtime: '`ws`', effect: WS_THROWS, alternatives: '1000 or 1011', method: 'close' },
          suggestions: [
            { messageId: 'replaceCode', data: { replacement: '1000 (Normal Closure)' }, output: lines(...WS, 'ws.close(1000);') },
            { messageId: 'replaceCode', data: { replacement: '1011 (Internal Error)' }, output: lines(...WS, 'ws.close(1011);') },
            { messageId: 'removeCode', data: { method: 'close' }, output: lines(...WS, 'ws.close();') },
          ],
        },
      ],
    },
    {
      name: 'a received code forwarded unchecked',
      code: lines(...WS, 'declare const peer: WebSocket;', "peer.on('close', (code: number) => ws.close(code));"),
      output: null,
      errors: [
        {
          messageId: 'forwarded',
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'guardForwarded',
              output: lines(...WS, 'declare const peer: WebSocket;', "peer.on('close', (code: number) => ws.close([1004, 1005, 1006, 1015].includes(code) ? 1000 : code));"),
            },
          ],
        },
      ],
    },
    {
      name: 'an untyped receiver: the same message as a typed one (what it rests on is in the detail)',
      code: lines('declare const WebSocket: any;', "const ws = new WebSocket('wss://example.com');", 'ws.addEventListener("message", () => ws.close(1005));', 'export {};'),
      output: null,
      errors: [
        {
          messageId: 'reserved',
          line: 3,
          column: 47,
          endColumn: 51,
          data: {
            code: 1005,
            name: 'No Status Received',
            runtime: BROWSER,
            effect: BROWSER_THROWS,
            alternatives: '1000 or 4000',
            method: 'close',
          },
          suggestions: [
            { messageId: 'replaceCode', output: lines('declare const WebSocket: any;', "const ws = new WebSocket('wss://example.com');", 'ws.addEventListener("message", () => ws.close(1000));', 'export {};') },
            { messageId: 'replaceCode', output: lines('declare const WebSocket: any;', "const ws = new WebSocket('wss://example.com');", 'ws.addEventListener("message", () => ws.close(4000));', 'export {};') },
            { messageId: 'removeCode', output: lines('declare const WebSocket: any;', "const ws = new WebSocket('wss://example.com');", 'ws.addEventListener("message", () => ws.close());', 'export {};') },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('invalid-code', rule('invalid-code'), {
  valid: [lines(...WS, 'ws.close(1008);', 'ws.close(4999);'), lines(...WS, 'declare const code: 1000 | 4001;', 'ws.close(code);')],
  invalid: [
    {
      name: 'an HTTP status',
      code: lines(...WS, 'ws.close(401);'),
      output: null,
      errors: [
        {
          messageId: 'httpStatus',
          line: 3,
          column: 10,
          endColumn: 13,
          data: { value: '401', runtime: '`ws`', effect: WS_THROWS, alternatives: '1008 or 3000' },
          suggestions: [
            { messageId: 'replaceCode', output: lines(...WS, 'ws.close(1008);') },
            { messageId: 'replaceCode', output: lines(...WS, 'ws.close(3000);') },
          ],
        },
      ],
    },
    {
      name: 'a reason in the code position',
      code: lines(...WS, "ws.close('Server shutting down');"),
      output: null,
      errors: [
        {
          messageId: 'reasonAsCode',
          line: 3,
          column: 10,
          endColumn: 32,
          suggestions: [{ messageId: 'insertCode', output: lines(...WS, "ws.close(1000, 'Server shutting down');") }],
        },
      ],
    },
    {
      name: 'below 1000',
      code: lines(...WS, 'ws.close(999);'),
      output: null,
      errors: [{ messageId: 'belowRange', line: 3, column: 10, endColumn: 13, suggestions: [{ messageId: 'replaceCode', output: lines(...WS, 'ws.close(1000);') }] }],
    },
  ],
});

ruleTester.run('browser-code-range', rule('browser-code-range'), {
  valid: [
    {
      name: 'ws accepts 1011',
      code: lines(...WS, 'ws.close(1011);'),
    },
    lines(...DOM, "socket.onmessage = () => socket.close(4000, 'Done');"),
  ],
  invalid: [
    {
      name: 'a browser socket refuses 1011',
      code: lines(...DOM, "socket.onerror = () => socket.close(1011, 'Internal error');"),
      output: null,
      errors: [
        {
          messageId: 'outsideBrowserRange',
          line: 3,
          column: 37,
          endColumn: 41,
          data: { code: 1011, name: 'Internal Error', runtime: BROWSER, effect: BROWSER_THROWS, alternatives: '4500' },
          suggestions: [{ messageId: 'replaceCode', output: lines(...DOM, "socket.onerror = () => socket.close(4500, 'Internal error');") }],
        },
      ],
    },
    {
      name: 'wsclose.config.json forces the browser runtime; the package.json next to it turns on the graphql-ws profile (its 4500 name)',
      filename: path.join(CONFIGURED, 'browser.ts'),
      code: lines(...WS, 'ws.close(1011);'),
      output: null,
      errors: [
        {
          messageId: 'outsideBrowserRange',
          line: 3,
          column: 10,
          endColumn: 14,
          data: { code: 1011, name: 'Internal Error', runtime: BROWSER, effect: BROWSER_THROWS, alternatives: '4500' },
          suggestions: [{ messageId: 'replaceCode', output: lines(...WS, 'ws.close(4500);') }],
        },
      ],
    },
  ],
});

const LONG = 'y'.repeat(130);
const catchClose = (reason: string): string => lines(...WS, "try { JSON.parse('{'); } catch (error) {", `  ws.close(1011, ${reason});`, '}');

ruleTester.run('reason-too-long', rule('reason-too-long'), {
  valid: [
    lines(...WS, "ws.close(1000, 'Bye');"),
    catchClose('(error as Error).message.slice(0, 41)'),
    {
      name: 'checkUnboundedReasons: false (an ESLint rule option) leaves error text alone',
      code: catchClose('(error as Error).message'),
      options: [{ checkUnboundedReasons: false }],
    },
  ],
  invalid: [
    {
      name: 'at least 130 bytes from the fixed part',
      code: lines(...WS, `ws.close(1000, 'x'.repeat(10) + '${LONG}');`),
      output: null,
      errors: [{ messageId: 'tooLongAtLeast', line: 3, column: 16, endLine: 3, endColumn: 165, data: { bytes: 130, runtime: '`ws`', effect: WS_REASON_THROWS } }],
    },
    {
      name: 'a reason certainly too long: the suggestion shortens it',
      code: lines(...WS, `ws.close(1000, '${LONG}');`),
      output: null,
      errors: [
        {
          messageId: 'tooLong',
          line: 3,
          column: 16,
          endColumn: 148,
          data: { bytes: 130, runtime: '`ws`', effect: WS_REASON_THROWS },
          suggestions: [{ messageId: 'truncateReason', data: { bytes: 123 }, output: lines(...WS, `ws.close(1000, '${'y'.repeat(123)}');`) }],
        },
      ],
    },
    {
      name: 'an error message with no length limit',
      code: catchClose('(error as Error).message'),
      output: null,
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 18,
          endColumn: 42,
          data: { source: "an error's message or stack", effect: WS_REASON_THROWS },
          suggestions: [{ messageId: 'limitReason', output: catchClose('(error as Error).message.slice(0, 41)') }],
        },
      ],
    },
    {
      name: 'checkUnboundedReasons: true given explicitly',
      code: catchClose('(error as Error).message'),
      options: [{ checkUnboundedReasons: true }],
      output: null,
      errors: [{ messageId: 'unbounded', line: 4, column: 18, suggestions: [{ messageId: 'limitReason', output: catchClose('(error as Error).message.slice(0, 41)') }] }],
    },
  ],
});

ruleTester.run('reason-without-code', rule('reason-without-code'), {
  valid: [lines(...WS, "ws.close(1000, 'Bye');", 'ws.close();'), lines(...WS, 'const close = (code?: number, reason?: string) => ws.close(code, reason);')],
  invalid: [
    {
      name: 'close(undefined, reason): the fix passes 1000',
      code: lines(...WS, "ws.close(undefined, 'Session ended');"),
      output: lines(...WS, "ws.close(1000, 'Session ended');"),
      errors: [{ messageId: 'missingCode', line: 3, column: 10, endLine: 3, endColumn: 19, data: { runtime: '`ws`', effect: 'the reason is silently dropped and an empty Close frame is sent, so the peer sees 1005' } }],
    },
    {
      name: 'a code that may be undefined: a suggestion, no fix',
      code: lines(...WS, 'function disconnect(code: number | undefined) {', "  ws.close(code, 'Client disconnected');", '}'),
      output: null,
      errors: [
        {
          messageId: 'maybeMissingCode',
          line: 4,
          column: 12,
          endColumn: 16,
          suggestions: [{ messageId: 'defaultCode', output: lines(...WS, 'function disconnect(code: number | undefined) {', "  ws.close(code ?? 1000, 'Client disconnected');", '}') }],
        },
      ],
    },
  ],
});

ruleTester.run('mismatched-code', rule('mismatched-code'), {
  valid: [lines(...WS, "try { JSON.parse('{'); } catch {", '  ws.close(1011);', '}'), lines(...WS, "ws.close(1000, 'Goodbye');")],
  invalid: [
    {
      name: '1000 in a catch block',
      code: lines(...WS, 'try {', "  JSON.parse('{');", '} catch {', '  ws.close(1000);', '}'),
      output: null,
      errors: [
        {
          messageId: 'failureWithNormal',
          line: 6,
          column: 12,
          endColumn: 16,
          suggestions: [{ messageId: 'replaceCode', output: lines(...WS, 'try {', "  JSON.parse('{');", '} catch {', '  ws.close(1011);', '}') }],
        },
      ],
    },
  ],
});

ruleTester.run('premature-close', rule('premature-close'), {
  valid: [lines(...DOM, "socket.addEventListener('message', () => socket.close());")],
  invalid: [
    {
      name: 'closed right after it was created',
      code: lines(...DOM, 'socket.close();'),
      output: null,
      errors: [{ messageId: 'createdThenClosed', line: 3, column: 1, endLine: 3, endColumn: 15 }],
    },
  ],
});

ruleTester.run('unregistered-code', rule('unregistered-code'), {
  valid: [
    lines(...WS, "ws.close(3000, 'Bad token');", "ws.close(4001, 'Room closed');"),
    {
      name: 'files the wsclose config ignores are not reported',
      filename: path.join(CONFIGURED, 'ignored.ts'),
      code: lines(...WS, "ws.close(3001, 'Bad token');"),
    },
  ],
  invalid: [
    {
      name: 'an unregistered 3000–3999 code',
      code: lines(...WS, "ws.close(3001, 'Bad token');"),
      output: null,
      errors: [
        {
          messageId: 'unregistered',
          line: 3,
          column: 10,
          endColumn: 14,
          data: { code: 3001, alternatives: '3000 or 4001' },
          suggestions: [
            { messageId: 'replaceCode', output: lines(...WS, "ws.close(3000, 'Bad token');") },
            { messageId: 'replaceCode', output: lines(...WS, "ws.close(4001, 'Bad token');") },
          ],
        },
      ],
    },
    {
      name: "the config's private code names the suggestion; its `rules` severities do not apply under ESLint",
      filename: path.join(CONFIGURED, 'server.ts'),
      code: lines(...WS, "ws.close(3001, 'Bad token');"),
      output: null,
      errors: [
        {
          messageId: 'unregistered',
          line: 3,
          column: 10,
          suggestions: [
            { messageId: 'replaceCode', output: lines(...WS, "ws.close(3000, 'Bad token');") },
            { messageId: 'replaceCode', data: { replacement: '4002 (Private Use)' }, output: lines(...WS, "ws.close(4002, 'Bad token');") },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('reconnect-on-terminal-code', rule('reconnect-on-terminal-code'), {
  valid: [lines(...DOM, 'socket.onclose = (event) => {', '  if (event.code === 1008) return;', "  new WebSocket('wss://chat.example.com');", '};')],
  invalid: [
    {
      name: 'a close handler that reconnects whatever the code',
      code: lines(...DOM, "socket.onclose = () => new WebSocket('wss://chat.example.com');"),
      output: null,
      errors: [
        {
          messageId: 'reconnectsAfterTerminal',
          line: 3,
          column: 24,
          suggestions: [
            {
              messageId: 'guardTerminal',
              output: lines(...DOM, "socket.onclose = (event) => { if (event.code === 1008) return; new WebSocket('wss://chat.example.com'); };"),
            },
          ],
        },
      ],
    },
  ],
});
