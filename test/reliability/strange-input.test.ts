// Strange input through the real CLI (dist/cli.js) on files generated in a gitignored scratch
// folder inside the repository: every case ends with a per-file message or a sensible skip, and
// the other files of the run are still checked — never a crash of the whole run (exit code 2 with
// "internal error") and never a hang (each run has a timeout).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runLint } from '../../server/src/cli/run';
import { MAX_FILE_SIZE } from '../../server/src/lsp/linting';
import { DEFAULT_MAX_FILE_SIZE } from '../../server/src/cli/args';
import { ONE_FINDING, parseRun, runCli, scratch, summarize, writeFile } from './helpers';
import type { JsonResult } from './helpers';

const root = scratch('strange');
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A folder with the strange file(s) and one ordinary file with exactly one finding. */
function caseDir(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(root, name);
  for (const [relative, content] of Object.entries(files)) writeFile(dir, relative, content);
  writeFile(dir, 'ok.ts', ONE_FINDING);
  return dir;
}

async function jsonRun(dir: string, args: readonly string[] = ['.']): Promise<{ results: JsonResult[]; stderr: string; summary: string[] }> {
  const run = await runCli(dir, ['--format', 'json', ...args]);
  const results = parseRun(run);
  return { results, stderr: run.stderr, summary: summarize(results, dir) };
}

const okFinding = 'ok.ts:2:10 reserved-code';

