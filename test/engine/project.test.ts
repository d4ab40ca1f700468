// Project loading: narrowing a program's roots to the files that can matter must not change a
// single finding (compared with the full program on the example app and every fixture project).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { defaultConfig } from '../../server/src/engine/config-file';
import { lintSourceFile } from '../../server/src/engine/lint-file';
import { createInferredProject, findTsconfig, loadTsconfigProject } from '../../server/src/engine/project';
import { RULE_DEFAULTS } from '../../server/src/engine/rule-defaults';
import { listFixtureProjects } from '../harness/fixture-project';
import { EXAMPLES, PROJECTS } from '../harness/paths';

const config = defaultConfig(EXAMPLES, RULE_DEFAULTS);

function findingsByFile(tsconfig: string, narrowRoots: boolean): Map<string, string[]> {
  const project = loadTsconfigProject(tsconfig, ts.sys, undefined, { narrowRoots });
  const result = new Map<string, string[]>();
  for (const fileName of project.fileNames) {
    const sourceFile = project.program.getSourceFile(fileName);
    const findings = sourceFile ? lintSourceFile(project.program, sourceFile, { config }) : [];
    result.set(fileName, findings.map((f) => `${f.ruleId} ${f.start}-${f.end} ${f.message}`));
  }
  return result;
}

const tsconfigs = [
  path.join(EXAMPLES, 'server', 'tsconfig.json'),
  path.join(EXAMPLES, 'web', 'tsconfig.json'),
  ...listFixtureProjects().map((name) => path.join(PROJECTS, name, 'tsconfig.json')),
];

describe('narrowed program roots', () => {
  for (const tsconfig of tsconfigs) {
    it(`same findings with and without narrowing: ${path.relative(path.dirname(EXAMPLES), tsconfig)}`, () => {
      assert.deepEqual(findingsByFile(tsconfig, true), findingsByFile(tsconfig, false));
    });
  }
  it('leaves out modules that cannot contain a close-like call', () => {
    const tsconfig = path.join(EXAMPLES, 'server', 'tsconfig.json');
    const narrowed = loadTsconfigProject(tsconfig, ts.sys, undefined, { narrowRoots: true });
    const full = loadTsconfigProject(tsconfig, ts.sys, undefined, { narrowRoots: false });
    assert.ok(narrowed.program.getRootFileNames().length < full.program.getRootFileNames().length);
  });
});

describe('project discovery', () => {
  it('finds the nearest tsconfig.json', () => {
    const file = path.join(EXAMPLES, 'web', 'src', 'chat-client.ts');
    assert.equal(findTsconfig(file, ts.sys), path.join(EXAMPLES, 'web', 'tsconfig.json').replace(/\\/g, '/'));
  });
  it('reports tsconfig problems as diagnostics instead of throwing', () => {
    const host = { ...ts.sys, readFile: (f: string) => (f.endsWith('broken/tsconfig.json') ? '{ "compilerOptions": { "strict": tru' : ts.sys.readFile(f)) };
    const project = loadTsconfigProject('/nonexistent/broken/tsconfig.json', host);
    assert.ok(project.configDiagnostics.length > 0);
  });
  it('an inferred project types loose JavaScript with the installed @types', () => {
    const file = path.join(PROJECTS, 'plain-js-typed', 'src', 'bridge.js');
    const project = createInferredProject([file], ts.sys);
    assert.ok(project.program.getSourceFile(file));
    assert.ok(project.program.getSourceFiles().some((f) => f.fileName.includes('/node_modules/@types/ws/')), "require('ws') resolves to @types/ws");
  });
});
