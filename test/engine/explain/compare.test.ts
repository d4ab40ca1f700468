// The comparison of two codes is derived from the registry for every pair: the differences it
// lists are exactly the facts that differ, and the runtimes it names are exactly those that
// disagree about the pair.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareCodes } from '../../../server/src/engine/explain/compare';
import { explainCode, type ExplainOptions } from '../../../server/src/engine/explain/model';
import { renderComparisonSummary } from '../../../server/src/engine/explain/render';
import { explainText } from '../../../server/src/engine/explain/text';
import { CLOSE_CODES } from '../../../server/src/registry/close-codes';
import { RUNTIME_PROFILES, acceptsCode } from '../../../server/src/registry/runtimes';
import type { RuntimeId } from '../../../server/src/registry/types';

const OPTIONS: ExplainOptions = { naming: { configured: [], appProfiles: [] }, locale: 'en' };

describe('compareCodes', () => {
  // One code of every registry entry: every pair of them.
  const samples = CLOSE_CODES.map((entry) => entry.from);
  it(`every pair of ${samples.length} registry entries: differences are the facts that differ`, () => {
    for (const a of samples) {
      for (const b of samples) {
        const comparison = compareCodes(a, b, OPTIONS);
        const [ea, eb] = [explainCode(a, OPTIONS), explainCode(b, OPTIONS)];
        const aspects = comparison.differences.map((d) => d.aspect);
        assert.equal(aspects[0], 'meaning');
        assert.equal(aspects.includes('range-class'), ea.rangeClass !== eb.rangeClass, `${a} vs ${b}`);
        assert.equal(aspects.includes('sendable'), ea.sendable !== eb.sendable, `${a} vs ${b}`);
        assert.equal(aspects.includes('reconnect'), ea.reconnect !== eb.reconnect, `${a} vs ${b}`);
        const disagree = (Object.keys(RUNTIME_PROFILES) as RuntimeId[]).filter((id) => acceptsCode(RUNTIME_PROFILES[id], a) !== acceptsCode(RUNTIME_PROFILES[id], b));
        const runtimes = comparison.differences.find((d) => d.aspect === 'runtimes');
        assert.equal(runtimes !== undefined, disagree.length > 0, `${a} vs ${b}`);
        if (runtimes && runtimes.first.kind === 'runtimes' && runtimes.second.kind === 'runtimes') {
          assert.equal(runtimes.first.accepted.length + runtimes.first.refused.length, disagree.length);
          assert.deepEqual(runtimes.first.accepted, runtimes.second.refused);
        }
        // Every pair renders in both locales.
        assert.ok(renderComparisonSummary(comparison, explainText('fr'), 'markdown').length > 0);
      }
    }
  });

  it('1000 vs 1013: different reconnect advice, and the browser refuses only 1013', () => {
    const comparison = compareCodes(1000, 1013, OPTIONS);
    assert.deepEqual(comparison.differences.map((d) => d.aspect), ['meaning', 'reconnect', 'runtimes']);
    const runtimes = comparison.differences[2]!;
    assert.ok(runtimes.first.kind === 'runtimes' && runtimes.first.accepted.includes('the browser WebSocket (WHATWG)'));
    assert.ok(runtimes.second.kind === 'runtimes' && runtimes.second.refused.includes('the browser WebSocket (WHATWG)'));
    assert.equal(comparison.whenToUse.second, explainCode(1013, OPTIONS).typicalUse);
  });

  it('a configured code against an app-profile code: the origins differ; when-to-use falls back on their descriptions', () => {
    const options: ExplainOptions = { naming: { configured: [{ code: 4001, name: 'Room Closed', description: 'The room was closed.' }], appProfiles: ['graphql-ws'] }, locale: 'en' };
    const comparison = compareCodes(4001, 4401, options);
    const origin = comparison.differences.find((d) => d.aspect === 'origin')!;
    assert.deepEqual(origin.first, { kind: 'origin', origin: 'configured' });
    assert.deepEqual(origin.second, { kind: 'origin', origin: 'app-profile', appProfile: 'graphql-ws (GraphQL over WebSocket)' });
    assert.equal(comparison.whenToUse.first, 'The room was closed.');
    assert.equal(comparison.first.whenYouSeeIt, undefined);
  });
});
