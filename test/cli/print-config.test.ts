// --print-config <file>: the configuration a run would use for a file, on a fixture with nested
// configs (a root wsclose.config.json and one in packages/app that replaces it there), each with
// its own package.json and tsconfig. Golden files; regenerate with UPDATE_GOLDEN=1 and review them.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertGolden, runCli } from './harness';

interface Printed {
  file: string;
  configFile: string | null;
  configSource: string;
  tsconfig: string | null;
  tsconfigSource: string;
  ignored: boolean;
  rules: Record<string, unknown>;
  appProfiles: Array<{ id: string; active: boolean; reason: string; dependency?: string }>;
  runtimeOverride: string | null;
}

async function printed(args: string[]): Promise<Printed> {
  const run = await runCli('nested-config', args);
  assert.equal(run.exitCode, 0, run.stderr);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout) as Printed;
}

const active = (p: Printed): string[] => p.appProfiles.filter((a) => a.active).map((a) => `${a.id}:${a.reason}${a.dependency ? `:${a.dependency}` : ''}`);

describe('--print-config', { concurrency: 4 }, () => {
  for (const [file, golden] of [
    ['src/root.ts', 'print-config-root.json'],
    ['web/page.ts', 'print-config-web.json'],
    ['packages/app/src/app.ts', 'print-config-nested.json'],
  ] as const) {
    it(`${file}: golden`, async () => {
      const run = await runCli('nested-config', ['--print-config', file]);
      assert.equal(run.exitCode, 0, run.stderr);
      assertGolden(golden, run.stdout);
    });
  }

  it('the root config: its rules and options, graphql-ws from package.json, discord-gateway forced by the config', async () => {
    const root = await printed(['--print-config', 'src/root.ts']);
    assert.deepEqual([root.configFile, root.configSource, root.tsconfig, root.tsconfigSource], ['wsclose.config.json', 'nearest', 'tsconfig.json', 'nearest']);
    assert.equal(root.rules['mismatched-code'], 'off');
    assert.deepEqual(root.rules['reason-too-long'], ['warn', { checkUnboundedReasons: false }]);
    assert.deepEqual(active(root), ['graphql-ws:package.json:graphql-ws', 'discord-gateway:config']);
    assert.equal(root.runtimeOverride, null);
  });

  it('the runtime override of a glob', async () => {
    assert.equal((await printed(['--print-config', 'web/page.ts'])).runtimeOverride, 'whatwg');
  });

  it('the nested config replaces the root one: its own rules, profiles from its own package.json, graphql-ws forced off', async () => {
    const nested = await printed(['--print-config', 'packages/app/src/app.ts']);
    assert.deepEqual([nested.configFile, nested.tsconfig], ['packages/app/wsclose.config.json', 'packages/app/tsconfig.json']);
    assert.equal(nested.rules['reserved-code'], 'warn');
    assert.equal(nested.rules['mismatched-code'], 'warn');
    assert.deepEqual(active(nested), ['twitch-eventsub:package.json:@twurple/eventsub-ws']);
    assert.deepEqual(nested.appProfiles.find((a) => a.id === 'graphql-ws'), { id: 'graphql-ws', active: false, reason: 'config', packageJson: 'packages/app/package.json' });
    assert.equal((await printed(['--print-config', 'packages/app/src/generated/x.ts'])).ignored, true);
  });

  it('--config, --project and --rule apply as they would to a run', async () => {
    const forced = await printed(['--print-config', 'packages/app/src/app.ts', '-c', 'wsclose.config.json', '-p', '.', '--rule', 'premature-close:off']);
    assert.deepEqual([forced.configFile, forced.configSource, forced.tsconfig, forced.tsconfigSource], ['wsclose.config.json', '--config', 'tsconfig.json', '--project']);
    assert.equal(forced.rules['premature-close'], 'off');
    assert.equal(forced.rules['mismatched-code'], 'off');
  });

  it('a config with problems: exit code 2 and the problems', async () => {
    const run = await runCli('broken-config', ['--print-config', 'src/a.ts']);
    assert.equal(run.exitCode, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^wsclose\.config\.json:\d+:\d+: /);
  });
});
