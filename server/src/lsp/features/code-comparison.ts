// The comparison of the code a `mismatched-code` finding flags with the codes it suggests: what
// the hover on that code and the documentation of the suggested codes in completion add to the
// docs, so the user sees why the suggestion fits better (1000 vs 1008 in a rate-limit rejection).
// The comparison itself is the engine's, the same `wsclose explain 1000 1008` prints.
import type { Finding } from '../../core/finding';
import { compareCodes } from '../../engine/explain/compare';
import { comparisonTitle, renderComparisonSummary } from '../../engine/explain/render';
import { explainText } from '../../engine/explain/text';
import type { FeatureContext } from './feature-context';
import { codeSources } from './shared';

/** The findings of the file, computed only when a feature needs them. */
export type FindingsOf = () => readonly Finding[];

/** The codes the `mismatched-code` findings over [start, end) suggest instead, best first. */
export function suggestedCodes(findings: readonly Finding[], start: number, end: number): number[] {
  const codes = findings
    .filter((f) => f.ruleId === 'mismatched-code' && f.start <= start && end <= f.end)
    .flatMap((f) => (f.suggestions ?? []).flatMap((s) => s.edits.map((e) => Number(e.text))));
  return [...new Set(codes.filter((code) => Number.isInteger(code)))];
}

/** `used` against `suggested`, as a markdown block to append to docs. */
export function comparisonMarkdown(used: number, suggested: number, context: FeatureContext): string {
  const labels = explainText(context.locale);
  const comparison = compareCodes(used, suggested, { naming: codeSources(context), locale: context.locale });
  return `**${comparisonTitle(comparison, labels)}**\n\n${renderComparisonSummary(comparison, labels, 'markdown', 3)}`;
}
