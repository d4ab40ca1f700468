// Applies findings' safe fixes to a text, as ESLint's fix pass does: fixes in offset order, each
// fix all or nothing, a fix that overlaps or touches one already applied is left for a later pass.
// Pure: text in, text out. Line breaks in inserted text follow the file's own line endings.
import type { TextEdit } from './finding';

export interface Fixable {
  readonly fix?: readonly TextEdit[];
}

export interface FixOutcome<T extends Fixable> {
  /** The text with the applied fixes. */
  readonly output: string;
  /** Fixes applied, in offset order. */
  readonly applied: T[];
  /** Fixes left out because they overlap a fix applied before them (retry them on the fixed text). */
  readonly skipped: T[];
}

/** The file's line ending: that of its first line break (`\n` when there is none). */
export function detectLineEnding(text: string): '\n' | '\r\n' | '\r' {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? (match[0] as '\n' | '\r\n' | '\r') : '\n';
}

/** Line breaks in `text` (\n, \r\n or \r) written as `eol`. */
export function withLineEnding(text: string, eol: string): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

/** The span a fix touches: from its first edit's start to its last edit's end. */
function span(edits: readonly TextEdit[]): { start: number; end: number } | undefined {
  if (edits.length === 0) return undefined;
  let start = Infinity;
  let end = -Infinity;
  for (const edit of edits) {
    if (edit.end < edit.start) return undefined;
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  return { start, end };
}

/** Whether the edits of one fix are in bounds and do not overlap each other. */
function isWellFormed(edits: readonly TextEdit[], length: number): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let previousEnd = 0;
  for (const edit of sorted) {
    if (edit.start < previousEnd || edit.end < edit.start || edit.end > length) return false;
    previousEnd = edit.end;
  }
  return true;
}

/**
 * Applies every fix it can in one pass. Fixes are taken in the order of their spans; one whose
 * span starts at or before the end of the previous applied fix is skipped (as ESLint does, so two
 * insertions at one offset never race). Malformed fixes (edits out of bounds or overlapping each
 * other) are neither applied nor skipped: they are dropped. Inserted line breaks become `eol`.
 */
export function applyFixes<T extends Fixable>(text: string, fixes: readonly T[], eol: string = detectLineEnding(text)): FixOutcome<T> {
  const candidates = fixes
    .flatMap((fix) => {
      const edits = fix.fix ?? [];
      const range = span(edits);
      return range && isWellFormed(edits, text.length) ? [{ fix, edits, range }] : [];
    })
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const applied: T[] = [];
  const skipped: T[] = [];
  const pieces: string[] = [];
  let copied = 0;
  let lastEnd = -Infinity;
  for (const candidate of candidates) {
    if (candidate.range.start <= lastEnd) {
      skipped.push(candidate.fix);
      continue;
    }
    for (const edit of [...candidate.edits].sort((a, b) => a.start - b.start)) {
      pieces.push(text.slice(copied, edit.start), withLineEnding(edit.text, eol));
      copied = edit.end;
    }
    lastEnd = candidate.range.end;
    applied.push(candidate.fix);
  }
  pieces.push(text.slice(copied));
  return { output: pieces.join(''), applied, skipped };
}
