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
import { parseLocale } from './locale';
import { parseShard } from './shard';
import { usage } from './text';
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
  | { readonly kind: 'explain-help' }
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

export function parseCliArgs(argv: readonly string[]): CliCommand {
  // A subcommand is only ever the first argument: \`wsclose ./explain\` checks a folder of that name.
  if (argv[0] === 'explain') {
    const options = parseExplainArgs(argv.slice(1));
    return options === undefined ? { kind: 'explain-help' } : { kind: 'explain', options };
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(argumentErrorMessage(error));
  }
  const { values, positionals } = parsed;
  const locale = values.locale === undefined ? undefined : parseLocale(values.locale);
  if (values.help) return { kind: 'help', locale };
  if (values.version) return { kind: 'version' };
  if (values.color && values['no-color']) throw new CliError('Options --color and --no-color cannot be used together.');
  const strategy = values['cache-strategy'] ?? 'metadata';
  if (strategy !== 'metadata' && strategy !== 'content') throw new CliError(`Invalid --cache-strategy "${strategy}": use metadata or content.`);
  if (values.fix && values['fix-dry-run']) throw new CliError('Options --fix and --fix-dry-run cannot be used together.');
  if (values.baseline !== undefined && values['baseline-write'] !== undefined) {
    throw new CliError('Options --baseline and --baseline-write cannot be used together: --baseline-write records every finding of the run.');
  }

  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard !== undefined && (values.baseline !== undefined || values['baseline-write'] !== undefined)) {
    throw new CliError('Option --shard cannot be used with --baseline or --baseline-write: a baseline covers every file of a run. Run the baseline without --shard.');
  }

  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) throw new CliError(`Invalid format "${format}": use ${FORMAT_NAMES.slice(0, -1).join(', ')} or ${FORMAT_NAMES[FORMAT_NAMES.length - 1]}.`);

  const options: CliOptions = {
    patterns: positionals.length > 0 ? positionals : ['.'],
    config: nonEmpty(values.config, '--config'),
    project: nonEmpty(values.project, '--project'),
    rules: (values.rule ?? []).map(parseRuleOverride),
    ignore: !values['no-ignore'],
    format,
    outputFile: nonEmpty(values['output-file'], '--output-file'),
    quiet: values.quiet ?? false,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    color: values.color ? true : values['no-color'] ? false : undefined,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined,
    baseline: nonEmpty(values.baseline, '--baseline'),
    baselineWrite: nonEmpty(values['baseline-write'], '--baseline-write'),
    stats: values.stats ?? false,
    debug: values.debug ?? false,
    locale,
    ...(shard !== undefined ? { shard } : {}),
    ...(values['max-file-size'] !== undefined ? { maxFileSize: parseMaxFileSize(values['max-file-size']) } : {}),
    // As in ESLint, --cache-location and --cache-strategy without --cache do nothing.
    ...(values.cache ? { cache: { location: nonEmpty(values['cache-location'], '--cache-location'), strategy } } : {}),
  };
  const printConfigFile = nonEmpty(values['print-config'], '--print-config');
  return printConfigFile !== undefined ? { kind: 'print-config', file: printConfigFile, options } : { kind: 'lint', options };
}

function nonEmpty(value: string | undefined, option: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new CliError(`Option ${option} needs a file path.`);
  return value;
}

function argumentErrorMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? message;
    const visible = Object.keys(OPTIONS);
    const names = visible.map((name) => `--${name}`);
    const suggestion = option.startsWith('--') ? closestName(option.slice(2), visible) : undefined;
    return suggestion !== undefined
      ? `Invalid option '${option}' - perhaps you meant '--${suggestion}'?`
      : `Invalid option '${option}'. Valid options: ${names.join(', ')} (see wsclose --help).`;
  }
  return `${message.replace(/\.?$/, '.')} See wsclose --help.`;
}

function parseRuleOverride(value: string): { ruleId: RuleId; severity: Severity } {
  const separator = value.lastIndexOf(':');
  if (separator < 0) throw new CliError(`Invalid --rule "${value}": write it as <rule-id>:<severity>, e.g. --rule reserved-code:warn.`);
  const name = value.slice(0, separator).trim();
  const level = value.slice(separator + 1).trim();
  if (!isRuleId(name)) {
    const suggestion = closestName(name, RULE_IDS);
    const hint = suggestion !== undefined ? ` Did you mean "${suggestion}"?` : ` Rules: ${RULE_IDS.join(', ')}.`;
    throw new CliError(`Unknown rule "${name}" in --rule.${hint}`);
  }
  const severity = SEVERITIES[level.toLowerCase()];
  if (severity === undefined) {
    throw new CliError(`Invalid severity "${level}" for rule "${name}" in --rule: use off, warn, error, 0, 1 or 2.`);
  }
  return { ruleId: name, severity };
}

function parseMaxFileSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb?|mb?)?$/i.exec(value.trim());
  if (!match) throw new CliError(`Invalid --max-file-size "${value}": use a number of bytes, or of kilobytes or megabytes with kb or mb (e.g. 4mb); 0 for no limit.`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  return Math.round(Number(match[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1));
}

function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  if (!/^(?:\d+|-1)$/.test(value.trim())) throw new CliError(`Invalid --max-warnings "${value}": use a whole number of warnings (0 or more).`);
  return Number(value.trim());
}
