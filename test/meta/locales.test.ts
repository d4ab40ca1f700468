// Every text catalog (registry, rule messages, directive messages, language-server features and
// code actions, config problems, the CLI's own text, the left-out file's message) exists in English and French with the same keys, no empty strings, the same
// `{placeholders}` per template, the runtimes' exception texts kept verbatim, and no English
// sentence left untranslated. Then the engine and the feature renderers are run in French.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DIRECTIVE_TEXT_EN } from '../../server/src/core/text/en';
import { DIRECTIVE_TEXT_FR } from '../../server/src/core/text/fr';
import { templatePlaceholders } from '../../server/src/core/text/render-template';
import { renderCodeDocs, renderRuntimeLine } from '../../server/src/engine/code-docs';
import { lintSourceFile } from '../../server/src/engine/lint-file';
import { textFor } from '../../server/src/engine/locale';
import { configText } from '../../server/src/engine/config-text';
import { ISOLATION_TEXT } from '../../server/src/engine/isolation-text';
import { cliText } from '../../server/src/cli/text';
import { docsText, featureText } from '../../server/src/lsp/features/text';
import { lspText } from '../../server/src/lsp/text';
import { LOCALES, RUNTIME_PROFILES, registryText, resolveLocale } from '../../server/src/registry';
import { RULES_TEXT_EN } from '../../server/src/rules/text/en';
import { RULES_TEXT_FR } from '../../server/src/rules/text/fr';
import { allRulesConfig, lintSnippets, onlyRuleConfig } from '../harness/snippet-project';

/** [path, string] for every string leaf of a catalog. */
function leaves(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, `${at}.${key}`));
  return [];
}

/** The shape of a catalog: every key path, with the type of what it holds. */
function shape(value: unknown, at = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => shape(child, `${at}.${key}`));
  return [`${at}:${typeof value}`];
}

/** The CLI catalog without `stylish.singular`: which counts take the singular is grammar, not text. */
function cliTextOnly(locale: 'en' | 'fr'): unknown {
  const { singular: _singular, ...stylish } = cliText(locale).stylish;
  return { ...cliText(locale), stylish };
}

const CATALOGS: ReadonlyArray<{ name: string; en: unknown; fr: unknown }> = [
  { name: 'registry', en: registryText('en'), fr: registryText('fr') },
  { name: 'rules', en: RULES_TEXT_EN, fr: RULES_TEXT_FR },
  { name: 'directives', en: DIRECTIVE_TEXT_EN, fr: DIRECTIVE_TEXT_FR },
  { name: 'lsp features (hover, completion, refactors, docs labels)', en: featureText('en'), fr: featureText('fr') },
  { name: 'lsp code actions and messages', en: lspText('en'), fr: lspText('fr') },
  { name: 'engine bundle', en: textFor('en'), fr: textFor('fr') },
  { name: 'wsclose.config.json problems', en: configText('en'), fr: configText('fr') },
  { name: 'CLI (help, notes, usage errors, codes map, baseline, stats)', en: cliTextOnly('en'), fr: cliTextOnly('fr') },
  { name: 'a file left out of its program', en: ISOLATION_TEXT.en, fr: ISOLATION_TEXT.fr },
];

/**
 * French values that may equal the English ones although they have more than three words: proper
 * names and separators. Anything else identical to English is an untranslated sentence.
 */
const SAME_IN_BOTH = new Set<string>([
  // The CLI's progress line: its words are the placeholders.
  'wsclose: {status}, {seconds} s',
]);

const words = (text: string): number => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

