// Can a close() run while its socket is still CONNECTING? Three patterns are certain enough to
// report: the socket is created in the same function and closed later in straight-line code
// with no await, open listener or readyState check in between; a connect timeout (a setTimeout
// started after the creation whose timer the open listener clears, or whose callback checks that
// the socket is still connecting). Nothing inside the socket's own open listener is reported: the
// socket is OPEN there (a connectivity check that opens and closes at once is deliberate code).
import * as ts from 'typescript';
import type { CloseCallSite } from './find-close-calls';
import { enclosingFunction, isFunctionLike, listenerRegistration, skipOuterExpressions } from './syntax';
import { calleeName } from './timers';

export type PrematureKind = 'created-then-closed' | 'connect-timeout';

export function prematureCloseKind(site: CloseCallSite, checker: ts.TypeChecker): PrematureKind | undefined {
  if (!site.receiver) return undefined;
  // Inside the socket's own open listener the socket is OPEN.
  if (insideOwnOpenListener(site, checker)) return undefined;
  if (isConnectTimeout(site, checker)) return 'connect-timeout';
  const creation = creationBefore(site.receiver, site.call, checker);
  if (!creation) return undefined;
  return nothingWaitsBetween(creation, site) ? 'created-then-closed' : undefined;
}

/** `const ws = this.socket; const socket = ws;` is as far as names of one socket are followed. */
const MAX_ALIASES = 2;

/**
 * The `new …(…)` (or call of a function that only returns one) that created `target`, earlier in
 * the function that contains `anchor` — or, when that function is a Promise executor (which runs
 * at once), earlier in the function around it.
 */
