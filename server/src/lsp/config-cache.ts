// wsclose.config.json for the editor: the engine's ConfigResolver over the real file system (the
// same resolution as the CLI, so both agree), the `wsclose.rules` setting on top, and a broken
// config reported while the server keeps working with the file's last valid version (or the
// defaults): each new set of problems is logged with its locations, and the user is warned once
// until the file is valid again — not on every autosave of a half-edited file. The last valid
// version keeps the project's own codes, so advice never suggests one of them by accident.
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config';
import { applyRuleOverrides, defaultConfig } from '../engine/config-file';
import { ConfigResolver } from '../engine/config-resolver';
import { nodeConfigHost } from '../platform/node-config-host';
import type { FileConfig } from '../engine/config-resolver';
import { RULE_DEFAULTS } from '../engine/rule-defaults';
import { renderTemplate } from '../core/text/render-template';
import type { Settings } from './settings';
import type { Locale } from '../registry/locales/catalog';
import { lspText } from './text';
import type { Logger } from '../engine/project-service';

export interface ConfigCacheEvents extends Logger {
  /** Shows a warning to the user (window/showMessage). */
  warnUser(message: string): void;
}

export class ConfigCache {
  private resolver: ConfigResolver;
  private defaultBaseDir: string;
  /** The locale the resolver words config problems in. */
  private resolverLocale: Locale;
  /** Config file → the problems last logged for it, while it is invalid. */
  private readonly reported = new Map<string, string>();
  /** Config file → its last valid version, used while it is invalid. */
  private readonly lastValid = new Map<string, ResolvedConfig>();
  private readonly withOverrides = new WeakMap<ResolvedConfig, Map<string, ResolvedConfig>>();

  constructor(
    defaultBaseDir: string,
    private readonly events: ConfigCacheEvents,
    /** The client's locale (known after initialize): config problems and the warning are worded in it. */
    private readonly locale: () => Locale = () => 'en',
  ) {
    this.defaultBaseDir = defaultBaseDir;
    this.resolverLocale = locale();
    this.resolver = createResolver(defaultBaseDir, this.resolverLocale);
  }

  /** The folder the default config's globs are relative to (the first workspace folder). */
  setDefaultBaseDir(defaultBaseDir: string): void {
    this.defaultBaseDir = defaultBaseDir;
    this.resolver = createResolver(defaultBaseDir, this.resolverLocale);
  }

  /** Config, app profiles, runtime override and ignore state for a file, with the settings' rule overrides. */
  forFile(file: string, settings: Settings): FileConfig {
    if (this.locale() !== this.resolverLocale) {
      this.resolverLocale = this.locale();
      this.resolver = createResolver(this.defaultBaseDir, this.resolverLocale);
    }
    const configFile = this.resolver.configFileFor(file);
    let config: ResolvedConfig;
    if (configFile === undefined) {
      config = this.resolver.defaultConfig();
    } else {
      const loaded = this.resolver.load(configFile);
      if (loaded.config) {
        config = loaded.config;
        this.reported.delete(configFile);
        this.lastValid.set(configFile, config);
      } else {
        const lastValid = this.lastValid.get(configFile);
        this.report(configFile, loaded.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`), lastValid !== undefined);
        config = lastValid ?? defaultConfig(path.dirname(configFile), RULE_DEFAULTS);
      }
    }
    const base = this.resolver.fileConfig(config, file);
    return { ...base, config: this.override(config, settings) };
  }

  /** A wsclose.config.json or package.json changed. */
  clear(): void {
    this.resolver.clear();
  }

  private report(configFile: string, lines: readonly string[], keptLastValid: boolean): void {
    const key = lines.join('\n');
    const previous = this.reported.get(configFile);
    if (previous === key) return;
    this.reported.set(configFile, key);
    const messages = lspText(this.resolverLocale).invalidConfig;
    const fallback = keptLastValid ? messages.lastValid : messages.defaults;
    this.events.error(`Invalid wsclose config (using ${keptLastValid ? 'its last valid version' : 'the defaults'} until it is fixed):\n${lines.join('\n')}`);
    if (previous !== undefined) return;
    const template = lines.length <= 1 ? messages.one : messages.many;
    this.events.warnUser(renderTemplate(template, { fallback, problem: lines[0] ?? configFile, count: lines.length }));
  }

  private override(config: ResolvedConfig, settings: Settings): ResolvedConfig {
    if (settings.rules.length === 0) return config;
    const key = settings.rules.map((r) => `${r.ruleId}=${r.severity}`).join(',');
    let byKey = this.withOverrides.get(config);
    if (!byKey) this.withOverrides.set(config, (byKey = new Map()));
    let result = byKey.get(key);
    if (!result) byKey.set(key, (result = applyRuleOverrides(config, settings.rules)));
    return result;
  }
}

function createResolver(defaultBaseDir: string, locale: Locale): ConfigResolver {
  return new ConfigResolver(nodeConfigHost, { defaultBaseDir, locale });
}
