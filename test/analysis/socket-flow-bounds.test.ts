// The socket flow's bounds: it memoises answers per program, and an answer cut short by the depth
// limit must not be handed to a later, shallower query (or what a close call's receiver is would
// depend on which file or call was checked first); many paths to one source are one value; an
// expression with more distinct values than the flow can explain is unknown.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { SocketFlow } from '../../server/src/analysis/socket-flow/flow';
import { lines } from '../harness/rule-tester';
import { lintSnippets } from '../harness/snippet-project';

const CHAIN = 9;

const code = lines(
  "const WebSocket = require('ws');",
  "let s0 = new WebSocket('wss://example.com');",
  ...Array.from({ length: CHAIN }, (_, i) => `let s${i + 1} = s${i};`),
  `s${CHAIN}.close(1000);`,
);

function identifierNamed(file: ts.SourceFile, name: string): ts.Identifier {
  let found: ts.Identifier | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === name && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node)) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  assert.ok(found, `no use of ${name}`);
  return found;
}

const socketsOf = (values: ReturnType<SocketFlow['valuesOf']>): number => values.filter((v) => v.kind === 'socket').length;

describe('socket flow memo', () => {
  const [{ program, sourceFile }] = lintSnippets([{ code, env: 'js-uninstalled' }]);
  const receiver = identifierNamed(sourceFile!, `s${CHAIN}`);
  const middle = identifierNamed(sourceFile!, 's4');

  it('a receiver at the end of a chain is a socket when queried first', () => {
    assert.equal(socketsOf(new SocketFlow(program!, 'node').valuesOf(receiver, 0)), 1);
  });

  it('a deep query cut by the depth limit does not change a later shallow query', () => {
    const flow = new SocketFlow(program!, 'node');
    // Queried at depth 13, the middle of the chain runs out of depth before it reaches the socket.
    assert.equal(socketsOf(flow.valuesOf(middle, 13)), 0);
    assert.equal(socketsOf(flow.valuesOf(receiver, 0)), 1);
    assert.equal(socketsOf(flow.valuesOf(middle, 0)), 1);
  });

  it('an answer that reached its source is reused at any depth', () => {
    const flow = new SocketFlow(program!, 'node');
    assert.equal(socketsOf(flow.valuesOf(middle, 0)), 1);
    assert.equal(socketsOf(flow.valuesOf(middle, 13)), 1);
  });
});

describe('socket flow values', () => {
  const LEVELS = 6;
  const diamond = lines(
    "const WebSocket = require('ws');",
    "let x0 = new WebSocket('wss://example.com');",
    // Each level doubles the paths to the one socket: 64 at the end.
    ...Array.from({ length: LEVELS }, (_, i) => `let x${i + 1} = Math.random() > 0.5 ? x${i} : x${i};`),
    `x${LEVELS}.close(1000);`,
  );
  const many = (count: number): string =>
    lines(
      "const WebSocket = require('ws');",
      `const all = [${Array.from({ length: count }, (_, i) => `new WebSocket('wss://example.com/${i}')`).join(', ')}];`,
      'for (const s of all) s.close(1006);',
    );
  const [first, hundred, tooMany] = lintSnippets([
    { code: diamond, env: 'js-uninstalled' },
    { code: many(100), env: 'js-uninstalled' },
    { code: many(101), env: 'js-uninstalled' },
  ]);

  it('many paths to one socket are one value', () => {
    const values = new SocketFlow(first!.program, 'node').valuesOf(identifierNamed(first!.sourceFile, `x${LEVELS}`), 0);
    assert.equal(values.length, 1);
    assert.equal(values[0]!.kind, 'socket');
  });

  it('more distinct values than the flow can explain are unknown (no guess)', () => {
    const valuesOfReceiver = (linted: typeof hundred) => new SocketFlow(linted!.program, 'node').valuesOf(identifierNamed(linted!.sourceFile, 's'), 0);
    assert.equal(valuesOfReceiver(hundred).length, 100);
    assert.deepEqual(hundred!.findings.map((f) => f.ruleId), ['reserved-code']);
    assert.deepEqual(valuesOfReceiver(tooMany), []);
    assert.deepEqual(tooMany!.findings, []);
  });
});
