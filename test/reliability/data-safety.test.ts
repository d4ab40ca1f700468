// Data safety of --fix beyond test/cli/fix.test.ts: files whose bytes would not survive decoding
// (invalid UTF-8) are never written; files deleted or replaced by a folder right before the write
// are left alone; CR-only and mixed line endings are kept byte for byte outside the fix; no
// temporary file is left behind.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runLint } from '../../server/src/cli/run';
import { parseRun, runCli, scratch, writeFile } from './helpers';

const root = scratch('data-safety');
after(() => fs.rmSync(root, { recursive: true, force: true }));

// reason-without-code has a safe fix: the code 1000 in place of `undefined`.
const FIXABLE = 'declare const ws: WebSocket;\nws.close(undefined, "bye");\n';

describe('--fix never loses or corrupts data', () => {
  it('a file with invalid UTF-8 is not written (its bytes would change outside the fix)', async () => {
    const dir = path.join(root, 'invalid-utf8');
    const bytes = Buffer.concat([Buffer.from('const s = "'), Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(`";\n${FIXABLE}`)]);
    const file = writeFile(dir, 'a.ts', bytes);
    const valid = writeFile(dir, 'b.ts', FIXABLE);
    const run = await runCli(dir, ['--fix', '--format', 'json', '.']);
    parseRun(run);
    assert.deepEqual(fs.readFileSync(file), bytes);
    assert.match(run.stderr, /a\.ts: warning: not fixed: .*not valid UTF-8/);
    assert.equal(fs.readFileSync(valid, 'utf8'), FIXABLE.replace('undefined', '1000'), 'the valid file is fixed');
  });

  it('CR-only and mixed line endings are kept; no temporary file is left', async () => {
    const dir = path.join(root, 'eol');
    const cr = writeFile(dir, 'cr.ts', FIXABLE.replace(/\n/g, '\r'));
    const mixed = writeFile(dir, 'mixed.ts', `// one\r\n// two\r${FIXABLE}`);
    fs.chmodSync(mixed, 0o640);
    parseRun(await runCli(dir, ['--fix', '--format', 'json', '.']));
    assert.equal(fs.readFileSync(cr, 'utf8'), FIXABLE.replace(/\n/g, '\r').replace('undefined', '1000'));
    assert.equal(fs.readFileSync(mixed, 'utf8'), `// one\r\n// two\r${FIXABLE.replace('undefined', '1000')}`);
    assert.equal(fs.statSync(mixed).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['cr.ts', 'mixed.ts']);
  });

  it('a file deleted or replaced by a folder right before the write is left alone', () => {
    const dir = path.join(root, 'vanishing');
    const gone = writeFile(dir, 'gone.ts', FIXABLE);
    const folder = writeFile(dir, 'folder.ts', FIXABLE);
    const kept = writeFile(dir, 'kept.ts', FIXABLE);
    const { warnings } = runLint(
      { cwd: dir, patterns: ['.'], fix: 'write' },
      {
        beforeWrite: (file) => {
          if (file === gone) fs.rmSync(gone);
          if (file === folder) {
            fs.rmSync(folder);
            fs.mkdirSync(folder);
            fs.writeFileSync(path.join(folder, 'inside.txt'), 'keep me');
          }
        },
      },
    );
    assert.ok(!fs.existsSync(gone));
    assert.equal(fs.readFileSync(path.join(folder, 'inside.txt'), 'utf8'), 'keep me');
    assert.equal(fs.readFileSync(kept, 'utf8'), FIXABLE.replace('undefined', '1000'));
    assert.ok(warnings.some((w) => /^gone\.ts: warning: not fixed: the file changed on disk/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /^folder\.ts: warning: not fixed/.test(w)), warnings.join('\n'));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['folder.ts', 'kept.ts']);
  });
});
