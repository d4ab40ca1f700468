// Security: the CLI and the language server never touch the network, and their output never
// embeds absolute paths outside the checked project. The network check preloads a guard
// (test/fixtures/reliability/network-guard.cjs) that makes sockets, DNS, http(s) and fetch throw
// and records every attempt; where `unshare -n` works (root on Linux), the CLI also runs in a new
// network namespace with no interface but loopback, down.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { CodeActionRequest, DocumentDiagnosticRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { EXAMPLES, FIXTURES, REPO_ROOT } from '../harness/paths';
import { TestClient } from '../lsp/harness';
import { CLI, parseRun, runCli, SERVER } from './helpers';

const GUARD = path.join(FIXTURES, 'reliability', 'network-guard.cjs');
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-network-'));
const LOG = path.join(logDir, 'attempts.log');
after(() => fs.rmSync(logDir, { recursive: true, force: true }));
const attempts = (): string => (fs.existsSync(LOG) ? fs.readFileSync(LOG, 'utf8') : '');
const guarded = { nodeArgs: ['--require', GUARD], env: { WSCLOSE_NETWORK_LOG: LOG } };

describe('no network access', () => {
  it('the guard itself catches an attempt (so that zero attempts means something)', () => {
    const probe = path.join(logDir, 'probe.log');
    const result = spawnSync(process.execPath, ['--require', GUARD, '-e', "require('node:net').connect(80, '192.0.2.1'); fetch('http://example.com').catch(() => {})"], { env: { ...process.env, WSCLOSE_NETWORK_LOG: probe } });
    assert.notEqual(result.status, 0);
    assert.match(fs.readFileSync(probe, 'utf8'), /net\.Socket#connect/);
  });

  it('the CLI on the examples and on every CLI fixture, in every format and with --fix-dry-run', async () => {
    const fixtures = fs.readdirSync(path.join(FIXTURES, 'cli'), { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => path.join(FIXTURES, 'cli', e.name));
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const run = await runCli(EXAMPLES, ['--format', format, '.'], guarded);
      assert.equal(run.exitCode, 1, run.stderr);
    }
    parseRun(await runCli(EXAMPLES, ['--format', 'json', '--fix-dry-run', '--stats', '.'], guarded));
    for (const dir of fixtures) {
      const run = await runCli(dir, ['--format', 'json'], guarded);
      assert.ok([0, 1, 2].includes(run.exitCode), `${dir}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /internal error|network access blocked/, dir);
    }
    assert.equal(attempts(), '');
  });

  it('the language server over stdio: open, diagnostics, hover, code actions, shutdown', async () => {
    const child = spawn(process.execPath, ['--require', GUARD, SERVER, '--stdio'], { cwd: EXAMPLES, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, WSCLOSE_NETWORK_LOG: LOG } });
    const client = new TestClient(child, { workspace: EXAMPLES, pull: true });
    try {
      await client.initialize();
      const uri = await client.open(path.join(EXAMPLES, 'server', 'src', 'index.ts'));
      const { items } = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items: Array<{ range: { start: { line: number; character: number } } }> };
      assert.ok(items.length > 0);
      for (const item of items) {
        await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: item.range.start });
        await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: item.range.start, end: item.range.start }, context: { diagnostics: items as never } });
      }
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
    assert.equal(attempts(), '');
    assert.doesNotMatch(client.logs.join('\n'), /network access blocked/);
  });

  const unshareWorks = spawnSync('unshare', ['-n', 'true']).status === 0;
  it('the CLI in a network namespace without network gives the same results', { skip: unshareWorks ? false : 'unshare -n is not available here (needs root on Linux)' }, () => {
    const args = [CLI, '--format', 'json', '.'];
    const outside = spawnSync(process.execPath, args, { cwd: EXAMPLES, encoding: 'utf8' });
    const inside = spawnSync('unshare', ['-n', process.execPath, ...args], { cwd: EXAMPLES, encoding: 'utf8' });
    assert.equal(inside.status, 1, inside.stderr);
    assert.equal(inside.stdout, outside.stdout);
    assert.equal(inside.stderr, outside.stderr);
    // And really without network: nothing but a loopback interface, down.
    assert.doesNotMatch(execFileSync('unshare', ['-n', 'cat', '/proc/net/dev'], { encoding: 'utf8' }), /^\s*(?!lo:)\w+:/m);
  });
});

describe('output never embeds absolute paths outside the project', () => {
  // The example project takes its `ws` types from the repository's node_modules, outside it.
  const outsideProject = [REPO_ROOT + path.sep + 'node_modules', path.join(REPO_ROOT, 'test'), os.tmpdir(), os.homedir()];

  it('SARIF: relative URIs only; JSON: file paths inside the project, no outside path in any message', async () => {
    const sarif = await runCli(EXAMPLES, ['--format', 'sarif', '.']);
    // The one absolute URI is the project root itself, as %SRCROOT% (what code scanning resolves against).
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }> }> };
    assert.deepEqual(log.runs[0]!.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(EXAMPLES).href}/` } });
    const rest = JSON.stringify({ ...log, runs: log.runs.map((run) => ({ ...run, originalUriBaseIds: undefined })) });
    for (const needle of [REPO_ROOT, 'file://']) assert.ok(!rest.includes(needle), `SARIF contains ${needle}`);
    const uris = [...rest.matchAll(/"uri":"([^"]*)"/g)].map((m) => m[1]!).filter((uri) => !uri.startsWith('http'));
    assert.ok(uris.length > 0);
    for (const uri of uris) assert.ok(!uri.startsWith('/') && !uri.includes('..'), uri);

    const json = parseRun(await runCli(EXAMPLES, ['--format', 'json', '.']));
    for (const result of json) {
      assert.ok(result.filePath.startsWith(EXAMPLES + path.sep), result.filePath); // absolute inside the project, as ESLint
      for (const message of result.messages) for (const outside of [REPO_ROOT, ...outsideProject]) assert.ok(!message.message.includes(outside), message.message);
    }
    for (const format of ['stylish', 'github']) {
      const run = await runCli(EXAMPLES, ['--format', format, '--no-color', '.']);
      // Stylish prints the checked files' absolute paths, as ESLint does: inside the project only.
      const outside = run.stdout.split(EXAMPLES + path.sep).join('').includes(REPO_ROOT);
      assert.ok(!outside, `${format} output names a path outside the project`);
    }
  });
});
