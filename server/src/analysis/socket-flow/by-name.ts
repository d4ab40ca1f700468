// The last resort for `x.socket` when nothing says what `x` is: every write of a property with
// that name in the project. Such hops are marked by name only (low confidence); a name written too
// often to mean one thing says nothing, and any write that is certainly not a socket silences the
// guess (trace-receiver.ts).
import * as ts from 'typescript';
import { skipOuterExpressions } from '../syntax';
import type { SocketFlow } from './flow';
import { indexView, type IndexView } from './reads';
import { withStep, type FlowValue } from './values';

/** Name-only property matches: more writes than this under one name say nothing about any of them. */
const MAX_BY_NAME = 24;

export function valuesByPropertyName(flow: SocketFlow, name: string, at: ts.Node, depth: number): readonly FlowValue[] {
  // Writes in the reading file first: objects of one shape are usually made and read in one module.
  const sameFile = byNameIn(flow, [indexView(at.getSourceFile())], name, depth);
  if (sameFile.some((v) => v.kind === 'socket') && !sameFile.some((v) => v.kind !== 'socket')) return sameFile;
  return byNameIn(flow, flow.indexes(), name, depth);
}

function byNameIn(flow: SocketFlow, indexes: readonly IndexView[], name: string, depth: number): readonly FlowValue[] {
  const writes: Array<{ node: ts.Node; value: ts.Expression; label: string }> = [];
  for (const index of indexes) {
    for (const assignment of index.assignments.get(name) ?? []) {
      const left = skipOuterExpressions(assignment.left);
      if (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) writes.push({ node: assignment, value: assignment.right, label: left.getText() });
    }
    for (const property of index.properties.get(name) ?? []) {
      if (ts.isPropertyAssignment(property)) writes.push({ node: property, value: property.initializer, label: name });
      else writes.push({ node: property, value: property.name, label: name });
    }
  }
  if (writes.length === 0 || writes.length > MAX_BY_NAME) return [];
  return writes.flatMap((write) => withStep(flow.valuesOf(write.value, depth), { node: write.node, label: write.label, byName: true }));
}
