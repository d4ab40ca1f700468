// Is a forwarded close code checked before it is sent on? Any condition that mentions the same
// variable between its origin and the close call (an if, a ternary, a switch, `&&`/`||`, or a
// call in a condition such as `isValidCode(code)`) counts: we only report codes passed on blindly.
import * as ts from 'typescript';
import { RECEIVED_ONLY_CODES } from '../registry/close-codes';
import { enclosingFunction, skipOuterExpressions } from './syntax';

/** `value`: the forwarded code expression itself (`code`, `e.code`), possibly inside the argument. */
export function isReceivedCodeChecked(value: ts.Expression, call: ts.Node, checker: ts.TypeChecker): boolean {
  const root = rootIdentifier(value);
  if (!root) return false;
  const symbol = checker.getSymbolAtLocation(root);
  if (!symbol) return false;
  /** `holds`: the value is used where the condition is true (then-branch) or false (else, early return). */
  const mentions = (node: ts.Node, holds = true): boolean => mentionsSymbol(node) && guards(node, holds);
  const mentionsSymbol = (node: ts.Node): boolean => {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(n) && checker.getSymbolAtLocation(n) === symbol) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  };
  // Conditions on the path from the value up through the call to the function start, so a
  // guard inside the argument counts too: `isValid(code) ? code : 1000`. The value must sit in
  // a branch, not in the condition: `code || 1000` still forwards 1005/1006.
  let child: ts.Node = value;
  for (let node: ts.Node | undefined = value.parent; node && !ts.isSourceFile(node); child = node, node = node.parent) {
    if (ts.isIfStatement(node) && node.expression !== child && mentions(node.expression, node.thenStatement === child)) return true;
    if (ts.isConditionalExpression(node) && node.condition !== child && mentions(node.condition, node.whenTrue === child)) return true;
    if (ts.isSwitchStatement(node) && mentions(node.expression)) return true;
    if (ts.isBinaryExpression(node) && isLogical(node.operatorToken.kind) && node.right === child && mentions(node.left, node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)) return true;
    if (node === enclosingFunction(call)) break;
  }
  // Early-return guards before the call in the same function: `if (code === 1005) return;`
  const scope = enclosingFunction(call);
  let guarded = false;
  const visit = (node: ts.Node): void => {
    if (guarded || node.getStart() > call.getStart()) return;
    if (ts.isIfStatement(node) && node.getEnd() < call.getStart() && mentions(node.expression, false)) guarded = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return guarded;
}

/**
 * Does a condition keep 1005 and 1006 (the codes a received close carries without any peer sending
 * them) away from the value? Conditions made only of comparisons with number literals are read
 * exactly: `code !== 1006` lets 1005 through, `code === 1005 || code === 1006 ? 1000 : code`
 * does not. Anything else (a range, `isValidCode(code)`, a set lookup) is taken as a real check.
 */
function guards(condition: ts.Node, holds: boolean): boolean {
  const leaves: Array<{ equal: boolean; value: number }> = [];
  const joins = new Set<ts.SyntaxKind>();
  const collect = (node: ts.Node): boolean => {
    const n = ts.isExpression(node) ? skipOuterExpressions(node) : node;
    if (!ts.isBinaryExpression(n)) return false;
    const op = n.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
      joins.add(op);
      return collect(n.left) && collect(n.right);
    }
    const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return false;
    const literal = [n.left, n.right].map(skipOuterExpressions).find(ts.isNumericLiteral);
    if (!literal) return false;
    leaves.push({ equal, value: Number(literal.text) });
    return true;
  };
  if (!collect(condition)) return true;
  const values = leaves.map((l) => l.value);
  const allEqual = leaves.every((l) => l.equal);
  const allUnequal = leaves.every((l) => !l.equal);
  // Where `a === x || a === y` holds, or `a !== x && a !== y` fails, the value is one of the literals.
  if ((holds && allEqual && !joins.has(ts.SyntaxKind.AmpersandAmpersandToken)) || (!holds && allUnequal && !joins.has(ts.SyntaxKind.BarBarToken))) {
    return !values.some((v) => RECEIVED_ONLY_CODES.includes(v));
  }
  // Where `a === x || a === y` fails, or `a !== x && a !== y` holds, the value is none of them.
  if ((!holds && allEqual && !joins.has(ts.SyntaxKind.AmpersandAmpersandToken)) || (holds && allUnequal && !joins.has(ts.SyntaxKind.BarBarToken))) {
    return RECEIVED_ONLY_CODES.every((code) => values.includes(code));
  }
  return true;
}

function isLogical(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let node = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuterExpressions(node.expression);
  return ts.isIdentifier(node) ? node : undefined;
}
