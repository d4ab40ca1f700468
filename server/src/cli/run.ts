// One CLI run, without process access (no argv, stdout or exit codes), so tests can call it
// in-process: find the files, resolve their configs, build the programs the files need, lint
// every file, apply fixes (--fix, --fix-dry-run) and return ESLint-shaped results. Usage and
// config problems throw a CliError.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ts from 'typescript';
import type { Finding, RuleId, Severity } from '../core/finding';
import { settingsForFile } from '../engine/config-file';
import type { ResolvedConfig } from '../core/config';
import { DEFAULT_MAX_FILE_SIZE } from './args';
import { CliError } from './cli-error';
import { CliConfigs, errorText } from './config';
import { fixUntilStable, MAX_FIX_PASSES } from './fix';
import { expandInputs, fileSize, isSourceFile, SOURCE_EXTENSIONS } from './files';
import { cacheFilePath } from './cache-store';
import type { CacheStrategy } from './cache-store';
import { RunCache } from './cache';
import { Linter } from '../engine/linter';
import type { FileToLint, LinterOptions } from '../engine/linter';
import { cliDisk, cliLinterReport } from './projects';
import type { ProgressReporter } from './progress';
import { errorsOnly, fatalResult, ignoredResult, resultFromFindings } from './results';
import type { LintResult } from './results';
import { readSourceSnapshot, writeIfUnchanged } from './source-io';
import type { SourceSnapshot, WriteOutcome } from './source-io';
import type { Locale } from '../registry/locales/catalog';
import { renderTemplate } from '../core/text/render-template';
import { cliText } from './text';
import { megabytes, noteAt, notesText, warningAt } from './text/notes';
import type { LazyImportsOptions } from '../engine/lazy-imports';
import { inShard } from './shard';
import type { Shard } from './shard';

export interface RunOptions {
  readonly cwd: string;
  /** Files, folders and globs; `['.']` when empty. */
  readonly patterns: readonly string[];
  /** --config (relative to cwd or absolute). */
  readonly config?: string | undefined;
  /** --project (relative to cwd or absolute). */
  readonly project?: string | undefined;
  readonly rules?: ReadonlyArray<{ readonly ruleId: RuleId; readonly severity: Severity }>;
  /** False with --no-ignore. */
  readonly ignore?: boolean;
  /** Errors only (and with --fix, fixes of errors only). */
  readonly quiet?: boolean;
  /** --fix: apply fixes and write the files; --fix-dry-run: apply them in memory only. */
  readonly fix?: 'write' | 'dry-run' | undefined;
  /** --max-file-size: larger files are skipped with a note (0: no limit; default DEFAULT_MAX_FILE_SIZE). */
  readonly maxFileSize?: number;
  /** --shard i/n: only the files of that part (see shard.ts). */
  readonly shard?: Shard;
  /** Language of the findings' messages (default en). */
  readonly locale?: Locale;
  /** --cache: reuse findings whose dependencies are unchanged (see cache.ts). */
  readonly cache?: { readonly location?: string | undefined; readonly strategy?: CacheStrategy; readonly version: string };
}

export interface RunEnvironment {
  /** Reads a source file to check; throws when it cannot. Defaults to the file system. */
  readonly readSource?: (file: string) => string;
  /** Called right before a fixed file is checked for changes and written (a test hook). */
  readonly beforeWrite?: (file: string) => void;
  readonly progress?: ProgressReporter;
  /** Milliseconds, for --stats. */
  readonly now?: () => number;
  /** Leave imported project files out of programs until needed (default on; tests compare both). */
  readonly lazyImports?: boolean | LazyImportsOptions;
  /** Tsconfigs with the same files and options share one program (default on; tests compare both). */
  readonly sharePrograms?: boolean;
  /** --debug: where the debug lines go (stderr). */
  readonly debug?: (line: string) => void;
  /** See LinterOptions.onFileAnalyzed. */
  readonly onFileAnalyzed?: LinterOptions['onFileAnalyzed'];
}

