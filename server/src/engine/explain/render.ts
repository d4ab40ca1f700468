// `wsclose explain` as text (a terminal) or markdown (a README, an issue, a hover): one layout,
// two styles. Pure: an explanation or a comparison and a label catalog in, a string out.
import { renderTemplate } from '../../core/text/render-template';
import type { AspectValue, CodeComparison } from './compare';
import type { CodeExplanation } from './model';
import type { ExplainText } from './text/explain-text';

export type ExplainStyle = 'text' | 'markdown';

interface Style {
  /** Level 1: the page title; level 2: a section; level 3: a section inside other docs. */
  heading(level: 1 | 2 | 3, text: string): string;
  /** The line under a heading that says what kind of code it is. */
  subtitle(text: string): string;
  /** `label` ends with the locale's colon. */
  field(label: string, value: string): string;
  /** A label (with its colon) that introduces a list. */
  label(text: string): string;
  /** Between the fields of one block. */
  readonly lineBreak: string;
  list(items: readonly string[]): string;
  link(label: string, url: string): string;
  /** Label/first/second rows: a table in markdown, a nested list in text. */
  table(header: readonly [string, string, string], rows: ReadonlyArray<readonly [string, string, string]>): string;
}

const TEXT: Style = {
  heading: (level, text) => (level === 1 ? `${text}\n${'='.repeat(text.length)}` : level === 2 ? `${text}\n${'-'.repeat(text.length)}` : `${text}:`),
  subtitle: (text) => text,
  field: (label, value) => `${label} ${value}`,
  label: (text) => text,
  lineBreak: '\n',
  list: (items) => items.map((item) => `  ${item}`).join('\n'),
  link: (label, url) => `${label} <${url}>`,
  table: (header, rows) => rows.map(([label, first, second]) => `${label}\n  ${header[1]}: ${first}\n  ${header[2]}: ${second}`).join('\n'),
};

const MARKDOWN: Style = {
  heading: (level, text) => `${'#'.repeat(level)} ${text}`,
  subtitle: (text) => `*${text}*`,
  field: (label, value) => `**${label}** ${value}`,
  label: (text) => `**${text}**`,
  // Markdown hard line break: two spaces before the newline.
  lineBreak: '  \n',
  list: (items) => items.map((item) => `- ${item}`).join('\n'),
  link: (label, url) => `[${label}](${url})`,
  table: (header, rows) => [header, ['---', '---', '---'] as const, ...rows].map((cells) => `| ${cells.map(cell).join(' | ')} |`).join('\n'),
};

const STYLES: Readonly<Record<ExplainStyle, Style>> = { text: TEXT, markdown: MARKDOWN };

/** One code's full entry. */
export function renderExplanation(explanation: CodeExplanation, labels: ExplainText, style: ExplainStyle, level: 1 | 2 = 1): string {
  return sections(explanation, labels, STYLES[style], level).join('\n\n');
}

function sections(e: CodeExplanation, labels: ExplainText, s: Style, level: 1 | 2): string[] {
  const parts = [s.heading(level, title(e, labels)), s.subtitle(subtitle(e, labels))];
  const fields = [s.field(colon(labels, labels.meaning), e.meaning)];
  if (e.whenYouSeeIt !== undefined) fields.push(s.field(colon(labels, labels.whenYouSeeIt), e.whenYouSeeIt));
  if (e.howToFix !== undefined) fields.push(s.field(colon(labels, labels.howToFix), e.howToFix));
  if (e.typicalUse !== undefined) fields.push(s.field(colon(labels, labels.typicalUse), e.typicalUse));
  fields.push(s.field(colon(labels, labels.reconnect), e.reconnectText));
  parts.push(fields.join(s.lineBreak));
  const runtimes = e.runtimes.map((r) => (r.accepted ? `✓ ${renderTemplate(labels.accepted, { runtime: r.name })}` : `✗ ${renderTemplate(labels.refused, { runtime: r.name, effect: r.effect ?? '' })}`));
  parts.push(`${s.label(colon(labels, labels.runtimes))}\n${s.list(runtimes)}`);
  if (e.references.length > 0) parts.push(`${s.label(colon(labels, labels.references))}\n${s.list(e.references.map((r) => s.link(r.label, r.url)))}`);
  return parts;
}

/** Two codes: both entries, the key differences, when to use which. */
export function renderComparison(comparison: CodeComparison, labels: ExplainText, style: ExplainStyle): string {
  const s = STYLES[style];
  const { first, second } = comparison;
  return [
    s.heading(1, comparisonTitle(comparison, labels)),
    renderExplanation(first, labels, style, 2),
    renderExplanation(second, labels, style, 2),
    renderComparisonSummary(comparison, labels, style),
  ].join('\n\n');
}

/** The key differences and when to use which, without the two entries (what a hover adds to the docs of the code used). */
export function renderComparisonSummary(comparison: CodeComparison, labels: ExplainText, style: ExplainStyle, level: 2 | 3 = 2): string {
  const s = STYLES[style];
  const { first, second } = comparison;
  const header = ['', title(first, labels), title(second, labels)] as const;
  const rows = comparison.differences.map((d) => [labels.aspects[d.aspect], describeSide(d.first, labels), describeSide(d.second, labels)] as const);
  return [
    s.heading(level, labels.differences),
    s.table(header, rows),
    s.heading(level, labels.whenToUse),
    s.list([s.field(colon(labels, title(first, labels)), comparison.whenToUse.first), s.field(colon(labels, title(second, labels)), comparison.whenToUse.second)]),
  ].join('\n\n');
}

/** One side of a difference, as words. */
export function describeSide(value: AspectValue, labels: ExplainText): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'origin':
      return renderTemplate(labels.origins[value.origin], value.appProfile !== undefined ? { source: value.appProfile } : {});
    case 'runtimes': {
      const clauses: string[] = [];
      if (value.accepted.length > 0) clauses.push(renderTemplate(labels.acceptedByList, { list: value.accepted.join(labels.listSeparator) }));
      if (value.refused.length > 0) clauses.push(renderTemplate(labels.refusedByList, { list: value.refused.join(labels.listSeparator) }));
      return clauses.join(labels.clauseSeparator);
    }
  }
}

/** "1000 Normal Closure vs 1008 Policy Violation" */
export function comparisonTitle(comparison: CodeComparison, labels: ExplainText): string {
  return renderTemplate(labels.comparisonHeading, { first: title(comparison.first, labels), second: title(comparison.second, labels) });
}

function colon(labels: ExplainText, label: string): string {
  return `${label}${labels.colon}`;
}

function title(e: CodeExplanation, labels: ExplainText): string {
  return renderTemplate(labels.heading, { code: e.code, name: e.name });
}

function subtitle(e: CodeExplanation, labels: ExplainText): string {
  // A registry code's range class already says where it comes from.
  const parts = e.origin === 'registry' ? [] : [renderTemplate(labels.origins[e.origin], e.appProfile ? { source: e.appProfile.name } : {})];
  parts.push(e.rangeClassText, e.sendableText);
  if (e.registered !== undefined) parts.push(renderTemplate(labels.registeredOn, { date: e.registered }));
  return parts.join(' · ');
}

/** A table cell: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
