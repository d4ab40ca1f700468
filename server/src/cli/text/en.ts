// English text of the CLI.
import type { CliText } from './cli-text';

export const CLI_TEXT_EN: CliText = {
  usage: `wsclose [options] [file|dir|glob ...]
wsclose explain <code> [<code>] [options]
wsclose codes [options] [file|dir|glob ...]

Finds misused WebSocket close(code, reason) calls with the TypeScript type checker.
Checks the current folder when no file, folder or glob is given.

Options:
  -c, --config <file>       Use this config file for every file (default: each file's nearest wsclose.config.json)
  -p, --project <tsconfig>  Use this tsconfig.json (or folder) for every file (default: each file's nearest one)
  --rule <id:severity>      Set a rule's severity: off, warn, error (or 0, 1, 2); repeatable
  --no-ignore               Check files the config's "ignore" patterns exclude
  -f, --format <name>       Output format: stylish (default), json, sarif, github, junit or gitlab
  -o, --output-file <file>  Write the report to this file (folders are created) instead of stdout
  --quiet                   Report errors only, no warnings (with --fix: fix errors only)
  --max-warnings <number>   Exit with code 1 when there are more warnings than this
  --fix                     Apply safe fixes to the files, then report what is left
  --fix-dry-run             Apply safe fixes in memory only (json output: the fixed text as "output")
  --baseline <file>         Report only findings the baseline file does not record; list stale entries
  --baseline-write <file>   Record today's findings in a baseline file
  --stats                   Print timings per phase and counts to stderr
  --debug                   Print to stderr which files the pre-scan kept, which programs were built and
                            why each close() receiver is or is not a WebSocket (also DEBUG=wsclose)
  --print-config <file>     Print the configuration that applies to the file as JSON, then exit
  --shard <i/n>             Check only part i of n (for CI matrices): a file is in part
                            (hash of its path relative to the current folder) mod n + 1, so jobs
                            run from the same folder split the files without overlap and their
                            merged json/sarif results equal one run's (not with --baseline*)
  --cache                   Reuse a file's findings from the last run when neither it nor any file its
                            findings depend on (imports, declarations, config, tsconfig) changed
  --cache-location <path>   Cache file, or folder for it (default: .wsclosecache in the current folder)
  --cache-strategy <name>   How to tell a file changed: metadata (size and time, then content; default)
                            or content
  --max-file-size <size>    Skip larger files with a note: bytes, or with kb/mb (default: 4mb; 0: no limit)
  --locale <locale>         Language of messages and help: en or fr (default: from LC_ALL, LC_MESSAGES or LANG)
  --color, --no-color       Force colours on or off (default: on when stdout is a terminal)
  -h, --help                Show this help
  -v, --version             Print the version

Commands:
  explain <code> [<code>]   Explain a close code from the registry, or compare two (see wsclose explain --help)
  codes [file|dir|glob ...] List the close codes the project sends and handles (see wsclose codes --help)

Quote glob patterns so that the shell leaves them to wsclose: wsclose "src/**/*.ts"

Rules: {rules}

Exit codes: 0 no errors, 1 errors or too many warnings, 2 invalid usage, config or internal error.
`,
  configFileMissing: 'Cannot read config file "{file}": no such file.',
  stylish: {
    error: 'error',
    warning: 'warning',
    summary: '\u2716 {problems} ({errors}, {warnings})',
    fixable: '  {errors} and {warnings} potentially fixable with the `--fix` option.',
    nouns: { problem: ['problem', 'problems'], error: ['error', 'errors'], warning: ['warning', 'warnings'] },
    singular: [1],
  },
};
