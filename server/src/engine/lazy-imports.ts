// Lazy project imports: a program built from the files that may contain a close-like call does
// not load the other project files they import until the analysis needs one of them.
//
// Why it is exact: TypeScript resolves an import lazily, the first time the checker needs the
// imported symbol, and it does so by asking the program for the module's resolution
// (`program.getResolvedModule`, watched through typescript-internals.ts). An import to a left-out
// file resolves to "not found"; watching that call tells us whether any question the analysis
// asked depended on a left-out file. If none did, every answer is the one the full program gives
// (the left-out files have no global effect: files that declare globals or augment modules are
// always loaded, see project.ts). If one did, the touched files are loaded and the whole pass is
// repeated (computeWithLazyImports): a touched answer may already sit in the checker's caches, so
// only a pass that touches nothing is trusted.
//
// In a typical project the close calls' receivers are typed by libraries (`ws`, the DOM,
// `@types/node`), so the first pass touches nothing and most of the project is never parsed.
import * as path from 'node:path';
import * as ts from 'typescript';
import { createResolutionCache, resolveModuleLiteral, type ModuleResolver } from './module-resolution';
import { watchUnresolvedImports } from './typescript-internals';

/** After this many repeated passes the rest of the project is loaded at once (long import chains). */
export const MAX_LAZY_PASSES = 3;

/**
 * How many levels of imports LazyImports.preload follows. Once a first pass has needed a left-out
 * file, the next program also loads what the files to analyse and the needed files import, two
 * levels deep: on the corpus repositories whose first pass needed left-out files, that removed a
 * repeated pass or more in openai-node, hono, deepgram, infinitechess and UnderScript. Loading
 * that much from the very first program instead cost projects that need no repeated pass (most:
 * receivers typed by `ws`, the DOM, `@types/node`) up to 45 % more time and 70 % more memory.
 */
export const PRELOAD_DEPTH = 2;

/**
 * Fewer left-out files than this and nothing is left out. Parsing and binding a file costs about
 * a millisecond, while a repeated pass costs a new checker (merging every library's globals) and
 * linting again: on small projects (the example app, 5–20 files) lazy imports were measured slower.
 */
export const MIN_LEFT_OUT = 200;

/** Tests lower MIN_LEFT_OUT to see lazy imports on small projects. */
export interface LazyImportsOptions {
  readonly minLeftOut?: number;
}

export class LazyImports {
  /** Project files left out of the program until something needs them (case-folded keys). */
  private lazy: Set<string> | undefined;
  /** `containing file \0 specifier` → the left-out file it resolved to. */
  private readonly leftOut = new Map<string, string>();
  /** Per file whose imports a program resolved (case-folded key), the left-out files they resolved to. */
  private readonly leftOutImports = new Map<string, Set<string>>();
  private readonly touched = new Set<string>();
  /** Files loaded because a pass needed them (or were needed by an earlier run), or 'all'. */
  private readonly neededFiles = new Set<string>();
  private neededAll = false;
  /** After a first pass that needed left-out files: those files, whose imports the next program preloads (takePreload). */
  private preloadFrom: string[] | undefined;
  private readonly watched = new WeakSet<ts.Program>();
  private unwatchable = false;

  constructor(
    private readonly useCaseSensitiveFileNames: boolean,
    private readonly options: LazyImportsOptions = {},
  ) {}

  /**
   * The first program decides which files may be left out: the project's files that are not its
   * roots, when there are at least MIN_LEFT_OUT of them (tests lower it).
   */
  leaveOut(projectFiles: readonly string[], rootNames: readonly string[]): void {
    if (this.lazy) return;
    const roots = new Set(rootNames.map((file) => this.key(file)));
    const candidates = projectFiles.map((file) => this.key(file)).filter((key) => !roots.has(key));
    this.lazy = new Set(candidates.length >= (this.options.minLeftOut ?? MIN_LEFT_OUT) ? candidates : []);
    if (this.neededAll) this.lazy.clear();
    for (const file of this.neededFiles) this.lazy.delete(this.key(file));
  }

  /**
   * Loads the left-out files that `files` import, and what those import, PRELOAD_DEPTH levels
   * deep. A guess, and sound whatever it loads (a loaded file only answers what the full program
   * answers); a pass that still needs another left-out file is repeated as before. What it loads
   * counts as needed (the passes over this program may rest on it). `importsOf`: the files a file
   * imports, resolved.
   */
  preload(files: readonly string[], importsOf: (file: string) => readonly string[]): void {
    if (!this.lazy) return;
    // A file of the last program: the left-out files its imports resolved to there, without a scan.
    const imports = (file: string): readonly string[] => {
      const known = this.leftOutImports.get(this.key(file));
      return known ? [...known] : importsOf(file);
    };
    let level = [...files];
    for (let depth = 0; depth < PRELOAD_DEPTH && this.lazy.size > 0; depth++) {
      level = level.flatMap(imports).filter((file) => this.lazy!.delete(this.key(file)));
      // Recorded as needed: a pass over this program may rest on them (a cached run loads them first).
      for (const file of level) this.neededFiles.add(file);
    }
  }

