// Timer and backoff objects built around a callback: `this.retry = new Timer(() => this.connect())`
// in one method, `this.retry.start(delay)` in the close handler. Reconnecting clients often keep
// the reconnect in such an object (their own Timer class, an injected one, a backoff helper), so
// "does this call start a connection" has to look at the callbacks the object was built with.
// Found by syntax: the object's class is often injected or untyped, so its methods cannot be read;
// only a method whose name says it runs the timer counts (`stop()`, `reset()` and `clear()` do not).
import * as ts from 'typescript';
import { valuesAssignedTo, visitAssignments } from './assignments';
import { functionOf } from './handler-functions';
import { thisOwner } from './socket-flow/prototype';
import { isFunctionLike, skipOuterExpressions } from './syntax';

const RUN_METHODS = new Set(['start', 'restart', 'schedule', 'reschedule', 'run', 'trigger', 'fire', 'begin', 'retry']);

type FunctionWithBody = ts.SignatureDeclaration & { body?: ts.Node };

/**
 * The callbacks that `call` runs (now or later) when it starts a timer object: the function
 * arguments of every `new …(…)` stored where the receiver reads from.
 */
export function callbacksStartedBy(call: ts.CallExpression, checker: ts.TypeChecker): FunctionWithBody[] {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !RUN_METHODS.has(callee.name.text)) return [];
  const callbacks: FunctionWithBody[] = [];
  for (const construction of constructionsStoredIn(skipOuterExpressions(callee.expression), checker)) {
    for (const argument of construction.arguments ?? []) {
      const fn = functionOf(argument, checker);
      if (fn?.body) callbacks.push(fn);
    }
  }
  return callbacks;
}

/** The `new C(…)` expressions written to `this.name` (in the same class or constructor function) or to a variable. */
function constructionsStoredIn(receiver: ts.Expression, checker: ts.TypeChecker): ts.NewExpression[] {
  if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const owner = thisOwner(receiver);
    return owner ? thisFieldConstructions(owner, receiver.name.text) : [];
  }
  if (!ts.isIdentifier(receiver)) return [];
  const symbol = checker.getSymbolAtLocation(receiver);
  const file = symbol?.valueDeclaration?.getSourceFile();
  const constructions: ts.NewExpression[] = [];
  for (const value of symbol && file ? valuesAssignedTo(symbol, receiver.text, file, checker) : []) pushConstruction(constructions, value);
  return constructions;
}

/** `this.name = new C(…)` anywhere `this` is an instance of `owner`, and a class field `name = new C(…)`. */
function thisFieldConstructions(owner: ts.Node, name: string): ts.NewExpression[] {
  const constructions: ts.NewExpression[] = [];
  if (ts.isClassLike(owner)) {
    for (const member of owner.members) {
      if (ts.isPropertyDeclaration(member) && member.name.getText() === name && member.initializer) pushConstruction(constructions, member.initializer);
    }
  }
  // A constructor function's prototype methods are written next to it, outside its body.
  visitAssignments(ts.isClassLike(owner) ? owner : owner.getSourceFile(), (written, right) => {
    const left = skipOuterExpressions(written);
    if (ts.isPropertyAccessExpression(left) && left.name.text === name && left.expression.kind === ts.SyntaxKind.ThisKeyword && thisOwner(left) === owner) {
      pushConstruction(constructions, right);
    }
  });
  return constructions;
}

function pushConstruction(constructions: ts.NewExpression[], value: ts.Expression): void {
  const node = skipOuterExpressions(value);
  if (ts.isNewExpression(node) && (node.arguments ?? []).some((argument) => isFunctionArgument(argument))) constructions.push(node);
}

/** An argument that can be a callback: a function written in place, a name, a member, a `.bind(…)`. */
function isFunctionArgument(argument: ts.Expression): boolean {
  const node = skipOuterExpressions(argument);
  return isFunctionLike(node) || ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isCallExpression(node);
}