export interface RunStats {
  /** Milliseconds per phase. */
  readonly timings: { readonly discover: number; readonly config: number; readonly programs: number; readonly lint: number; readonly fix: number };
  readonly counts: { readonly cached: number; readonly files: number; readonly programs: number; readonly programFiles: number; readonly lazyPasses: number; readonly findings: number; readonly fixPasses: number; readonly filesFixed: number };
}

export interface RunOutput {
  /** One result per checked file, sorted by path (with --quiet, files with errors only). */
  readonly results: LintResult[];
  /** Problems with the run that are not findings (tsconfig problems, dropped fixes, files not written), one line each, for stderr. */
  readonly warnings: string[];
  /** The text each result's positions refer to (the fixed text after fixes), by absolute path. */
  readonly sources: ReadonlyMap<string, string>;
  readonly stats: RunStats;
}

/** Project code under a node_modules folder is left unchecked, unlike ESLint's silence: say so, and how to check it. */
export function skippedNodeModulesNote(folder: string, locale: Locale = 'en'): string {
  return renderTemplate(notesText(locale).skippedNodeModules, { folder });
}

/** The warning of a file named on the command line that is not a source file wsclose checks. */
export function notASourceFileMessage(locale: Locale = 'en'): string {
  return renderTemplate(cliText(locale).files.notASourceFile, { extensions: SOURCE_EXTENSIONS.join(', ') });
}

