// `wsclose-language-server` run by hand: --help and --version answer on stdout and exit 0; with no
// transport it says so in one line on stderr and exits 2 — never vscode-languageserver's stack trace.
// Runs the built bundle (dist/language-server.js), as a user's PATH would.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseLaunch } from '../../server/src/lsp/launch';
import { REPO_ROOT } from '../harness/paths';

const SERVER = path.join(REPO_ROOT, 'dist', 'language-server.js');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function run(args: readonly string[]) {
  return spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', input: '', timeout: 20_000 });
}

describe('wsclose-language-server arguments', () => {
  it('reads the transports vscode-languageserver reads, and the help and version flags', () => {
    for (const args of [['--stdio'], ['--node-ipc'], ['--socket=6009'], ['--pipe=/tmp/wsclose.sock'], ['--clientProcessId=1', '--stdio']]) {
      assert.deepEqual(parseLaunch(args), { kind: 'serve' }, args.join(' '));
    }
    assert.deepEqual(parseLaunch([]), { kind: 'no-transport' });
    assert.deepEqual(parseLaunch(['--socket=']), { kind: 'no-transport' });
    assert.deepEqual(parseLaunch(['--stdio', '--help']), { kind: 'help' });
    assert.deepEqual(parseLaunch(['-v']), { kind: 'version' });
  });

  it('--version prints the package version', () => {
    const result = run(['--version']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${VERSION}\n`);
  });

  it('--help prints the usage with every transport', () => {
    const result = run(['--help']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^wsclose-language-server ${VERSION.replace(/\./g, '\\.')}\n`));
    for (const flag of ['--stdio', '--node-ipc', '--socket=<port>', '--pipe=<name>', '--version']) assert.ok(result.stdout.includes(flag), flag);
  });

  it('without a transport: one clear line on stderr, exit code 2, no stack trace', () => {
    const result = run([]);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^wsclose-language-server: no transport given; editors start it with --stdio\. See --help\.\n$/);
  });
});
