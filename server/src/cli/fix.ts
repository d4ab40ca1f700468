// --fix / --fix-dry-run: applies findings' safe fixes (never suggestions) until the files are
// stable. Each pass applies every fix that does not overlap another one, checks that each changed
// file still parses, and lints the changed files again; fixes left out by an overlap are retried on
// the next pass. Passes are bounded. Everything happens in memory: writing is the run's business.
import * as ts from 'typescript';
import { syntaxErrors } from '../engine/syntax-check';
import { applyFixes, detectLineEnding } from '../core/apply-fixes';
import type { Finding } from '../core/finding';
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import { createLineMap } from './results';
import { notesText, warningAt } from './text/notes';

export const MAX_FIX_PASSES = 10;

export interface FixLoop {
  /** Current text per file (updated in place). */
  readonly texts: Map<string, string>;
  /** Current findings per file (updated in place for the files that were linted again). */
  readonly findings: Map<string, readonly Finding[]>;
  /** Lints these files again, on the current texts. */
  readonly relint: (files: readonly string[]) => Map<string, readonly Finding[]>;
  /** Which findings' fixes to apply (with --quiet: errors only, as ESLint). */
  readonly shouldFix: (finding: Finding) => boolean;
  /** Receives one line per dropped fix, for stderr. */
  readonly warn: (line: string) => void;
  readonly displayPath: (file: string) => string;
  /** Language of the warnings (default en). */
  readonly locale?: Locale;
  readonly maxPasses?: number;
}

export interface FixSummary {
  /** Files whose text the fixes changed. */
  readonly changed: Set<string>;
  readonly passes: number;
  /** The files were still changing after the last pass allowed. */
  readonly unstable: boolean;
}

/** Identifies a fix by what it does and where (the text around it), so offsets may move between passes. */
function fixKey(finding: Finding, text: string): string {
  const edits = (finding.fix ?? []).map((edit) => {
    const lineStart = text.lastIndexOf('\n', edit.start - 1) + 1;
    const lineEnd = text.indexOf('\n', edit.end);
    return [text.slice(lineStart, edit.start), text.slice(edit.start, edit.end), edit.text, text.slice(edit.end, lineEnd < 0 ? undefined : lineEnd)];
  });
  return JSON.stringify([finding.ruleId, finding.messageId, edits]);
}

export function fixUntilStable(loop: FixLoop): FixSummary {
  const maxPasses = loop.maxPasses ?? MAX_FIX_PASSES;
  const changed = new Set<string>();
  const rejected = new Set<string>();
  for (let pass = 1; pass <= maxPasses; pass++) {
    const changedThisPass: string[] = [];
    for (const [file, findings] of loop.findings) {
      const text = loop.texts.get(file);
      if (text === undefined) continue;
      const candidates = findings.filter((finding) => finding.fix !== undefined && finding.fix.length > 0 && loop.shouldFix(finding) && !rejected.has(fixKey(finding, text)));
      if (candidates.length === 0) continue;
      const output = applyParseSafe(file, text, candidates, rejected, loop);
      if (output !== text) {
        loop.texts.set(file, output);
        changed.add(file);
        changedThisPass.push(file);
      }
    }
    if (changedThisPass.length === 0) return { changed, passes: pass, unstable: false };
    for (const [file, findings] of loop.relint(changedThisPass)) loop.findings.set(file, findings);
  }
  return { changed, passes: maxPasses, unstable: true };
}

/**
 * The text with the candidates' fixes applied, leaving out every fix that would add parse errors:
 * those are reported, remembered in `rejected` and not tried again.
 */
function applyParseSafe(file: string, text: string, candidates: readonly Finding[], rejected: Set<string>, loop: FixLoop): string {
  const eol = detectLineEnding(text);
  const before = syntaxErrors(file, text).length;
  const breaks = (output: string): ts.Diagnostic | undefined => {
    const errors = syntaxErrors(file, output);
    return errors.length > before ? errors[errors.length - 1] : undefined;
  };
  const all = applyFixes(text, candidates, eol);
  if (all.applied.length === 0 || breaks(all.output) === undefined) return all.output;

  // Find the culprits one fix at a time, then apply the others together.
  const positionAt = createLineMap(text);
  const reject = (finding: Finding, diagnostic: ts.Diagnostic | undefined): void => {
    rejected.add(fixKey(finding, text));
    const { line, column } = positionAt(finding.start);
    const locale = loop.locale ?? 'en';
    const notes = notesText(locale);
    const fix = finding.ruleId ? renderTemplate(notes.fixOfRule, { ruleId: finding.ruleId }) : notes.fixOfDirective;
    const message = diagnostic
      ? renderTemplate(notes.fixDroppedBecause, { fix, reason: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '), code: diagnostic.code })
      : renderTemplate(notes.fixDropped, { fix });
    loop.warn(warningAt(locale, `${loop.displayPath(file)}:${line}:${column}`, message));
  };
  const safe: Finding[] = [];
  for (const finding of all.applied) {
    const diagnostic = breaks(applyFixes(text, [finding], eol).output);
    if (diagnostic) reject(finding, diagnostic);
    else safe.push(finding);
  }
  const together = applyFixes(text, safe, eol);
  if (breaks(together.output) === undefined) return together.output;
  for (const finding of together.applied) reject(finding, undefined);
  return text;
}
