// Wrappers that rewrite the code they forward (`if (code === undefined || code <= 3000) code =
// 1000;`): the caller's value is judged as it reaches the socket. A code or reason the wrapper
// changes in a way the analysis cannot follow is the wrapper's own: its callers are not judged on it.
// A reason only cut to a length keeps its callers' words (what they say), not their length.
import { lines, ruleTester } from '../harness/rule-tester';

const SIGNALING = [
  'export class Signaling {',
  "  private ws: WebSocket | null = new WebSocket('wss://example.test');",
  '  private closeWebsocket(code?: number, reason?: string, unbind = false): void {',
  '    if (this.ws !== null) {',
  '      if (code === undefined || code <= 3000) {',
  '        code = 1000;',
  '      }',
  '      this.ws.close(code, reason);',
  '      if (unbind) this.ws = null;',
  '    }',
  '  }',
  '  resetConnection(reason?: number): void { this.closeWebsocket(reason, undefined, true); }',
];

const CUTTING_PEER = [
  "const WebSocket = require('ws');",
  'const wss = new WebSocket.Server({ port: 8080 });',
  'class Peer {',
  '  constructor(ws) { this.ws = ws; }',
  '  close(code, reason) {',
  "    if (Buffer.byteLength(reason) > 123) { console.warn('cut'); reason = Buffer.from(reason).subarray(0, 123).toString(); }",
  '    this.ws.close(code, reason);',
  '  }',
  '}',
];

ruleTester('browser-code-range', {
  valid: [
    {
      name: 'a code the wrapper turns into 1000 (every code up to 3000), through two wrappers',
      env: 'dom',
      code: lines(...SIGNALING, '  leave(): void { this.resetConnection(1001); this.closeWebsocket(1002); }', '}'),
    },
    {
      name: 'a rewrite whose condition cannot be decided: nothing is judged',
      env: 'dom',
      code: lines(
        'declare function isValid(code: number): boolean;',
        'function closeWith(ws: WebSocket, code: number) { if (!isValid(code)) code = 1000; ws.close(code); }',
        "closeWith(new WebSocket('wss://example.test'), 1001);",
      ),
    },
    {
      name: 'a code the wrapper changes outside an if (code += 3000): its own',
      env: 'dom',
      code: lines('function closeWith(ws: WebSocket, code: number) { code += 3000; ws.close(code); }', "closeWith(new WebSocket('wss://example.test'), 1001);"),
    },
  ],
  invalid: [
    {
      name: 'a code the rewrite leaves alone reaches the socket',
      env: 'dom',
      code: lines(
        'function closeWith(ws: WebSocket, code: number) { if (code === 0) code = 1000; ws.close(code); }',
        "closeWith(new WebSocket('wss://example.test'), 1001);",
      ),
      errors: [{ messageId: 'outsideBrowserRange', line: 2, column: 48, data: { code: 1001 } }],
    },
  ],
});

ruleTester('unregistered-code', {
  valid: [],
  invalid: [
    {
      name: 'a code above the rewrite bound passes through both wrappers',
      env: 'dom',
      code: lines(...SIGNALING, '  fail(): void { this.resetConnection(3001); }', '}'),
      errors: [{ messageId: 'unregistered', line: 13, column: 39, data: { code: 3001 } }],
    },
  ],
});

ruleTester('reason-too-long', {
  valid: [
    {
      name: 'a wrapper that cuts the reason itself (also only when it is long): its callers may pass any text',
      code: lines(
        "import type WebSocket from 'ws';",
        'function kick(ws: WebSocket, reason: string) { if (reason.length > 120) { reason = `${reason.slice(0, 117)}...`; } ws.close(4000, reason); }',
        'declare const ws: WebSocket;',
        "kick(ws, 'You were removed from this room because an administrator decided that your behaviour broke the rules of the community, again.');",
      ),
    },
    {
      name: 'a wrapper that cuts the reason itself: its callers may pass any text',
      code: lines(
        "import type WebSocket from 'ws';",
        'function kick(ws: WebSocket, reason: string) { reason = reason.slice(0, 120); ws.close(4000, reason); }',
        'declare const ws: WebSocket;',
        "kick(ws, 'You were removed from this room because an administrator decided that your behaviour broke the rules of the community, again.');",
      ),
    },
    {
      name: 'a long reason passed to a wrapper that cuts it to 123 bytes',
      env: 'js',
      code: lines(...CUTTING_PEER, "wss.on('connection', (ws) => new Peer(ws).close(4000, 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'));"),
    },
  ],
  invalid: [
    {
      name: 'a wrapper that only fills in a missing reason: its callers’ reasons reach the socket',
      code: lines(
        "import type WebSocket from 'ws';",
        "function kick(ws: WebSocket, reason?: string) { if (!reason) reason = 'Kicked'; ws.close(4000, reason); }",
        'declare const ws: WebSocket;',
        "kick(ws, 'You were removed from this room because an administrator decided that your behaviour broke the rules of the community, again.');",
        "kick(ws, 'x'.repeat(10) + `${ws.url}`.slice(0, 10));",
        'kick(ws);',
      ),
      errors: [{ messageId: 'tooLong', line: 4, column: 10 }],
    },
  ],
});

ruleTester('mismatched-code', {
  valid: [],
  invalid: [
    {
      name: "plain JavaScript: a wrapper that cuts the reason to 123 bytes still passes on the caller's words (Unauthorized, with 1000)",
      env: 'js',
      code: lines(...CUTTING_PEER, "wss.on('connection', (ws, req) => { if (!req.headers.authorization) new Peer(ws).close(1000, 'Unauthorized'); });"),
      errors: [{ messageId: 'rejectWithNormal', line: 10, column: 88, data: { situation: 'an authentication failure' } }],
    },
  ],
});
