// One resolution of "which settings apply to this file" for every adapter, on a fake file system.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigResolution, type ConfigFileSystem } from '../../server/src/engine/config-resolution';

function fakeFs(files: Record<string, string>): ConfigFileSystem & { files: Record<string, string>; reads: string[] } {
  const reads: string[] = [];
  return {
    files,
    reads,
    isFile: (f) => f in files,
    readFile: (f) => {
      reads.push(f);
      if (!(f in files)) throw new Error('ENOENT');
      return files[f]!;
    },
    stamp: (f) => String(files[f]?.length ?? -1) + (files[f] ?? ''),
  };
}

describe('ConfigResolution', () => {
  it('uses the nearest wsclose.config.json and the package.json next to it', () => {
    const fs = fakeFs({
      '/repo/wsclose.config.json': '{ "rules": { "premature-close": "off" } }',
      '/repo/package.json': '{ "dependencies": { "graphql-ws": "^6" } }',
    });
    const result = new ConfigResolution(fs, { defaultsBaseDir: '/cwd' }).settingsFor('/repo/src/a.ts');
    assert.equal(result.settings?.config.rules['premature-close'].severity, 'off');
    assert.deepEqual(result.settings?.appProfiles, ['graphql-ws']);
    assert.equal(result.settings?.config.baseDir, '/repo');
  });

  it('falls back to defaults with the adapter folder as base, profiles from the file folder', () => {
    const fs = fakeFs({ '/repo/package.json': '{ "devDependencies": { "discord.js": "1" } }' });
    const result = new ConfigResolution(fs, { defaultsBaseDir: '/cwd' }).settingsFor('/repo/src/a.ts');
    assert.equal(result.settings?.config.baseDir, '/cwd');
    assert.deepEqual(result.settings?.appProfiles, ['discord-gateway']);
  });

  it('applies overrides on top of the file config', () => {
    const fs = fakeFs({ '/repo/wsclose.config.json': '{ "rules": { "premature-close": "off" } }' });
    const resolution = new ConfigResolution(fs, { defaultsBaseDir: '/cwd', overrides: [{ ruleId: 'premature-close', severity: 'error' }] });
    assert.equal(resolution.settingsFor('/repo/a.ts').settings?.config.rules['premature-close'].severity, 'error');
  });

  it('returns the problems of an invalid config instead of settings', () => {
    const fs = fakeFs({ '/repo/wsclose.config.json': '{ "rules": { "nope": "off" } }' });
    const result = new ConfigResolution(fs, { defaultsBaseDir: '/cwd' }).settingsFor('/repo/a.ts');
    assert.equal(result.settings, undefined);
    assert.equal(result.problems?.[0]?.file, '/repo/wsclose.config.json');
    assert.equal(result.problems?.[0]?.line, 1);
  });

  it('reports an unreadable forced config with a location', () => {
    const result = new ConfigResolution(fakeFs({}), { defaultsBaseDir: '/cwd', forcedConfigFile: '/x/wsclose.config.json' }).settingsFor('/repo/a.ts');
    assert.match(result.problems?.[0]?.message ?? '', /Cannot read the config file/);
  });

  it('ignore and runtime globs are relative to the config folder', () => {
    const fs = fakeFs({ '/repo/wsclose.config.json': '{ "ignore": ["dist/**"], "runtimes": { "web/**": "browser" } }' });
    const resolution = new ConfigResolution(fs, { defaultsBaseDir: '/cwd' });
    assert.equal(resolution.settingsFor('/repo/dist/a.js').settings?.ignored, true);
    assert.equal(resolution.settingsFor('/repo/web/a.ts').settings?.runtime, 'whatwg');
  });

  it('parses each file once until it changes, and sees changes by stamp', () => {
    const fs = fakeFs({ '/repo/wsclose.config.json': '{}' });
    const resolution = new ConfigResolution(fs, { defaultsBaseDir: '/cwd' });
    resolution.settingsFor('/repo/a.ts');
    resolution.settingsFor('/repo/b.ts');
    assert.equal(fs.reads.filter((f) => f.endsWith('wsclose.config.json')).length, 1);
    fs.files['/repo/wsclose.config.json'] = '{ "rules": { "mismatched-code": "off" } }';
    assert.equal(resolution.settingsFor('/repo/a.ts').settings?.config.rules['mismatched-code'].severity, 'off');
  });

  it('invalidate() forgets folder lookups (a config file appeared)', () => {
    const fs = fakeFs({});
    const resolution = new ConfigResolution(fs, { defaultsBaseDir: '/cwd' });
    assert.equal(resolution.configFileFor('/repo/a.ts'), undefined);
    fs.files['/repo/wsclose.config.json'] = '{}';
    assert.equal(resolution.configFileFor('/repo/a.ts'), undefined);
    resolution.invalidate();
    assert.equal(resolution.configFileFor('/repo/a.ts'), '/repo/wsclose.config.json');
  });
});
