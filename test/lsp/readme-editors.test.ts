// The README's Neovim and Emacs snippets, run as written in the editors Debian ships (Neovim 0.7,
// Emacs 28 with elpa-eglot): each snippet is read from the README (between its
// `<!-- editor-snippet: NAME -->` marker and the end of the code block after it), so the README
// cannot drift from what works. `wsclose-language-server` is put on the PATH as an installed
// package would put it. Snippets for newer editors than the machine has are only parsed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { FIXTURES, REPO_ROOT } from '../harness/paths';

const SERVER = path.join(REPO_ROOT, 'dist', 'language-server.js');
const PROJECT = path.join(FIXTURES, 'neovim', 'project');
const CHECKS = path.join(FIXTURES, 'editors');
const required = process.env['WSCLOSE_REQUIRE_EDITORS'] === '1';

function readmeSnippet(readme: string, name: string): string {
  const marker = `<!-- editor-snippet: ${name} -->`;
  const start = readme.indexOf(marker);
  assert.ok(start >= 0, `README has no ${marker}`);
  const block = /^```[a-z]*\n([\s\S]*?)^```$/m.exec(readme.slice(start + marker.length));
  assert.ok(block, `no code block after ${marker}`);
  return block[1]!;
}

function versionOf(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

function skipReason(editor: string, version: string | undefined, install: string): string | false {
  const missing = version === undefined ? `${editor} is not installed (${install})` : !fs.existsSync(SERVER) ? `${SERVER} is not built (npm run build)` : undefined;
  if (missing && required) throw new Error(`WSCLOSE_REQUIRE_EDITORS=1 but ${missing}`);
  return missing ?? false;
}

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-editors-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A PATH on which `wsclose-language-server` runs the built server, as `npm i -g` would install it. */
function pathWithServer(): string {
  const bin = path.join(scratch, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const shim = path.join(bin, 'wsclose-language-server');
  fs.writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${SERVER}" "$@"\n`, { mode: 0o755 });
  return `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`;
}

function writeSnippet(name: string, extension: string): string {
  const file = path.join(scratch, `${name}${extension}`);
  fs.writeFileSync(file, readmeSnippet(readme, name));
  return file;
}

function assertSawFinding(output: string): void {
  assert.match(output, /^DIAG 2(:10)? wsclose .*1001/m, output);
  assert.match(output, /^HOVER .*1001/m, output);
  assert.match(output, /^OK$/m, output);
}

const nvim = versionOf('nvim', ['--version']);
const nvimMinor = Number(/v0\.(\d+)/.exec(nvim ?? '')?.[1] ?? 0);

describe(`README's Neovim snippets (${nvim ?? 'no nvim'})`, { skip: skipReason('nvim', nvim, 'apt-get install -y neovim') }, () => {
  const runSnippet = (name: string) => {
    const result = spawnSync('nvim', ['--headless', '-u', writeSnippet(name, '.lua'), '-c', `luafile ${path.join(CHECKS, 'nvim-check.lua')}`, 'app.ts'], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, PATH: pathWithServer() },
      timeout: 60_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.status, 0, output);
    return output;
  };
  const parses = (name: string) => {
    const file = writeSnippet(name, '.lua');
    const result = spawnSync('nvim', ['--headless', '--clean', '-c', `lua assert(loadfile(${JSON.stringify(file)}))`, '-c', 'qall!'], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  };

  it('the 0.7 snippet starts the server and shows a finding and a hover', { timeout: 70_000 }, () => {
    assertSawFinding(runSnippet('neovim-0.7'));
  });
  it('the 0.8+ snippet runs on 0.8+ and is valid Lua everywhere', { timeout: 70_000 }, () => {
    if (nvimMinor >= 8) assertSawFinding(runSnippet('neovim-0.8'));
    else parses('neovim-0.8');
  });
});

const emacs = versionOf('emacs', ['--version']);

describe(`README's Emacs snippets (${emacs ?? 'no emacs'})`, { skip: skipReason('emacs', emacs, 'apt-get install -y emacs-nox elpa-eglot') }, () => {
  it('the Emacs 28 snippet opens a .ts file in a mode eglot serves and shows a finding and a hover', { timeout: 70_000 }, () => {
    const result = spawnSync('emacs', ['--batch', '-l', writeSnippet('emacs-28', '.el'), '-l', path.join(CHECKS, 'emacs-check.el')], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, PATH: pathWithServer(), WSCLOSE_CHECK_FILE: path.join(PROJECT, 'app.ts') },
      timeout: 60_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.status, 0, output);
    assert.match(output, /^MODE typescript-mode$/m, output);
    assertSawFinding(output);
  });
  it('the Emacs 29+ snippet is valid Emacs Lisp', () => {
    const file = writeSnippet('emacs-29', '.el');
    const readAll = `(with-temp-buffer (insert-file-contents ${JSON.stringify(file)}) (condition-case nil (while t (read (current-buffer))) (end-of-file (message "READ OK"))))`;
    const result = spawnSync('emacs', ['--batch', '-Q', '--eval', readAll], { encoding: 'utf8', timeout: 30_000 });
    assert.match(`${result.stdout}${result.stderr}`, /READ OK/);
  });
});
