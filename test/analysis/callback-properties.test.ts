// Callback properties: the functions a program assigns to `object.name` on values of the object's
// own class or constructor, for a `this.name` its declarations do not resolve.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { callbacksAssignedTo } from '../../server/src/analysis/callback-properties';
import { createAnalysisContext } from '../../server/src/analysis/context';
import { lintSnippets } from '../harness/snippet-project';

/** The text of the functions the expression `accessText` (first occurrence) may run, in a snippet. */
function assignedTo(code: string, accessText: string, env: 'js' | 'dom' = 'js'): string[] {
  const [linted] = lintSnippets([{ code, env }]);
  let access: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (!access && ts.isPropertyAccessExpression(node) && node.getText() === accessText) access = node;
    ts.forEachChild(node, visit);
  };
  visit(linted!.sourceFile);
  assert.ok(access, `no ${accessText}`);
  return callbacksAssignedTo(access, createAnalysisContext(linted!.program, linted!.sourceFile)).map((fn) => fn.getText());
}

const BACKOFF = [
  'function Backoff() {}',
  'Backoff.prototype.schedule = function () { setTimeout(this.onReady, 10); };',
  'function Poller() {}',
];

describe('callbacksAssignedTo', () => {
  it("finds a method bound and assigned to a constructor function's objects from outside", () => {
    const code = [...BACKOFF, 'class Client {', '  constructor() { this.backoff = new Backoff(); this.backoff.onReady = this.open.bind(this); }', '  open() {}', '}'].join('\n');
    assert.deepEqual(assignedTo(code, 'this.onReady'), ['open() {}']);
  });

  it("ignores the same property assigned on another constructor's objects", () => {
    const code = [...BACKOFF, 'const poller = new Poller();', 'poller.onReady = function reopen() {};'].join('\n');
    assert.deepEqual(assignedTo(code, 'this.onReady'), []);
  });

  it('leaves properties the class declares to the checker', () => {
    const code = ['class Retry {', '  onReady = () => {};', '  run() { setTimeout(this.onReady, 10); }', '}', 'const retry = new Retry();', 'retry.onReady = () => {};'].join('\n');
    assert.deepEqual(assignedTo(code, 'this.onReady', 'dom'), []);
  });

  it('gives up on a name assigned in more places than a callback is', () => {
    const assignments = Array.from({ length: 6 }, (_, i) => `const b${i} = new Backoff(); b${i}.onReady = function f${i}() {};`);
    assert.deepEqual(assignedTo([...BACKOFF, ...assignments].join('\n'), 'this.onReady'), []);
  });
});
