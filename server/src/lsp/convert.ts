// Conversions between the engine's model (absolute paths, UTF-16 offsets, 'warn' | 'error') and
// LSP's (URIs, line/character positions, DiagnosticSeverity). The only place URIs become paths.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../core/finding';

/** The file system path of a `file:` URI; undefined for any other scheme or a malformed URI. */
export function uriToPath(uri: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** A comparable key for a URI: clients differ in how they escape (`c%3A` vs `c:`), paths do not. */
export function uriKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

export function offsetsToRange(document: Pick<TextDocument, 'positionAt'>, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toLspEdits(document: Pick<TextDocument, 'positionAt'>, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: offsetsToRange(document, edit.start, edit.end), newText: edit.text }));
}

export function toSeverity(severity: 'warn' | 'error'): DiagnosticSeverity {
  return severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
}

/** Is `range` a well-formed LSP range (used to validate untrusted request parameters)? */
export function isRange(value: unknown): value is Range {
  const isPosition = (p: unknown): boolean =>
    typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return typeof value === 'object' && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);
}
