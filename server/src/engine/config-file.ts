// wsclose.config.json: finding it, parsing it (JSON with comments and trailing commas) into a
// ResolvedConfig with precisely located problems, and answering per-file questions from it.
// No file access here: callers pass in text and a `fileExists` function.
import * as path from 'node:path';
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../core/config';
import type { RuleId, Severity } from '../core/finding';
import { APP_PROFILES } from '../registry/apps';
import type { AppProfileId, RuntimeId } from '../registry/types';
import type { Locale } from '../registry/locales/catalog';
import { configMessage, validateConfigTree } from './config-validate';
import { configText } from './config-text';
import type { ConfigText } from './config-text';
import type { RuleDefaults } from './config-validate';

export type { RuleDefaults } from './config-validate';
export { RUNTIME_ALIASES, acceptedRuntimeNames, resolveRuntimeName } from './config-validate';

export const CONFIG_FILE_NAME = 'wsclose.config.json';

/** A problem in a config file. Lines and columns are 1-based, the end is exclusive (as in ESLint). */
export interface ConfigProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

function syntaxMessage(error: ParseError, text: string, catalog: ConfigText): string {
  if (text[error.offset] === "'") return configMessage(catalog, 'singleQuotes');
  const textLength = text.length;
  if (printParseErrorCode(error.error) === 'InvalidSymbol' && error.offset < textLength) {
    const symbol = text.slice(error.offset, error.offset + Math.max(1, error.length));
    return configMessage(catalog, 'unexpectedSymbol', { symbol: JSON.stringify(symbol) });
  }
  const message = catalog.syntax[printParseErrorCode(error.error)];
  // At the very end of the file every error means the same thing to the user: it stopped too early.
  if (error.offset >= textLength) return configMessage(catalog, 'unexpectedEnd', { error: `${message.charAt(0).toLowerCase()}${message.slice(1)}` });
  return `${message}.`;
}

/** Offsets → 1-based line/column (UTF-16 columns, like ESLint and editors). */
function lineTable(text: string): { line: (offset: number) => number; position: (offset: number) => { line: number; column: number } } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */ && text.charCodeAt(i + 1) === 10) continue; // counted at the \n
    if (ch === 10 || ch === 13) starts.push(i + 1);
  }
  const position = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
  return { line: (offset) => position(offset).line, position };
}

/** Parses and validates a config's text; problems are worded in `locale`. */
export function parseConfigText(
  text: string,
  configFile: string,
  defaults: RuleDefaults,
  locale: Locale = 'en',
): { config: ResolvedConfig | undefined; problems: ConfigProblem[] } {
  const catalog = configText(locale);
  const lines = lineTable(text);
  const problem = (offset: number, length: number, message: string): ConfigProblem => {
    const start = lines.position(offset);
    const end = lines.position(offset + length);
    return { file: configFile, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message };
  };

  const errors: ParseError[] = [];
  // A byte-order mark is not JSON; blank it out rather than strip it so offsets stay the same.
  const root = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: true, disallowComments: false });
  const emptyMessage = configMessage(catalog, 'empty');
  const first = errors[0];
  if (first) {
    // Only the first syntax error: the parser's recovery makes later ones mostly echoes of it,
    // and the tree after an error is a guess, so its contents are not validated either.
    if (!root && printParseErrorCode(first.error) === 'ValueExpected' && first.offset >= text.length) {
      return { config: undefined, problems: [problem(0, 0, emptyMessage)] };
    }
    return { config: undefined, problems: [problem(first.offset, first.length, syntaxMessage(first, text, catalog))] };
  }
  if (!root) return { config: undefined, problems: [problem(0, 0, emptyMessage)] };
  const { settings, issues } = validateConfigTree(root, defaults, lines.line, catalog);
  if (issues.length > 0) {
    const problems = [...issues].sort((a, b) => a.offset - b.offset).map((issue) => problem(issue.offset, issue.length, issue.message));
    return { config: undefined, problems };
  }
  return { config: { baseDir: path.dirname(configFile), configFile, ...settings }, problems: [] };
}

/** The configuration used when no wsclose.config.json applies. */
export function defaultConfig(baseDir: string, defaults: RuleDefaults): ResolvedConfig {
  return { baseDir, rules: defaults, profiles: {}, codes: [], runtimes: [], ignore: [], reportUnusedDirectives: 'warn' };
}

