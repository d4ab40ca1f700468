// Which wsclose configuration applies to a file, with caching: the nearest wsclose.config.json
// upward (looked up once per folder, each config file parsed once) or a forced one, rule
// severity overrides on top, the app profiles from the package.json nearest to the config (or
// the file), and the config's per-file settings (ignored, runtime override). File access goes
// through a ConfigHost, so the CLI (real file system) and the language server (same, plus cache
// invalidation when files change) share one resolution and always agree.
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config';
import type { RuleId, Severity } from '../core/finding';
import { APP_PROFILES } from '../registry/apps';
import { PLATFORM_MARKERS } from '../registry/socket-sources';
import type { AppProfileId, Platform, RuntimeId } from '../registry/types';
import { activeAppProfiles, applyRuleOverrides, defaultConfig, dependenciesOf, findConfigFile, parseConfigText, settingsForFile } from './config-file';
import type { ConfigProblem } from './config-file';
import { RULE_DEFAULTS } from './rule-defaults';
import type { Locale } from '../registry/locales/catalog';
import { configMessage } from './config-validate';
import { configText } from './config-text';

export interface ConfigHost {
  /** True for an existing regular file. */
  readonly isFile: (file: string) => boolean;
  /** The file's text; throws (with a message the user can act on) when it cannot be read. */
  readonly readFile: (file: string) => string;
  /**
   * Changes whenever the file changes (e.g. size and mtime). With it, a long-running host (ESLint
   * in an editor) sees edits to config and package.json files without calling clear().
   */
  readonly stamp?: (file: string) => string;
}

export interface ConfigResolverOptions {
  /** Base folder of the default config (used when no config file applies). */
  readonly defaultBaseDir: string;
  /** A config file used for every file (absolute), like the CLI's --config. */
  readonly forcedConfigFile?: string | undefined;
  readonly overrides?: ReadonlyArray<{ readonly ruleId: RuleId; readonly severity: Severity }>;
  /** The language of config problems (default: English); the adapter picks it. */
  readonly locale?: Locale;
}

/** A config file, parsed: `config` is undefined when it has problems. */
export interface LoadedConfig {
  readonly configFile: string;
  readonly config: ResolvedConfig | undefined;
  readonly problems: readonly ConfigProblem[];
}

/** Whether an app profile is on for a file, and what decided it (for --print-config). */
export interface AppProfileDecision {
  readonly id: AppProfileId;
  readonly active: boolean;
  /** `config`: the config's `profiles` forces it; `package.json`: a dependency turns it on; `default`: neither, so off. */
  readonly reason: 'config' | 'package.json' | 'default';
  /** The package.json read (absolute), if there is one. */
  readonly packageJson?: string;
  /** The dependency that turned it on. */
  readonly dependency?: string;
}

/** Everything the engine needs to lint one file, as far as configuration goes. */
export interface FileConfig {
  readonly config: ResolvedConfig;
  readonly appProfiles: readonly AppProfileId[];
  readonly runtimeOverride: RuntimeId | undefined;
  readonly ignored: boolean;
  /** The platform the file's package says it runs on (registry PLATFORM_MARKERS), if it says. */
  readonly platform: Platform | undefined;
}

export class ConfigResolver {
  private readonly loaded = new Map<string, { readonly stamp: string; readonly value: LoadedConfig }>();
  private readonly configFileByDir = new Map<string, string | undefined>();
  private readonly packageJsonByDir = new Map<string, string | undefined>();
  private readonly profiles = new Map<string, AppProfileId[]>();
  private readonly platforms = new Map<string, Platform | undefined>();
  private fallback: ResolvedConfig | undefined;

  constructor(
    private readonly host: ConfigHost,
    private readonly options: ConfigResolverOptions,
  ) {}

  /** The config file that applies to a file (forced or nearest), if any. */
  configFileFor(file: string): string | undefined {
    return this.options.forcedConfigFile ?? this.nearest(this.configFileByDir, path.dirname(file), (dir) => findConfigFile(dir, this.host.isFile));
  }

  /** A config file, parsed once (with the overrides applied). */
  load(configFile: string): LoadedConfig {
    const stamp = this.host.stamp?.(configFile) ?? '';
    const cached = this.loaded.get(configFile);
    if (cached && cached.stamp === stamp) return cached.value;
    const value = this.parse(configFile);
    this.loaded.set(configFile, { stamp, value });
    return value;
  }

  /** The config for a file: the default one when no config file applies; undefined when the one that applies has problems. */
  configFor(file: string): ResolvedConfig | undefined {
    const configFile = this.configFileFor(file);
    return configFile === undefined ? this.defaultConfig() : this.load(configFile).config;
  }

  /** The default config (no config file), with the overrides applied. */
  defaultConfig(): ResolvedConfig {
    this.fallback ??= applyRuleOverrides(defaultConfig(this.options.defaultBaseDir, RULE_DEFAULTS), this.options.overrides ?? []);
    return this.fallback;
  }

