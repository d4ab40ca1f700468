// Lazy project imports (engine/lazy-imports.ts) must not change a single finding: every fixture
// project, the example app and generated benchmark projects give the same findings with imported
// files left out until needed as with the full program, and a pass that needed a left-out file
// is repeated with it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import { runLint } from '../../server/src/cli/run';
import { LazyImports, MAX_LAZY_PASSES, MIN_LEFT_OUT, PRELOAD_DEPTH } from '../../server/src/engine/lazy-imports';
import { buildProgram, parseTsconfig, SourceFileCache } from '../../server/src/engine/project';
import { PROJECTS, REPO_ROOT } from '../harness/paths';
import { equivalenceTsconfigs, findingsByFile } from '../harness/program-findings';

/** The linter's loop (engine/linter.ts), for one tsconfig: lint, and again while a pass touched a left-out file. */
function lintLazily(tsconfig: string, preloadImports = false): { findings: Map<string, string[]>; repeatedPasses: number } {
  const parsed = parseTsconfig(tsconfig, ts.sys);
  const lazy = new LazyImports(ts.sys.useCaseSensitiveFileNames, { minLeftOut: 0 });
  const cache = new SourceFileCache();
  for (let repeatedPasses = 0; ; repeatedPasses++) {
    const program = buildProgram(parsed, ts.sys, cache, { narrowRoots: true, lazyImports: lazy, preloadImports });
    const findings = findingsByFile(program, parsed.fileNames);
    if (!lazy.loadTouched(repeatedPasses)) return { findings, repeatedPasses };
  }
}

function lintFully(tsconfig: string): Map<string, string[]> {
  const parsed = parseTsconfig(tsconfig, ts.sys);
  return findingsByFile(buildProgram(parsed, ts.sys, new SourceFileCache(), { narrowRoots: false }), parsed.fileNames);
}

describe('lazy project imports: same findings as the full program', () => {
  for (const tsconfig of equivalenceTsconfigs()) {
    it(path.relative(REPO_ROOT, tsconfig), () => {
      const fully = lintFully(tsconfig);
      assert.deepEqual(lintLazily(tsconfig).findings, fully);
      assert.deepEqual(lintLazily(tsconfig, true).findings, fully, 'with the imports of the files to analyse preloaded');
    });
  }
});

