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
  notes: {
    warningAt: '{place}: warning: {message}',
    noteAt: '{place}: note: {message}',
    numberLocale: 'en-US',
    megabytes: '{value} MB',
    tsconfigMissing: 'Cannot read tsconfig "{project}": no such file.',
    noFilesMatch: 'No files matching the pattern "{pattern}" were found.',
    noFilesMatchHint: 'Please check for typing mistakes in the pattern.',
    allIgnored: "All files matched by '{pattern}' are ignored.",
    skippedNodeModules: 'wsclose: skipped {folder} (node_modules folders are not checked; name the folder, or list its packages as workspaces in package.json, to check them).',
    tooLarge: 'File skipped because it is larger than --max-file-size ({size} > {limit}); such files are usually generated. Use "--max-file-size 0" to check it anyway.',
    fixOfRule: 'fix of {ruleId}',
    fixOfDirective: 'fix of a directive finding',
    fixDropped: '{fix} dropped: the file would no longer parse',
    fixDroppedBecause: '{fix} dropped: the file would no longer parse: {reason} (TS{code})',
    fixesUnstable: 'wsclose: fixes were still changing files after {passes} passes; the remaining fixes were not applied.',
    notFixedChanged: 'not fixed: the file changed on disk during the run; run wsclose --fix again.',
    notFixedWrite: 'not fixed: cannot write the file: {error}',
    invalidEncoding: 'the file is not valid {encoding}, so writing it would also change bytes that no fix touches',
    notInProgram: 'the file is not part of its TypeScript program; checked without type information.',
    culpritTooDeep: 'Cannot check the file: it is nested too deeply for TypeScript to analyze{levels}; the other files are checked without it.',
    culpritLevels: ' ({depth} levels)',
    culpritFails: 'Cannot check the file: TypeScript fails on it ({error}); the other files are checked without it.',
    cacheIgnored: 'ignoring the cache {file}: {reason}; it will be rewritten.',
    cacheNotUpdated: 'the cache {file} was not updated: {reason}.',
    cacheUnreadable: 'cannot read it ({error})',
    cacheNotJson: 'it is not a wsclose cache (not JSON)',
    cacheForeign: 'it is not a wsclose cache',
    cacheOtherVersion: 'it was written by wsclose {version} (cache format {format})',
    cacheUnwritable: 'cannot write it ({error})',
    baselineRecorded: ['wsclose: recorded {count} finding in {file}.', 'wsclose: recorded {count} findings in {file}.'],
    baselineUnmatched: [
      'wsclose: {count} baseline entry matches no finding any more; prune {file} with --baseline-write:',
      'wsclose: {count} baseline entries match no finding any more; prune {file} with --baseline-write:',
    ],
    baselineWriteFailed: 'Cannot write baseline file "{file}": {error}',
    reportWriteFailed: 'Cannot write the report to "{file}": {error}',
    tooManyWarnings: 'wsclose found too many warnings (maximum: {max}).',
    internalError: 'wsclose {version}: internal error: {message}',
  },
};
