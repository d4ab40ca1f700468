// Linting a fixed set of files across their projects (the CLI's run; the language server keeps
// projects open instead: project-service.ts). Builds the programs the files need (project-programs.ts,
// through a host that reads the run's current texts, so fixed texts are seen without touching the
// disk), lints each file, and repeats a pass when the checker needed a project file left out of its
// program (lazy-imports.ts) or TypeScript failed on a file (isolation.ts). Used for the first pass
// over every file and again, by --fix, for the files a pass changed. The disk comes in as a
// ProjectHost and every problem goes out through `report`: this module never touches the process.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { Finding } from '../core/finding';
import type { ResolvedConfig } from '../core/config';
import type { AppProfileId, Platform, RuntimeId } from '../registry/types';
import type { Locale } from '../registry/locales/catalog';
import { renderTemplate } from '../core/text/render-template';
import { settingsForFile } from './config-file';
import { culpritMessage, findCulprits, isStackOverflow, MAX_ISOLATION_ROUNDS } from './isolation';
import type { Culprit } from './isolation';
import { ISOLATION_TEXT } from './isolation-text';
import { computeWithLazyImports, type LazyImportsOptions } from './lazy-imports';
import { lintSourceFile, mayNeedAnalysis, type FlowReads } from './lint-file';
import { OverlaySourceFileCache, SourceFileCache } from './project';
import type { ProjectHost } from './project';
import { ProjectPrograms } from './project-programs';
import type { LazyStart } from './project-programs';
import { programBehind } from './shared-programs';

export interface FileToLint {
  readonly path: string;
  readonly config: ResolvedConfig;
}

/** What a file was checked with, besides its program. */
export interface FileAnalyzed {
  readonly config: ResolvedConfig;
  readonly appProfiles: readonly AppProfileId[];
  readonly runtimeOverride: RuntimeId | undefined;
}

/** Findings of a file, or why it could not be checked (at a 1-based line and column when there is a place to point at). */
export type LintOutcome = { readonly findings: readonly Finding[] } | { readonly fatal: string; readonly line?: number; readonly column?: number };

/** Thrown inside a pass when files TypeScript fails on were found and left out: the pass starts again without them. */
class CulpritsLeftOut extends Error {}

/** Where a file's app profiles and platform come from (the CLI's configs). */
export interface FileSettings {
  appProfilesFor(config: ResolvedConfig, file: string): AppProfileId[];
  platformFor(file: string): Platform | undefined;
}

/** What the linter tells its host besides the outcomes (the CLI prints them as warnings). */
export interface LinterReport {
  /** Problems in a tsconfig (it is still used as TypeScript reads it). */
  tsconfigProblems(tsconfig: string, diagnostics: readonly ts.Diagnostic[]): void;
  /** A file of the run that its tsconfig's program does not hold: it is checked without type information. Once per file. */
  notInProgram(file: string): void;
  /** A file outside the run that TypeScript fails on was left out of its program; `message` says why. Once per file. */
  leftOut(file: string, message: string): void;
}

export interface LinterOptions {
  /** The tsconfig given with --project (undefined: each file's nearest). */
  readonly project: string | undefined;
  readonly settings: FileSettings;
  /** The file system under the run's texts (the CLI: ts.sys, each path query asked once; --cache records what is read). */
  readonly disk: ProjectHost;
  readonly report: LinterReport;
  /** How --debug lines name files. */
  readonly displayPath: (file: string) => string;
  readonly now: () => number;
  /** Called after each file is linted. */
  readonly onFileLinted?: () => void;
  /** Called with each file checked with its program (`wsclose codes` reads the codes there); again on a repeated pass. */
  readonly onFileAnalyzed?: (program: ts.Program, sourceFile: ts.SourceFile, file: FileAnalyzed) => void;
  /** Leave imported project files out of programs until needed (default on; see engine/lazy-imports.ts). */
  readonly lazyImports?: boolean | LazyImportsOptions;
  /** Tsconfigs with the same files and options share one program (default on; see engine/shared-programs.ts). */
  readonly sharePrograms?: boolean;
  /** Per tsconfig, what an earlier run's lazy passes needed loaded (--cache): loaded from the first program. */
  readonly lazyStart?: LazyStart;
  /** Language of the findings' messages. */
  readonly locale: Locale;
  /** --debug: one line per pre-scan verdict, program built and close() receiver classified. */
  readonly debug?: (line: string) => void;
  /**
   * --cache: keep, per file, how its findings were computed (`checked`), its program included, so
   * every program stays alive until the cache is saved. Without it each program is freed once its
   * files are linted.
   */
  readonly recordChecks?: boolean;
}

