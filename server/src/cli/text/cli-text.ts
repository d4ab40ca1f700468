// The shape of the CLI's own text catalogs (help, stylish summary, notes, usage errors, `wsclose
// codes`, --stats): one per locale. Findings come localized from the engine; these are the words
// around them. --debug stays English (see README: developer diagnostics, as ESLint's DEBUG output).
import { renderTemplate } from '../../core/text/render-template';

export interface CliText {
  /** `wsclose --help`; `{rules}`: the rule ids. */
  readonly usage: string;
  /** `--config` names a file that does not exist; `{file}` as given. */
  readonly configFileMissing: string;
  readonly stylish: {
    readonly error: string;
    readonly warning: string;
    /** `{problems}`, `{errors}`, `{warnings}`: counted nouns (see `counted`). */
    readonly summary: string;
    /** `{errors}`, `{warnings}`. */
    readonly fixable: string;
    /** Singular and plural of each counted noun. */
    readonly nouns: Readonly<Record<'problem' | 'error' | 'warning', readonly [string, string]>>;
    /** Counts that take the singular: 1 in English; 0 and 1 in French. */
    readonly singular: readonly number[];
  };
  /** What a run writes to stderr besides the report: notes, warnings, problems that stop it (see notes.ts). */
  readonly notes: CliNotes;
  /** Problems with the command line (exit code 2). */
  readonly args: CliArgsText;
  /** `wsclose explain --help`. */
  readonly explainUsage: string;
  /** `wsclose codes`: its help and the map it prints as text or markdown (json keeps its keys). */
  readonly codes: CodeMapText;
  /** Why a --baseline file cannot be used (exit code 2). */
  readonly baseline: BaselineText;
  /** `--stats` and the progress line on a terminal. */
  readonly stats: StatsText;
  /** The one message of a file the report lists without checking it. */
  readonly files: FileMessagesText;
}

export interface CliArgsText {
  /** `{items}` and `{last}`: "a, b or c". */
  readonly listOr: string;
  /** Node's own text of an argument problem (`{message}`, ending with a period), then which help to read (`{help}`). */
  readonly seeHelp: string;
  /** `{option}` as Node names it, e.g. `-f, --format <value>`. */
  readonly optionNeedsValue: string;
  readonly optionTakesNoValue: string;
  /** `{option}` as given, in a subcommand (Node's advice on `--`, as Node words it in English). */
  readonly unknownOptionPositional: string;
  /** `{option}` as given, `{suggestion}` without its dashes. */
  readonly unknownOptionDidYouMean: string;
  /** `{option}`, `{options}`: every option. */
  readonly unknownOption: string;
  /** `{first}` and `{second}`: two options that exclude each other. */
  readonly optionsConflict: string;
  readonly baselineConflict: string;
  readonly shardWithBaseline: string;
  /** `{option}` given an empty value. */
  readonly needsPath: string;
  /** `{value}` as given. */
  readonly invalidCacheStrategy: string;
  /** `{format}` as given, `{formats}`: the valid ones (listOr). */
  readonly invalidFormat: string;
  /** `{value}` as given. */
  readonly invalidRule: string;
  /** `{name}`, `{suggestion}`. */
  readonly unknownRuleDidYouMean: string;
  /** `{name}`, `{rules}`: every rule id. */
  readonly unknownRule: string;
  /** `{level}`, `{name}`. */
  readonly invalidSeverity: string;
  /** `{value}` as given. */
  readonly invalidMaxFileSize: string;
  readonly invalidMaxWarnings: string;
  readonly invalidShard: string;
  /** `{value}`, `{locales}` (listOr). */
  readonly invalidLocale: string;
  /** `wsclose explain` without a code, or with more than two. */
  readonly explainCodeCount: string;
  /** `{format}` as given. */
  readonly explainInvalidFormat: string;
  /** `{value}` as given. */
  readonly invalidCloseCode: string;
  /** `{format}` as given. */
  readonly codesInvalidFormat: string;
}

export interface CodeMapText {
  readonly usage: string;
  readonly nothing: string;
  /** `{place}`: file:line:column, `{runtime}`. Both columns line up. */
  readonly sentAt: string;
  readonly handledAt: string;
  /** `{codes}`: `4001 (Room Closed), …` or `none`. */
  readonly sentNotHandled: string;
  readonly handledNotSent: string;
  readonly none: string;
  /** The markdown table's header row. */
  readonly tableHeader: string;
  readonly sentNotHandledHeading: string;
  readonly handledNotSentHeading: string;
}

export interface BaselineText {
  /** `{file}` as given, `{reason}`. */
  readonly cannotRead: string;
  readonly noSuchFile: string;
  /** `{file}`, `{problem}`: one of those below. */
  readonly invalid: string;
  /** `{message}`: the JSON parser's. */
  readonly notJson: string;
  /** `{line}`, `{column}`, `{message}`. */
  readonly notJsonAt: string;
  readonly notAnObject: string;
  /** `{expected}`, `{actual}` (as JSON). */
  readonly badVersion: string;
  readonly entriesNotArray: string;
  /** `{at}`: `entries[3]`. */
  readonly entryNotObject: string;
  readonly entryFile: string;
  /** `{at}`, `{actual}` (as JSON). */
  readonly entryRuleId: string;
  readonly entryFingerprint: string;
}

