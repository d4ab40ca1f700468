// --fix and --fix-dry-run: the round trip on a copy of the example project (only findings without
// a fix remain, and a second run changes nothing), encodings, BOMs and line endings kept, files
// that change on disk during the run left alone, and the fix loop itself (overlaps retried, parse-
// breaking fixes dropped, bounded passes). Copies live in test/fixtures/cli/.tmp-* (gitignored) so
// that the example project resolves `ws` types through the repository's node_modules.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/finding';
import { fixUntilStable } from '../../server/src/cli/fix';
import { runLint } from '../../server/src/cli/run';
import { EXAMPLES } from '../harness/paths';
import { CLI_FIXTURES, runCli } from './harness';

const TEMP_NAME = `.tmp-fix-${process.pid}`;
const temp = path.join(CLI_FIXTURES, TEMP_NAME);
fs.mkdirSync(temp, { recursive: true });
after(() => fs.rmSync(temp, { recursive: true, force: true }));

interface JsonMessage { ruleId: string | null; line: number; column: number; fix?: unknown }
interface JsonResult { filePath: string; messages: JsonMessage[]; output?: string }

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** Every file's bytes and modification time. */
function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [path.relative(dir, file), `${fs.statSync(file).mtimeMs} ${fs.readFileSync(file).toString('base64')}`]));
}

function write(relative: string, content: string | Buffer): string {
  const file = path.join(temp, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const findingsOf = (results: JsonResult[]): string[] =>
  results.flatMap((r) => r.messages.map((m) => `${path.relative(temp, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`)).sort();

describe('--fix on a copy of the example project', () => {
  const copy = path.join(temp, 'examples');
  fs.cpSync(EXAMPLES, copy, { recursive: true });
  const fixture = `${TEMP_NAME}/examples`;

  it('applies every fix, leaves only findings without one, and a second run changes nothing', async () => {
    const before = await runCli(fixture, ['-f', 'json', '.']);
    const original = JSON.parse(before.stdout) as JsonResult[];
    const unfixable = findingsOf(original.map((r) => ({ ...r, messages: r.messages.filter((m) => m.fix === undefined) })));
    assert.ok(original.some((r) => r.messages.some((m) => m.fix !== undefined)), 'the examples have a fixable finding');
    const untouched = snapshot(copy);

    const first = await runCli(fixture, ['--fix', '-f', 'json', '.']);
    assert.equal(first.stderr, '');
    assert.equal(first.exitCode, 1);
    const fixed = JSON.parse(first.stdout) as JsonResult[];
    assert.deepEqual(findingsOf(fixed), unfixable);
    assert.ok(fixed.every((r) => r.messages.every((m) => m.fix === undefined)));
    const chatClient = path.join(copy, 'web', 'src', 'chat-client.ts');
    assert.match(fs.readFileSync(chatClient, 'utf8'), /this\.socket\?\.close\(1000, 'User logged out'\);/);
    assert.equal(fixed.find((r) => r.filePath === chatClient)?.output, fs.readFileSync(chatClient, 'utf8'), 'json output carries the fixed text');
    const changed = [...snapshot(copy)].filter(([file, state]) => untouched.get(file) !== state).map(([file]) => file);
    assert.deepEqual(changed, [path.join('web', 'src', 'chat-client.ts')], 'only the file with a fix is written, and no temporary file is left');

    const afterFirst = snapshot(copy);
    const second = await runCli(fixture, ['--fix', '-f', 'json', '.']);
    assert.equal(second.exitCode, 1);
    assert.deepEqual(findingsOf(JSON.parse(second.stdout) as JsonResult[]), unfixable);
    assert.ok((JSON.parse(second.stdout) as JsonResult[]).every((r) => r.output === undefined));
    assert.deepEqual(snapshot(copy), afterFirst, 'the second --fix writes nothing');
  });
});

describe('--fix-dry-run', () => {
  it('reports the fixed text as "output" and writes nothing', async () => {
    const file = write('dry/app.ts', "export function leave(ws: WebSocket): void {\n  ws.close(undefined, 'bye');\n}\n");
    const bytes = fs.readFileSync(file);
    const run = await runCli(`${TEMP_NAME}/dry`, ['--fix-dry-run', '-f', 'json']);
    assert.equal(run.exitCode, 0, run.stderr);
    const [result] = JSON.parse(run.stdout) as JsonResult[];
    assert.equal(result!.output, "export function leave(ws: WebSocket): void {\n  ws.close(1000, 'bye');\n}\n");
    assert.deepEqual(result!.messages, []);
    assert.deepEqual(fs.readFileSync(file), bytes);
  });

  it('cannot be combined with --fix', async () => {
    const run = await runCli('ts-project', ['--fix', '--fix-dry-run']);
    assert.deepEqual([run.exitCode, run.stderr], [2, 'Options --fix and --fix-dry-run cannot be used together.\n']);
  });
});

describe('--fix keeps the file as it was, except for the fixes', () => {
  const source = ['// wsclose-disable-next-line invalid-code', 'export function leave(ws: WebSocket): void {', "  ws.close(undefined, 'bye');", '}', ''];
  const fixedLines = ['export function leave(ws: WebSocket): void {', "  ws.close(1000, 'bye');", '}', ''];

  it('a CRLF file with a UTF-8 BOM keeps both, and its permissions', () => {
    const file = write('crlf/app.ts', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source.join('\r\n'))]));
    fs.chmodSync(file, 0o640);
    const { results, warnings } = runLint({ cwd: path.join(temp, 'crlf'), patterns: [], fix: 'write' });
    assert.deepEqual(warnings, []);
    assert.deepEqual(results.map((r) => r.messages.length), [0]);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), fixedLines.join('\r\n'));
    if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['app.ts']);
  });

  it('a UTF-16 file stays UTF-16', () => {
    const file = write('utf16/app.ts', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source.join('\n'), 'utf16le')]));
    runLint({ cwd: path.join(temp, 'utf16'), patterns: [], fix: 'write' });
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), fixedLines.join('\n'));
  });

  it('a file that changes on disk during the run is not overwritten, and keeps its findings', () => {
    const file = write('changed/app.ts', source.join('\n'));
    const edited = `${source.join('\n')}// edited meanwhile\n`;
    const { results, warnings } = runLint(
      { cwd: path.join(temp, 'changed'), patterns: [], fix: 'write' },
      { beforeWrite: (target) => fs.writeFileSync(target, edited) },
    );
    assert.equal(fs.readFileSync(file, 'utf8'), edited);
    assert.deepEqual(warnings, ['app.ts: warning: not fixed: the file changed on disk during the run; run wsclose --fix again.']);
    assert.deepEqual(results[0]!.messages.map((m) => [m.line, m.ruleId]), [[1, null], [3, 'reason-without-code']]);
    assert.equal(results[0]!.output, undefined);
  });

  it('with --quiet, only fixes of errors are applied', () => {
    const file = write('quiet/app.ts', source.join('\n'));
    runLint({ cwd: path.join(temp, 'quiet'), patterns: [], fix: 'write', quiet: true });
    assert.equal(fs.readFileSync(file, 'utf8'), source.join('\n'));
  });
});

