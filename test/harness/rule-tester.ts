// A small RuleTester in the typescript-eslint style, on node:test: valid cases must produce no
// finding of the rule; invalid cases pin messageId, position, data, fix output and suggestions.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, RuleId } from '../../server/src/core/finding';
import { applyEdits, applyFixes, lintSnippets, onlyRuleConfig, type Snippet, type SnippetEnv } from './snippet-project';
import type { ResolvedConfig } from '../../server/src/core/config';

export interface ValidCase {
  readonly code: string;
  readonly env?: SnippetEnv;
  /** The snippet file's extension when it is not the env's default (`.tsx`, `.jsx`). */
  readonly extension?: string;
  readonly name?: string;
  readonly config?: (config: ResolvedConfig) => ResolvedConfig;
}

export interface ExpectedError {
  readonly messageId: string;
  /** 1-based, like ESLint. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Exact rendered message, when a case is about wording. */
  readonly message?: string;
  /** Exact rendered detail (the why behind the message). */
  readonly detail?: string;
  readonly confidence?: 'typed' | 'inferred';
  /** Each suggestion's messageId and the full text after applying it; [] = none. */
  readonly suggestions?: ReadonlyArray<{ readonly messageId: string; readonly output: string }>;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** Text after applying all fixes; null = the findings carry no fix. */
  readonly output?: string | null;
}

export function ruleTester(ruleId: RuleId, cases: { valid: readonly (ValidCase | string)[]; invalid: readonly InvalidCase[] }): void {
  const valid = cases.valid.map((c) => (typeof c === 'string' ? { code: c } : c));
  const snippets: Snippet[] = [...valid, ...cases.invalid].map((c) => ({
    code: c.code,
    env: c.env ?? 'node',
    ...(c.extension ? { extension: c.extension } : {}),
    config: (config: ResolvedConfig) => onlyRuleConfig(ruleId)(c.config ? c.config(config) : config),
  }));
  // Lint lazily inside the first test so a failure is reported per test, not at load time.
  let linted: ReturnType<typeof lintSnippets> | undefined;
  const results = () => (linted ??= lintSnippets(snippets));

  describe(ruleId, () => {
    describe('valid', () => {
      valid.forEach((c, i) => {
        it(c.name ?? firstLine(c.code), () => {
          const findings = results()[i]!.findings.filter((f) => f.ruleId === ruleId);
          assert.deepEqual(findings.map(describeFinding), [], `expected no ${ruleId} finding`);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, j) => {
        it(c.name ?? firstLine(c.code), () => {
          const { sourceFile, findings: all } = results()[valid.length + j]!;
          const findings = all.filter((f) => f.ruleId === ruleId);
          assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${findings.map(describeFinding).join('\n')}`);
          c.errors.forEach((expected, k) => {
            const actual = findings[k]!;
            const start = sourceFile.getLineAndCharacterOfPosition(actual.start);
            const end = sourceFile.getLineAndCharacterOfPosition(actual.end);
            assert.equal(actual.messageId, expected.messageId, describeFinding(actual));
            assert.deepEqual([start.line + 1, start.character + 1], [expected.line, expected.column], `start of ${describeFinding(actual)}`);
            if (expected.endLine !== undefined) assert.equal(end.line + 1, expected.endLine, 'endLine');
            if (expected.endColumn !== undefined) assert.equal(end.character + 1, expected.endColumn, 'endColumn');
            if (expected.data) for (const [key, value] of Object.entries(expected.data)) assert.equal(actual.data[key], value, `data.${key}`);
            if (expected.message !== undefined) assert.equal(actual.message, expected.message);
            if (expected.detail !== undefined) assert.equal(actual.detail, expected.detail);
            if (expected.confidence !== undefined) assert.equal(actual.confidence, expected.confidence);
            if (expected.suggestions !== undefined) {
              assert.deepEqual(
                (actual.suggestions ?? []).map((s) => ({ messageId: s.messageId, output: applyEdits(c.code, s.edits) })),
                expected.suggestions,
              );
            }
          });
          if (c.output !== undefined) {
            const hasFix = findings.some((f) => f.fix);
            if (c.output === null) assert.equal(hasFix, false, 'expected no fix');
            else assert.equal(applyFixes(c.code, findings), c.output);
          }
        });
      });
    });
  });
}

function firstLine(code: string): string {
  return code.trim().split('\n').find((l) => /close|end|drop|Error/.test(l))?.trim() ?? code.trim().split('\n')[0]!;
}

export function describeFinding(f: Finding): string {
  return `${f.ruleId}/${f.messageId} [${f.start},${f.end}) ${f.message}`;
}

/** Joins lines of a test case. */
export const lines = (...l: string[]): string => l.join('\n');

/** 1-based range of `needle` on `line` of `code` (its `nth` occurrence on that line). */
export function at(code: string, line: number, needle: string, nth = 0) {
  const text = code.split('\n')[line - 1]!;
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`'${needle}' not on line ${line}: ${text}`);
  return { line, column: index + 1, endLine: line, endColumn: index + 1 + needle.length };
}

/** `code` with its `line` (1-based) replaced: builds expected suggestion/fix outputs. */
export function withLine(code: string, line: number, text: string): string {
  const all = code.split('\n');
  all[line - 1] = text;
  return all.join('\n');
}

/**
 * Node look-alikes that also have close()/end() — a ws server, a file stream, readline, a
 * MessagePort, a BroadcastChannel, a pg pool, a user class — none of them a WebSocket, each
 * closed with `code`: a valid case for every rule, whatever the number.
 */
export function lookAlikeCloses(code: number): string {
  return lines(
    "import * as fs from 'node:fs';",
    "import * as readline from 'node:readline';",
    "import { MessageChannel, BroadcastChannel } from 'node:worker_threads';",
    "import { WebSocketServer } from 'ws';",
    "import { Pool } from 'pg';",
    'const wss = new WebSocketServer({ port: 8080 });',
    'wss.close();',
    "fs.createReadStream('in.txt').close();",
    'readline.createInterface({ input: process.stdin }).close();',
    'new MessageChannel().port1.close();',
    "new BroadcastChannel('jobs').close();",
    'void new Pool().end();',
    'class Connection { close(code: number, reason?: string) { return [code, reason]; } end(code: number) { return code; } }',
    `new Connection().close(${code});`,
    `new Connection().end(${code});`,
  );
}

