// --shard i/n: every file is in exactly one shard, the split does not depend on the OS's path
// separator, and the merged json and sarif outputs of all shards equal a single run's (the built
// CLI, dist/cli.js, as CI jobs run it), over the example app (two tsconfigs) and a CLI fixture.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseCliArgs } from '../../server/src/cli/args';
import { CliError } from '../../server/src/cli/cli-error';
import { expandInputs } from '../../server/src/cli/files';
import { inShard, parseShard, shardOfFile } from '../../server/src/cli/shard';
import { REPO_ROOT } from '../harness/paths';
import { CLI, CLI_FIXTURES } from './harness';

interface Result {
  readonly filePath: string;
  readonly messages: readonly unknown[];
}

interface Sarif {
  readonly runs: ReadonlyArray<{ results: unknown[]; invocations: Array<{ toolExecutionNotifications: unknown[] }>; tool: unknown }>;
}

const runs = new Map<string, { stdout: string; stderr: string; status: number | null }>();

/** Runs the built CLI in the repository root (each distinct command once per test file). */
function cli(args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const key = JSON.stringify(args);
  const cached = runs.get(key);
  if (cached) return cached;
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(run.status === 0 || run.status === 1, `wsclose ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  const outcome = { stdout: run.stdout, stderr: run.stderr, status: run.status };
  runs.set(key, outcome);
  return outcome;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedJson = (items: readonly unknown[]): string[] => items.map((item) => JSON.stringify(item)).sort(byKey);

const TARGETS = [
  { target: 'examples', counts: [2, 3] },
  { target: path.relative(REPO_ROOT, path.join(CLI_FIXTURES, 'ts-project')), counts: [3] },
];

describe('--shard', () => {
  it('parses i/n and rejects what is not a part of a whole', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.deepEqual(parseShard(' 1 / 1 '), { index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '2', '1/2/3', 'a/b', '-1/2', '']) assert.throws(() => parseShard(bad), CliError, bad);
    const command = parseCliArgs(['--shard', '3/5', 'src']);
    assert.equal(command.kind, 'lint');
    assert.deepEqual(command.kind === 'lint' ? command.options.shard : undefined, { index: 3, count: 5 });
    assert.throws(() => parseCliArgs(['--shard', '1/2', '--baseline', 'b.json']), /--shard cannot be used with --baseline/);
    assert.throws(() => parseCliArgs(['--shard', '1/2', '--baseline-write', 'b.json']), /--shard cannot be used with --baseline/);
  });

  it('puts every file in exactly one shard, by its path relative to the working directory', () => {
    const files = expandInputs(['examples', 'test/fixtures/cli'], REPO_ROOT).flatMap((input) => input.files.map((file) => file.path));
    assert.ok(files.length > 10);
    for (const count of [1, 2, 3, 7]) {
      const sizes = new Array<number>(count).fill(0);
      for (const file of files) {
        const owners = Array.from({ length: count }, (_, k) => k + 1).filter((index) => inShard(file, REPO_ROOT, { index, count }));
        assert.equal(owners.length, 1, `${file} in shards ${owners.join(', ')} of ${count}`);
        sizes[owners[0]! - 1]!++;
      }
      if (count <= 3) assert.ok(sizes.every((size) => size > 0), `every shard of ${count} gets files: ${sizes.join(', ')}`);
    }
    // The same relative path gives the same shard wherever the checkout is.
    const relative = path.join('examples', 'server', 'src', 'index.ts');
    assert.equal(shardOfFile(path.join('/a/b', relative), '/a/b', 5), shardOfFile(path.join('/c', relative), '/c', 5));
  });

  for (const { target, counts } of TARGETS) {
    for (const count of counts) {
      it(`${target}: the ${count} shards' merged json equals a single run's`, () => {
        const single = JSON.parse(cli([target, '--format', 'json']).stdout) as Result[];
        const parts = Array.from({ length: count }, (_, k) => JSON.parse(cli([target, '--format', 'json', '--shard', `${k + 1}/${count}`]).stdout) as Result[]);
        // No file in two shards, and at least two shards did some work.
        const paths = parts.flat().map((result) => result.filePath);
        assert.equal(new Set(paths).size, paths.length);
        assert.ok(parts.filter((part) => part.length > 0).length >= 2, `shards: ${parts.map((part) => part.length).join(', ')}`);
        const merged = parts.flat().sort((a, b) => byKey(a.filePath, b.filePath));
        assert.deepEqual(merged, single);
        assert.ok(single.some((result) => result.messages.length > 0), 'the target has findings');
      });

      it(`${target}: the ${count} shards' merged sarif equals a single run's`, () => {
        const single = JSON.parse(cli([target, '--format', 'sarif']).stdout) as Sarif;
        const parts = Array.from({ length: count }, (_, k) => JSON.parse(cli([target, '--format', 'sarif', '--shard', `${k + 1}/${count}`]).stdout) as Sarif);
        for (const part of parts) assert.deepEqual(part.runs[0]!.tool, single.runs[0]!.tool);
        assert.deepEqual(sortedJson(parts.flatMap((part) => part.runs[0]!.results)), sortedJson(single.runs[0]!.results));
        assert.deepEqual(
          sortedJson(parts.flatMap((part) => part.runs[0]!.invocations[0]!.toolExecutionNotifications)),
          sortedJson(single.runs[0]!.invocations[0]!.toolExecutionNotifications),
        );
        assert.ok(single.runs[0]!.results.length > 0);
      });
    }
  }

  it('exit codes: a shard without errors exits 0 even when another shard has errors', () => {
    const target = 'examples';
    const statuses = [1, 2, 3].map((index) => cli([target, '--format', 'json', '--shard', `${index}/3`]));
    const withErrors = statuses.map((run) => (JSON.parse(run.stdout) as Array<{ errorCount: number }>).some((result) => result.errorCount > 0));
    statuses.forEach((run, k) => assert.equal(run.status, withErrors[k] ? 1 : 0));
    assert.ok(withErrors.includes(true));
  });
});
