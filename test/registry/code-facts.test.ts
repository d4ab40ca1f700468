import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOSE_CODE_SPAN, PRIVATE_RANGE, REGISTRY_RANGE, isInCloseCodeSpan, outOfRange } from '../../server/src/registry/code-facts';

describe('close-code spans from the code table', () => {
  it('reads the ranges from the table', () => {
    assert.deepEqual(REGISTRY_RANGE, { from: 3000, to: 3999 });
    assert.deepEqual(PRIVATE_RANGE, { from: 4000, to: 4999 });
    assert.deepEqual(CLOSE_CODE_SPAN, { from: 1000, to: 4999 });
  });

  it('isInCloseCodeSpan: integers from 1000 to 4999 only', () => {
    assert.deepEqual([999, 1000, 2500, 4999, 5000, 1000.5, Number.NaN].map(isInCloseCodeSpan), [false, true, true, true, false, false, false]);
  });

  it('agrees with outOfRange at both ends', () => {
    assert.equal(outOfRange(CLOSE_CODE_SPAN.from - 1), 'belowRange');
    assert.equal(outOfRange(CLOSE_CODE_SPAN.to + 1), 'aboveRange');
  });
});
