// Hover: the registry at the cursor. On a close code (sent, received or declared — the precise
// rule is in engine/code-docs-query.ts) its docs, with whether this socket's runtime accepts it;
// on the method of a close-like call, the receiver's runtime profile and its rules.
import type * as ts from 'typescript';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { renderCodeDocs, renderRuntimeDocs } from '../../engine/code-docs';
import { docsTargetAt } from '../../engine/code-docs-query';
import type { FeatureContext } from './feature-context';
import { codeSources, nodeRange, queryOptions } from './shared';
import { docsText, featureText } from './text';

export function hoverAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, context: FeatureContext): Hover | undefined {
  const target = docsTargetAt(program, sourceFile, offset, queryOptions(context));
  if (!target) return undefined;
  const text = docsText(context.locale);
  const value =
    target.kind === 'code'
      ? renderCodeDocs(target.value, { runtimes: target.runtimes, naming: codeSources(context), text })
      : target.runtimes
          .map((runtime) => renderRuntimeDocs(runtime, target.method, target.confidence, target.evidence, text))
          .join(featureText(context.locale).runtimeSeparator);
  return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(sourceFile, target.node) };
}
