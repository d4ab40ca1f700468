// unregistered-code: 3000–3999 is a registry range with only 3000 Unauthorized, 3003 Forbidden
// and 3008 Timeout registered; other 3xxx codes should be registered or moved to 4000–4999.
import type { ResolvedConfig } from '../../server/src/core/config';
import { at, lines, lookAlikeCloses, ruleTester, withLine } from '../harness/rule-tester';

const declaring =
  (...codes: Array<{ code: number; name: string }>) =>
  (config: ResolvedConfig): ResolvedConfig => ({ ...config, codes: [...config.codes, ...codes] });

const WS = ["import type WebSocket from 'ws';", 'declare const ws: WebSocket;'];

const server = lines(
  "import { WebSocketServer } from 'ws';",
  'declare function verify(header: string | undefined): boolean;',
  'const wss = new WebSocketServer({ port: 8080 });',
  "wss.on('connection', (ws, req) => {",
  "  if (!verify(req.headers.authorization)) return ws.close(3001, 'Unauthorized');",
  "  ws.on('message', () => ws.close(3002));",
  '});',
);
const ranges = lines(...WS, 'ws.close(3999);', "ws.close(3500, 'Rate limited');", 'ws.close(3000 + 1);');
const constants = lines(
  ...WS,
  'export enum AppClose { SessionExpired = 3100, Kicked = 3101 }',
  'export const CLOSE = { REPLACED: 3200 } as const;',
  "ws.close(AppClose.SessionExpired, 'Session expired');",
  'ws.close(CLOSE.REPLACED);',
);
const conditional = lines(...WS, 'declare const kicked: boolean;', 'ws.close(kicked ? AppCodes.Kicked : 3008);', 'declare enum AppCodes { Kicked = 3101 }');
const browser = lines("const ws = new WebSocket('wss://example.com/chat');", "ws.addEventListener('message', () => ws.close(3004, 'Idle'));");
const partlyDeclared = lines(...WS, "ws.close(3001, 'Replaced');", 'ws.close(3002);');

