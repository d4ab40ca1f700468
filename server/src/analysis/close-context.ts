// Why is this connection being closed? Collects the situations the surrounding code expresses:
// the reason text, the conditions guarding the call, and failure paths (catch blocks, 'error'
// listeners, heartbeat/timeout callbacks). `mismatched-code` compares them with the code.
import * as ts from 'typescript';
import { mentionsLiveness, situationsInText, type Situation } from '../registry/situations';
import type { CloseCallSite } from './find-close-calls';
import { identifierText, isFunctionLike, isIterationCallback, isSendCall, isSendCompletion, listenerRegistration, skipOuterExpressions } from './syntax';
import { calleeName, timersRunning } from './timers';
import { writtenReasonText } from './values';

export type FailurePath = 'catch' | 'error-listener' | 'timeout';

/** The situation a failure path stands for: what the code should say instead of "normal". */
export const FAILURE_SITUATIONS: Readonly<Record<FailurePath, Situation>> = {
  catch: 'internal-error',
  'error-listener': 'internal-error',
  timeout: 'timeout',
};

export interface CloseContext {
  /** Situations named by the reason text (every known string value of it). */
  readonly fromReason: readonly Situation[];
  /** Situations named by the `if` conditions (then-branches) and guard clauses around the call. */
  readonly fromConditions: readonly Situation[];
  /** The call runs on a failure path. */
  readonly failure?: FailurePath;
  /**
   * What the failure path is about, as words: the identifiers of a `try` block whose `catch` holds
   * the call, or the names and delay of a heartbeat timer. A code that fits what they name (a
   * `catch` around a token check closing with 3000) is not contradicted by the failure.
   */
  readonly failureText?: string;
  /** The call runs in a setTimeout/setInterval callback (a deadline of some kind). */
  readonly inTimer: boolean;
  /** The name of the function the call runs in directly (`_handleWelcomeTimeout`), if it has one. */
  readonly functionName?: string;
}

export function closeContext(site: CloseCallSite): CloseContext {
  return {
    fromReason: situationsInText(writtenReasonText(site.reason)),
    fromConditions: situationsFromConditions(site.call),
    ...failureOf(site.call),
    inTimer: timersOf(site.call).length > 0,
    functionName: functionNameOf(site.call),
  };
}

/** The setTimeout/setInterval calls that run the function the call is directly in (timers.ts). */
function timersOf(call: ts.Node): readonly ts.CallExpression[] {
  const fn = runningFunction(call);
  return fn ? timersRunning(fn) : [];
}

/**
 * The function whose run the call is part of: the enclosing function, looking through callbacks
 * a collection calls in place (`wss.clients.forEach((ws) => …)` inside a heartbeat interval) and
 * the completion callbacks of sends (`ws.send(error, () => ws.close(1000))`).
 */
function runningFunction(call: ts.Node): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  for (let node = call.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (runsOnItsOwn(node)) return node;
  }
  return undefined;
}

/** A function that runs when something calls it — not a collection's in-place callback, nor a send's completion, which run as part of the code around them. */
function runsOnItsOwn(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } {
  return isFunctionLike(node) && !isIterationCallback(node) && !isSendCompletion(node);
}

/** `function onTimeout() {…}`, `handleTimeout() {…}`, `const onTimeout = () => {…}`: the name of the function the call is in. */
function functionNameOf(call: ts.Node): string | undefined {
  const fn = runningFunction(call);
  if (!fn) return undefined;
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === fn && (ts.isIdentifier(parent.name) || ts.isPrivateIdentifier(parent.name))) return parent.name.text;
  return undefined;
}

function situationsFromConditions(call: ts.Node): Situation[] {
  const found = new Set<Situation>();
  for (const condition of guardConditions(call)) {
    for (const s of situationsInText(identifierText(condition))) found.add(s);
  }
  return [...found];
}

/**
 * The conditions that hold whenever the call runs, innermost first: `if` conditions (then-branch),
 * `?:` conditions (true branch), the left side of `&&`, and `case` labels — up to the enclosing
 * function. Rules that need more than the situations (e.g. whether a condition is negated) use these.
 */
