// The anatomy of a rule: declarative metadata plus either a `check` that looks at one close-like
// call (most rules) or a `checkFile` that looks at the file once (rules about the other end of a
// close: its handlers), reporting through its context. Rules never hold user-facing text: messages and phrases
// come from the locale catalogs in rules/text/, keyed by messageId.
import type * as ts from 'typescript';
import type { OptionsOf } from '../core/config';
import type { Confidence, MessageData, RuleId, TextEdit } from '../core/finding';
import type { AnalysisContext } from '../analysis/context';
import type { CloseCallSite } from '../analysis/find-close-calls';
import type { RegistryCatalog } from '../registry/locales/catalog';
import type { Evidence } from '../registry/types';
import type { CodeNaming } from './code-naming';
import type { CommonText } from './text/rule-text';

export interface RuleMeta<R extends RuleId, M extends string = string> {
  readonly defaultSeverity: 'error' | 'warn';
  /** Reports carry safe fixes (applied by --fix / fix-all). */
  readonly fixable: boolean;
  /** Reports carry suggestions (offered, never applied automatically). */
  readonly hasSuggestions: boolean;
  readonly defaultOptions: OptionsOf<R>;
  /** JSON Schema of the options object (shared by the config schema and the ESLint plugin). */
  readonly optionsSchema: { readonly type: 'object'; readonly properties: Readonly<Record<string, unknown>>; readonly additionalProperties: false };
  /** Every message id the rule reports: a report with another id does not compile. */
  readonly messageIds: readonly M[];
}

export interface SuggestionReport<M extends string = string> {
  readonly messageId: M;
  readonly data: MessageData;
  readonly edits: readonly TextEdit[];
}

export interface RuleReport<M extends string = string> {
  readonly messageId: M;
  readonly data: MessageData;
  /** The node whose range is reported (usually the offending argument). */
  readonly node: ts.Node;
  readonly fix?: readonly TextEdit[];
  /** Message describing the fix (its code-action title); required when `fix` is given. */
  readonly fixMessageId?: M;
  readonly suggestions?: readonly SuggestionReport<M>[];
  /**
   * File rules: how sure we are that the socket the report is about is one, and what that rests
   * on. Close-call rules leave it out (the call's receiver says it).
   */
  readonly socket?: { readonly confidence: Confidence; readonly evidence?: Evidence };
  /** Other places that explain the finding (the language server's related information, SARIF's related locations). */
  readonly related?: ReadonlyArray<{ readonly node: ts.Node; readonly messageId: M; readonly data: MessageData }>;
}

export interface FileRuleContext<R extends RuleId, M extends string = string> {
  readonly options: OptionsOf<R>;
  readonly analysis: AnalysisContext;
  /** Registry prose in the run's locale (code meanings, runtime effects). */
  readonly registryText: RegistryCatalog;
  /** Shared phrases in the run's locale (list joiners, situation names…). */
  readonly common: CommonText;
  readonly naming: CodeNaming;
  report(report: RuleReport<M>): void;
}

export interface RuleContext<R extends RuleId, M extends string = string> extends FileRuleContext<R, M> {
  readonly site: CloseCallSite;
}

export interface RuleModule<R extends RuleId = RuleId, M extends string = string> {
  readonly id: R;
  readonly meta: RuleMeta<R, M>;
  /** Close-call rules: called once per close-like call in the file. */
  check?(context: RuleContext<R, M>): void;
  /** File rules: called once per analysed file (exactly one of `check` and `checkFile` is given). */
  checkFile?(context: FileRuleContext<R, M>): void;
}

const NO_OPTIONS = { type: 'object', properties: {}, additionalProperties: false } as const;

/** Identity helper that fixes the option type to the rule id; rules without options get `{}`. */
export function defineRule<R extends RuleId, const M extends string>(
  rule: Omit<RuleModule<R, M>, 'meta'> & { meta: Omit<RuleMeta<R, M>, 'optionsSchema' | 'defaultOptions'> & Partial<Pick<RuleMeta<R, M>, 'optionsSchema' | 'defaultOptions'>> },
): RuleModule<R, M> {
  return {
    ...rule,
    meta: { optionsSchema: NO_OPTIONS, defaultOptions: {} as OptionsOf<R>, ...rule.meta },
  };
}
