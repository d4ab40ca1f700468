// One ESLint rule per engine rule. Each wraps the engine unchanged: types come from
// typescript-eslint's parser services (the `ts.Program` and `ts.SourceFile` of the linted file),
// the wsclose settings of the file are resolved as the CLI resolves them, and every finding of the
// rule is reported with the engine's range, message, fix and suggestions.
//
// Design — who decides what:
// - Severity: ESLint. A rule runs only when the ESLint config turns it on, at the severity given
//   there; `rules` severities in wsclose.config.json do not apply under ESLint.
// - Options: ESLint too (`context.options[0]`, already merged over `meta.defaultOptions` by
//   ESLint), as for every ESLint plugin. wsclose.config.json still supplies everything else: private
//   `codes`, app `profiles`, `runtimes` overrides and `ignore` patterns (ignored files get no reports).
// - Directives: `applyDirectives: false`. ESLint has its own disable comments
//   (`// eslint-disable-next-line wsclose/mismatched-code`); `wsclose-disable` comments are a CLI
//   and editor feature and are neither applied nor reported here.
//
// Design — one analysis per file, not eight:
// Finding the close-like calls and classifying their receivers is the expensive part, and it is
// the same for every rule. So the first wsclose rule that visits a file runs the engine once with
// all eight rules on at their default options, and caches the findings per (program, source
// file); the other rules filter that run for their own ruleId. A rule's findings depend only on
// that rule's own options (each engine rule reads only its own setting), so a rule whose ESLint
// options equal its defaults can use the shared run; a rule configured with other options gets a
// run of its own (onlyRules: [that rule], with those options), cached under the options' key.
// The caches are WeakMaps keyed by the program and the source file: typescript-eslint creates a
// new SourceFile when the text changes (e.g. between --fix passes) and a new Program when the
// project changes, so a stale run is never reused and old ones are garbage-collected. The file's
// wsclose settings are resolved on each visit (cheap: cached lookups plus a stat of the config and
// package.json) and the runs are dropped when they changed, e.g. an edited wsclose.config.json.
import * as path from 'node:path';
import { ESLintUtils } from '@typescript-eslint/utils';
import type { TSESLint } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import type { ResolvedConfig, RuleSetting } from '../core/config';
import { RULE_IDS } from '../core/finding';
import type { Finding, RuleId, TextEdit } from '../core/finding';
import { lintSourceFile } from '../engine/lint-file';
import { RULES } from '../rules';
import { ruleDocsUrl } from '../rules/docs-url';
import { SettingsResolver } from './config';
import type { FileSettings } from './config';
import { CANNOT_CHECK, CANNOT_CHECK_TEMPLATE, cannotCheckData, lintIsolated } from './isolation';
import type { IsolatedOutcome } from './isolation';
import { eslintMessages, localizedMessageId, ruleDescription, toEslintMessage } from './messages';
import { localeFromEnvironment, resolveLocale } from '../registry/locales/catalog';
import type { Locale } from '../registry/locales/catalog';

export type RuleOptions = [Readonly<Record<string, unknown>>?];

export interface WscloseRuleDocs {
  /** Turned on by `configs.recommended` (every wsclose rule is). */
  readonly recommended: boolean;
}

export type WscloseEslintRule = TSESLint.RuleModule<string, RuleOptions, WscloseRuleDocs> & {
  readonly meta: TSESLint.RuleMetaDataWithDocs<string, WscloseRuleDocs, RuleOptions>;
};

interface FileEntry {
  /** The settings the runs were made with; a change (an edited wsclose.config.json) drops the runs. */
  settings: FileSettings;
  /** '' → the shared run (all rules, default options); `<ruleId>:<options JSON>` → one rule with other options. */
  readonly runs: Map<string, IsolatedOutcome>;
}

/** The linted texts (one SourceCode per file and --fix pass) whose failure has been reported: once, by the first rule. */
const failureReported = new WeakSet<object>();

const resolver = new SettingsResolver();
const entries = new WeakMap<ts.Program, WeakMap<ts.SourceFile, FileEntry>>();

