import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_REASON_BYTES, truncateToUtf8Bytes, utf8ByteLength } from '../../server/src/core/utf8';

describe('utf8ByteLength', () => {
  const cases: Array<[string, string, number]> = [
    ['empty', '', 0],
    ['ASCII', 'bye', 3],
    ['2-byte (é)', 'é', 2],
    ['3-byte (€)', '€', 3],
    ['astral (emoji) is 4, not 2 units × 3', '😀', 4],
    ['lone high surrogate counts as U+FFFD (3)', '\ud83d', 3],
    ['lone low surrogate counts as U+FFFD (3)', '\ude00', 3],
    ['reversed pair is two lone surrogates', '\ude00\ud83d', 6],
    ['62 × é is 124 bytes while length is 62', 'é'.repeat(62), 124],
  ];
  for (const [name, text, bytes] of cases) it(name, () => assert.equal(utf8ByteLength(text), bytes));
  it('agrees with Buffer.byteLength on mixed text', () => {
    const text = 'Fermeture: délai dépassé ⏱ 😀 ok';
    assert.equal(utf8ByteLength(text), Buffer.byteLength(text));
  });
});

describe('truncateToUtf8Bytes', () => {
  it('keeps short text unchanged', () => assert.equal(truncateToUtf8Bytes('bye', MAX_REASON_BYTES), 'bye'));
  it('never splits a multi-byte character', () => {
    const cut = truncateToUtf8Bytes('é'.repeat(62), MAX_REASON_BYTES);
    assert.equal(cut, 'é'.repeat(61));
    assert.ok(utf8ByteLength(cut) <= MAX_REASON_BYTES);
  });
  it('never splits a surrogate pair', () => {
    const cut = truncateToUtf8Bytes('a'.repeat(121) + '😀', MAX_REASON_BYTES);
    assert.equal(cut, 'a'.repeat(121));
  });
});
