// In-process tests of the CLI's orchestration (run.ts), file discovery (files.ts) and program
// assignment (projects.ts): what the spawned golden tests cannot reach cheaply or at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import * as ts from 'typescript';
import { CliError } from '../../server/src/cli/cli-error';
import { expandInputs, isSourceFile, readSourceText } from '../../server/src/cli/files';
import { cliLinterReport } from '../../server/src/cli/projects';
import { ProjectPrograms } from '../../server/src/engine/project-programs';
import { notASourceFileMessage, runLint } from '../../server/src/cli/run';
import { SourceFileCache } from '../../server/src/engine/project';
import { CLI_FIXTURES } from './harness';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-cli-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

const toPosix = (file: string): string => file.split(path.sep).join('/');

function write(relative: string, text = ''): string {
  const file = path.join(temp, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('runLint', () => {
  it('reports an unreadable file as a fatal error and checks the others', () => {
    const cwd = path.join(CLI_FIXTURES, 'ts-project');
    const unreadable = path.join(cwd, 'src', 'helpers.ts');
    const { results, warnings } = runLint(
      { cwd, patterns: ['src/helpers.ts', 'src/clean.ts'] },
      {
        readSource: (file) => {
          if (file === unreadable) throw new Error(`EACCES: permission denied, open '${file}'`);
          return fs.readFileSync(file, 'utf8');
        },
      },
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      results.map((r) => [path.basename(r.filePath), r.errorCount, r.fatalErrorCount, r.messages.map((m) => m.message)]),
      [
        ['clean.ts', 0, 0, []],
        ['helpers.ts', 1, 1, [`Cannot read the file: EACCES: permission denied, open '${unreadable}'`]],
      ],
    );
    assert.deepEqual(results[1]!.messages[0], { ruleId: null, fatal: true, severity: 2, message: `Cannot read the file: EACCES: permission denied, open '${unreadable}'` });
  });

  it('checks a Workers folder with its tsconfig.worker.json (no tsconfig.json): its server socket is not judged as a browser\'s', () => {
    const { results } = runLint({ cwd: path.join(CLI_FIXTURES, 'tsconfig-variants'), patterns: ['worker', 'frontend'] });
    assert.deepEqual(
      results.map((r) => [toPosix(path.relative(path.join(CLI_FIXTURES, 'tsconfig-variants'), r.filePath)), r.messages.map((m) => `${m.line}:${m.ruleId}`)]),
      [
        ['frontend/terminal.ts', ['3:browser-code-range']],
        ['worker/session.ts', []],
      ],
    );
  });

  it('warns about a file named explicitly that is not a JS/TS source', () => {
    const { results } = runLint({ cwd: path.join(CLI_FIXTURES, 'ts-project'), patterns: ['tsconfig.json'] });
    assert.deepEqual(results.map((r) => [r.warningCount, r.messages[0]!.message]), [[1, notASourceFileMessage()]]);
  });

  it('throws a CliError for patterns that match nothing and for invalid configs', () => {
    const cwd = path.join(CLI_FIXTURES, 'ts-project');
    assert.throws(() => runLint({ cwd, patterns: ['nothing/**/*.ts'] }), (error: unknown) => error instanceof CliError && /No files matching the pattern "nothing\/\*\*\/\*\.ts"/.test(error.message));
    assert.throws(
      () => runLint({ cwd: path.join(CLI_FIXTURES, 'broken-config'), patterns: [] }),
      (error: unknown) => error instanceof CliError && error.lines.length === 1 && error.lines[0] === 'wsclose.config.json:5:5: Expected a comma.',
    );
  });

  it('checks files without a close-like call for directives only', () => {
    write('directive-only/a.ts', '// wsclose-disable-next-line reserved-code\nexport const answer = 42;\n');
    const { results } = runLint({ cwd: path.join(temp, 'directive-only'), patterns: [] });
    assert.deepEqual(
      results[0]!.messages.map((m) => [m.line, m.column, m.severity, m.ruleId]),
      [[1, 1, 1, null]],
    );
  });
});

describe('expandInputs', () => {
  it('walks folders for JS/TS sources, skipping node_modules, .git, .yarn and declaration files', () => {
    for (const file of ['w/b.ts', 'w/sub/c.tsx', 'w/sub/d.mjs', 'w/e.cts', 'w/a.d.ts', 'w/f.d.mts', 'w/g.json', 'w/node_modules/x/index.ts', 'w/.git/hooks/h.js', 'w/.yarn/releases/yarn-4.0.0.cjs', 'w/sub/node_modules/y.js']) write(file);
    const [input] = expandInputs(['w'], temp);
    assert.equal(input!.kind, 'directory');
    assert.deepEqual(
      input!.files.map((f) => [path.relative(temp, f.path), f.explicit]),
      [
        ['w/b.ts', false],
        ['w/e.cts', false],
        ['w/sub/c.tsx', false],
        ['w/sub/d.mjs', false],
      ],
    );
  });

  it('matches globs relative to the working directory, and keeps explicit files as given', () => {
    for (const file of ['g/src/a.ts', 'g/src/deep/b.ts', 'g/src/c.js', 'g/lib/d.ts', 'g/notes.md']) write(file);
    const cwd = path.join(temp, 'g');
    const names = (pattern: string): string[] => expandInputs([pattern], cwd)[0]!.files.map((f) => path.relative(cwd, f.path));
    assert.deepEqual(names('src/*.ts'), ['src/a.ts']);
    assert.deepEqual(names('./src/**/*.ts'), ['src/a.ts', 'src/deep/b.ts']);
    assert.deepEqual(names('**/*.{js,ts}'), ['lib/d.ts', 'src/a.ts', 'src/c.js', 'src/deep/b.ts']);
    assert.deepEqual(names('src/*.jsx'), []);
    assert.deepEqual(names('missing.ts'), []);
    const [explicit] = expandInputs(['notes.md'], cwd);
    assert.deepEqual([explicit!.kind, explicit!.files[0]!.explicit], ['file', true]);
  });

  describe('node_modules folders', () => {
    const fixture = (name: string): string => path.join(CLI_FIXTURES, 'node-modules-packages', name);
    const discover = (cwd: string, pattern = '.'): [string[], string[]] => {
      const [input] = expandInputs([pattern], cwd);
      return [input!.files.map((f) => toPosix(path.relative(cwd, f.path))), input!.skippedNodeModules.map((folder) => toPosix(path.relative(cwd, folder)))];
    };

    it('walks the workspaces package.json declares there, and nothing else of them', () => {
      // Not the undeclared packages/node_modules/tools, nor the workspace's installed node_modules/dep.
      assert.deepEqual(discover(fixture('declared')), [['packages/node_modules/@app/client/index.js'], []]);
    });

    it('walks the workspaces of pnpm-workspace.yaml, without the ones it excludes', () => {
      assert.deepEqual(discover(fixture('pnpm')), [['packages/node_modules/client/index.js'], []]);
    });

    it('walks workspaces declared by a folder above the walked one, or met inside it', () => {
      assert.deepEqual(discover(fixture('declared'), 'packages')[0], ['packages/node_modules/@app/client/index.js']);
      const [files] = discover(path.join(CLI_FIXTURES, 'node-modules-packages'));
      assert.ok(files.includes('declared/packages/node_modules/@app/client/index.js'), files.join('\n'));
      assert.ok(files.includes('pnpm/packages/node_modules/client/index.js'), files.join('\n'));
    });

    it('names project code it skips: a node_modules folder with no package.json beside it and no install markers', () => {
      assert.deepEqual(discover(fixture('undeclared')), [['lib/index.js'], ['packages/node_modules']]);
      for (const file of ['nm/src/node_modules/app/a.js', 'nm/lib/node_modules/.package-lock.json', 'nm/lib/node_modules/x/b.js', 'nm/pnpm/node_modules/.modules.yaml', 'nm/pnpm/node_modules/y/c.js', 'nm/assets/node_modules/z/readme.md']) write(file);
      assert.deepEqual(discover(path.join(temp, 'nm')), [[], ['src/node_modules']]);
    });

    it('names skipped project code for a glob only when the glob would match files in it', () => {
      assert.deepEqual(discover(fixture('undeclared'), '**/lib/*.js'), [['lib/index.js'], []]);
      assert.deepEqual(discover(fixture('undeclared'), '**/index.js'), [['lib/index.js'], ['packages/node_modules']]);
    });
  });

  it('knows which files are sources', () => {
    assert.deepEqual(
      ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.d.ts', 'a.d.cts', 'a.d.css.ts', 'a.json', 'a.vue'].filter(isSourceFile),
      ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs'],
    );
  });
});

describe('readSourceText', () => {
  it('reads UTF-8 without its byte-order mark and UTF-16 with one, as TypeScript does', () => {
    const utf8 = write('enc/utf8.ts');
    fs.writeFileSync(utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ws.close(1006); // é', 'utf8')]));
    assert.equal(readSourceText(utf8), 'ws.close(1006); // é');
    const utf16 = write('enc/utf16.ts');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ws.close(1006);', 'utf16le')]));
    assert.equal(readSourceText(utf16), 'ws.close(1006);');
    const utf16be = write('enc/utf16be.ts');
    fs.writeFileSync(utf16be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('ws.close(1);', 'utf16le').swap16()]));
    assert.equal(readSourceText(utf16be), 'ws.close(1);');
    assert.throws(() => readSourceText(path.join(temp, 'enc', 'missing.ts')), /ENOENT/);
  });
});

describe('the CLI\'s programs (engine ProjectPrograms with the CLI\'s report)', () => {
  const assignPrograms = (files: string[], { project, warn = (line: string) => assert.fail(`unexpected warning: ${line}`), displayPath = (file: string) => file }: { project?: string | undefined; warn?: (line: string) => void; displayPath?: (file: string) => string }): Map<string, ts.Program> => {
    const report = cliLinterReport({ warn, displayPath });
    return new ProjectPrograms({ project, host: ts.sys, cache: new SourceFileCache(), onTsconfigProblems: (tsconfig, diagnostics) => report.tsconfigProblems(tsconfig, diagnostics) }).assign(files);
  };
  const options = (project?: string) => ({ project });
  const solution = path.join(CLI_FIXTURES, 'solution');
  const configOf = (program: ts.Program | undefined): unknown => program?.getCompilerOptions()['configFilePath'];

  it('uses the referenced project of a solution-style tsconfig, and the inferred project for files no tsconfig includes', () => {
    const app = path.join(solution, 'src', 'app.ts');
    const seed = path.join(solution, 'scripts', 'seed.ts');
    const programs = assignPrograms([app, seed], options());
    assert.equal(configOf(programs.get(app)), path.join(solution, 'tsconfig.app.json'));
    assert.ok(programs.get(app)!.getSourceFile(app));
    assert.equal(configOf(programs.get(seed)), undefined);
    assert.ok(programs.get(seed)!.getSourceFile(seed));
  });

  it('without a tsconfig.json, uses the one tsconfig.<name>.json that includes the file; none or two that do leave it loose', () => {
    const variants = path.join(CLI_FIXTURES, 'tsconfig-variants');
    const [worker, frontend, shared, loose] = ['worker/session.ts', 'frontend/terminal.ts', 'shared/close.ts', 'loose.ts'].map((f) => path.join(variants, f));
    const programs = assignPrograms([worker, frontend, shared, loose], options());
    assert.equal(configOf(programs.get(worker)), path.join(variants, 'tsconfig.worker.json'));
    assert.equal(configOf(programs.get(frontend)), path.join(variants, 'tsconfig.frontend.json'));
    assert.equal(configOf(programs.get(shared)), undefined);
    assert.equal(configOf(programs.get(loose)), undefined);
    assert.ok(programs.get(loose)!.getSourceFile(loose));
  });

  it('with --project, adds the files the tsconfig does not include (JavaScript too) as root files', () => {
    const app = path.join(solution, 'src', 'app.ts');
    const loose = path.join(CLI_FIXTURES, 'loose-js', 'client.js');
    const programs = assignPrograms([app, loose], options(path.join(solution, 'tsconfig.app.json')));
    assert.equal(programs.get(app), programs.get(loose));
    assert.ok(programs.get(loose)!.getSourceFile(loose));
    assert.equal(programs.get(loose)!.getCompilerOptions().allowJs, true);
  });

  it('reports tsconfig problems as warnings with their position', () => {
    const warnings: string[] = [];
    const file = path.join(CLI_FIXTURES, 'bad-tsconfig', 'shutdown.ts');
    assignPrograms([file], { ...options(), warn: (line) => warnings.push(line), displayPath: (f) => path.relative(CLI_FIXTURES, f) });
    assert.deepEqual(
      warnings.map((w) => w.slice(0, w.indexOf(' warning'))),
      ['bad-tsconfig/tsconfig.json:4:5:', 'bad-tsconfig/tsconfig.json:5:15:'],
    );
  });
});

describe('runLint: the platform a project declares', () => {
  it('a Deno project: the browser client it serves makes its own sockets, so its reconnect loop is found', () => {
    const dir = path.join(temp, 'deno-project');
    write('deno-project/deno.json', '{}');
    write(
      'deno-project/client/reload.js',
      [
        'export function live(base) {',
        '  let ws;',
        '  function socket() {',
        '    ws = new WebSocket(`ws://${location.host}${base}`);',
        '    ws.onclose = () => setTimeout(socket, 5000);',
        '  }',
        '  socket();',
        '}',
        '',
      ].join('\n'),
    );
    const { results } = runLint({ cwd: dir, patterns: ['client'] });
    assert.deepEqual(
      results.flatMap((r) => r.messages.map((m) => [m.ruleId, m.line, m.column])),
      [['reconnect-on-terminal-code', 5, 24]],
    );
  });
});
