// Is a forwarded close code checked before it is sent on? Any condition that mentions the same
// variable between its origin and the close call (an if, a ternary, a switch, `&&`/`||`, or a
// call in a condition such as `isValidCode(code)`) counts: we only report codes passed on blindly.
import * as ts from 'typescript';
import { enclosingFunction, skipOuterExpressions } from './syntax';

/** `value`: the forwarded code expression itself (`code`, `e.code`), possibly inside the argument. */
export function isReceivedCodeChecked(value: ts.Expression, call: ts.Node, checker: ts.TypeChecker): boolean {
  const root = rootIdentifier(value);
  if (!root) return false;
  const symbol = checker.getSymbolAtLocation(root);
  if (!symbol) return false;
  const mentions = (node: ts.Node): boolean => {
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
    if (ts.isIfStatement(node) && mentions(node.expression)) return true;
    if (ts.isConditionalExpression(node) && node.condition !== child && mentions(node.condition)) return true;
    if (ts.isSwitchStatement(node) && mentions(node.expression)) return true;
    if (ts.isBinaryExpression(node) && isLogical(node.operatorToken.kind) && node.right === child && mentions(node.left)) return true;
    if (node === enclosingFunction(call)) break;
  }
  // Early-return guards before the call in the same function: `if (code === 1005) return;`
  const scope = enclosingFunction(call);
  let guarded = false;
  const visit = (node: ts.Node): void => {
    if (guarded || node.getStart() > call.getStart()) return;
    if (ts.isIfStatement(node) && node.getEnd() < call.getStart() && mentions(node.expression)) guarded = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return guarded;
}

function isLogical(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let node = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuterExpressions(node.expression);
  return ts.isIdentifier(node) ? node : undefined;
}
