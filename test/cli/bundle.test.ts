// The bundles reach TypeScript with `import ts = require('typescript')` (esbuild.mjs): one module
// object, not a copy per module. Nothing else may change: the bundled CLI reports exactly what the
// same code compiled by tsc (with TypeScript's own import interop) reports in-process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runLint } from '../../server/src/cli/run';
import { EXAMPLES, REPO_ROOT } from '../harness/paths';
import { CLI, CLI_FIXTURES } from './harness';

const summary = (results: ReadonlyArray<{ filePath: string; messages: ReadonlyArray<object> }>): string => JSON.stringify(results.map((result) => [result.filePath, result.messages]));

describe('bundles: TypeScript required once', () => {
  it('has no per-module interop copy of TypeScript in the CLI bundle', () => {
    const bundle = fs.readFileSync(CLI, 'utf8');
    assert.doesNotMatch(bundle, /__toESM\(require\("typescript"\)\)/);
    assert.match(bundle, /require\("typescript"\)/);
  });

  for (const cwd of [EXAMPLES, path.join(CLI_FIXTURES, 'shared-programs')]) {
    it(`reports what the in-process run reports: ${path.relative(REPO_ROOT, cwd)}`, () => {
      const run = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const bundled = JSON.parse(run.stdout) as Array<{ filePath: string; messages: object[] }>;
      assert.ok(bundled.some((result) => result.messages.length > 0), 'the project has findings to compare');
      assert.equal(summary(bundled), summary(runLint({ cwd, patterns: ['.'] }).results as never));
    });
  }
});