/** `file` is the absolute, native path of the linted file: what the CLI resolves settings for. */
/**
 * The language of messages: ESLint `settings.wsclose.locale` ("en", "fr" or a tag such as
 * "fr-FR"), else the environment as the CLI reads it (LC_ALL, LC_MESSAGES, LANG).
 */
export function localeOf(settings: Readonly<Record<string, unknown>> | undefined): Locale {
  const wsclose = settings?.['wsclose'];
  const value = wsclose !== null && typeof wsclose === 'object' ? (wsclose as Record<string, unknown>)['locale'] : undefined;
  if (value === undefined) return localeFromEnvironment(process.env);
  if (typeof value !== 'string') throw new Error(`wsclose: settings.wsclose.locale must be a string such as "en" or "fr", not ${JSON.stringify(value)}.`);
  return resolveLocale(value);
}

function entryFor(program: ts.Program, sourceFile: ts.SourceFile, file: string, cwd: string, locale: Locale): FileEntry {
  // Resolved on every visit (cached lookups and a stat of the config and package.json), so that a
  // long-running ESLint sees config edits even when the program and the file did not change.
  const settings = resolver.settingsFor(file, cwd, locale);
  let byFile = entries.get(program);
  if (!byFile) {
    byFile = new WeakMap();
    entries.set(program, byFile);
  }
  let entry = byFile.get(sourceFile);
  if (!entry) {
    entry = { settings, runs: new Map() };
    byFile.set(sourceFile, entry);
  } else if (!sameSettings(entry.settings, settings)) {
    entry.settings = settings;
    entry.runs.clear();
  }
  return entry;
}

function sameSettings(a: FileSettings, b: FileSettings): boolean {
  return a.config === b.config && a.runtime === b.runtime && a.platform === b.platform && a.ignored === b.ignored && a.appProfiles.join() === b.appProfiles.join();
}

/** The engine config for a run: the file's wsclose config, with rule settings from ESLint's side. */
function engineConfig(base: ResolvedConfig, override?: { ruleId: RuleId; options: Readonly<Record<string, unknown>> }): ResolvedConfig {
  const rules = Object.fromEntries(
    RULE_IDS.map((id): [RuleId, RuleSetting] => [
      id,
      { severity: RULES[id].meta.defaultSeverity, options: (override?.ruleId === id ? override.options : RULES[id].meta.defaultOptions) as never },
    ]),
  );
  return { ...base, rules: rules as unknown as ResolvedConfig['rules'] };
}

function outcomeFor(program: ts.Program, sourceFile: ts.SourceFile, entry: FileEntry, ruleId: RuleId, options: Readonly<Record<string, unknown>>, locale: Locale): IsolatedOutcome {
  const defaults = RULES[ruleId].meta.defaultOptions as Readonly<Record<string, unknown>>;
  const own = JSON.stringify(options) !== JSON.stringify(defaults);
  const key = `${locale}:${own ? `${ruleId}:${JSON.stringify(options)}` : ''}`;
  let outcome = entry.runs.get(key);
  if (!outcome) {
    const { settings } = entry;
    // Never throws: a file TypeScript cannot take is left out (eslint/isolation.ts).
    outcome = lintIsolated(program, sourceFile, (checked, file) =>
      lintSourceFile(checked, file, {
        config: engineConfig(settings.config, own ? { ruleId, options } : undefined),
        appProfiles: settings.appProfiles,
        platform: settings.platform,
        ...(settings.runtime ? { runtimeOverride: settings.runtime } : {}),
        ...(own ? { onlyRules: [ruleId] } : {}),
        applyDirectives: false,
        locale,
      }),
    );
    entry.runs.set(key, outcome);
  }
  return outcome;
}

/** Edits as ESLint fixes; undefined when two edits overlap (the CLI drops such a fix too). */
function toFixes(edits: readonly TextEdit[]): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
  if (edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i < sorted.length; i++) {
    const edit = sorted[i]!;
    if (edit.end < edit.start || (i > 0 && edit.start < sorted[i - 1]!.end)) return undefined;
  }
  // ESLint merges the fixes of one report into a single one, copying the text between them.
  return (fixer) => sorted.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text));
}

