// The shape of the CLI's own text catalogs (help, stylish summary): one per locale. Findings come
// localized from the engine; these are the words around them.

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
  /** A file TypeScript fails on: too deep (`{levels}`: culpritLevels or nothing), or `{error}`. */
  readonly culpritTooDeep: string;
  /** `{depth}`. */
  readonly culpritLevels: string;
  readonly culpritFails: string;
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
