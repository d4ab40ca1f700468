// parseDirectives: which comments are wsclose directives, what they say, and the offsets the
// suppression step and the unused-directive fixes rely on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { parseDirectives } from '../../server/src/analysis/directives';
import type { Directive } from '../../server/src/core/suppressions';

function parse(text: string, fileName = 'file.ts'): readonly Directive[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return parseDirectives(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind)).directives;
}

/** [start, end) of the `occurrence`-th (0-based) appearance of `part` in `text`. */
function span(text: string, part: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(part, start + 1);
  assert.ok(start >= 0, `${part} not in text`);
  return { start, end: start + part.length };
}

describe('parseDirectives: forms', () => {
  it('reads disable-next-line with a rule list and a reason', () => {
    const comment = '// wsclose-disable-next-line mismatched-code, reason-too-long -- the peer expects 1000';
    const text = `${comment}\nws.close(1000, reason);\n`;
    const [directive, ...rest] = parse(text);
    assert.deepEqual(rest, []);
    assert.deepEqual(directive, {
      kind: 'disable-next-line',
      rules: ['mismatched-code', 'reason-too-long'],
      names: [
        { name: 'mismatched-code', ruleId: 'mismatched-code', ...span(text, 'mismatched-code') },
        { name: 'reason-too-long', ruleId: 'reason-too-long', ...span(text, 'reason-too-long') },
      ],
      unknownNames: [],
      reason: 'the peer expects 1000',
      commentStart: 0,
      commentEnd: comment.length,
      removal: { start: 0, end: comment.length + 1 },
      line: 1,
      region: undefined,
    });
  });

  it('reads disable-line at the end of a code line, and a rule list without commas', () => {
    const text = 'ws.close(1005);   // wsclose-disable-line reserved-code invalid-code\n';
    const [directive] = parse(text);
    assert.equal(directive?.kind, 'disable-line');
    assert.deepEqual(directive?.rules, ['reserved-code', 'invalid-code']);
    assert.equal(directive?.line, 0);
    assert.equal(directive?.reason, undefined);
    assert.deepEqual(directive?.removal, { start: 'ws.close(1005);'.length, end: text.length - 1 });
  });

  it('accepts both comment styles for every kind', () => {
    const text = [
      '/* wsclose-disable-next-line invalid-code */',
      'a(); /* wsclose-disable-line */',
      '// wsclose-disable reserved-code',
      '// wsclose-enable reserved-code',
      '/* wsclose-disable */',
      '/* wsclose-enable */',
    ].join('\n');
    assert.deepEqual(
      parse(text).map((d) => [d.kind, d.rules, d.line]),
      [
        ['disable-next-line', ['invalid-code'], 1],
        ['disable-line', 'all', 1],
        ['disable', ['reserved-code'], undefined],
        ['enable', ['reserved-code'], undefined],
        ['disable', 'all', undefined],
        ['enable', 'all', undefined],
      ],
    );
  });

  it('applies disable-next-line to the line after the end of a block comment', () => {
    const text = '/* wsclose-disable-next-line\n   invalid-code */\nws.close(1);';
    assert.equal(parse(text)[0]?.line, 2);
  });

  it('keeps a reason without rules, and ignores a directive-like word that is not a keyword', () => {
    const text = '// wsclose-disable-next-line -- generated code\n// wsclose-disabled\n//wsclose-disable-line\n// see wsclose-disable\n';
    const directives = parse(text);
    assert.deepEqual(
      directives.map((d) => [d.kind, d.rules, d.reason]),
      [
        ['disable-next-line', 'all', 'generated code'],
        ['disable-line', 'all', undefined],
      ],
    );
  });

  it('keeps unknown rule names with their exact offsets', () => {
    const text = '// wsclose-disable-line mismatch-code, invalid-code, no-console\n';
    const [directive] = parse(text);
    assert.deepEqual(directive?.rules, ['invalid-code']);
    assert.deepEqual(directive?.unknownNames, [
      { name: 'mismatch-code', ruleId: undefined, ...span(text, 'mismatch-code') },
      { name: 'no-console', ruleId: undefined, ...span(text, 'no-console') },
    ]);
  });

  it('a list of unknown names only is not a disable-all', () => {
    assert.deepEqual(parse('// wsclose-disable-line nope\n')[0]?.rules, []);
  });
});

