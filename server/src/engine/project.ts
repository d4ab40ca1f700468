// Builds TypeScript programs for the files to check: one per tsconfig, plus an inferred project
// for files no tsconfig includes. File access goes through a ProjectHost (the CLI passes the
// real file system, the language server an overlay of open documents), so this module never
// touches the disk itself. Parsed source files are shared between the programs of one run.
import * as path from 'node:path';
import * as ts from 'typescript';
import { cachedResolver, createResolutionCache } from './module-resolution';
import { mayNeedAnalysis } from '../analysis/find-close-calls';
import { LeftOutFiles, parseOrLeaveOut } from './isolation';
import type { LazyImports } from './lazy-imports';
import { readReferencedSources } from './typescript-internals';

/** The part of ts.System a project needs. */
export type ProjectHost = Pick<
  ts.System,
  'readFile' | 'fileExists' | 'directoryExists' | 'getDirectories' | 'readDirectory' | 'getCurrentDirectory' | 'useCaseSensitiveFileNames' | 'realpath'
>;

export interface Project {
  /** Absolute tsconfig path, or undefined for the inferred project of loose files. */
  readonly tsconfig: string | undefined;
  readonly program: ts.Program;
  /** Problems reading the tsconfig (syntax errors, bad options), as TypeScript reports them. */
  readonly configDiagnostics: readonly ts.Diagnostic[];
}

/** Options for files outside any tsconfig: JavaScript allowed, all @types visible, DOM lib by default. */
export const INFERRED_PROJECT_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  types: ['*'],
};

export interface SourceFileCacheOptions {
  /**
   * Parse the files of programs without parent pointers: the checker binds every file of its
   * program, and binding sets them all, so a caller that creates the checker before it reads the
   * trees (the CLI's: engine/linter.ts) spares a walk over every node of every file (5 % of a run on
   * real repositories). Files read alone (`get` without `forProgram`) keep theirs.
   */
  readonly parentsFromBinder?: boolean;
}

export class SourceFileCache {
  private readonly files = new Map<string, ts.SourceFile>();
  private readonly resolutions = new Map<string, ts.ModuleResolutionCache>();

  constructor(
    /** Files TypeScript fails on, left out of every program built through this cache (see isolation.ts). */
    readonly leftOut = new LeftOutFiles(),
    readonly options: SourceFileCacheOptions = {},
  ) {}

  /**
   * One module-resolution cache per set of compiler options for the whole run: the programs of a
   * tsconfig's lazy passes, and programs that share its options, resolve each import and read each
   * package.json once (files do not change during a run; --fix edits only close calls).
   */
  resolutionCache(options: ts.CompilerOptions, host: ProjectHost): ts.ModuleResolutionCache {
    const key = JSON.stringify(options);
    let cache = this.resolutions.get(key);
    if (!cache) this.resolutions.set(key, (cache = createResolutionCache(host.getCurrentDirectory(), host.useCaseSensitiveFileNames, options)));
    return cache;
  }

  /** `forProgram`: for a program (see SourceFileCacheOptions.parentsFromBinder). */
  get(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions, host: ProjectHost, forProgram = false): ts.SourceFile | undefined {
    // The module format (ESM/CJS) is part of the key: the same file parses differently per format.
    const options = typeof languageVersion === 'object' ? languageVersion : { languageVersion, impliedNodeFormat: undefined };
    const parents = this.withParents(forProgram);
    const key = `${parents ? '' : 'to bind|'}${parseTarget(fileName, options.languageVersion)}|${options.impliedNodeFormat}|${fileName}`;
    if (this.leftOut.has(fileName)) return this.leftOut.stub(fileName, languageVersion);
    const cached = this.files.get(key);
    if (cached) return cached;
    const text = host.readFile(fileName);
    if (text === undefined) return undefined;
    const file = parseOrLeaveOut(fileName, text, languageVersion, this.leftOut, parents);
    this.files.set(key, file);
    return file;
  }

  /** Whether a file parsed for this use gets its parent pointers while parsing. */
  protected withParents(forProgram: boolean): boolean {
    return !(forProgram && this.options.parentsFromBinder);
  }
}

/**
 * The part of a program's target that can change how a file parses. A declaration file parses the
 * same for every target from ES2015 on (the target only picks the Unicode tables for identifiers,
 * ES5's or the latest, and grammar errors in regular expressions, which declarations do not
 * hold), and its module indicator does not depend on the options: programs with different
 * targets (a tsconfig's ES2020 and the inferred project's ES2022) share one parse of
 * `@types/node` instead of parsing and binding it once per target.
 */
function parseTarget(fileName: string, target: ts.ScriptTarget): string {
  return /\.d\.[mc]?ts$/.test(fileName) && target >= ts.ScriptTarget.ES2015 ? 'ES2015+' : String(target);
}

