// What `this` holds, for the socket-flow analysis: an instance of the class or constructor
// function it is written in — or, in a plain function that is given its `this` by `f.bind(x)`,
// `f.call(x, …)` or `f.apply(x, …)` (old JavaScript's `ws.on('message', onMessage.bind(client))`),
// what `x` holds there.
import * as ts from 'typescript';
import { skipOuterExpressions } from '../syntax';
import type { SocketFlow } from './flow';
import { thisOwner } from './prototype';
import type { FlowValue } from './values';

export function thisValues(flow: SocketFlow, node: ts.Node, depth: number): readonly FlowValue[] {
  const owner = thisOwner(node);
  if (!owner) return [];
  const bound = ts.isFunctionDeclaration(owner) || ts.isFunctionExpression(owner) ? boundThisValues(flow, owner, depth) : [];
  if (bound.length > 0) return bound;
  return !ts.isFunctionExpression(owner) ? [{ kind: 'instance', declaration: owner }] : [];
}

function boundThisValues(flow: SocketFlow, fn: ts.FunctionDeclaration | ts.FunctionExpression, depth: number): readonly FlowValue[] {
  // `function () {…}.bind(x)` written in place.
  let written: ts.Node = fn;
  while (written.parent && ts.isParenthesizedExpression(written.parent)) written = written.parent;
  const access = written.parent;
  if (access && ts.isPropertyAccessExpression(access) && access.name.text === 'bind' && access.parent && ts.isCallExpression(access.parent) && access.parent.arguments[0]) {
    return flow.valuesOf(access.parent.arguments[0], depth);
  }
  // `onMessage.bind(client)`, `onMessage.call(client, data)` anywhere in the project.
  if (!ts.isFunctionDeclaration(fn) || !fn.name) return [];
  const symbol = flow.symbolOf(fn.name);
  if (symbol === undefined) return [];
  const values: FlowValue[] = [];
  for (const index of flow.indexes()) {
    for (const call of [...(index.binds.get(fn.name.text) ?? []), ...(index.calls.get(fn.name.text) ?? [])]) {
      const callee = skipOuterExpressions(call.expression);
      const thisArgument = call.arguments[0];
      if (!thisArgument || !ts.isPropertyAccessExpression(callee) || !/^(bind|call|apply)$/.test(callee.name.text)) continue;
      if (ts.isIdentifier(callee.expression) && flow.symbolOf(callee.expression) === symbol) values.push(...flow.valuesOf(thisArgument, depth));
    }
  }
  return values;
}
