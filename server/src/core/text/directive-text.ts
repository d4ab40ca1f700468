// Messages about `wsclose-disable` / `wsclose-enable` comments. Each key is also the finding's
// messageId. Templates use `{placeholder}` (see render-template.ts); the placeholders each
// template may use are listed beside it and checked by test/core/suppressions.test.ts.

export interface DirectiveText {
  /** A directive without a rule list that suppressed nothing. `{directive}`: e.g. "wsclose-disable-line". */
  readonly unusedDirective: string;
  /** A directive whose listed rules suppressed nothing. `{directive}`, `{rules}` (see ruleList*). */
  readonly unusedDirectiveRules: string;
  /** A `wsclose-enable` without a rule list while nothing was disabled. `{directive}`. */
  readonly unusedEnable: string;
  /** A `wsclose-enable` naming rules that were not disabled. `{directive}`, `{rules}`. */
  readonly unusedEnableRules: string;
  /** A rule name that is not a wsclose rule. `{name}`. */
  readonly unknownRule: string;
  /** The same, with a close match. `{name}`, `{suggestion}`. */
  readonly unknownRuleDidYouMean: string;
  /** Suggestion that replaces the misspelt name. `{name}`, `{suggestion}`. */
  readonly replaceRuleName: string;
  /** One rule inside `{rules}`. `{ruleId}`. */
  readonly ruleListItem: string;
  /** Between two items of `{rules}`. */
  readonly ruleListSeparator: string;
}

export type DirectiveMessageId = Exclude<keyof DirectiveText, 'ruleListItem' | 'ruleListSeparator'>;
