// Why is this connection being closed? Collects the situations the surrounding code expresses:
// the reason text, the conditions guarding the call, and failure paths (catch blocks, 'error'
// listeners, heartbeat/timeout callbacks). `mismatched-code` compares them with the code.
import * as ts from 'typescript';
import { mentionsLiveness, situationsInText, type Situation } from '../registry/situations';
import type { CloseCallSite } from './find-close-calls';
import { identifierText, isFunctionLike, listenerRegistration } from './syntax';

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
}

const TIMER_FUNCTIONS = new Set(['setTimeout', 'setInterval']);

export function closeContext(site: CloseCallSite): CloseContext {
  const reasonText = site.reason.values.flatMap((v) => (v.kind === 'string' ? [v.value] : [])).join(' ');
  return {
    fromReason: situationsInText(reasonText),
    fromConditions: situationsFromConditions(site.call),
    ...failureOf(site.call),
  };
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
  const conditions: ts.Expression[] = [];
  let child: ts.Node = call;
  for (let node = call.parent; node && !isFunctionLike(node) && !ts.isSourceFile(node); child = node, node = node.parent) {
    if (ts.isIfStatement(node) && node.thenStatement === child) conditions.push(node.expression);
    else if (ts.isConditionalExpression(node) && node.whenTrue === child) conditions.push(node.condition);
    else if (ts.isBinaryExpression(node) && node.right === child && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) conditions.push(node.left);
    else if (ts.isCaseClause(node)) conditions.push(node.expression);
  }
  return conditions;
}

function failureOf(call: ts.Node): { failure?: FailurePath } {
  for (let node: ts.Node | undefined = call.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isCatchClause(node)) return { failure: 'catch' };
    // `.catch(err => ws.close(...))` on a promise.
    if (isFunctionLike(node)) {
      const parent = node.parent;
      if (parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'catch') {
        return { failure: 'catch' };
      }
      const registration = listenerRegistration(node);
      if (registration && registration.event.toLowerCase() === 'error') return { failure: 'error-listener' };
      if (isHeartbeatTimer(node, call)) return { failure: 'timeout' };
      return {};
    }
  }
  return {};
}

/**
 * A setTimeout/setInterval callback that checks liveness: the timer's name (`pingTimeout =
 * setTimeout(…)`, `heartbeat = setInterval(…)`), its delay (`PONG_TIMEOUT_MS`), a condition
 * guarding the close (`if (!ws.isAlive)`, `Date.now() - lastPong > …`) or what the callback does
 * besides (`ws.ping()`) speaks of heartbeats, pings, pongs or liveness. Any other timer — a
 * scheduled disconnect, a session lifetime, a `disconnectTimeout` — closes on purpose. Clearing
 * another timer (`clearInterval(pingInterval)`) says nothing about this one.
 */
function isHeartbeatTimer(fn: ts.Node, call: ts.Node): boolean {
  const parent = fn.parent;
  if (!parent || !ts.isCallExpression(parent) || parent.arguments[0] !== fn) return false;
  const name = calleeName(parent);
  if (!TIMER_FUNCTIONS.has(name)) return false;
  const delay = parent.arguments.slice(1).map(identifierText).join(' ');
  const guards = guardConditions(call).map(identifierText).join(' ');
  return mentionsLiveness(`${enclosingNames(parent)} ${delay} ${guards} ${callbackText(fn)}`);
}

function calleeName(call: ts.CallExpression): string {
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
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
/** Names of the variables/properties a timer is stored in (`heartbeatTimer = setInterval(…)`). */
function enclosingNames(timerCall: ts.Node): string {
  const parent = timerCall.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isBinaryExpression(parent)) return parent.left.getText();
  if (parent && ts.isPropertyDeclaration(parent)) return parent.name.getText();
  return '';
}
