// The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml), run the way
// their hosts run them. For the Action: each `run` step of the composite, in bash, with the
// environment a runner gives it (GITHUB_WORKSPACE, GITHUB_ACTION_PATH, GITHUB_OUTPUT, RUNNER_TEMP,
// the step's `env` with `${{ inputs.* }}` filled in), in a copy of a fixture project whose
// node_modules/.bin/wsclose is the built CLI. For pre-commit: the hook's entry with the staged
// files its `types_or` admits, as pre-commit passes them.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../harness/paths';
import { CLI, CLI_FIXTURES } from './harness';

// js-yaml ships no types; this is the part of its API the test uses.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface ActionStep {
  readonly id?: string;
  readonly name: string;
  readonly if?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly with?: Readonly<Record<string, string>>;
  readonly 'working-directory'?: string;
}
interface Action {
  readonly inputs: Readonly<Record<string, { readonly default?: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

const action = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.name }}` as the runner evaluates it; any other expression in a run step's env is a test failure. */
function fillInputs(value: string, inputs: Readonly<Record<string, string>>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_match, expression: string) => {
    const name = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
    assert.ok(name !== undefined && name in inputs, `unexpected expression ${expression}`);
    return inputs[name]!;
  });
}

/** A copy of a CLI fixture with wsclose "installed": node_modules/.bin/wsclose runs the built CLI. */
function installedProject(fixture = 'ts-project'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-ci-'));
  fs.cpSync(path.join(CLI_FIXTURES, fixture), dir, { recursive: true });
  const bin = path.join(dir, 'node_modules', '.bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'wsclose'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  // The fixture's types (ws) come from the repository's node_modules, as in the fixture itself.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', 'ws'), path.join(dir, 'node_modules', 'ws'));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', '@types'), path.join(dir, 'node_modules', '@types'));
  return dir;
}

interface StepRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
}

/** One `run` step as a runner runs it: bash -e, in its working-directory, with the runner's variables. */
function runStep(step: ActionStep, workspace: string, given: Readonly<Record<string, string>>): StepRun {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-runner-'));
  const outputFile = path.join(temp, 'output');
  fs.writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: REPO_ROOT,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: temp,
    ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, fillInputs(value, inputs)])),
  };
  assert.equal(step.shell, 'bash');
  assert.doesNotMatch(step.run!, /\$\{\{/, 'inputs reach the script through env only');
  const cwd = path.resolve(workspace, fillInputs(step['working-directory'] ?? '.', inputs));
  // GitHub runs bash steps as `bash --noprofile --norc -eo pipefail {0}`.
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, outputs };
}

const step = (id: string): ActionStep => action.runs.steps.find((s) => s.id === id)!;

describe('GitHub Action (action.yml)', { concurrency: 1 }, () => {
  let project: string;
  before(() => (project = installedProject()));
  after(() => fs.rmSync(project, { recursive: true, force: true }));

  it('is a composite action: annotate, SARIF when asked, upload-sarif with the written file', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['baseline', 'max-warnings', 'paths', 'sarif', 'working-directory']);
    assert.deepEqual(action.runs.steps.map((s) => s.id ?? s.uses), ['annotate', 'sarif', 'github/codeql-action/upload-sarif@v3']);
    const upload = action.runs.steps[2]!;
    assert.equal(upload.with?.['sarif_file'], '${{ steps.sarif.outputs.file }}');
    assert.match(step('sarif').if!, /inputs\.sarif == 'true'/);
  });

  it('annotation step: workflow commands for every finding, exit code 1 on errors', () => {
    const run = runStep(step('annotate'), project, {});
    assert.equal(run.status, 1, run.stderr);
    const commands = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.equal(commands.length, 9);
    assert.match(commands.join('\n'), /^::error file=src\/server\.ts,line=9,col=14,.*title=wsclose\(invalid-code\)::401 looks like an HTTP status/m);
  });

  it('annotation step: the paths input', () => {
    const clean = runStep(step('annotate'), project, { paths: 'src/clean.ts src/helpers.ts' });
    assert.deepEqual([clean.status, clean.stdout], [0, '']);
  });

  it('annotation step: the max-warnings input (a project with 3 warnings)', () => {
    const warned = installedProject('max-warnings');
    try {
      const over = runStep(step('annotate'), warned, { 'max-warnings': '2' });
      assert.equal(over.status, 1);
      assert.equal(over.stdout.split('\n').filter((l) => l.startsWith('::warning ')).length, 3);
      assert.match(over.stderr, /wsclose found too many warnings \(maximum: 2\)\./);
      assert.equal(runStep(step('annotate'), warned, { 'max-warnings': '3' }).status, 0);
    } finally {
      fs.rmSync(warned, { recursive: true, force: true });
    }
  });

  it('annotation step: a baseline hides recorded findings', () => {
    execFileSync(path.join(project, 'node_modules', '.bin', 'wsclose'), ['--baseline-write', 'wsclose-baseline.json'], { cwd: project, stdio: 'ignore' });
    try {
      const run = runStep(step('annotate'), project, { baseline: 'wsclose-baseline.json' });
      assert.deepEqual([run.status, run.stdout], [0, '']);
    } finally {
      fs.rmSync(path.join(project, 'wsclose-baseline.json'));
    }
  });

  it('SARIF step: writes a SARIF log to RUNNER_TEMP and names it in GITHUB_OUTPUT, without failing on findings', () => {
    const run = runStep(step('sarif'), project, { sarif: 'true' });
    assert.equal(run.status, 0, run.stderr);
    const file = run.outputs['file']!;
    assert.ok(file.endsWith('wsclose.sarif'));
    const log = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0]!.results.length, 9);
  });

  it('without wsclose installed: an error annotation that says how to install it', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-bare-'));
    try {
      const run = runStep(step('annotate'), bare, {});
      assert.equal(run.status, 2);
      assert.match(run.stdout, /^::error title=wsclose::wsclose is not installed in .*npm install --save-dev wsclose/);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });

  it('a path input is data, not shell code', () => {
    const run = runStep(step('annotate'), project, { paths: 'src/clean.ts $(touch pwned)' });
    assert.equal(fs.existsSync(path.join(project, 'pwned')), false);
    assert.match(run.stderr, /No files matching the pattern "\$\(touch"/);
  });
});

interface Hook {
  readonly id: string;
  readonly entry: string;
  readonly language: string;
  readonly types_or: readonly string[];
  readonly require_serial?: boolean;
  readonly args?: readonly string[];
}

// The identify tags (pre-commit's file classifier) of the extensions wsclose checks and of a few it does not.
const IDENTIFY_TAGS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['javascript'],
  '.mjs': ['javascript'],
  '.cjs': ['javascript'],
  '.jsx': ['jsx'],
  '.ts': ['ts'],
  '.mts': ['ts'],
  '.cts': ['ts'],
  '.tsx': ['tsx'],
  '.json': ['json'],
  '.md': ['markdown'],
};

describe('pre-commit hook (.pre-commit-hooks.yaml)', { concurrency: 1 }, () => {
  const hooks = yaml.load(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'wsclose')!;
  let project: string;
  before(() => (project = installedProject()));
  after(() => fs.rmSync(project, { recursive: true, force: true }));

  /** pre-commit: keep the files whose tags meet types_or, run `entry args… files…` with the hook's bin on PATH. */
  const runHook = (staged: readonly string[]): { status: number; stdout: string } => {
    const files = staged.filter((file) => (IDENTIFY_TAGS[path.extname(file)] ?? []).some((tag) => hook.types_or.includes(tag)));
    const [command, ...entryArgs] = hook.entry.split(' ');
    const env = { ...process.env, PATH: `${path.join(project, 'node_modules', '.bin')}${path.delimiter}${process.env['PATH']}` };
    const result = spawnSync(command!, [...entryArgs, ...(hook.args ?? []), ...files], { cwd: project, env, encoding: 'utf8' });
    return { status: result.status ?? -1, stdout: result.stdout };
  };

  it('a node hook running the wsclose bin, serially, on JavaScript and TypeScript files', () => {
    assert.deepEqual([hook.language, hook.entry, hook.require_serial], ['node', 'wsclose', true]);
    assert.deepEqual([...hook.types_or].sort(), ['javascript', 'jsx', 'ts', 'tsx']);
  });

  it('staged files with findings: exit code 1 and the findings; other file types are not passed', () => {
    const run = runHook(['src/server.ts', 'README.md', 'package.json', 'scripts/drain.mjs']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /src\/server\.ts\n/);
    assert.match(run.stdout, /scripts\/drain\.mjs\n/);
    assert.match(run.stdout, /✖ 7 problems \(4 errors, 3 warnings\)/);
  });

  it('clean staged files: exit code 0, no output', () => {
    assert.deepEqual(runHook(['src/clean.ts', 'src/helpers.ts', 'tsconfig.json']), { status: 0, stdout: '' });
  });
});