/** The nearest wsclose.config.json in `startDir` or one of its ancestors. */
export function findConfigFile(startDir: string, fileExists: (path: string) => boolean): string | undefined {
  for (let dir = path.normalize(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fileExists(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Severity overrides from the command line (`--rule id:severity`); options stay as configured. */
export function applyRuleOverrides(
  config: ResolvedConfig,
  overrides: ReadonlyArray<{ ruleId: RuleId; severity: Severity }>,
): ResolvedConfig {
  if (overrides.length === 0) return config;
  const rules: Record<string, unknown> = { ...config.rules };
  for (const { ruleId, severity } of overrides) rules[ruleId] = { ...config.rules[ruleId], severity };
  return { ...config, rules: rules as unknown as ResolvedConfig['rules'] };
}

interface CompiledGlobs {
  /** In config order; `negated` patterns ("!dist/keep.js") re-include what earlier ones ignored. */
  readonly ignore: ReadonlyArray<{ readonly negated: boolean; readonly matches: (relative: string) => boolean }>;
  readonly runtimes: ReadonlyArray<{ readonly runtime: RuntimeId; readonly matches: (relative: string) => boolean }>;
}

// settingsForFile runs for every file: compile each config's globs once.
const compiledGlobs = new WeakMap<ResolvedConfig, CompiledGlobs>();

function compile(config: ResolvedConfig): CompiledGlobs {
  let compiled = compiledGlobs.get(config);
  if (!compiled) {
    const matcher = (pattern: string): ((relative: string) => boolean) => picomatch(pattern, { dot: true });
    compiled = {
      ignore: config.ignore.map((pattern) => {
        const negated = pattern.startsWith('!') && !pattern.startsWith('!(');
        return { negated, matches: matcher(negated ? pattern.slice(1) : pattern) };
      }),
      runtimes: config.runtimes.map(({ pattern, runtime }) => ({ runtime, matches: matcher(pattern) })),
    };
    compiledGlobs.set(config, compiled);
  }
  return compiled;
}

/** The path of `absoluteFilePath` relative to `baseDir` with `/` separators, or undefined when outside it. */
function relativeToBase(baseDir: string, absoluteFilePath: string): string | undefined {
  const relative = path.relative(baseDir, absoluteFilePath);
  if (relative === '' || path.isAbsolute(relative)) return undefined;
  const segments = relative.split(path.sep);
  if (segments[0] === '..') return undefined;
  return segments.join('/');
}

/** Is the file ignored, and which runtime does the config force for it (the last matching glob wins)? */
export function settingsForFile(
  config: ResolvedConfig,
  absoluteFilePath: string,
): { ignored: boolean; runtime: RuntimeId | undefined } {
  const relative = relativeToBase(config.baseDir, absoluteFilePath);
  if (relative === undefined) return { ignored: false, runtime: undefined };
  const globs = compile(config);
  let ignored = false;
  for (const pattern of globs.ignore) if (pattern.matches(relative)) ignored = !pattern.negated;
  let runtime: RuntimeId | undefined;
  for (const override of globs.runtimes) if (override.matches(relative)) runtime = override.runtime;
  return { ignored, runtime };
}

/** App profiles in effect: forced on/off by config, otherwise on when package.json depends on one of its packages. */
export function activeAppProfiles(config: ResolvedConfig, dependencies: ReadonlySet<string>): AppProfileId[] {
  return APP_PROFILES.filter((profile) => config.profiles[profile.id] ?? profile.packages.some((name) => dependencies.has(name))).map(
    (profile) => profile.id,
  );
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** Package names a package.json depends on, in any dependency field. Invalid JSON gives an empty set. */
export function dependenciesOf(packageJsonText: string): Set<string> {
  const names = new Set<string>();
  let manifest: unknown;
  try {
    manifest = JSON.parse(packageJsonText.replace(/^\uFEFF/, ''));
  } catch {
    return names;
  }
  if (typeof manifest !== 'object' || manifest === null) return names;
  for (const field of DEPENDENCY_FIELDS) {
    const deps: unknown = (manifest as Record<string, unknown>)[field];
    if (typeof deps === 'object' && deps !== null && !Array.isArray(deps)) for (const name of Object.keys(deps)) names.add(name);
  }
  return names;
}
