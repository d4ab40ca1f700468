// --stats (timings per phase and counts on stderr), the progress line (only on a terminal, only
// for long runs, erased at the end).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { execute } from '../../server/src/cli/main';
import { createProgress } from '../../server/src/cli/progress';
import { CLI_FIXTURES, runCli } from './harness';

/** A clock that advances `step` milliseconds each time it is read. */
function steppingClock(step: number): () => number {
  let now = 0;
  return () => (now += step);
}

function inProcess(args: readonly string[], stderrIsTTY: boolean, now: () => number): { exitCode: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const exitCode = execute({
    argv: args,
    cwd: path.join(CLI_FIXTURES, 'ts-project'),
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY,
    now,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { exitCode, stdout, stderr };
}

describe('--stats', () => {
  it('prints timings per phase and counts to stderr', async () => {
    const run = await runCli('ts-project', ['--stats', '-f', 'json']);
    assert.equal(run.exitCode, 1);
    JSON.parse(run.stdout);
    assert.match(
      run.stderr,
      /^wsclose stats:\n {2}discover +\d+\.\d ms\n {2}config +\d+\.\d ms\n {2}programs +\d+\.\d ms\n {2}lint +\d+\.\d ms\n {2}fix +\d+\.\d ms\n {2}format +\d+\.\d ms\n {2}total +\d+\.\d ms\n {2}files 5, programs 2 \(\d+ source files, 0 repeated passes\), findings 9\n$/,
    );
  });

  it('says why a project without WebSocket code reports nothing', async () => {
    const run = await runCli('debug-project', ['--stats', 'src/constants.ts']);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /\n {2}files 1, programs 0 \(0 source files, 0 repeated passes\), findings 0\n {2}no file may contain a WebSocket close\(\) call: nothing needed the type checker\n$/);
  });

  it('adds the fix passes with --fix-dry-run, and the baseline phase with a baseline', () => {
    const baseline = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-stats-')), 'baseline.json');
    const { stderr } = inProcess(['--stats', '--fix-dry-run', '--baseline-write', baseline, 'src/server.ts'], false, steppingClock(1));
    fs.rmSync(path.dirname(baseline), { recursive: true, force: true });
    // The fixed file is linted again in a second program; the baseline then records the 4 findings left.
    assert.match(stderr, /\n {2}fix +\d+\.\d ms\n {2}baseline +\d+\.\d ms\n {2}format +\d+\.\d ms\n/);
    assert.match(stderr, /\n {2}files 1, programs 2 \(\d+ source files, 0 repeated passes\), findings 4, fix passes 2, files fixed 1\n$/);
  });
});

describe('progress', () => {
  it('stays silent when stderr is not a terminal', () => {
    const { stderr } = inProcess(['src/server.ts'], false, steppingClock(1000));
    assert.equal(stderr, '');
  });

  it('draws one line with \\r on a terminal for long runs and erases it at the end', () => {
    const { stderr, exitCode } = inProcess(['src/server.ts', 'src/clean.ts'], true, steppingClock(1000));
    assert.equal(exitCode, 1);
    assert.ok(!stderr.includes('\n'), 'never a new line');
    assert.match(stderr, /\rwsclose: \d+\/2 files checked, \d+\.\d s\u001b\[K/);
    assert.ok(stderr.endsWith('\r\u001b[K'), 'the line is erased at the end');
  });

  it('shows nothing for short runs, and redraws at most every interval', () => {
    const writes: string[] = [];
    let now = 0;
    const progress = createProgress({ isTTY: true, write: (text) => writes.push(text), now: () => now });
    progress.phase('building-programs');
    now = 1500;
    progress.files(1, 3);
    assert.deepEqual(writes, []);
    now = 2500;
    progress.files(2, 3);
    now = 2550;
    progress.files(2, 3);
    now = 2600;
    progress.files(3, 3);
    progress.done();
    assert.deepEqual(writes, ['\rwsclose: 2/3 files checked, 2.5 s\u001b[K', '\rwsclose: 3/3 files checked, 2.6 s\u001b[K', '\r\u001b[K']);
  });
});

