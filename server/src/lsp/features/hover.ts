// Hover: the registry at the cursor, short. On a close code (sent, received or declared — the
// precise rule is in engine/code-docs-query.ts) a card: what it is, whether this socket's runtime
// accepts it, and what to do here — under a finding, the finding's why and fixes. On the method of
// a close-like call, one line per runtime above TypeScript's own hover.
import type * as ts from 'typescript';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Finding } from '../../core/finding';
import { renderCodeDocs, renderRuntimeLine, type CodeFinding } from '../../engine/code-docs';
import { docsTargetAt } from '../../engine/code-docs-query';
import type { FeatureContext } from './feature-context';
import { codeSources, nodeRange, queryOptions } from './shared';
import { docsText } from './text';

/** A union-typed receiver: one line per runtime. */
const MARKDOWN_LINE_BREAK = '  \n';

/** `findings`: the file's current findings; one under the hovered code puts its why in the card. */
export function hoverAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, context: FeatureContext, findings: readonly Finding[] = []): Hover | undefined {
  const target = docsTargetAt(program, sourceFile, offset, queryOptions(context));
  if (!target) return undefined;
  const text = docsText(context.locale);
  const start = target.node.getStart(sourceFile);
  const end = target.node.getEnd();
  const finding = findings.find((f) => f.ruleId !== null && f.start <= start && end <= f.end);
  const value =
    target.kind === 'code'
      ? renderCodeDocs(target.value, { runtimes: target.runtimes, naming: codeSources(context), text, ...(finding ? { finding: cardOf(finding) } : {}) })
      : target.runtimes
          .map((runtime) => renderRuntimeLine(runtime, target.method, target.confidence, target.evidence, text))
          .join(MARKDOWN_LINE_BREAK);
  return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(sourceFile, target.node) };
}

function cardOf(finding: Finding): CodeFinding {
  return { detail: finding.detail, fixes: [...(finding.fixDesc ? [finding.fixDesc] : []), ...(finding.suggestions ?? []).map((s) => s.desc)] };
}