export interface StatsText {
  readonly heading: string;
  /** Each phase's name; the column is as wide as the longest one. */
  readonly phases: Readonly<Record<'discover' | 'config' | 'programs' | 'lint' | 'fix' | 'baseline' | 'format' | 'total', string>>;
  /** `{name}` (padded), `{ms}` (padded). */
  readonly phaseLine: string;
  /** `{files}`, `{cached}` (cachedFiles or nothing), `{programs}`, `{programFiles}`, `{lazyPasses}`, `{findings}`, `{fix}` (fixCounts or nothing). */
  readonly counts: string;
  /** `{cached}`. */
  readonly cachedFiles: string;
  /** `{fixPasses}`, `{filesFixed}`. */
  readonly fixCounts: string;
  /** Said when files were given but none may hold a close call, so no program was built. */
  readonly nothingToCheck: string;
  /** The progress line: `{status}`, `{seconds}`. */
  readonly progress: string;
  readonly progressPhases: Readonly<Record<'finding-files' | 'building-programs' | 'fixing', string>>;
  /** `{checked}`, `{total}`. */
  readonly progressFiles: string;
}

export interface FileMessagesText {
  /** A file the config's "ignore" patterns exclude, named on the command line (ESLint's words). */
  readonly ignored: string;
  /** `{extensions}`: the extensions wsclose checks. */
  readonly notASourceFile: string;
  /** `{error}`. */
  readonly cannotReadBecause: string;
  /** Writing the report to stdout failed: `{error}` (inside notes.internalError). */
  readonly resultsUnwritable: string;
}

/** A template per count form: [singular, plural] (which counts take the singular: `stylish.singular`). */
export type CountedTemplate = readonly [string, string];

export interface CliNotes {
  /** Frames a warning: `{place}` is `file`, `file:line:column` or `wsclose`; `{message}`. */
  readonly warningAt: string;
  /** Frames a note, as warningAt. */
  readonly noteAt: string;
  /** Locale of numbers (digit grouping, decimal point). */
  readonly numberLocale: string;
  /** `{value}`: a number of megabytes. */
  readonly megabytes: string;
  /** `--project` names no file; `{project}` as given. */
  readonly tsconfigMissing: string;
  /** `{pattern}` matches no file; then noFilesMatchHint. */
  readonly noFilesMatch: string;
  readonly noFilesMatchHint: string;
  /** `{pattern}`: every file it matches is ignored. */
  readonly allIgnored: string;
  /** `{folder}`: a node_modules folder holding project code, left unchecked. */
  readonly skippedNodeModules: string;
  /** `{size}` > `{limit}` (megabytes). */
  readonly tooLarge: string;
  /** Which fix was dropped: `{ruleId}`; or one of a directive finding. */
  readonly fixOfRule: string;
  readonly fixOfDirective: string;
  /** `{fix}` (fixOfRule / fixOfDirective) would leave the file unparsable; with TypeScript's `{reason}` and `{code}`. */
  readonly fixDropped: string;
  readonly fixDroppedBecause: string;
  /** `{passes}`: fixes still changed files after that many passes. */
  readonly fixesUnstable: string;
  readonly notFixedChanged: string;
  /** `{error}`: why the file could not be written. */
  readonly notFixedWrite: string;
  /** `{encoding}`: UTF-8 or UTF-16. */
  readonly invalidEncoding: string;
  readonly notInProgram: string;
  /** `{file}`: the cache; `{reason}`: one of the cache reasons below. */
  readonly cacheIgnored: string;
  readonly cacheNotUpdated: string;
  /** `{error}`. */
  readonly cacheUnreadable: string;
  readonly cacheNotJson: string;
  readonly cacheForeign: string;
  /** `{version}`, `{format}`. */
  readonly cacheOtherVersion: string;
  /** `{error}`. */
  readonly cacheUnwritable: string;
  /** `{count}`, `{file}`. */
  readonly baselineRecorded: CountedTemplate;
  /** `{count}`, `{file}`; the entries follow, one a line. */
  readonly baselineUnmatched: CountedTemplate;
  /** `{file}` as given, `{error}`. */
  readonly baselineWriteFailed: string;
  readonly reportWriteFailed: string;
  /** `{max}`. */
  readonly tooManyWarnings: string;
  /** `{version}`, `{message}`. */
  readonly internalError: string;
}

/** The template for a count: singular or plural as the locale says. */
export function countedTemplate(text: CliText, count: number, forms: CountedTemplate): string {
  return text.stylish.singular.includes(count) ? forms[0] : forms[1];
}

/** "3 problems", "1 erreur", "0 avertissement". */
export function counted(text: CliText['stylish'], noun: 'problem' | 'error' | 'warning', count: number): string {
  const [one, many] = text.nouns[noun];
  return `${count} ${text.singular.includes(count) ? one : many}`;
}

/** "a, b or c" in the locale's words. */
export function listOr(text: CliArgsText, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return renderTemplate(text.listOr, { items: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}
