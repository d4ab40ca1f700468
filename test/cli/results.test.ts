// Unit tests of the CLI result model: offsets → line/column (UTF-16 columns, every line break
// ESLint knows), merging a finding's edits into ESLint's single-range fix, and result counts.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/finding';
import { createLineMap, createResult, errorsOnly, mergeEdits, resultFromFindings, toLintMessage } from '../../server/src/cli/results';

describe('createLineMap', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const at = createLineMap('ab\ncd\n');
    assert.deepEqual(at(0), { line: 1, column: 1 });
    assert.deepEqual(at(2), { line: 1, column: 3 }); // the \n itself ends line 1
    assert.deepEqual(at(3), { line: 2, column: 1 });
    assert.deepEqual(at(5), { line: 2, column: 3 });
    assert.deepEqual(at(6), { line: 3, column: 1 }); // end of file, after the last break
  });

  it('counts an astral character as two UTF-16 columns', () => {
    const text = "x = '😀'; ws.close(1006);";
    const at = createLineMap(text);
    const code = text.indexOf('1006');
    assert.equal(code, 19); // 😀 is two code units
    assert.deepEqual(at(code), { line: 1, column: 20 });
    assert.deepEqual(at(code + 4), { line: 1, column: 24 });
  });

  it('treats \\r\\n as one line break and \\r, U+2028, U+2029 as breaks too', () => {
    const text = 'a\r\nb\rc\u2028d\u2029e';
    const at = createLineMap(text);
    assert.deepEqual(at(text.indexOf('b')), { line: 2, column: 1 });
    assert.deepEqual(at(text.indexOf('\r\n') + 1), { line: 1, column: 3 }); // between \r and \n
    assert.deepEqual(at(text.indexOf('c')), { line: 3, column: 1 });
    assert.deepEqual(at(text.indexOf('d')), { line: 4, column: 1 });
    assert.deepEqual(at(text.indexOf('e')), { line: 5, column: 1 });
  });

  it('places CRLF file findings like an LF file', () => {
    const lf = 'const a = 1;\nws.close(1006);\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const inLf = createLineMap(lf)(lf.indexOf('1006'));
    const inCrlf = createLineMap(crlf)(crlf.indexOf('1006'));
    assert.deepEqual(inCrlf, inLf);
    assert.deepEqual(inCrlf, { line: 2, column: 10 });
  });

  it('clamps offsets outside the text', () => {
    const at = createLineMap('ab');
    assert.deepEqual(at(-5), { line: 1, column: 1 });
    assert.deepEqual(at(99), { line: 1, column: 3 });
  });
});

describe('mergeEdits', () => {
  const source = 'ws.close(undefined, reason);';

  it('keeps a single edit as it is', () => {
    assert.deepEqual(mergeEdits([{ start: 9, end: 18, text: '1000' }], source), { range: [9, 18], text: '1000' });
  });

  it('spans several edits, copying the source text between them', () => {
    const merged = mergeEdits(
      [
        { start: 20, end: 26, text: 'reason.slice(0, 41)' },
        { start: 9, end: 18, text: '1000' },
      ],
      source,
    );
    assert.deepEqual(merged, { range: [9, 26], text: '1000, reason.slice(0, 41)' });
    const applied = source.slice(0, merged!.range[0]) + merged!.text + source.slice(merged!.range[1]);
    assert.equal(applied, 'ws.close(1000, reason.slice(0, 41));');
  });

  it('merges insertions (empty ranges) and adjacent edits', () => {
    const merged = mergeEdits(
      [
        { start: 9, end: 9, text: '1000, ' },
        { start: 9, end: 18, text: '' },
      ],
      source,
    );
    assert.deepEqual(merged, { range: [9, 18], text: '1000, ' });
  });

  it('gives no fix for no edits or overlapping edits', () => {
    assert.equal(mergeEdits([], source), undefined);
    assert.equal(
      mergeEdits(
        [
          { start: 9, end: 15, text: 'a' },
          { start: 12, end: 18, text: 'b' },
        ],
        source,
      ),
      undefined,
    );
  });
});

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'reserved-code',
    messageId: 'reserved',
    data: {},
    message: 'Reserved.',
    severity: 'error',
    start: 0,
    end: 1,
    confidence: 'typed',
    ...overrides,
  };
}

