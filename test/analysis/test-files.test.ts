// Which files are tests, for the socket flow's scope: judged by the path inside the project.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { isTestFile, scopeOf } from '../../server/src/analysis/socket-flow/test-files';

function programAt(configFilePath: string | undefined, currentDirectory = '/repo'): ts.Program {
  const host = ts.createCompilerHost({});
  host.getCurrentDirectory = () => currentDirectory;
  return ts.createProgram({ rootNames: [], options: configFilePath ? { configFilePath } : {}, host });
}

describe('isTestFile', () => {
  const program = programAt('/home/me/test/app/tsconfig.json');
  for (const file of ['src/__tests__/a.js', 'test/server.js', 'tests/a.ts', 'src/a.test.ts', 'src/a.spec.mjs', 'e2e/flow.ts', 'src/x.e2e.js']) {
    it(`${file} is a test`, () => assert.equal(isTestFile(`/home/me/test/app/${file}`, program), true));
  }
  for (const file of ['src/server.js', 'src/testing.js', 'src/contest/a.js', 'lib/attest.ts']) {
    it(`${file} is not (the project itself lives under a folder named test)`, () => assert.equal(isTestFile(`/home/me/test/app/${file}`, program), false));
  }
  it('a file outside the project is not a test of it', () => assert.equal(isTestFile('/elsewhere/test/a.js', program), false));
  it('loose files are judged from the working directory', () => {
    const loose = programAt(undefined, '/repo');
    assert.equal(isTestFile('/repo/test/a.js', loose), true);
    assert.equal(isTestFile('/repo/src/a.js', loose), false);
  });
  it('a query from a test file reads everything; from production, production only', () => {
    assert.equal(scopeOf(ts.createSourceFile('/home/me/test/app/src/a.test.js', '', ts.ScriptTarget.ES2022), program), 'all');
    assert.equal(scopeOf(ts.createSourceFile('/home/me/test/app/src/a.js', '', ts.ScriptTarget.ES2022), program), 'production');
  });
});
