// The README's main job: `wsclose examples` reports each planted mistake exactly once — the
// rule named by the `// planted: <rule>` comment above it, on the next line — and nothing else.
// The README's output excerpt and its copy of `--help` must also be what the CLI prints today.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLES, REPO_ROOT } from '../harness/paths';

interface JsonMessage { ruleId: string | null; line: number; severity: number; suggestions?: unknown[]; fix?: unknown }
interface JsonResult { filePath: string; messages: JsonMessage[] }

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.(ts|js)$/.test(e.name) ? [full] : [];
  });
}

function plantedMistakes(): string[] {
  return sourceFiles(EXAMPLES).flatMap((file) =>
    fs.readFileSync(file, 'utf8').split('\n').flatMap((line, index) => {
      const match = /\/\/ planted: ([a-z-]+)/.exec(line);
      return match ? [`${path.relative(REPO_ROOT, file)}:${index + 2} ${match[1]}`] : [];
    }),
  ).sort();
}

function runCli(args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: withoutColorVariables() });
}

describe('wsclose examples', () => {
  const json = runCli(['examples', '--format', 'json']);
  const results = JSON.parse(json.stdout) as JsonResult[];

  it('reports exactly the planted mistakes, one each, with the planted rule', () => {
    const reported = results.flatMap((r) => r.messages.map((m) => `${path.relative(REPO_ROOT, r.filePath)}:${m.line} ${m.ruleId}`)).sort();
    assert.equal(plantedMistakes().length, 9);
    assert.deepEqual(reported, plantedMistakes());
  });

  it('covers all nine rules and exits with 1 (errors found)', () => {
    const rules = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    assert.equal(rules.size, 9);
    assert.equal(json.status, 1);
  });

  it('offers a suggestion or a fix for every planted mistake except premature-close', () => {
    for (const m of results.flatMap((r) => r.messages)) {
      if (m.ruleId === 'premature-close') continue;
      assert.ok((m.suggestions?.length ?? 0) > 0 || m.fix, `${m.ruleId} at line ${m.line} has neither`);
    }
  });

  it("the README's output excerpt is what the CLI prints", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const excerpt = /The output is ESLint's familiar format[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(excerpt, 'README has the output excerpt');
    // The README shows the absolute paths the CLI prints, from a clone in /home/you/wsclose.
    const stylish = runCli(['examples']).stdout.replaceAll(`${REPO_ROOT}${path.sep}`, '/home/you/wsclose/').replaceAll(path.sep, '/');
    assert.equal(excerpt.trim(), stylish.trim());
  });

  it("the README's code map is what `wsclose codes` prints in examples/", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const excerpt = /cd examples && npx wsclose codes`\):\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(excerpt, 'README has the code map excerpt');
    const codes = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'codes'], { cwd: EXAMPLES, encoding: 'utf8', env: withoutColorVariables() });
    assert.equal(codes.stderr, '');
    assert.equal(excerpt.trim(), codes.stdout.replaceAll(path.sep, '/').trim());
  });
});

describe('examples/ as a package of its own', () => {
  it("turns on no app profile from the repository's dev dependencies (graphql-ws)", () => {
    const printed = runCli(['--print-config', path.join('examples', 'server', 'src', 'index.ts')]);
    assert.equal(printed.status, 0, printed.stderr);
    const { appProfiles } = JSON.parse(printed.stdout) as { appProfiles: Array<{ id: string; active: boolean; packageJson?: string }> };
    assert.deepEqual(appProfiles.filter((p) => p.active).map((p) => p.id), []);
    assert.ok(appProfiles.every((p) => p.packageJson === 'examples/package.json'), JSON.stringify(appProfiles));
  });
});

describe("the README's copy of --help", () => {
  it('is what `wsclose --help` prints', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const copy = /## Using the CLI[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(copy, 'README has the --help copy under "Using the CLI"');
    const help = runCli(['--help', '--locale', 'en']);
    assert.equal(help.status, 0, help.stderr);
    assert.equal(copy.trim(), help.stdout.trim());
  });
});

function withoutColorVariables(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  return env;
}
