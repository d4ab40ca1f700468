// Inferred findings say what they rest on in the reader's language, not in English.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintSourceFile } from '../../server/src/engine/lint-file';
import { allRulesConfig, lintSnippets } from '../harness/snippet-project';

const code = [
  "const { Server } = require('./vendor/untyped-socket-lib');",
  '// WebSocket relay on an untyped library',
  'const server = new Server({ port: 8080 });',
  "server.on('connection', (socket) => {",
  "  socket.on('message', (data) => socket.send(data));",
  '  socket.close(1005);',
  '});',
].join('\n');

describe('evidence of inferred receivers per locale', () => {
  const [linted] = lintSnippets([{ code, env: 'js' }]);
  const detailIn = (locale: 'en' | 'fr') =>
    lintSourceFile(linted!.program, linted!.sourceFile, { config: allRulesConfig(), locale }).find((f) => f.ruleId === 'reserved-code')?.detail ?? '';

  it('English', () => assert.match(detailIn('en'), /inferred from WebSocket-style usage \(message listener and send\/readyState\)/));
  it('French: the evidence is French too', () => {
    const message = detailIn('fr');
    assert.match(message, /déduit de son usage de WebSocket \(écouteur de messages et send\/readyState\)/);
    assert.doesNotMatch(message, /WebSocket-style usage/);
  });
});
