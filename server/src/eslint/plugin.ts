// The ESLint plugin `wsclose/eslint-plugin`: every wsclose rule as `wsclose/<rule>` and a
// `configs.recommended` flat config that turns them all on at their default severities.
//
//   import tseslint from 'typescript-eslint';
//   import wsclose from 'wsclose/eslint-plugin';
//   export default [
//     tseslint.configs.base,            // the parser that provides types
//     wsclose.configs.recommended,
//     { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
//   ];
//
// Bundled by esbuild to dist/eslint-plugin.js as CommonJS with `module.exports = plugin`
// (`export =` below), so `require('wsclose/eslint-plugin')` and an ESM default import both give
// the plugin itself. eslint and typescript-eslint are the user's (peer dependencies).
import type { TSESLint } from '@typescript-eslint/utils';
import { RULE_IDS } from '../core/finding';
import type { RuleId } from '../core/finding';
import { RULES } from '../rules';
import { createEslintRule } from './rules';
import type { WscloseEslintRule } from './rules';

// Read at build time: esbuild inlines the JSON. A `require`, not an `import`, so that tsc does not
// copy package.json into its output folder (see cli/main.ts).
const version = ((): string => {
  try {
    return (require('../../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

/** Files the recommended config applies to: those the CLI checks. */
const FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

interface WsclosePlugin {
  readonly meta: { readonly name: 'wsclose'; readonly version: string };
  readonly rules: { readonly [R in RuleId]: WscloseEslintRule };
  readonly configs: { readonly recommended: TSESLint.FlatConfig.Config };
}

const rules = Object.fromEntries(RULE_IDS.map((id) => [id, createEslintRule(id)])) as { [R in RuleId]: WscloseEslintRule };

const recommended: TSESLint.FlatConfig.Config = {
  name: 'wsclose/recommended',
  files: FILES,
  plugins: {},
  languageOptions: { parserOptions: { projectService: true } },
  rules: Object.fromEntries(RULE_IDS.map((id) => [`wsclose/${id}`, RULES[id].meta.defaultSeverity])),
};

const plugin: WsclosePlugin = {
  meta: { name: 'wsclose', version },
  rules,
  configs: { recommended },
};

// The recommended config registers the plugin itself under the `wsclose` prefix.
(recommended.plugins as Record<string, unknown>)['wsclose'] = plugin;

export = plugin;
