// Which setTimeout/setInterval runs a function: a callback written in the timer call, or a named
// function the code only ever hands to timers (`setTimeout(onInactivityTimeout, d)`,
// `setTimeout(() => renewConnection(id), d)`, `setTimeout(this.#onPingTimeout.bind(this), d)`).
// A close in such a function runs when the timer fires, and the timer's names and delay say
// what the deadline was about (close-context.ts).
import * as ts from 'typescript';
import { identifiersNamed } from './identifiers-by-name';
import { privateName } from './private-calls';
import { isFunctionLike } from './syntax';

const TIMER_FUNCTIONS = new Set(['setTimeout', 'setInterval']);

export function calleeName(call: ts.CallExpression): string {
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
}

export function isTimerCall(node: ts.Node | undefined): node is ts.CallExpression {
  return node !== undefined && ts.isCallExpression(node) && TIMER_FUNCTIONS.has(calleeName(node));
}

/**
 * The timer calls that run `fn`: the one it is written in, or — for a named function that is
 * not exported (and, for a method, private) — every place the file uses its name, when each of
 * them hands it to a timer. A function also called from elsewhere (a button, a 'close' listener)
 * may run for other reasons: then none.
 */
export function timersRunning(fn: ts.Node): readonly ts.CallExpression[] {
  const parent = fn.parent;
  if (isTimerCall(parent) && parent.arguments[0] === fn) return [parent];
  const name = privateName(fn);
  if (!name) return [];
  const uses = identifiersNamed(fn.getSourceFile(), name.text).filter((id) => id !== name);
  const timers = uses.map(timerOfUse);
  return uses.length > 0 && timers.every((t) => t !== undefined) ? (timers as ts.CallExpression[]) : [];
}

/** The timer a use of a function's name hands it to: `setTimeout(f, d)`, `setTimeout(() => f(x), d)`, `setTimeout(this.f.bind(this), d)`. */
function timerOfUse(use: ts.Identifier | ts.PrivateIdentifier): ts.CallExpression | undefined {
  let node: ts.Node = use;
  if (ts.isPropertyAccessExpression(use.parent) && use.parent.name === use) node = use.parent;
  const parent = node.parent;
  if (isTimerCall(parent) && parent.arguments[0] === node) return parent;
  // this.f.bind(this)
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node && parent.name.text === 'bind') {
    const bound = parent.parent;
    return bound && ts.isCallExpression(bound) && isTimerCall(bound.parent) && bound.parent.arguments[0] === bound ? bound.parent : undefined;
  }
  // () => f(x), function () { f(x); }
  if (!ts.isCallExpression(parent) || parent.expression !== node) return undefined;
  const statement = parent.parent;
  const wrapper = ts.isArrowFunction(statement) && statement.body === parent
    ? statement
    : ts.isExpressionStatement(statement) && ts.isBlock(statement.parent) && statement.parent.statements.length === 1 && isFunctionLike(statement.parent.parent)
      ? statement.parent.parent
      : undefined;
  return wrapper && isTimerCall(wrapper.parent) && wrapper.parent.arguments[0] === wrapper ? wrapper.parent : undefined;
}
