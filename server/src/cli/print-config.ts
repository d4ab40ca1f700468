// `--print-config <file>`: the configuration a run would use for that file, as JSON (like
// ESLint's option of that name): the wsclose.config.json and tsconfig that apply, the rules'
// severities and options, every app profile with what turned it on or off, the runtime override
// and platform, the configured codes and ignore patterns. Paths are relative to the working
// directory. The file need not exist.
import * as path from 'node:path';
import * as ts from 'typescript';
import { RULE_IDS } from '../core/finding';
import type { RuleId, Severity } from '../core/finding';
import { settingsForFile } from '../engine/config-file';
import { ConfigResolver } from '../engine/config-resolver';
import { TsconfigLocator } from '../engine/tsconfig-locator';
import { nodeConfigHost } from '../platform/node-config-host';
import { CliConfigs } from './config';
import type { Locale } from '../registry/locales/catalog';

export interface PrintConfigOptions {
  readonly cwd: string;
  readonly file: string;
  readonly config: string | undefined;
  readonly project: string | undefined;
  readonly rules: ReadonlyArray<{ readonly ruleId: RuleId; readonly severity: Severity }>;
  /** The language of config problems (default: English). */
  readonly locale?: Locale;
}

export function printConfig(options: PrintConfigOptions): string {
  const cwd = path.resolve(options.cwd);
  const shown = (file: string): string => {
    const relative = path.relative(cwd, file);
    return (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
  };
  const file = path.resolve(cwd, options.file);
  const configs = new CliConfigs({ cwd, configFile: options.config, overrides: options.rules, displayPath: shown, ...(options.locale ? { locale: options.locale } : {}) });
  const config = configs.configFor(file);
  configs.throwIfProblems();
  const resolved = config!;
  const resolver = new ConfigResolver(nodeConfigHost, { defaultBaseDir: cwd });
  const settings = settingsForFile(resolved, file);
  const project = options.project !== undefined ? path.resolve(cwd, options.project) : undefined;
  const tsconfig = project !== undefined ? (ts.sys.directoryExists(project) ? path.join(project, 'tsconfig.json') : project) : new TsconfigLocator(ts.sys).tsconfigFor(file);
  const rules = Object.fromEntries(
    RULE_IDS.map((id) => {
      const setting = resolved.rules[id];
      return [id, Object.keys(setting.options).length > 0 ? [setting.severity, setting.options] : setting.severity];
    }),
  );
  const printed = {
    file: shown(file),
    configFile: resolved.configFile !== undefined ? shown(resolved.configFile) : null,
    configSource: options.config !== undefined ? '--config' : resolved.configFile !== undefined ? 'nearest' : 'default',
    tsconfig: tsconfig !== undefined ? shown(tsconfig) : null,
    tsconfigSource: project !== undefined ? '--project' : tsconfig !== undefined ? 'nearest' : 'inferred',
    ignored: settings.ignored,
    rules,
    reportUnusedDirectives: resolved.reportUnusedDirectives,
    appProfiles: resolver.appProfileDecisions(resolved, file).map((d) => ({ ...d, ...(d.packageJson !== undefined ? { packageJson: shown(d.packageJson) } : {}) })),
    runtimeOverride: settings.runtime ?? null,
    platform: configs.platformFor(file) ?? null,
    codes: resolved.codes,
    ignore: resolved.ignore,
  };
  return JSON.stringify(printed, null, 2);
}