export function runLint(options: RunOptions, environment: RunEnvironment = {}): RunOutput {
  const now = environment.now ?? ((): number => performance.now());
  const locale = options.locale ?? 'en';
  const text = notesText(locale);
  const progress = environment.progress;
  const cwd = path.resolve(options.cwd);
  const displayPath = (file: string): string => {
    const relative = path.relative(cwd, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  };
  const warnings: string[] = [];
  const warn = (line: string): void => {
    if (!warnings.includes(line)) warnings.push(line);
  };
  let started = now();
  const configs = new CliConfigs({ cwd, configFile: options.config, overrides: options.rules ?? [], displayPath, ...(options.locale ? { locale: options.locale } : {}) });
  configs.preload();
  configs.throwIfProblems();
  const project = options.project === undefined ? undefined : resolveProject(path.resolve(cwd, options.project));
  if (project !== undefined && !ts.sys.fileExists(project)) throw new CliError(renderTemplate(text.tsconfigMissing, { project: options.project! }));
  let configTime = now() - started;

  // 1. Files named by the arguments: every argument must match something.
  started = now();
  progress?.phase('finding-files');
  const inputs = expandInputs(options.patterns.length > 0 ? options.patterns : ['.'], cwd);
  const skippedNodeModules = [...new Set(inputs.flatMap((input) => input.skippedNodeModules))].map((folder) => skippedNodeModulesNote(displayPath(folder), locale));
  const unmatched = inputs.find((input) => input.files.length === 0);
  if (unmatched) throw new CliError([renderTemplate(text.noFilesMatch, { pattern: unmatched.pattern }), text.noFilesMatchHint, ...skippedNodeModules]);
  for (const note of skippedNodeModules) warn(note);
  let discoverTime = now() - started;

  // 2. Configs (all problems reported together), then ignore patterns.
  started = now();
  const results = new Map<string, LintResult>();
  const toCheck = new Map<string, ResolvedConfig>();
  for (const input of inputs) for (const file of input.files) configs.configFor(file.path);
  configs.throwIfProblems();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  for (const input of inputs) {
    let kept = 0;
    for (const file of input.files) {
      const config = configs.configFor(file.path)!;
      if (file.explicit && !isSourceFile(file.path)) {
        results.set(file.path, ignoredResult(file.path, notASourceFileMessage(locale)));
        kept++;
      } else if (options.ignore !== false && settingsForFile(config, file.path).ignored) {
        environment.debug?.(`ignored: ${displayPath(file.path)} (the "ignore" patterns of ${config.configFile !== undefined ? displayPath(config.configFile) : 'the config'})`);
        if (file.explicit) {
          results.set(file.path, ignoredResult(file.path, cliText(locale).files.ignored));
          kept++;
        }
      } else if (maxFileSize > 0 && (fileSize(file.path) ?? 0) > maxFileSize) {
        // Generated bundles: a named file gets a warning in the results, a found one a note on stderr.
        const message = tooLargeMessage(fileSize(file.path)!, maxFileSize, locale);
        if (file.explicit) results.set(file.path, ignoredResult(file.path, message));
        else warn(noteAt(locale, displayPath(file.path), message));
        kept++;
      } else {
        toCheck.set(file.path, config);
        kept++;
      }
    }
    if (kept === 0) throw new CliError(renderTemplate(text.allIgnored, { pattern: input.pattern }));
  }
  // --shard: after every check that concerns the whole run, keep this part's files only.
  if (options.shard !== undefined) {
    for (const file of [...toCheck.keys()]) if (!inShard(file, cwd, options.shard)) toCheck.delete(file);
    for (const file of [...results.keys()]) if (!inShard(file, cwd, options.shard)) results.delete(file);
  }
  configTime += now() - started;

  // 3. Read every file; unreadable ones get a fatal error instead of stopping the run.
  started = now();
  const linted: FileToLint[] = [];
  const snapshots = new Map<string, SourceSnapshot>();
  let checked = 0;
  const cache = options.cache
    ? new RunCache({ file: cacheFilePath(cwd, options.cache.location), strategy: options.cache.strategy ?? 'metadata', version: options.cache.version, project, locale, warn, debug: environment.debug, displayPath })
    : undefined;
  const linter = new Linter({ ...(cache ? { lazyStart: cache.lazyStart, recordChecks: true } : {}), project, settings: configs, disk: cliDisk(cache?.readDisk), report: cliLinterReport({ warn, displayPath, locale }), displayPath, now, locale, lazyImports: environment.lazyImports ?? true, sharePrograms: environment.sharePrograms !== false, ...(environment.debug ? { debug: environment.debug } : {}), ...(environment.onFileAnalyzed ? { onFileAnalyzed: environment.onFileAnalyzed } : {}), onFileLinted: () => {
      // Counts the first pass only; --fix passes lint some files again.
      if (checked < linted.length) progress?.files(++checked, linted.length);
    },
  });
  for (const [file, config] of toCheck) {
    try {
      const snapshot = environment.readSource ? injectedSnapshot(file, environment.readSource(file)) : readSourceSnapshot(file);
      snapshots.set(file, snapshot);
      linter.texts.set(file, snapshot.text);
      cache?.addRunFile(file, snapshot.text, snapshot.stamp);
      linted.push({ path: file, config });
    } catch (error) {
      results.set(file, fatalResult(file, renderTemplate(cliText(locale).files.cannotReadBecause, { error: errorText(error) })));
    }
  }
  discoverTime += now() - started;

  // 4. Programs and lint.
  progress?.phase('building-programs');
  const findings = new Map<string, readonly Finding[]>();
  // With --cache, only the files whose dependencies changed; none: no program is built.
  const planned = cache?.plan(linted, linter);
  for (const [file, cached] of planned?.reused ?? []) findings.set(file, cached);
  const toLint = planned?.stale ?? linted;
  const outcomes = toLint.length > 0 ? linter.lint(toLint) : new Map<string, never>();
  for (const [file, outcome] of outcomes) {
    if ('fatal' in outcome) results.set(file, fatalResult(file, outcome.fatal, outcome));
    else findings.set(file, outcome.findings);
  }
  const firstPass = new Map(findings);
  const { programs: programsTime, lint: lintTime } = linter.timings;

  // 5. Fixes, in memory, until stable; then written (--fix) unless a file changed on disk meanwhile.
  started = now();
  let fixPasses = 0;
  const written = new Set<string>();
  /** Every file a fix changed in memory, written or not: files checked meanwhile saw its fixed text. */
  const fixedInMemory = new Set<string>();
  if (options.fix) {
    progress?.phase('fixing');
    const byPath = new Map(linted.map((file) => [file.path, file]));
    const summary = fixUntilStable({
      texts: linter.texts,
      findings,
      relint: (files) => {
        for (const file of files) linter.changed.add(file);
        const relinted = new Map<string, readonly Finding[]>();
        for (const [file, outcome] of linter.lint(files.map((file) => byPath.get(file)!))) relinted.set(file, 'fatal' in outcome ? [] : outcome.findings);
        return relinted;
      },
      shouldFix: (finding) => !options.quiet || finding.severity === 'error',
      warn,
      displayPath,
      locale,
    });
    fixPasses = summary.passes;
    for (const file of summary.changed) fixedInMemory.add(file);
    if (summary.unstable) warn(renderTemplate(text.fixesUnstable, { passes: MAX_FIX_PASSES }));
    for (const file of summary.changed) {
      if (options.fix === 'dry-run') continue;
      environment.beforeWrite?.(file);
      const outcome = writeIfUnchanged(file, snapshots.get(file)!, linter.texts.get(file)!);
      if (outcome.kind === 'written') {
        written.add(file);
        continue;
      }
      warn(notWritten(outcome, displayPath(file), locale));
      // Report the file as it is on disk: its findings from before the fixes.
      linter.texts.set(file, snapshots.get(file)!.text);
      findings.set(file, firstPass.get(file)!);
      summary.changed.delete(file);
    }
  }
  const fixTime = now() - started;
  if (cache) {
    cache.save(linted, findings, linter, fixedInMemory, written);
  }

  const sources = new Map<string, string>();
  for (const [file, fileFindings] of findings) {
    const text = linter.texts.get(file)!;
    const result = resultFromFindings(file, text, fileFindings);
    const fixed = options.fix !== undefined && text !== snapshots.get(file)!.text;
    results.set(file, fixed ? { ...result, output: text } : result);
    if (result.messages.length > 0) sources.set(file, text);
  }

  const sorted = [...results.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const reported = options.quiet ? errorsOnly(sorted) : sorted;
  progress?.done();
  return {
    results: reported,
    warnings,
    sources,
    stats: {
      timings: { discover: discoverTime, config: configTime, programs: programsTime, lint: lintTime, fix: fixTime },
      counts: {
        cached: planned?.reused.size ?? 0,
        files: linted.length,
        programs: linter.programCount,
        programFiles: linter.programFiles,
        lazyPasses: linter.lazyPasses,
        findings: reported.reduce((total, result) => total + result.messages.length, 0),
        fixPasses,
        filesFixed: options.fix === 'dry-run' ? [...findings.keys()].filter((file) => linter.texts.get(file) !== snapshots.get(file)!.text).length : written.size,
      },
    },
  };
}

export function tooLargeMessage(size: number, limit: number, locale: Locale = 'en'): string {
  return renderTemplate(notesText(locale).tooLarge, { size: megabytes(locale, size), limit: megabytes(locale, limit) });
}

/** Why a fixed file was not written, as a warning line. */
function notWritten(outcome: Exclude<WriteOutcome, { kind: 'written' }>, file: string, locale: Locale): string {
  const text = notesText(locale);
  if (outcome.kind === 'changed-on-disk') return warningAt(locale, file, text.notFixedChanged);
  const error = outcome.kind === 'invalid-encoding' ? renderTemplate(text.invalidEncoding, { encoding: outcome.encoding }) : outcome.error;
  return warningAt(locale, file, renderTemplate(text.notFixedWrite, { error }));
}

/** A file read by an injected reader (tests): its stamp comes from the disk when the file is there. */
function injectedSnapshot(file: string, text: string): SourceSnapshot {
  try {
    return { ...readSourceSnapshot(file), text };
  } catch {
    return { text, encoding: 'utf8', bom: false, stamp: { size: -1, mtimeMs: -1, hash: '' } };
  }
}

/** --project accepts a tsconfig file or, like `tsc -p`, a folder holding a tsconfig.json. */
function resolveProject(file: string): string {
  return ts.sys.directoryExists(file) ? path.join(file, 'tsconfig.json') : file;
}
