// A wrapper that cleans up the code it forwards before closing (`if (code === undefined || code <=
// 3000) code = 1000;` then `ws.close(code, reason)`): what reaches the socket is not what its
// caller passed. Each such rewrite is applied to the caller's value at the call; a parameter the
// wrapper changes in a way this module cannot follow is not forwarded at all (precision first).
import * as ts from 'typescript';
import type { PossibleValue } from './values';
import { isFunctionLike, skipOuterExpressions } from './syntax';
import { isLengthLimitingCall } from './value-origins';

/** `if (condition) parameter = value;`, a statement of the wrapper's body before its close. */
export interface Rewrite {
  readonly parameter: ts.ParameterDeclaration;
  readonly condition: ts.Expression;
  readonly value: ts.Expression;
}

/**
 * The rewrites of `parameter` in `fn` before `closeCall` (the call that passes it on), or
 * 'untraceable' when the function assigns it any other way (in a loop, a nested function, after
 * the close, as an expression…).
 */
export function rewritesOf(fn: ts.SignatureDeclaration & { body?: ts.Node }, parameter: ts.ParameterDeclaration, passingCall: ts.Node, checker: ts.TypeChecker): readonly Rewrite[] | 'untraceable' {
  const symbol = ts.isIdentifier(parameter.name) ? checker.getSymbolAtLocation(parameter.name) : undefined;
  if (!symbol || !fn.body) return [];
  const assignments: ts.BinaryExpression[] = [];
  let other = false;
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && ts.isIdentifier(skipOuterExpressions(node.left)) && checker.getSymbolAtLocation(skipOuterExpressions(node.left)) === symbol) {
      if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) assignments.push(node);
      else other = true;
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) && ts.isIdentifier(node.operand) && checker.getSymbolAtLocation(node.operand) === symbol) {
      other = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  if (other) return 'untraceable';
  const rewrites: Rewrite[] = [];
  for (const assignment of assignments) {
    const rewrite = asRewrite(assignment, fn, parameter, passingCall);
    if (!rewrite) return 'untraceable';
    rewrites.push(rewrite);
  }
  return rewrites.sort((a, b) => a.condition.pos - b.condition.pos);
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** `if (cond) p = v;` or `if (cond) { …; p = v; }`, directly in the body (or an enclosing block of the passing call) and before it. */
function asRewrite(assignment: ts.BinaryExpression, fn: ts.Node, parameter: ts.ParameterDeclaration, passingCall: ts.Node): Rewrite | undefined {
  const statement = assignment.parent;
  if (!statement || !ts.isExpressionStatement(statement)) return undefined;
  let holder: ts.Node | undefined = statement.parent;
  // `if (long) { log(…); reason = cut(reason); }`: statements that only run alongside it leave the rewrite as it is.
  if (holder && ts.isBlock(holder) && holder.statements.every((s) => ts.isExpressionStatement(s) || ts.isVariableStatement(s))) holder = holder.parent;
  if (!holder || !ts.isIfStatement(holder) || holder.elseStatement || holder.end > passingCall.pos) return undefined;
  // The `if` must run on the way to the passing call: a statement of a block that contains it, in the same function.
  const block = holder.parent;
  if (!block || !ts.isBlock(block) || !(block.pos <= passingCall.pos && passingCall.end <= block.end) || enclosingFunctionOf(holder) !== fn) return undefined;
  return { parameter, condition: holder.expression, value: assignment.right };
}

function enclosingFunctionOf(node: ts.Node): ts.Node | undefined {
  let current = node.parent;
  while (current && !isFunctionLike(current)) current = current.parent;
  return current;
}

/**
 * Whether `condition` holds when the parameter is `value` (undefined: it cannot tell). Understands
 * comparisons of the parameter with numbers and `undefined`/`null`, `!p`, `p`, `||`, `&&` and
 * parentheses; `number` evaluates the other side of a comparison (a const, an enum member).
 */
export function holdsFor(condition: ts.Expression, parameter: ts.ParameterDeclaration, value: PossibleValue, number: (node: ts.Expression) => number | undefined, checker: ts.TypeChecker): boolean | undefined {
  const symbol = ts.isIdentifier(parameter.name) ? checker.getSymbolAtLocation(parameter.name) : undefined;
  const isParameter = (node: ts.Expression) => ts.isIdentifier(node) && checker.getSymbolAtLocation(node) === symbol;
  const own = value.kind === 'number' ? value.value : value.kind === 'undefined' ? undefined : null;
  if (own === null) return undefined; // not a value this can compare
  const decide = (node: ts.Expression): boolean | undefined => {
    node = skipOuterExpressions(node);
    if (isParameter(node)) return own !== undefined && own !== 0;
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      const inner = decide(node.operand);
      return inner === undefined ? undefined : !inner;
    }
    if (!ts.isBinaryExpression(node)) return undefined;
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
      const left = decide(node.left);
      if (op === ts.SyntaxKind.BarBarToken && left === true) return true;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && left === false) return false;
      const right = decide(node.right);
      if (left === undefined || right === undefined) return op === ts.SyntaxKind.BarBarToken ? (right === true ? true : undefined) : right === false ? false : undefined;
      return op === ts.SyntaxKind.BarBarToken ? left || right : left && right;
    }
    const [left, right] = [skipOuterExpressions(node.left), skipOuterExpressions(node.right)];
    const flipped = !isParameter(left) && isParameter(right);
    if (!isParameter(left) && !flipped) return undefined;
    const other = flipped ? left : right;
    const nullish = (ts.isIdentifier(other) && other.text === 'undefined') || other.kind === ts.SyntaxKind.NullKeyword;
    if (nullish) {
      if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) return own === undefined;
      if (op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) return own !== undefined;
      return undefined;
    }
    const bound = number(other);
    if (bound === undefined) return undefined;
    if (own === undefined) return op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken ? true : op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken ? false : false;
    const [a, b] = flipped ? [bound, own] : [own, bound];
    switch (op) {
      case ts.SyntaxKind.EqualsEqualsEqualsToken:
      case ts.SyntaxKind.EqualsEqualsToken:
        return a === b;
      case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      case ts.SyntaxKind.ExclamationEqualsToken:
        return a !== b;
      case ts.SyntaxKind.LessThanToken:
        return a < b;
      case ts.SyntaxKind.LessThanEqualsToken:
        return a <= b;
      case ts.SyntaxKind.GreaterThanToken:
        return a > b;
      case ts.SyntaxKind.GreaterThanEqualsToken:
        return a >= b;
      default:
        return undefined;
    }
  };
  return decide(condition);
}