export function createEslintRule(ruleId: RuleId): WscloseEslintRule {
  const engineRule = RULES[ruleId];
  const messages = eslintMessages(ruleId);
  const defaultOptions = engineRule.meta.defaultOptions as Readonly<Record<string, unknown>>;
  return {
    meta: {
      type: 'problem',
      docs: { description: ruleDescription(ruleId), url: ruleDocsUrl(ruleId), recommended: true },
      ...(engineRule.meta.fixable ? { fixable: 'code' as const } : {}),
      ...(engineRule.meta.hasSuggestions ? { hasSuggestions: true } : {}),
      schema: [engineRule.meta.optionsSchema as never],
      messages: { ...messages, [CANNOT_CHECK]: CANNOT_CHECK_TEMPLATE },
      defaultOptions: [defaultOptions],
    },
    create(context) {
      return {
        Program() {
          const services = ESLintUtils.getParserServices(context);
          const { program } = services;
          // ESLint passes the file name as it was given to it (the Linter API and RuleTester may
          // give a relative one); the CLI resolves settings for absolute paths.
          const file = path.resolve(context.cwd, context.filename);
          const sourceFile = (program.getSourceFile(file) ?? services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast as never)) as ts.SourceFile | undefined;
          if (!sourceFile) return;
          // The program comes from the project's `typescript`, the engine uses wsclose's: another
          // major version numbers its syntax kinds differently, and every answer would be wrong.
          if (sourceFile.kind !== ts.SyntaxKind.SourceFile) {
            throw new Error(`wsclose: typescript-eslint uses another TypeScript version than wsclose (${ts.version}); use TypeScript ${ts.versionMajorMinor} in the project.`);
          }
          // Offsets are only meaningful in the same text (not so for processed code blocks).
          // Declaration files are skipped, as the CLI skips them.
          if (sourceFile.text !== context.sourceCode.text || sourceFile.isDeclarationFile) return;
          const locale = localeOf(context.settings);
          const entry = entryFor(program, sourceFile, file, context.cwd, locale);
          if (entry.settings.ignored) return;
          const options = { ...defaultOptions, ...(context.options[0] ?? {}) };
          const outcome = outcomeFor(program, sourceFile, entry, ruleId, options, locale);
          if ('findings' in outcome) {
            for (const finding of outcome.findings) if (finding.ruleId === ruleId) report(context, messages, finding, locale);
          } else if (!failureReported.has(context.sourceCode)) {
            // One report per file however many wsclose rules are on, like a parsing error.
            failureReported.add(context.sourceCode);
            const at = context.sourceCode.getLocFromIndex(Math.min(outcome.failure.position, context.sourceCode.text.length));
            context.report({ messageId: CANNOT_CHECK, data: cannotCheckData(outcome.failure), loc: { start: at, end: at } });
          }
        },
      };
    },
  };
}

function report(context: Readonly<TSESLint.RuleContext<string, RuleOptions>>, messages: Readonly<Record<string, string>>, finding: Finding, locale: Locale): void {
  const fix = finding.fix && RULES[finding.ruleId!].meta.fixable ? toFixes(finding.fix) : undefined;
  const suggest = RULES[finding.ruleId!].meta.hasSuggestions
    ? (finding.suggestions ?? []).flatMap((suggestion) => {
        const fixes = toFixes(suggestion.edits);
        if (!fixes) return [];
        const text = toEslintMessage(messages, localizedMessageId(suggestion.messageId, locale), suggestion.data, suggestion.desc);
        return [{ ...('messageId' in text ? text : { desc: text.message }), fix: fixes }];
      })
    : [];
  const text = toEslintMessage(messages, localizedMessageId(finding.messageId, locale), finding.data, finding.message);
  context.report({
    ...(text as { messageId: string; data: Record<string, unknown> }),
    loc: { start: context.sourceCode.getLocFromIndex(finding.start), end: context.sourceCode.getLocFromIndex(finding.end) },
    ...(fix ? { fix } : {}),
    ...(suggest.length > 0 ? { suggest: suggest as TSESLint.ReportSuggestionArray<string> } : {}),
  });
}
