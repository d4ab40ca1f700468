// applyDirectives: which findings directives suppress, and the findings about the directives
// themselves (unused, unknown rule names) with their exact ranges and fix edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { parseDirectives } from '../../server/src/analysis/directives';
import type { Finding, RuleId, Severity, TextEdit } from '../../server/src/core/finding';
import { applyDirectives } from '../../server/src/core/suppressions';
import { DIRECTIVE_TEXT_EN } from '../../server/src/core/text/en';
import { templatePlaceholders } from '../../server/src/core/text/render-template';

function finding(ruleId: RuleId | null, start: number, end = start + 1): Finding {
  return { ruleId, messageId: 'm', data: {}, message: 'problem', severity: 'error', start, end, confidence: 'typed' };
}

/** Findings at the first character of each line that contains `marker`. */
function findingsAt(text: string, marker: string, ruleId: RuleId): Finding[] {
  const result: Finding[] = [];
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) result.push(finding(ruleId, at, at + marker.length));
  return result;
}

function run(text: string, findings: readonly Finding[], reportUnused: Severity = 'warn'): Finding[] {
  const sourceFile = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const lineOf = (offset: number): number => sourceFile.getLineAndCharacterOfPosition(offset).line;
  return applyDirectives(findings, parseDirectives(sourceFile), lineOf, { reportUnused, text: DIRECTIVE_TEXT_EN });
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

const rangeOf = (text: string, part: string): { start: number; end: number } => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });

describe('applyDirectives: suppression', () => {
  it('disable-next-line suppresses the listed rules on the next line only', () => {
    const text = '// wsclose-disable-next-line invalid-code\nws.close(1); // A\nws.close(2); // B\n';
    const [a] = findingsAt(text, 'ws.close(1)', 'invalid-code');
    const [other] = findingsAt(text, 'ws.close(1)', 'reserved-code');
    const [b] = findingsAt(text, 'ws.close(2)', 'invalid-code');
    assert.deepEqual(run(text, [a!, other!, b!]), [other, b]);
  });

  it('disable-line without rules suppresses every rule on its line', () => {
    const text = 'ws.close(1, "x"); // wsclose-disable-line\nws.close(2);\n';
    const here = [finding('invalid-code', 0), finding('reason-too-long', 12)];
    const next = finding('invalid-code', text.indexOf('ws.close(2)'));
    assert.deepEqual(run(text, [...here, next]), [next]);
  });

  it('a disable/enable pair suppresses between them', () => {
    const text = 'a(1);\n/* wsclose-disable invalid-code */\na(2);\n/* wsclose-enable invalid-code */\na(3);\n';
    const all = [1, 2, 3].map((n) => findingsAt(text, `a(${n})`, 'invalid-code')[0]!);
    assert.deepEqual(run(text, all), [all[0], all[2]]);
  });

  it('a disable without enable at the top of the file suppresses the whole file', () => {
    const text = '/* wsclose-disable */\nfunction f() {\n  ws.close(1);\n}\nws.close(2, "x");\n';
    const findings = [finding('invalid-code', text.indexOf('ws.close(1)')), finding('reason-too-long', text.indexOf('ws.close(2'))];
    assert.deepEqual(run(text, findings), []);
  });

  it('enable <rule> inside a disable-all brings back only that rule', () => {
    const text = '/* wsclose-disable */\n/* wsclose-enable invalid-code */\nws.close(1);\n';
    const invalid = finding('invalid-code', text.indexOf('ws.close'));
    const reserved = finding('reserved-code', text.indexOf('ws.close'));
    assert.deepEqual(run(text, [invalid, reserved]), [invalid]);
  });

  it('never suppresses findings without a rule id', () => {
    const text = 'x(); // wsclose-disable-line\n';
    const directiveProblem = finding(null, 0);
    const suppressed = finding('invalid-code', 0);
    assert.deepEqual(run(text, [directiveProblem, suppressed]), [directiveProblem]);
  });
});

