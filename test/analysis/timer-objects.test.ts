// Timer objects: the callbacks a `.start()`-like call on an object built with `new C(callback)` runs.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { callbacksStartedBy } from '../../server/src/analysis/timer-objects';
import { lintSnippets } from '../harness/snippet-project';

/** The text of the callbacks the call `callText` starts, in a plain-JavaScript snippet. */
function callbacksOf(code: string, callText: string): string[] {
  const [linted] = lintSnippets([{ code, env: 'js' }]);
  let call: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.getText() === callText) call = node;
    ts.forEachChild(node, visit);
  };
  visit(linted!.sourceFile);
  assert.ok(call, `no call ${callText}`);
  return callbacksStartedBy(call, linted!.program.getTypeChecker()).map((fn) => fn.getText());
}

describe('callbacksStartedBy', () => {
  const constructorFunction = [
    'function Client(Timer) {',
    '  this.retry = new Timer(function () { this.open(); }.bind(this), 5);',
    '}',
    'Client.prototype.open = function () {};',
    'Client.prototype.lost = function () { this.retry.start(); this.retry.stop(); };',
  ].join('\n');

  it('finds the callback stored in a field by a constructor function, for a run-like method', () => {
    assert.deepEqual(callbacksOf(constructorFunction, 'this.retry.start()'), ['function () { this.open(); }']);
  });

  it('ignores methods that stop or reset the timer', () => {
    assert.deepEqual(callbacksOf(constructorFunction, 'this.retry.stop()'), []);
  });

  it('finds a named function handed to a construction held in a variable', () => {
    const code = ['function connect() {}', 'var backoff = new Backoff(connect, { max: 10 });', 'backoff.schedule();'].join('\n');
    assert.deepEqual(callbacksOf(code, 'backoff.schedule()'), ['function connect() {}']);
  });

  it('finds nothing when the object was not built with a function', () => {
    const code = ['var timer = new Timer(1000);', 'timer.start();'].join('\n');
    assert.deepEqual(callbacksOf(code, 'timer.start()'), []);
  });

  it('keeps fields of different classes apart', () => {
    const code = [
      'class A { constructor(T) { this.t = new T(() => this.go()); } go() {} }',
      'class B { constructor(T) { this.t = new T(() => this.show()); } show() {} run() { this.t.start(); } }',
    ].join('\n');
    assert.deepEqual(callbacksOf(code, 'this.t.start()'), ['() => this.show()']);
  });
});
