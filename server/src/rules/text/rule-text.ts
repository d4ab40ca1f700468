// Shape of the rule-message catalogs. Templates use `{name}` placeholders (core/text/render-template).
import type { RuleId } from '../../core/finding';
import type { Situation } from '../../registry/situations';
import type { FailurePath } from '../../analysis/close-context';
import type { UnboundedSource } from '../../analysis/values';

export interface RuleText {
  /** One line; the first line of the rule's docs page says the same. */
  readonly description: string;
  /**
   * messageId → template (findings and suggestion descriptions alike). One plain-text sentence,
   * no markdown: CLI, Problems panels, SARIF and ESLint print it as is (test/rules/messages.test.ts).
   */
  readonly messages: Readonly<Record<string, string>>;
  /**
   * Finding messageId → why: the runtime consequence and the facts behind the message. Markdown
   * allowed; shown by hovers and the JSON/SARIF output (`Finding.detail`), never in the headline.
   */
  readonly details: Readonly<Record<string, string>>;
}

export interface CommonText {
  /** Joins the last two items of a list of alternatives: "1008, 1013 or 4000". */
  readonly or: string;
  /** Formats one code for a message: "{code} ({name})". */
  readonly codeWithName: string;
  /** Added to the detail of findings whose receiver was inferred rather than typed. */
  readonly inferredDetail: string;
  /** Added to the detail of findings at a call of a wrapper: `{name}` passes the value on to `{call}`. */
  readonly forwardedDetail: string;
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
