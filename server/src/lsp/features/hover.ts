// Hover: the registry at the cursor. On a close code (sent, received or declared — the precise
// rule is in engine/code-docs-query.ts) its docs, with whether this socket's runtime accepts it;
// on the method of a close-like call, the receiver's runtime profile and its rules. On a code
// the project handles, also where the project sends it (or that it never does).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ts from 'typescript';
import { renderTemplate } from '../../core/text/render-template';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { renderCodeDocs, renderRuntimeDocs } from '../../engine/code-docs';
import { docsTargetAt } from '../../engine/code-docs-query';
import { sentPlaces } from '../../engine/code-map';
import type { FeatureContext } from './feature-context';
import { codeSources, nodeRange, queryOptions } from './shared';
import { docsText, featureText } from './text';

export function hoverAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, context: FeatureContext): Hover | undefined {
  const target = docsTargetAt(program, sourceFile, offset, queryOptions(context));
  if (!target) return undefined;
  const text = docsText(context.locale);
  const value =
    target.kind === 'code'
      ? renderCodeDocs(target.value, { runtimes: target.runtimes, naming: codeSources(context), text }) +
        (target.role === 'received' ? `\n\n${senders(program, sourceFile, target.value, context)}` : '')
      : target.runtimes
          .map((runtime) => renderRuntimeDocs(runtime, target.method, target.confidence, target.evidence, text))
          .join(featureText(context.locale).runtimeSeparator);
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