ruleTester('unregistered-code', {
  valid: [
    // The three registered codes, private codes and 1xxx codes.
    lines(
      ...WS,
      "ws.close(3000, 'Unauthorized');",
      "ws.close(3003, 'Forbidden');",
      "ws.close(3008, 'Idle timeout');",
      "ws.close(4001, 'Session replaced');",
      'ws.close(4999);',
      'ws.close(1000);',
      "ws.close(1008, 'Policy');",
      'ws.close();',
    ),
    {
      name: 'registered codes in a browser',
      env: 'dom',
      code: lines('declare const ws: WebSocket;', 'ws.close(3000);', 'ws.close(3003);', 'ws.close(3008);', "ws.close(4403, 'Forbidden');"),
    },
    // graphql-ws and Discord-style private codes.
    lines("import { CloseCode } from 'graphql-ws';", ...WS, "ws.close(CloseCode.Unauthorized, 'Unauthorized');", "ws.close(4004, 'Authentication failed');"),
    {
      name: 'a 3xxx code the project declares in its config',
      code: lines(...WS, "ws.close(3001, 'Session replaced');"),
      config: declaring({ code: 3001, name: 'SessionReplaced' }),
    },
    // Fractions and other non-codes belong to invalid-code; unknown numbers are not judged.
    lines(...WS, 'ws.close(3001.5);', 'export function shut(code: number) { ws.close(code); }', "ws.on('close', (code) => ws.close(code));"),
    // Look-alikes.
    lines(
      "import * as fs from 'node:fs';",
      'class Job { close(status: number) { return status; } }',
      'new Job().close(3001);',
      "fs.createReadStream('in.txt').close();",
    ),
    // Look-alikes: none of these is a WebSocket, whatever the numbers.
    lookAlikeCloses(3001),
  ],
  invalid: [
    {
      name: 'ws server rejecting with invented 3xxx codes',
      code: server,
      errors: [
        {
          messageId: 'unregistered',
          ...at(server, 5, '3001'),
          data: { code: 3001, alternatives: '3000 or 4001' },
          confidence: 'typed',
          message: '3001 is in the IANA range 3000–3999 but unregistered; use 3000 or 4001.',
          detail: 'Only 3000 (Unauthorized), 3003 (Forbidden) and 3008 (Timeout) are registered, so peers cannot know what 3001 means. Use another code, or register it with IANA.',
          suggestions: [
            { messageId: 'replaceCode', output: withLine(server, 5, "  if (!verify(req.headers.authorization)) return ws.close(3000, 'Unauthorized');") },
            { messageId: 'replaceCode', output: withLine(server, 5, "  if (!verify(req.headers.authorization)) return ws.close(4001, 'Unauthorized');") },
          ],
        },
        {
          messageId: 'unregistered',
          ...at(server, 6, '3002'),
          data: { code: 3002, alternatives: '4002' },
          suggestions: [{ messageId: 'replaceCode', output: withLine(server, 6, "  ws.on('message', () => ws.close(4002));") }],
        },
      ],
      output: null,
    },
    {
      name: 'the ends of the range, and arithmetic',
      code: ranges,
      errors: [
        { messageId: 'unregistered', ...at(ranges, 3, '3999'), data: { code: 3999, alternatives: '4999' } },
        { messageId: 'unregistered', ...at(ranges, 4, '3500'), data: { code: 3500, alternatives: '4500' } },
        { messageId: 'unregistered', ...at(ranges, 5, '3000 + 1'), data: { code: 3001 }, suggestions: [{ messageId: 'replaceCode', output: withLine(ranges, 5, 'ws.close(4001);') }] },
      ],
    },
    {
      name: 'enums and as-const maps: reported on the argument',
      code: constants,
      errors: [
        {
          messageId: 'unregistered',
          ...at(constants, 5, 'AppClose.SessionExpired'),
          data: { code: 3100, alternatives: '3000 or 4100' },
          suggestions: [
            { messageId: 'replaceCode', output: withLine(constants, 5, "ws.close(3000, 'Session expired');") },
            { messageId: 'replaceCode', output: withLine(constants, 5, "ws.close(4100, 'Session expired');") },
          ],
        },
        { messageId: 'unregistered', ...at(constants, 6, 'CLOSE.REPLACED'), data: { code: 3200, alternatives: '4200' } },
      ],
    },
    {
      name: 'conditional: only the unregistered branch',
      code: conditional,
      errors: [
        {
          messageId: 'unregistered',
          ...at(conditional, 4, 'AppCodes.Kicked'),
          data: { code: 3101 },
          suggestions: [{ messageId: 'replaceCode', output: withLine(conditional, 4, 'ws.close(kicked ? 4101 : 3008);') }],
        },
      ],
    },
    {
      name: 'browser: the reason points to 3008 Timeout',
      env: 'dom',
      code: browser,
      errors: [
        {
          messageId: 'unregistered',
          ...at(browser, 2, '3004'),
          data: { code: 3004, alternatives: '3008 or 4004' },
          confidence: 'typed',
          suggestions: [
            { messageId: 'replaceCode', output: withLine(browser, 2, "ws.addEventListener('message', () => ws.close(3008, 'Idle'));") },
            { messageId: 'replaceCode', output: withLine(browser, 2, "ws.addEventListener('message', () => ws.close(4004, 'Idle'));") },
          ],
        },
      ],
    },
    {
      name: 'declared codes: 3001 is the app’s own; 3002 is not, and the private twin skips the declared 4002',
      code: partlyDeclared,
      config: declaring({ code: 3001, name: 'SessionReplaced' }, { code: 4002, name: 'RoomFull' }),
      errors: [
        {
          messageId: 'unregistered',
          ...at(partlyDeclared, 4, '3002'),
          data: { code: 3002, alternatives: '4003' },
          suggestions: [{ messageId: 'replaceCode', output: withLine(partlyDeclared, 4, 'ws.close(4003);') }],
        },
      ],
    },
    {
      name: 'untyped JavaScript: receiver inferred from new WebSocket()',
      env: 'js',
      code: browser,
      errors: [{ messageId: 'unregistered', ...at(browser, 2, '3004'), data: { code: 3004 }, confidence: 'inferred' }],
    },
  ],
});
