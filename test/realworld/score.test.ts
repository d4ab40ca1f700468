// The real-world corpus scoring (score.ts) on small hand-made cases: matching by file and line
// span, triage of unlabelled findings, the two views and the per-rule / per-confidence splits.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_CONFIDENCE, precision, recall, scoreRepo, tally, uniqueFindings } from './score';
import type { Finding, Label, TriageVerdict } from './score';

const finding = (file: string, line: number, rule: string, extra: Partial<Finding> = {}): Finding => ({ file, line, column: 5, rule, message: `${rule} at ${line}`, ...extra });

describe('scoreRepo', () => {
  it('matches a finding that starts within a label span in the same file, and only then', () => {
    const labels: Label[] = [{ file: 'src/a.js', line: 10, endLine: 12, expect: ['mismatched-code'], confidence: 'high' }];
    const { findings, expected } = scoreRepo(labels, [], [
      finding('src/a.js', 12, 'mismatched-code'),
      finding('src/a.js', 13, 'mismatched-code'),
      finding('src/b.js', 10, 'mismatched-code'),
    ]);
    assert.deepEqual(findings.map((f) => [f.file, f.line, f.verdict]), [
      ['src/a.js', 12, 'matched'],
      ['src/a.js', 13, 'untriaged'],
      ['src/b.js', 10, 'untriaged'],
    ]);
    assert.deepEqual(expected.map((pair) => [pair.rule, pair.found]), [['mismatched-code', true]]);
  });

  it('a finding of another rule than the label expects, or on a correct call, is wrong', () => {
    const labels: Label[] = [
      { file: 'a.ts', line: 1, expect: ['reserved-code'], confidence: 'high' },
      { file: 'a.ts', line: 2, expect: [], confidence: 'medium' },
    ];
    const { findings, expected } = scoreRepo(labels, [], [finding('a.ts', 1, 'invalid-code'), finding('a.ts', 2, 'reason-too-long')]);
    assert.deepEqual(findings.map((f) => f.verdict), ['wrong', 'wrong']);
    assert.deepEqual(expected.map((pair) => [pair.rule, pair.found]), [['reserved-code', false]]);
  });

  it('counts each expected rule of a label as its own pair', () => {
    const labels: Label[] = [{ file: 'a.ts', line: 4, expect: ['reason-too-long', 'mismatched-code'], confidence: 'high' }];
    const { expected } = scoreRepo(labels, [], [finding('a.ts', 4, 'reason-too-long')]);
    assert.deepEqual(expected.map((pair) => [pair.rule, pair.found]), [['reason-too-long', true], ['mismatched-code', false]]);
  });

  it('where labels overlap, a finding matches when any of them expects its rule', () => {
    const labels: Label[] = [
      { file: 'a.ts', line: 1, endLine: 5, expect: [], confidence: 'high' },
      { file: 'a.ts', line: 3, expect: ['premature-close'], confidence: 'medium' },
    ];
    const { findings } = scoreRepo(labels, [], [finding('a.ts', 3, 'premature-close')]);
    assert.equal(findings[0]!.verdict, 'matched');
    assert.equal(findings[0]!.labelConfidence, 'medium');
  });

  it('uses triage verdicts for unlabelled lines only, by file, line and rule', () => {
    const labels: Label[] = [{ file: 'a.ts', line: 1, expect: [], confidence: 'high' }];
    const triage: TriageVerdict[] = [
      { file: 'a.ts', line: 1, rule: 'invalid-code', verdict: 'right' },
      { file: 'a.ts', line: 7, rule: 'invalid-code', verdict: 'right' },
      { file: 'a.ts', line: 8, rule: 'invalid-code', verdict: 'wrong', why: 'not a WebSocket' },
    ];
    const { findings } = scoreRepo(labels, triage, [
      finding('a.ts', 1, 'invalid-code'),
      finding('a.ts', 7, 'invalid-code'),
      finding('a.ts', 8, 'invalid-code'),
      finding('a.ts', 8, 'reserved-code'),
    ]);
    assert.deepEqual(findings.map((f) => [f.line, f.rule, f.verdict, f.why]), [
      [1, 'invalid-code', 'wrong', undefined],
      [7, 'invalid-code', 'matched', undefined],
      [8, 'invalid-code', 'wrong', 'not a WebSocket'],
      [8, 'reserved-code', 'untriaged', undefined],
    ]);
  });

  it('counts a finding reported by two overlapping package runs once', () => {
    const twice = [finding('a.ts', 1, 'invalid-code'), finding('a.ts', 1, 'invalid-code'), finding('a.ts', 1, 'invalid-code', { column: 9 })];
    assert.equal(uniqueFindings(twice).length, 2);
    assert.equal(scoreRepo([], [], twice).findings.length, 2);
  });
});

