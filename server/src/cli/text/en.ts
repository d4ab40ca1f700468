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
  args: {
    listOr: '{items} or {last}',
    seeHelp: '{message} See {help}.',
    optionNeedsValue: "Option '{option}' argument missing.",
    optionTakesNoValue: "Option '{option}' does not take an argument.",
    unknownOptionPositional: "Unknown option '{option}'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"{option}\".",
    unknownOptionDidYouMean: "Invalid option '{option}' - perhaps you meant '--{suggestion}'?",
    unknownOption: "Invalid option '{option}'. Valid options: {options} (see wsclose --help).",
    optionsConflict: 'Options {first} and {second} cannot be used together.',
    baselineConflict: 'Options --baseline and --baseline-write cannot be used together: --baseline-write records every finding of the run.',
    shardWithBaseline: 'Option --shard cannot be used with --baseline or --baseline-write: a baseline covers every file of a run. Run the baseline without --shard.',
    needsPath: 'Option {option} needs a file path.',
    invalidCacheStrategy: 'Invalid --cache-strategy "{value}": use metadata or content.',
    invalidFormat: 'Invalid format "{format}": use {formats}.',
    invalidRule: 'Invalid --rule "{value}": write it as <rule-id>:<severity>, e.g. --rule reserved-code:warn.',
    unknownRuleDidYouMean: 'Unknown rule "{name}" in --rule. Did you mean "{suggestion}"?',
    unknownRule: 'Unknown rule "{name}" in --rule. Rules: {rules}.',
    invalidSeverity: 'Invalid severity "{level}" for rule "{name}" in --rule: use off, warn, error, 0, 1 or 2.',
    invalidMaxFileSize: 'Invalid --max-file-size "{value}": use a number of bytes, or of kilobytes or megabytes with kb or mb (e.g. 4mb); 0 for no limit.',
    invalidMaxWarnings: 'Invalid --max-warnings "{value}": use a whole number of warnings (0 or more).',
    invalidShard: 'Invalid --shard "{value}": write it as <index>/<count> with 1 ≤ index ≤ count, e.g. --shard 2/4.',
    invalidLocale: 'Invalid --locale "{value}": use {locales}.',
    explainCodeCount: 'wsclose explain takes one close code, or two to compare them: wsclose explain 1000 1008.',
    explainInvalidFormat: 'Invalid format "{format}" for explain: use text, json or markdown.',
    invalidCloseCode: 'Invalid close code "{value}": use a whole number from 0 to 65535.',
    codesInvalidFormat: 'Invalid format "{format}" for wsclose codes: use text, json or markdown.',
  },
  explainUsage: `wsclose explain <code> [<code>] [options]

Prints what the close-code registry says about a code; with two codes, compares them.
Codes named in the wsclose.config.json that applies to the current folder, and codes of the
app profiles its package.json turns on (graphql-ws, Discord, Twitch), are explained as the project uses them.

Options:
  -f, --format <name>    text (default), json or markdown
  --locale <locale>      en or fr (default: from LC_ALL, LC_MESSAGES or LANG)
  -c, --config <file>    Use this config file instead of the nearest wsclose.config.json
  -h, --help             Show this help
`,
  codes: {
    usage: `wsclose codes [options] [file|dir|glob ...]

Lists every close code the project sends (close-like calls) and handles (comparisons with a
received code, switch cases, sets of codes), where, and which codes are sent but never handled
or handled but never sent.

Options:
  -c, --config <file>       Use this config file for every file
  -p, --project <tsconfig>  Use this tsconfig.json (or folder) for every file
  --no-ignore               Include files the config's "ignore" patterns exclude
  -f, --format <name>       Output format: text (default), json or markdown
  --locale <locale>         en or fr (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help                Show this help
`,
    nothing: 'No close codes sent or handled.',
    sentAt: '  sent     {place} ({runtime})',
    handledAt: '  handled  {place}',
    sentNotHandled: 'Sent but never handled: {codes}',
    handledNotSent: 'Handled but never sent by this project: {codes}',
    none: 'none',
    tableHeader: '| Code | Name | Sent at | Handled at |',
    sentNotHandledHeading: '**Sent but never handled**',
    handledNotSentHeading: '**Handled but never sent by this project** (the peer may be outside it)',
  },
  baseline: {
    cannotRead: 'Cannot read baseline file "{file}": {reason}.',
    noSuchFile: 'no such file',
    invalid: 'Invalid baseline file "{file}": {problem}. Write a new one with --baseline-write.',
    notJson: 'not JSON ({message})',
    notJsonAt: 'not JSON at line {line}, column {column} ({message})',
    notAnObject: 'expected an object with "version" and "entries"',
    badVersion: '"version" must be {expected}, not {actual}',
    entriesNotArray: '"entries" must be an array',
    entryNotObject: '{at} must be an object',
    entryFile: '{at}.file must be a non-empty string',
    entryRuleId: '{at}.ruleId must be a wsclose rule id or null, not {actual}',
    entryFingerprint: '{at}.fingerprint must be 16 hexadecimal digits',
  },
  stats: {
    heading: 'wsclose stats:',
    phases: { discover: 'discover', config: 'config', programs: 'programs', lint: 'lint', fix: 'fix', baseline: 'baseline', format: 'format', total: 'total' },
    phaseLine: '  {name}{ms} ms',
    counts: '  files {files}{cached}, programs {programs} ({programFiles} source files, {lazyPasses} repeated passes), findings {findings}{fix}',
    cachedFiles: ' ({cached} from the cache)',
    fixCounts: ', fix passes {fixPasses}, files fixed {filesFixed}',
    nothingToCheck: '  no file may contain a WebSocket close() call: nothing needed the type checker',
    progress: 'wsclose: {status}, {seconds} s',
    progressPhases: { 'finding-files': 'finding files', 'building-programs': 'building programs', fixing: 'fixing' },
    progressFiles: '{checked}/{total} files checked',
  },
  files: {
    ignored: 'File ignored because of a matching ignore pattern. Use "--no-ignore" to override.',
    notASourceFile: 'File ignored because it is not a JavaScript or TypeScript source file: wsclose checks {extensions} files (not .d.ts).',
    cannotReadBecause: 'Cannot read the file: {error}',
    resultsUnwritable: 'cannot write the results: {error}',
  },
};