/** The program a file was last checked in (undefined: without one), whether its analysis read the socket flow, and what it read beyond its imports. */
export interface FileChecked {
  readonly program: ts.Program | undefined;
  readonly flow: boolean;
  readonly reads?: FlowReads;
}

export class Linter {
  /** Current text of every file of the run, by absolute path. */
  readonly texts = new Map<string, string>();
  /** Files whose text differs from what is on disk (fixed by --fix). */
  readonly changed = new Set<string>();
  readonly host: ProjectHost;
  readonly timings = { programs: 0, lint: 0 };
  /** Passes repeated because the analysis needed a project file left out of its program. */
  lazyPasses = 0;
  /** Source files (libraries included) in the programs of the stage that checked every file. */
  programFiles = 0;
  /** Per tsconfig, what the lazy passes of this run needed loaded (--cache keeps it for the next run). */
  readonly lazyNeeded = new Map<string, readonly string[] | 'all'>();
  /** Per file of the run, how its current findings were computed (--cache records their dependencies from it; only with `recordChecks`). */
  readonly checked = new Map<string, FileChecked>();
  /** The programs' checkers are created before any file is linted (lintPass): their binders set the parent pointers. */
  private readonly cache = new SourceFileCache(undefined, { parentsFromBinder: true });
  private readonly toldNotInProgram = new Set<string>();
  /** Programs built (a program shared by several tsconfigs counts once); weak, so that a released program can be freed. */
  private readonly programs = new WeakSet<ts.Program>();
  private programsBuilt = 0;
  /** Programs and views of shared programs named by --debug. */
  private readonly described = new WeakSet<ts.Program>();
  /** Programs whose files were already tried alone after a failure (see leaveOutCulprits). */
  private readonly searched = new WeakSet<ts.Program>();
  private readonly toldLeftOut = new Set<string>();

  constructor(private readonly options: LinterOptions) {
    const { disk } = options;
    this.host = { ...disk, readFile: (file, encoding) => this.texts.get(path.resolve(file)) ?? disk.readFile(file, encoding) };
  }

  /** How many distinct programs were built. */
  get programCount(): number {
    return this.programsBuilt;
  }

  lint(files: readonly FileToLint[]): Map<string, LintOutcome> {
    let outcomes: Map<string, LintOutcome>;
    try {
      outcomes = this.lintLeavingOut(files, () => (this.changed.size === 0 ? this.cache : new OverlaySourceFileCache(this.cache, this.changed)));
    } catch (error) {
      outcomes = this.isolate(files, error);
    }
    return this.withCulpritNotes(files, outcomes);
  }

  /** A pass over the files, started again each time it finds files TypeScript fails on and leaves them out. */
  private lintLeavingOut(files: readonly FileToLint[], cache: () => SourceFileCache): Map<string, LintOutcome> {
    for (let round = 0; ; round++) {
      try {
        return this.lintTogether(files, cache());
      } catch (error) {
        if (!(error instanceof CulpritsLeftOut) || round >= MAX_ISOLATION_ROUNDS) throw error;
      }
    }
  }

  /**
   * After TypeScript threw while binding or checking `program`: the files that fail alone are
   * left out (engine/isolation.ts) and the pass starts again without them (CulpritsLeftOut).
   * Returns normally when no file is to blame, so the caller reports the error as it is.
   */
  private leaveOutCulprits(program: ts.Program, stage: 'bind' | 'check'): void {
    if (this.searched.has(program)) return;
    this.searched.add(program);
    const culprits = findCulprits(program, stage).filter((culprit) => !this.cache.leftOut.has(culprit.fileName));
    if (culprits.length === 0) return;
    for (const culprit of culprits) this.cache.leftOut.add(culprit);
    throw new CulpritsLeftOut();
  }

