// The --cache tests' projects and runs: a project is written to a temporary folder, linted with
// the cache (which files were checked is read from the --debug lines) and without it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { runLint } from '../../server/src/cli/run';
import type { RunOptions } from '../../server/src/cli/run';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-cache-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

let projects = 0;
export function project(files: Record<string, string>): string {
  const root = path.join(temp, `p${projects++}`);
  for (const [name, text] of Object.entries(files)) write(root, name, text);
  return root;
}

export function write(root: string, name: string, text: string): void {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export interface Outcome {
  /** ruleIds per file (relative path), files without findings left out. */
  readonly findings: Record<string, string[]>;
  /** Relative paths the run checked (not from the cache). */
  readonly checked: string[];
  readonly warnings: string[];
}

export function lint(root: string, extra: Partial<RunOptions> = {}, cache = true): Outcome {
  const lines: string[] = [];
  const run = runLint(
    { cwd: root, patterns: ['src'], ...(cache ? { cache: { strategy: 'content', version: 'test' } } : {}), ...extra },
    { debug: (line) => lines.push(line) },
  );
  const findings: Record<string, string[]> = {};
  for (const result of run.results) {
    if (result.messages.length > 0) findings[path.relative(root, result.filePath)] = result.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`);
  }
  const checked = lines.flatMap((line) => /^cache: (.+): checked/.exec(line)?.[1] ?? []).sort();
  return { findings, checked, warnings: run.warnings };
}

/** The cached run, checked against a fresh run of the same files. */
export function lintBoth(root: string, extra: Partial<RunOptions> = {}): Outcome {
  const cached = lint(root, extra);
  assert.deepEqual(cached.findings, lint(root, extra, false).findings, 'cached findings equal fresh ones');
  return cached;
}