/**
 * A cache that parses the given files afresh from the host (their text changed during the run:
 * --fix; or a failing program's files are tried again) and takes every other file from `base`.
 */
export class OverlaySourceFileCache extends SourceFileCache {
  constructor(
    private readonly base: SourceFileCache,
    /** Absolute paths. */
    private readonly fresh: ReadonlySet<string>,
  ) {
    super(base.leftOut, base.options);
  }

  override resolutionCache(options: ts.CompilerOptions, host: ProjectHost): ts.ModuleResolutionCache {
    return this.base.resolutionCache(options, host);
  }

  override get(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions, host: ProjectHost, forProgram = false): ts.SourceFile | undefined {
    if (!this.fresh.has(path.resolve(fileName))) return this.base.get(fileName, languageVersion, host, forProgram);
    const text = host.readFile(fileName);
    return text === undefined ? undefined : parseOrLeaveOut(fileName, text, languageVersion, this.leftOut, this.withParents(forProgram));
  }
}

/** The nearest tsconfig.json from a file's folder upward. */
export function findTsconfig(fileName: string, host: ProjectHost): string | undefined {
  return ts.findConfigFile(path.dirname(fileName), host.fileExists, 'tsconfig.json');
}

export interface LoadOptions {
  /**
   * Build the program from only the files that can matter: those that may contain a close-like
   * call, declaration files, and files that declare globals or augment modules. What they import
   * is still loaded (eagerly, or lazily with `lazyImports`), so their types are unchanged
   * (test/engine/project, test/engine/lazy-imports).
   */
  readonly narrowRoots?: boolean;
}

/** A tsconfig read and resolved to its files and options, before any program is built. */
export interface ParsedTsconfig {
  readonly tsconfig: string;
  readonly fileNames: readonly string[];
  readonly options: ts.CompilerOptions;
  readonly projectReferences: readonly ts.ProjectReference[];
  /** Syntax and option problems, with positions in the tsconfig where TypeScript has them. */
  readonly diagnostics: readonly ts.Diagnostic[];
}

/** Reads a tsconfig (following `extends`) without building a program: cheap, no source parsing. */
export function parseTsconfig(tsconfig: string, host: ProjectHost): ParsedTsconfig {
  const diagnostics: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
    ...parseHost(host),
    getCurrentDirectory: host.getCurrentDirectory,
    onUnRecoverableConfigFileDiagnostic: (d) => diagnostics.push(d),
  });
  if (parsed) diagnostics.push(...ts.getConfigFileParsingDiagnostics(parsed).filter((d) => d.code !== NO_INPUTS_FOUND));
  return {
    tsconfig,
    fileNames: parsed?.fileNames ?? [],
    options: { ...(parsed?.options ?? {}), noEmit: true },
    projectReferences: parsed?.projectReferences ?? [],
    diagnostics,
  };
}

export interface BuildOptions extends LoadOptions {
  /** Files to check that the tsconfig does not include (e.g. named on the command line). */
  readonly extraRootNames?: readonly string[];
  /**
   * Leave the project files that are not roots out of the program until the analysis needs one
   * (see lazy-imports.ts). The same object is passed again to rebuild after a pass touched one.
   */
  readonly lazyImports?: LazyImports;
  /** With `lazyImports`: after a first pass that needed left-out files, also load what the files to analyse and those files import (LazyImports.preload). */
  readonly preloadImports?: boolean;
}

/** The program of a parsed tsconfig (see LoadOptions.narrowRoots). */
export function buildProgram(parsed: ParsedTsconfig, host: ProjectHost, cache: SourceFileCache, options: BuildOptions = { narrowRoots: true }): ts.Program {
  const extra = options.extraRootNames ?? [];
  // JavaScript files added explicitly are checked even when the tsconfig does not allow JS.
  const needsJs = !parsed.options.allowJs && extra.some((file) => /\.[cm]?jsx?$/i.test(file));
  const compilerOptions = needsJs ? { ...parsed.options, allowJs: true } : parsed.options;
  const own = options.narrowRoots ? parsed.fileNames.filter((f) => mayAffectAnalysis(f, host)) : parsed.fileNames;
  const rootNames = [...own, ...extra];
  const lazy = options.lazyImports;
  const programHost = compilerHost(compilerOptions, host, cache);
  lazy?.leaveOut(parsed.fileNames, rootNames);
  if (lazy?.active) {
    const resolutions = cache.resolutionCache(compilerOptions, host);
    const needed = options.preloadImports ? lazy.takePreload() : undefined;
    if (needed) {
      const analysed = rootNames.filter((file) => !/\.d\.[mc]?ts$/.test(file) && mayNeedAnalysis(host.readFile(file) ?? '', file));
      lazy.preload([...analysed, ...needed], (file) => importedFiles(file, host, compilerOptions, programHost, resolutions));
    }
    programHost.resolveModuleNameLiterals = lazy.createResolver(programHost, host.getCurrentDirectory(), resolutions);
  }
  const program = ts.createProgram({ rootNames, options: compilerOptions, host: programHost, projectReferences: parsed.projectReferences });
  lazy?.watch(program);
  return program;
}