describe('lazy project imports: passes', () => {
  const fixture = path.join(PROJECTS, 'lazy-imports', 'tsconfig.json');
  const src = path.join(PROJECTS, 'lazy-imports', 'src').replace(/\\/g, '/');

  it('leaves out imported files the first program does not need, and loads them when a pass needs them', () => {
    const parsed = parseTsconfig(fixture, ts.sys);
    const lazy = new LazyImports(ts.sys.useCaseSensitiveFileNames, { minLeftOut: 0 });
    const first = buildProgram(parsed, ts.sys, new SourceFileCache(), { narrowRoots: true, lazyImports: lazy });
    const has = (program: ts.Program, file: string): boolean => program.getSourceFile(`${src}/${file}`) !== undefined;
    assert.ok(has(first, 'hub.ts'));
    assert.ok(!has(first, 'room.ts') && !has(first, 'connection.ts') && !has(first, 'backend.ts'), 'imported files are left out of the first program');
    assert.ok(!lazy.hasTouched(), 'building the program asks nothing yet');
    findingsByFile(first, parsed.fileNames);
    assert.ok(lazy.hasTouched(), 'typing room.socket needs room.ts');
    assert.ok(lazy.loadTouched(0));
    const second = buildProgram(parsed, ts.sys, new SourceFileCache(), { narrowRoots: true, lazyImports: lazy });
    assert.ok(has(second, 'room.ts') && has(second, 'backend.ts'));
    assert.ok(!has(second, 'connection.ts'), "room.ts's own imports stay lazy");
  });

  it('finds through chains of imports what the full program finds, in a bounded number of passes', () => {
    const lazily = lintLazily(fixture);
    const hub = lazily.findings.get(`${src}/hub.ts`) ?? [];
    assert.deepEqual(
      hub.map((f) => f.split(' ')[0]),
      ['reserved-code', 'browser-code-range'],
      'the reserved code comes through `export *`, the receiver through two files',
    );
    assert.ok(lazily.repeatedPasses >= 1 && lazily.repeatedPasses <= MAX_LAZY_PASSES, `${lazily.repeatedPasses} repeated passes`);
    assert.deepEqual(lazily.findings, lintFully(fixture));
  });

  it('loads what a pass touched, and on the last of MAX_LAZY_PASSES repeats the whole project', () => {
    const files = new Map([
      ['/p/a.ts', "import { b } from './b';\nimport { c } from './c';\nimport { d } from './d';\nexport const a = b + c + d;\n"],
      ...['b', 'c', 'd', 'e'].map((name) => [`/p/${name}.ts`, `export const ${name} = 1;\n`] as [string, string]),
    ]);
    const moduleHost: ts.ModuleResolutionHost = { fileExists: (f) => files.has(f), readFile: (f) => files.get(f) };
    const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
    const a = ts.createSourceFile('/p/a.ts', files.get('/p/a.ts')!, ts.ScriptTarget.Latest, true);
    const literals = a.statements.filter(ts.isImportDeclaration).map((d) => d.moduleSpecifier as ts.StringLiteral);
    const lazy = new LazyImports(true, { minLeftOut: 0 });
    lazy.leaveOut([...files.keys()], ['/p/a.ts']);
    assert.equal(lazy.leftOutCount, 4);
    /** Resolves a.ts's imports like a program build, then asks for one the way the checker does. */
    const pass = (touched: string): Array<string | undefined> => {
      const resolutions = lazy.createResolver(moduleHost, '/p')(literals, '/p/a.ts', undefined, options, a, undefined);
      const program = { getResolvedModule: (_file: ts.SourceFile, name: string) => resolutions[literals.findIndex((l) => l.text === name)] } as unknown as ts.Program;
      lazy.watch(program);
      (program as unknown as { getResolvedModule(file: ts.SourceFile, name: string): unknown }).getResolvedModule(a, touched);
      return resolutions.map((r) => r.resolvedModule?.resolvedFileName);
    };
    assert.deepEqual(pass('./b'), [undefined, undefined, undefined], 'every import is left out at first');
    assert.ok(lazy.loadTouched(0));
    assert.equal(lazy.leftOutCount, 3, 'b.ts is loaded');
    assert.deepEqual(pass('./c'), ['/p/b.ts', undefined, undefined]);
    assert.ok(MAX_LAZY_PASSES === 3 && lazy.loadTouched(1));
    assert.deepEqual(pass('./d'), ['/p/b.ts', '/p/c.ts', undefined]);
    assert.ok(lazy.loadTouched(2));
    assert.equal(lazy.leftOutCount, 0, 'the third repeated pass loads everything, e.ts included');
    assert.deepEqual(pass('./d'), ['/p/b.ts', '/p/c.ts', '/p/d.ts']);
    assert.ok(!lazy.loadTouched(0), 'nothing left out, nothing touched');
  });

  it(`preloads what files import, PRELOAD_DEPTH (${PRELOAD_DEPTH}) levels deep, once a first pass has needed a left-out file`, () => {
    const imports = new Map([
      ['/p/a.ts', ['/p/b.ts', '/p/root.ts']],
      ['/p/b.ts', ['/p/c.ts']],
      ['/p/c.ts', ['/p/d.ts']],
      ['/p/root.ts', ['/p/e.ts']],
    ]);
    const lazy = new LazyImports(true, { minLeftOut: 0 });
    lazy.leaveOut(['/p/a.ts', '/p/b.ts', '/p/c.ts', '/p/d.ts', '/p/e.ts', '/p/root.ts', '/p/f.ts'], ['/p/a.ts', '/p/root.ts']);
    assert.equal(lazy.leftOutCount, 5);
    lazy.preload(['/p/a.ts'], (file) => imports.get(file) ?? []);
    assert.ok(PRELOAD_DEPTH === 2);
    assert.equal(lazy.leftOutCount, 3, 'b.ts and c.ts are loaded; d.ts (a third level), e.ts (imported by a root it did not start from) and f.ts stay out');
    assert.deepEqual(lazy.needed, ['/p/b.ts', '/p/c.ts'], 'a pass over the next program may rest on them: --cache loads them from the first program next time');

    assert.equal(lazy.takePreload(), undefined, 'nothing to preload before a pass needed a left-out file');
    // The checker asks for c.ts's import of the left-out d.ts, the way the program resolves it.
    const c = ts.createSourceFile('/p/c.ts', "import './d';\n", ts.ScriptTarget.Latest, true);
    const literal = (c.statements[0] as ts.ImportDeclaration).moduleSpecifier as ts.StringLiteral;
    const moduleHost: ts.ModuleResolutionHost = { fileExists: (file) => file === '/p/d.ts', readFile: () => '' };
    const [resolution] = lazy.createResolver(moduleHost, '/p')([literal], '/p/c.ts', undefined, { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }, c, undefined);
    const program = { getResolvedModule: () => resolution } as unknown as ts.Program & { getResolvedModule(file: ts.SourceFile, name: string): unknown };
    lazy.watch(program);
    program.getResolvedModule(c, './d');
    assert.ok(lazy.loadTouched(0));
    assert.deepEqual(lazy.takePreload(), ['/p/d.ts'], 'after the first pass: the files it needed, for the next program to preload from');
    assert.equal(lazy.takePreload(), undefined, 'once');
    const scanned: string[] = [];
    lazy.preload(['/p/c.ts'], (file) => (scanned.push(file), imports.get(file) ?? []));
    assert.deepEqual(scanned, [], 'a program resolved the imports of c.ts: what they left out is known without a scan');
  });

  it('with imports preloaded after the first pass, finds in the fixture what the full program finds in fewer passes', () => {
    const fixture = path.join(PROJECTS, 'lazy-imports', 'tsconfig.json');
    const preloaded = lintLazily(fixture, true);
    const plain = lintLazily(fixture);
    assert.ok(preloaded.repeatedPasses < plain.repeatedPasses, `${preloaded.repeatedPasses} repeated passes with preloading, ${plain.repeatedPasses} without`);
    assert.deepEqual(preloaded.findings, lintFully(fixture));
  });

  it(`leaves nothing out of a project with fewer than MIN_LEFT_OUT (${MIN_LEFT_OUT}) candidates: a repeated pass would cost more`, () => {
    const files = (count: number): string[] => Array.from({ length: count }, (_, i) => `/p/f${i}.ts`);
    const small = new LazyImports(true);
    small.leaveOut(files(MIN_LEFT_OUT), ['/p/f0.ts']);
    assert.equal(small.leftOutCount, 0);
    const large = new LazyImports(true);
    large.leaveOut(files(MIN_LEFT_OUT + 1), ['/p/f0.ts']);
    assert.equal(large.leftOutCount, MIN_LEFT_OUT);
  });

  it('a program TypeScript builds without the hook it watches means: load everything', () => {
    const lazy = new LazyImports(true, { minLeftOut: 0 });
    lazy.leaveOut(['/p/a.ts', '/p/b.ts'], ['/p/a.ts']);
    lazy.watch({} as ts.Program);
    assert.ok(lazy.hasTouched());
    assert.ok(lazy.loadTouched(0));
    assert.equal(lazy.leftOutCount, 0);
  });

  it('the installed TypeScript resolves imports through program.getResolvedModule (the watched hook)', () => {
    const program = ts.createProgram({ rootNames: [], options: {} });
    assert.equal(typeof (program as unknown as { getResolvedModule?: unknown }).getResolvedModule, 'function');
  });
});

