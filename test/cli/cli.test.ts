// End-to-end tests of the `wsclose` CLI: spawns the built dist/cli.js (build it first with
// `node esbuild.mjs`; `npm test` does) in the fixture projects of test/fixtures/cli and checks
// stdout against golden files in test/cli/golden/, plus exit codes and stderr.
//
// Regenerate the golden files with UPDATE_GOLDEN=1, e.g.
//   node esbuild.mjs && npx tsc -p tsconfig.json && UPDATE_GOLDEN=1 node --test out/test/cli/
// and then review every changed file: each finding must be real and precisely placed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../harness/paths';
import { assertGolden, assertJsonGolden, normalize, runCli } from './harness';

interface Case {
  readonly name: string;
  readonly fixture: string;
  readonly args: readonly string[];
  readonly exitCode: 0 | 1 | 2;
  /** A golden file name (.txt: compared as is; .json: JSON output), or the exact expected stdout. */
  readonly stdout: { readonly golden: string } | string;
  /** Exact stderr (after `<root>` normalisation); not checked when undefined. */
  readonly stderr?: string;
  readonly env?: Readonly<Record<string, string>>;
}

const NO_FILES = (pattern: string): string =>
  `No files matching the pattern "${pattern}" were found.\nPlease check for typing mistakes in the pattern.\n`;

const SKIPPED_NODE_MODULES = (folder: string): string =>
  `wsclose: skipped ${folder} (node_modules folders are not checked; name the folder, or list its packages as workspaces in package.json, to check them).\n`;