describe('parseDirectives: regions', () => {
  it('runs an unmatched disable to the end of the file', () => {
    const text = '/* wsclose-disable */\nws.close(1);\n';
    assert.deepEqual(parse(text)[0]?.region, { start: 0, end: text.length, endByRule: {} });
  });

  it('ends a region at the matching enable', () => {
    const text = 'a();\n/* wsclose-disable invalid-code */\nb();\n/* wsclose-enable invalid-code */\nc();\n';
    const enable = span(text, '/* wsclose-enable');
    assert.deepEqual(parse(text)[0]?.region, { start: span(text, '/* wsclose-disable').start, end: enable.start, endByRule: { 'invalid-code': enable.start } });
  });

  it('lets enable <rule> end one rule of a disable-all, which stays on for the rest', () => {
    const text = '/* wsclose-disable */\na();\n/* wsclose-enable invalid-code */\nb();\n/* wsclose-enable */\nc();\n';
    const partial = span(text, '/* wsclose-enable invalid-code').start;
    const all = span(text, '/* wsclose-enable */').start;
    assert.deepEqual(parse(text)[0]?.region, { start: 0, end: all, endByRule: { 'invalid-code': partial } });
  });

  it('ignores an enable for a rule the disable did not cover', () => {
    const text = '/* wsclose-disable invalid-code */\n/* wsclose-enable reserved-code */\n';
    assert.deepEqual(parse(text)[0]?.region, { start: 0, end: text.length, endByRule: {} });
  });
});

describe('parseDirectives: what is not a comment', () => {
  it('ignores directive text inside strings, template literals and regular expressions', () => {
    const text = [
      "const a = '// wsclose-disable-line';",
      'const b = "/* wsclose-disable */";',
      'const c = `// wsclose-disable-next-line ${x} /* wsclose-enable */`;',
      'const d = /\\/\\/ wsclose-disable-line/;',
      'const e = `${x /* wsclose-disable-line invalid-code */}`;',
    ].join('\n');
    const directives = parse(text);
    assert.deepEqual(
      directives.map((d) => [d.kind, d.rules, d.line]),
      [['disable-line', ['invalid-code'], 4]],
    );
  });

  it('reads JSX comments but not JSX text or attribute strings', () => {
    const text = [
      'const view = <div>// wsclose-disable-line invalid-code',
      '  {/* wsclose-disable-next-line reserved-code */}',
      '  <span title="// wsclose-disable" /* wsclose-disable-line browser-code-range */ />',
      '  /* wsclose-enable */',
      '</div>;',
    ].join('\n');
    assert.deepEqual(
      parse(text, 'view.tsx').map((d) => [d.kind, d.rules, d.line]),
      [
        ['disable-next-line', ['reserved-code'], 2],
        ['disable-line', ['browser-code-range'], 2],
      ],
    );
  });

  it('does not read JSDoc content as comments of its own', () => {
    const text = '/**\n * wsclose-disable-line\n * @example // wsclose-disable-line\n */\nfunction f() {}\n';
    assert.deepEqual(parse(text), []);
  });

  it('finds comments before the end of the file, after a shebang and after a JSDoc block', () => {
    const text = '#!/usr/bin/env node\n// wsclose-disable-next-line invalid-code\nws.close(1);\n/** doc */\n// wsclose-enable\n';
    assert.deepEqual(
      parse(text).map((d) => d.kind),
      ['disable-next-line', 'enable'],
    );
  });

  it('finds trailing comments and comments before closing tokens', () => {
    const text = 'function f() {\n  g(); // wsclose-disable-line invalid-code\n  // wsclose-disable-next-line reserved-code\n}\n';
    assert.deepEqual(
      parse(text).map((d) => [d.kind, d.line]),
      [
        ['disable-line', 1],
        ['disable-next-line', 3],
      ],
    );
  });
});

describe('parseDirectives: removal ranges', () => {
  it('removes the whole line, with its \\r\\n, when the comment is alone on it', () => {
    const text = 'a();\r\n    // wsclose-disable-next-line invalid-code\r\nb();\r\n';
    assert.deepEqual(parse(text)[0]?.removal, { start: 6, end: text.indexOf('b();') });
  });

  it('removes a leading block comment with the blanks after it', () => {
    const text = '/* wsclose-disable-line */  ws.close(1);\n';
    assert.deepEqual(parse(text)[0]?.removal, { start: 0, end: text.indexOf('ws.') });
  });

  it('removes a last line without a line break', () => {
    const text = 'a();\n// wsclose-enable';
    assert.deepEqual(parse(text)[0]?.removal, { start: 5, end: text.length });
  });
});