describe('lazy project imports: passes through the CLI', () => {
  const cwd = path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'lazy-passes');

  it('cuts the first pass short at the first file that needed a left-out file, and preloads the rest of what the next pass needs', () => {
    const analysed: string[] = [];
    const programs = new Map<ts.Program, number>();
    const told: Array<[number, number]> = [];
    const lazily = runLint(
      { cwd, patterns: ['src'] },
      {
        lazyImports: { minLeftOut: 0 },
        onFileAnalyzed: (program, sourceFile) => {
          if (!programs.has(program)) programs.set(program, programs.size);
          analysed.push(`${programs.get(program)} ${path.basename(sourceFile.fileName)}`);
        },
        progress: { phase: () => {}, files: (checked, total) => told.push([checked, total]), done: () => {} },
      },
    );
    assert.deepEqual(analysed, ['0 a-first.ts', '1 a-first.ts', '1 b-second.ts'], 'b-second.ts is not linted with the first program, whose answers are thrown away');
    assert.equal(lazily.stats.counts.lazyPasses, 1, 'room.ts was needed, codes.ts and code-values.ts were preloaded');
    assert.deepEqual(told, [[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]], 'each file counted once');
    const fully = runLint({ cwd, patterns: ['src'] }, { lazyImports: false });
    assert.deepEqual(lazily.results, fully.results);
    assert.deepEqual(
      lazily.results.flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)} ${message.ruleId}`)),
      ['a-first.ts reserved-code', 'b-second.ts reserved-code'],
    );
  });
});

describe('lazy project imports: generated benchmark projects through the CLI', () => {
  const scratch = path.join(REPO_ROOT, '.wsclose-tmp', `lazy-imports-${process.pid}`);
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  for (const [mix, size] of [
    ['typical', 400],
    ['worst', 60],
  ] as const) {
    it(`${mix}-${size}: the same results with and without, and far fewer files parsed in the typical mix`, async () => {
      const generator = (await import(pathToFileURL(path.join(REPO_ROOT, 'bench', 'generate.mjs')).href)) as {
        generate(options: { size: number; mix: string; out: string }): { planted: unknown[] };
      };
      const out = path.join(scratch, `${mix}-${size}`);
      const manifest = generator.generate({ size, mix, out });
      const run = (lazyImports: boolean) => runLint({ cwd: out, patterns: ['src'] }, { lazyImports });
      const lazily = run(true);
      const fully = run(false);
      assert.deepEqual(lazily.results, fully.results);
      const findings = lazily.results.reduce((total, result) => total + result.messages.length, 0);
      assert.equal(findings, manifest.planted.length);
      if (mix === 'typical') {
        assert.ok(
          lazily.stats.counts.programFiles < fully.stats.counts.programFiles * 0.6,
          `${lazily.stats.counts.programFiles} files with lazy imports, ${fully.stats.counts.programFiles} without`,
        );
      }
    });
  }
});
