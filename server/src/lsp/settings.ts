// Editor settings (section `wsclose`), read per resource with `workspace/configuration` and cached
// per URI until `workspace/didChangeConfiguration` clears the cache. Clients without
// `workspace/configuration` push their settings with didChangeConfiguration instead. Project
// behaviour (rules' options, codes, runtimes…) stays in wsclose.config.json.
import type { Connection } from 'vscode-languageserver';
import { isRuleId } from '../core/finding';
import type { RuleId, Severity } from '../core/finding';
import type { Logger } from '../engine/project-service';

export interface Settings {
  readonly enable: boolean;
  readonly run: 'onType' | 'onSave';
  /** `wsclose.rules`: severity overrides on top of wsclose.config.json. */
  readonly rules: ReadonlyArray<{ readonly ruleId: RuleId; readonly severity: Severity }>;
  readonly inlayHints: boolean;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', rules: [], inlayHints: true };

const SEVERITIES: Readonly<Record<string, Severity>> = { off: 'off', warn: 'warn', warning: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

/** Settings from whatever the client sent; anything malformed falls back to the default (and is logged). */
export function normalizeSettings(raw: unknown, log?: (message: string) => void): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const value = raw as Record<string, unknown>;
  const rules: Array<{ ruleId: RuleId; severity: Severity }> = [];
  if (typeof value['rules'] === 'object' && value['rules'] !== null) {
    for (const [ruleId, setting] of Object.entries(value['rules'] as Record<string, unknown>)) {
      const severity = SEVERITIES[String(Array.isArray(setting) ? setting[0] : setting)];
      if (isRuleId(ruleId) && severity !== undefined) rules.push({ ruleId, severity });
      else log?.(`Ignoring the setting wsclose.rules["${ruleId}"]: expected a rule id mapped to "off", "warn" or "error".`);
    }
  }
  const inlay = value['inlayHints'];
  return {
    enable: value['enable'] !== false,
    run: value['run'] === 'onSave' ? 'onSave' : 'onType',
    rules,
    inlayHints: !(typeof inlay === 'object' && inlay !== null && (inlay as Record<string, unknown>)['enabled'] === false),
  };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings pushed with didChangeConfiguration (clients without workspace/configuration). */
  private pushed: unknown;
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly log: Logger,
  ) {}

  get(uri: string): Promise<Settings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.read(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: forget everything; `settings` is the client's push, if any. */
  changed(settings: unknown): void {
    if (typeof settings === 'object' && settings !== null && 'wsclose' in settings) this.pushed = (settings as Record<string, unknown>)['wsclose'];
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async read(uri: string): Promise<Settings> {
    const warn = (message: string): void => {
      if (!this.warned.has(message)) this.log.error(message);
      this.warned.add(message);
    };
    if (!this.canPull()) return normalizeSettings(this.pushed, warn);
    try {
      const [raw] = (await this.connection.workspace.getConfiguration([{ scopeUri: uri, section: 'wsclose' }])) as unknown[];
      return normalizeSettings(raw ?? this.pushed, warn);
    } catch (error) {
      this.cache.delete(uri);
      this.log.error(`Cannot read the settings for ${uri}: ${error instanceof Error ? error.message : String(error)}`);
      return normalizeSettings(this.pushed, warn);
    }
  }
}