describe('locales', () => {
  it('are English and French', () => {
    assert.deepEqual([...LOCALES], ['en', 'fr']);
  });

  it('map client locale tags: fr-* to fr, anything else to en', () => {
    for (const tag of ['fr', 'fr-FR', 'fr-CA', 'fr_BE', 'FR-ch']) assert.equal(resolveLocale(tag), 'fr', tag);
    for (const tag of ['en', 'en-US', 'de', 'pt-BR', 'fry', 'frr-DE', '', undefined, 42, null]) assert.equal(resolveLocale(tag), 'en', String(tag));
  });

  for (const { name, en, fr } of CATALOGS) {
    describe(`catalog: ${name}`, () => {
      it('French has exactly the keys of English', () => {
        assert.deepEqual(shape(fr).sort(), shape(en).sort());
      });

      it('French has no empty or untrimmed strings', () => {
        for (const [at, text] of leaves(fr)) {
          assert.ok(text.length > 0, `${at} is empty`);
          // Separators (", ", " ou ", " /* {name} */", "\n\n---\n\n") keep their spacing, as in English.
          const english = new Map(leaves(en)).get(at)!;
          if (english.trim() === english) assert.equal(text, text.trim(), `${at} has surrounding whitespace`);
          else assert.ok(text.trim().length > 0, `${at} is blank`);
        }
      });

      it('every template keeps the same {placeholders}', () => {
        const french = new Map(leaves(fr));
        for (const [at, template] of leaves(en)) {
          assert.deepEqual(templatePlaceholders(french.get(at)!).sort(), templatePlaceholders(template).sort(), at);
        }
      });

      it('leaves no English sentence untranslated', () => {
        const french = new Map(leaves(fr));
        const untranslated = leaves(en)
          .filter(([at, text]) => french.get(at) === text && words(text) > 3 && !SAME_IN_BOTH.has(text))
          .map(([at, text]) => `${at}: ${text}`);
        assert.deepEqual(untranslated, []);
      });

      it('has no English words outside quoted code and exception texts', () => {
        // `code` and «quotations» hold identifiers and verbatim runtime messages; IANA names such as
        // "No Status Received" contain no English function words.
        const english = /\b(?:the|is|are|and|with|without|this|that|when|should|must|does|not|for|from|of|to|an)\b/i;
        const found = leaves(fr)
          .map(([at, text]) => [at, text.replace(/`[^`]*`/g, '').replace(/«[^»]*»/g, '')] as const)
          .filter(([, text]) => english.test(text))
          .map(([at, text]) => `${at}: ${text.match(english)![0]} in ${text}`);
        assert.deepEqual(found, []);
      });
    });
  }

  it('the French registry quotes every runtime exception text the English one quotes, verbatim', () => {
    const en = registryText('en').runtimes;
    const fr = registryText('fr').runtimes;
    let checked = 0;
    for (const [id, profile] of Object.entries(RUNTIME_PROFILES)) {
      const english = JSON.stringify(en[id as keyof typeof en]);
      const french = JSON.stringify(fr[id as keyof typeof fr]);
      for (const error of Object.values(profile.errors)) {
        // The stored text may carry an `N` for the code; compare the part before it.
        const fixed = error.split(/\bN\b/)[0]!.trim();
        if (fixed.length < 12 || !english.includes(fixed)) continue;
        assert.ok(french.includes(fixed), `${id}: ${fixed}`);
        checked++;
      }
    }
    assert.ok(checked >= 6, `only ${checked} exception texts checked`);
  });

  it('the French registry keeps IANA names in English and writes French around them', () => {
    const fr = registryText('fr').codes;
    assert.match(fr['3000']!.meaning, /« Unauthorized »/);
    assert.match(fr['1000']!.meaning, /^Fermeture normale : /);
    assert.match(registryText('fr').runtimes.whatwg.invalidCode, /lève une DOMException `InvalidAccessError`/);
  });
});

describe('French rendering through the engine', () => {
  it('renders rule messages and suggestions in French', () => {
    const snippets = lintSnippets([
      { env: 'node', code: "import WebSocket from 'ws';\ndeclare const ws: WebSocket;\nws.close(undefined, 'bye');\n", config: onlyRuleConfig('reason-without-code') },
      { env: 'dom', code: "declare const ws: WebSocket;\nws.close(1011);\n", config: onlyRuleConfig('browser-code-range') },
    ]);
    const [ws, dom] = snippets.map(({ program, sourceFile }, i) =>
      lintSourceFile(program, sourceFile, { config: onlyRuleConfig(i === 0 ? 'reason-without-code' : 'browser-code-range')(allRulesConfig()), locale: 'fr' }),
    );
    assert.deepEqual(
      ws!.map((f) => [f.ruleId, f.message, f.detail, f.fixDesc]),
      [
        [
          'reason-without-code',
          'Une raison est passée sans code de fermeture ; passez d’abord un code, par exemple 1000.',
          'Avec `ws`, la raison est abandonnée sans avertissement et une trame Close vide est envoyée, si bien que le pair voit 1005.',
          'Passer 1000 (Normal Closure) comme code',
        ],
      ],
    );
    assert.deepEqual(
      dom!.map((f) => [f.ruleId, f.message, f.suggestions?.map((s) => s.desc)]),
      [
        [
          'browser-code-range',
          '1011 (Internal Error) est refusé par les WebSocket des navigateurs ; utilisez 4500.',
          ['Envoyer 4500 (Private Use) à la place'],
        ],
      ],
    );
    // The same findings in English, unchanged by the French catalogs.
    assert.match(snippets[0]!.findings[0]!.message, /^A close reason is passed without a code; /);
    assert.match(snippets[0]!.findings[0]!.detail ?? '', /^On `ws`, /);
  });

  it('renders directive messages in French', () => {
    const [snippet] = lintSnippets([{ env: 'node', code: 'const x = 1; // wsclose-disable-line\n' }]);
    const findings = lintSourceFile(snippet!.program, snippet!.sourceFile, { config: allRulesConfig(), locale: 'fr' });
    assert.deepEqual(
      findings.map((f) => f.message),
      ['Directive wsclose-disable-line inutilisée (aucun problème n’a été signalé).'],
    );
  });

  it('renders hover docs in French', () => {
    const text = docsText('fr');
    const code = renderCodeDocs(1008, { runtimes: ['whatwg'], naming: { configured: [], appProfiles: [] }, text });
    assert.match(code, /^\*\*1008 Policy Violation\*\* · \*code du protocole \(RFC 6455 \/ IANA\) · peut être envoyé\*\n\nViolation de politique : /);
    assert.match(code, /\*\*Comment corriger :\*\* /);
    assert.match(code, /✗ Refusé par le WebSocket du navigateur \(WHATWG\) : lève `InvalidAccessError/);
    const runtime = renderRuntimeLine('ws', 'close', 'typed', undefined, text);
    assert.match(runtime, /^close\(\) avec `ws` : Accepte 1000–1003, 1007–1014 et 3000–4999/);
    assert.doesNotMatch(runtime, /\n/);
  });
});
