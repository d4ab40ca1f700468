// Which wsclose settings apply to a file linted by ESLint, resolved exactly as the CLI does
// (server/src/cli/config.ts): the nearest wsclose.config.json upward from the file's folder (or the
// defaults, with ESLint's cwd as base), the app profiles from the package.json nearest to that
// config's folder (or to the file's folder), and the file's `ignore` and `runtimes` globs.
// The only place of the plugin that reads files (node:fs). Lookups are cached per folder for the
// life of the process; parsed config files and package.json files are re-read when their size or
// modification time changes, so a long-running ESLint (an editor) sees edits to them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config';
import { activeAppProfiles, CONFIG_FILE_NAME, defaultConfig, dependenciesOf, parseConfigText, settingsForFile } from '../engine/config-file';
import { RULE_DEFAULTS } from '../engine/rule-defaults';
import type { AppProfileId, RuntimeId } from '../registry/types';

export interface FileSettings {
  readonly config: ResolvedConfig;
  readonly appProfiles: readonly AppProfileId[];
  readonly runtime: RuntimeId | undefined;
  /** The config's `ignore` patterns match the file: the plugin reports nothing for it, as the CLI skips it. */
  readonly ignored: boolean;
}

interface Stamped<T> {
  readonly stamp: string;
  readonly value: T;
}

export class SettingsResolver {
  /** Folder → nearest wsclose.config.json / package.json at or above it. */
  private readonly configFileByDir = new Map<string, string | undefined>();
  private readonly packageJsonByDir = new Map<string, string | undefined>();
  private readonly configs = new Map<string, Stamped<ResolvedConfig>>();
  private readonly dependencies = new Map<string, Stamped<ReadonlySet<string>>>();
  private readonly defaults = new Map<string, ResolvedConfig>();

  /** Throws when the applicable wsclose.config.json cannot be read or is invalid (the CLI exits with 2). */
  settingsFor(file: string, cwd: string): FileSettings {
    const configFile = this.nearest(this.configFileByDir, path.dirname(file), CONFIG_FILE_NAME);
    const config = configFile !== undefined ? this.loadConfig(configFile, cwd) : this.defaultFor(cwd);
    const packageJson = this.nearest(this.packageJsonByDir, configFile !== undefined ? path.dirname(configFile) : path.dirname(file), 'package.json');
    const dependencies = packageJson !== undefined ? this.loadDependencies(packageJson) : new Set<string>();
    const { ignored, runtime } = settingsForFile(config, file);
    return { config, appProfiles: activeAppProfiles(config, dependencies), runtime, ignored };
  }

  private defaultFor(cwd: string): ResolvedConfig {
    let config = this.defaults.get(cwd);
    if (!config) {
      config = defaultConfig(cwd, RULE_DEFAULTS);
      this.defaults.set(cwd, config);
    }
    return config;
  }

  private loadConfig(configFile: string, cwd: string): ResolvedConfig {
    const stamp = stampOf(configFile);
    const cached = this.configs.get(configFile);
    if (cached && cached.stamp === stamp) return cached.value;
    const display = displayPath(configFile, cwd);
    let text: string;
    try {
      text = fs.readFileSync(configFile, 'utf8');
    } catch (error) {
      throw new Error(`wsclose: cannot read the config file ${display}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { config, problems } = parseConfigText(text, configFile, RULE_DEFAULTS);
    if (!config) {
      const lines = problems.map((p) => `${displayPath(p.file, cwd)}:${p.line}:${p.column}: ${p.message}`);
      throw new Error(`wsclose: invalid config file ${display}:\n${lines.join('\n')}`);
    }
    this.configs.set(configFile, { stamp, value: config });
    return config;
  }

  private loadDependencies(packageJson: string): ReadonlySet<string> {
    const stamp = stampOf(packageJson);
    const cached = this.dependencies.get(packageJson);
    if (cached && cached.stamp === stamp) return cached.value;
    let text = '{}';
    try {
      text = fs.readFileSync(packageJson, 'utf8');
    } catch {
      // Unreadable: no dependencies, as in the CLI.
    }
    const value = dependenciesOf(text);
    this.dependencies.set(packageJson, { stamp, value });
    return value;
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

function stampOf(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
