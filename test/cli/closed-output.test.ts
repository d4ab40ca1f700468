// `wsclose … | head`: the reader closes the pipe after the first lines. The CLI must then stop
// writing quietly (no EPIPE stack trace) and exit with the code its findings give, as ESLint does.
// The output is made larger than a pipe's buffer so that the CLI is still writing when the read
// end is destroyed.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI } from './harness';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-closed-output-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

// A loose browser script (the inferred project's DOM WebSocket) with a thousand reserved codes:
// about 1.3 MB of JSON, far above the 64 KiB a pipe holds.
const CALLS = 1000;
fs.writeFileSync(path.join(temp, 'many.js'), `const socket = new WebSocket('wss://chat.example.com');\n${'socket.close(1006);\n'.repeat(CALLS)}`);

interface ClosedRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly bytesRead: number;
  readonly stderr: string;
}

/** Runs the CLI with stdout piped and destroys the read end as soon as the first chunk arrives. */
function runAndCloseEarly(args: readonly string[]): Promise<ClosedRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env['NODE_TEST_CONTEXT'];
    const child = spawn(process.execPath, [CLI, ...args], { cwd: temp, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytesRead = 0;
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      bytesRead = chunk.length;
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, bytesRead, stderr });
    });
  });
}

describe('stdout closed by the reader', () => {
  it('exits 0 without a stack trace when the findings are warnings', async () => {
    const run = await runAndCloseEarly(['--format', 'json', '--rule', 'reserved-code:warn', 'many.js']);
    assert.ok(run.bytesRead > 0, 'the reader got the first chunk');
    assert.equal(run.stderr, '');
    assert.deepEqual([run.exitCode, run.signal], [0, null]);
  });

  it('keeps exit code 1 for errors, still without a stack trace', async () => {
    const run = await runAndCloseEarly(['many.js']);
    assert.ok(run.bytesRead > 0, 'the reader got the first chunk');
    assert.equal(run.stderr, '');
    assert.deepEqual([run.exitCode, run.signal], [1, null]);
  });
});
