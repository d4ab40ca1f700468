// Which TypeScript program each file is checked in. With --project, one program for every file
// (files the tsconfig does not include are added as extra root files). Otherwise each file's
// nearest tsconfig.json (or a project it references, for solution-style tsconfigs), and one
// inferred project for the files no tsconfig includes. Only files that may contain a close call
// are passed in. A tsconfig is first only parsed (its file list is cheap); its program is built
// only when it includes one of those files, and tsconfigs with the same files and options share
// one program (engine/shared-programs.ts). Problems in a tsconfig are reported as warnings.
import * as ts from 'typescript';
import { buildProgram, createInferredProject } from '../engine/project';
import type { ProjectHost, SourceFileCache } from '../engine/project';
import { LazyImports } from '../engine/lazy-imports';
import { programSeenFrom, sharedProgramKey } from '../engine/shared-programs';
import { TsconfigLocator } from '../engine/tsconfig-locator';
import type { Locale } from '../registry/locales/catalog';
import { warningAt } from './text/notes';

export interface ProjectOptions {
  /** --project, absolute. */
  readonly project: string | undefined;
  readonly host: ProjectHost;
  readonly cache: SourceFileCache;
  /** Receives each tsconfig problem as a `file:line:column: warning: message (TSxxxx)` line. */
  readonly warn: (line: string) => void;
  readonly displayPath: (file: string) => string;
  /** Language of the warning lines' frame (TypeScript's messages stay as TypeScript gives them; default en). */
  readonly locale?: Locale;
}

/** Programs for the given files (absolute paths), keyed by file, each built in one pass. */
export function assignPrograms(files: readonly string[], options: ProjectOptions): Map<string, ts.Program> {
  return new ProjectPrograms(options).assign(files);
}

/**
 * The programs of one lint stage. Tsconfig programs leave imported project files out until the
 * analysis needs one (engine/lazy-imports.ts): after a pass over the files, reloadTouched()
 * drops the programs that needed a left-out file, and the next assign() rebuilds only those.
 */
export class ProjectPrograms {
  private readonly locator: TsconfigLocator;
  private readonly built = new Map<string, ts.Program>();
  private readonly lazy = new Map<string, LazyImports>();
  /** Per tsconfig, the tsconfig whose program it shares (itself when none came first). */
  private readonly owners = new Map<string, string>();
  private readonly ownerByKey = new Map<string, string>();
  /** Per tsconfig that shares another's program, its view of that program (one per build, so that a rebuild shows as a new program). */
  private readonly views = new Map<string, { program: ts.Program; view: ts.Program }>();
  private inferred: ts.Program | undefined;

  constructor(private readonly options: ProjectOptions & { readonly lazyImports?: boolean; readonly sharePrograms?: boolean; readonly lazyStart?: LazyStart }) {
    this.locator = new TsconfigLocator(options.host, (tsconfig, diagnostics) => {
      for (const diagnostic of diagnostics) options.warn(formatTsDiagnostic(diagnostic, tsconfig, options.displayPath, options.locale));
    });
  }

  assign(files: readonly string[]): Map<string, ts.Program> {
    const programs = new Map<string, ts.Program>();
    if (files.length === 0) return programs;
    if (this.options.project !== undefined) {
      const { fileKeys } = this.locator.parse(this.options.project);
      const program = this.load(this.options.project, files.filter((file) => !fileKeys.has(this.locator.key(file))));
      for (const file of files) programs.set(file, program);
      return programs;
    }
    const loose: string[] = [];
    for (const file of files) {
      const tsconfig = this.locator.tsconfigFor(file);
      if (tsconfig !== undefined) programs.set(file, this.shared(tsconfig));
      else loose.push(file);
    }
    if (loose.length > 0) {
      this.inferred ??= createInferredProject(loose, this.options.host, this.options.cache).program;
      for (const file of loose) programs.set(file, this.inferred);
    }
    return programs;
  }

  /**
   * Drops the programs whose checker needed a left-out file since they were built; true if any
   * did. `pass` counts the passes repeated so far (see LazyImports.loadTouched).
   */
  reloadTouched(pass: number): boolean {
    let any = false;
    for (const [tsconfig, lazy] of this.lazy) {
      if (!lazy.loadTouched(pass)) continue;
      this.built.delete(tsconfig);
      any = true;
    }
    return any;
  }

  /** The program of a tsconfig, built once for every tsconfig with the same files and options. */
  private shared(tsconfig: string): ts.Program {
    const owner = this.ownerOf(tsconfig);
    const program = this.load(owner);
    if (owner === tsconfig) return program;
    let seen = this.views.get(tsconfig);
    if (seen?.program !== program) this.views.set(tsconfig, (seen = { program, view: programSeenFrom(program, this.locator.parse(tsconfig).parsed.options) }));
    return seen.view;
  }

  private ownerOf(tsconfig: string): string {
    let owner = this.owners.get(tsconfig);
    if (owner === undefined) {
      if (this.options.sharePrograms === false) owner = tsconfig;
      else {
        const key = sharedProgramKey(this.locator.parse(tsconfig).parsed, this.options.host);
        owner = this.ownerByKey.get(key) ?? tsconfig;
        this.ownerByKey.set(key, owner);
      }
      this.owners.set(tsconfig, owner);
    }
    return owner;
  }

  /** Per tsconfig whose program left files out, what its passes needed loaded (see LazyImports.needed). */
  lazyNeeded(): Map<string, readonly string[] | 'all'> {
    const needed = new Map<string, readonly string[] | 'all'>();
    for (const [tsconfig, lazy] of this.lazy) {
      const files = lazy.needed;
      if (files === 'all' || files.length > 0) needed.set(tsconfig, files);
    }
    return needed;
  }

  private load(tsconfig: string, extraRootNames: readonly string[] = []): ts.Program {
    let program = this.built.get(tsconfig);
    if (!program) {
      let lazy = this.lazy.get(tsconfig);
      if (!lazy && this.options.lazyImports !== false) {
        this.lazy.set(tsconfig, (lazy = new LazyImports(this.options.host.useCaseSensitiveFileNames)));
        const needed = this.options.lazyStart?.get(tsconfig);
        if (needed !== undefined) lazy.startWith(needed);
      }
      const { host, cache } = this.options;
      program = buildProgram(this.locator.parse(tsconfig).parsed, host, cache, { narrowRoots: true, extraRootNames, ...(lazy ? { lazyImports: lazy } : {}) });
      this.built.set(tsconfig, program);
    }
    return program;
  }
}

/** Per tsconfig, the files an earlier run's passes needed loaded (see LazyImports.startWith). */
export type LazyStart = ReadonlyMap<string, readonly string[] | 'all'>;

/** A tsconfig problem as one warning line: `file:line:column: warning: message (TSxxxx)`. */
export function formatTsDiagnostic(diagnostic: ts.Diagnostic, tsconfig: string, displayPath: (file: string) => string, locale: Locale = 'en'): string {
  const message = `${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')} (TS${diagnostic.code})`;
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return warningAt(locale, `${displayPath(diagnostic.file.fileName)}:${line + 1}:${character + 1}`, message);
  }
  return warningAt(locale, displayPath(diagnostic.file?.fileName ?? tsconfig), message);
}
