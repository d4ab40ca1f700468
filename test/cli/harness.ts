// Runs the built CLI (dist/cli.js) as users do and compares its output with golden files.
//
// Golden files live in test/cli/golden/. Absolute paths of test/fixtures/cli are written as
// `<root>`. JSON output is stored pretty-printed (the CLI writes it compact, like ESLint; the
// tests check that separately). To regenerate the golden files after an intended change:
//
//   UPDATE_GOLDEN=1 node --test out/test/cli/
//
// then read every changed golden file: each finding must be real and its position precise.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT } from '../harness/paths';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
export const CLI_FIXTURES = path.join(FIXTURES, 'cli');
export const GOLDEN_DIR = path.join(REPO_ROOT, 'test', 'cli', 'golden');
export const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without anything that turns colour on or off, or picks the language (goldens are English). */
function cleanEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  delete env['NODE_TEST_CONTEXT'];
  delete env['LC_ALL'];
  delete env['LC_MESSAGES'];
  delete env['LANG'];
  return { ...env, ...extra };
}

/** Runs `node dist/cli.js …args` in a fixture folder of test/fixtures/cli. */
export function runCli(fixture: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build it first with \`node esbuild.mjs\` (npm test does).`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: path.join(CLI_FIXTURES, fixture), env: cleanEnv(env), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ exitCode: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** Absolute fixture paths → `<root>`. */
export function normalize(text: string): string {
  return text.split(CLI_FIXTURES).join('<root>');
}

/** Compares (or with UPDATE_GOLDEN=1 writes) a golden file. */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATE_GOLDEN) {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${name} is missing: run with UPDATE_GOLDEN=1 to create it, then review it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from golden file ${name}`);
}

/** JSON output: must be compact like ESLint's; the golden file holds it pretty-printed with `<root>`. */
export function assertJsonGolden(name: string, stdout: string): void {
  const parsed: unknown = JSON.parse(stdout);
  assert.equal(stdout, `${JSON.stringify(parsed)}\n`, 'JSON output is one compact line followed by a newline');
  assertGolden(name, `${normalize(JSON.stringify(parsed, null, 2))}\n`);
}
