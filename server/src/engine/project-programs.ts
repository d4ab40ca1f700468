// Which TypeScript program each file is checked in, for a run over a fixed set of files (the
// CLI; the language server keeps projects open in project-service.ts). With a given tsconfig
// (--project), one program for every file (files the tsconfig does not include are added as
// extra root files). Otherwise each file's nearest tsconfig.json (or a project it references, for
// solution-style tsconfigs), and one inferred project for the files no tsconfig includes. Only
// files that may contain a close call are passed in. A tsconfig is first only parsed (its file
// list is cheap); its program is built only when it includes one of those files, and tsconfigs
// with the same files and options share one program (shared-programs.ts).
import * as ts from 'typescript';
import { buildProgram, createInferredProject } from './project';
import type { ProjectHost, SourceFileCache } from './project';
import { LazyImports, type LazyImportsOptions } from './lazy-imports';
import { programSeenFrom, sharedProgramKey } from './shared-programs';
import { TsconfigLocator } from './tsconfig-locator';

export interface ProjectProgramsOptions {
  /** The one tsconfig every file is checked with (--project), absolute. */
  readonly project: string | undefined;
  readonly host: ProjectHost;
  readonly cache: SourceFileCache;
  /** Called once per tsconfig that has problems (syntax errors, bad options), as TypeScript reports them. */
  readonly onTsconfigProblems: (tsconfig: string, diagnostics: readonly ts.Diagnostic[]) => void;
  /** Leave imported project files out of programs until needed (default on; see lazy-imports.ts). */
  readonly lazyImports?: boolean | LazyImportsOptions;
  /** Tsconfigs with the same files and options share one program (default on; see shared-programs.ts). */
  readonly sharePrograms?: boolean;
  /** Per tsconfig, what an earlier run's lazy passes needed loaded: loaded from the first program. */
  readonly lazyStart?: LazyStart;
}

/**
 * The programs of one lint stage. Tsconfig programs leave imported project files out until the
 * analysis needs one (lazy-imports.ts): after a pass over the files, reloadTouched()
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

  constructor(private readonly options: ProjectProgramsOptions) {
    this.locator = new TsconfigLocator(options.host, options.onTsconfigProblems);
  }

  /**
   * The files in groups that share one program (a tsconfig's, with the tsconfigs whose program it
   * shares; the inferred project's; --project's), in the order of their first file. The CLI
   * checks one group at a time and then releases its program, so that a run holds one program
   * and checker at a time, not all of them.
   */
  groups(files: readonly string[]): string[][] {
    const groups = new Map<string, string[]>();
    for (const file of files) {
      const key = this.options.project ?? this.locator.tsconfigFor(file);
      const owner = key === undefined || this.options.project !== undefined ? key : this.ownerOf(key);
      const group = groups.get(owner ?? INFERRED);
      if (group) group.push(file);
      else groups.set(owner ?? INFERRED, [file]);
    }
    return [...groups.values()];
  }

  /**
   * Forgets the programs built so far (a group is done with them), keeping what their lazy
   * passes needed (lazyNeeded). A later assign() of the same files builds them again.
   */
  release(): void {
    this.built.clear();
    this.views.clear();
    this.inferred = undefined;
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

  /** Whether a program's checker needed a left-out file since it was built (its answers will be computed again). */
  touched(): boolean {
    return [...this.lazy.values()].some((lazy) => lazy.hasTouched());
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
        const options = typeof this.options.lazyImports === 'object' ? this.options.lazyImports : {};
        this.lazy.set(tsconfig, (lazy = new LazyImports(this.options.host.useCaseSensitiveFileNames, options)));
        const needed = this.options.lazyStart?.get(tsconfig);
        if (needed !== undefined) lazy.startWith(needed);
      }
      const { host, cache } = this.options;
      program = buildProgram(this.locator.parse(tsconfig).parsed, host, cache, { narrowRoots: true, extraRootNames, ...(lazy ? { lazyImports: lazy, preloadImports: true } : {}) });
      this.built.set(tsconfig, program);
    }
    return program;
  }
}

/** The group of the files no tsconfig includes (tsconfig paths are absolute, so never this). */
const INFERRED = '';

/** Per tsconfig, the files an earlier run's passes needed loaded (see LazyImports.startWith). */
export type LazyStart = ReadonlyMap<string, readonly string[] | 'all'>;
