// The CLI's result model, which is ESLint's (LintResult / LintMessage), and the conversions from
// engine findings: UTF-16 offsets → 1-based line/column, and a finding's edits → one ESLint fix.
import type { Finding, TextEdit } from '../core/finding';
import { cliText } from './text';

/** ESLint's fix shape: one replacement of `[range[0], range[1])` (UTF-16 offsets) by `text`. */
export interface EslintFix {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface LintMessage {
  /** `null` for problems that come from no rule (directives, unreadable or ignored files). */
  readonly ruleId: string | null;
  /** Only on messages about the file itself (it could not be read / it was ignored), as in ESLint. */
  readonly fatal?: boolean;
  readonly severity: 1 | 2;
  readonly message: string;
  /** wsclose's addition: why (runtime consequence, registry facts, evidence), in markdown. */
  readonly detail?: string;
  /** 1-based; absent on messages about the whole file. */
  readonly line?: number;
  /** 1-based, in UTF-16 code units; absent on messages about the whole file. */
  readonly column?: number;
  readonly messageId?: string;
  readonly endLine?: number;
  /** Exclusive, 1-based, in UTF-16 code units. */
  readonly endColumn?: number;
  readonly fix?: EslintFix;
  readonly suggestions?: ReadonlyArray<{ readonly desc: string; readonly messageId: string; readonly fix: EslintFix }>;
  /** How sure the receiver's classification is: `high` from types, `medium`/`low` from the socket's flow or usage. */
  readonly confidence?: FindingConfidence;
  /** What an inferred finding rests on: where the socket comes from and the storages on its way. */
  readonly relatedLocations?: readonly RelatedLintLocation[];
}

export type FindingConfidence = 'high' | 'medium' | 'low';

export interface RelatedLintLocation {
  /** Absolute path. */
  readonly filePath: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

/** The confidence a finding is reported with (see LintMessage.confidence). */
export function confidenceOf(finding: Finding): FindingConfidence {
  return finding.confidence === 'typed' ? 'high' : (finding.evidenceStrength ?? 'medium');
}

export interface LintResult {
  /** Absolute path. */
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly suppressedMessages: readonly LintMessage[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly usedDeprecatedRules: readonly never[];
  /** With --fix / --fix-dry-run, the whole fixed text when fixes changed the file (ESLint's field). */
  readonly output?: string;
}

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

/**
 * Maps UTF-16 offsets to 1-based line/column. Line breaks are those ESLint (and TypeScript)
 * recognise: \r\n, \n, \r, U+2028 and U+2029.
 */
export function createLineMap(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue; // \r\n breaks once, at the \n
    if (ch === 0x0a || ch === 0x0d || ch === 0x2028 || ch === 0x2029) starts.push(i + 1);
  }
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  };
}

/**
 * One ESLint fix from several edits: a single range from the first edit's start to the last edit's
 * end, with the source text between the edits copied in. Undefined when there are no edits or two
 * of them overlap (such a fix cannot be applied safely, so it is not offered).
 */
export function mergeEdits(edits: readonly TextEdit[], source: string): EslintFix | undefined {
  if (edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let text = '';
  let previousEnd = sorted[0]!.start;
  for (const edit of sorted) {
    if (edit.start < previousEnd || edit.end < edit.start) return undefined;
    text += source.slice(previousEnd, edit.start) + edit.text;
    previousEnd = edit.end;
  }
  return { range: [sorted[0]!.start, previousEnd], text };
}

/** An engine finding as an ESLint message. */
export function toLintMessage(finding: Finding, source: string, positionAt: (offset: number) => Position): LintMessage {
  const start = positionAt(finding.start);
  const end = positionAt(finding.end);
  const fix = finding.fix ? mergeEdits(finding.fix, source) : undefined;
  const suggestions = (finding.suggestions ?? []).flatMap((suggestion) => {
    const merged = mergeEdits(suggestion.edits, source);
    return merged ? [{ desc: suggestion.desc, messageId: suggestion.messageId, fix: merged }] : [];
  });
  return {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    message: finding.message,
    ...(finding.detail ? { detail: finding.detail } : {}),
    line: start.line,
    column: start.column,
    messageId: finding.messageId,
    endLine: end.line,
    endColumn: end.column,
    ...(fix ? { fix } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
    ...(finding.ruleId !== null ? { confidence: confidenceOf(finding) } : {}),
    ...(finding.related && finding.related.length > 0
      ? { relatedLocations: finding.related.map((r) => ({ filePath: r.fileName, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message })) }
      : {}),
  };
}

/** A result with its counts computed from its messages (as ESLint counts them). */
export function createResult(filePath: string, messages: readonly LintMessage[]): LintResult {
  let errorCount = 0;
  let fatalErrorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of messages) {
    if (message.fatal || message.severity === 2) {
      errorCount++;
      if (message.fatal) fatalErrorCount++;
      if (message.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (message.fix) fixableWarningCount++;
    }
  }
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount,
    fatalErrorCount,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
    usedDeprecatedRules: [],
  };
}

/** The result of linting one file: findings converted and sorted by position. */
export function resultFromFindings(filePath: string, source: string, findings: readonly Finding[]): LintResult {
  const positionAt = createLineMap(source);
  const messages = findings
    .map((finding) => toLintMessage(finding, source, positionAt))
    .sort((a, b) => a.line! - b.line! || a.column! - b.column! || a.endLine! - b.endLine! || a.endColumn! - b.endColumn!);
  return createResult(filePath, messages);
}

/**
 * A file that could not be checked at all (it could not be read, or TypeScript fails on it): one
 * fatal error, like ESLint's parse errors, at a 1-based line and column when there is a place to point at.
 */
export function fatalResult(filePath: string, message: string, position?: { readonly line?: number; readonly column?: number }): LintResult {
  const at = position?.line !== undefined && position.column !== undefined ? { line: position.line, column: position.column } : {};
  return createResult(filePath, [{ ruleId: null, fatal: true, severity: 2, message, ...at }]);
}

/** A file named on the command line that the config ignores (by default, in English): one warning, as ESLint reports it. */
export function ignoredResult(filePath: string, message = cliText('en').files.ignored): LintResult {
  return createResult(filePath, [{ ruleId: null, fatal: false, severity: 1, message }]);
}

/**
 * Errors only (`--quiet`), as ESLint's getErrorResults: warnings are dropped, counts recomputed,
 * and files left without messages are left out.
 */
export function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.flatMap((result) => {
    const errors = result.messages.filter((message) => message.fatal || message.severity === 2);
    return errors.length > 0 ? [createResult(result.filePath, errors)] : [];
  });
}

export interface Totals {
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
}

export function totals(results: readonly LintResult[]): Totals {
  const sum = (key: keyof Totals): number => results.reduce((total, result) => total + result[key], 0);
  return {
    errorCount: sum('errorCount'),
    fatalErrorCount: sum('fatalErrorCount'),
    warningCount: sum('warningCount'),
    fixableErrorCount: sum('fixableErrorCount'),
    fixableWarningCount: sum('fixableWarningCount'),
  };
}