  /** App profiles for a file: from the package.json nearest to its config file's folder (or its own folder). */
  appProfilesFor(config: ResolvedConfig, file: string): AppProfileId[] {
    const start = config.configFile !== undefined ? path.dirname(config.configFile) : path.dirname(file);
    const packageJson = this.nearest(this.packageJsonByDir, start, (dir) => this.nearestFile(dir, 'package.json'));
    const key = `${config.configFile ?? ''}\0${packageJson ?? ''}\0${packageJson !== undefined ? (this.host.stamp?.(packageJson) ?? '') : ''}`;
    let profiles = this.profiles.get(key);
    if (!profiles) {
      profiles = activeAppProfiles(config, dependenciesOf(packageJson !== undefined ? this.readOr(packageJson, '{}') : '{}'));
      this.profiles.set(key, profiles);
    }
    return profiles;
  }

  /** Every app profile, on or off for a file, with the reason (the same decision as appProfilesFor). */
  appProfileDecisions(config: ResolvedConfig, file: string): AppProfileDecision[] {
    const start = config.configFile !== undefined ? path.dirname(config.configFile) : path.dirname(file);
    const packageJson = this.nearest(this.packageJsonByDir, start, (dir) => this.nearestFile(dir, 'package.json'));
    const dependencies = dependenciesOf(packageJson !== undefined ? this.readOr(packageJson, '{}') : '{}');
    const where = packageJson !== undefined ? { packageJson } : {};
    return APP_PROFILES.map((profile) => {
      const forced = config.profiles[profile.id];
      if (forced !== undefined) return { id: profile.id, active: forced, reason: 'config', ...where };
      const dependency = profile.packages.find((name) => dependencies.has(name));
      return dependency !== undefined ? { id: profile.id, active: true, reason: 'package.json', ...where, dependency } : { id: profile.id, active: false, reason: 'default', ...where };
    });
  }

  /** Config, app profiles, ignore, runtime override and platform for a file, given the config to use. */
  fileConfig(config: ResolvedConfig, file: string): FileConfig {
    const settings = settingsForFile(config, file);
    return { config, appProfiles: this.appProfilesFor(config, file), runtimeOverride: settings.runtime, ignored: settings.ignored, platform: this.platformFor(file) };
  }

  /**
   * The platform of the package a file belongs to: a wrangler or deno config next to its nearest
   * package.json (or in the file's own folders when there is none), or a platform dependency.
   */
  platformFor(file: string): Platform | undefined {
    const packageJson = this.nearest(this.packageJsonByDir, path.dirname(file), (dir) => this.nearestFile(dir, 'package.json'));
    const dir = packageJson !== undefined ? path.dirname(packageJson) : path.dirname(file);
    const key = `${packageJson ?? dir}\0${packageJson !== undefined ? (this.host.stamp?.(packageJson) ?? '') : ''}`;
    if (this.platforms.has(key)) return this.platforms.get(key);
    const dependencies = dependenciesOf(packageJson !== undefined ? this.readOr(packageJson, '{}') : '{}');
    const marker = PLATFORM_MARKERS.find(
      (m) => m.files.some((name) => (packageJson !== undefined ? this.host.isFile(path.join(dir, name)) : this.nearestFile(dir, name) !== undefined)) || m.packages.some((p) => dependencies.has(p)),
    );
    this.platforms.set(key, marker?.platform);
    return marker?.platform;
  }

  /** Forget everything (a config file, package.json or folder changed). */
  clear(): void {
    this.loaded.clear();
    this.platforms.clear();
    this.configFileByDir.clear();
    this.packageJsonByDir.clear();
    this.profiles.clear();
    this.fallback = undefined;
  }

  private parse(configFile: string): LoadedConfig {
    let text: string;
    try {
      text = this.host.readFile(configFile);
    } catch (error) {
      const message = configMessage(configText(this.options.locale ?? 'en'), 'cannotRead', { error: error instanceof Error ? error.message : String(error) });
      return { configFile, config: undefined, problems: [{ file: configFile, line: 1, column: 1, endLine: 1, endColumn: 1, message }] };
    }
    const { config, problems } = parseConfigText(text, configFile, RULE_DEFAULTS, this.options.locale);
    return { configFile, config: config ? applyRuleOverrides(config, this.options.overrides ?? []) : undefined, problems };
  }

  private nearestFile(dir: string, name: string): string | undefined {
    for (let current = path.normalize(dir); ; current = path.dirname(current)) {
      const candidate = path.join(current, name);
      if (this.host.isFile(candidate)) return candidate;
      if (path.dirname(current) === current) return undefined;
    }
  }

  private nearest(cache: Map<string, string | undefined>, dir: string, find: (dir: string) => string | undefined): string | undefined {
    if (cache.has(dir)) return cache.get(dir);
    const found = find(dir);
    cache.set(dir, found);
    return found;
  }

  private readOr(file: string, fallback: string): string {
    try {
      return this.host.readFile(file);
    } catch {
      return fallback;
    }
  }
}
