// The plugin object: one ESLint rule per engine rule with the engine's metadata, messages that
// ESLint renders exactly as the engine does, and a recommended config with the default severities.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_IDS } from '../../server/src/core/finding';
import { renderTemplate, templatePlaceholders } from '../../server/src/core/text/render-template';
import { textFor } from '../../server/src/engine/locale';
import plugin from '../../server/src/eslint/plugin';
import { eslintInterpolate, toEslintMessage } from '../../server/src/eslint/messages';
import { RULES } from '../../server/src/rules';
import { ruleDocsUrl } from '../../server/src/rules/docs-url';

const text = textFor('en').rules;

describe('wsclose/eslint-plugin', () => {
  it('has every rule, and nothing else', () => {
    assert.deepEqual(Object.keys(plugin.rules).sort(), [...RULE_IDS].sort());
    assert.equal(plugin.meta.name, 'wsclose');
  });

  for (const id of RULE_IDS) {
    it(`${id}: metadata from the engine rule and the catalog`, () => {
      const { meta } = plugin.rules[id];
      const engine = RULES[id].meta;
      assert.equal(meta.type, 'problem');
      assert.equal(meta.docs.description, text.rules[id].description);
      assert.equal(meta.docs.url, ruleDocsUrl(id));
      assert.equal(meta.fixable, engine.fixable ? 'code' : undefined);
      assert.equal(meta.hasSuggestions, engine.hasSuggestions ? true : undefined);
      assert.deepEqual(meta.schema, [engine.optionsSchema]);
      assert.deepEqual(meta.defaultOptions, [engine.defaultOptions]);
    });

    it(`${id}: ESLint renders every message exactly as the engine does`, () => {
      const { messages } = plugin.rules[id].meta;
      for (const [messageId, template] of Object.entries(text.rules[id].messages as Record<string, string>)) {
        const data = Object.fromEntries(templatePlaceholders(template).map((name, i) => [name, i % 2 === 0 ? `<${name} {x} $&>` : i * 1000]));
        const rendered = renderTemplate(template, data);
        assert.equal(eslintInterpolate(messages[messageId]!, data), rendered, messageId);
        assert.deepEqual(toEslintMessage(messages, messageId, data, rendered), { messageId, data });
      }
    });
  }

  it('falls back to the rendered text when no message template produces it', () => {
    const { messages } = plugin.rules['invalid-code'].meta;
    assert.deepEqual(toEslintMessage(messages, 'httpStatus', {}, 'Something else.'), { message: 'Something else.' });
  });

  it('configs.recommended: the plugin under `wsclose`, every rule at its default severity, typed linting', () => {
    const recommended = plugin.configs.recommended;
    assert.equal(recommended.plugins?.['wsclose'], plugin);
    assert.deepEqual(recommended.files, ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}']);
    assert.deepEqual(recommended.languageOptions?.parserOptions, { projectService: true });
    assert.deepEqual(recommended.rules, Object.fromEntries(RULE_IDS.map((id) => [`wsclose/${id}`, RULES[id].meta.defaultSeverity])));
  });
});
