// The engine holds every rule to its declaration, whatever the adapter: a fix from a rule without
// `fixable: true`, or suggestions without `hasSuggestions: true`, throw (ESLint would silently
// drop them while the CLI and the language server applied them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { checkDeclared } from '../../server/src/engine/lint-file';
import { defineRule } from '../../server/src/rules/define-rule';
import { RULES } from '../../server/src/rules';
import { RULE_IDS } from '../../server/src/core/finding';

const node = ts.createSourceFile('a.ts', 'x', ts.ScriptTarget.Latest, true).statements[0]!;
const edit = { start: 0, end: 1, text: 'y' };

function ruleWith(fixable: boolean, hasSuggestions: boolean) {
  return defineRule({ id: 'premature-close', meta: { defaultSeverity: 'warn', fixable, hasSuggestions, messageIds: ['m'] }, check() {} });
}

describe('rule declarations are enforced by the engine', () => {
  it('throws on a fix from a rule that is not fixable', () => {
    assert.throws(() => checkDeclared(ruleWith(false, true), { messageId: 'm', data: {}, node, fix: [edit] }), /fixable: true/);
    assert.doesNotThrow(() => checkDeclared(ruleWith(true, false), { messageId: 'm', data: {}, node, fix: [edit] }));
  });

  it('throws on suggestions from a rule without hasSuggestions', () => {
    const suggestions = [{ messageId: 'm', data: {}, edits: [edit] }];
    assert.throws(() => checkDeclared(ruleWith(true, false), { messageId: 'm', data: {}, node, suggestions }), /hasSuggestions: true/);
    assert.doesNotThrow(() => checkDeclared(ruleWith(false, true), { messageId: 'm', data: {}, node, suggestions }));
  });

  it('accepts reports without fixes or suggestions from any rule', () => {
    for (const id of RULE_IDS) assert.doesNotThrow(() => checkDeclared(RULES[id] as never, { messageId: 'm', data: {}, node }));
  });
});