const CASES: readonly Case[] = [
  // A TypeScript project: findings of every severity, clean files, a file outside tsconfig "include".
  { name: 'stylish output', fixture: 'ts-project', args: [], exitCode: 1, stdout: { golden: 'ts-project.txt' }, stderr: '' },
  { name: 'json output', fixture: 'ts-project', args: ['--format', 'json'], exitCode: 1, stdout: { golden: 'ts-project.json' }, stderr: '' },
  { name: '--quiet reports errors only', fixture: 'ts-project', args: ['--quiet'], exitCode: 1, stdout: { golden: 'ts-project-quiet.txt' }, stderr: '' },
  { name: 'glob pattern', fixture: 'ts-project', args: ['src/*.ts'], exitCode: 1, stdout: { golden: 'ts-project-glob-src.txt' }, stderr: '' },
  { name: 'recursive glob pattern', fixture: 'ts-project', args: ['**/*.mjs'], exitCode: 1, stdout: { golden: 'ts-project-glob-mjs.txt' }, stderr: '' },
  {
    name: '--rule overrides severities',
    fixture: 'ts-project',
    args: ['--rule', 'reserved-code:off', '--rule', 'invalid-code:1', '--rule', 'premature-close:error'],
    exitCode: 1,
    stdout: { golden: 'ts-project-rules.txt' },
    stderr: '',
  },
  { name: 'no output at all without problems', fixture: 'ts-project', args: ['src/clean.ts', 'src/helpers.ts'], exitCode: 0, stdout: '', stderr: '' },
  { name: 'json lists clean files too', fixture: 'ts-project', args: ['-f', 'json', 'src/clean.ts', 'src/helpers.ts'], exitCode: 0, stdout: { golden: 'ts-project-clean.json' }, stderr: '' },
  { name: '--config for every file', fixture: 'ts-project', args: ['--config', '../configured/wsclose.config.json'], exitCode: 1, stdout: { golden: 'ts-project-config.txt' }, stderr: '' },
  { name: '--config that does not exist', fixture: 'ts-project', args: ['--config', 'nope.json'], exitCode: 2, stdout: '', stderr: 'Cannot read config file "nope.json": no such file.\n' },
  {
    name: '--config that is invalid',
    fixture: 'ts-project',
    args: ['-c', '../invalid-rule/wsclose.config.json'],
    exitCode: 2,
    stdout: '',
    stderr:
      '<root>/invalid-rule/wsclose.config.json:3:5: Unknown rule "reserved-codes". Did you mean "reserved-code"?\n' +
      '<root>/invalid-rule/wsclose.config.json:4:21: Invalid severity for rule "invalid-code": use "off", "warn" or "error" (or 0, 1, 2), not the string "fatal".\n',
  },
  { name: 'a file that does not exist', fixture: 'ts-project', args: ['src/nope.ts'], exitCode: 2, stdout: '', stderr: NO_FILES('src/nope.ts') },
  { name: 'a glob that matches nothing', fixture: 'ts-project', args: ['src', 'src/**/*.jsx'], exitCode: 2, stdout: '', stderr: NO_FILES('src/**/*.jsx') },
  { name: 'an unknown option', fixture: 'ts-project', args: ['--frmat', 'json'], exitCode: 2, stdout: '', stderr: "Invalid option '--frmat' - perhaps you meant '--format'?\n" },
  { name: 'an unknown rule in --rule', fixture: 'ts-project', args: ['--rule', 'reserved-cod:off'], exitCode: 2, stdout: '', stderr: 'Unknown rule "reserved-cod" in --rule. Did you mean "reserved-code"?\n' },
  {
    name: 'an invalid severity in --rule',
    fixture: 'ts-project',
    args: ['--rule', 'reserved-code:fatal'],
    exitCode: 2,
    stdout: '',
    stderr: 'Invalid severity "fatal" for rule "reserved-code" in --rule: use off, warn, error, 0, 1 or 2.\n',
  },
  { name: 'an unknown format', fixture: 'ts-project', args: ['--format', 'xml'], exitCode: 2, stdout: '', stderr: 'Invalid format "xml": use stylish, json, sarif, github, junit or gitlab.\n' },
  { name: '--help', fixture: 'ts-project', args: ['--help'], exitCode: 0, stdout: { golden: 'help.txt' }, stderr: '' },
  { name: '-h', fixture: 'ts-project', args: ['-h'], exitCode: 0, stdout: { golden: 'help.txt' }, stderr: '' },
  { name: '--version', fixture: 'ts-project', args: ['--version'], exitCode: 0, stdout: `v${packageVersion()}\n`, stderr: '' },
  { name: 'colour when forced', fixture: 'ts-project', args: ['src/emoji.ts'], env: { FORCE_COLOR: '1' }, exitCode: 1, stdout: { golden: 'ts-project-color.txt' } },
  { name: '--no-color wins over FORCE_COLOR', fixture: 'ts-project', args: ['--no-color', 'src/emoji.ts'], env: { FORCE_COLOR: '1' }, exitCode: 1, stdout: { golden: 'ts-project-emoji.txt' } },

  // A loose JavaScript file that no tsconfig includes: the inferred project (DOM lib).
  { name: 'loose JavaScript file', fixture: 'loose-js', args: [], exitCode: 1, stdout: { golden: 'loose-js.txt' } },
  { name: '--project adds files it does not include', fixture: 'loose-js', args: ['--project', '../ts-project'], exitCode: 1, stdout: { golden: 'loose-js.txt' }, stderr: '' },
  { name: '--project that does not exist', fixture: 'loose-js', args: ['-p', 'tsconfig.json'], exitCode: 2, stdout: '', stderr: 'Cannot read tsconfig "tsconfig.json": no such file.\n' },

  // wsclose.config.json with severities and ignore patterns.
  { name: 'config severities and ignores', fixture: 'configured', args: [], exitCode: 1, stdout: { golden: 'configured.txt' }, stderr: '' },
  { name: '--no-ignore', fixture: 'configured', args: ['--no-ignore'], exitCode: 1, stdout: { golden: 'configured-no-ignore.txt' }, stderr: '' },
  { name: 'an ignored file named explicitly', fixture: 'configured', args: ['src/legacy.ts'], exitCode: 0, stdout: { golden: 'configured-explicit-ignored.txt' }, stderr: '' },
  { name: 'an ignored file named explicitly (json)', fixture: 'configured', args: ['-f', 'json', 'src/legacy.ts'], exitCode: 0, stdout: { golden: 'configured-explicit-ignored.json' }, stderr: '' },
  { name: 'a folder whose files are all ignored', fixture: 'configured', args: ['generated'], exitCode: 2, stdout: '', stderr: "All files matched by 'generated' are ignored.\n" },
  { name: 'a glob whose files are all ignored', fixture: 'configured', args: ['src', 'generated/*.ts'], exitCode: 2, stdout: '', stderr: "All files matched by 'generated/*.ts' are ignored.\n" },

  // Invalid configs stop the run (exit 2) with precise locations.
  { name: 'config syntax error', fixture: 'broken-config', args: [], exitCode: 2, stdout: '', stderr: 'wsclose.config.json:5:5: Expected a comma.\n' },
  {
    name: 'config with an unknown rule',
    fixture: 'invalid-rule',
    args: ['--format', 'json'],
    exitCode: 2,
    stdout: '',
    stderr:
      'wsclose.config.json:3:5: Unknown rule "reserved-codes". Did you mean "reserved-code"?\n' +
      'wsclose.config.json:4:21: Invalid severity for rule "invalid-code": use "off", "warn" or "error" (or 0, 1, 2), not the string "fatal".\n',
  },

  // Warnings only: --max-warnings and --quiet.
  { name: 'warnings only', fixture: 'max-warnings', args: [], exitCode: 0, stdout: { golden: 'max-warnings.txt' }, stderr: '' },
  { name: '--max-warnings not exceeded', fixture: 'max-warnings', args: ['--max-warnings', '3'], exitCode: 0, stdout: { golden: 'max-warnings.txt' }, stderr: '' },
  {
    name: '--max-warnings exceeded',
    fixture: 'max-warnings',
    args: ['--max-warnings', '2'],
    exitCode: 1,
    stdout: { golden: 'max-warnings.txt' },
    stderr: 'wsclose found too many warnings (maximum: 2).\n',
  },
  { name: '--quiet hides warnings', fixture: 'max-warnings', args: ['--quiet'], exitCode: 0, stdout: '', stderr: '' },
  { name: '--quiet with --max-warnings 0', fixture: 'max-warnings', args: ['--quiet', '--max-warnings', '0'], exitCode: 0, stdout: '', stderr: '' },
  {
    name: 'errors and too many warnings: only the errors are mentioned (as ESLint)',
    fixture: 'max-warnings',
    args: ['--rule', 'premature-close:error', '--max-warnings', '0'],
    exitCode: 1,
    stdout: { golden: 'max-warnings-rule-error.txt' },
    stderr: '',
  },

  // Suppression directives.
  { name: 'directives', fixture: 'directives', args: [], exitCode: 1, stdout: { golden: 'directives.txt' }, stderr: '' },
  { name: 'directives (json)', fixture: 'directives', args: ['-f', 'json'], exitCode: 1, stdout: { golden: 'directives.json' }, stderr: '' },

  // A monorepo's own packages under packages/node_modules (as node-red keeps them).
  { name: 'declared workspaces under node_modules are checked', fixture: 'node-modules-packages/declared', args: [], exitCode: 1, stdout: { golden: 'node-modules-workspaces.txt' }, stderr: '' },
  { name: 'pnpm-workspace.yaml workspaces under node_modules are checked', fixture: 'node-modules-packages/pnpm', args: [], exitCode: 1, stdout: { golden: 'node-modules-pnpm.txt' }, stderr: '' },
  { name: 'undeclared project code under node_modules: skipped, with a note', fixture: 'node-modules-packages/undeclared', args: [], exitCode: 0, stdout: '', stderr: SKIPPED_NODE_MODULES('packages/node_modules') },
  { name: 'a node_modules folder named explicitly is checked', fixture: 'node-modules-packages/undeclared', args: ['packages/node_modules'], exitCode: 1, stdout: { golden: 'node-modules-named.txt' }, stderr: '' },
  { name: 'a glob that matches nothing under node_modules: no note', fixture: 'node-modules-packages/undeclared', args: ['**/lib/*.js'], exitCode: 0, stdout: '', stderr: '' },
  {
    name: 'nothing but node_modules: the note says why no file was found',
    fixture: 'node-modules-packages/undeclared/packages',
    args: [],
    exitCode: 2,
    stdout: '',
    stderr: NO_FILES('.') + SKIPPED_NODE_MODULES('node_modules'),
  },

  // A tsconfig with problems: warnings on stderr, the run goes on.
  {
    name: 'tsconfig problems are warnings',
    fixture: 'bad-tsconfig',
    args: [],
    exitCode: 1,
    stdout: { golden: 'bad-tsconfig.txt' },
    stderr:
      "tsconfig.json:4:5: warning: Unknown compiler option 'strictest'. Did you mean 'strict'? (TS5025)\n" +
      "tsconfig.json:5:15: warning: Argument for '--target' option must be: 'es6', 'es2015', 'es2016', 'es2017', 'es2018', 'es2019', 'es2020', 'es2021', 'es2022', 'es2023', 'es2024', 'es2025', 'esnext'. (TS6046)\n",
  },
];

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

describe('wsclose CLI', { concurrency: 6 }, () => {
  for (const testCase of CASES) {
    it(`${testCase.fixture}: ${testCase.name} (wsclose ${testCase.args.join(' ')})`, async () => {
      const run = await runCli(testCase.fixture, testCase.args, testCase.env);
      const context = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
      assert.equal(run.exitCode, testCase.exitCode, `exit code\n${context}`);
      if (testCase.stderr !== undefined) assert.equal(normalize(run.stderr), testCase.stderr, 'stderr');
      if (typeof testCase.stdout === 'string') assert.equal(run.stdout, testCase.stdout, 'stdout');
      else if (testCase.stdout.golden.endsWith('.json')) assertJsonGolden(testCase.stdout.golden, run.stdout);
      else assertGolden(testCase.stdout.golden, normalize(run.stdout));
    });
  }
});
