// The CLI checks one program at a time (engine/linter.ts lintGroup): the files that share a program
// are linted together, then the program is released before the next is built, so that a run
// holds one program and checker instead of all of them. The order of the programs and the parsed
// files they share (one parse of a declaration file serves programs of different targets:
// engine/project.ts SourceFileCache) must not change a finding: each file gets what a run over its
// program's files alone gives it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { runLint } from '../../server/src/cli/run';
import { CliConfigs } from '../../server/src/cli/config';
import { Linter } from '../../server/src/engine/linter';
import { SourceFileCache } from '../../server/src/engine/project';
import { ProjectPrograms } from '../../server/src/engine/project-programs';
import { EXAMPLES, REPO_ROOT } from '../harness/paths';
import { CLI_FIXTURES } from './harness';

const SHARED = path.join(CLI_FIXTURES, 'shared-programs');
const SOLUTION = path.join(CLI_FIXTURES, 'solution');
/** An ES2020 tsconfig and the inferred project (ES2022), sharing the parsed @types/ws and @types/node. */
const MIXED_TARGETS = path.join(CLI_FIXTURES, 'mixed-targets');

function programs(project?: string): ProjectPrograms {
  return new ProjectPrograms({ project, host: ts.sys, cache: new SourceFileCache(), onTsconfigProblems: () => {} });
}

describe('program groups', () => {
  it('puts the files of one program together (tsconfigs that share it too), in the order of their first file', () => {
    const files = ['src/server.ts', 'examples/demo.ts', 'tests/use.ts', 'src/relay.js'].map((file) => path.join(SHARED, file));
    assert.deepEqual(programs().groups(files), [files], 'the three tsconfigs share one program');
    const app = path.join(SOLUTION, 'src', 'app.ts');
    const seed = path.join(SOLUTION, 'scripts', 'seed.ts');
    assert.deepEqual(programs().groups([seed, app, path.join(SHARED, 'src', 'server.ts')]), [[seed], [app], [path.join(SHARED, 'src', 'server.ts')]]);
    assert.deepEqual(programs(path.join(SOLUTION, 'tsconfig.app.json')).groups([seed, app]), [[seed, app]], '--project: one program for every file');
  });

  it('builds a released program again when it is asked for', () => {
    const projects = programs();
    const app = path.join(SOLUTION, 'src', 'app.ts');
    const first = projects.assign([app]).get(app)!;
    assert.equal(projects.assign([app]).get(app), first, 'kept until released');
    projects.release();
    const again = projects.assign([app]).get(app)!;
    assert.notEqual(again, first);
    assert.ok(again.getSourceFile(app));
  });

  it('keeps no program once its files are linted, unless --cache needs each file\'s', () => {
    const lint = (recordChecks: boolean): Linter => {
      const configs = new CliConfigs({ cwd: SHARED, configFile: undefined, overrides: [], displayPath: (file) => file });
      const linter = new Linter({ project: undefined, settings: configs, disk: ts.sys, report: { tsconfigProblems: () => {}, notInProgram: () => {}, leftOut: () => {} }, displayPath: (file) => file, now: () => 0, locale: 'en', recordChecks });
      const files = ['src/server.ts', 'examples/demo.ts'].map((file) => path.join(SHARED, file));
      for (const file of files) linter.texts.set(file, ts.sys.readFile(file)!);
      linter.lint(files.map((file) => ({ path: file, config: configs.configFor(file)! })));
      return linter;
    };
    assert.equal(lint(false).checked.size, 0);
    const recorded = lint(true);
    assert.equal(recorded.checked.size, 2);
    assert.ok([...recorded.checked.values()].every((checked) => checked.program !== undefined));
  });
});

describe('parsed files shared between the programs of a run', () => {
  it('parses a declaration file once for every target from ES2015 on, a source file once per target', () => {
    const cache = new SourceFileCache();
    const parse = (file: string, languageVersion: ts.ScriptTarget): ts.SourceFile => cache.get(file, { languageVersion, impliedNodeFormat: ts.ModuleKind.CommonJS }, ts.sys)!;
    const declarations = path.join(REPO_ROOT, 'node_modules', '@types', 'ws', 'index.d.ts');
    assert.equal(parse(declarations, ts.ScriptTarget.ES2020), parse(declarations, ts.ScriptTarget.ES2022));
    assert.equal(parse(declarations, ts.ScriptTarget.ES2015), parse(declarations, ts.ScriptTarget.ESNext));
    assert.notEqual(parse(declarations, ts.ScriptTarget.ES5), parse(declarations, ts.ScriptTarget.ES2022), 'ES5 reads identifiers with other Unicode tables');
    const source = path.join(MIXED_TARGETS, 'src', 'relay.ts');
    assert.notEqual(parse(source, ts.ScriptTarget.ES2020), parse(source, ts.ScriptTarget.ES2022));
  });

  it('gives programs of different targets one parse of the declarations they share', () => {
    const seen = new Map<string, ts.Program>();
    runLint({ cwd: MIXED_TARGETS, patterns: ['.'] }, { onFileAnalyzed: (program, sourceFile) => seen.set(path.basename(sourceFile.fileName), program) });
    const [project, inferred] = [seen.get('relay.ts')!, seen.get('kick.ts')!];
    assert.deepEqual([project.getCompilerOptions().target, inferred.getCompilerOptions().target], [ts.ScriptTarget.ES2020, ts.ScriptTarget.ES2022]);
    const ws = (program: ts.Program): ts.SourceFile => program.getSourceFiles().find((file) => /[\\/]@types[\\/]ws[\\/]index\.d\.ts$/.test(file.fileName))!;
    assert.equal(ws(project), ws(inferred));
  });
});

describe('program groups: each file gets what a run over its program alone gives', () => {
  const results = (cwd: string, patterns: readonly string[]): Map<string, unknown> => new Map(runLint({ cwd, patterns }).results.map((result) => [result.filePath, result.messages]));

  for (const cwd of [EXAMPLES, SOLUTION, path.join(CLI_FIXTURES, 'ts-project'), path.join(CLI_FIXTURES, 'loose-js'), SHARED, MIXED_TARGETS]) {
    it(path.relative(REPO_ROOT, cwd), () => {
      const together = results(cwd, ['.']);
      const files = [...together.keys()];
      const groups = programs().groups(files);
      assert.ok(groups.length >= 1);
      const alone = new Map<string, unknown>();
      for (const group of groups) for (const [file, messages] of results(cwd, group)) alone.set(file, messages);
      assert.deepEqual(together, alone);
    });
  }
});
