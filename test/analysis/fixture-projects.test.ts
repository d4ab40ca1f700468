// Integrity of the classifier fixture projects: each one parses, its `@expect-receiver` annotations
// are well-formed and sit right above a close-like call, and no close-like call is left unannotated.
// (The classifier assertions against these expectations live with the classifier tests.)
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { listFixtureProjects, loadFixtureProject, readExpectations } from '../harness/fixture-project';

const CLOSE_LIKE_TEXT = /\.(close|end|drop|reconnect)\s*\(|new\s+WebSocketError\s*\(/;
const CLOSE_LIKE_METHODS = new Set(['close', 'end', 'drop', 'reconnect']);

/** 0-based lines of the close-like calls in a file, one entry per call (by the method name's line). */
function closeLikeCallLines(sourceFile: ts.SourceFile): number[] {
  const lines: number[] = [];
  const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && CLOSE_LIKE_METHODS.has(callee.name.text)) {
        lines.push(lineOf(callee.name));
      } else if (
        ts.isElementAccessExpression(callee) &&
        ts.isStringLiteralLike(callee.argumentExpression) &&
        CLOSE_LIKE_METHODS.has(callee.argumentExpression.text)
      ) {
        lines.push(lineOf(callee.argumentExpression));
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'WebSocketError') {
      lines.push(lineOf(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return lines;
}

const names = listFixtureProjects();

describe('classifier fixture projects', () => {
  it('exist', () => {
    assert.ok(names.length >= 10, `expected the fixture projects, found: ${names.join(', ')}`);
  });

  for (const name of names) {
    describe(name, () => {
      const project = loadFixtureProject(name);
      const rel = (sf: ts.SourceFile) => path.relative(project.dir, sf.fileName);

      it('has a valid tsconfig and parses without syntax errors', () => {
        assert.ok(project.files.length > 0, 'no source files');
        const diagnostics = [
          ...project.program.getConfigFileParsingDiagnostics(),
          ...project.program.getOptionsDiagnostics(),
          ...project.program.getSyntacticDiagnostics(),
        ];
        const text = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        assert.deepEqual(text, []);
      });

      it('puts every expectation directly above a close-like call', () => {
        for (const sf of project.files) {
          const lines = sf.text.split(/\r?\n/);
          for (const e of readExpectations(sf)) {
            const where = `${rel(sf)}:${e.commentLine + 1}`;
            const below = lines[e.line];
            assert.ok(below !== undefined, `${where}: expectation on the last line`);
            assert.match(below, CLOSE_LIKE_TEXT, `${where}: the line below has no close-like call`);
          }
        }
      });

      it('annotates every close-like call, one call per annotated line', () => {
        for (const sf of project.files) {
          const expected = new Set(readExpectations(sf).map((e) => e.line));
          const calls = closeLikeCallLines(sf);
          const seen = new Set<number>();
          for (const line of calls) {
            assert.ok(expected.has(line), `${rel(sf)}:${line + 1}: close-like call without @expect-receiver above it`);
            assert.ok(!seen.has(line), `${rel(sf)}:${line + 1}: more than one close-like call on an annotated line`);
            seen.add(line);
          }
          for (const line of expected) {
            assert.ok(seen.has(line), `${rel(sf)}:${line + 1}: annotated line has no close-like call in the AST`);
          }
        }
      });

      it('covers both WebSocket receivers and look-alikes', () => {
        const all = project.files.flatMap((sf) => readExpectations(sf));
        assert.ok(all.some((e) => e.runtimes !== 'not-websocket'), 'no WebSocket receiver expectation');
        assert.ok(all.some((e) => e.runtimes === 'not-websocket'), 'no not-websocket expectation');
      });
    });
  }
});