  /** Each left-out file of the run gets its one message; one outside the run is named on stderr. */
  private withCulpritNotes(files: readonly FileToLint[], outcomes: Map<string, LintOutcome>): Map<string, LintOutcome> {
    const inRun = new Set(files.map((file) => file.path));
    for (const culprit of this.cache.leftOut.all()) {
      const file = path.resolve(culprit.fileName);
      if (inRun.has(file)) outcomes.set(file, this.culpritOutcome(file, culprit));
      else if (!this.toldLeftOut.has(file)) {
        this.toldLeftOut.add(file);
        this.options.report.leftOut(file, culpritMessage(culprit, this.options.locale));
      }
    }
    return outcomes;
  }

  private culpritOutcome(file: string, culprit: Culprit): LintOutcome {
    const text = this.texts.get(file) ?? '';
    // Line breaks as TypeScript counts them; the file's own tree is what could not be built.
    const lines = text.slice(0, culprit.position).split(/\r\n|[\n\r\u2028\u2029]/);
    return { fatal: culpritMessage(culprit, this.options.locale), line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }

  /**
   * The last resort when a program fails and no single file fails alone (leaveOutCulprits found
   * none): bisect the files to check. Each half is linted again with its files parsed afresh, down
   * to the files that fail alone, which get a fatal message; every other file is still checked.
   */
  private isolate(files: readonly FileToLint[], error: unknown): Map<string, LintOutcome> {
    if (files.length <= 1) {
      const outcomes = new Map<string, LintOutcome>(files.map((file) => [file.path, { fatal: cannotCheck(error, this.options.locale) }]));
      this.options.onFileLinted?.();
      return outcomes;
    }
    const outcomes = new Map<string, LintOutcome>();
    const middle = Math.ceil(files.length / 2);
    for (const half of [files.slice(0, middle), files.slice(middle)]) {
      const fresh = new Set([...this.changed, ...half.map((file) => file.path)]);
      let halfOutcomes: Map<string, LintOutcome>;
      try {
        halfOutcomes = this.lintLeavingOut(half, () => new OverlaySourceFileCache(this.cache, fresh));
      } catch (halfError) {
        halfOutcomes = this.isolate(half, halfError);
      }
      for (const [file, outcome] of halfOutcomes) outcomes.set(file, outcome);
    }
    return outcomes;
  }

  private lintTogether(files: readonly FileToLint[], cache: SourceFileCache): Map<string, LintOutcome> {
    const outcomes = new Map<string, LintOutcome>();
    const projects = new ProjectPrograms({
      project: this.options.project,
      host: this.host,
      cache,
      onTsconfigProblems: (tsconfig, diagnostics) => this.options.report.tsconfigProblems(tsconfig, diagnostics),
      lazyImports: this.options.lazyImports ?? true,
      sharePrograms: this.options.sharePrograms !== false,
      ...(this.options.lazyStart ? { lazyStart: this.options.lazyStart } : {}),
    });
    // Programs only for files that may contain a close call; the others get directive checks only.
    const typed = files.filter((file) => mayNeedAnalysis(this.texts.get(file.path) ?? '', file.path)).map((file) => file.path);
    const debug = this.options.debug;
    if (debug) {
      const kept = new Set(typed);
      for (const file of files) {
        debug(`pre-scan: ${this.options.displayPath(file.path)}: ${kept.has(file.path) ? 'in (may contain a close-like call, or a call of a wrapper of one)' : 'out (no close-like call): only its wsclose- directives are checked'}`);
      }
      if (kept.size === 0 && files.length > 0) debug('pre-scan: no file may contain a WebSocket close() call, so no program is built and nothing is reported');
    }
    // Files without a program: their directives only (see lintOne).
    const withoutProgram = new Set(files.map((file) => file.path));
    for (const file of typed) withoutProgram.delete(file);
    const counted = new Set<string>();
    this.lintPass(files.filter((file) => withoutProgram.has(file.path)), new Map(), cache, outcomes, { counted });
    // One group of files sharing a program at a time, its program released before the next is
    // built: a run holds one program and checker at a time (parsed files stay shared in `cache`).
    const byPath = new Map(files.map((file) => [file.path, file]));
    let programFiles = 0;
    for (const group of projects.groups(typed)) {
      programFiles += this.lintGroup(group.map((file) => byPath.get(file)!), projects, cache, outcomes, counted);
      projects.release();
    }
    // The first stage checks every file; --fix stages re-check some of them.
    for (const [tsconfig, needed] of projects.lazyNeeded()) this.lazyNeeded.set(tsconfig, needed);
    this.programFiles = Math.max(this.programFiles, programFiles);
    return outcomes;
  }

  /**
   * Lints the files of one program (one tsconfig's, shared by the tsconfigs of the same files
   * and options, or the inferred project's), repeating the pass while it needed left-out files
   * (engine/lazy-imports.ts). The first pass stops at the first file that needed a left-out
   * file: its results are thrown away, and the next program loads, besides that file, what the
   * files to analyse import (LazyImports.preload), so that the passes after it rarely need
   * more. Returns how many source files its last program has.
   */
  private lintGroup(files: readonly FileToLint[], projects: ProjectPrograms, cache: SourceFileCache, outcomes: Map<string, LintOutcome>, counted: Set<string>): number {
    const { now } = this.options;
    const paths = files.map((file) => file.path);
    let started = now();
    let programs = projects.assign(paths);
    this.timings.programs += now() - started;
    let pending = files;
    computeWithLazyImports(
      (pass) => {
        if (pass > 0) {
          // The files of the programs rebuilt with the left-out files a pass needed are linted again.
          started = now();
          const rebuilt = projects.assign(paths);
          this.timings.programs += now() - started;
          pending = files.filter((file) => rebuilt.get(file.path) !== programs.get(file.path));
          programs = rebuilt;
          this.lazyPasses++;
        }
        this.lintPass(pending, programs, cache, outcomes, { counted, ...(pass === 0 ? { stopEarly: () => projects.touched() } : {}) });
      },
      (pass) => {
        started = now();
        const reloaded = projects.reloadTouched(pass);
        this.timings.programs += now() - started;
        return reloaded;
      },
    );
    return [...new Set([...programs.values()].map(programBehind))].reduce((total, program) => total + program.getSourceFiles().length, 0);
  }

  /**
   * Binds the programs, then lints `pending` (every file of the stage on its first pass), until
   * `stopEarly` says the rest would be linted again anyway. `counted`: the files of the stage
   * already told to onFileLinted (once each, though a repeated pass lints them again).
   */
  private lintPass(pending: readonly FileToLint[], programs: ReadonlyMap<string, ts.Program>, cache: SourceFileCache, outcomes: Map<string, LintOutcome>, pass: { readonly counted: Set<string>; readonly stopEarly?: () => boolean }): void {
    const { now, debug } = this.options;
    let started = now();
    // Binding every file of a program happens here, so that a file TypeScript cannot bind fails its program now.
    for (const program of new Set([...programs.values()].map(programBehind))) {
      try {
        program.getTypeChecker();
      } catch (error) {
        this.leaveOutCulprits(program, 'bind');
        throw error; // no file fails alone: bisect (see isolate)
      }
    }
    for (const program of new Set(programs.values())) {
      if (debug && !this.described.has(program)) debug(describeProgram(program, this.options.displayPath));
      this.described.add(program);
      if (!this.programs.has(programBehind(program))) this.programsBuilt++;
      this.programs.add(programBehind(program));
    }
    this.timings.programs += now() - started;

    started = now();
    for (const file of pending) {
      let outcome: LintOutcome;
      const program = programs.get(file.path);
      try {
        outcome = this.lintOne(file, program, cache);
      } catch (error) {
        if (program) this.leaveOutCulprits(programBehind(program), 'check');
        outcome = { fatal: cannotCheck(error, this.options.locale) }; // one file's failure never stops the run
      }
      outcomes.set(file.path, outcome);
      if (!pass.counted.has(file.path)) {
        pass.counted.add(file.path);
        this.options.onFileLinted?.();
      }
      if (pass.stopEarly?.()) break;
    }
    this.timings.lint += now() - started;
  }

  private lintOne(file: FileToLint, program: ts.Program | undefined, cache: SourceFileCache): LintOutcome {
    const text = this.texts.get(file.path) ?? '';
    // Without a program the engine checks only `wsclose-` directives (see lintSourceFile): a file
    // with neither a close-like call nor a directive needs no parsing at all.
    if (!program && !text.includes('wsclose-')) {
      if (this.options.recordChecks) this.checked.set(file.path, { program: undefined, flow: false });
      return { findings: [] };
    }
    const inProgram = program?.getSourceFile(file.path);
    if (program && !inProgram && !this.toldNotInProgram.has(file.path)) {
      this.toldNotInProgram.add(file.path); // once, though a repeated pass lints the file again
      this.options.report.notInProgram(file.path);
    }
    const sourceFile = inProgram ?? cache.get(file.path, ts.ScriptTarget.Latest, this.host);
    if (!sourceFile) return { fatal: ISOLATION_TEXT[this.options.locale].cannotRead };
    const inputs = this.inputsOf(file);
    let flow = false;
    let reads: FlowReads | undefined;
    const findings = lintSourceFile(inProgram ? program : undefined, sourceFile, {
      config: file.config,
      locale: this.options.locale,
      appProfiles: inputs.appProfiles,
      platform: inputs.platform,
      ...(inputs.runtimeOverride ? { runtimeOverride: inputs.runtimeOverride } : {}),
      ...(this.options.debug ? { debug: { log: this.options.debug, displayPath: this.options.displayPath } } : {}),
      onFlowUse: () => (flow = true),
      onFlowReads: (read) => (reads = read),
    });
    if (this.options.recordChecks) this.checked.set(file.path, { program: inProgram ? program : undefined, flow, ...(reads ? { reads } : {}) });
    if (program && inProgram) this.options.onFileAnalyzed?.(program, inProgram, { config: file.config, appProfiles: inputs.appProfiles, runtimeOverride: inputs.runtimeOverride });
    return { findings };
  }

  /** What a file is checked with besides its text and program (--cache keys its findings on them too). */
  inputsOf(file: FileToLint): { appProfiles: AppProfileId[]; platform: Platform | undefined; runtimeOverride: RuntimeId | undefined } {
    return {
      appProfiles: this.options.settings.appProfilesFor(file.config, file.path),
      platform: this.options.settings.platformFor(file.path),
      runtimeOverride: settingsForFile(file.config, file.path).runtime,
    };
  }
}

/**
 * "program: tsconfig.json: 3 root files, 120 source files" (root files: those the pre-scan kept, and
 * declarations); "program: examples/tsconfig.json: the program of tsconfig.json (same files and options)".
 */
function describeProgram(program: ts.Program, displayPath: (file: string) => string): string {
  const nameOf = (candidate: ts.Program): string => {
    const tsconfig = candidate.getCompilerOptions().configFilePath;
    return typeof tsconfig === 'string' ? displayPath(tsconfig) : 'inferred project (files no tsconfig includes)';
  };
  const name = nameOf(program);
  if (programBehind(program) !== program) return `program: ${name}: the program of ${nameOf(programBehind(program))} (same files and options)`;
  const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return `program: ${name}: ${count(program.getRootFileNames().length, 'root file')}, ${count(program.getSourceFiles().length, 'source file')}`;
}

/** The fatal message of a file TypeScript or the engine failed on. */
function cannotCheck(error: unknown, locale: Locale): string {
  const text = ISOLATION_TEXT[locale];
  if (isStackOverflow(error)) return text.stackOverflow;
  return renderTemplate(text.internalError, { message: error instanceof Error ? error.message : String(error) });
}
