// The CI-sized corpus run: a deterministic sample of the installed node_modules and of the
// test262-parser-tests pass/pass-explicit/fail/early cases through the engine in-process (worker
// threads watched for hangs) and a sample through the real CLI. The full sweep of every file is
// `npm run test:corpus` (same script, no --sample). Counts are printed with the test output.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../harness/paths';

const SWEEP = path.join(REPO_ROOT, 'test', 'reliability', 'corpus-sweep.js');

interface Summary {
  corpusFiles: number;
  checked: number;
  skipped: number;
  findings: number;
  perCategory: Record<string, { files: number; findings: number; withParseErrors: number }>;
  maxFileMs: number;
  perFileBoundMs: number;
  crashes: unknown[];
  hangs: unknown[];
  overBound: unknown[];
  unhandledRejections: unknown[];
  missing: unknown[];
  cli: { files: number; failures: string[] };
}

describe('corpus: node_modules and test262-parser-tests (CI sample)', () => {
  it('no crash, no hang, no unhandled rejection, bounded per-file time', { timeout: 180_000 }, async (t) => {
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-corpus-')), 'summary.json');
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [SWEEP, '--sample', '1200', '--cli-sample', '50', '--quiet', '--json', json], { cwd: REPO_ROOT, timeout: 170_000, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: out, stderr: err }),
      );
    });
    t.diagnostic(stdout.trim());
    assert.equal(code, 0, `${stdout}\n${stderr}`);
    const summary = JSON.parse(fs.readFileSync(json, 'utf8')) as Summary;
    fs.rmSync(path.dirname(json), { recursive: true, force: true });
    assert.deepEqual([summary.crashes, summary.hangs, summary.overBound, summary.unhandledRejections, summary.missing, summary.cli.failures], [[], [], [], [], [], []]);
    for (const category of ['node_modules', 'test262/pass', 'test262/pass-explicit', 'test262/fail', 'test262/early']) {
      assert.ok((summary.perCategory[category]?.files ?? 0) > 0, `the sample has ${category} files`);
    }
    assert.ok(summary.perCategory['test262/fail']!.withParseErrors > 0, 'the fail cases really are syntax errors');
    assert.equal(summary.cli.files, 50);
    assert.ok(summary.maxFileMs <= summary.perFileBoundMs);
  });
});
