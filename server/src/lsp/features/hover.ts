// Hover: the registry at the cursor. On a close code (sent, received or declared — the precise
// rule is in engine/code-docs-query.ts) its docs, with whether this socket's runtime accepts it;
// on the method of a close-like call, the receiver's runtime profile and its rules. On a code a
// `mismatched-code` finding flags, the docs end with its comparison with the suggested code; on a
// code the project handles, they say where the project sends it (or that it never does).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ts from 'typescript';
import { renderTemplate } from '../../core/text/render-template';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { renderCodeDocs, renderRuntimeDocs } from '../../engine/code-docs';
import { docsTargetAt } from '../../engine/code-docs-query';
import { comparisonMarkdown, suggestedCodes, type FindingsOf } from './code-comparison';
import { sentPlaces } from '../../engine/code-map';
import type { FeatureContext } from './feature-context';
import { codeSources, nodeRange, queryOptions } from './shared';
import { docsText, featureText } from './text';

/** A horizontal rule between the code's docs and the comparison. */
const RULE = '\n\n---\n\n';

export function hoverAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, context: FeatureContext, findings: FindingsOf = () => []): Hover | undefined {
  const target = docsTargetAt(program, sourceFile, offset, queryOptions(context));
  if (!target) return undefined;
  const text = docsText(context.locale);
  let value: string;
  if (target.kind === 'code') {
    value = renderCodeDocs(target.value, { runtimes: target.runtimes, naming: codeSources(context), text });
    const suggested = target.role === 'sent' ? suggestedCodes(findings(), target.node.getStart(sourceFile), target.node.getEnd())[0] : undefined;
    if (suggested !== undefined && suggested !== target.value) value += `${RULE}${comparisonMarkdown(target.value, suggested, context)}`;
    if (target.role === 'received') value += `\n\n${senders(program, sourceFile, target.value, context)}`;
  } else {
    value = target.runtimes
      .map((runtime) => renderRuntimeDocs(runtime, target.method, target.confidence, target.evidence, text))
      .join(featureText(context.locale).runtimeSeparator);
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(sourceFile, target.node) };
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