describe('applyDirectives: unused directives', () => {
  it('reports an unused directive on its comment, faded, with a fix that deletes its line', () => {
    const text = 'a();\n  // wsclose-disable-next-line\nb();\n';
    const comment = rangeOf(text, '// wsclose-disable-next-line');
    assert.deepEqual(run(text, []), [
      {
        ruleId: null,
        messageId: 'unusedDirective',
        data: { directive: 'wsclose-disable-next-line' },
        message: 'Unused wsclose-disable-next-line directive (no problems were reported).',
        severity: 'warn',
        ...comment,
        confidence: 'typed',
        fix: [{ start: 5, end: text.indexOf('b();'), text: '' }],
        unnecessary: true,
      },
    ]);
  });

  it('deletes only the comment (and the blanks before it) when code shares its line', () => {
    const text = 'ws.close(1000); // wsclose-disable-line invalid-code\nnext();\n';
    const [unused] = run(text, [], 'error');
    assert.equal(unused?.severity, 'error');
    assert.equal(unused?.message, "Unused wsclose-disable-line directive (no problems were reported from 'invalid-code').");
    assert.equal(applyEdits(text, unused!.fix!), 'ws.close(1000);\nnext();\n');
  });

  it('reports each unused name of a partly used list, and removes just that name', () => {
    const text = '// wsclose-disable-next-line invalid-code, reserved-code, mismatched-code -- legacy\nws.close(1005);\n';
    const used = finding('reserved-code', text.indexOf('ws.close'));
    const result = run(text, [used]);
    assert.deepEqual(
      result.map((f) => [f.messageId, f.message, f.start, f.end, f.fix, f.unnecessary]),
      [
        ['unusedDirectiveRules', "Unused wsclose-disable-next-line directive (no problems were reported from 'invalid-code').", 29, 41, [{ start: 29, end: 43, text: '' }], true],
        ['unusedDirectiveRules', "Unused wsclose-disable-next-line directive (no problems were reported from 'mismatched-code').", 58, 73, [{ start: 56, end: 73, text: '' }], true],
      ],
    );
    assert.equal(applyEdits(text, result.flatMap((f) => f.fix ?? [])), '// wsclose-disable-next-line reserved-code -- legacy\nws.close(1005);\n');
    assert.equal(applyEdits(text, result[1]!.fix!), '// wsclose-disable-next-line invalid-code, reserved-code -- legacy\nws.close(1005);\n');
  });

  it('keeps edits of neighbouring unused names apart', () => {
    const text = '// wsclose-disable-line invalid-code, reserved-code, mismatched-code\n';
    const result = run(text, [finding('mismatched-code', 0)]);
    assert.equal(applyEdits(text, result.flatMap((f) => f.fix ?? [])), '// wsclose-disable-line mismatched-code\n');
    const tail = run(text, [finding('invalid-code', 0)]);
    assert.equal(applyEdits(text, tail.flatMap((f) => f.fix ?? [])), '// wsclose-disable-line invalid-code\n');
  });

  it('reports a list whose rules are all unused once, removing the comment', () => {
    const text = 'x();\n/* wsclose-disable invalid-code, reserved-code */\ny();\n';
    const [unused, ...rest] = run(text, []);
    assert.deepEqual(rest, []);
    assert.equal(unused?.message, "Unused wsclose-disable directive (no problems were reported from 'invalid-code', 'reserved-code').");
    assert.deepEqual([unused?.start, unused?.end], [5, text.indexOf('\ny();')]);
    assert.equal(applyEdits(text, unused!.fix!), 'x();\ny();\n');
  });

  it('credits the line directive, so a region that covers the same finding is unused', () => {
    const text = '/* wsclose-disable invalid-code */\n// wsclose-disable-next-line invalid-code\nws.close(1);\n';
    const result = run(text, [finding('invalid-code', text.indexOf('ws.close'))]);
    assert.deepEqual(
      result.map((f) => [f.messageId, f.start]),
      [['unusedDirectiveRules', 0]],
    );
  });

  it('reports an enable that ends nothing', () => {
    const text = 'a();\n/* wsclose-enable */\n/* wsclose-disable invalid-code */\nb();\n/* wsclose-enable invalid-code, reserved-code */\n';
    const result = run(text, [finding('invalid-code', text.indexOf('b();'))]);
    assert.deepEqual(
      result.map((f) => [f.messageId, f.message, f.start, f.end]),
      [
        ['unusedEnable', 'Unused wsclose-enable directive (no matching wsclose-disable directives were found).', 5, 25],
        [
          'unusedEnableRules',
          "Unused wsclose-enable directive (no matching wsclose-disable directives were found for 'reserved-code').",
          text.lastIndexOf('reserved-code'),
          text.lastIndexOf('reserved-code') + 'reserved-code'.length,
        ],
      ],
    );
    assert.equal(applyEdits(text, result.flatMap((f) => f.fix ?? [])), 'a();\n/* wsclose-disable invalid-code */\nb();\n/* wsclose-enable invalid-code */\n');
  });

  it('reports nothing unused when reportUnused is off', () => {
    const text = '// wsclose-disable-next-line invalid-code\n/* wsclose-enable */\nx();\n';
    assert.deepEqual(run(text, [], 'off'), []);
  });
});

