// Every rule has a docs page with the fixed sections, whose first paragraph is the rule's
// description (the same sentence the CLI, the LSP and ESLint show).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULE_IDS } from '../../server/src/core/finding';
import { RULES_TEXT_EN } from '../../server/src/rules/text/en';
import { headings } from '../harness/doc-examples';
import { DOCS_RULES } from '../harness/paths';

const REQUIRED_SECTIONS = ['Why', 'Examples', 'Fixes and suggestions', 'Options', 'Runtimes', 'When not to use it'];

describe('rule docs pages', () => {
  it('exist exactly for the rule ids', () => {
    const pages = fs.readdirSync(DOCS_RULES).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(pages, [...RULE_IDS].sort());
  });
  for (const ruleId of RULE_IDS) {
    it(`${ruleId}: title, description and sections`, () => {
      const text = fs.readFileSync(path.join(DOCS_RULES, `${ruleId}.md`), 'utf8');
      const lines = text.split('\n');
      assert.equal(lines[0], `# ${ruleId}`);
      const firstParagraph = lines.slice(1).find((l) => l.trim() !== '');
      assert.equal(firstParagraph, RULES_TEXT_EN.rules[ruleId].description);
      assert.deepEqual(headings(text), REQUIRED_SECTIONS);
    });
  }
});
