// The CLI's view of configuration: the engine's ConfigResolver over the real file system (the
// same resolution as the language server and the ESLint plugin), with every config problem
// collected so the run can stop with exit code 2 listing all of them at once.
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config';
import type { RuleId, Severity } from '../core/finding';
import type { ConfigProblem } from '../engine/config-file';
import { ConfigResolver } from '../engine/config-resolver';
import { nodeConfigHost as host } from '../platform/node-config-host';
import type { AppProfileId, Platform } from '../registry/types';
import type { Locale } from '../registry/locales/catalog';
import { renderTemplate } from '../core/text/render-template';
import { CliError } from './cli-error';
import { cliText } from './text';

export interface CliConfigOptions {
  readonly cwd: string;
  /** --config, as given. */
  readonly configFile: string | undefined;
  readonly overrides: ReadonlyArray<{ readonly ruleId: RuleId; readonly severity: Severity }>;
  /** Shows a path in messages (relative to the cwd when inside it). */
  readonly displayPath: (file: string) => string;
  /** The language of config problems (default: English). */
  readonly locale?: Locale;
}

export class CliConfigs {
  private readonly resolver: ConfigResolver;
  private readonly problems = new Map<string, readonly ConfigProblem[]>();
  private readonly forced: string | undefined;

  constructor(private readonly options: CliConfigOptions) {
    if (options.configFile !== undefined) {
      const file = path.resolve(options.cwd, options.configFile);
      if (!host.isFile(file)) throw new CliError(renderTemplate(cliText(options.locale ?? 'en').configFileMissing, { file: options.configFile }));
      this.forced = file;
    }
    this.resolver = new ConfigResolver(host, { defaultBaseDir: options.cwd, forcedConfigFile: this.forced, overrides: options.overrides, ...(options.locale ? { locale: options.locale } : {}) });
  }

  /** The config for a file; undefined when that config file has problems (see throwIfProblems). */
  configFor(file: string): ResolvedConfig | undefined {
    const configFile = this.resolver.configFileFor(file);
    if (configFile === undefined) return this.resolver.defaultConfig();
    const loaded = this.resolver.load(configFile);
    if (!loaded.config) this.problems.set(configFile, loaded.problems);
    return loaded.config;
  }

  /** Loads the --config file right away, so its problems are reported even when no file is checked. */
  preload(): void {
    if (this.forced !== undefined) this.configFor(this.forced);
  }

  /** Config problems found so far, as `file:line:column: message` lines (exit code 2). */
  throwIfProblems(): void {
    const all = [...this.problems.values()].flat();
    if (all.length === 0) return;
    throw new CliError(all.map((p) => `${this.options.displayPath(p.file)}:${p.line}:${p.column}: ${p.message}`));
  }

  /** App profiles for a file: from the package.json nearest to its config file's folder (or its own folder). */
  appProfilesFor(config: ResolvedConfig, file: string): AppProfileId[] {
    return this.resolver.appProfilesFor(config, file);
  }

  /** The platform a file's package runs on (wrangler/deno config, platform dependencies). */
  platformFor(file: string): Platform | undefined {
    return this.resolver.platformFor(file);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
