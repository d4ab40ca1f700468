// Sockets kept in collections: arrays, sets and maps filled with `push`/`add`/`set`/`c[k] = v`,
// a ws server's `clients`, the two ends of a `WebSocketPair`. The elements of a collection are
// every value written into it, wherever in the project that happens.
import * as ts from 'typescript';
import { WORKERS_SOCKETS } from '../../registry/socket-sources';
import { skipOuterExpressions } from '../syntax';
import { lastName } from './file-index';
import type { SocketFlow } from './flow';
import { withStep, type FlowValue } from './values';

/** The elements of the collection an expression holds. */
export function elementsOf(flow: SocketFlow, collection: ts.Expression, depth: number): readonly FlowValue[] {
  const values = elementsOfValues(flow, flow.valuesOf(collection, depth), depth);
  return [...values, ...writtenElements(flow, collection, depth)];
}

/** The elements of collections the flow already holds (a pair, `clients`, an array literal). */
export function elementsOfValues(flow: SocketFlow, collections: readonly FlowValue[], _depth: number): readonly FlowValue[] {
  const values: FlowValue[] = [];
  for (const value of collections) {
    if (value.kind === 'collection') values.push(...value.elements);
    else if (value.kind === 'pair') values.push({ kind: 'socket', source: { kind: 'pair', runtime: WORKERS_SOCKETS.runtime, node: value.node }, steps: [] });
    else if (value.kind === 'not-socket') values.push(value);
  }
  void flow;
  return values;
}

/**
 * The keys of a map the project fills with `map.set(socket, state)`: what `for (const [socket] of
 * map)`, `map.keys()` and the second parameter of `map.forEach((state, socket) => …)` get.
 */
export function keysOf(flow: SocketFlow, map: ts.Expression, depth: number): readonly FlowValue[] {
  return writtenElements(flow, map, depth, 'keys');
}

/** The map a `for…of` walks the entries of: `map` itself or `map.entries()`. */
export function mapOfEntries(iterated: ts.Expression): ts.Expression {
  const node = skipOuterExpressions(iterated);
  if (ts.isCallExpression(node) && node.arguments.length === 0 && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'entries') return node.expression.expression;
  return node;
}

/**
 * A variable that holds a collection, as a value that travels (`kick(players)`): what is written
 * into it anywhere (`players.push(p)`) goes with it, so `list[i]` in the function it is passed to
 * gets those elements.
 */
export function storedElements(flow: SocketFlow, decl: ts.VariableDeclaration, depth: number): readonly FlowValue[] {
  if (!ts.isIdentifier(decl.name)) return [];
  const written = writtenElements(flow, decl.name, depth);
  return written.length > 0 ? [{ kind: 'collection', elements: written }] : [];
}

/**
 * Values written into the collection after it was made: `c.add(v)`, `c.push(v)`, `c.set(k, v)`,
 * `c[k] = v`. The write's target must be the same variable or property (by declaration), or —
 * for properties the checker cannot resolve — the same text (`this.clients`).
 */
function writtenElements(flow: SocketFlow, collection: ts.Expression, depth: number, part: 'values' | 'keys' = 'values'): readonly FlowValue[] {
  const target = skipOuterExpressions(collection);
  const name = lastName(target);
  if (name === undefined) return [];
  const nameNode = ts.isPropertyAccessExpression(target) ? target.name : target;
  const symbol = flow.symbolOf(nameNode);
  const text = target.getText();
  const sameTarget = (written: ts.Expression): boolean => {
    const w = skipOuterExpressions(written);
    const wNameNode = ts.isPropertyAccessExpression(w) ? w.name : w;
    const wSymbol = flow.symbolOf(wNameNode);
    return symbol !== undefined && wSymbol !== undefined ? wSymbol === symbol : w.getText() === text;
  };
  const values: FlowValue[] = [];
  for (const index of flow.indexes()) {
    for (const write of index.elementWrites.get(name) ?? []) {
      if (ts.isBinaryExpression(write)) {
        if (part === 'keys') continue;
        const left = skipOuterExpressions(write.left);
        if (ts.isElementAccessExpression(left) && sameTarget(left.expression)) values.push(...step(flow.valuesOf(write.right, depth), write, text));
      } else if (ts.isCallExpression(write) && ts.isPropertyAccessExpression(write.expression) && sameTarget(write.expression.expression)) {
        const method = write.expression.name.text;
        if (part === 'keys' && method !== 'set') continue;
        const args = method === 'set' ? write.arguments.slice(part === 'keys' ? 0 : 1, part === 'keys' ? 1 : 2) : write.arguments;
        for (const arg of args) {
          if (ts.isSpreadElement(arg)) values.push(...step(elementsOf(flow, arg.expression, depth), write, text));
          else values.push(...step(flow.valuesOf(arg, depth), write, text));
        }
      }
    }
  }
  return values;
}

function step(values: readonly FlowValue[], node: ts.Node, label: string): FlowValue[] {
  return withStep(values, { node, label });
}
