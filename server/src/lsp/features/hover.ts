// Hover: the registry at the cursor, short. On a close code (sent, received or declared — the
// precise rule is in analysis/code-docs-targets.ts) a card: what it is, whether this socket's runtime
// accepts it, and what to do here — under a finding, the finding's why and fixes; on a code a
// `mismatched-code` finding flags, its comparison with the suggested code; on a code the project
// handles, where the project sends it (or that it never does). On the method of a close-like
// call, one line per runtime above TypeScript's own hover.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ts from 'typescript';
import { renderTemplate } from '../../core/text/render-template';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Finding } from '../../core/finding';
import { renderCodeDocs, renderRuntimeLine, type CodeFinding } from '../../engine/code-docs';
import { docsTargetAt } from '../../engine/code-docs-query';
import { comparisonMarkdown, suggestedCodes, type FindingsOf } from './code-comparison';
import { sentPlaces } from '../../engine/code-map';
import type { FeatureContext } from './feature-context';
import { codeSources, nodeRange, queryOptions } from './shared';
import { docsText, featureText } from './text';

/** A horizontal rule between the code's card and the comparison. */
const RULE = '\n\n---\n\n';
/** A union-typed receiver: one line per runtime. */
const MARKDOWN_LINE_BREAK = '  \n';

/** `findings`: the file's current findings; one under the hovered code puts its why in the card. */
export function hoverAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, context: FeatureContext, findings: FindingsOf = () => []): Hover | undefined {
  const target = docsTargetAt(program, sourceFile, offset, queryOptions(context));
  if (!target) return undefined;
  const text = docsText(context.locale);
  if (target.kind !== 'code') {
    const value = target.runtimes
      .map((runtime) => renderRuntimeLine(runtime, target.method, target.confidence, target.evidence, text))
      .join(MARKDOWN_LINE_BREAK);
    return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(sourceFile, target.node) };
  }
  const start = target.node.getStart(sourceFile);
  const end = target.node.getEnd();
  const current = findings();
  const finding = current.find((f) => f.ruleId !== null && f.start <= start && end <= f.end);
  let value = renderCodeDocs(target.value, { runtimes: target.runtimes, naming: codeSources(context), text, ...(finding ? { finding: cardOf(finding) } : {}) });
  const suggested = target.role === 'sent' ? suggestedCodes(current, start, end)[0] : undefined;
  if (suggested !== undefined && suggested !== target.value) value += `${RULE}${comparisonMarkdown(target.value, suggested, context)}`;
  if (target.role === 'received') value += `\n\n${senders(program, sourceFile, target.value, context)}`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(sourceFile, target.node) };
}

function cardOf(finding: Finding): CodeFinding {
  return { detail: finding.detail, fixes: [...(finding.fixDesc ? [finding.fixDesc] : []), ...(finding.suggestions ?? []).map((s) => s.desc)] };
}

/** For a handled code: links to where the project sends it, or that it never does. */
function senders(program: ts.Program, sourceFile: ts.SourceFile, code: number, context: FeatureContext): string {
  const text = featureText(context.locale);
  const places = sentPlaces(program, code, queryOptions(context));
  if (places.length === 0) return renderTemplate(text.senders.neverSent, { code });
  const links = places.map((place) => {
    const label = `${path.relative(path.dirname(sourceFile.fileName), place.fileName).split(path.sep).join('/')}:${place.line}`;
    return `[${label}](${pathToFileURL(place.fileName).href}#L${place.line})`;
  });
  return `**${text.senders.sentAt}** ${links.join(text.docs.listSeparator)}`;
}