export function guardConditions(call: ts.Node): ts.Expression[] {
  return conditionsAround(call, (node, child) => {
    if (ts.isIfStatement(node) && node.thenStatement === child) return node.expression;
    if (ts.isConditionalExpression(node) && node.whenTrue === child) return node.condition;
    if (ts.isBinaryExpression(node) && node.right === child && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return node.left;
    return ts.isCaseClause(node) ? node.expression : undefined;
  });
}

/**
 * The conditions that are false whenever the call runs: `if` conditions whose `else` branch holds
 * the call, and `?:` conditions of the false branch — up to the enclosing function.
 */
export function elseConditions(call: ts.Node): ts.Expression[] {
  return conditionsAround(call, (node, child) => {
    if (ts.isIfStatement(node) && node.elseStatement === child) return node.expression;
    return ts.isConditionalExpression(node) && node.whenFalse === child ? node.condition : undefined;
  });
}

/**
 * The condition `conditionOf` picks at each ancestor of the call (with the child it came from),
 * innermost first, up to the enclosing function (through the completion callbacks of sends).
 */
function conditionsAround(call: ts.Node, conditionOf: (node: ts.Node, child: ts.Node) => ts.Expression | undefined): ts.Expression[] {
  const conditions: ts.Expression[] = [];
  let child: ts.Node = call;
  for (let node = call.parent; node && !(isFunctionLike(node) && !isSendCompletion(node)) && !ts.isSourceFile(node); child = node, node = node.parent) {
    const condition = conditionOf(node, child);
    if (condition) conditions.push(condition);
  }
  return conditions;
}

/** The failure path a close call runs on (a catch, an 'error' listener, a heartbeat timer), if any. */
export function failurePathOf(call: ts.Node): FailurePath | undefined {
  return failureOf(call).failure;
}

function failureOf(call: ts.Node): { failure?: FailurePath; failureText?: string } {
  for (let node: ts.Node | undefined = call.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isCatchClause(node)) return { failure: 'catch', failureText: identifierText(node.parent.tryBlock) };
    // `.catch(err => ws.close(...))` on a promise.
    if (runsOnItsOwn(node)) {
      const parent = node.parent;
      if (parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'catch') {
        return { failure: 'catch' };
      }
      const registration = listenerRegistration(node);
      if (registration && registration.event.toLowerCase() === 'error') return { failure: 'error-listener' };
      if (isHeartbeatTimer(node, call)) return { failure: 'timeout', failureText: timersRunning(node).map(timerNames).join(' ') };
      return {};
    }
  }
  return {};
}

/**
 * A function run by setTimeout/setInterval (written in the call, or only ever handed to timers)
 * that checks liveness: each timer's name (`pingTimeout = setTimeout(…)`, `heartbeat =
 * setInterval(…)`) or delay (`PONG_TIMEOUT_MS`), a condition guarding the close (`if
 * (!ws.isAlive)`, `Date.now() - lastPong > …`) or what the function does besides (`ws.ping()`)
 * speaks of heartbeats, pings, pongs or liveness. Any other timer — a scheduled disconnect, a
 * session lifetime, a `disconnectTimeout` — closes on purpose. Clearing another timer
 * (`clearInterval(pingInterval)`) says nothing about this one.
 */
function isHeartbeatTimer(fn: ts.Node, call: ts.Node): boolean {
  const timers = timersRunning(fn);
  if (timers.length === 0) return false;
  const guards = guardConditions(call).map(identifierText).join(' ');
  const body = callbackText(fn);
  return timers.every((timer) => mentionsLiveness(`${timerNames(timer)} ${guards} ${body}`));
}

/** The names and delay of a timer: `upstreamPingTimer = setInterval(…, UPSTREAM_PING_MS)`. */
function timerNames(timer: ts.CallExpression): string {
  return `${enclosingNames(timer)} ${timer.arguments.slice(1).map(identifierText).join(' ')}`;
}

