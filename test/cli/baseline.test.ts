// Baselines: --baseline-write records the findings of a run, --baseline hides recorded findings,
// matches them without line numbers (code moving keeps them matched), counts identical findings,
// lists entries that match nothing any more, and rejects invalid baseline files with exit code 2.
// Runs on a copy of the ts-project fixture in test/fixtures/cli/.tmp-* (gitignored).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readBaseline } from '../../server/src/cli/baseline';
import { CliError } from '../../server/src/cli/cli-error';
import { assertGolden, CLI_FIXTURES, runCli } from './harness';

const TEMP_NAME = `.tmp-baseline-${process.pid}`;
const temp = path.join(CLI_FIXTURES, TEMP_NAME);
fs.rmSync(temp, { recursive: true, force: true });
fs.cpSync(path.join(CLI_FIXTURES, 'ts-project'), temp, { recursive: true });
after(() => fs.rmSync(temp, { recursive: true, force: true }));

const server = path.join(temp, 'src', 'server.ts');
const edit = (file: string, change: (text: string) => string): void => fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));

describe('baseline', () => {
  it('--baseline-write records every finding as sorted JSON, and reports none of them', async () => {
    const run = await runCli(TEMP_NAME, ['--baseline-write', 'wsclose-baseline.json']);
    assert.deepEqual([run.exitCode, run.stdout, run.stderr], [0, '', 'wsclose: recorded 9 findings in wsclose-baseline.json.\n']);
    const text = fs.readFileSync(path.join(temp, 'wsclose-baseline.json'), 'utf8');
    assertGolden('ts-project.baseline.json', text);
    const { entries } = JSON.parse(text) as { entries: Array<{ file: string }> };
    assert.deepEqual(entries.map((e) => e.file), [...entries.map((e) => e.file)].sort());
    const again = await runCli(TEMP_NAME, ['--baseline-write', 'wsclose-baseline.json']);
    assert.equal(fs.readFileSync(path.join(temp, 'wsclose-baseline.json'), 'utf8'), text, 'writing twice gives the same file');
    assert.equal(again.exitCode, 0);
  });

  it('--baseline hides recorded findings, also after the code moved', async () => {
    assert.deepEqual(Object.values(await runCli(TEMP_NAME, ['--baseline', 'wsclose-baseline.json'])), [0, '', '']);
    edit(server, (text) => text.replace("import { WebSocketServer } from 'ws';\n", "import { WebSocketServer } from 'ws';\n\n// A comment that moves everything down.\nexport const PORT = 8080;\n\n"));
    edit(server, (text) => text.replace('    ws.close(401, ', '        ws.close(401,   '));
    assert.deepEqual(Object.values(await runCli(TEMP_NAME, ['--baseline', 'wsclose-baseline.json'])), [0, '', '']);
  });

  it('reports new findings, counts identical ones, and lists entries that match nothing any more', async () => {
    // One more identical 1006 close (a new finding), and the 401 fixed (a stale entry).
    edit(server, (text) => text.replace("if (data.toString() === 'bye') ws.close(1006);", "if (data.toString() === 'bye') ws.close(1006);\n    if (data.toString() === 'bye') ws.close(1006);"));
    edit(server, (text) => text.replace('ws.close(401,   ', 'ws.close(3000, '));
    const run = await runCli(TEMP_NAME, ['--baseline', 'wsclose-baseline.json', '-f', 'json']);
    assert.equal(run.exitCode, 1);
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>;
    assert.deepEqual(results.flatMap((r) => r.messages.map((m) => `${path.relative(temp, r.filePath)}:${m.line} ${m.ruleId}`)), [`src${path.sep}server.ts:18 reserved-code`]);
    assert.match(run.stderr, /^wsclose: 1 baseline entry matches no finding any more; prune wsclose-baseline\.json with --baseline-write:\n {2}src\/server\.ts {2}invalid-code {2}[0-9a-f]{16}\n$/);
  });

  it('rejects a missing or invalid baseline file with exit code 2, before linting', async () => {
    fs.writeFileSync(path.join(temp, 'broken.json'), '{\n  "version": 1,\n  "entries": [\n    { "file": "a.ts" "ruleId": null }\n  ]\n}\n');
    const broken = await runCli(TEMP_NAME, ['--baseline', 'broken.json']);
    assert.equal(broken.exitCode, 2);
    assert.match(broken.stderr, /^Invalid baseline file "broken\.json": not JSON at line 4, column 22 \(.+\)\. Write a new one with --baseline-write\.\n$/);
    assert.deepEqual(Object.values(await runCli(TEMP_NAME, ['--baseline', 'nope.json'])), [2, '', 'Cannot read baseline file "nope.json": no such file.\n']);
    const both = await runCli(TEMP_NAME, ['--baseline', 'a.json', '--baseline-write', 'b.json']);
    assert.deepEqual([both.exitCode, both.stderr], [2, 'Options --baseline and --baseline-write cannot be used together: --baseline-write records every finding of the run.\n']);
  });

  it('names what is wrong in a baseline file that is JSON', () => {
    const cases: Array<[string, string]> = [
      ['[]', 'expected an object with "version" and "entries"'],
      ['{"version": 2, "entries": []}', '"version" must be 1, not 2'],
      ['{"version": 1}', '"entries" must be an array'],
      ['{"version": 1, "entries": [1]}', 'entries[0] must be an object'],
      ['{"version": 1, "entries": [{"file": "", "ruleId": null, "fingerprint": "0123456789abcdef"}]}', 'entries[0].file must be a non-empty string'],
      ['{"version": 1, "entries": [{"file": "a.ts", "ruleId": "reserved-codes", "fingerprint": "0123456789abcdef"}]}', 'entries[0].ruleId must be a wsclose rule id or null, not "reserved-codes"'],
      ['{"version": 1, "entries": [{"file": "a.ts", "ruleId": null, "fingerprint": "xyz"}]}', 'entries[0].fingerprint must be 16 hexadecimal digits'],
    ];
    const file = path.join(temp, 'case.json');
    for (const [content, problem] of cases) {
      fs.writeFileSync(file, content);
      assert.throws(
        () => readBaseline(file, 'case.json'),
        (error: unknown) => error instanceof CliError && error.message === `Invalid baseline file "case.json": ${problem}. Write a new one with --baseline-write.`,
        content,
      );
    }
  });
});
