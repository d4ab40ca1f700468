// One CLI run, without process access (no argv, stdout or exit codes), so tests can call it
// in-process: find the files, resolve their configs, build the programs the files need, lint
// every file and return ESLint-shaped results. Usage and config problems throw a CliError.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { RuleId, Severity } from '../core/finding';
import { settingsForFile } from '../engine/config-file';
import { lintSourceFile, mayContainCloseCall } from '../engine/lint-file';
import { SourceFileCache } from '../engine/project';
import type { ProjectHost } from '../engine/project';
import type { ResolvedConfig } from '../core/config';
import { CliError } from './cli-error';
import { ConfigResolver, errorText } from './config';
import { expandInputs, isSourceFile, readSourceText, SOURCE_EXTENSIONS } from './files';
import { assignPrograms } from './projects';
import { createResult, errorsOnly, fatalResult, ignoredResult, resultFromFindings } from './results';
import type { LintResult } from './results';

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
  /** Errors only. */
  readonly quiet?: boolean;
}

export interface RunEnvironment {
  /** Reads a source file to check; throws when it cannot. Defaults to the file system. */
  readonly readSource?: (file: string) => string;
}

export interface RunOutput {
  /** One result per checked file, sorted by path (with --quiet, files with errors only). */
  readonly results: LintResult[];
  /** Problems with the run that are not findings (tsconfig problems), one line each, for stderr. */
  readonly warnings: string[];
}

export const NOT_A_SOURCE_FILE_MESSAGE = `File ignored because it is not a JavaScript or TypeScript source file: wsclose checks ${SOURCE_EXTENSIONS.join(', ')} files (not .d.ts).`;

interface FileToCheck {
  readonly path: string;
  readonly config: ResolvedConfig;
  readonly text: string;
}

export function runLint(options: RunOptions, environment: RunEnvironment = {}): RunOutput {
  const cwd = path.resolve(options.cwd);
  const displayPath = (file: string): string => {
    const relative = path.relative(cwd, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  };
  const warnings: string[] = [];
  const configs = new ConfigResolver({ cwd, configFile: options.config, overrides: options.rules ?? [], displayPath });
  configs.preload();
  configs.throwIfProblems();
  const project = options.project === undefined ? undefined : resolveProject(path.resolve(cwd, options.project));
  if (project !== undefined && !ts.sys.fileExists(project)) throw new CliError(`Cannot read tsconfig "${options.project}": no such file.`);

  // 1. Files named by the arguments: every argument must match something.
  const inputs = expandInputs(options.patterns.length > 0 ? options.patterns : ['.'], cwd);
  const unmatched = inputs.find((input) => input.files.length === 0);
  if (unmatched) throw new CliError([`No files matching the pattern "${unmatched.pattern}" were found.`, 'Please check for typing mistakes in the pattern.']);

  // 2. Configs (all problems reported together), then ignore patterns.
  const results = new Map<string, LintResult>();
  const toCheck = new Map<string, ResolvedConfig>();
  for (const input of inputs) for (const file of input.files) configs.configFor(file.path);
  configs.throwIfProblems();
  for (const input of inputs) {
    let kept = 0;
    for (const file of input.files) {
      const config = configs.configFor(file.path)!;
      if (file.explicit && !isSourceFile(file.path)) {
        results.set(file.path, ignoredResult(file.path, NOT_A_SOURCE_FILE_MESSAGE));
        kept++;
      } else if (options.ignore !== false && settingsForFile(config, file.path).ignored) {
        if (file.explicit) {
          results.set(file.path, ignoredResult(file.path));
          kept++;
        }
      } else {
        toCheck.set(file.path, config);
        kept++;
      }
    }
    if (kept === 0) throw new CliError(`All files matched by '${input.pattern}' are ignored.`);
  }

  // 3. Read every file; unreadable ones get a fatal error instead of stopping the run.
  const readSource = environment.readSource ?? readSourceText;
  const files: FileToCheck[] = [];
  for (const [file, config] of toCheck) {
    try {
      files.push({ path: file, config, text: readSource(file) });
    } catch (error) {
      results.set(file, fatalResult(file, `Cannot read the file: ${errorText(error)}`));
    }
  }

  // 4. Programs only for files that may contain a close call; the others get directive checks only.
  const texts = new Map(files.map((file) => [path.resolve(file.path), file.text]));
  const host: ProjectHost = { ...ts.sys, readFile: (file, encoding) => texts.get(path.resolve(file)) ?? ts.sys.readFile(file, encoding) };
  const cache = new SourceFileCache();
  const programs = assignPrograms(
    files.filter((file) => mayContainCloseCall(file.text)).map((file) => file.path),
    { project, host, cache, warn: (line) => warnings.push(line), displayPath },
  );

  // 5. Lint.
  for (const file of files) {
    const program = programs.get(file.path);
    // Without a program the engine checks only `wsclose-` directives (see lintSourceFile): a file
    // with neither a close-like call nor a directive needs no parsing at all.
    if (!program && !file.text.includes('wsclose-')) {
      results.set(file.path, createResult(file.path, []));
      continue;
    }
    const inProgram = program?.getSourceFile(file.path);
    if (program && !inProgram) warnings.push(`${displayPath(file.path)}: warning: the file is not part of its TypeScript program; checked without type information.`);
    const sourceFile = inProgram ?? cache.get(file.path, ts.ScriptTarget.Latest, host);
    if (!sourceFile) {
      results.set(file.path, fatalResult(file.path, 'Cannot read the file.'));
      continue;
    }
    const settings = settingsForFile(file.config, file.path);
    const findings = lintSourceFile(inProgram ? program : undefined, sourceFile, {
      config: file.config,
      appProfiles: configs.appProfilesFor(file.config, file.path),
      ...(settings.runtime ? { runtimeOverride: settings.runtime } : {}),
    });
    results.set(file.path, resultFromFindings(file.path, sourceFile.text, findings));
  }

  const sorted = [...results.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { results: options.quiet ? errorsOnly(sorted) : sorted, warnings };
}

/** --project accepts a tsconfig file or, like `tsc -p`, a folder holding a tsconfig.json. */
function resolveProject(file: string): string {
  return ts.sys.directoryExists(file) ? path.join(file, 'tsconfig.json') : file;
}