/** The identifiers and strings of a timer callback, leaving out clearTimeout/clearInterval calls. */
function callbackText(fn: ts.Node): string {
  const words: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && /^clear(Timeout|Interval)$/.test(calleeName(n))) return;
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) words.push(n.text);
    else if (ts.isStringLiteralLike(n)) words.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return words.join(' ');
}
/** Names of the variables/properties a timer is stored in (`heartbeatTimer = setInterval(…)`, `{ timeoutID: setTimeout(…) }`). */
function enclosingNames(timerCall: ts.Node): string {
  const parent = timerCall.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isBinaryExpression(parent)) return parent.left.getText();
  if (parent && (ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent))) return parent.name.getText();
  return '';
}

/**
 * What the peer was sent right before the close, as words: the string literals of the message
 * whose send completion runs the close (`ws.send(JSON.stringify({ error: 'Room is full' }), () =>
 * ws.close(1000))`), or of a send in the statement just before it. A refusal often says why there
 * and sends the close without a reason.
 */
export function messageSentBefore(call: ts.Node): string | undefined {
  for (let node: ts.Node = call; node.parent && !ts.isSourceFile(node.parent); node = node.parent) {
    if (isSendCompletion(node)) return literalWords((node.parent as ts.CallExpression).arguments[0]!);
    if (isFunctionLike(node)) break;
  }
  let statement: ts.Node = call;
  while (statement.parent && !ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent) && !isFunctionLike(statement.parent)) statement = statement.parent;
  const block = statement.parent;
  if (!block || !ts.isBlock(block)) return undefined;
  const previous = block.statements[block.statements.indexOf(statement as ts.Statement) - 1];
  const sent = previous && ts.isExpressionStatement(previous) ? skipOuterExpressions(previous.expression) : undefined;
  if (!sent || !ts.isCallExpression(sent) || !isSendCall(sent) || !sent.arguments[0]) return undefined;
  return literalWords(sent.arguments[0]);
}

/** The string literals written in an expression (not inside functions it holds). */
function literalWords(node: ts.Node): string {
  const words: string[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isStringLiteralLike(n)) words.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return words.join(' ');
}

/**
 * In a `catch`, has the failure already been told to the peer before the close — a protocol
 * message sent first (`this.sendClose(e.closeCode)`, `sendError(ws, err)`, `send(errorFrame(e))`)?
 * Then the close that follows only ends the transport, and 1000 there says nothing false.
 */
export function failureReportedFirst(call: ts.Node): boolean {
  const clause = enclosingCatch(call);
  if (!clause) return false;
  const errorName = catchVariable(clause);
  let statement: ts.Node = call;
  for (let node = call.parent; node && node !== clause; node = node.parent) {
    // Every statement list between the catch and the call: `catch (e) { switch (state) { case
    // 'task': this.sendClose(e.code); this.reset(1000); } }`.
    if ((ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) && sendsFailureBefore(node.statements, statement, errorName)) return true;
    statement = node;
  }
  return false;
}

function enclosingCatch(call: ts.Node): ts.CatchClause | undefined {
  for (let node = call.parent; node && !isFunctionLike(node); node = node.parent) {
    if (ts.isCatchClause(node)) return node;
  }
  return undefined;
}

function catchVariable(clause: ts.CatchClause): string | undefined {
  const name = clause.variableDeclaration?.name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

function sendsFailureBefore(statements: ts.NodeArray<ts.Statement>, statement: ts.Node, errorName: string | undefined): boolean {
  for (const earlier of statements) {
    if (earlier === statement) return false;
    if (containsFailureSend(earlier, errorName)) return true;
  }
  return false;
}

function containsFailureSend(node: ts.Node, errorName: string | undefined): boolean {
  if (isFunctionLike(node)) return false;
  if (ts.isCallExpression(node) && isFailureSend(node, errorName)) return true;
  return ts.forEachChild(node, (child) => containsFailureSend(child, errorName)) ?? false;
}

function isFailureSend(call: ts.CallExpression, errorName: string | undefined): boolean {
  const name = calleeName(call);
  if (!/^send/i.test(name)) return false;
  if (/close|error|abort|fail|reject/i.test(name)) return true;
  return errorName !== undefined && call.arguments.some((argument) => mentions(argument, errorName));
}

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name;
  return ts.forEachChild(node, (child) => mentions(child, name)) ?? false;
}
