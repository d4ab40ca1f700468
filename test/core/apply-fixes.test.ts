// applyFixes: ESLint's fix pass on a text, as the CLI's --fix uses it.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, detectLineEnding, withLineEnding } from '../../server/src/core/apply-fixes';
import type { TextEdit } from '../../server/src/core/finding';

const fix = (...edits: TextEdit[]): { fix: TextEdit[] } => ({ fix: edits });
const edit = (start: number, end: number, text: string): TextEdit => ({ start, end, text });

describe('applyFixes', () => {
  it('applies fixes in offset order, whatever order they come in', () => {
    const code = fix(edit(9, 9, '1000, '));
    const name = fix(edit(0, 2, 'ws'));
    const outcome = applyFixes('ab.close(x)', [code, name]);
    assert.equal(outcome.output, 'ws.close(1000, x)');
    assert.deepEqual(outcome.applied, [name, code]);
    assert.deepEqual(outcome.skipped, []);
  });

  it('applies the edits of one fix together, with the text between them kept', () => {
    assert.equal(applyFixes('f(a, b)', [fix(edit(2, 3, 'x'), edit(5, 6, 'y'))]).output, 'f(x, y)');
  });

  it('skips a fix that overlaps or touches one applied before it, for the next pass', () => {
    const first = fix(edit(2, 5, 'XYZ'));
    const overlapping = fix(edit(4, 6, '--'));
    const touching = fix(edit(5, 5, '+'));
    const later = fix(edit(7, 8, '!'));
    const outcome = applyFixes('0123456789', [later, touching, overlapping, first]);
    assert.equal(outcome.output, '01XYZ56!89');
    assert.deepEqual(outcome.applied, [first, later]);
    assert.deepEqual(outcome.skipped, [overlapping, touching]);
  });

  it('never applies two insertions at the same offset in one pass', () => {
    const outcome = applyFixes('ab', [fix(edit(1, 1, 'x')), fix(edit(1, 1, 'y'))]);
    assert.equal(outcome.output, 'axb');
    assert.equal(outcome.skipped.length, 1);
  });

  it('drops malformed fixes: out of bounds, reversed, or with overlapping edits', () => {
    const outcome = applyFixes('abc', [fix(edit(2, 9, '')), fix(edit(2, 1, '')), fix(edit(0, 2, 'x'), edit(1, 3, 'y')), fix(), { }]);
    assert.equal(outcome.output, 'abc');
    assert.deepEqual([outcome.applied.length, outcome.skipped.length], [0, 0]);
  });

  it('writes inserted line breaks with the file’s line ending', () => {
    const crlf = 'a\r\nb\r\n';
    assert.equal(applyFixes(crlf, [fix(edit(3, 3, 'x\ny\n'))]).output, 'a\r\nx\r\ny\r\nb\r\n');
    assert.equal(applyFixes('a\nb', [fix(edit(1, 1, '\r\nx'))]).output, 'a\nx\nb');
    assert.equal(applyFixes('a\nb', [fix(edit(1, 1, '\nx'))], '\r\n').output, 'a\r\nx\nb');
  });

  it('leaves the text alone without fixes', () => assert.equal(applyFixes('x', []).output, 'x'));
});

describe('line endings', () => {
  it('detects the first line break', () => {
    assert.equal(detectLineEnding('a\r\nb\nc'), '\r\n');
    assert.equal(detectLineEnding('a\nb\r\n'), '\n');
    assert.equal(detectLineEnding('a\rb'), '\r');
    assert.equal(detectLineEnding('no breaks'), '\n');
  });
  it('rewrites every kind of line break', () => assert.equal(withLineEnding('a\nb\r\nc\rd', '\r\n'), 'a\r\nb\r\nc\r\nd'));
});
