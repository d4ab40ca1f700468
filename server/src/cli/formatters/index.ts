// The output formats of `--format`. A formatter is a pure function of the results and a context,
// the contract ESLint formatters follow.
import type { Locale } from '../../registry/locales/catalog';
import type { LintResult } from '../results';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatterContext {
  /** Write ANSI colours (stdout is a terminal, or colour was forced). */
  readonly color: boolean;
  /** The working directory of the run. */
  readonly cwd: string;
  /** The text each result's positions refer to, by absolute path (for formats that need more than line/column). */
  readonly sources?: ReadonlyMap<string, string>;
  /** wsclose's version, for formats that name the tool. */
  readonly version?: string;
  /** Language of the words a format adds around the findings (stylish); default en. */
  readonly locale?: Locale;
  /** Columns of the terminal stdout is, for formats that wrap long lines themselves. */
  readonly width?: number;
}

export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  gitlab: formatGitlab,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}
