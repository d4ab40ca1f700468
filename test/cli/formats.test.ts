// --format sarif and --format github: golden files, SARIF validated against the official OASIS
// SARIF 2.1.0 schema (test/fixtures/sarif-schema-2.1.0.json, draft-04, checked here with Ajv), and
// the escaping GitHub workflow commands need. Regenerate goldens with UPDATE_GOLDEN=1 and review them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { RULE_IDS } from '../../server/src/core/finding';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formatters/github';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import { createResult } from '../../server/src/cli/results';
import { ruleDocsUrl } from '../../server/src/rules/docs-url';
import { FIXTURES, REPO_ROOT } from '../harness/paths';
import { assertGolden, normalize, runCli } from './harness';

/** The OASIS schema is draft-04 (`id`); Ajv 8 reads it as draft-07 once `id` is `$id`. */
function sarifValidator(): (data: unknown) => string[] {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  delete schema['$schema'];
  schema['$id'] = schema['id'];
  delete schema['id'];
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
}

const validateSarif = sarifValidator();
const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** SARIF golden: `<root>` for fixture paths, `<version>` for wsclose's version. */
const sarifGolden = (stdout: string): string => normalize(stdout).replace(`"version": "${version}"`, '"version": "<version>"');

describe('--format sarif', { concurrency: 4 }, () => {
  const cases = [
    { name: 'ts-project.sarif.json', fixture: 'ts-project', args: [], exitCode: 1 },
    { name: 'directives.sarif.json', fixture: 'directives', args: [], exitCode: 1 },
    { name: 'configured-explicit-ignored.sarif.json', fixture: 'configured', args: ['src/legacy.ts', 'src/rooms.ts'], exitCode: 1 },
  ];
  for (const testCase of cases) {
    it(`${testCase.fixture} ${testCase.args.join(' ')}: golden, and valid SARIF 2.1.0`, async () => {
      const run = await runCli(testCase.fixture, ['--format', 'sarif', ...testCase.args]);
      assert.equal(run.exitCode, testCase.exitCode, run.stderr);
      assert.equal(run.stderr, '');
      const log = JSON.parse(run.stdout) as unknown;
      assert.deepEqual(validateSarif(log), []);
      assertGolden(testCase.name, sarifGolden(run.stdout));
    });
  }

  it('lists every rule with its docs URL, and results point at their rule', async () => {
    const run = await runCli('ts-project', ['-f', 'sarif']);
    const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }> };
    const [sarifRun] = log.runs;
    assert.deepEqual(sarifRun!.tool.driver.rules.map((r) => r.id), [...RULE_IDS, 'directive']);
    for (const rule of sarifRun!.tool.driver.rules.slice(0, RULE_IDS.length)) assert.equal(rule.helpUri, ruleDocsUrl(rule.id as (typeof RULE_IDS)[number]));
    for (const result of sarifRun!.results) assert.equal(sarifRun!.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
  });

  it('gives files outside the working directory absolute URIs, and fixes as offsets without the source', () => {
    const message = { ruleId: 'reason-without-code', severity: 1 as const, message: 'm', line: 1, column: 10, endLine: 1, endColumn: 15, fix: { range: [9, 9] as const, text: '1000, ' } };
    const output = formatSarif([createResult('/elsewhere/a b.ts', [message])], { color: false, cwd: '/work' });
    const log = JSON.parse(output) as { runs: Array<{ results: Array<{ locations: unknown[]; fixes: unknown[] }> }> };
    assert.deepEqual(validateSarif(log), []);
    const result = log.runs[0]!.results[0]!;
    assert.deepEqual(result.locations, [{ physicalLocation: { artifactLocation: { uri: 'file:///elsewhere/a%20b.ts' }, region: { startLine: 1, startColumn: 10, endLine: 1, endColumn: 15 } } }]);
    assert.deepEqual(result.fixes, [
      { artifactChanges: [{ artifactLocation: { uri: 'file:///elsewhere/a%20b.ts' }, replacements: [{ deletedRegion: { charOffset: 9, charLength: 0 }, insertedContent: { text: '1000, ' } }] }] },
    ]);
  });
});

describe('--format github', { concurrency: 4 }, () => {
  it('ts-project: one workflow command per finding', async () => {
    const run = await runCli('ts-project', ['--format', 'github']);
    assert.equal(run.exitCode, 1);
    assertGolden('ts-project.github.txt', normalize(run.stdout));
  });

  it('directives and ignored files', async () => {
    const directives = await runCli('directives', ['-f', 'github']);
    assertGolden('directives.github.txt', normalize(directives.stdout));
    const ignored = await runCli('configured', ['-f', 'github', 'src/legacy.ts']);
    assert.equal(ignored.stdout, '::warning file=src/legacy.ts,title=wsclose::File ignored because of a matching ignore pattern. Use "--no-ignore" to override.\n');
  });

  it('prints nothing without findings', async () => {
    const run = await runCli('ts-project', ['-f', 'github', 'src/clean.ts']);
    assert.deepEqual([run.exitCode, run.stdout], [0, '']);
  });

  it('escapes messages and properties as the runner expects', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir,x/a:b%.ts\n'), 'dir%2Cx/a%3Ab%25.ts%0A');
    const output = formatGithub([createResult('/w/odd,name:1.ts', [{ ruleId: null, severity: 2, message: 'bad\nthing 50%', line: 2, column: 3, endLine: 4, endColumn: 5 }])], { color: false, cwd: '/w' });
    assert.equal(output, '::error file=odd%2Cname%3A1.ts,line=2,col=3,endLine=4,endColumn=5,title=wsclose(directive)::bad%0Athing 50%25');
  });
});
