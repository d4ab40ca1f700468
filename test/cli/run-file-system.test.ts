// A CLI run asks the file system whether each path exists, and where it really is, once
// (cli/run-file-system.ts): module resolution asks the same again for every program and
// lazy pass. The answers are the file system's, and the run sees the same findings.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { runLint } from '../../server/src/cli/run';
import { pathQueriesOnce } from '../../server/src/cli/run-file-system';
import { CLI_FIXTURES } from './harness';

describe('path queries of a run', () => {
  it('asks the file system once per path and query, and answers as it does', () => {
    const asked: string[] = [];
    const system = {
      fileExists: (file: string) => (asked.push(`file ${file}`), file.endsWith('.ts')),
      directoryExists: (folder: string) => (asked.push(`folder ${folder}`), folder === '/p'),
      realpath: (file: string) => (asked.push(`real ${file}`), file.replace('/link/', '/real/')),
    };
    const once = pathQueriesOnce(system);
    for (let i = 0; i < 3; i++) {
      assert.equal(once.fileExists('/p/a.ts'), true);
      assert.equal(once.fileExists('/p/a.js'), false);
      assert.equal(once.directoryExists('/p'), true);
      assert.equal(once.directoryExists('/q'), false);
      assert.equal(once.realpath!('/link/a.ts'), '/real/a.ts');
    }
    assert.deepEqual(asked, ['file /p/a.ts', 'file /p/a.js', 'folder /p', 'folder /q', 'real /link/a.ts']);
    assert.equal(pathQueriesOnce({ fileExists: () => true, directoryExists: () => true }).realpath, undefined, 'no realpath where the system has none');
  });

  it('gives a run the answers of the file system', () => {
    const fixture = path.join(CLI_FIXTURES, 'ts-project');
    const once = pathQueriesOnce();
    for (const file of ['tsconfig.json', 'src/server.ts', 'src/missing.ts', 'src', 'nowhere']) {
      const absolute = path.join(fixture, file);
      assert.equal(once.fileExists(absolute), ts.sys.fileExists(absolute));
      assert.equal(once.directoryExists(absolute), ts.sys.directoryExists(absolute));
    }
    assert.ok(runLint({ cwd: fixture, patterns: ['.'] }).results.some((result) => result.messages.length > 0));
  });
});
