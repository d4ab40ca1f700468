// The directive injection grammar is valid JSON, and its patterns recognise the directive forms
// that analysis/directives.ts parses (the editor colours what the engine obeys).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../harness/paths';

const grammar = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes', 'wsclose-directives.tmLanguage.json'), 'utf8'));
// TextMate patterns are Oniguruma; these use only syntax JavaScript shares (lookbehind included).
const begin = new RegExp(grammar.repository.directive.begin);
const reason = new RegExp(grammar.repository.directive.patterns[0].match);

describe('directive grammar', () => {
  it('injects into line and block comments', () => {
    assert.equal(grammar.injectionSelector, 'L:comment.line.double-slash, L:comment.block');
  });
  for (const text of ['// wsclose-disable-next-line reserved-code', '/* wsclose-disable */', '// wsclose-disable-line invalid-code -- legacy', '/* wsclose-enable mismatched-code */']) {
    it(`matches ${text}`, () => assert.ok(begin.test(text)));
  }
  it('does not match look-alikes inside other words', () => {
    assert.equal(begin.test('// mywsclose-disable'), false);
  });
  it('captures the reason after --', () => {
    assert.equal(reason.exec('reserved-code -- peer sends it on purpose')?.[2], 'peer sends it on purpose');
  });
});
