// Which TypeScript program each file is checked in. With --project, one program for every file
// (files the tsconfig does not include are added as extra root files). Otherwise each file's
// nearest tsconfig.json (or a project it references, for solution-style tsconfigs), and one
// inferred project for the files no tsconfig includes. Only files that may contain a close call
// are passed in. A tsconfig is first only parsed (its file list is cheap); its program is built
// only when it includes one of those files. Problems in a tsconfig are reported as warnings.
import * as ts from 'typescript';
import { buildProgram, createInferredProject } from '../engine/project';
import type { ProjectHost, SourceFileCache } from '../engine/project';
import { TsconfigLocator } from '../engine/tsconfig-locator';

export interface ProjectOptions {
  /** --project, absolute. */
  readonly project: string | undefined;
  readonly host: ProjectHost;
  readonly cache: SourceFileCache;
  /** Receives each tsconfig problem as a `file:line:column: warning: message (TSxxxx)` line. */
  readonly warn: (line: string) => void;
  readonly displayPath: (file: string) => string;
}

/** Programs for the given files (absolute paths), keyed by file. */
export function assignPrograms(files: readonly string[], options: ProjectOptions): Map<string, ts.Program> {
  const programs = new Map<string, ts.Program>();
  if (files.length === 0) return programs;
  const { host, cache } = options;
  const locator = new TsconfigLocator(host, (tsconfig, diagnostics) => {
    for (const diagnostic of diagnostics) options.warn(formatTsDiagnostic(diagnostic, tsconfig, options.displayPath));
  });
  const built = new Map<string, ts.Program>();
  const load = (tsconfig: string, extraRootNames: readonly string[] = []): ts.Program => {
    let program = built.get(tsconfig);
    if (!program) {
      program = buildProgram(locator.parse(tsconfig).parsed, host, cache, { narrowRoots: true, extraRootNames });
      built.set(tsconfig, program);
    }
    return program;
  };

  if (options.project !== undefined) {
    const { fileKeys } = locator.parse(options.project);
    const program = load(options.project, files.filter((file) => !fileKeys.has(locator.key(file))));
    for (const file of files) programs.set(file, program);
    return programs;
  }

  const loose: string[] = [];
  for (const file of files) {
    const tsconfig = locator.tsconfigFor(file);
    if (tsconfig !== undefined) programs.set(file, load(tsconfig));
    else loose.push(file);
  }
  if (loose.length > 0) {
    const inferred = createInferredProject(loose, host, cache);
    for (const file of loose) programs.set(file, inferred.program);
  }
  return programs;
}

/** A tsconfig problem as one warning line: `file:line:column: warning: message (TSxxxx)`. */
export function formatTsDiagnostic(diagnostic: ts.Diagnostic, tsconfig: string, displayPath: (file: string) => string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const suffix = `warning: ${message} (TS${diagnostic.code})`;
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${displayPath(diagnostic.file.fileName)}:${line + 1}:${character + 1}: ${suffix}`;
  }
  return `${displayPath(diagnostic.file?.fileName ?? tsconfig)}: ${suffix}`;
}
