// The `=` assignments of a file or class, collected once per node and shared by every question
// about what a variable or field was given (syntax only, so safe to share between programs): a
// file with many untyped close calls would otherwise be walked once per call, which took seconds
// on large bundles.
import * as ts from 'typescript';

const assignmentsUnder = new WeakMap<ts.Node, ReadonlyArray<readonly [ts.Expression, ts.Expression]>>();

/** Every `left = right` under `root`, `left` as written. */
export function visitAssignments(root: ts.Node, onAssignment: (left: ts.Expression, right: ts.Expression) => void): void {
  let assignments = assignmentsUnder.get(root);
  if (!assignments) {
    const found: Array<readonly [ts.Expression, ts.Expression]> = [];
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) found.push([node.left, node.right]);
      ts.forEachChild(node, visit);
    };
    visit(root);
    assignmentsUnder.set(root, found);
    assignments = found;
  }
  for (const [left, right] of assignments) onAssignment(left, right);
}

/** What the variable `symbol` (named `name`) is given: its initializers, and every `name = value` in `file`. */
export function valuesAssignedTo(symbol: ts.Symbol, name: string, file: ts.SourceFile, checker: ts.TypeChecker): ts.Expression[] {
  const values: ts.Expression[] = [];
  for (const decl of symbol.getDeclarations() ?? []) {
    if (ts.isVariableDeclaration(decl) && decl.initializer) values.push(decl.initializer);
  }
  visitAssignments(file, (left, right) => {
    // The name first: asking the checker about every assignment of a large file is slow.
    if (ts.isIdentifier(left) && left.text === name && checker.getSymbolAtLocation(left) === symbol) values.push(right);
  });
  return values;
}
