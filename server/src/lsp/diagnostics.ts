// Findings → LSP diagnostics, and the two delivery models: push (publishDiagnostics after each
// change, for every open document, newest change first) and pull (textDocument/diagnostic,
// workspace/diagnostic). Each result is tagged with the document version it was computed for;
// a result for an older version, or from a pass overtaken by a newer change, is dropped.
import * as path from 'node:path';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Diagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RuleId } from '../core/finding';
import { culpritMessage } from '../engine/isolation';
import type { Locale } from '../registry/locales/catalog';
import type { Culprit } from '../engine/isolation';
import { offsetsToRange, pathToUri, toLspEdits, toSeverity, uriKey } from './convert';
import type { FileState } from './linting';

/** `code` of problems with suppression directives (unused or unknown `wsclose-disable` comments). */
export const DIRECTIVE_CODE = 'wsclose-directive';
export const SOURCE = 'wsclose';
/** `code` of the one diagnostic of a file TypeScript fails on (engine/isolation.ts). */
export const LEFT_OUT_CODE = 'wsclose-cannot-check';

/** What code actions need, carried on each diagnostic (LSP `data`). */
export interface DiagnosticData {
  /** The document version the diagnostic was computed for (undefined for a closed file). */
  readonly version: number | undefined;
  readonly ruleId: RuleId | null;
  readonly fix?: LspTextEdit[];
  readonly suggestions?: Array<{ readonly desc: string; readonly messageId: string; readonly edits: LspTextEdit[] }>;
}

/** Where the offline docs shipped with the package are. */
export class DocsLinks {
  constructor(private readonly packageRoot: string) {}

  rule(ruleId: RuleId): string {
    return pathToUri(path.join(this.packageRoot, 'docs', 'rules', `${ruleId}.md`));
  }

  /** The README's section on suppression directives. */
  directives(): string {
    return `${pathToUri(path.join(this.packageRoot, 'README.md'))}#suppressing-a-finding`;
  }

  forCode(code: string): string {
    return code === DIRECTIVE_CODE ? this.directives() : this.rule(code as RuleId);
  }
}

export function toDiagnostic(finding: Finding, state: FileState, docs: DocsLinks): Diagnostic {
  const { document } = state;
  const data: DiagnosticData = {
    version: state.version,
    ruleId: finding.ruleId,
    ...(finding.fix ? { fix: toLspEdits(document, finding.fix) } : {}),
    ...(finding.suggestions
      ? { suggestions: finding.suggestions.map((s) => ({ desc: s.desc, messageId: s.messageId, edits: toLspEdits(document, s.edits) })) }
      : {}),
  };
  return {
    range: offsetsToRange(document, finding.start, finding.end),
    severity: toSeverity(finding.severity),
    source: SOURCE,
    code: finding.ruleId ?? DIRECTIVE_CODE,
    codeDescription: { href: finding.ruleId ? docs.rule(finding.ruleId) : docs.directives() },
    message: finding.message,
    ...(finding.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(finding.related && finding.related.length > 0
      ? {
          relatedInformation: finding.related.map((r) => ({
            // TypeScript's line/character are UTF-16 based, as LSP positions are.
            location: { uri: pathToUri(r.fileName), range: { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } } },
            message: r.message,
          })),
        }
      : {}),
    data,
  };
}

/**
 * The one diagnostic of a file left out of its program, where it nests deepest: an error, as the
 * CLI's fatal message. No `data`, so no code action offers to disable or fix it.
 */
export function leftOutDiagnostic(culprit: Culprit, text: string, locale: Locale = 'en'): Diagnostic {
  const document = TextDocument.create('file:///left-out', 'typescript', 0, text);
  const start = Math.min(culprit.position, text.length);
  return {
    range: { start: document.positionAt(start), end: document.positionAt(Math.min(start + 1, text.length)) },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: LEFT_OUT_CODE,
    message: culpritMessage(culprit, locale),
  };
}

export interface CachedResult {
  readonly version: number | undefined;
  readonly diagnostics: Diagnostic[];
}

/**
 * The last diagnostics per document: for code actions when the client drops `data`, and for
 * pull clients with `run: onSave` while the document has unsaved edits.
 */
export class ResultCache {
  private readonly results = new Map<string, CachedResult>();

  set(uri: string, result: CachedResult): void {
    this.results.set(uriKey(uri), result);
  }

  get(uri: string): CachedResult | undefined {
    return this.results.get(uriKey(uri));
  }

  delete(uri: string): void {
    this.results.delete(uriKey(uri));
  }

  clear(): void {
    this.results.clear();
  }

  /** The data of a diagnostic the client sent back, found by range, code and message. */
  dataFor(uri: string, diagnostic: Diagnostic): DiagnosticData | undefined {
    const key = diagnosticKey(diagnostic);
    const match = this.get(uri)?.diagnostics.find((d) => diagnosticKey(d) === key);
    return match?.data as DiagnosticData | undefined;
  }
}

function diagnosticKey(d: Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${String(d.code)}|${d.message}`;
}
