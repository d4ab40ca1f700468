// The editor and the CLI agree: for the same project and config, the language server's
// diagnostics are exactly `wsclose --format json`'s messages (code, range, message, severity).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECTS, REPO_ROOT } from '../harness/paths';
import { LSP_FIXTURES, startClient } from './harness';

interface CliMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

// lazy-imports: receivers and codes typed through imported files left out of the first program
// (engine/lazy-imports.ts), so the server must rebuild its program before answering.
for (const workspace of [path.join(LSP_FIXTURES, 'basic'), path.join(LSP_FIXTURES, 'configured'), path.join(PROJECTS, 'lazy-imports')]) {
  describe(`same diagnostics as the CLI: ${path.basename(workspace)}`, () => {
    it('every file', async () => {
      // Exit code 1: the fixtures have errors on purpose.
      const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', '.'], { cwd: workspace, encoding: 'utf8' });
      assert.equal(cli.status, 1, cli.stderr);
      const results = JSON.parse(cli.stdout) as Array<{ filePath: string; messages: CliMessage[] }>;
      assert.ok(results.some((r) => r.messages.length > 0));
      const { client } = await startClient({ workspace });
      try {
        for (const result of results) {
          const uri = await client.open(result.filePath);
          const diagnostics = await client.diagnostics(uri);
          assert.deepEqual(
            diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
            result.messages.map((m) => ({
              code: m.ruleId ?? 'wsclose-directive',
              severity: m.severity === 2 ? 1 : 2,
              message: m.message,
              range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
            })),
            result.filePath,
          );
        }
        assert.equal(await client.shutdown(), 0);
      } finally {
        client.kill();
      }
    });
  });
}