describe('strange input: the CLI checks what it can and says what it cannot', () => {
  it('syntax errors: the file is checked as far as TypeScript recovers', async () => {
    const dir = caseDir('syntax', {
      'broken.ts': 'declare const ws: WebSocket;\nfunction ( {{{ ]]] class 1x = => ;\nws.close(1006);\nlet = = =;\n',
      'garbage.js': ')))}}}]]] @@@ #!/bin ### <<<>>> \\u{110000} \u0000\n',
    });
    const { summary } = await jsonRun(dir);
    assert.ok(summary.includes(okFinding), summary.join('\n'));
    assert.ok(summary.includes('broken.ts:3:10 reserved-code'), `a finding after the syntax errors is still reported:\n${summary.join('\n')}`);
  });

  it('unterminated strings, templates, comments and regular expressions', async () => {
    const dir = caseDir('unterminated', {
      'string.ts': "declare const ws: WebSocket;\nws.close(1006, 'never closed\n",
      'template.ts': 'declare const ws: WebSocket;\nws.close(1006, `open ${ws.url\n',
      'comment.js': '/* never closed\nws.close(1006)\n',
      'regexp.js': 'const r = /never closed\nws.close(1006)\n',
    });
    const { summary } = await jsonRun(dir);
    assert.ok(summary.includes(okFinding), summary.join('\n'));
  });

  it('deep nesting (10,000 parentheses, a.b.c… chains of 10,000, nested functions): a fatal message for that file only', async () => {
    const dir = caseDir('nesting', {
      'parens.ts': `declare const ws: WebSocket;\nws.close(1006);\nconst v = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n`,
      'chain.ts': `declare const ws: WebSocket;\nws.close(1006);\nconst v = (globalThis as any)${'.b'.repeat(10_000)};\n`,
      'close-chain.js': `a${'.b'.repeat(10_000)}.close(1006);\n`,
      'functions.js': `${'(function(){'.repeat(5_000)}x.close(1006);${'})()'.repeat(5_000)}\n`,
      'arrays.js': `const ws = new WebSocket('wss://x');\nws.close(1006, ${'['.repeat(10_000)}${']'.repeat(10_000)});\n`,
    });
    const { results, summary } = await jsonRun(dir);
    assert.ok(summary.includes(okFinding), summary.join('\n'));
    for (const name of ['parens.ts', 'chain.ts', 'close-chain.js', 'functions.js']) {
      const result = results.find((r) => path.basename(r.filePath) === name);
      assert.ok(result, name);
      assert.equal(result.messages.length, 1, `${name}: ${JSON.stringify(result.messages)}`);
      assert.match(result.messages[0]!.message, /nested too deeply/);
      assert.equal(result.messages[0]!.fatal, true);
    }
  });

  it('a 20 MB minified bundle is skipped with a note (configurable with --max-file-size)', async () => {
    const parts = ['var ws=new WebSocket("wss://x");'];
    for (let n = 0; parts.join('').length < 20 * 1024 * 1024; ) {
      const chunk: string[] = [];
      for (let i = 0; i < 2000; i++, n++) chunk.push(`function f${n}(a,b){var c=a+b*${n};if(c>${n}){return [c,"s${n}",{k:c}]}return a.end?a.end(c):b;}`);
      parts.push(chunk.join(''));
    }
    parts.push('ws.close(1006);');
    const dir = caseDir('bundle', { 'dist/bundle.min.js': parts.join('') });
    // Found by walking the folder: a note on stderr; the other files are checked.
    const walked = await jsonRun(dir);
    assert.deepEqual(walked.summary, [okFinding]);
    assert.match(walked.stderr, /dist[\\/]bundle\.min\.js: note: File skipped because it is larger than --max-file-size \(20 MB > 4 MB\)/);
    // Named on the command line: a warning in the results, as ESLint reports an ignored file.
    const named = await jsonRun(dir, ['dist/bundle.min.js', 'ok.ts']);
    assert.deepEqual(named.summary, ['dist/bundle.min.js:0:0 note', okFinding].sort());
    assert.match(named.results.find((r) => r.filePath.endsWith('bundle.min.js'))!.messages[0]!.message, /--max-file-size 0/);
    // A lower limit skips the ordinary file too; an invalid value is a usage error.
    const lower = await jsonRun(dir, ['--max-file-size', '10', 'ok.ts']);
    assert.deepEqual(lower.summary, ['ok.ts:0:0 note']);
    const invalid = await runCli(dir, ['--max-file-size', 'lots', 'ok.ts']);
    assert.equal(invalid.exitCode, 2);
    assert.match(invalid.stderr, /Invalid --max-file-size "lots"/);
    assert.equal(DEFAULT_MAX_FILE_SIZE, MAX_FILE_SIZE, 'the language server skips the same files');
  });

  it('binary files with a .js name', async () => {
    const random = Buffer.alloc(64 * 1024);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24; // deterministic noise
    const dir = caseDir('binary', {
      'image.js': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random]),
      'zeros.ts': Buffer.alloc(100_000),
      'close-in-binary.js': Buffer.concat([random.subarray(0, 1000), Buffer.from('\nws.close(1006)\n'), random.subarray(1000, 2000)]),
    });
    const { summary } = await jsonRun(dir);
    assert.ok(summary.includes(okFinding), summary.join('\n'));
  });

  it('invalid UTF-8 and lone surrogates', async () => {
    const dir = caseDir('encoding', {
      // Overlong, truncated and surrogate (CESU-8) sequences next to a real finding.
      'invalid-utf8.ts': Buffer.concat([Buffer.from('declare const ws: WebSocket;\nconst s = "'), Buffer.from([0xc0, 0xaf, 0xe2, 0x82, 0xed, 0xa0, 0x80, 0xff]), Buffer.from('";\nws.close(1006);\n')]),
      'lone-surrogate.ts': 'declare const ws: WebSocket;\nws.close(1000, "\uD800 \uDFFF \\uD800");\nws.close(1006);\n',
      'utf16-odd-length.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('declare const ws: WebSocket;\nws.close(1006);\n', 'utf16le'), Buffer.from([0x41])]),
    });
    const { summary } = await jsonRun(dir);
    assert.ok(summary.includes(okFinding), summary.join('\n'));
    assert.ok(summary.includes('invalid-utf8.ts:3:10 reserved-code'), summary.join('\n'));
    assert.ok(summary.includes('lone-surrogate.ts:3:10 reserved-code'), summary.join('\n'));
    assert.ok(summary.includes('utf16-odd-length.ts:2:10 reserved-code'), summary.join('\n'));
  });

  it('CRLF, CR-only and mixed line endings: positions count each as one line break', async () => {
    const lines = ['declare const ws: WebSocket;', '', 'ws.close(1006);', ''];
    const dir = caseDir('eol', {
      'crlf.ts': lines.join('\r\n'),
      'cr.ts': lines.join('\r'),
      'mixed.ts': `${lines[0]}\r\n${lines[1]}\r${lines[2]}\n`,
      'separators.ts': `${lines[0]}\u2028\u2029${lines[2]}\n`,
    });
    const { summary } = await jsonRun(dir);
    for (const name of ['crlf.ts', 'cr.ts', 'mixed.ts', 'separators.ts']) assert.ok(summary.includes(`${name}:3:10 reserved-code`), `${name}\n${summary.join('\n')}`);
  });

  it('byte-order marks: UTF-8, UTF-16LE and UTF-16BE; columns do not count the mark', async () => {
    const text = 'declare const ws: WebSocket;\nws.close(1006);\n';
    const dir = caseDir('bom', {
      'utf8-bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'utf16le.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf16be.ts': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      'two-boms.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    });
    const { summary } = await jsonRun(dir);
    for (const name of ['utf8-bom.ts', 'utf16le.ts', 'utf16be.ts', 'two-boms.ts']) assert.ok(summary.includes(`${name}:2:10 reserved-code`), `${name}\n${summary.join('\n')}`);
  });

  it('empty and whitespace-only files: no messages', async () => {
    const dir = caseDir('empty', { 'empty.ts': '', 'spaces.js': ' \n\t\r\n ', 'bom-only.ts': Buffer.from([0xef, 0xbb, 0xbf]), 'nul.mjs': Buffer.from([0]) });
    const { summary } = await jsonRun(dir);
    assert.deepEqual(summary, [okFinding]);
    const named = await jsonRun(dir, ['empty.ts']);
    assert.deepEqual(named.summary, []);
  });

  it('a file that disappears or becomes unreadable mid-run: a fatal message for it, the others are checked', async () => {
    const dir = caseDir('vanishing', { 'gone.ts': ONE_FINDING, 'locked.ts': ONE_FINDING, 'now-a-folder.ts': ONE_FINDING });
    const isRoot = process.getuid?.() === 0;
    // As root, chmod 000 does not stop reads: inject the failures through runLint's reader instead,
    // after really deleting one file and replacing another by a folder.
    const { results } = runLint(
      { cwd: dir, patterns: ['.'] },
      {
        readSource: (file) => {
          const name = path.basename(file);
          if (name === 'gone.ts') fs.rmSync(file);
          if (name === 'now-a-folder.ts') {
            fs.rmSync(file);
            fs.mkdirSync(file);
          }
          if (name === 'locked.ts') {
            if (isRoot) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
            fs.chmodSync(file, 0o000);
          }
          return fs.readFileSync(file, 'utf8');
        },
      },
    );
    const byName = new Map(results.map((r) => [path.basename(r.filePath), r.messages]));
    assert.match(byName.get('gone.ts')![0]!.message, /^Cannot read the file: ENOENT/);
    assert.match(byName.get('now-a-folder.ts')![0]!.message, /^Cannot read the file: EISDIR/);
    assert.match(byName.get('locked.ts')![0]!.message, /^Cannot read the file: EACCES/);
    assert.deepEqual(byName.get('ok.ts')!.map((m) => m.ruleId), ['reserved-code']);
    fs.rmSync(path.join(dir, 'now-a-folder.ts'), { recursive: true, force: true });
    if (!isRoot) fs.chmodSync(path.join(dir, 'locked.ts'), 0o644);

    // Through the real CLI: a file named on the command line that is gone is a usage error (exit 2, as ESLint).
    const missing = await runCli(dir, ['--format', 'json', 'gone.ts']);
    assert.equal(missing.exitCode, 2);
    assert.match(missing.stderr, /No files matching the pattern "gone\.ts"/);
  });

  it('symbolic link loops: the walk ends, a looping link named on the command line is a clear error', async () => {
    const dir = caseDir('symlinks', { 'src/real.ts': ONE_FINDING });
    fs.symlinkSync('loop-b.ts', path.join(dir, 'loop-a.ts'));
    fs.symlinkSync('loop-a.ts', path.join(dir, 'loop-b.ts'));
    fs.symlinkSync('..', path.join(dir, 'src', 'parent'));
    fs.symlinkSync('.', path.join(dir, 'src', 'self'));
    fs.symlinkSync('real.ts', path.join(dir, 'src', 'link.ts'));
    fs.symlinkSync('does-not-exist.ts', path.join(dir, 'dangling.ts'));
    const { summary } = await jsonRun(dir);
    assert.deepEqual(summary, [okFinding, 'src/link.ts:2:10 reserved-code', 'src/real.ts:2:10 reserved-code'].sort());
    const glob = await jsonRun(dir, ['**/*.ts']);
    assert.deepEqual(glob.summary, summary);
    const loop = await runCli(dir, ['loop-a.ts']);
    assert.equal(loop.exitCode, 2);
    assert.match(loop.stderr, /No files matching the pattern "loop-a\.ts"/);
  });

  it('paths with spaces and unicode: found, reported and globbed; SARIF URIs are percent-encoded', async () => {
    const dir = caseDir('names', { 'with space/ünïcødé 日本/file name 🙂.ts': ONE_FINDING, "quote's & [brackets]/a.ts": ONE_FINDING });
    const { summary } = await jsonRun(dir);
    assert.deepEqual(summary, [okFinding, 'with space/ünïcødé 日本/file name 🙂.ts:2:10 reserved-code', "quote's & [brackets]/a.ts:2:10 reserved-code"].sort());
    const glob = await jsonRun(dir, ['with space/**/*.ts']);
    assert.deepEqual(glob.summary, ['with space/ünïcødé 日本/file name 🙂.ts:2:10 reserved-code']);
    const sarif = await runCli(dir, ['--format', 'sarif', '.']);
    const uris = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }).runs[0]!.results.map(
      (r) => r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    for (const uri of uris) assert.doesNotThrow(() => new URL(uri, 'file:///root/'), uri);
    assert.ok(uris.map((uri) => decodeURIComponent(uri)).includes('with space/ünïcødé 日本/file name 🙂.ts'), uris.join('\n'));
  });
});

describe('the strange-input cases do not slow the ordinary files down', () => {
  let dir: string;
  before(() => {
    dir = caseDir('timing', { 'deep.ts': `const v = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\nx.close(1006);\n` });
  });
  it('finishes in seconds', async () => {
    const run = await runCli(dir, ['--format', 'json', '.'], { timeoutMs: 30_000 });
    parseRun(run);
    assert.ok(run.ms < 30_000, `${run.ms} ms`);
  });
});
