// The labels of `wsclose explain` and of the code comparison shown in hovers: one catalog per
// locale. Facts and prose about the codes come from the registry catalog; these are only the
// words around them.
import type { Aspect } from '../compare';
import type { CodeOrigin } from '../model';

export interface ExplainText {
  /** `{code}`, `{name}`. */
  readonly heading: string;
  /** `{first}`, `{second}`: two headings. */
  readonly comparisonHeading: string;
  readonly meaning: string;
  readonly whenYouSeeIt: string;
  readonly howToFix: string;
  readonly typicalUse: string;
  readonly reconnect: string;
  readonly runtimes: string;
  readonly references: string;
  /** `{date}`: IANA registration date of a 3000–3999 code. */
  readonly registeredOn: string;
  /** How the origin of a code is named; `{source}` is the app profile's display name. */
  readonly origins: Readonly<Record<CodeOrigin, string>>;
  /** A runtime line: `{runtime}` accepts the code. */
  readonly accepted: string;
  /** A runtime line: `{runtime}` does not; `{effect}` is the runtime's invalid-code clause. */
  readonly refused: string;
  readonly differences: string;
  readonly whenToUse: string;
  readonly aspects: Readonly<Record<Aspect, string>>;
  /** `{list}`: runtime names. */
  readonly acceptedByList: string;
  readonly refusedByList: string;
  readonly listSeparator: string;
  /** After a label: ':' in English, ' :' in French. */
  readonly colon: string;
  /** Joins the accepted and refused halves of a runtimes difference. */
  readonly clauseSeparator: string;
}
