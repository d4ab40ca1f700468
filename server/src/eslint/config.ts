// Which wsclose settings apply to a file linted by ESLint: the engine's ConfigResolver (the same
// resolution as the CLI and the language server) over the real file system. Config and package.json files are re-read when their size or
// modification time changes, so a long-running ESLint (an editor) sees edits to them.
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config';
import { ConfigResolver } from '../engine/config-resolver';
import { nodeConfigHost as host } from '../platform/node-config-host';
import { configMessage } from '../engine/config-validate';
import { configText } from '../engine/config-text';
import type { Locale } from '../registry/locales/catalog';
import type { AppProfileId, Platform, RuntimeId } from '../registry/types';

export interface FileSettings {
  readonly config: ResolvedConfig;
  readonly appProfiles: readonly AppProfileId[];
  readonly runtime: RuntimeId | undefined;
  readonly platform: Platform | undefined;
  /** The config's `ignore` patterns match the file: the plugin reports nothing for it, as the CLI skips it. */
  readonly ignored: boolean;
}

export class SettingsResolver {
  /** One resolver per ESLint working directory (the default config's globs are relative to it) and locale. */
  private readonly byCwd = new Map<string, ConfigResolver>();

  /** Throws when the applicable wsclose.config.json cannot be read or is invalid (the CLI exits with 2), in `locale`. */
  settingsFor(file: string, cwd: string, locale: Locale = 'en'): FileSettings {
    const key = `${locale}\0${cwd}`;
    let resolver = this.byCwd.get(key);
    if (!resolver) this.byCwd.set(key, (resolver = new ConfigResolver(host, { defaultBaseDir: cwd, locale })));
    const configFile = resolver.configFileFor(file);
    let config = resolver.defaultConfig();
    if (configFile !== undefined) {
      const loaded = resolver.load(configFile);
      if (!loaded.config) {
        const lines = loaded.problems.map((p) => `${displayPath(p.file, cwd)}:${p.line}:${p.column}: ${p.message}`);
        throw new Error(`${configMessage(configText(locale), 'invalidConfig', { file: displayPath(configFile, cwd) })}\n${lines.join('\n')}`);
      }
      config = loaded.config;
    }
    const { appProfiles, runtimeOverride, ignored, platform } = resolver.fileConfig(config, file);
    return { config, appProfiles, runtime: runtimeOverride, ignored, platform };
  }
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