describe('the fix loop', () => {
  const finding = (start: number, end: number, text: string, ruleId: Finding['ruleId'] = 'reason-without-code'): Finding => ({
    ruleId,
    messageId: 'm',
    data: {},
    message: 'm',
    severity: 'warn',
    start,
    end,
    confidence: 'typed',
    fix: [{ start, end, text }],
  });
  const loop = (text: string, lint: (text: string) => Finding[], maxPasses?: number) => {
    const texts = new Map([['/virtual/a.ts', text]]);
    const findings = new Map<string, readonly Finding[]>([['/virtual/a.ts', lint(text)]]);
    const warnings: string[] = [];
    const summary = fixUntilStable({
      texts,
      findings,
      relint: (files) => new Map(files.map((file) => [file, lint(texts.get(file)!)])),
      shouldFix: () => true,
      warn: (line) => warnings.push(line),
      displayPath: (file) => path.basename(file),
      ...(maxPasses !== undefined ? { maxPasses } : {}),
    });
    return { summary, text: texts.get('/virtual/a.ts')!, warnings, findings: findings.get('/virtual/a.ts')! };
  };

  it('retries a fix that overlapped another on the next pass', () => {
    const lint = (text: string): Finding[] => [
      ...(text.startsWith('a ') ? [finding(0, 2, 'A ')] : []),
      ...(text.endsWith(' b') ? [finding(1, 3, ' B')] : []),
    ];
    const { summary, text } = loop('a b', lint);
    assert.equal(text, 'A B');
    assert.deepEqual([summary.passes, summary.unstable, [...summary.changed]], [3, false, ['/virtual/a.ts']]);
  });

  it('drops a fix that would leave the file unparsable, reports it once, and applies the others', () => {
    const lint = (text: string): Finding[] => {
      const reason = text.indexOf("'bye'");
      const code = text.indexOf('undefined');
      return [
        ...(text.includes("ws.close('bye')") ? [finding(reason, reason, '4000 ')] : []), // "close(4000 'bye')": no comma
        ...(code >= 0 ? [finding(code, code + 'undefined'.length, '1000', 'invalid-code')] : []),
      ];
    };
    const source = "ws.close('bye');\nother.close(undefined);\n";
    const { text, warnings, findings, summary } = loop(source, lint);
    assert.equal(text, "ws.close('bye');\nother.close(1000);\n");
    assert.deepEqual(warnings, ["a.ts:1:10: warning: fix of reason-without-code dropped: the file would no longer parse: ',' expected. (TS1005)"]);
    assert.deepEqual(findings.map((f) => f.ruleId), ['reason-without-code'], 'the finding stays, unfixed');
    assert.equal(summary.unstable, false);
  });

  it('stops after the last pass allowed', () => {
    const { summary, text } = loop('x', (current) => [finding(current.length, current.length, ';x')], 4);
    assert.deepEqual([summary.passes, summary.unstable, text], [4, true, 'x;x;x;x;x']);
  });
});
