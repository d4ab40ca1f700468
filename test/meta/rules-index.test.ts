// The rule index, the rule files, the message catalogs and the public id list agree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { RULE_IDS } from '../../server/src/core/finding';
import { templatePlaceholders } from '../../server/src/core/text/render-template';
import { RULES } from '../../server/src/rules';
import { RULES_TEXT_EN } from '../../server/src/rules/text/en';
import { REPO_ROOT } from '../harness/paths';

const RULES_DIR = path.join(REPO_ROOT, 'server', 'src', 'rules');
const NOT_RULES = new Set(['index.ts', 'define-rule.ts', 'code-advice.ts', 'code-naming.ts', 'docs-url.ts']);

describe('rule index', () => {
  it('lists exactly the rule modules in server/src/rules', () => {
    const files = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f)).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(files, [...RULE_IDS].sort());
    assert.deepEqual(Object.keys(RULES).sort(), [...RULE_IDS].sort());
  });
  for (const id of RULE_IDS) {
    it(`${id}: module id, messages and catalog agree`, () => {
      const rule = RULES[id];
      assert.equal(rule.id, id);
      const messages = RULES_TEXT_EN.rules[id].messages;
      assert.deepEqual(Object.keys(messages).sort(), [...rule.meta.messageIds].sort(), 'meta.messageIds vs catalog');
      for (const [messageId, template] of Object.entries(messages)) {
        assert.ok(template.trim().length > 0, `${messageId} is empty`);
        for (const name of templatePlaceholders(template)) assert.match(name, /^[a-zA-Z]+$/, `${messageId}: placeholder ${name}`);
      }
      assert.deepEqual(proseLiterals(path.join(RULES_DIR, `${id}.ts`)), [], 'user-facing text belongs in rules/text/<locale>.ts');
    });
  }
  it('every finding message ends with a full stop (the pillars are whole sentences)', () => {
    for (const id of RULE_IDS) {
      for (const messageId of RULES[id].meta.messageIds) {
        const template = RULES_TEXT_EN.rules[id].messages[messageId]!;
        const isSuggestion = /^(replace|remove|insert|use|guard|truncate|limit|default)[A-Z]/.test(messageId);
        if (!isSuggestion) assert.match(template, /[.)]$/, `${id}/${messageId}`);
      }
    }
  });
});

/** String and template literals in a rule file that read like prose (two words in a row). */
function proseLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(node.text)) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
