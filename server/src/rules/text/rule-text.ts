// Shape of the rule-message catalogs. Templates use `{name}` placeholders (core/text/render-template).
import type { RuleId } from '../../core/finding';
import type { Situation } from '../../registry/situations';
import type { FailurePath } from '../../analysis/close-context';
import type { UnboundedSource } from '../../analysis/values';

export interface RuleText {
  /** One line; the first line of the rule's docs page says the same. */
  readonly description: string;
  /** messageId → template (findings and suggestion descriptions alike). */
  readonly messages: Readonly<Record<string, string>>;
}

export interface CommonText {
  /** Joins the last two items of a list of alternatives: "1008 (Policy Violation) or 1013 (…)". */
  readonly or: string;
  /** Formats one code for a message: "{code} ({name})". */
  readonly codeWithName: string;
  /** Appended to findings whose receiver was inferred rather than typed. */
  readonly inferredSuffix: string;
  /** Appended to findings at a call of a wrapper: `{name}` passes the value on to `{call}`. */
  readonly forwardedSuffix: string;
  /** The related location of the close call a wrapper ends in. */
  readonly forwardedRelated: string;
  readonly situations: Readonly<Record<Situation, string>>;
  readonly failurePaths: Readonly<Record<FailurePath, string>>;
  readonly unboundedSources: Readonly<Record<UnboundedSource, string>>;
}

export interface RulesCatalog {
  readonly rules: Readonly<Record<RuleId, RuleText>>;
  readonly common: CommonText;
}
