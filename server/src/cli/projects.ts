// The CLI's side of the engine's project programs (engine/project-programs.ts): problems in a
// tsconfig are warnings on stderr, worded in the run's locale around TypeScript's own message.
import * as ts from 'typescript';
import { ProjectPrograms } from '../engine/project-programs';
import type { ProjectProgramsOptions } from '../engine/project-programs';
import type { Locale } from '../registry/locales/catalog';
import { warningAt } from './text/notes';

export interface ProjectOptions extends Omit<ProjectProgramsOptions, 'onTsconfigProblems'> {
  /** Receives each tsconfig problem as a `file:line:column: warning: message (TSxxxx)` line. */
  readonly warn: (line: string) => void;
  readonly displayPath: (file: string) => string;
  /** Language of the warning lines' frame (TypeScript's messages stay as TypeScript gives them; default en). */
  readonly locale?: Locale;
}

/** The programs of one lint stage, with tsconfig problems reported as warnings. */
export function cliProjectPrograms(options: ProjectOptions): ProjectPrograms {
  const { warn, displayPath, locale, ...programs } = options;
  return new ProjectPrograms({
    ...programs,
    onTsconfigProblems: (tsconfig, diagnostics) => {
      for (const diagnostic of diagnostics) warn(formatTsDiagnostic(diagnostic, tsconfig, displayPath, locale));
    },
  });
}

/** Programs for the given files (absolute paths), keyed by file, each built in one pass. */
export function assignPrograms(files: readonly string[], options: ProjectOptions): Map<string, ts.Program> {
  return cliProjectPrograms(options).assign(files);
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
