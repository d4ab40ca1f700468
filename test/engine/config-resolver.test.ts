// One resolution of "which settings apply to this file" for every adapter, on a fake file system.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigResolver, type ConfigHost } from '../../server/src/engine/config-resolver';

function fakeHost(files: Record<string, string>): ConfigHost & { files: Record<string, string>; reads: string[] } {
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
    stamp: (f) => files[f] ?? '',
  };
}

function settings(resolver: ConfigResolver, file: string) {
  const config = resolver.configFor(file);
  return config && resolver.fileConfig(config, file);
}

describe('ConfigResolver', () => {
  it('uses the nearest wsclose.config.json and the package.json next to it', () => {
    const host = fakeHost({
      '/repo/wsclose.config.json': '{ "rules": { "premature-close": "off" } }',
      '/repo/package.json': '{ "dependencies": { "graphql-ws": "^6" } }',
    });
    const result = settings(new ConfigResolver(host, { defaultBaseDir: '/cwd' }), '/repo/src/a.ts');
    assert.equal(result?.config.rules['premature-close'].severity, 'off');
    assert.deepEqual(result?.appProfiles, ['graphql-ws']);
    assert.equal(result?.config.baseDir, '/repo');
  });

  it('falls back to defaults with the adapter folder as base, profiles from the file folder', () => {
    const host = fakeHost({ '/repo/package.json': '{ "devDependencies": { "discord.js": "1" } }' });
    const result = settings(new ConfigResolver(host, { defaultBaseDir: '/cwd' }), '/repo/src/a.ts');
    assert.equal(result?.config.baseDir, '/cwd');
    assert.deepEqual(result?.appProfiles, ['discord-gateway']);
  });

  it('applies overrides on top of the file config', () => {
    const host = fakeHost({ '/repo/wsclose.config.json': '{ "rules": { "premature-close": "off" } }' });
    const resolver = new ConfigResolver(host, { defaultBaseDir: '/cwd', overrides: [{ ruleId: 'premature-close', severity: 'error' }] });
    assert.equal(resolver.configFor('/repo/a.ts')?.rules['premature-close'].severity, 'error');
  });

  it('returns the problems of an invalid config instead of a config', () => {
    const host = fakeHost({ '/repo/wsclose.config.json': '{ "rules": { "nope": "off" } }' });
    const loaded = new ConfigResolver(host, { defaultBaseDir: '/cwd' }).load('/repo/wsclose.config.json');
    assert.equal(loaded.config, undefined);
    assert.equal(loaded.problems[0]?.file, '/repo/wsclose.config.json');
    assert.equal(loaded.problems[0]?.line, 1);
  });

  it('reports an unreadable forced config with a location', () => {
    const resolver = new ConfigResolver(fakeHost({}), { defaultBaseDir: '/cwd', forcedConfigFile: '/x/wsclose.config.json' });
    assert.equal(resolver.configFileFor('/repo/a.ts'), '/x/wsclose.config.json');
    assert.match(resolver.load('/x/wsclose.config.json').problems[0]?.message ?? '', /Cannot read the config file/);
  });

  it('ignore and runtime globs are relative to the config folder', () => {
    const host = fakeHost({ '/repo/wsclose.config.json': '{ "ignore": ["dist/**"], "runtimes": { "web/**": "browser" } }' });
    const resolver = new ConfigResolver(host, { defaultBaseDir: '/cwd' });
    assert.equal(settings(resolver, '/repo/dist/a.js')?.ignored, true);
    assert.equal(settings(resolver, '/repo/web/a.ts')?.runtimeOverride, 'whatwg');
  });

  it('parses each file once until it changes, and sees changes by stamp', () => {
    const host = fakeHost({ '/repo/wsclose.config.json': '{}' });
    const resolver = new ConfigResolver(host, { defaultBaseDir: '/cwd' });
    resolver.configFor('/repo/a.ts');
    resolver.configFor('/repo/b.ts');
    assert.equal(host.reads.filter((f) => f.endsWith('wsclose.config.json')).length, 1);
    host.files['/repo/wsclose.config.json'] = '{ "rules": { "mismatched-code": "off" } }';
    assert.equal(resolver.configFor('/repo/a.ts')?.rules['mismatched-code'].severity, 'off');
  });

  it('clear() forgets folder lookups (a config file appeared)', () => {
    const host = fakeHost({});
    const resolver = new ConfigResolver(host, { defaultBaseDir: '/cwd' });
    assert.equal(resolver.configFileFor('/repo/a.ts'), undefined);
    host.files['/repo/wsclose.config.json'] = '{}';
    assert.equal(resolver.configFileFor('/repo/a.ts'), undefined);
    resolver.clear();
    assert.equal(resolver.configFileFor('/repo/a.ts'), '/repo/wsclose.config.json');
  });

  it('says which platform a package runs on: wrangler or deno config next to package.json, or a platform dependency', () => {
    const host = fakeHost({
      '/w/package.json': '{}',
      '/w/wrangler.jsonc': '{}',
      '/d/deno.json': '{}',
      '/b/package.json': '{ "devDependencies": { "@types/bun": "1" } }',
      '/n/package.json': '{ "dependencies": { "ws": "8" } }',
    });
    const resolver = new ConfigResolver(host, { defaultBaseDir: '/cwd' });
    assert.equal(resolver.platformFor('/w/src/worker.js'), 'cloudflare');
    assert.equal(resolver.platformFor('/d/src/main.ts'), 'deno', 'a Deno project without package.json');
    assert.equal(resolver.platformFor('/b/index.ts'), 'bun');
    assert.equal(resolver.platformFor('/n/server.js'), undefined, 'nothing says: the program decides');
    assert.equal(settings(resolver, '/w/src/worker.js')?.platform, 'cloudflare');
  });
});
