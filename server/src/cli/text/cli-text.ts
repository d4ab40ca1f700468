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
}

/** "3 problems", "1 erreur", "0 avertissement". */
export function counted(text: CliText['stylish'], noun: 'problem' | 'error' | 'warning', count: number): string {
  const [one, many] = text.nouns[noun];
  return `${count} ${text.singular.includes(count) ? one : many}`;
}
