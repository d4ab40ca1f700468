// `wsclose codes`: the map of the close codes a project sends and handles, in its three formats
// (golden files), on a fixture where a ws server and a browser client share named codes.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertGolden, normalize, runCli } from './harness';

const FIXTURE = 'code-map';

interface JsonPlace { file: string; line: number; column: number; runtime?: string }
interface JsonMap { codes: Array<{ code: number; name: string; sent: JsonPlace[]; handled: JsonPlace[] }>; sentNotHandled: number[]; handledNotSent: number[] }

describe('wsclose codes', () => {
  for (const format of ['text', 'json', 'markdown'] as const) {
    it(`--format ${format} matches its golden file`, async () => {
      const run = await runCli(FIXTURE, ['codes', '--format', format]);
      assert.equal(run.exitCode, 0, run.stderr);
      assert.equal(run.stderr, '');
      assertGolden(`codes.${format === 'markdown' ? 'md' : format === 'json' ? 'json' : 'txt'}`, normalize(run.stdout));
    });
  }

  it('json: sent and handled places, and the two lists users act on', async () => {
    const map = JSON.parse((await runCli(FIXTURE, ['codes', '-f', 'json'])).stdout) as JsonMap;
    const policy = map.codes.find((c) => c.code === 1008)!;
    assert.equal(policy.name, 'Policy Violation');
    assert.deepEqual(policy.sent, [{ file: 'src/server.ts', line: 7, column: 18, runtime: 'ws' }]);
    // Handled through a Set of named constants: the place is the lookup.
    assert.deepEqual(policy.handled, [{ file: 'src/client.ts', line: 8, column: 9 }]);
    // Names come from the project's config for its own codes.
    assert.equal(map.codes.find((c) => c.code === 4001)?.name, 'Room Closed');
    assert.deepEqual(map.sentNotHandled, [4001]);
    assert.deepEqual(map.handledNotSent, [1006, 4002]);
  });

  it('limits the map to the given paths', async () => {
    const map = JSON.parse((await runCli(FIXTURE, ['codes', '-f', 'json', 'src/server.ts'])).stdout) as JsonMap;
    assert.deepEqual(map.codes.map((c) => c.code), [1000, 1008, 4001]);
    assert.ok(map.codes.every((c) => c.handled.length === 0));
  });

  it('--help and an unknown format', async () => {
    const help = await runCli(FIXTURE, ['codes', '--help']);
    assert.equal(help.exitCode, 0);
    assert.match(help.stdout, /^wsclose codes \[options\]/);
    const bad = await runCli(FIXTURE, ['codes', '--format', 'sarif']);
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr, /Invalid format "sarif" for wsclose codes: use text, json or markdown\./);
  });
});