describe('tally', () => {
  const labels: Label[] = [
    { file: 'a.ts', line: 1, expect: ['reserved-code'], confidence: 'high' },
    { file: 'a.ts', line: 2, expect: ['mismatched-code'], confidence: 'low' },
    { file: 'a.ts', line: 3, expect: [], confidence: 'low' },
    { file: 'a.ts', line: 4, expect: ['reason-too-long'], confidence: 'medium' },
  ];
  const triage: TriageVerdict[] = [{ file: 'b.ts', line: 1, rule: 'reserved-code', verdict: 'right' }];
  const score = scoreRepo(labels, triage, [
    finding('a.ts', 1, 'reserved-code', { confidence: 'typed' }),
    finding('a.ts', 2, 'mismatched-code', { confidence: 'inferred' }),
    finding('a.ts', 3, 'invalid-code', { confidence: 'typed' }),
    finding('b.ts', 1, 'reserved-code'),
    finding('b.ts', 2, 'reserved-code', { confidence: 'typed' }),
  ]);

  it('the scored view leaves out low labels and the findings they decide', () => {
    const { overall, byRule } = tally([score], 'scored');
    assert.deepEqual(overall, { expected: 2, found: 1, findings: 3, matched: 2, wrong: 0, untriaged: 1 });
    assert.equal(recall(overall), 0.5);
    assert.equal(precision(overall), 2 / 3);
    assert.deepEqual([...byRule.keys()], ['reason-too-long', 'reserved-code']);
    assert.deepEqual(byRule.get('reserved-code'), { expected: 1, found: 1, findings: 3, matched: 2, wrong: 0, untriaged: 1 });
    assert.deepEqual(byRule.get('reason-too-long'), { expected: 1, found: 0, findings: 0, matched: 0, wrong: 0, untriaged: 0 });
    assert.equal(precision(byRule.get('reason-too-long')!), undefined);
  });

  it('the every-finding view counts all labels and findings', () => {
    const { overall, byRule } = tally([score], 'all');
    assert.deepEqual(overall, { expected: 3, found: 2, findings: 5, matched: 3, wrong: 1, untriaged: 1 });
    assert.deepEqual(byRule.get('invalid-code'), { expected: 0, found: 0, findings: 1, matched: 0, wrong: 1, untriaged: 0 });
    assert.equal(recall(byRule.get('invalid-code')!), undefined);
  });

  it('splits findings by their confidence field, absent ones under their own key', () => {
    const { byFindingConfidence } = tally([score], 'all');
    assert.deepEqual([...byFindingConfidence].map(([key, counts]) => [key, counts.findings, counts.matched]), [
      [NO_CONFIDENCE, 1, 1],
      ['inferred', 1, 1],
      ['typed', 3, 1],
    ]);
  });

  it('adds up repositories', () => {
    assert.deepEqual(tally([score, score], 'scored').overall, { expected: 4, found: 2, findings: 6, matched: 4, wrong: 0, untriaged: 2 });
  });
});
