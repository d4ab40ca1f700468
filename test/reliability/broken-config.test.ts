// Broken configuration. wsclose.config.json problems stop the CLI with exit code 2 and a
// file:line:column message; tsconfig problems (a missing or circular `extends`) are warnings with
// their location, and the files are still checked. The language server keeps working with
// defaults (or without the broken tsconfig) and tells the user once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import { startClient } from '../lsp/harness';
import { ONE_FINDING, parseRun, runCli, scratch, summarize, writeFile } from './helpers';

const root = scratch('config');
after(() => fs.rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  writeFile(dir, 'src/a.ts', ONE_FINDING);
  for (const [relative, content] of Object.entries(files)) writeFile(dir, relative, content);
  return dir;
}

describe('broken wsclose.config.json: exit code 2, every problem with its location', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['invalid JSON', '{ "rules": { "reserved-code": "error", }\n  "ignore": [\n', /^wsclose\.config\.json:\d+:\d+: /m],
    ['wrong types', '{\n  "rules": [],\n  "ignore": "dist/**",\n  "codes": [{ "code": "4001" }]\n}\n', /^wsclose\.config\.json:2:\d+: [\s\S]*^wsclose\.config\.json:3:\d+: [\s\S]*^wsclose\.config\.json:4:\d+: /m],
    ['an unknown rule id', '{\n  "rules": { "reserved-codes": "error" }\n}\n', /^wsclose\.config\.json:2:\d+: .*reserved-codes.*reserved-code/m],
    ['a bad severity', '{\n  "rules": { "reserved-code": "eror" }\n}\n', /^wsclose\.config\.json:2:\d+: .*eror/m],
    ['a bad glob', '{\n  "ignore": ["src/[a-"],\n  "runtimes": { "**/{a,": "browser" }\n}\n', /^wsclose\.config\.json:2:\d+: .*"\[" is never closed[\s\S]*^wsclose\.config\.json:3:\d+: .*"\{" is never closed/m],
    ['not an object', '42\n', /^wsclose\.config\.json:1:1: /m],
    ['an empty file', '', /^wsclose\.config\.json:1:1: /m],
  ];
  for (const [name, text, expected] of cases) {
    it(name, async () => {
      const dir = project(`wsclose-${name.replace(/\W+/g, '-')}`, { 'wsclose.config.json': text });
      const run = await runCli(dir, ['--format', 'json', '.']);
      assert.equal(run.exitCode, 2, `${run.stdout}\n${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, expected);
      assert.doesNotMatch(run.stderr, /internal error|\n\s+at /);
    });
  }
});

describe('broken tsconfig: a warning with the location, files still checked', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['extends a missing file', { 'tsconfig.json': '{\n  "extends": "./missing.json",\n  "include": ["src"]\n}\n' }, /tsconfig\.json(?::\d+:\d+)?: warning: Cannot read file '.*missing\.json'\. \(TS5083\)/],
    [
      'circular extends',
      { 'tsconfig.json': '{\n  "extends": "./tsconfig.base.json",\n  "include": ["src"]\n}\n', 'tsconfig.base.json': '{\n  "extends": "./tsconfig.json",\n  "compilerOptions": { "lib": ["dom", "es2022"] }\n}\n' },
      /tsconfig(?:\.base)?\.json(?::\d+:\d+)?: warning: Circularity detected while resolving configuration.*\(TS18000\)/,
    ],
    ['extends a package that is not installed', { 'tsconfig.json': '{\n  "extends": "@nowhere/tsconfig",\n  "include": ["src"]\n}\n' }, /tsconfig\.json:2:\d+: warning: .*@nowhere\/tsconfig.*\(TS\d+\)/],
    ['invalid JSON and wrong option types', { 'tsconfig.json': '{\n  "compilerOptions": { "strict": "yes", "target": 42 },,\n  "include": ["src"]\n' }, /tsconfig\.json:2:\d+: warning: .*\(TS\d+\)/],
  ];
  for (const [name, files, expected] of cases) {
    it(name, async () => {
      const dir = project(`tsconfig-${name.replace(/\W+/g, '-')}`, files);
      const run = await runCli(dir, ['--format', 'json', '.']);
      assert.deepEqual(summarize(parseRun(run), dir), ['src/a.ts:2:10 reserved-code']);
      assert.match(run.stderr, expected);
    });
  }
});

describe('language server: a circular tsconfig extends', () => {
  it('logs the problem, keeps checking with what it has, and stays alive', async () => {
    const dir = project('lsp-circular', {
      'tsconfig.json': '{\n  "extends": "./tsconfig.base.json",\n  "include": ["src"]\n}\n',
      'tsconfig.base.json': '{\n  "extends": "./tsconfig.json",\n  "compilerOptions": { "lib": ["dom", "es2022"] }\n}\n',
      'wsclose.config.json': '{ "rules": { "reserved-code": 7 } }\n',
    });
    const { client } = await startClient({ workspace: dir, pull: true });
    try {
      const uri = await client.open(path.join(dir, 'src', 'a.ts'));
      const pull = async (): Promise<unknown[]> => ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items: Array<{ code?: unknown }> }).items.map((d) => d.code);
      assert.deepEqual(await pull(), ['reserved-code']);
      assert.deepEqual(await pull(), ['reserved-code']);
      await client.waitFor(() => client.messages.length > 0);
      assert.ok(client.logs.some((line) => /Circularity detected/.test(line) && /TS18000/.test(line)), client.logs.join('\n'));
      // The broken wsclose.config.json: one message to the user, however often the file is checked.
      const config = path.join(dir, 'wsclose.config.json');
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uriOf(config), type: 2 }] });
      assert.deepEqual(await pull(), ['reserved-code']);
      await client.edit(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '// edited\n' }]);
      assert.deepEqual(await pull(), ['reserved-code']);
      assert.equal(client.messages.filter((m) => m.message.includes('wsclose.config.json')).length, 1, JSON.stringify(client.messages));
      assert.equal(await client.shutdown(), 0);
      assert.deepEqual(client.protocolErrors, []);
    } finally {
      client.kill();
    }
  });
});
