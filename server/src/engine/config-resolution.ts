// Which wsclose settings apply to a file, resolved the same way by every adapter (CLI, language
// server, ESLint plugin) so they always agree: the forced config file or the nearest
// wsclose.config.json upward, the adapter's rule overrides on top, the app profiles from the
// package.json nearest to that config (or to the file), and the file's ignore/runtime globs.
// File access is injected; lookups are cached per folder and parsed files per content stamp, so
// a long-running host (an editor) sees edits once it calls `invalidate()` or the stamp changes.
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config';
import type { RuleId, Severity } from '../core/finding';
import type { AppProfileId, RuntimeId } from '../registry/types';
import { CONFIG_FILE_NAME, activeAppProfiles, applyRuleOverrides, defaultConfig, dependenciesOf, parseConfigText, settingsForFile, type ConfigProblem } from './config-file';
import { RULE_DEFAULTS } from './rule-defaults';

export interface ConfigFileSystem {
  isFile(file: string): boolean;
  /** Throws when the file cannot be read. */
  readFile(file: string): string;
  /** Changes whenever the file changes (e.g. size and mtime). Without it, files are read once. */
  stamp?(file: string): string;
}

export interface ConfigResolutionOptions {
  /** Base folder of the default config (no config file found): the adapter's working directory. */
  readonly defaultsBaseDir: string;
  /** One config file for every file (the CLI's --config), absolute. */
  readonly forcedConfigFile?: string;
  readonly overrides?: ReadonlyArray<{ readonly ruleId: RuleId; readonly severity: Severity }>;
}

export interface FileSettings {
  readonly config: ResolvedConfig;
  readonly appProfiles: readonly AppProfileId[];
  readonly runtime: RuntimeId | undefined;
  readonly ignored: boolean;
}

/** Settings for a file, or the problems of the config file that applies to it. */
export type SettingsResult = { readonly settings: FileSettings; readonly problems?: undefined } | { readonly settings?: undefined; readonly problems: readonly ConfigProblem[] };

interface Stamped<T> {
  readonly stamp: string;
  readonly value: T;
}

type Loaded = { readonly config: ResolvedConfig; readonly problems: readonly ConfigProblem[] } | { readonly config?: undefined; readonly problems: readonly ConfigProblem[] };

export class ConfigResolution {
  private readonly nearestByDir = new Map<string, string | undefined>();
  private readonly configs = new Map<string, Stamped<Loaded>>();
  private readonly dependencies = new Map<string, Stamped<ReadonlySet<string>>>();
  private defaults: ResolvedConfig | undefined;

  constructor(
    private readonly fs: ConfigFileSystem,
    private readonly options: ConfigResolutionOptions,
  ) {}

  /** The config file that applies to a file (forced or nearest), if any. */
  configFileFor(file: string): string | undefined {
    return this.options.forcedConfigFile ?? this.nearest(path.dirname(file), CONFIG_FILE_NAME);
  }

  /** A config file parsed and validated (with the overrides applied), cached by stamp. */
  load(configFile: string): Loaded {
    return this.cached(this.configs, configFile, () => {
      let text: string;
      try {
        text = this.fs.readFile(configFile);
      } catch (error) {
        const message = `Cannot read the config file: ${error instanceof Error ? error.message : String(error)}`;
        return { problems: [{ file: configFile, line: 1, column: 1, endLine: 1, endColumn: 1, message }] };
      }
      const { config, problems } = parseConfigText(text, configFile, RULE_DEFAULTS);
      return config ? { config: this.withOverrides(config), problems } : { problems };
    });
  }

  settingsFor(file: string): SettingsResult {
    const configFile = this.configFileFor(file);
    let config: ResolvedConfig;
    if (configFile === undefined) {
      config = this.defaults ??= this.withOverrides(defaultConfig(this.options.defaultsBaseDir, RULE_DEFAULTS));
    } else {
      const loaded = this.load(configFile);
      if (!loaded.config) return { problems: loaded.problems };
      config = loaded.config;
    }
    const packageJson = this.nearest(configFile !== undefined ? path.dirname(configFile) : path.dirname(file), 'package.json');
    const { ignored, runtime } = settingsForFile(config, file);
    return { settings: { config, appProfiles: activeAppProfiles(config, this.dependenciesOf(packageJson)), runtime, ignored } };
  }

  /** Forget folder lookups and parsed files (a config or package.json was created, changed or deleted). */
  invalidate(): void {
    this.nearestByDir.clear();
    this.configs.clear();
    this.dependencies.clear();
    this.defaults = undefined;
  }

  private withOverrides(config: ResolvedConfig): ResolvedConfig {
    return this.options.overrides && this.options.overrides.length > 0 ? applyRuleOverrides(config, this.options.overrides) : config;
  }

  private dependenciesOf(packageJson: string | undefined): ReadonlySet<string> {
    if (packageJson === undefined) return new Set();
    return this.cached(this.dependencies, packageJson, () => {
      try {
        return dependenciesOf(this.fs.readFile(packageJson));
      } catch {
        return new Set<string>(); // unreadable: no dependencies
      }
    });
  }

  private cached<T>(cache: Map<string, Stamped<T>>, file: string, compute: () => T): T {
    const stamp = this.fs.stamp?.(file) ?? '';
    const hit = cache.get(file);
    if (hit && hit.stamp === stamp) return hit.value;
    const value = compute();
    cache.set(file, { stamp, value });
    return value;
  }

  /** The nearest `name` at or above `dir`, cached per (folder, name). */
  private nearest(dir: string, name: string): string | undefined {
    const key = `${name}\0${dir}`;
    if (this.nearestByDir.has(key)) return this.nearestByDir.get(key);
    const candidate = path.join(dir, name);
    const parent = path.dirname(dir);
    const found = this.fs.isFile(candidate) ? candidate : parent === dir ? undefined : this.nearest(parent, name);
    this.nearestByDir.set(key, found);
    return found;
  }
}
