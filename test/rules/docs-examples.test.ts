// The docs are tests: in every rule page, each ❌ block yields exactly one finding — of that
// rule — and each ✅ block yields no finding at all (with every rule on).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULE_IDS, type RuleId } from '../../server/src/core/finding';
import type { ResolvedConfig } from '../../server/src/core/config';
import { extractExamples, type DocExample } from '../harness/doc-examples';
import { DOCS_RULES } from '../harness/paths';
import { describeFinding } from '../harness/rule-tester';
import { lintSnippets } from '../harness/snippet-project';

function withOptions(ruleId: RuleId, example: DocExample): ((c: ResolvedConfig) => ResolvedConfig) | undefined {
  if (!example.options) return undefined;
  return (config) => ({
    ...config,
    rules: { ...config.rules, [ruleId]: { ...config.rules[ruleId], options: { ...config.rules[ruleId].options, ...example.options } } },
  });
}

for (const ruleId of RULE_IDS) {
  const file = path.join(DOCS_RULES, `${ruleId}.md`);
  describe(`docs/rules/${ruleId}.md examples`, () => {
    const examples = fs.existsSync(file) ? extractExamples(fs.readFileSync(file, 'utf8')) : [];
    it('has both ❌ and ✅ examples', () => {
      assert.ok(examples.some((e) => e.kind === 'invalid'), 'no invalid example');
      assert.ok(examples.some((e) => e.kind === 'valid'), 'no valid example');
    });
    let linted: ReturnType<typeof lintSnippets> | undefined;
    const results = () =>
      (linted ??= lintSnippets(
        examples.map((e) => {
          const config = withOptions(ruleId, e);
          return { code: e.code, env: e.env, extension: `.${e.language}`, ...(config ? { config } : {}) };
        }),
      ));
    examples.forEach((example, i) => {
      it(`${example.kind} example at line ${example.line}`, () => {
        const findings = results()[i]!.findings;
        if (example.kind === 'valid') {
          assert.deepEqual(findings.map(describeFinding), []);
        } else {
          assert.deepEqual(findings.map((f) => f.ruleId), [ruleId], findings.map(describeFinding).join('\n'));
        }
      });
    });
  });
}
