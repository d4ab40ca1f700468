// Command-line parsing (node:util parseArgs, strict) and the usage text. Returns what to do;
// every usage problem is a CliError (exit code 2).
import { parseArgs } from 'node:util';
import { RULE_IDS, isRuleId } from '../core/finding';
import type { RuleId, Severity } from '../core/finding';
import { closestName } from '../core/text/did-you-mean';
import { CliError } from './cli-error';
import { FORMAT_NAMES, isFormatName } from './formatters';
import type { FormatName } from './formatters';
import { parseExplainArgs, type ExplainCliOptions } from './explain';
import { argumentErrorMessage, unknownOptionOf } from './argument-errors';
import { localeOfArguments } from './locale';
import { parseShard } from './shard';
import { cliText, usage } from './text';
import { listOr, type CliArgsText } from './text/cli-text';
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import type { Shard } from './shard';
import type { CacheStrategy } from './cache-store';

export interface CliOptions {
  /** Files, directories and glob patterns; `['.']` when none were given. */
  readonly patterns: readonly string[];
  readonly config: string | undefined;
  readonly project: string | undefined;
  readonly rules: ReadonlyArray<{ readonly ruleId: RuleId; readonly severity: Severity }>;
  /** False with --no-ignore. */
  readonly ignore: boolean;
  readonly format: FormatName;
  /** -o, --output-file: write the report there instead of stdout. */
  readonly outputFile: string | undefined;
  readonly quiet: boolean;
  /** -1: no limit. */
  readonly maxWarnings: number;
  /** --color / --no-color; undefined: decide from the environment. */
  readonly color: boolean | undefined;
  /** --fix: write fixes; --fix-dry-run: compute them only. */
  readonly fix: 'write' | 'dry-run' | undefined;
  /** --baseline <file>: report only findings it does not record. */
  readonly baseline: string | undefined;
  /** --baseline-write <file>: record today's findings there. */
  readonly baselineWrite: string | undefined;
  /** --stats: timings and counts on stderr. */
  readonly stats: boolean;
  /** --debug: pre-scan, programs and receiver classification on stderr (also DEBUG=wsclose). */
  readonly debug: boolean;
  /** --locale; undefined: from the environment (LC_ALL, LC_MESSAGES, LANG). */
  readonly locale: Locale | undefined;
  /** --max-file-size: files larger than this many bytes are skipped with a note; 0: no limit. Unset: DEFAULT_MAX_FILE_SIZE. */
  readonly maxFileSize?: number;
  /** --shard i/n: check only the i-th of n deterministic parts of the files. */
  readonly shard?: Shard;
  /** --cache (with --cache-location, --cache-strategy): undefined without --cache. */
  readonly cache?: { readonly location: string | undefined; readonly strategy: CacheStrategy };
}

/** Default of --max-file-size: far above any hand-written source, below the generated bundles that would only slow a run down. */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

