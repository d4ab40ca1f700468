// The registry is the only source of close-code facts: rules and analysis ask it (ranges,
// reserved codes, the codes their judgements name) and hold no close-code numbers of their own,
// so a registry change cannot leave them silently wrong. This test reads every file of
// server/src/rules and server/src/analysis with the TypeScript scanner and fails on a numeric
// literal in 1000–4999, and on such a number in a string or template that is not prose (the
// message catalogs in rules/text/ are prose: their numbers are words for people, not facts the
// code acts on; test/rules/messages.test.ts snapshots them).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { REPO_ROOT } from '../harness/paths';

const SRC = path.join(REPO_ROOT, 'server', 'src');
const SCANNED = ['rules', 'analysis'];
/** Prose catalogs: their numbers are text, snapshotted by the message tests. */
const PROSE = [path.join('rules', 'text') + path.sep];

/**
 * `file: text` → why a number in 1000–4999 there is not a close code. Every entry needs a reason;
 * an entry that no longer matches anything fails the test, so the list cannot go stale.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  // A bound on the work of one socket-flow query (hops visited), not a close code.
  'analysis/socket-flow/flow.ts: 4000': 'work budget of a flow query',
  // The id of an Effect declared in registry/types.ts ('defaults-to-1000'), compared by name.
  'rules/reason-without-code.ts: defaults-to-1000': 'registry Effect id',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const CODE_LIKE = /(?<![\d.])([1-4]\d{3})(?![\d])/;

interface Hit {
  readonly key: string;
  readonly where: string;
}

function hitsIn(file: string): Hit[] {
  const relative = path.relative(SRC, file).split(path.sep).join('/');
  const text = fs.readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const prose = PROSE.some((prefix) => path.relative(SRC, file).startsWith(prefix));
  const hits: Hit[] = [];
  const at = (node: ts.Node) => `${relative}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node)) {
      const value = Number(node.text);
      if (value >= 1000 && value <= 4999) hits.push({ key: `${relative}: ${value}`, where: `${at(node)} ${node.text}` });
    } else if (!prose && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))) {
      if (CODE_LIKE.test(node.text)) hits.push({ key: `${relative}: ${node.text}`, where: `${at(node)} ${JSON.stringify(node.text)}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return hits;
}

describe('rules and analysis hold no close-code numbers', () => {
  const hits = SCANNED.flatMap((dir) => sourceFiles(path.join(SRC, dir))).flatMap(hitsIn);

  it('has no numeric literal (or code-building string) in 1000–4999 outside the allow-list', () => {
    const unexpected = hits.filter((hit) => ALLOWED[hit.key] === undefined).map((hit) => hit.where);
    assert.deepEqual(unexpected, [], 'ask the registry (server/src/registry/code-facts.ts, close-codes.ts, runtimes.ts) instead');
  });

  it('has no stale allow-list entry', () => {
    const used = new Set(hits.map((hit) => hit.key));
    assert.deepEqual(Object.keys(ALLOWED).filter((key) => !used.has(key)), []);
  });

  it('sees the literals it looks for (self-check)', () => {
    const probe = path.join(SRC, 'registry', 'code-facts.ts');
    assert.ok(hitsIn(probe).some((hit) => hit.key.endsWith(': 1000')));
  });
});
