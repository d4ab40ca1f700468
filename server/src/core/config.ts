// Project configuration as the engine consumes it (after wsclose.config.json was parsed and
// validated by engine/config-file.ts, and after CLI/editor overrides were applied).
import type { AppProfileId, ReconnectAdvice, RuntimeId } from '../registry/types';
import type { RuleId, Severity } from './finding';

/** Options per rule. Rules without options use `{}`. */
export interface RuleOptions {
  readonly 'reason-too-long': { readonly checkUnboundedReasons: boolean };
}

export type OptionsOf<R extends RuleId> = R extends keyof RuleOptions ? RuleOptions[R] : Record<string, never>;

export interface RuleSetting<R extends RuleId = RuleId> {
  readonly severity: Severity;
  readonly options: OptionsOf<R>;
}

/** A private close code the app declares for itself (usually 4000–4999). */
export interface ConfiguredCode {
  readonly code: number;
  readonly name: string;
  readonly description?: string;
  readonly reconnect?: ReconnectAdvice;
}

/** Runtime overrides per glob, relative to the directory of the config file. */
export interface RuntimeOverride {
  readonly pattern: string;
  readonly runtime: RuntimeId;
}

export interface ResolvedConfig {
  /** Absolute directory the globs are relative to (the config file's folder, or the cwd). */
  readonly baseDir: string;
  /** Path of the config file this came from, if any. */
  readonly configFile?: string;
  readonly rules: { readonly [R in RuleId]: RuleSetting<R> };
  /**
   * App profiles forced on (`true`) or off (`false`) by config. Profiles not mentioned are
   * turned on when the project's package.json depends on one of their packages.
   */
  readonly profiles: Readonly<Partial<Record<AppProfileId, boolean>>>;
  readonly codes: readonly ConfiguredCode[];
  readonly runtimes: readonly RuntimeOverride[];
  readonly ignore: readonly string[];
  /** Report unused/unknown `wsclose-disable` directives, and how loudly. */
  readonly reportUnusedDirectives: Severity;
}
