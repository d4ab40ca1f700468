// The anatomy of a rule: declarative metadata plus a `check` that looks at one close-like call
// and reports through its context. Rules never hold user-facing text: messages and phrases
// come from the locale catalogs in rules/text/, keyed by messageId.
import type * as ts from 'typescript';
import type { OptionsOf } from '../core/config';
import type { MessageData, RuleId, TextEdit } from '../core/finding';
import type { AnalysisContext } from '../analysis/context';
import type { CloseCallSite } from '../analysis/find-close-calls';
import type { RegistryCatalog } from '../registry/locales/catalog';
import type { CodeNaming } from './code-naming';
import type { CommonText } from './text/rule-text';

export interface RuleMeta<R extends RuleId> {
  readonly defaultSeverity: 'error' | 'warn';
  /** Reports carry safe fixes (applied by --fix / fix-all). */
  readonly fixable: boolean;
  /** Reports carry suggestions (offered, never applied automatically). */
  readonly hasSuggestions: boolean;
  readonly defaultOptions: OptionsOf<R>;
  /** JSON Schema of the options object (shared by the config schema and the ESLint plugin). */
  readonly optionsSchema: { readonly type: 'object'; readonly properties: Readonly<Record<string, unknown>>; readonly additionalProperties: false };
  readonly messageIds: readonly string[];
}

export interface SuggestionReport {
  readonly messageId: string;
  readonly data: MessageData;
  readonly edits: readonly TextEdit[];
}

export interface RuleReport {
  readonly messageId: string;
  readonly data: MessageData;
  /** The node whose range is reported (usually the offending argument). */
  readonly node: ts.Node;
  readonly fix?: readonly TextEdit[];
  /** Message describing the fix (its code-action title); required when `fix` is given. */
  readonly fixMessageId?: string;
  readonly suggestions?: readonly SuggestionReport[];
}

export interface RuleContext<R extends RuleId> {
  readonly site: CloseCallSite;
  readonly options: OptionsOf<R>;
  readonly analysis: AnalysisContext;
  /** Registry prose in the run's locale (code meanings, runtime effects). */
  readonly registryText: RegistryCatalog;
  /** Shared phrases in the run's locale (list joiners, situation names…). */
  readonly common: CommonText;
  readonly naming: CodeNaming;
  report(report: RuleReport): void;
}

export interface RuleModule<R extends RuleId = RuleId> {
  readonly id: R;
  readonly meta: RuleMeta<R>;
  check(context: RuleContext<R>): void;
}

const NO_OPTIONS = { type: 'object', properties: {}, additionalProperties: false } as const;

/** Identity helper that fixes the option type to the rule id; rules without options get `{}`. */
export function defineRule<R extends RuleId>(
  rule: Omit<RuleModule<R>, 'meta'> & { meta: Omit<RuleMeta<R>, 'optionsSchema' | 'defaultOptions'> & Partial<Pick<RuleMeta<R>, 'optionsSchema' | 'defaultOptions'>> },
): RuleModule<R> {
  return {
    ...rule,
    meta: { optionsSchema: NO_OPTIONS, defaultOptions: {} as OptionsOf<R>, ...rule.meta },
  };
}
