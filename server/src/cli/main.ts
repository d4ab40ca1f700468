// The `wsclose` process entry: arguments in, formatted results to stdout, run diagnostics to
// stderr, and ESLint's exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or
// too many warnings, 2 invalid usage, invalid config or an internal error.
import { parseCliArgs, USAGE } from './args';
import { CliError } from './cli-error';
import { shouldUseColor } from './formatters/colors';
import { FORMATTERS } from './formatters';
import { totals } from './results';
import { runLint } from './run';

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
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export function execute(io: CliIO): number {
  const line = (write: (text: string) => void, text: string): void => write(`${text}\n`);
  try {
    const command = parseCliArgs(io.argv);
    if (command.kind === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command.kind === 'version') {
      line(io.stdout, `v${version}`);
      return 0;
    }
    const { options } = command;
    const run = runLint({
      cwd: io.cwd,
      patterns: options.patterns,
      config: options.config,
      project: options.project,
      rules: options.rules,
      ignore: options.ignore,
      quiet: options.quiet,
    });
    for (const warning of run.warnings) line(io.stderr, warning);

    const output = FORMATTERS[options.format](run.results, { color: shouldUseColor(options.color, io.env, io.stdoutIsTTY), cwd: io.cwd });
    if (output !== '') line(io.stdout, output);

    const { errorCount, warningCount } = totals(run.results);
    const tooManyWarnings = options.maxWarnings >= 0 && warningCount > options.maxWarnings;
    if (errorCount === 0 && tooManyWarnings) line(io.stderr, `wsclose found too many warnings (maximum: ${options.maxWarnings}).`);
    return errorCount > 0 || tooManyWarnings ? 1 : 0;
  } catch (error) {
    if (error instanceof CliError) {
      for (const text of error.lines) line(io.stderr, text);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    line(io.stderr, `wsclose ${version}: internal error: ${message}`);
    if (error instanceof Error && error.stack) line(io.stderr, error.stack);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = execute({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
