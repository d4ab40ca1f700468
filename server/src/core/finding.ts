// The engine's output model. Offsets are UTF-16 offsets into the file text ([start, end));
// adapters convert them to 1-based line/column (CLI, ESLint) or LSP positions.

export const RULE_IDS = [
  'reserved-code',
  'invalid-code',
  'browser-code-range',
  'reason-too-long',
  'reason-without-code',
  'mismatched-code',
  'premature-close',
  'unregistered-code',
  'reconnect-on-terminal-code',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

export type Severity = 'off' | 'warn' | 'error';

/** How sure the classifier is that the receiver is a WebSocket of the reported runtime. */
export type Confidence = 'typed' | 'inferred';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Values a message template may interpolate. */
export type MessageData = Readonly<Record<string, string | number>>;

export interface Suggestion {
  readonly messageId: string;
  readonly data: MessageData;
  /** Rendered description in the run's locale. */
  readonly desc: string;
  readonly edits: readonly TextEdit[];
}

/** A place in another part of the project that explains a finding (where an inferred socket comes from). */
export interface RelatedLocation {
  readonly fileName: string;
  readonly start: number;
  readonly end: number;
  /** 1-based, as ESLint and SARIF count. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

export interface Finding {
  /** `null` for problems with directives (unused or unknown `wsclose-disable` comments), as ESLint does. */
  readonly ruleId: RuleId | null;
  readonly messageId: string;
  readonly data: MessageData;
  /** Rendered message in the run's locale: one plain-text sentence, what is wrong and what to use. */
  readonly message: string;
  /**
   * Why, in the run's locale (markdown): the runtime consequence, the facts behind the message,
   * what an inferred receiver rests on. Hovers and the JSON/SARIF output show it.
   */
  readonly detail?: string;
  readonly severity: Exclude<Severity, 'off'>;
  readonly start: number;
  readonly end: number;
  readonly confidence: Confidence;
  /** Semantics-preserving edits, applied by fix-all / --fix. */
  readonly fix?: readonly TextEdit[];
  /** What the fix does, in the run's locale (a code action's title). */
  readonly fixDesc?: string;
  /** Edits that change behaviour (another code, a shorter reason): offered, never auto-applied. */
  readonly suggestions?: readonly Suggestion[];
  /** For inferred receivers: how sure the inference is (`medium`: followed to a socket's source; `low`: usage or names only). */
  readonly evidenceStrength?: 'medium' | 'low';
  /** For inferred receivers: where the socket comes from and the storages it went through. */
  readonly related?: readonly RelatedLocation[];
  /** Set on unused-directive findings so editors can fade them. */
  readonly unnecessary?: boolean;
}
