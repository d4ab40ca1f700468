// One file TypeScript cannot take (engine/isolation.ts) through the real CLI: in a tsconfig project
// with ordinary files, the culprit gets exactly one fatal message at the place it nests deepest,
// and every other file keeps its findings — including the ones that rest on a global script.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseRun, runCli, scratch, summarize, writeFile } from './helpers';
import type { JsonResult } from './helpers';

const root = scratch('isolation');
after(() => fs.rmSync(root, { recursive: true, force: true }));

const TSCONFIG = '{ "compilerOptions": { "lib": ["es2022", "dom"], "strict": true, "noEmit": true, "jsx": "preserve" }, "include": ["*.ts", "*.tsx"] }\n';

/** The project: ok.ts with one finding, a global script the next file relies on, and the culprit. */
function project(name: string, culprit: Record<string, string>): string {
  const dir = path.join(root, name);
  writeFile(dir, 'tsconfig.json', TSCONFIG);
  writeFile(dir, 'ok.ts', 'declare const ws: WebSocket;\nws.close(1006);\n');
  writeFile(dir, 'globals.ts', 'declare const sharedSocket: WebSocket;\n');
  writeFile(dir, 'uses-global.ts', 'export {};\nsharedSocket.close(1005);\n');
  for (const [file, text] of Object.entries(culprit)) writeFile(dir, file, text);
  return dir;
}

const NORMAL = ['ok.ts:2:10 reserved-code', 'uses-global.ts:2:20 reserved-code'];

async function check(dir: string): Promise<{ results: JsonResult[]; summary: string[]; stderr: string }> {
  const run = await runCli(dir, ['--format', 'json', '.'], { timeoutMs: 60_000 });
  const results = parseRun(run);
  return { results, summary: summarize(results, dir), stderr: run.stderr };
}

function onlyMessage(results: readonly JsonResult[], name: string): JsonResult['messages'][number] {
  const result = results.find((r) => path.basename(r.filePath) === name);
  assert.ok(result, `no result for ${name}`);
  assert.equal(result.messages.length, 1, JSON.stringify(result.messages));
  return result.messages[0]!;
}

describe('CLI: a file TypeScript cannot take is left out, the others are checked', () => {
  it('the issue reproduction: a deep global script next to ok.ts', async () => {
    const dir = project('script', { 'deep.ts': `const x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n` });
    const { results, summary } = await check(dir);
    assert.deepEqual(summary, [...NORMAL, 'deep.ts:1:10010 fatal'].sort());
    const note = onlyMessage(results, 'deep.ts');
    assert.equal(note.fatal, true);
    assert.match(note.message, /nested too deeply for TypeScript to analyze \(10,000 levels\); the other files are checked without it/);
  });

  it('a member chain a.b.b… 20,000 long', async () => {
    const dir = project('chain', { 'chain.ts': `declare const a: any;\nconst y = a${'.b'.repeat(20_000)};\n` });
    const { results, summary } = await check(dir);
    assert.deepEqual(summary, [...NORMAL, 'chain.ts:2:13 fatal'].sort());
    assert.match(onlyMessage(results, 'chain.ts').message, /nested too deeply/);
  });

  it('5,000 nested if statements', async () => {
    const dir = project('ifs', { 'ifs.ts': `declare const c: boolean;\n${'if (c) {\n'.repeat(5_000)}c;\n${'}\n'.repeat(5_000)}` });
    const { summary } = await check(dir);
    assert.deepEqual(summary, [...NORMAL, 'ifs.ts:5001:4 fatal'].sort());
  });

  it('a JSX tree 5,000 elements deep, in a module with a close call of its own', async () => {
    const dir = project('jsx', { 'tree.tsx': `declare const ws: WebSocket;\nws.close(1006);\nexport const v = ${'<div>'.repeat(5_000)}x${'</div>'.repeat(5_000)};\n` });
    const { results, summary } = await check(dir);
    // Its own close call is not reported: the file is not checked at all, and says so once.
    assert.deepEqual(summary, [...NORMAL, 'tree.tsx:3:25014 fatal'].sort());
    assert.match(onlyMessage(results, 'tree.tsx').message, /nested too deeply/);
  });

  it('several culprits at once, and what a left-out script declared is all that is lost', async () => {
    const dir = project('several', {
      'deep.ts': `declare const lostSocket: WebSocket;\nconst x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n`,
      'chain.ts': `declare const a: any;\nconst y = a${'.b'.repeat(20_000)};\n`,
      'uses-lost.ts': 'export {};\nlostSocket.close(1006);\n',
    });
    const { summary, stderr } = await check(dir);
    // lostSocket was declared only by the left-out script: its close has no type to go on.
    assert.deepEqual(summary, [...NORMAL, 'chain.ts:2:13 fatal', 'deep.ts:2:10010 fatal'].sort());
    assert.doesNotMatch(stderr, /internal error/i);
  });

  it('a culprit outside the files checked is named once on stderr', async () => {
    const dir = project('outside', { 'deep.ts': `const x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n` });
    const run = await runCli(dir, ['--format', 'json', 'ok.ts', 'uses-global.ts']);
    assert.deepEqual(summarize(parseRun(run), dir), NORMAL);
    assert.equal(run.stderr.match(/deep\.ts: warning: Cannot check the file: it is nested too deeply/g)?.length, 1, run.stderr);
  });
});
