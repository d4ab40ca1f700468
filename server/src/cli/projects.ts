// Which TypeScript program each file is checked in. With --project, one program for every file
// (files the tsconfig does not include are added as extra root files). Otherwise each file's
// nearest tsconfig.json (or a project it references, for solution-style tsconfigs), and one
// inferred project for the files no tsconfig includes. Only files that may contain a close call
// are passed in. A tsconfig is first only parsed (its file list is cheap); its program is built
// only when it includes one of those files. Problems in a tsconfig are reported as warnings.
import * as path from 'node:path';
import * as ts from 'typescript';
import { buildProgram, createInferredProject, findTsconfig, parseTsconfig } from '../engine/project';
import type { ParsedTsconfig, ProjectHost, SourceFileCache } from '../engine/project';

export interface ProjectOptions {
  /** --project, absolute. */
  readonly project: string | undefined;
  readonly host: ProjectHost;
  readonly cache: SourceFileCache;
  /** Receives each tsconfig problem as a `file:line:column: warning: message (TSxxxx)` line. */
  readonly warn: (line: string) => void;
  readonly displayPath: (file: string) => string;
}

interface TsconfigFiles {
  readonly parsed: ParsedTsconfig;
  readonly fileKeys: ReadonlySet<string>;
  readonly references: readonly string[];
}

/** Programs for the given files (absolute paths), keyed by file. */
export function assignPrograms(files: readonly string[], options: ProjectOptions): Map<string, ts.Program> {
  const programs = new Map<string, ts.Program>();
  if (files.length === 0) return programs;
  const { host, cache } = options;
  const key = (file: string): string => (host.useCaseSensitiveFileNames ? path.resolve(file) : path.resolve(file).toLowerCase());

  const parsedByPath = new Map<string, TsconfigFiles>();
  const parse = (tsconfig: string): TsconfigFiles => {
    let result = parsedByPath.get(tsconfig);
    if (!result) {
      const parsed = parseTsconfig(tsconfig, host);
      for (const diagnostic of parsed.diagnostics) options.warn(formatTsDiagnostic(diagnostic, tsconfig, options.displayPath));
      const references = parsed.projectReferences.map((reference) => path.resolve(ts.resolveProjectReferencePath(reference)));
      result = { parsed, fileKeys: new Set(parsed.fileNames.map(key)), references: references.filter((file) => host.fileExists(file)) };
      parsedByPath.set(tsconfig, result);
    }
    return result;
  };
  const builtPrograms = new Map<string, ts.Program>();
  const load = (tsconfig: string, extraRootNames: readonly string[] = []): ts.Program => {
    let program = builtPrograms.get(tsconfig);
    if (!program) {
      program = buildProgram(parse(tsconfig).parsed, host, cache, { narrowRoots: true, extraRootNames });
      builtPrograms.set(tsconfig, program);
    }
    return program;
  };

  if (options.project !== undefined) {
    const { fileKeys } = parse(options.project);
    const program = load(options.project, files.filter((file) => !fileKeys.has(key(file))));
    for (const file of files) programs.set(file, program);
    return programs;
  }

  const tsconfigByDir = new Map<string, string | undefined>();
  const loose: string[] = [];
  for (const file of files) {
    const dir = path.dirname(file);
    if (!tsconfigByDir.has(dir)) tsconfigByDir.set(dir, findTsconfig(file, host));
    const nearest = tsconfigByDir.get(dir);
    const including = nearest === undefined ? undefined : findIncluding(nearest, key(file), parse);
    if (including !== undefined) programs.set(file, load(including));
    else loose.push(file);
  }
  if (loose.length > 0) {
    const inferred = createInferredProject(loose, host, cache);
    for (const file of loose) programs.set(file, inferred.program);
  }
  return programs;
}

/** The tsconfig itself when it includes the file, else one it references (transitively) that does. */
function findIncluding(tsconfig: string, fileKey: string, parse: (tsconfig: string) => TsconfigFiles): string | undefined {
  const queue = [tsconfig];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const parsed = parse(next);
    if (parsed.fileKeys.has(fileKey)) return next;
    queue.push(...parsed.references);
  }
  return undefined;
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
