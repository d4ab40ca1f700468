// Completion of close codes inside the code argument of a close-like call: the codes this
// socket's runtime accepts, the ones that fit the surrounding code first (a catch block on a
// server → 1011), then a fixed order of everyday codes, the project's configured codes and the
// active app profiles' codes, then the remaining registry codes. Inside a code a `mismatched-code`
// finding flags, the codes it suggests come first, their docs compared with the code written.
import type * as ts from 'typescript';
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { codeDisplayName, renderCodeDocs } from '../../engine/code-docs';
import { codeSlotAt, type CodeSlot } from '../../engine/code-docs-query';
import { APP_PROFILES } from '../../registry/apps';
import { CLOSE_CODES } from '../../registry/close-codes';
import { RUNTIME_PROFILES, acceptsCode } from '../../registry/runtimes';
import { comparisonMarkdown, suggestedCodes, type FindingsOf } from './code-comparison';
import type { FeatureContext } from './feature-context';
import { codeSources, queryOptions, rangeOf } from './shared';
import { docsText } from './text';

/** Everyday codes in the order they are offered when nothing more specific fits. */
const EVERYDAY_CODES: readonly number[] = [1000, 1001, 1008, 1011, 1012, 1013, 3000, 3003, 3008];

/** A horizontal rule between a code's docs and its comparison with the code written. */
const RULE = '\n\n---\n\n';

export function completionsAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, context: FeatureContext, findings: FindingsOf = () => []): CompletionItem[] | undefined {
  const slot = codeSlotAt(program, sourceFile, offset, queryOptions(context));
  if (!slot) return undefined;
  const naming = codeSources(context);
  const text = docsText(context.locale);
  const range = rangeOf(sourceFile, slot.start, slot.end);
  // The literal being replaced, and what a finding on it suggests instead.
  const written = slot.start < slot.end ? Number(sourceFile.text.slice(slot.start, slot.end)) : undefined;
  const suggested = written !== undefined ? suggestedCodes(findings(), slot.start, slot.end) : [];
  const docs = (code: number): string => {
    const own = renderCodeDocs(code, { runtimes: slot.runtimes, naming, text });
    return written !== undefined && suggested.includes(code) && code !== written ? `${own}${RULE}${comparisonMarkdown(written, code, context)}` : own;
  };
  return orderedCodes({ ...slot, fitting: [...suggested, ...slot.fitting] }, context).map((code, index) => ({
    label: String(code),
    // The name on every row (VS Code shows `detail` on the focused row only).
    labelDetails: { description: codeDisplayName(code, naming) },
    kind: CompletionItemKind.Value,
    detail: codeDisplayName(code, naming),
    documentation: { kind: MarkupKind.Markdown, value: docs(code) },
    sortText: String(index).padStart(4, '0'),
    textEdit: { range, newText: String(code) },
  }));
}

/** The codes to offer, best first: accepted by every runtime of the socket, and sendable by it. */
export function orderedCodes(slot: Pick<CodeSlot, 'runtimes' | 'fitting'>, context: Pick<FeatureContext, 'config' | 'appProfiles'>): number[] {
  const configured = context.config.codes.map((c) => c.code);
  const appCodes = APP_PROFILES.filter((p) => context.appProfiles.includes(p.id)).flatMap((p) => p.codes.map((c) => c.code));
  const registry = CLOSE_CODES.filter((e) => e.from === e.to && e.sendable !== 'no').map((e) => e.from);
  const serverOnly = slot.runtimes.length > 0 && slot.runtimes.every((r) => RUNTIME_PROFILES[r].role === 'server');
  const sendable = (code: number): boolean => {
    const entry = CLOSE_CODES.find((e) => e.from <= code && code <= e.to);
    if (!entry || entry.sendable === 'no' || (entry.sendable === 'client-only' && serverOnly)) return false;
    return slot.runtimes.every((r) => acceptsCode(RUNTIME_PROFILES[r], code));
  };
  const ordered = [...slot.fitting, ...EVERYDAY_CODES, ...configured, ...appCodes, ...registry.sort((a, b) => a - b)];
  return [...new Set(ordered)].filter(sendable);
}
