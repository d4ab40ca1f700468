// Unit tests of the formatters with hand-built results: stylish (ESLint's layout, colour, summary,
// empty output) and json (ESLint's result array, compact).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shouldUseColor } from '../../server/src/cli/formatters/colors';
import { formatJson } from '../../server/src/cli/formatters/json';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import { createResult, ignoredResult } from '../../server/src/cli/results';
import type { LintResult } from '../../server/src/cli/results';

const plain = { color: false, cwd: '/p' };

const server = createResult('/p/src/server.ts', [
  { ruleId: 'invalid-code', severity: 2, message: '401 is not a close code.', line: 9, column: 14, messageId: 'httpStatus', endLine: 9, endColumn: 17 },
  {
    ruleId: 'reason-without-code',
    severity: 1,
    message: 'A reason is passed without a close code.',
    line: 114,
    column: 6,
    messageId: 'missingCode',
    endLine: 114,
    endColumn: 15,
    fix: { range: [2000, 2009], text: '1000' },
  },
]);
const clean = createResult('/p/src/clean.ts', []);
const directive = createResult('/p/src/relay.ts', [
  { ruleId: null, severity: 1, message: 'Unused wsclose-disable-line directive.', line: 3, column: 20, endLine: 3, endColumn: 51, fix: { range: [40, 71], text: '' } },
]);

describe('stylish formatter', () => {
  it('wraps a message between words to fit the terminal, the rule id on the first line', () => {
    const long = createResult('/p/src/server.ts', [
      { ruleId: 'reserved-code', severity: 2, message: '1006 (Abnormal Closure) is reserved and never sent; use 1000 or 1011, or no code.', line: 13, column: 45 },
    ]);
    const lines = formatStylish([long], { ...plain, width: 64 }).split('\n');
    assert.deepEqual(lines.slice(1, 5), [
      '/p/src/server.ts',
      '  13:45  error  1006 (Abnormal Closure) is    reserved-code',
      '                reserved and never sent; use',
      '                1000 or 1011, or no code',
    ]);
    for (const line of lines) assert.ok(line.length < 64, line);
    // Every word is whole on some line.
    const words = lines.slice(2, 5).flatMap((line) => line.slice('  13:45  error  '.length).replace('reserved-code', '').trim().split(' '));
    assert.deepEqual(words, '1006 (Abnormal Closure) is reserved and never sent; use 1000 or 1011, or no code'.split(' '));
  });

  it('leaves rows alone when the terminal is wide enough or its width is unknown', () => {
    assert.equal(formatStylish([server], { ...plain, width: 200 }), formatStylish([server], plain));
  });

  it('lays out files, aligned rows and the summary like ESLint', () => {
    assert.equal(
      formatStylish([clean, server, directive], plain),
      [
        '',
        '/p/src/server.ts',
        '    9:14  error    401 is not a close code                  invalid-code',
        '  114:6   warning  A reason is passed without a close code  reason-without-code',
        '',
        '/p/src/relay.ts',
        '  3:20  warning  Unused wsclose-disable-line directive',
        '',
        '\u2716 3 problems (1 error, 2 warnings)',
        '  0 errors and 2 warnings potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there are no problems', () => {
    assert.equal(formatStylish([clean], plain), '');
    assert.equal(formatStylish([], plain), '');
  });

  it('uses singular words for one problem and leaves out the fixable line without fixes', () => {
    const one = createResult('/p/a.ts', [{ ruleId: 'reserved-code', severity: 2, message: 'Reserved. Use 1000.', line: 1, column: 1 }]);
    assert.equal(formatStylish([one], plain), '\n/p/a.ts\n  1:1  error  Reserved. Use 1000  reserved-code\n\n\u2716 1 problem (1 error, 0 warnings)\n');
  });

  it('shows messages without a position at 0:0 (ignored files)', () => {
    assert.match(formatStylish([ignoredResult('/p/legacy.ts')], plain), /\n {2}0:0 {2}warning {2}File ignored because of a matching ignore pattern\. Use "--no-ignore" to override\n/);
  });

  it('colours like ESLint when asked: underlined path, dim position and rule, red errors, bold summary', () => {
    const output = formatStylish([server], { color: true, cwd: '/p' });
    assert.ok(output.startsWith('\u001b[0m\n\u001b[4m/p/src/server.ts\u001b[24m\n'));
    assert.ok(output.includes('  \u001b[2m9:14\u001b[22m  \u001b[31merror\u001b[39m    401 is not a close code'));
    assert.ok(output.includes('\u001b[33mwarning\u001b[39m'));
    assert.ok(output.includes('\u001b[2mreason-without-code\u001b[22m'));
    assert.ok(output.includes('\u001b[31m\u001b[1m\u2716 2 problems (1 error, 1 warning)\u001b[22m\u001b[39m\n'));
    // The same text once the colours are removed.
    assert.equal(output.replace(/\u001b\[\d+m/g, ''), formatStylish([server], plain));
  });

  it('colours the summary yellow when there are only warnings', () => {
    const output = formatStylish([directive], { color: true, cwd: '/p' });
    assert.ok(output.includes('\u001b[33m\u001b[1m\u2716 1 problem (0 errors, 1 warning)\u001b[22m\u001b[39m'));
  });
});

describe('json formatter', () => {
  it('writes ESLint result objects as one compact JSON array', () => {
    const results: LintResult[] = [server, clean];
    const output = formatJson(results, plain);
    assert.equal(output.includes('\n'), false);
    assert.deepEqual(JSON.parse(output), [
      {
        filePath: '/p/src/server.ts',
        messages: [
          { ruleId: 'invalid-code', severity: 2, message: '401 is not a close code.', line: 9, column: 14, messageId: 'httpStatus', endLine: 9, endColumn: 17 },
          {
            ruleId: 'reason-without-code',
            severity: 1,
            message: 'A reason is passed without a close code.',
            line: 114,
            column: 6,
            messageId: 'missingCode',
            endLine: 114,
            endColumn: 15,
            fix: { range: [2000, 2009], text: '1000' },
          },
        ],
        suppressedMessages: [],
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: 1,
        fixableErrorCount: 0,
        fixableWarningCount: 1,
        usedDeprecatedRules: [],
      },
      {
        filePath: '/p/src/clean.ts',
        messages: [],
        suppressedMessages: [],
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      },
    ]);
  });

  it('writes an empty array for no results', () => {
    assert.equal(formatJson([], plain), '[]');
  });
});

describe('shouldUseColor', () => {
  it('follows --color/--no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    assert.equal(shouldUseColor(true, { NO_COLOR: '1' }, false), true);
    assert.equal(shouldUseColor(false, { FORCE_COLOR: '1' }, true), false);
    assert.equal(shouldUseColor(undefined, { FORCE_COLOR: '1' }, false), true);
    assert.equal(shouldUseColor(undefined, { FORCE_COLOR: '' }, false), true);
    assert.equal(shouldUseColor(undefined, { FORCE_COLOR: '0' }, true), false);
    assert.equal(shouldUseColor(undefined, { FORCE_COLOR: 'false' }, true), false);
    assert.equal(shouldUseColor(undefined, { NO_COLOR: '1' }, true), false);
    assert.equal(shouldUseColor(undefined, { NO_COLOR: '' }, true), true);
    assert.equal(shouldUseColor(undefined, {}, true), true);
    assert.equal(shouldUseColor(undefined, { TERM: 'dumb' }, true), false);
    assert.equal(shouldUseColor(undefined, {}, false), false);
  });
});
