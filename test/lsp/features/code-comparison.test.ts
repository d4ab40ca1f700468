// The comparison where a user meets it: the hover on a code a `mismatched-code` finding flags,
// and the completion documentation of the codes it suggests, compare the code written with the
// suggested one. Codes without such a finding keep their plain docs.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { completionsAt } from '../../../server/src/lsp/features/completion';
import { hoverAt } from '../../../server/src/lsp/features/hover';
import { featureSnippets, type FeatureSnippet } from './helpers';

function hoverMarkdown(s: FeatureSnippet): string {
  const hover = hoverAt(s.program, s.sourceFile, s.offset, s.context, () => s.findings);
  assert.ok(hover, 'no hover');
  return (hover.contents as MarkupContent).value;
}

const WS = `import WebSocket from 'ws';\ndeclare const ws: WebSocket;\ndeclare const tooManyRequests: boolean;\n`;

describe('comparison of the flagged code with the suggested one', () => {
  const [rateLimit, heartbeat, plain, french] = featureSnippets([
    { source: `${WS}if (tooManyRequests) ws.close(10/*|*/00, 'Rate limit exceeded');` },
    { source: `declare const socket: WebSocket;\nlet alive = false;\nsetInterval(() => {\n  if (!alive) socket.close(10/*|*/00, 'Heartbeat timeout');\n}, 30000);`, env: 'dom' },
    { source: `${WS}ws.close(10/*|*/00, 'Bye');` },
    { source: `${WS}if (tooManyRequests) ws.close(10/*|*/00, 'Rate limit exceeded');` },
  ]);

  it('hover on 1000 in a rate-limit rejection on a ws server: 1000 vs the first suggested code', () => {
    const finding = rateLimit!.findings.find((f) => f.ruleId === 'mismatched-code');
    assert.ok(finding, 'the rule flags the code');
    const suggested = Number(finding.suggestions![0]!.edits[0]!.text);
    const value = hoverMarkdown(rateLimit!);
    const [docs, comparison] = value.split('\n\n---\n\n');
    assert.match(docs!, /^\*\*1000 Normal Closure\*\*/);
    assert.equal(suggested, 1008);
    assert.match(comparison!, /^\*\*1000 Normal Closure vs 1008 Policy Violation\*\*\n\n### Key differences\n\n\| {2}\| 1000 Normal Closure \| 1008 Policy Violation \|/);
    assert.match(comparison!, /\| Meaning \| The connection did what it was opened for/);
    assert.match(comparison!, /### When to use which\n\n- \*\*1000 Normal Closure:\*\* Logout/);
  });

  it('hover on 1000 in a browser heartbeat timeout: compared with a code the browser accepts', () => {
    const finding = heartbeat!.findings.find((f) => f.ruleId === 'mismatched-code');
    assert.ok(finding, 'the rule flags the code');
    const suggested = Number(finding.suggestions![0]!.edits[0]!.text);
    assert.ok(suggested === 1000 || suggested >= 3000, `browser-accepted suggestion, got ${suggested}`);
    const comparison = hoverMarkdown(heartbeat!).split('\n\n---\n\n')[1]!;
    assert.ok(comparison.startsWith(`**1000 Normal Closure vs ${suggested} `), comparison.split('\n')[0]);
    assert.match(comparison, /\| Reconnect \| Do not reconnect automatically/);
  });

  it('no finding, no comparison', () => {
    assert.equal(plain!.findings.filter((f) => f.ruleId === 'mismatched-code').length, 0);
    assert.ok(!hoverMarkdown(plain!).includes('---'));
  });

  it('in French', () => {
    const s = { ...french!, context: { ...french!.context, locale: 'fr' as const } };
    const comparison = hoverMarkdown(s).split('\n\n---\n\n')[1]!;
    assert.match(comparison, /^\*\*1000 Normal Closure ou 1008 Policy Violation\*\*\n\n### Différences clés/);
  });

  it('completion inside the flagged code: the suggested codes first, their docs compared with the code written', () => {
    const items = completionsAt(rateLimit!.program, rateLimit!.sourceFile, rateLimit!.offset, rateLimit!.context, () => rateLimit!.findings)!;
    const suggested = rateLimit!.findings.find((f) => f.ruleId === 'mismatched-code')!.suggestions!.map((s) => s.edits[0]!.text);
    assert.deepEqual(items.slice(0, suggested.length).map((i) => i.label), suggested);
    const first = (items[0]!.documentation as MarkupContent).value;
    assert.match(first, new RegExp(`\\*\\*1000 Normal Closure vs ${suggested[0]} `));
    const unrelated = items.find((i) => !suggested.includes(i.label) && i.label !== '1000')!;
    assert.ok(!(unrelated.documentation as MarkupContent).value.includes('Key differences'));
  });
});
