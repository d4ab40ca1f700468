// Messages are headlines: one plain-text sentence that says what is wrong and what to use, short
// enough for a Problems row, a terminal line or Neovim's virtual text. The why (runtime
// consequence, registry facts, evidence) is the finding's detail. Checked two ways, in every
// locale: every template of every rule rendered with long but realistic data (a snapshot, so a
// wording change is a reviewed diff), and the findings of the docs pages' ❌ examples.
// Regenerate the snapshots with UPDATE_GOLDEN=1 and review them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULE_IDS, type Finding } from '../../server/src/core/finding';
import { renderTemplate, templatePlaceholders } from '../../server/src/core/text/render-template';
import { lintSourceFile } from '../../server/src/engine/lint-file';
import { textFor } from '../../server/src/engine/locale';
import { LOCALES } from '../../server/src/registry';
import { extractExamples } from '../harness/doc-examples';
import { DOCS_RULES, REPO_ROOT } from '../harness/paths';
import { allRulesConfig, lintSnippets } from '../harness/snippet-project';

const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';
const GOLDEN_DIR = path.join(REPO_ROOT, 'test', 'rules', 'golden');

/** The budget: a headline fits in 100 characters; nothing, even with long data, passes 160. */
const TYPICAL_LIMIT = 100;
const HARD_LIMIT = 160;

/** Markdown or layout that plain-text surfaces (CLI, Problems, SARIF text, ESLint) would show raw. */
const NOT_PLAIN = /`|\*\*|\[[^\]]*\]\(|\n/u;

/** Long-side data for every placeholder a template uses: the longest phrase of each kind. */
function sampleData(locale: (typeof LOCALES)[number]): Record<string, string | number> {
  const common = textFor(locale).rules.common;
  const longest = (values: readonly string[]) => values.reduce((a, b) => (b.length > a.length ? b : a));
  return {
    code: 1006,
    name: 'Abnormal Closure',
    value: '401',
    alternatives: `1008, 1013${common.or}4000`,
    codes: `1008${common.or}4003`,
    method: 'close',
    runtime: 'Cloudflare Workers',
    sent: 1000,
    bytes: 131,
    situation: longest(Object.values(common.situations)),
    failure: longest(Object.values(common.failurePaths)),
    source: longest(Object.values(common.unboundedSources)),
    function: 'handleHeartbeat',
    timer: 'this.reconnectTimer',
    setter: 'setReconnectAttempt',
    action: 'ws/connect',
    replacement: '1011 (Internal Error)',
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function assertHeadline(text: string, where: string, limit: number): void {
  assert.doesNotMatch(text, NOT_PLAIN, `${where}: markdown in a plain-text message: ${text}`);
  assert.ok(text.length <= limit, `${where}: ${text.length} characters (limit ${limit}): ${text}`);
  // One sentence: no full stop followed by another sentence.
  assert.doesNotMatch(text, /[.!?] \p{Lu}/u, `${where}: more than one sentence: ${text}`);
}

for (const locale of LOCALES) {
  describe(`rule messages (${locale})`, () => {
    const catalog = textFor(locale).rules;
    const data = sampleData(locale);
    const rendered = RULE_IDS.flatMap((ruleId) =>
      Object.entries(catalog.rules[ruleId].messages as Record<string, string>).map(([messageId, template]) => {
        for (const name of templatePlaceholders(template)) assert.ok(name in data, `${ruleId}/${messageId}: no sample for {${name}}`);
        return { key: `${ruleId}/${messageId}`, text: renderTemplate(template, data) };
      }),
    );

    it('every message and suggestion title is one plain sentence of at most 160 characters', () => {
      for (const { key, text } of rendered) assertHeadline(text, key, HARD_LIMIT);
    });

    it('the median message is at most 100 characters', () => {
      const lengths = rendered.map((r) => r.text.length);
      assert.ok(median(lengths) <= TYPICAL_LIMIT, `median ${median(lengths)}`);
    });

    it('every detail belongs to a message', () => {
      for (const ruleId of RULE_IDS) {
        const { messages, details } = catalog.rules[ruleId];
        for (const messageId of Object.keys(details)) assert.ok(messageId in messages, `${ruleId}: detail without a message: ${messageId}`);
      }
    });

    it('matches the snapshot', () => {
      const text = rendered.map((r) => `${r.key}\n  ${r.text}\n`).join('');
      const file = path.join(GOLDEN_DIR, `messages.${locale}.txt`);
      if (UPDATE_GOLDEN) {
        fs.mkdirSync(GOLDEN_DIR, { recursive: true });
        fs.writeFileSync(file, text);
      }
      assert.equal(text, fs.readFileSync(file, 'utf8'));
    });
  });
}

describe('rule messages of the docs examples', () => {
  const snippets = RULE_IDS.flatMap((ruleId) =>
    extractExamples(fs.readFileSync(path.join(DOCS_RULES, `${ruleId}.md`), 'utf8'))
      .filter((e) => e.kind === 'invalid' && !e.options)
      .map((e) => ({ code: e.code, env: e.env, extension: e.language === 'js' ? '.js' : '.ts' })),
  );
  const linted = lintSnippets(snippets);

  for (const locale of LOCALES) {
    it(`${locale}: every finding has a plain headline of at most 100 characters and a detail`, () => {
      const findings: Finding[] = linted.flatMap(({ program, sourceFile }) => lintSourceFile(program, sourceFile, { config: allRulesConfig(), locale }));
      assert.ok(findings.length >= RULE_IDS.length, `only ${findings.length} findings`);
      for (const finding of findings) {
        const where = `${finding.ruleId}/${finding.messageId}`;
        assertHeadline(finding.message, where, TYPICAL_LIMIT);
        assert.ok(finding.detail && finding.detail.length > 0, `${where}: no detail`);
        for (const suggestion of finding.suggestions ?? []) assertHeadline(suggestion.desc, `${where} suggestion`, TYPICAL_LIMIT);
      }
    });
  }
});
