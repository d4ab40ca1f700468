// The CLI's side of the engine's linter (engine/linter.ts): the disk it reads, and its problems as
// warnings on stderr, worded in the run's locale around TypeScript's own message.
import * as ts from 'typescript';
import type { LinterReport } from '../engine/linter';
import type { ProjectHost } from '../engine/project';
import type { Locale } from '../registry/locales/catalog';
import { pathQueriesOnce } from './run-file-system';
import { notesText, warningAt } from './text/notes';

export interface ReportOptions {
  /** Receives each warning as a `file[:line:column]: warning: message` line. */
  readonly warn: (line: string) => void;
  readonly displayPath: (file: string) => string;
  /** Language of the warning lines' frame (TypeScript's messages stay as TypeScript gives them; default en). */
  readonly locale?: Locale;
}

/** The linter's problems as warning lines. */
export function cliLinterReport({ warn, displayPath, locale = 'en' }: ReportOptions): LinterReport {
  return {
    tsconfigProblems: (tsconfig, diagnostics) => {
      for (const diagnostic of diagnostics) warn(formatTsDiagnostic(diagnostic, tsconfig, displayPath, locale));
    },
    notInProgram: (file) => warn(warningAt(locale, displayPath(file), notesText(locale).notInProgram)),
    leftOut: (file, message) => warn(warningAt(locale, displayPath(file), message)),
  };
}

/** The real file system, each path query asked once per run; `readDisk` (--cache) records what is read. */
export function cliDisk(readDisk?: (file: string) => string | undefined): ProjectHost {
  return { ...ts.sys, ...pathQueriesOnce(), ...(readDisk ? { readFile: (file: string) => readDisk(file) } : {}) };
}

/** A tsconfig problem as one warning line: `file:line:column: warning: message (TSxxxx)`. */
export function formatTsDiagnostic(diagnostic: ts.Diagnostic, tsconfig: string, displayPath: (file: string) => string, locale: Locale = 'en'): string {
  const message = `${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')} (TS${diagnostic.code})`;
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return warningAt(locale, `${displayPath(diagnostic.file.fileName)}:${line + 1}:${character + 1}`, message);
  }
  return warningAt(locale, displayPath(diagnostic.file?.fileName ?? tsconfig), message);
}
