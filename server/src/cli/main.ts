// The `wsclose` process entry: arguments in, formatted results to stdout, run diagnostics to
// stderr, and ESLint's exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or
// too many warnings, 2 invalid usage, invalid config or an internal error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCliArgs } from './args';
import { applyBaseline, baselineEntries, readBaseline, serializeBaseline } from './baseline';
import type { BaselineEntry } from './baseline';
import { CliError } from './cli-error';
import { parseCodesArgs, runCodes } from './codes';
import { errorText } from './config';
import { runExplain } from './explain';
import { localeFromEnvironment, localeOfArguments } from './locale';
import { printConfig } from './print-config';
import { cliText, usage } from './text';
import { countedTemplate } from './text/cli-text';
import { notesText } from './text/notes';
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import { shouldUseColor } from './formatters/colors';
import { FORMATTERS } from './formatters';
import { createProgress } from './progress';
import { totals } from './results';
import { runLint } from './run';
import { formatStats } from './stats';

// Read at build time: esbuild inlines the JSON into dist/cli.js. A `require`, not an `import`, so
// that tsc does not copy package.json into its output folder (where the path does not resolve).
const version = ((): string => {
  try {
    return (require('../../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

export interface CliIO {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** The terminal's width when stdout is one: stylish output wraps messages between words to fit. */
  readonly stdoutColumns?: number;
  /** Progress is drawn on stderr only when it is a terminal. */
  readonly stderrIsTTY?: boolean;
  /** Milliseconds (a clock for progress and --stats). */
  readonly now?: () => number;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export function execute(io: CliIO): number {
  const line = (write: (text: string) => void, text: string): void => write(`${text}\n`);
  // The environment's locale until --locale is read (an internal error in the arguments is reported in it).
  let locale: Locale = localeFromEnvironment(io.env);
  try {
    if (io.argv[0] === 'codes') {
      locale = localeOfArguments(io.argv.slice(1), locale);
      const codes = parseCodesArgs(io.argv.slice(1), locale);
      io.stdout(codes === 'help' ? cliText(locale).codes.usage : runCodes(codes, io.cwd, (text) => line(io.stderr, text), locale));
      return 0;
    }
    const command = parseCliArgs(io.argv, locale);
    locale = ('options' in command ? command.options.locale : 'locale' in command ? command.locale : undefined) ?? locale;
    if (command.kind === 'help') {
      io.stdout(usage(locale));
      return 0;
    }
    if (command.kind === 'explain-help') {
      io.stdout(cliText(locale).explainUsage);
      return 0;
    }
    if (command.kind === 'explain') {
      line(io.stdout, runExplain(command.options, io.cwd, locale));
      return 0;
    }
    if (command.kind === 'version') {
      line(io.stdout, `v${version}`);
      return 0;
    }
    if (command.kind === 'print-config') {
      const { options } = command;
      line(io.stdout, printConfig({ cwd: io.cwd, file: command.file, config: options.config, project: options.project, rules: options.rules, locale }));
      return 0;
    }
    const { options } = command;
    const now = io.now ?? ((): number => performance.now());
    const started = now();
    // A baseline is read first: a broken one stops the run before the (possibly long) lint.
    const baselineFile = options.baseline ?? options.baselineWrite;
    const baselinePath = baselineFile === undefined ? undefined : path.resolve(io.cwd, baselineFile);
    const recorded = options.baseline !== undefined ? readBaseline(baselinePath!, options.baseline, locale) : undefined;
    const run = runLint(
      {
        cwd: io.cwd,
        patterns: options.patterns,
        config: options.config,
        project: options.project,
        rules: options.rules,
        ignore: options.ignore,
        quiet: options.quiet,
        fix: options.fix,
        locale,
        ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
        ...(options.shard !== undefined ? { shard: options.shard } : {}),
        ...(options.cache !== undefined ? { cache: { ...options.cache, version } } : {}),
      },
      {
        progress: createProgress({ isTTY: io.stderrIsTTY ?? false, write: io.stderr, now, locale }),
        now,
        ...(options.debug || debugFromEnvironment(io.env) ? { debug: (text: string) => line(io.stderr, `wsclose:debug ${text}`) } : {}),
      },
    );
    for (const warning of run.warnings) line(io.stderr, warning);

    let results = run.results;
    let baselineTime: number | undefined;
    if (baselinePath !== undefined) {
      const baselineStarted = now();
      let entries: BaselineEntry[];
      if (recorded !== undefined) {
        entries = recorded;
      } else {
        entries = baselineEntries(results, run.sources, baselinePath);
        try {
          fs.writeFileSync(baselinePath, serializeBaseline(entries));
        } catch (error) {
          throw new CliError(renderTemplate(notesText(locale).baselineWriteFailed, { file: baselineFile!, error: errorText(error) }));
        }
        line(io.stderr, renderTemplate(countedTemplate(cliText(locale), entries.length, notesText(locale).baselineRecorded), { count: entries.length, file: baselineFile! }));
      }
      const outcome = applyBaseline(results, run.sources, entries, baselinePath);
      results = outcome.results;
      if (outcome.unmatched.length > 0) {
        const count = outcome.unmatched.length;
        line(io.stderr, renderTemplate(countedTemplate(cliText(locale), count, notesText(locale).baselineUnmatched), { count, file: baselineFile! }));
        for (const entry of outcome.unmatched) line(io.stderr, `  ${entry.file}  ${entry.ruleId ?? 'directive'}  ${entry.fingerprint}`);
      }
      baselineTime = now() - baselineStarted;
    }

    const formatStarted = now();
    const output = FORMATTERS[options.format](results, {
      color: shouldUseColor(options.color, io.env, io.stdoutIsTTY),
      cwd: io.cwd,
      sources: run.sources,
      version,
      locale,
      ...(io.stdoutIsTTY && io.stdoutColumns ? { width: io.stdoutColumns } : {}),
    });
    if (options.outputFile !== undefined) writeReport(path.resolve(io.cwd, options.outputFile), output, options.outputFile, locale);
    else if (output !== '') line(io.stdout, output);
    if (options.stats) {
      const format = now() - formatStarted;
      line(io.stderr, formatStats({ run: run.stats, ...(baselineTime !== undefined ? { baseline: baselineTime } : {}), format, total: now() - started, fix: options.fix !== undefined }, locale));
    }

    const { errorCount, warningCount } = totals(results);
    const tooManyWarnings = options.maxWarnings >= 0 && warningCount > options.maxWarnings;
    if (errorCount === 0 && tooManyWarnings) line(io.stderr, renderTemplate(notesText(locale).tooManyWarnings, { max: options.maxWarnings }));
    return errorCount > 0 || tooManyWarnings ? 1 : 0;
  } catch (error) {
    if (error instanceof CliError) {
      for (const text of error.lines) line(io.stderr, text);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    line(io.stderr, renderTemplate(notesText(locale).internalError, { version, message }));
    if (error instanceof Error && error.stack) line(io.stderr, error.stack);
    return 2;
  }
}

/** DEBUG=wsclose, as the `debug` package reads it: a comma- or space-separated list of names, `*` for all. */
export function debugFromEnvironment(env: Readonly<Record<string, string | undefined>>): boolean {
  return (env['DEBUG'] ?? '').split(/[\s,]+/).some((name) => name === 'wsclose' || name === 'wsclose:*' || name === '*');
}

/** -o: the report in a file, its folders created as needed (as ESLint does); an empty report is an empty file. */
function writeReport(file: string, output: string, given: string, locale: Locale): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, output === '' ? '' : `${output}\n`);
  } catch (error) {
    throw new CliError(renderTemplate(notesText(locale).reportWriteFailed, { file: given, error: errorText(error) }));
  }
}

/**
 * A reader that stops early (`wsclose … | head`) closes the pipe, and writing the rest fails with
 * EPIPE. That is the reader's choice, not a failure of the run: as in ESLint (whose console output
 * ignores stream errors), the rest is dropped and the exit code stays the one the findings give.
 * Any other failure to write the results is an internal error (exit code 2).
 */
function dropOutputWhenReaderLeaves(locale: Locale): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      process.exitCode = 2;
      const message = renderTemplate(cliText(locale).files.resultsUnwritable, { error: error.message });
      if (stream === process.stdout && !process.stderr.destroyed) process.stderr.write(`${renderTemplate(notesText(locale).internalError, { version, message })}\n`);
    });
  }
}

/** The locale of a process's messages: --locale, else the environment's (an invalid --locale is reported by the run). */
function processLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  try {
    return localeOfArguments(argv, localeFromEnvironment(env));
  } catch {
    return localeFromEnvironment(env);
  }
}

if (require.main === module) {
  dropOutputWhenReaderLeaves(processLocale(process.argv.slice(2), process.env));
  process.exitCode = execute({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    ...(process.stdout.columns ? { stdoutColumns: process.stdout.columns } : {}),
    stderrIsTTY: process.stderr.isTTY === true,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
