// Which configuration applies to each file: the --config file for all, or the nearest
// wsclose.config.json upward (looked up once per folder, each file parsed once), with the
// --rule overrides on top; and the app profiles from the nearest package.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config';
import type { RuleId, Severity } from '../core/finding';
import { activeAppProfiles, applyRuleOverrides, defaultConfig, dependenciesOf, findConfigFile, parseConfigText } from '../engine/config-file';
import type { ConfigProblem } from '../engine/config-file';
import { RULE_DEFAULTS } from '../engine/rule-defaults';
import type { AppProfileId } from '../registry/types';
import { CliError } from './cli-error';

export interface ConfigResolverOptions {
  readonly cwd: string;
  /** --config, as given. */
  readonly configFile: string | undefined;
  readonly overrides: ReadonlyArray<{ readonly ruleId: RuleId; readonly severity: Severity }>;
  /** Shows a path in messages (relative to the cwd when inside it). */
  readonly displayPath: (file: string) => string;
}

export class ConfigResolver {
  private readonly byConfigFile = new Map<string, ResolvedConfig | undefined>();
  private readonly configFileByDir = new Map<string, string | undefined>();
  private readonly packageJsonByDir = new Map<string, string | undefined>();
  private readonly profiles = new Map<string, AppProfileId[]>();
  private readonly problems: ConfigProblem[] = [];
  private readonly forced: string | undefined;
  private fallback: ResolvedConfig | undefined;

  constructor(private readonly options: ConfigResolverOptions) {
    if (options.configFile !== undefined) {
      const file = path.resolve(options.cwd, options.configFile);
      if (!isFile(file)) throw new CliError(`Cannot read config file "${options.configFile}": no such file.`);
      this.forced = file;
    }
  }

  /** The config for a file; undefined when that config file has problems (see throwIfProblems). */
  configFor(file: string): ResolvedConfig | undefined {
    const configFile = this.forced ?? this.nearestConfigFile(path.dirname(file));
    if (configFile === undefined) {
      this.fallback ??= applyRuleOverrides(defaultConfig(this.options.cwd, RULE_DEFAULTS), this.options.overrides);
      return this.fallback;
    }
    if (!this.byConfigFile.has(configFile)) this.byConfigFile.set(configFile, this.load(configFile));
    return this.byConfigFile.get(configFile);
  }

  /** Loads the --config file right away, so its problems are reported even when no file is checked. */
  preload(): void {
    if (this.forced !== undefined && !this.byConfigFile.has(this.forced)) this.byConfigFile.set(this.forced, this.load(this.forced));
  }

  /** Config problems found so far, as `file:line:column: message` lines (exit code 2). */
  throwIfProblems(): void {
    if (this.problems.length === 0) return;
    throw new CliError(this.problems.map((p) => `${this.options.displayPath(p.file)}:${p.line}:${p.column}: ${p.message}`));
  }

  /** App profiles for a file: from the package.json nearest to its config file's folder (or its own folder). */
  appProfilesFor(config: ResolvedConfig, file: string): AppProfileId[] {
    const start = config.configFile !== undefined ? path.dirname(config.configFile) : path.dirname(file);
    const packageJson = this.nearest(this.packageJsonByDir, start, 'package.json');
    const key = `${config.configFile ?? ''}\0${packageJson ?? ''}`;
    let profiles = this.profiles.get(key);
    if (!profiles) {
      profiles = activeAppProfiles(config, dependenciesOf(packageJson !== undefined ? readOrEmpty(packageJson) : '{}'));
      this.profiles.set(key, profiles);
    }
    return profiles;
  }

  private load(configFile: string): ResolvedConfig | undefined {
    let text: string;
    try {
      text = fs.readFileSync(configFile, 'utf8');
    } catch (error) {
      this.problems.push({ file: configFile, line: 1, column: 1, endLine: 1, endColumn: 1, message: `Cannot read the config file: ${errorText(error)}` });
      return undefined;
    }
    const { config, problems } = parseConfigText(text, configFile, RULE_DEFAULTS);
    this.problems.push(...problems);
    return config ? applyRuleOverrides(config, this.options.overrides) : undefined;
  }

  private nearestConfigFile(dir: string): string | undefined {
    const cached = this.configFileByDir.get(dir);
    if (cached !== undefined || this.configFileByDir.has(dir)) return cached;
    const found = findConfigFile(dir, isFile);
    this.configFileByDir.set(dir, found);
    return found;
  }

  private nearest(cache: Map<string, string | undefined>, dir: string, name: string): string | undefined {
    if (cache.has(dir)) return cache.get(dir);
    const candidate = path.join(dir, name);
    const parent = path.dirname(dir);
    const found = isFile(candidate) ? candidate : parent === dir ? undefined : this.nearest(cache, parent, name);
    cache.set(dir, found);
    return found;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '{}';
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
