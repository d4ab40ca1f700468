// wsclose.config.json for the editor: the engine's ConfigResolver over the real file system (the
// same resolution as the CLI, so both agree), the `wsclose.rules` setting on top, and a broken
// config reported once (log with the precise location + one warning message) while the server
// keeps working with the default config.
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
import type { Logger } from './workspace';

export interface ConfigCacheEvents extends Logger {
  /** Shows a warning to the user (window/showMessage). */
  warnUser(message: string): void;
}

export class ConfigCache {
  private resolver: ConfigResolver;
  private defaultBaseDir: string;
  /** The locale the resolver words config problems in. */
  private resolverLocale: Locale;
  /** Config file → the problems last reported for it (each distinct problem set is reported once). */
  private readonly reported = new Map<string, string>();
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
      } else {
        this.report(configFile, loaded.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`));
        config = defaultConfig(path.dirname(configFile), RULE_DEFAULTS);
      }
    }
    const base = this.resolver.fileConfig(config, file);
    return { ...base, config: this.override(config, settings) };
  }

  /** A wsclose.config.json or package.json changed. */
  clear(): void {
    this.resolver.clear();
  }

  private report(configFile: string, lines: readonly string[]): void {
    const key = lines.join('\n');
    if (this.reported.get(configFile) === key) return;
    this.reported.set(configFile, key);
    this.events.error(`Invalid wsclose config (using the defaults until it is fixed):\n${lines.join('\n')}`);
    const messages = lspText(this.resolverLocale).invalidConfig;
    const more = lines.length - 1;
    const template = more <= 0 ? messages.one : more === 1 ? messages.oneMore : messages.many;
    this.events.warnUser(renderTemplate(template, { problem: lines[0] ?? configFile, count: more }));
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
