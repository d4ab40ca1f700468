// Tsconfigs with the same files and options share one program (engine/shared-programs.ts):
// sharing must not change a single finding, message or piece of evidence. The fixture's
// examples/ and tests/ tsconfigs only extend the root one; what depends on the tsconfig's folder
// (evidence paths relative to it, which files are tests) is read through each tsconfig's view.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { runLint } from '../../server/src/cli/run';
import { isTestFile } from '../../server/src/analysis/socket-flow/test-files';
import { buildProgram, parseTsconfig, SourceFileCache } from '../../server/src/engine/project';
import { programBehind, programSeenFrom, sharedProgramKey } from '../../server/src/engine/shared-programs';
import { EXAMPLES, REPO_ROOT } from '../harness/paths';
import { CLI_FIXTURES } from './harness';

const FIXTURE = path.join(CLI_FIXTURES, 'shared-programs');

function run(cwd: string, sharePrograms: boolean): { results: unknown; programs: number } {
  const output = runLint({ cwd, patterns: ['.'] }, { sharePrograms });
  return { results: output.results, programs: output.stats.counts.programs };
}

describe('shared programs: same results as one program per tsconfig', () => {
  for (const cwd of [FIXTURE, path.join(CLI_FIXTURES, 'solution'), path.join(CLI_FIXTURES, 'ts-project'), EXAMPLES]) {
    it(path.relative(REPO_ROOT, cwd), () => {
      const shared = run(cwd, true);
      const separate = run(cwd, false);
      assert.deepEqual(shared.results, separate.results);
      assert.ok(shared.programs <= separate.programs);
    });
  }

  it('builds one program for the three tsconfigs of the fixture, whose findings rest on their own folders', () => {
    const shared = run(FIXTURE, true);
    assert.equal(shared.programs, 1);
    assert.equal(run(FIXTURE, false).programs, 3);
    const messages = (shared.results as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>).filter((result) => result.messages.length > 0);
    assert.deepEqual(
      messages.map((result) => path.relative(FIXTURE, result.filePath).split(path.sep).join('/')),
      ['examples/forward.js', 'src/relay.js', 'src/server.ts', 'tests/closer.js'],
      'tests/closer.js is a production file of tests/tsconfig.json: the stub in fake.test.js does not silence it',
    );
  });
});

describe('shared programs: key and views', () => {
  const parsed = (relative: string) => parseTsconfig(path.join(FIXTURE, relative), ts.sys);

  it('gives a tsconfig that only extends another the same key, and one that changes an option another', () => {
    const root = sharedProgramKey(parsed('tsconfig.json'), ts.sys);
    assert.equal(sharedProgramKey(parsed('examples/tsconfig.json'), ts.sys), root);
    const stricter = parsed('tsconfig.json');
    assert.notEqual(sharedProgramKey({ ...stricter, options: { ...stricter.options, strict: false } }, ts.sys), root);
    assert.notEqual(sharedProgramKey({ ...stricter, fileNames: stricter.fileNames.slice(1) }, ts.sys), root);
  });

  it('shows the shared program with the viewing tsconfig options, and everything else as it is', () => {
    const root = parsed('tsconfig.json');
    const tests = parsed('tests/tsconfig.json');
    const program = buildProgram(root, ts.sys, new SourceFileCache(), { narrowRoots: false });
    const view = programSeenFrom(program, tests.options);
    const closer = path.join(FIXTURE, 'tests', 'closer.js').split(path.sep).join('/');
    assert.equal(view.getCompilerOptions(), tests.options);
    assert.equal(view.getTypeChecker(), program.getTypeChecker());
    assert.equal(view.getSourceFile(closer), program.getSourceFile(closer));
    assert.equal(programBehind(view), program);
    assert.equal(programBehind(program), program);
    assert.equal(isTestFile(closer, program), true, 'inside the root project, tests/ is a test folder');
    assert.equal(isTestFile(closer, view), false, "inside tests/tsconfig.json's project it is not");
  });
});