export type CliCommand =
  /** `locale`: --locale when given (else the environment decides). */
  | { readonly kind: 'help'; readonly locale: Locale | undefined }
  | { readonly kind: 'version' }
  | { readonly kind: 'lint'; readonly options: CliOptions }
  | { readonly kind: 'print-config'; readonly file: string; readonly options: CliOptions }
  | { readonly kind: 'explain-help'; readonly locale: Locale }
  | { readonly kind: 'explain'; readonly options: ExplainCliOptions };

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  project: { type: 'string', short: 'p' },
  rule: { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  baseline: { type: 'string' },
  'baseline-write': { type: 'string' },
  stats: { type: 'boolean' },
  'print-config': { type: 'string' },
  debug: { type: 'boolean' },
  locale: { type: 'string' },
  shard: { type: 'string' },
  'max-file-size': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'cache-strategy': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The English help (`wsclose --help` in other locales: text/index.ts usage()). */
export const USAGE = usage('en');

const SEVERITIES: Readonly<Record<string, Severity>> = { off: 'off', warn: 'warn', error: 'error', '0': 'off', '1': 'warn', '2': 'error' };

/**
 * `environmentLocale` words the problems until the command line's own --locale is known (it is
 * read first, so every other problem is worded in it).
 */
export function parseCliArgs(argv: readonly string[], environmentLocale: Locale = 'en'): CliCommand {
  const messageLocale = localeOfArguments(argv, environmentLocale);
  const text = cliText(messageLocale).args;
  const fail = (template: string, data: Readonly<Record<string, string | number>> = {}): CliError => new CliError(renderTemplate(template, data));
  // A subcommand is only ever the first argument: \`wsclose ./explain\` checks a folder of that name.
  if (argv[0] === 'explain') {
    const options = parseExplainArgs(argv.slice(1), messageLocale);
    return options === undefined ? { kind: 'explain-help', locale: messageLocale } : { kind: 'explain', options };
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(unknownOptionMessage(error, text) ?? argumentErrorMessage(error, messageLocale, 'wsclose --help'));
  }
  const { values, positionals } = parsed;
  const locale = values.locale === undefined ? undefined : messageLocale;
  if (values.help) return { kind: 'help', locale };
  if (values.version) return { kind: 'version' };
  if (values.color && values['no-color']) throw fail(text.optionsConflict, { first: '--color', second: '--no-color' });
  const strategy = values['cache-strategy'] ?? 'metadata';
  if (strategy !== 'metadata' && strategy !== 'content') throw fail(text.invalidCacheStrategy, { value: strategy });
  if (values.fix && values['fix-dry-run']) throw fail(text.optionsConflict, { first: '--fix', second: '--fix-dry-run' });
  if (values.baseline !== undefined && values['baseline-write'] !== undefined) throw fail(text.baselineConflict);

  const shard = values.shard === undefined ? undefined : parseShard(values.shard, messageLocale);
  if (shard !== undefined && (values.baseline !== undefined || values['baseline-write'] !== undefined)) throw fail(text.shardWithBaseline);

  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) throw fail(text.invalidFormat, { format, formats: listOr(text, FORMAT_NAMES) });
  const nonEmpty = (value: string | undefined, option: string): string | undefined => {
    if (value !== undefined && value.trim() === '') throw fail(text.needsPath, { option });
    return value;
  };

  const options: CliOptions = {
    patterns: positionals.length > 0 ? positionals : ['.'],
    config: nonEmpty(values.config, '--config'),
    project: nonEmpty(values.project, '--project'),
    rules: (values.rule ?? []).map((rule) => parseRuleOverride(rule, text)),
    ignore: !values['no-ignore'],
    format,
    outputFile: nonEmpty(values['output-file'], '--output-file'),
    quiet: values.quiet ?? false,
    maxWarnings: parseMaxWarnings(values['max-warnings'], text),
    color: values.color ? true : values['no-color'] ? false : undefined,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined,
    baseline: nonEmpty(values.baseline, '--baseline'),
    baselineWrite: nonEmpty(values['baseline-write'], '--baseline-write'),
    stats: values.stats ?? false,
    debug: values.debug ?? false,
    locale,
    ...(shard !== undefined ? { shard } : {}),
    ...(values['max-file-size'] !== undefined ? { maxFileSize: parseMaxFileSize(values['max-file-size'], text) } : {}),
    // As in ESLint, --cache-location and --cache-strategy without --cache do nothing.
    ...(values.cache ? { cache: { location: nonEmpty(values['cache-location'], '--cache-location'), strategy } } : {}),
  };
  const printConfigFile = nonEmpty(values['print-config'], '--print-config');
  return printConfigFile !== undefined ? { kind: 'print-config', file: printConfigFile, options } : { kind: 'lint', options };
}

/** An unknown option of the main command, with the closest one or the list of all; undefined for other problems. */
function unknownOptionMessage(error: unknown, text: CliArgsText): string | undefined {
  const option = unknownOptionOf(error);
  if (option === undefined) return undefined;
  const visible = Object.keys(OPTIONS);
  const suggestion = option.startsWith('--') ? closestName(option.slice(2), visible) : undefined;
  return suggestion !== undefined
    ? renderTemplate(text.unknownOptionDidYouMean, { option, suggestion })
    : renderTemplate(text.unknownOption, { option, options: visible.map((name) => `--${name}`).join(', ') });
}

function parseRuleOverride(value: string, text: CliArgsText): { ruleId: RuleId; severity: Severity } {
  const separator = value.lastIndexOf(':');
  if (separator < 0) throw new CliError(renderTemplate(text.invalidRule, { value }));
  const name = value.slice(0, separator).trim();
  const level = value.slice(separator + 1).trim();
  if (!isRuleId(name)) {
    const suggestion = closestName(name, RULE_IDS);
    throw new CliError(suggestion !== undefined ? renderTemplate(text.unknownRuleDidYouMean, { name, suggestion }) : renderTemplate(text.unknownRule, { name, rules: RULE_IDS.join(', ') }));
  }
  const severity = SEVERITIES[level.toLowerCase()];
  if (severity === undefined) throw new CliError(renderTemplate(text.invalidSeverity, { level, name }));
  return { ruleId: name, severity };
}

function parseMaxFileSize(value: string, text: CliArgsText): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb?|mb?)?$/i.exec(value.trim());
  if (!match) throw new CliError(renderTemplate(text.invalidMaxFileSize, { value }));
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  return Math.round(Number(match[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1));
}

function parseMaxWarnings(value: string | undefined, text: CliArgsText): number {
  if (value === undefined) return -1;
  if (!/^(?:\d+|-1)$/.test(value.trim())) throw new CliError(renderTemplate(text.invalidMaxWarnings, { value }));
  return Number(value.trim());
}
