// `eslint` with the plugin's recommended config reports exactly what `wsclose` reports: same files,
// positions, rules, severities, messages, fixes and suggestions. Uses the BUILT plugin
// (dist/eslint-plugin.js, what users import) and the built CLI (dist/cli.js), over the example
// app and over a fixture project with a wsclose.config.json (private codes, an ignore pattern, a
// forced runtime), untyped JavaScript (an inferred receiver) and a CRLF file with astral characters.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import type WsclosePlugin from '../../server/src/eslint/plugin';
import { FIXTURES, REPO_ROOT } from '../harness/paths';

const PLUGIN_FILE = path.join(REPO_ROOT, 'dist', 'eslint-plugin.js');

interface Fix {
  readonly range: readonly [number, number];
  readonly text: string;
}

interface Message {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
  readonly messageId?: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly fix?: Fix;
  readonly suggestions?: ReadonlyArray<{ readonly desc: string; readonly fix: Fix }>;
}

interface Result {
  readonly filePath: string;
  readonly messages: readonly Message[];
}

/** One comparable row per message. */
function rows(results: readonly Result[], rulePrefix: string): string[] {
  return results
    .flatMap((result) =>
      result.messages.map((m) =>
        JSON.stringify({
          file: path.relative(REPO_ROOT, result.filePath),
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          rule: m.ruleId?.startsWith(rulePrefix) ? m.ruleId.slice(rulePrefix.length) : m.ruleId,
          severity: m.severity,
          messageId: m.messageId,
          message: m.message,
          fix: m.fix ?? null,
          suggestions: (m.suggestions ?? []).map((s) => ({ desc: s.desc, fix: s.fix })),
        }),
      ),
    )
    .sort();
}

function runCli(target: string): Result[] {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), target, '--format', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  assert.ok(run.stdout.startsWith('['), `wsclose ${target} printed no JSON:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout) as Result[];
}

async function runEslint(target: string): Promise<Result[]> {
  const wsclose = require(PLUGIN_FILE) as typeof WsclosePlugin;
  const eslint = new ESLint({
    cwd: REPO_ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      tseslint.configs.base,
      wsclose.configs.recommended,
      { languageOptions: { parserOptions: { tsconfigRootDir: REPO_ROOT } } },
    ] as ESLint.Options['overrideConfig'],
  });
  return (await eslint.lintFiles([target])) as unknown as Result[];
}

describe('eslint with wsclose/eslint-plugin reports what the wsclose CLI reports', () => {
  for (const { target, expected } of [
    { target: 'examples', expected: 9 },
    { target: path.relative(REPO_ROOT, path.join(FIXTURES, 'eslint', 'parity')), expected: 9 },
  ]) {
    it(`${target}: same findings, messages, fixes and suggestions`, async () => {
      const cli = rows(runCli(target), '');
      const eslint = rows(await runEslint(target), 'wsclose/');
      assert.equal(cli.length, expected, `the CLI reports ${expected} findings in ${target}:\n${cli.join('\n')}`);
      assert.deepEqual(eslint, cli);
    });
  }

  it('the parity project covers an inferred receiver, a forced runtime, an ignored file and a CRLF file', async () => {
    const results = await runEslint(path.relative(REPO_ROOT, path.join(FIXTURES, 'eslint', 'parity')));
    const byFile = new Map(results.map((r) => [path.basename(r.filePath), r.messages]));
    assert.equal(byFile.get('legacy.js')?.[0]?.messageId, 'reserved');
    assert.equal(byFile.get('embedded.ts')?.[0]?.ruleId, 'wsclose/browser-code-range');
    assert.deepEqual(byFile.get('client.ts'), []);
    assert.deepEqual(byFile.get('crlf.ts')?.map((m) => [m.line, m.column]), [[5, 31]]);
  });
});

describe('dist/eslint-plugin.js loads as the plugin itself', () => {
  it('with require() and with an ESM default import', async () => {
    const required = require(PLUGIN_FILE) as typeof WsclosePlugin;
    const imported = ((await import(pathToFileURL(PLUGIN_FILE).href)) as { default: typeof WsclosePlugin }).default;
    for (const plugin of [required, imported]) {
      assert.equal(plugin.meta.name, 'wsclose');
      assert.equal(typeof plugin.rules['reserved-code'].create, 'function');
      assert.equal(plugin.configs.recommended.plugins?.['wsclose'], plugin);
    }
    assert.equal(imported, required);
  });
});