/**
 * The values a caller's code becomes through the rewrites: each value the condition holds for
 * becomes what the rewrite assigns, each it does not hold for stays; a value the condition cannot
 * be decided for becomes an unknown number (nothing to judge).
 */
export function applyRewrites(values: readonly PossibleValue[], rewrites: readonly Rewrite[], evaluate: (node: ts.Expression) => readonly PossibleValue[], checker: ts.TypeChecker): PossibleValue[] {
  const single = (node: ts.Expression): number | undefined => {
    const found = evaluate(node);
    return found.length === 1 && found[0]!.kind === 'number' ? found[0]!.value : undefined;
  };
  let current = [...values];
  for (const rewrite of rewrites) {
    current = current.flatMap((value): PossibleValue[] => {
      const holds = holdsFor(rewrite.condition, rewrite.parameter, value, single, checker);
      if (holds === false) return [value];
      if (holds === undefined) return [{ kind: 'unknown', type: 'number', ...(value.node ? { node: value.node } : {}) }];
      return evaluate(rewrite.value).map((v) => ({ ...v, ...(value.node ? { node: value.node } : {}) }) as PossibleValue);
    });
  }
  return current;
}

/** `p = p.slice(0, 120)`: the rewrite transforms the caller's value (rather than replacing a missing one). */
export function transformsItself(rewrite: Rewrite, checker: ts.TypeChecker): boolean {
  const symbol = ts.isIdentifier(rewrite.parameter.name) ? checker.getSymbolAtLocation(rewrite.parameter.name) : undefined;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && checker.getSymbolAtLocation(node) === symbol) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(rewrite.value);
  return found;
}

/**
 * `reason = Buffer.from(reason).subarray(0, 123).toString()`: the rewrite cuts the caller's text
 * to a length, so what reaches the close is that text's start — the words it begins with stay.
 */
export function limitsLength(rewrite: Rewrite): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && isLengthLimitingCall(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(rewrite.value);
  return found;
}
