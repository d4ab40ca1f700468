// --format junit and --format gitlab, and -o/--output-file. JUnit is read back with a real XML
// parser (sax, strict: any malformed XML throws) and checked for the structure Jenkins, GitLab and
// Azure read; GitLab Code Quality is validated (Ajv) against the fields GitLab documents for its
// report (docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): description,
// check_name, fingerprint (unique per issue), severity (info|minor|major|critical|blocker),
// location.path, location.lines.begin. Regenerate goldens with UPDATE_GOLDEN=1 and review them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { formatGitlab, type CodeQualityIssue } from '../../server/src/cli/formatters/gitlab';
import { escapeXml, formatJunit } from '../../server/src/cli/formatters/junit';
import { createResult, type LintMessage } from '../../server/src/cli/results';
import { assertGolden, runCli } from './harness';

// sax ships no types; this is the part of its API the test uses.
interface SaxParser {
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  write(xml: string): SaxParser;
  close(): void;
}
const sax = require('sax') as { parser(strict: boolean): SaxParser };

interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

/** The document's root element; throws on anything that is not well-formed XML. */
function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true);
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onopentag = (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes, children: [], text: '' };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => {
    stack[stack.length - 1]!.text += text;
  };
  parser.write(xml).close();
  assert.equal(root.children.length, 1, 'one root element');
  return root.children[0]!;
}

const GITLAB_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};
const validateGitlab = new Ajv({ allErrors: true }).compile(GITLAB_SCHEMA);

describe('--format junit', { concurrency: 4 }, () => {
  it('ts-project: one testcase per checked file, one failure per finding; golden', async () => {
    const run = await runCli('ts-project', ['--format', 'junit']);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stderr, '');
    assertGolden('ts-project.junit.xml', run.stdout);
    const suites = parseXml(run.stdout);
    assert.equal(suites.name, 'testsuites');
    const [suite] = suites.children;
    assert.equal(suite!.name, 'testsuite');
    const cases = suite!.children;
    const json = JSON.parse((await runCli('ts-project', ['--format', 'json'])).stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>;
    assert.deepEqual(cases.map((c) => c.attributes['name']), json.map((r) => path.relative(path.join(__dirname, '../../../test/fixtures/cli/ts-project'), r.filePath)));
    const findings = json.reduce((n, r) => n + r.messages.length, 0);
    assert.equal(suite!.attributes['tests'], String(json.length));
    assert.equal(suite!.attributes['failures'], String(findings));
    assert.equal(suites.attributes['failures'], String(findings));
    cases.forEach((testcase, i) => {
      assert.equal(testcase.name, 'testcase');
      assert.deepEqual(testcase.children.map((f) => [f.name, f.attributes['type']]), json[i]!.messages.map((m) => ['failure', m.ruleId]));
    });
  });

  it('escapes markup and drops characters XML cannot hold; a fatal message is an <error>', () => {
    const messages: LintMessage[] = [
      { ruleId: 'invalid-code', severity: 2, message: 'a <b> & "c" \u0001', line: 1, column: 1 },
      { ruleId: null, fatal: true, severity: 2, message: 'Cannot read the file: EACCES' },
    ];
    const xml = formatJunit([createResult('/work/a&b.ts', messages), createResult('/work/ok.ts', [])], { color: false, cwd: '/work' });
    const suites = parseXml(xml);
    const [bad, ok] = suites.children[0]!.children;
    assert.equal(bad!.attributes['name'], 'a&b.ts');
    assert.deepEqual(bad!.children.map((c) => c.name), ['failure', 'error']);
    assert.equal(bad!.children[0]!.attributes['message'], 'a <b> & "c" ');
    assert.equal(bad!.children[0]!.text, 'a&b.ts:1:1: a <b> & "c"  (invalid-code)');
    assert.deepEqual([suites.attributes['failures'], suites.attributes['errors']], ['1', '1']);
    assert.equal(ok!.children.length, 0);
    assert.equal(escapeXml("'"), '&apos;');
  });
});

describe('--format gitlab', { concurrency: 4 }, () => {
  it('ts-project: valid Code Quality issues, one per finding, unique fingerprints; golden', async () => {
    const run = await runCli('ts-project', ['--format', 'gitlab']);
    assert.equal(run.exitCode, 1);
    const issues = JSON.parse(run.stdout) as CodeQualityIssue[];
    assert.ok(validateGitlab(issues), JSON.stringify(validateGitlab.errors));
    assert.equal(issues.length, 9);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    assert.deepEqual(issues.map((i) => i.severity).sort(), ['major', 'major', 'major', 'major', 'major', 'major', 'minor', 'minor', 'minor']);
    assertGolden('ts-project.gitlab.json', `${JSON.stringify(issues, null, 2)}\n`);
  });

  it('fingerprints survive lines added above a finding, and differ for the same finding twice', () => {
    const message: LintMessage = { ruleId: 'reserved-code', severity: 2, message: 'm', line: 2, column: 10, endLine: 2, endColumn: 14 };
    const source = 'declare const ws: any;\nws.close(1006);\nws.close(1006);\n';
    const before = JSON.parse(formatGitlab([createResult('/w/a.ts', [message, { ...message, line: 3, endLine: 3 }])], { color: false, cwd: '/w', sources: new Map([['/w/a.ts', source]]) })) as CodeQualityIssue[];
    const moved = `// a comment\n\n${source}`;
    const after = JSON.parse(formatGitlab([createResult('/w/a.ts', [{ ...message, line: 4, endLine: 4 }, { ...message, line: 5, endLine: 5 }])], { color: false, cwd: '/w', sources: new Map([['/w/a.ts', moved]]) })) as CodeQualityIssue[];
    assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
    assert.notEqual(before[0]!.fingerprint, before[1]!.fingerprint);
    assert.deepEqual(after.map((i) => i.location.lines.begin), [4, 5]);
    assert.ok(validateGitlab(before));
  });

  it('no findings: an empty array (GitLab needs a report file)', async () => {
    const run = await runCli('ts-project', ['--format', 'gitlab', 'src/clean.ts']);
    assert.equal(run.exitCode, 0);
    assert.equal(run.stdout, '[]\n');
  });
});

describe('-o, --output-file', { concurrency: 4 }, () => {
  it('writes the report to the file, creating its folders; stdout stays empty; exit code unchanged', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-o-'));
    try {
      const target = path.join(dir, 'reports', 'ci', 'wsclose.xml');
      const run = await runCli('ts-project', ['-f', 'junit', '-o', target]);
      assert.equal(run.exitCode, 1);
      assert.equal(run.stdout, '');
      assert.equal(fs.readFileSync(target, 'utf8'), `${(await runCli('ts-project', ['-f', 'junit'])).stdout}`);
      const clean = path.join(dir, 'clean.txt');
      const quiet = await runCli('ts-project', ['--output-file', clean, 'src/clean.ts']);
      assert.deepEqual([quiet.exitCode, quiet.stdout, fs.readFileSync(clean, 'utf8')], [0, '', '']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a path that cannot be written: exit code 2 and the reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-o-'));
    try {
      const run = await runCli('ts-project', ['-o', dir, 'src/clean.ts']);
      assert.equal(run.exitCode, 2);
      assert.match(run.stderr, new RegExp(`^Cannot write the report to "${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}": EISDIR`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
