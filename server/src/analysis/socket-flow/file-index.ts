// A syntax-only index of one source file for the socket-flow analysis: where values are stored
// (assignments, object-literal properties), where functions are called or constructed, and where
// collections receive elements — each keyed by the name that a backward query starts from.
// Built once per source file on first use and shared by every program that holds the file
// (syntax does not depend on the program), so the cost is one walk per file that takes part.
import * as ts from 'typescript';
import { skipOuterExpressions } from '../syntax';

export interface FileIndex {
  /** `x = v`, `a.x = v`, `this.x = v`, keyed by `x`. */
  readonly assignments: ReadonlyMap<string, readonly ts.BinaryExpression[]>;
  /** `{ x: v }` and `{ x }` properties of object literals, keyed by `x`. */
  readonly properties: ReadonlyMap<string, readonly (ts.PropertyAssignment | ts.ShorthandPropertyAssignment)[]>;
  /** `f(…)`, `a.f(…)`, `f.call(…)`, `f.apply(…)`, keyed by `f`. */
  readonly calls: ReadonlyMap<string, readonly ts.CallExpression[]>;
  /** `new C(…)`, `new a.C(…)`, keyed by `C`; `super(…)` calls keyed by `super`. */
  readonly constructions: ReadonlyMap<string, readonly (ts.NewExpression | ts.CallExpression)[]>;
  /** `c.add(v)`, `c.push(v)`, `c.unshift(v)`, `c.set(k, v)` and `c[k] = v`, keyed by the last name of `c`. */
  readonly elementWrites: ReadonlyMap<string, readonly ts.Node[]>;
  /** `f.bind(…)` expressions, keyed by `f`. */
  readonly binds: ReadonlyMap<string, readonly ts.CallExpression[]>;
  /**
   * Dispatch-table calls, keyed by the last name of the table: `handlers[msg.type](…)`,
   * `handlers[type]?.(…)`, `handlers.get(type)(…)`, and `h(…)` after `const h = handlers[type]`.
   */
  readonly tableCalls: ReadonlyMap<string, readonly ts.CallExpression[]>;
  /** Classes by the names in their `implements` and `extends` clauses (`class A implements Connection`: `Connection`). */
  readonly heritage: ReadonlyMap<string, readonly ts.ClassLikeDeclaration[]>;
}

const ELEMENT_ADDERS = new Set(['add', 'push', 'unshift', 'set']);

const indexes = new WeakMap<ts.SourceFile, FileIndex>();

export function fileIndex(sourceFile: ts.SourceFile): FileIndex {
  let index = indexes.get(sourceFile);
  if (!index) indexes.set(sourceFile, (index = buildIndex(sourceFile)));
  return index;
}

/** The last name of an expression: `x` for `x`, `a.b.x`, `this.x` and `a['x']`. */
export function lastName(node: ts.Expression): string | undefined {
  const e = skipOuterExpressions(node);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  return undefined;
}

function buildIndex(sourceFile: ts.SourceFile): FileIndex {
  const assignments = new Map<string, ts.BinaryExpression[]>();
  const properties = new Map<string, (ts.PropertyAssignment | ts.ShorthandPropertyAssignment)[]>();
  const calls = new Map<string, ts.CallExpression[]>();
  const constructions = new Map<string, (ts.NewExpression | ts.CallExpression)[]>();
  const elementWrites = new Map<string, ts.Node[]>();
  const binds = new Map<string, ts.CallExpression[]>();
  const tableCalls = new Map<string, ts.CallExpression[]>();
  const heritage = new Map<string, ts.ClassLikeDeclaration[]>();
  /** `const h = handlers[type]`: h → handlers, by the alias's name (confirmed by symbol when queried). */
  const tableAliases = new Map<string, string>();
  const add = <T>(map: Map<string, T[]>, key: string | undefined, value: T) => {
    if (key === undefined) return;
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = skipOuterExpressions(node.left);
      if (ts.isElementAccessExpression(left) && !ts.isStringLiteralLike(left.argumentExpression)) add(elementWrites, lastName(left.expression), node);
      else add(assignments, lastName(left), node);
    } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      if (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) add(properties, node.name.text, node);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const table = tableOf(node.initializer);
      if (table !== undefined) tableAliases.set(node.name.text, table);
    }
    if (ts.isClassLike(node)) {
      for (const type of (node.heritageClauses ?? []).flatMap((clause) => [...clause.types])) add(heritage, lastName(type.expression), node);
    }
    if (ts.isCallExpression(node)) {
      const callee = skipOuterExpressions(node.expression);
      add(tableCalls, tableOf(callee) ?? (ts.isIdentifier(callee) ? tableAliases.get(callee.text) : undefined), node);
      if (callee.kind === ts.SyntaxKind.SuperKeyword) add(constructions, 'super', node);
      const name = lastName(callee);
      if (name === 'call' || name === 'apply' || name === 'bind') {
        const target = ts.isPropertyAccessExpression(callee) ? lastName(callee.expression) : undefined;
        add(name === 'bind' ? binds : calls, target, node);
      } else {
        add(calls, name, node);
      }
      if (name && ELEMENT_ADDERS.has(name) && ts.isPropertyAccessExpression(callee)) add(elementWrites, lastName(callee.expression), node);
    } else if (ts.isNewExpression(node)) {
      add(constructions, lastName(node.expression), node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { assignments, properties, calls, constructions, elementWrites, binds, tableCalls, heritage };
}

/** `handlers[msg.type]` or `handlers.get(type)` (a computed key): the last name of the table. */
function tableOf(expression: ts.Expression): string | undefined {
  const e = skipOuterExpressions(expression);
  if (isMapLookup(e)) return lastName(e.expression.expression);
  return ts.isElementAccessExpression(e) && !ts.isStringLiteralLike(e.argumentExpression) && !ts.isNumericLiteral(e.argumentExpression) ? lastName(e.expression) : undefined;
}

/** `handlers.get(type)`: a Map of handlers read with a key that is not written out. */
export function isMapLookup(node: ts.Expression): node is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  const key = ts.isCallExpression(node) ? node.arguments[0] : undefined;
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get' && node.arguments.length === 1 && !!key && !ts.isStringLiteralLike(key) && !ts.isNumericLiteral(key);
}
