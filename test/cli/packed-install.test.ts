// The install path the README documents before the package is published: `npm pack`, then the
// tarball installed into an empty folder as a user would (dependencies from the npm registry or
// npm's cache). The installed `wsclose` checks a file and `wsclose-language-server --version`
// answers: what is in the tarball (package.json "files", "bin") is enough to run both.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../harness/paths';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the packed tarball, installed into an empty folder', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-packed-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('installs, and its wsclose and wsclose-language-server run', { timeout: 300_000 }, () => {
    const npm = (args: string[], cwd: string) => {
      const run = spawnSync(NPM, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
      assert.equal(run.status, 0, `npm ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
      return run.stdout;
    };
    // dist/ is built by `pretest`; --ignore-scripts keeps `prepare` from building it again.
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], REPO_ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const tarball = path.join(scratch, packed[0]!.filename);
    const files = packed[0]!.files.map((f) => f.path);
    for (const needed of ['dist/cli.js', 'dist/language-server.js', 'wsclose.schema.json', 'README.md']) assert.ok(files.includes(needed), `${needed} is in the tarball`);
    assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('node_modules/')), 'no tests or dependencies in the tarball');

    const project = path.join(scratch, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'packed-install-check', private: true }));
    npm(['install', '--prefer-offline', '--no-save', '--ignore-scripts', tarball], project);
    fs.writeFileSync(path.join(project, 'client.ts'), 'declare const socket: WebSocket;\nsocket.close(1006);\n');

    const bin = (name: string) => path.join(project, 'node_modules', '.bin', name);
    const lint = spawnSync(bin('wsclose'), ['--format', 'json', 'client.ts'], { cwd: project, encoding: 'utf8' });
    assert.equal(lint.status, 1, lint.stderr);
    const results = JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
    assert.deepEqual(results.flatMap((r) => r.messages.map((m) => `${m.line} ${m.ruleId}`)), ['2 reserved-code']);

    const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
    const server = spawnSync(bin('wsclose-language-server'), ['--version'], { cwd: project, encoding: 'utf8' });
    assert.equal(server.status, 0, server.stderr);
    assert.match(server.stdout, new RegExp(version.replaceAll('.', '\\.')));
  });
});