describe('applyDirectives: unknown rule names', () => {
  it('reports unknown names as errors with a did-you-mean suggestion, also when reportUnused is off', () => {
    const text = '// wsclose-disable-next-line mismatch-code, no-console\nws.close(1000);\n';
    const result = run(text, [], 'off');
    assert.deepEqual(result, [
      {
        ruleId: null,
        severity: 'error',
        ...rangeOf(text, 'mismatch-code'),
        confidence: 'typed',
        messageId: 'unknownRuleDidYouMean',
        data: { name: 'mismatch-code', suggestion: 'mismatched-code' },
        message: "Definition for rule 'mismatch-code' was not found. Did you mean 'mismatched-code'?",
        suggestions: [
          {
            messageId: 'replaceRuleName',
            data: { name: 'mismatch-code', suggestion: 'mismatched-code' },
            desc: "Replace 'mismatch-code' with 'mismatched-code'.",
            edits: [{ ...rangeOf(text, 'mismatch-code'), text: 'mismatched-code' }],
          },
        ],
      },
      {
        ruleId: null,
        severity: 'error',
        ...rangeOf(text, 'no-console'),
        confidence: 'typed',
        messageId: 'unknownRule',
        data: { name: 'no-console' },
        message: "Definition for rule 'no-console' was not found.",
      },
    ]);
  });

  it('does not also report a list of unknown names as unused, and keeps them when removing known unused names', () => {
    const text = '// wsclose-disable-line nope, invalid-code\n';
    const result = run(text, []);
    assert.deepEqual(
      result.map((f) => [f.messageId, f.start]),
      [
        ['unknownRule', text.indexOf('nope')],
        ['unusedDirectiveRules', text.indexOf('invalid-code')],
      ],
    );
    assert.equal(applyEdits(text, result[1]!.fix!), '// wsclose-disable-line nope\n');
  });
});

describe('DIRECTIVE_TEXT_EN', () => {
  it('uses only the placeholders each message is given', () => {
    const allowed: Record<keyof typeof DIRECTIVE_TEXT_EN, readonly string[]> = {
      unusedDirective: ['directive'],
      unusedDirectiveRules: ['directive', 'rules'],
      unusedEnable: ['directive'],
      unusedEnableRules: ['directive', 'rules'],
      unknownRule: ['name'],
      unknownRuleDidYouMean: ['name', 'suggestion'],
      replaceRuleName: ['name', 'suggestion'],
      ruleListItem: ['ruleId'],
      ruleListSeparator: [],
    };
    for (const [key, template] of Object.entries(DIRECTIVE_TEXT_EN)) {
      assert.deepEqual(templatePlaceholders(template), allowed[key as keyof typeof DIRECTIVE_TEXT_EN], key);
    }
  });
});
