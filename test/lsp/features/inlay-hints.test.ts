// Inlay hints with the name of the close code next to it, in the ⟨⟩ the README shows.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlayHintsIn } from '../../../server/src/lsp/features/inlay-hints';
import { featureSnippets, withCodes, type FeatureSnippet } from './helpers';

const WS = `import WebSocket from 'ws';\ndeclare const ws: WebSocket;\n`;

function hints(s: FeatureSnippet, range = { start: 0, end: s.code.length }) {
  return inlayHintsIn(s.program, s.sourceFile, range, s.context);
}

describe('inlay hints', () => {
  const source =
    `${WS}const POLICY = 1008;\nenum Close { PolicyViolation = 1008 }\ndeclare const ok: boolean;\n` +
    `ws.close(1008, 'banned');\nws.close(ok ? 1000 : 4001);\nws.close(POLICY);\nws.close(Close.PolicyViolation);\nws.close(401);\nsetTimeout(() => {}, 1000);`;
  const [on, off, unrelated] = featureSnippets([
    { source, config: withCodes([{ code: 4001, name: 'Room Closed' }]) },
    { source, inlayHints: false },
    { source: `${WS}const ms = 1000;\nsetTimeout(() => ws.send('x'), ms);` },
  ]);

  it('after numeric literals and names that do not say the name already, in ⟨⟩', () => {
    assert.deepEqual(hints(on!), [
      { position: { line: 5, character: 13 }, label: '⟨Policy Violation⟩', paddingLeft: true },
      { position: { line: 6, character: 18 }, label: '⟨Normal Closure⟩', paddingLeft: true },
      { position: { line: 6, character: 25 }, label: '⟨Room Closed⟩', paddingLeft: true },
      { position: { line: 7, character: 15 }, label: '⟨Policy Violation⟩', paddingLeft: true },
    ]);
  });

  it('only inside the requested range', () => {
    const start = on!.code.indexOf('ws.close(ok');
    assert.deepEqual(
      hints(on!, { start, end: on!.code.indexOf('\n', start) }).map((h) => h.label),
      ['⟨Normal Closure⟩', '⟨Room Closed⟩'],
    );
  });

  it('none when disabled, and none outside close-like calls', () => {
    assert.deepEqual(hints(off!), []);
    assert.deepEqual(hints(unrelated!), []);
  });
});
