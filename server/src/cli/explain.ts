// `wsclose explain <code> [<code>]`: the registry entry of a code, or the comparison of two, in
// the project's terms (codes its wsclose.config.json names, app profiles its package.json turns
// on). The model and the rendering are the engine's (engine/explain); this file only reads the
// arguments and the configuration of the current folder.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { compareCodes } from '../engine/explain/compare';
import { explainCode, type ExplainOptions } from '../engine/explain/model';
import { renderComparison, renderExplanation } from '../engine/explain/render';
import { explainText } from '../engine/explain/text';
import type { Locale } from '../registry/locales/catalog';
import { CliError } from './cli-error';
import { CliConfigs } from './config';
import { parseLocale } from './locale';
import { argumentErrorMessage } from './argument-errors';
import { cliText } from './text';
import type { CliArgsText } from './text/cli-text';
import { renderTemplate } from '../core/text/render-template';

export const EXPLAIN_FORMATS = ['text', 'json', 'markdown'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

export interface ExplainCliOptions {
  readonly codes: readonly [number] | readonly [number, number];
  readonly format: ExplainFormat;
  /** --locale; undefined: from the environment. */
  readonly locale: Locale | undefined;
  readonly config: string | undefined;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  locale: { type: 'string' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Arguments after `explain`; undefined for --help. Problems are worded in `locale` (the command line's). */
export function parseExplainArgs(argv: readonly string[], locale: Locale = 'en'): ExplainCliOptions | undefined {
  const text = cliText(locale).args;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(argumentErrorMessage(error, locale, 'wsclose explain --help'));
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length < 1 || positionals.length > 2) throw new CliError(text.explainCodeCount);
  const codes = positionals.map((value) => parseCode(value, text));
  const format = values.format ?? 'text';
  if (!(EXPLAIN_FORMATS as readonly string[]).includes(format)) throw new CliError(renderTemplate(text.explainInvalidFormat, { format }));
  return {
    codes: codes.length === 1 ? [codes[0]!] : [codes[0]!, codes[1]!],
    format: format as ExplainFormat,
    locale: values.locale === undefined ? undefined : parseLocale(values.locale, locale),
    config: values.config,
  };
}

function parseCode(value: string, text: CliArgsText): number {
  if (!/^\d{1,5}$/.test(value.trim()) || Number(value) > 65535) throw new CliError(renderTemplate(text.invalidCloseCode, { value }));
  return Number(value);
}

/** The output of `wsclose explain`, in the current folder's configuration. */
export function runExplain(options: ExplainCliOptions, cwd: string, locale: Locale): string {
  const configs = new CliConfigs({ cwd, configFile: options.config, overrides: [], displayPath: (file) => path.relative(cwd, file) || file, locale });
  // The folder's configuration is the one a file directly inside it would get.
  const here = path.join(cwd, 'explain.ts');
  const config = configs.configFor(here);
  configs.throwIfProblems();
  const explainOptions: ExplainOptions = { naming: { configured: config!.codes, appProfiles: configs.appProfilesFor(config!, here) }, locale };
  const labels = explainText(locale);
  const [first, second] = options.codes;
  if (second === undefined || second === first) {
    const explanation = explainCode(first, explainOptions);
    return options.format === 'json' ? JSON.stringify(explanation) : renderExplanation(explanation, labels, options.format);
  }
  const comparison = compareCodes(first, second, explainOptions);
  return options.format === 'json' ? JSON.stringify(comparison) : renderComparison(comparison, labels, options.format);
}