/**
 * The files `file` imports (static and dynamic imports, re-exports, `require`), from its text
 * only (a scan, no parse), resolved with its program's options and resolution cache, each import
 * in the default mode: for LazyImports.preload, where a guess is enough.
 */
function importedFiles(file: string, host: ProjectHost, options: ts.CompilerOptions, resolutionHost: ts.ModuleResolutionHost, resolutions: ts.ModuleResolutionCache): string[] {
  const imports = ts.preProcessFile(host.readFile(file) ?? '', true, true).importedFiles;
  return imports.flatMap((imported) => ts.resolveModuleName(imported.fileName, file, options, resolutionHost, resolutions).resolvedModule?.resolvedFileName ?? []);
}

export function loadTsconfigProject(tsconfig: string, host: ProjectHost, cache = new SourceFileCache(), options: BuildOptions = { narrowRoots: true }): Project & { fileNames: readonly string[] } {
  const parsed = parseTsconfig(tsconfig, host);
  return { tsconfig, program: buildProgram(parsed, host, cache, options), configDiagnostics: parsed.diagnostics, fileNames: parsed.fileNames };
}

export function createInferredProject(fileNames: readonly string[], host: ProjectHost, cache = new SourceFileCache()): Project {
  const program = ts.createProgram({ rootNames: fileNames, options: INFERRED_PROJECT_OPTIONS, host: compilerHost(INFERRED_PROJECT_OPTIONS, host, cache) });
  return { tsconfig: undefined, program, configDiagnostics: [] };
}

/**
 * Can this file change what the analysis sees, so that it must be a program root? A module
 * without close-like calls only matters through its exports, which the files that use them
 * import (loaded eagerly, or lazily: see lazy-imports.ts). Anything that declares globals must
 * be a root, since nothing imports it.
 */
export function mayAffectAnalysis(fileName: string, host: Pick<ProjectHost, 'readFile'>): boolean {
  if (/\.d\.[mc]?ts$/.test(fileName)) return true;
  const text = host.readFile(fileName);
  if (text === undefined) return true; // let the program report it
  if (mayNeedAnalysis(text, fileName)) return true;
  // A script (no top-level import/export) puts its declarations in the global scope.
  if (!/^\s*(import|export)\b/m.test(text)) return true;
  // In a module: global declarations, module augmentations (`declare module 'x'`), UMD globals
  // (`export as namespace X`), and references that add type packages, libs or files to the
  // program. A `declare namespace X` or `declare module X` there is the module's own (openai-node
  // declares one beside each of its 95 resource classes): no reason to load the file.
  return /\bdeclare\s+global\b|\bdeclare\s+module\s*['"`]|\bexport\s+as\s+namespace\b|^\s*\/\/\/\s*<reference\b/m.test(text);
}

/**
 * JSDoc is parsed only where it carries types (JavaScript files). The analysis reads types, never
 * documentation, and the JSDoc of lib.dom.d.ts and @types/node is a large part of their text.
 */
export const JSDOC_PARSING_MODE = ts.JSDocParsingMode.ParseForTypeInfo;

/** TS18003 "No inputs were found": not a problem for us, the CLI decides which files to check. */
const NO_INPUTS_FOUND = 18003;

function parseHost(host: ProjectHost): ts.ParseConfigHost {
  return {
    useCaseSensitiveFileNames: host.useCaseSensitiveFileNames,
    readDirectory: host.readDirectory,
    fileExists: host.fileExists,
    readFile: host.readFile,
  };
}

function compilerHost(options: ts.CompilerOptions, host: ProjectHost, cache: SourceFileCache): ts.CompilerHost {
  const base = ts.createCompilerHost(options, true);
  const resolutions = cache.resolutionCache(options, host);
  const programHost: ts.CompilerHost = readReferencedSources({
    ...base,
    jsDocParsingMode: JSDOC_PARSING_MODE,
    getSourceFile: (fileName, languageVersion) => cache.get(fileName, languageVersion, host, true),
    readFile: host.readFile,
    fileExists: host.fileExists,
    directoryExists: host.directoryExists,
    getDirectories: host.getDirectories,
    getCurrentDirectory: host.getCurrentDirectory,
    useCaseSensitiveFileNames: () => host.useCaseSensitiveFileNames,
    ...(host.realpath ? { realpath: host.realpath } : {}),
    getModuleResolutionCache: () => resolutions,
  });
  programHost.resolveModuleNameLiterals = cachedResolver(programHost, resolutions);
  return programHost;
}