  /**
   * Loads from the first program on what an earlier computation of the same project needed
   * (--cache keeps it), so that its repeated passes are not repeated again. Sound whatever is
   * given: a loaded file only answers what the full program answers.
   */
  startWith(needed: readonly string[] | 'all'): void {
    if (needed === 'all') this.neededAll = true;
    else for (const file of needed) this.neededFiles.add(file);
  }

  /** What the passes so far needed loaded (with what startWith gave), or 'all'. */
  get needed(): readonly string[] | 'all' {
    return this.neededAll ? 'all' : [...this.neededFiles];
  }

  /** A file that became a program root (opened in an editor) is never left out. True if it was. */
  load(file: string): boolean {
    return this.lazy?.delete(this.key(file)) ?? false;
  }

  /** Whether any file may be left out: when none, hosts keep TypeScript's own module resolution. */
  get active(): boolean {
    return this.leftOutCount > 0;
  }

  /** How many project files are left out of the next program (for tests and --stats). */
  get leftOutCount(): number {
    return this.lazy?.size ?? 0;
  }

  /**
   * `resolveModuleNameLiterals` for a compiler or language-service host: TypeScript's own
   * resolution, except that a left-out project file resolves to nothing.
   */
  createResolver(host: ts.ModuleResolutionHost, currentDirectory: string, lasting?: ts.ModuleResolutionCache): ModuleResolver {
    let cache = lasting;
    return (literals, containingFile, redirectedReference, options, containingSourceFile) => {
      const leftOutHere = this.leftOutImports.get(this.key(containingSourceFile.fileName)) ?? new Set<string>();
      this.leftOutImports.set(this.key(containingSourceFile.fileName), leftOutHere);
      return literals.map((literal) => {
        // Created like the program's own cache (with the options), so that resolution costs the same.
        cache ??= createResolutionCache(currentDirectory, this.useCaseSensitiveFileNames, options);
        const resolution = resolveModuleLiteral(literal, containingFile, redirectedReference, options, containingSourceFile, host, cache);
        const target = resolution.resolvedModule?.resolvedFileName;
        // A module augmentation (`declare module './x' {}`) is merged when the checker starts: never left out.
        if (target === undefined || !this.lazy?.has(this.key(target)) || ts.isModuleDeclaration(literal.parent)) return resolution;
        this.leftOut.set(`${containingSourceFile.fileName}\0${literal.text}`, target);
        leftOutHere.add(target);
        return { resolvedModule: undefined };
      });
    };
  }

  /**
   * The files whose imports the next program should preload (with the files to analyse), once:
   * after the first pass needed left-out files, those files. Otherwise undefined.
   */
  takePreload(): readonly string[] | undefined {
    const from = this.preloadFrom;
    this.preloadFrom = undefined;
    return from;
  }

  /** Watches a program's checker for questions about left-out files. Call before its first use. */
  watch(program: ts.Program): void {
    if (this.watched.has(program)) return;
    this.watched.add(program);
    // Should a TypeScript version not let us watch, load everything for the next pass rather than trust this one.
    const watchable = watchUnresolvedImports(program, (file, moduleName) => {
      const target = this.leftOut.get(`${file.fileName}\0${moduleName}`);
      if (target !== undefined) this.touched.add(target);
    });
    if (!watchable) this.unwatchable = true;
  }

  /** Whether the analysis since the last call needed a left-out file (results must be recomputed). */
  hasTouched(): boolean {
    return this.touched.size > 0 || (this.unwatchable && this.leftOutCount > 0);
  }

  /**
   * Loads the touched files for the next program (their own imports stay lazy). `pass` counts
   * the passes of one computation that were already repeated: from MAX_LAZY_PASSES on, every
   * project file is loaded, so a computation ends after at most MAX_LAZY_PASSES repeats.
   * Returns false when nothing was touched.
   */
  loadTouched(pass: number): boolean {
    if (!this.hasTouched()) return false;
    if (pass + 1 >= MAX_LAZY_PASSES || this.unwatchable) {
      this.lazy?.clear();
      this.neededAll = true;
    }
    for (const file of this.touched) {
      this.lazy?.delete(this.key(file));
      this.neededFiles.add(file);
    }
    if (pass === 0) this.preloadFrom = [...this.touched];
    this.touched.clear();
    return true;
  }

  private key(file: string): string {
    const resolved = path.resolve(file);
    return this.useCaseSensitiveFileNames ? resolved : resolved.toLowerCase();
  }
}

/**
 * The one loop of lazy imports, for every adapter: `compute` answers over the current programs
 * (`pass` counts the repeats so far); when `reloadTouched(pass)` says the answer needed a
 * left-out file (and loaded it into the next programs), the answer is computed again. Each
 * repeat loads more files, from MAX_LAZY_PASSES on every project file (LazyImports.loadTouched);
 * the bound here only guards against a TypeScript that would not resolve imports again.
 */
export function computeWithLazyImports<T>(compute: (pass: number) => T, reloadTouched: (pass: number, result: T) => boolean): T {
  for (let pass = 0; ; pass++) {
    const result = compute(pass);
    if (pass > MAX_LAZY_PASSES || !reloadTouched(pass, result)) return result;
  }
}