function creationBefore(target: ts.Expression, anchor: ts.Node, checker: ts.TypeChecker, aliases = 0): ts.Node | undefined {
  const receiver = skipOuterExpressions(target);
  const scope = enclosingFunction(anchor);
  const targetSymbol = ts.isIdentifier(receiver) ? checker.getSymbolAtLocation(receiver) : undefined;
  const targetText = ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword ? receiver.getText() : undefined;
  if (!targetSymbol && !targetText) return undefined;
  let creation: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (creation || node.getStart() >= anchor.getStart()) return;
    if (isFunctionLike(node) && node !== scope) return; // nested functions run later, or never
    if (ts.isVariableDeclaration(node) && node.initializer && isCreation(node.initializer, checker) && targetSymbol && checker.getSymbolAtLocation(node.name) === targetSymbol) {
      if (alwaysRunsBefore(node, anchor)) creation = node;
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isCreation(node.right, checker)) {
      const left = skipOuterExpressions(node.left);
      if ((targetSymbol && ts.isIdentifier(left) && checker.getSymbolAtLocation(left) === targetSymbol) || (targetText && left.getText() === targetText)) {
        if (alwaysRunsBefore(node, anchor)) creation = node;
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  const executed = promiseOfExecutor(scope);
  return creation ?? (executed ? creationBefore(target, executed, checker, aliases) : undefined) ?? (aliases < MAX_ALIASES ? creationOfAlias(targetSymbol, anchor, checker, aliases) : undefined);
}

/** `new Promise((resolve) => { … })` when `fn` is that executor: it runs where the promise is made. */
function promiseOfExecutor(fn: ts.Node): ts.NewExpression | undefined {
  const parent = fn.parent;
  return parent && ts.isNewExpression(parent) && parent.arguments?.[0] === fn && ts.isIdentifier(parent.expression) && parent.expression.text === 'Promise' ? parent : undefined;
}

/**
 * `this.socket = new WebSocket(url); const ws = this.socket;`: a `const` in the same function
 * that names the socket just created, so the timer can tell it from a later one.
 */
function creationOfAlias(symbol: ts.Symbol | undefined, anchor: ts.Node, checker: ts.TypeChecker, aliases: number): ts.Node | undefined {
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
  const source = skipOuterExpressions(declaration.initializer);
  const names = ts.isIdentifier(source) || (ts.isPropertyAccessExpression(source) && source.expression.kind === ts.SyntaxKind.ThisKeyword);
  if (!names || enclosingFunction(declaration) !== enclosingFunction(anchor) || !alwaysRunsBefore(declaration, anchor)) return undefined;
  return creationBefore(source, declaration, checker, aliases + 1);
}

/**
 * Does the creation run on every path that reaches the close? Only if, below the innermost
 * statement list holding both, it sits in plain statements: a creation in one branch of an
 * `if`/`switch`/`?:`, in a loop or catch block, or behind `&&`/`||`/`??` may not have run, and
 * the socket closed may be an older, open one (`if (!ws) ws = new WebSocket(u); else ws.close()`).
 */
function alwaysRunsBefore(creation: ts.Node, call: ts.Node): boolean {
  const ancestorsOfCall = new Set<ts.Node>();
  for (let node: ts.Node | undefined = call; node; node = node.parent) ancestorsOfCall.add(node);
  let child = creation;
  let node = creation.parent;
  for (; node && !ancestorsOfCall.has(node); child = node, node = node.parent) {
    if (ts.isTryStatement(node) ? node.tryBlock !== child : !isStraightLine(node)) return false;
  }
  // Where the two paths meet: statements that run in order, not two branches of one `if`.
  return !!node && (ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || isStraightLine(node));
}

function isStraightLine(node: ts.Node): boolean {
  if (ts.isBinaryExpression(node)) return node.operatorToken.kind === ts.SyntaxKind.EqualsToken || node.operatorToken.kind === ts.SyntaxKind.CommaToken;
  return (
    ts.isBlock(node) ||
    ts.isVariableStatement(node) ||
    ts.isVariableDeclarationList(node) ||
    ts.isVariableDeclaration(node) ||
    ts.isExpressionStatement(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isLabeledStatement(node)
  );
}

/** `new X(…)` — not `new Proxy(socket, handler)`, which wraps a socket made elsewhere. */
function isNewExpression(node: ts.Expression): boolean {
  const expression = skipOuterExpressions(node);
  return ts.isNewExpression(expression) && !(ts.isIdentifier(expression.expression) && expression.expression.text === 'Proxy');
}

/** `new WebSocket(url)`, or a call of the project's factory whose every return is one (`return new WebSocket(url)`). */
function isCreation(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const expression = skipOuterExpressions(node);
  if (isNewExpression(expression)) return true;
  if (!ts.isCallExpression(expression)) return false;
  const factory = checker.getResolvedSignature(expression)?.declaration;
  if (!factory || !isFunctionLike(factory) || !factory.body || factory.getSourceFile().isDeclarationFile) return false;
  if (!ts.isBlock(factory.body)) return isNewExpression(factory.body as ts.Expression);
  const returned: (ts.Expression | undefined)[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) returned.push(n.expression);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(factory.body, visit);
  return returned.length > 0 && returned.every((r) => r !== undefined && isNewExpression(r));
}

/**
 * Between the creation and the close (in this function, outside nested functions): no
 * await/yield, no open listener, no readyState read, and the close is not inside a loop body
 * that also contains an await (a later iteration could wait).
 */
function nothingWaitsBetween(creation: ts.Node, site: CloseCallSite): boolean {
  const scope = enclosingFunction(site.call);
  if (enclosingFunction(creation) !== scope) return false;
  const from = creation.getEnd();
  const to = site.call.getStart();
  let waits = false;
  const visit = (node: ts.Node): void => {
    if (waits) return;
    if (node.getEnd() < from || node.getStart() > to) return;
    if (isFunctionLike(node) && node !== scope) {
      // Registering an open listener means the author handles the connecting phase.
      const registration = listenerRegistration(node);
      if (registration && registration.event.toLowerCase() === 'open') waits = true;
      return;
    }
    if (node.getStart() >= from && node.getEnd() <= to + 1) {
      if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) waits = true;
      if (ts.isPropertyAccessExpression(node) && /^(readyState|onopen)$/.test(node.name.text)) waits = true;
      if (isOpenListenerCall(node)) waits = true;
      if (ts.isForOfStatement(node) && node.awaitModifier) waits = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  // A readyState check around the close itself also counts.
  for (let node = site.call.parent; node && node !== scope; node = node.parent) {
    if ((ts.isIfStatement(node) || ts.isConditionalExpression(node)) && /readyState|\bOPEN\b|isOpen|connected/.test((ts.isIfStatement(node) ? node.expression : node.condition).getText())) waits = true;
  }
  return !waits;
}

/** Is the close inside (at any depth) an open listener registered on the socket it closes? */
function insideOwnOpenListener(site: CloseCallSite, checker: ts.TypeChecker): boolean {
  for (let node: ts.Node | undefined = site.call.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (!isFunctionLike(node)) continue;
    const registration = listenerRegistration(node);
    if (registration && registration.event.toLowerCase() === 'open' && sameSocket(registration.emitter, site.receiver!, checker)) return true;
  }
  return false;
}

/** The same variable (by symbol) or the same `this.x` member (by text). */
function sameSocket(a: ts.Expression, b: ts.Expression, checker: ts.TypeChecker): boolean {
  const left = skipOuterExpressions(a);
  const right = skipOuterExpressions(b);
  if (ts.isIdentifier(left) && ts.isIdentifier(right)) {
    const symbol = checker.getSymbolAtLocation(left);
    return symbol !== undefined && symbol === checker.getSymbolAtLocation(right);
  }
  return left.getText() === right.getText();
}

/**
 * A connect timeout: `const t = setTimeout(() => ws.close(), 5000)` started in the function that
 * created `ws` (after the creation, on every path), and either an open listener of `ws` clears
 * that timer — so the callback only ever runs while the socket is CONNECTING — or the callback
 * closes only after checking that it still is (`readyState === WebSocket.CONNECTING`, `!connected`).
 */
function isConnectTimeout(site: CloseCallSite, checker: ts.TypeChecker): boolean {
  const callback = enclosingFunction(site.call);
  const timer = callback.parent;
  if (!isFunctionLike(callback) || !timer || !ts.isCallExpression(timer) || timer.arguments[0] !== callback || calleeName(timer) !== 'setTimeout') return false;
  if (!creationBefore(site.receiver!, timer, checker)) return false;
  if (checksStillConnecting(site.call, callback)) return true;
  const handle = timerHandle(timer);
  return handle !== undefined && openListenerClears(site.receiver!, handle, enclosingFunction(timer), checker);
}

/** Where the timer's id is kept: `const t = setTimeout(…)`, `t = setTimeout(…)`, `this.t = setTimeout(…)`. */
function timerHandle(timer: ts.CallExpression): ts.Expression | undefined {
  const parent = timer.parent;
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === timer && ts.isIdentifier(parent.name)) return parent.name;
  if (parent && ts.isBinaryExpression(parent) && parent.right === timer && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return parent.left;
  return undefined;
}

/** An open listener of `socket`, registered in `scope`, that calls clearTimeout(handle). */
function openListenerClears(socket: ts.Expression, handle: ts.Expression, scope: ts.Node, checker: ts.TypeChecker): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (isFunctionLike(node) && node !== scope) {
      const registration = listenerRegistration(node);
      if (registration && registration.event.toLowerCase() === 'open' && sameSocket(registration.emitter, socket, checker) && clearsTimer(node, handle, checker)) found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return found;
}

function clearsTimer(fn: ts.Node, handle: ts.Expression, checker: ts.TypeChecker): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && /^clear(Timeout|Interval)$/.test(calleeName(node)) && node.arguments[0] && sameSocket(node.arguments[0], handle, checker)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

/**
 * A condition around the close (inside the timer callback) that holds only while the socket is
 * CONNECTING: `ws.readyState === WebSocket.CONNECTING`, `readyState === 0`, `readyState !== WebSocket.OPEN`,
 * `!connected`, `!this.isOpen`, `this.connecting`, `isConnectingRef.value`.
 */
function checksStillConnecting(call: ts.Node, callback: ts.Node): boolean {
  let child: ts.Node = call;
  for (let node = call.parent; node && node !== callback; child = node, node = node.parent) {
    const condition = ts.isIfStatement(node) && node.thenStatement === child ? node.expression : ts.isBinaryExpression(node) && node.right === child && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? node.left : undefined;
    if (condition && meansConnecting(condition)) return true;
  }
  return false;
}

function meansConnecting(condition: ts.Expression): boolean {
  const node = skipOuterExpressions(condition);
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return meansConnecting(node.left) || meansConnecting(node.right);
    const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const unequal = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !unequal) return false;
    const sides = [node.left, node.right].map((side) => skipOuterExpressions(side));
    const readsState = sides.some((side) => ts.isPropertyAccessExpression(side) && side.name.text === 'readyState');
    const names = (state: string, value: string) => sides.some((side) => (ts.isPropertyAccessExpression(side) && side.name.text === state) || (ts.isNumericLiteral(side) && side.text === value));
    // `readyState !== WebSocket.OPEN`: closing a CLOSING or CLOSED socket does nothing, so the
    // close only acts while the socket is still CONNECTING.
    return readsState && (equal ? names('CONNECTING', '0') : names('OPEN', '1'));
  }
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    return /^(is)?(connected|opened|open|established)$/i.test(flagName(skipOuterExpressions(node.operand)));
  }
  // `if (this.connecting)`, `if (isConnectingRef.value)`: a flag the code keeps while the handshake runs.
  return /^(is)?connecting(ref)?$/i.test(flagName(node));
}

/** The name a flag is read by: `connected`, `this.isOpen`, and a ref's own name for `isConnectingRef.value` / `.current`. */
function flagName(node: ts.Expression): string {
  if (ts.isIdentifier(node)) return node.text;
  if (!ts.isPropertyAccessExpression(node)) return '';
  return /^(value|current)$/.test(node.name.text) ? flagName(skipOuterExpressions(node.expression)) : node.name.text;
}

/** `x.on('open', handler)` / `x.addEventListener('open', handler)` with any handler expression. */
function isOpenListenerCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const first = node.arguments[0];
  return /^(on|once|addEventListener|addListener)$/.test(node.expression.name.text) && !!first && ts.isStringLiteralLike(first) && first.text === 'open';
}