describe('toLintMessage', () => {
  it('converts offsets, severity, the fix and suggestions to ESLint fields', () => {
    const source = 'x\nws.close(1006, "😀");\n';
    const start = source.indexOf('1006');
    const message = toLintMessage(
      finding({
        start,
        end: source.indexOf(')'),
        fix: [{ start, end: start + 4, text: '1000' }],
        suggestions: [{ messageId: 'replaceCode', data: {}, desc: 'Send 1011 instead', edits: [{ start, end: start + 4, text: '1011' }] }],
      }),
      source,
      createLineMap(source),
    );
    assert.deepEqual(message, {
      ruleId: 'reserved-code',
      severity: 2,
      message: 'Reserved.',
      line: 2,
      column: 10,
      messageId: 'reserved',
      endLine: 2,
      endColumn: 20, // `1006, "😀"` is 10 code units
      fix: { range: [start, start + 4], text: '1000' },
      suggestions: [{ desc: 'Send 1011 instead', messageId: 'replaceCode', fix: { range: [start, start + 4], text: '1011' } }],
      confidence: 'high',
    });
  });

  it('reports an inferred receiver with its confidence and what it rests on', () => {
    const related = { fileName: '/p/server.js', start: 3, end: 9, line: 12, column: 3, endLine: 12, endColumn: 9, message: 'The socket comes from here.' };
    const message = toLintMessage(finding({ confidence: 'inferred', evidenceStrength: 'medium', related: [related] }), 'ws.close(1006)', createLineMap('ws.close(1006)'));
    assert.equal(message.confidence, 'medium');
    assert.deepEqual(message.relatedLocations, [{ filePath: '/p/server.js', line: 12, column: 3, endLine: 12, endColumn: 9, message: 'The socket comes from here.' }]);
    assert.equal(toLintMessage(finding({ confidence: 'inferred', evidenceStrength: 'low' }), 'x', createLineMap('x')).confidence, 'low');
  });

  it('maps warn to severity 1 and keeps a null ruleId', () => {
    const message = toLintMessage(finding({ ruleId: null, severity: 'warn', messageId: 'unusedDirective' }), 'ab', createLineMap('ab'));
    assert.equal(message.severity, 1);
    assert.equal(message.ruleId, null);
    assert.equal('fix' in message, false);
    assert.equal('suggestions' in message, false);
  });
});

describe('results', () => {
  it('counts errors, warnings, fatal errors and fixable problems as ESLint does', () => {
    const source = 'ws.close(1006); ws.close(undefined, "x");';
    const result = resultFromFindings('/p/a.ts', source, [
      finding({ start: 25, end: 34, severity: 'warn', ruleId: 'reason-without-code', fix: [{ start: 25, end: 34, text: '1000' }] }),
      finding({ start: 9, end: 13 }),
    ]);
    assert.deepEqual(
      result.messages.map((m) => [m.line, m.column, m.ruleId]),
      [
        [1, 10, 'reserved-code'],
        [1, 26, 'reason-without-code'],
      ],
    );
    assert.deepEqual(
      [result.errorCount, result.warningCount, result.fatalErrorCount, result.fixableErrorCount, result.fixableWarningCount],
      [1, 1, 0, 0, 1],
    );
    const fatal = createResult('/p/b.ts', [{ ruleId: null, fatal: true, severity: 2, message: 'Cannot read the file.' }]);
    assert.deepEqual([fatal.errorCount, fatal.fatalErrorCount], [1, 1]);
  });

  it('errorsOnly drops warnings and files left without errors (ESLint getErrorResults)', () => {
    const warnOnly = createResult('/p/w.ts', [{ ruleId: 'premature-close', severity: 1, message: 'w', fix: { range: [0, 0], text: '' } }]);
    const mixed = createResult('/p/m.ts', [
      { ruleId: 'reserved-code', severity: 2, message: 'e' },
      { ruleId: 'premature-close', severity: 1, message: 'w', fix: { range: [0, 0], text: '' } },
    ]);
    const filtered = errorsOnly([warnOnly, mixed]);
    assert.equal(filtered.length, 1);
    assert.equal(filtered[0]!.filePath, '/p/m.ts');
    assert.deepEqual([filtered[0]!.errorCount, filtered[0]!.warningCount, filtered[0]!.fixableWarningCount], [1, 0, 0]);
  });
});
