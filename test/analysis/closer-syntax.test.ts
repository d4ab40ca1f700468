// The syntax pre-check of closers (analysis/closer-syntax.ts) skips the checker for call names whose
// functions cannot be closers; it must never change an answer. Every call of every fixture
// project, the example app and a reduced reproduction (a test double's `text: () =>
// Promise.resolve(…)` beside real closers) gets the same closer with and without it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { closerCalled, closerCalledWithoutSyntaxCheck, type Closer } from '../../server/src/analysis/closers';
import { closerCandidates, mayBeCloserNamed } from '../../server/src/analysis/closer-syntax';
import { createAnalysisContext } from '../../server/src/analysis/context';
import { buildProgram, parseTsconfig, SourceFileCache } from '../../server/src/engine/project';
import { REPO_ROOT } from '../harness/paths';
import { equivalenceTsconfigs } from '../harness/program-findings';
import { lintSnippets } from '../harness/snippet-project';

const REPRODUCTION = `
import WebSocket from 'ws';

interface Body { text(): Promise<string>; json(): Promise<unknown> }

// A test double: \`text\` calls \`resolve\`, and the \`resolve\` below calls a close-like method.
export function mockBody(body: string): Body {
  return { text: () => Promise.resolve(body), json: () => Promise.resolve(JSON.parse(body)) };
}

export class Pending {
  constructor(private readonly stream: { close(): void }) {}
  resolve = (value: string) => {
    this.stream.close();
    return value;
  };
}

export class Session {
  constructor(private readonly ws: WebSocket) {}
  stop() { this.ws.close(1000, 'Session over'); }
  leave() { this.stop(); }
  heartbeat() { setInterval(() => this.leave(), 30_000); }
  async load(response: Body) {
    const text = await response.text();
    if (!text) this.stop();
    return text;
  }
}
`;

/** What a closer answer says, comparable across the two ways of finding it. */
function describeCloser(closer: Closer | undefined): string {
  if (!closer) return 'none';
  return `${closer.name} ${closer.method}@${closer.closeCall.getStart()} ${closer.code.values.map((v) => (v.kind === 'number' ? v.value : v.kind)).join('|')}`;
}

/** Per call of the project's own files: the closer found with the pre-check, and without it. */
function answers(program: ts.Program, files: readonly ts.SourceFile[]): { checked: string[]; unchecked: string[] } {
  const checked: string[] = [];
  const unchecked: string[] = [];
  for (const sourceFile of files) {
    const ctx = createAnalysisContext(program, sourceFile);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const at = `${path.basename(sourceFile.fileName)}:${node.getStart()}`;
        unchecked.push(`${at} ${describeCloser(closerCalledWithoutSyntaxCheck(node, ctx))}`);
        checked.push(`${at} ${describeCloser(closerCalled(node, ctx))}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { checked, unchecked };
}

describe('closer syntax pre-check: same closers as without it', () => {
  it('a test double whose name is a candidate, beside real closers', () => {
    const [{ program, sourceFile }] = lintSnippets([{ code: REPRODUCTION, env: 'node' }]) as [ReturnType<typeof lintSnippets>[number]];
    const { checked, unchecked } = answers(program, [sourceFile]);
    assert.deepEqual(checked, unchecked);
    assert.ok(closerCandidates(program).has('text'), '`text` is a candidate by name');
    assert.equal(mayBeCloserNamed(program, 'text', 0), false, 'its syntax rules it out, so the checker is not asked');
    assert.equal(checked.filter((answer) => / (stop|leave) close@/.test(answer)).length, 3, 'the real closers are found: two calls of stop, one of leave');
  });

  for (const tsconfig of equivalenceTsconfigs()) {
    it(path.relative(REPO_ROOT, tsconfig), () => {
      const parsed = parseTsconfig(tsconfig, ts.sys);
      const program = buildProgram(parsed, ts.sys, new SourceFileCache(), { narrowRoots: false });
      const own = new Set(parsed.fileNames.map((f) => path.resolve(f)));
      const files = program.getSourceFiles().filter((f) => own.has(path.resolve(f.fileName)) && !f.isDeclarationFile);
      const { checked, unchecked } = answers(program, files);
      assert.deepEqual(checked, unchecked);
    });
  }
});
