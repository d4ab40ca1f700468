// mismatched-code: the code contradicts why the connection closes — 1000/1001 to reject a client
// (rate limit, auth, bans, policy, invalid messages, capacity), 1000 on a failure path, or a
// reason whose meaning contradicts the code. Peers act on the code, so a wrong one misleads
// reconnect logic (reconnect storms on "normal" rejections are a classic).
import * as ts from 'typescript';
import { ADDRESS_WORDS, CODE_SITUATIONS, COUNT_WORDS, NEGATIVE_WORDS, NEUTRAL_KEYWORDS, POPULATION_WORDS, codeFitsSituation, findSituationMatches, namesExpiry, negatedGuardSituation, situationsInText, splitWords, type Situation } from '../registry/situations';
import { FAILURE_SITUATIONS, closeContext, elseConditions, failurePathOf, failureReportedFirst, guardConditions, messageSentBefore, type CloseContext, type FailurePath } from '../analysis/close-context';
import { enclosingFunction, identifierText, isFunctionLike, listenerRegistration, skipOuterExpressions } from '../analysis/syntax';
import type { CloseCallSite } from '../analysis/find-close-calls';
import { isAssignedNew } from '../analysis/constructed';
import { numbersOf, writtenReasonText } from '../analysis/values';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import { ANY_REASON_CODES, GENERIC_CODES, INVALID_DATA_CODES, NORMAL_CLOSURE, PEER_BLAMING_CODES, TIMEOUT_CODE, UNCONTRADICTED_CODES } from '../registry/code-facts';
import { defineRule } from './define-rule';
import { codesFor, formatCodes, isBrowserSide, replaceCodeSuggestions, replacementTarget } from './code-advice';

const REJECTIONS: readonly Situation[] = ['rate-limit', 'overload', 'auth', 'forbidden', 'policy', 'invalid-message', 'capacity'];
/** A reason that also says the session ended normally, or that the server leaves or restarts, is not a plain rejection. */
const BENIGN: readonly Situation[] = ['normal', 'going-away', 'restart'];
/**
 * Ends without blame. 1000 for "Server shutting down" or 1001 for "Goodbye" on a running session is
 * a matter of taste (reviewers label it "1001 would be better", not a bug), so a reason naming only
 * these does not contradict either generic code — except on a connection turned away as it arrives
 * ("Service decommissioned" to every new client), where the code is the only answer it gets.
 */
const PLAIN_ENDINGS: readonly Situation[] = ['normal', 'going-away'];
const ARRIVAL_EVENTS: ReadonlySet<string> = new Set(['connection', 'open']);

export default defineRule({
  id: 'mismatched-code',
  meta: {
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messageIds: ['rejectWithNormal', 'failureWithNormal', 'contradictsReason', 'rejectWithCode', 'failureWithCode', 'functionWithCode', 'replaceCode'],
  },
  check(context) {
    const { site } = context;
    // A wrapper called with a reason only: its fixed code is judged against this call's reason and
    // branch, reported here (where the situation is written), with no edit (the code is the wrapper's).
    const inherited = site.wrapperCode;
    const evaluated = inherited ?? site.code;
    const argument = inherited ? (site.methodNode as ts.Expression) : site.code.node;
    if (!argument) return;
    const values = numbersOf(evaluated);
    if (values.length !== 1 || evaluated.values.length !== 1) return; // judge only a certain code
    const value = values[0]!;
    const code = value.value;
    if (context.naming.isDeclaredByApp(code) && CODE_SITUATIONS[code] === undefined) return;
    const around = closeContext(site);
    const side = isBrowserSide(site) ? 'browser' : 'server';
    // A wrapper whose own close already contradicts why it closes is reported there, once.
    if (inherited && site.forwardedTo && judgedWhereWritten(site.forwardedTo.closeCall, code, side, context.analysis.checker)) return;
    const target = inherited ? argument : replacementTarget(value, argument);
    const name = context.naming.nameOf(code);

    /** Reports the code with the codes that fit `situation` as suggestions (`withSituation`: name the situation in the message). */
    const suggestCodesFor = (situation: Situation, messageId: 'rejectWithNormal' | 'failureWithNormal' | 'contradictsReason' | 'rejectWithCode' | 'failureWithCode' | 'functionWithCode', data: Readonly<Record<string, string>> = {}, withSituation = true): void => {
      const alternatives = codesFor(site, [situation]);
      context.report({
        messageId,
        data: { code, name, ...(withSituation ? { situation: context.common.situations[situation] } : {}), ...data, alternatives: formatCodes(context, alternatives) },
        node: target,
        suggestions: inherited ? [] : replaceCodeSuggestions(context, target, alternatives),
      });
    };
    // "Logged out: token revoked", "Token refreshed, please reconnect": the reason itself mixes a
    // normal end with a rejection, so it cannot tell which one the code should say.
    const mixedReason = around.fromReason.some((s) => BENIGN.includes(s)) && around.fromReason.some((s) => REJECTIONS.includes(s));
    // Only a server rejects clients. A client that closes with 1000 after the server refused it
    // (`if (msg.error === 'unauthorized') socket.close(1000, 'Unauthorized')`) ends its own session.
    let client: boolean | undefined;
    const clientSide = () => (client ??= isClientSide(site, context.analysis.checker));
    if (GENERIC_CODES.includes(code) && !clientSide()) {
      const fromReason = mixedReason ? undefined : around.fromReason.find((s) => REJECTIONS.includes(s));
      const rejection = fromReason ?? rejectionFromGuards(site.call, context.analysis.checker) ?? (site.reason.node ? undefined : rejectionSent(site.call));
      if (rejection) return suggestCodesFor(rejection, 'rejectWithNormal');
    }
    if (code === NORMAL_CLOSURE && around.failure && !around.fromReason.includes('normal') && !closesOwnFailedSocket(site, around.failure) && !(clientSide() && connectionFailed(around)) && !failureReportedFirst(site.call)) {
      return suggestCodesFor(FAILURE_SITUATIONS[around.failure], 'failureWithNormal', { failure: context.common.failurePaths[around.failure] }, false);
    }
    // The reason names situations and none of them fits the code. Generic words alone
    // ("invalid", "error", "failed") do not say enough to contradict a code: 1002 'Invalid frame'.
    const reasonSays = around.fromReason.length > 0 && !mixedReason && findSituationMatches(writtenReasonText(site.reason)).some((m) => !m.weak);
    if (reasonSays) {
      const named = clientSide() ? around.fromReason.filter((s) => !REJECTIONS.includes(s)) : around.fromReason;
      if (named.length === 0) return;
      if (GENERIC_CODES.includes(code) && named.every((s) => PLAIN_ENDINGS.includes(s)) && !turnsAwayArrival(site.call)) return;
      const verdicts = named.map((s) => codeFitsSituation(code, s, side));
      if (verdicts.some((v) => v !== false)) return;
      // 1011 names the server's own failure whatever it was; the data codes all say "invalid message" (no consensus among them).
      if (ANY_REASON_CODES.includes(code) || named.every((s) => s === 'invalid-message' && INVALID_DATA_CODES.includes(code))) return;
      return suggestCodesFor(named[0]!, 'contradictsReason');
    }

    // No reason names the situation: the branch does. A code with a specific meaning of its own
    // (1009 Message Too Big, 1014 Bad Gateway, 3000 Unauthorized…) that the guarding condition, the
    // failure path or the handler's name contradicts. The generic codes are never judged here.
    if (GENERIC_CODES.includes(code) || context.naming.isDeclaredByApp(code) || !CODE_SITUATIONS[code]?.length) return;
    // Whatever the reason, the conditions or the failure's own words name that fits the code wins.
    const fits = (text: string) => situationsInText(text).some((s) => codeFitsSituation(code, s, side) !== false);
    if (around.fromReason.some((s) => codeFitsSituation(code, s, side) !== false) || around.fromConditions.some((s) => codeFitsSituation(code, s, side) !== false)) return;
    const why = contextSituation(site, around, code, clientSide, context.analysis.checker);
    if (!why || !contradicts(code, why.situation, side, around.inTimer) || (why.text !== undefined && fits(why.text))) return;
    if (why.source === 'guard') suggestCodesFor(why.situation, 'rejectWithCode');
    else if (why.source === 'function') suggestCodesFor(why.situation, 'functionWithCode', { function: why.text ?? '' });
    else suggestCodesFor(why.situation, 'failureWithCode', { failure: context.common.failurePaths[why.source] });
  },
});

/**
 * A close without a reason right after a message that tells the peer it is refused
 * (`ws.send(JSON.stringify({ type: 'ERROR', payload: 'UNAUTHORIZED' }), () => ws.close(1000))`):
 * the refusal the message names, as a guard's words would (a neutral word such as "auth" needs a
 * negative one), unless the message also says the session ended normally.
 */
function rejectionSent(call: ts.Node): Situation | undefined {
  const text = messageSentBefore(call);
  if (!text) return undefined;
  const matches = findSituationMatches(text).filter((m) => !m.weak);
  if (matches.some((m) => BENIGN.includes(m.situation))) return undefined;
  const rejections = matches.filter((m) => REJECTIONS.includes(m.situation));
  return rejections.length > 0 && wordsRefuse(text, rejections) ? rejections[0]!.situation : undefined;
}

/** Rejection words that refuse by themselves ("banned", not the neutral "auth"), or said with a negative word ("invalid token"). */
function wordsRefuse(text: string, rejections: ReturnType<typeof findSituationMatches>): boolean {
  return rejections.some((m) => !NEUTRAL_KEYWORDS.has(m.keyword)) || splitWords(text).some((w) => NEGATIVE_WORDS.has(w));
}

/** The close runs in the listener that receives a new connection (ws 'connection', Bun's `open`). */
function turnsAwayArrival(call: ts.Node): boolean {
  const fn = enclosingFunction(call);
  const event = fn && listenerRegistration(fn)?.event;
  return event !== undefined && ARRIVAL_EVENTS.has(event);
}

/**
 * The close inside a wrapper or closer is judged where it is written when its own context already
 * speaks against the code — it runs on a failure path, its written reason names only situations
 * the code does not fit (`ws.close(1000, 'Kicked')`), or a rejecting branch guards it — so it is
 * not reported again at every call. A reason that fits the code (`close(1009, 'Message Too Big')`)
 * leaves the judgement to each caller's situation.
 */
function judgedWhereWritten(closeCall: ts.CallExpression, code: number, side: 'browser' | 'server', checker: ts.TypeChecker): boolean {
  if (failurePathOf(closeCall)) return true;
  const reason = closeCall.arguments[1];
  const named = reason && ts.isStringLiteralLike(reason) ? situationsInText(reason.text) : [];
  if (named.length > 0) return !named.some((s) => codeFitsSituation(code, s, side) !== false);
  return rejectionFromGuards(closeCall, checker) !== undefined;
}

interface ContextSituation {
  readonly situation: Situation;
  readonly source: 'guard' | 'function' | FailurePath;
  /** Words of that context that may still name a situation fitting the code. */
  readonly text?: string;
}

/**
 * Why the close happens, when the branch says so and the reason does not: a rejecting condition
 * (servers only), a heartbeat timer, a `catch` or another emitter's 'error' listener whose reason
 * speaks of a failure ("Failed to send message": weak words, but the failure path confirms them),
 * or a handler whose own name is about a timeout (`onHeartbeatTimeout`).
 */
function contextSituation(site: CloseCallSite, around: CloseContext, code: number, clientSide: () => boolean, checker: ts.TypeChecker): ContextSituation | undefined {
  if (!clientSide()) {
    const rejection = rejectionFromGuards(site.call, checker);
    if (rejection) return { situation: rejection, source: 'guard' };
  }
  if (around.failure === 'timeout') return { situation: 'timeout', source: 'timeout', text: around.failureText };
  if (around.failure && !closesOwnFailedSocket(site, around.failure) && situationsInText(writtenReasonText(site.reason)).includes('internal-error') && PEER_BLAMING_CODES.has(code)) {
    return { situation: 'internal-error', source: around.failure, text: around.failureText };
  }
  if (around.functionName && namesExpiry(around.functionName)) return { situation: 'timeout', source: 'function', text: around.functionName };
  return undefined;
}

/**
 * Does the code contradict the situation? Not when it fits, nor when both are rejections (1013 for
 * a ban, 3000 for a refused permission: the peer still learns it was refused), nor for 1011 (any
 * unexpected condition), nor for the data codes 1002/1003/1007 on an invalid message (no consensus),
 * nor for 3008 in a timer (a deadline: `setTimeout(() => { if (!authed) close(3008) })`).
 */
function contradicts(code: number, situation: Situation, side: 'server' | 'browser', inTimer: boolean): boolean {
  if (codeFitsSituation(code, situation, side) !== false) return false;
  const meanings = CODE_SITUATIONS[code] ?? [];
  if (REJECTIONS.includes(situation) && meanings.some((m) => REJECTIONS.includes(m))) return false;
  if (UNCONTRADICTED_CODES.includes(code)) return false;
  if (situation === 'invalid-message' && INVALID_DATA_CODES.includes(code)) return false;
  if (code === TIMEOUT_CODE && inTimer) return false;
  return true;
}

/**
 * The rejection a guarding condition expresses, innermost condition first. Each operand of
 * `&&`/`||` is judged alone, so `if (token && !sent)` does not turn the token test negative.
 */
function rejectionFromGuards(call: ts.Node, checker: ts.TypeChecker): Situation | undefined {
  for (const condition of guardConditions(call)) {
    for (const operand of operandsOf(condition)) {
      const text = identifierText(operand);
      const matches = findSituationMatches(text).filter((m) => REJECTIONS.includes(m.situation));
      if (matches.length === 0) continue;
      if (isNegated(operand) || wordsRefuse(text, matches)) return matches[0]!.situation;
    }
    for (const operand of operandsOf(condition)) {
      if (isPopulationLimit(operand, checker)) return 'capacity';
      if (isNegated(operand)) {
        const situation = negatedGuardSituation(identifierText(operand));
        if (situation) return situation;
      }
    }
  }
  // `if (player.clients.length < 2) { admit } else { close }`: the else branch of a population kept below a bound.
  for (const condition of elseConditions(call)) {
    const operands = operandsOf(condition);
    if (operands.length === 1 && isPopulationLimit(operands[0]!, checker, true)) return 'capacity';
  }
  return undefined;
}

const GREATER = new Set([ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken]);
const LESS = new Set([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken]);

/**
 * `wss.clients.size >= MAX_CLIENTS`, `room.players.length > max`, `connectionsByIp[ip] > 3`,
 * `MAX < clientCount`: the number of clients, players or connections bounded from above. A bound of
 * 0 or 1 is not a capacity (`sockets.length > 1` replaces a duplicate session). `inverted`: the
 * comparison is known false (`clients.length < 2` on its else branch).
 */
function isPopulationLimit(operand: ts.Expression, checker: ts.TypeChecker, inverted = false): boolean {
  const node = skipOuterExpressions(operand);
  if (!ts.isBinaryExpression(node)) return false;
  const op = node.operatorToken.kind;
  const [above, below] = inverted ? [LESS, GREATER] : [GREATER, LESS];
  const [counted, bound] = above.has(op) ? [node.left, node.right] : below.has(op) ? [node.right, node.left] : [undefined, undefined];
  if (!counted || !bound) return false;
  const limit = skipOuterExpressions(bound);
  if (ts.isNumericLiteral(limit) && Number(limit.text) < 2) return false;
  return countsPopulation(counted, checker, 0);
}

/**
 * Does the expression count a population? Its name says so (`clients` in `wss.clients.size`,
 * `connectionsByIp` in `connectionsByIp.get(ip) ?? 0`, `numPlayers`), or it is a const holding
 * such a count (`const open = (connectionsByIp.get(ip) ?? 0) + 1`).
 */
function countsPopulation(expression: ts.Expression, checker: ts.TypeChecker, depth: number): boolean {
  let node = skipOuterExpressions(expression);
  // `++count >= max`: the count after this connection.
  if (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) node = skipOuterExpressions(node.operand);
  // `count + 1`, `count - 1`: still the count.
  while (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.MinusToken) && ts.isNumericLiteral(skipOuterExpressions(node.right))) {
    node = skipOuterExpressions(node.left);
  }
  const name = countedName(node);
  if (name) {
    const words = splitWords(name);
    const counted = [...words];
    while (words.length > 0 && COUNT_WORDS.has(words[words.length - 1]!)) words.pop();
    if (words.length > 0 && POPULATION_WORDS.has(words[words.length - 1]!)) return true;
    // `perIp[ip] > 3`, `ipCount >= MAX`: connections counted per address, named by the count alone.
    if (words.length === 0 && counted.length > 1 && counted.some((word) => ADDRESS_WORDS.has(word))) return true;
  }
  if (depth < 3 && ts.isIdentifier(node)) {
    const decl = checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const) {
      return countsPopulation(decl.initializer, checker, depth + 1);
    }
  }
  return false;
}

/** The name of what is counted: `clients` in `wss.clients.size`, `connectionsByIp` in `connectionsByIp.get(ip) ?? 0`. */
function countedName(expression: ts.Expression): string | undefined {
  let node = skipOuterExpressions(expression);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) node = skipOuterExpressions(node.left);
  if (ts.isPropertyAccessExpression(node) && /^(size|length|count)$/.test(node.name.text)) node = skipOuterExpressions(node.expression);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get') node = skipOuterExpressions(node.expression.expression);
  if (ts.isElementAccessExpression(node)) node = skipOuterExpressions(node.expression);
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return ts.isIdentifier(node) ? node.text : undefined;
}

function operandsOf(condition: ts.Expression): ts.Expression[] {
  const node = skipOuterExpressions(condition);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return [...operandsOf(node.left), ...operandsOf(node.right)];
  }
  return [node];
}

/** `!x`, `x !== y`, `x === false/null/undefined`: the operand holds when something is absent or wrong. */
function isNegated(operand: ts.Expression): boolean {
  const node = skipOuterExpressions(operand);
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.ExclamationToken;
  if (!ts.isBinaryExpression(node)) return false;
  const op = node.operatorToken.kind;
  if (op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) return true;
  // `list.indexOf(x) === -1`, `list.indexOf(x) < 0`: not in the list.
  if (op === ts.SyntaxKind.LessThanToken && isNumber(node.right, 0)) return true;
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  return [node.left, node.right].some((side) => {
    const s = skipOuterExpressions(side);
    return s.kind === ts.SyntaxKind.FalseKeyword || s.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(s) && s.text === 'undefined') || isNumber(s, -1);
  });
}

function isNumber(expression: ts.Expression, value: number): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isNumericLiteral(node)) return Number(node.text) === value;
  return ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand) && -Number(node.operand.text) === value;
}

/**
 * A catch around connecting (the try block or the function is about connecting: `await
 * this.wsConnection.connect()`, `connectUser()`): on the client end, what failed is the
 * connection itself, and closing it with 1000 abandons a socket that never opened or already
 * failed; nothing misleads the peer.
 */
function connectionFailed(around: CloseContext): boolean {
  return around.failure === 'catch' && CONNECTING_WORDS.test(`${around.failureText ?? ''} ${around.functionName ?? ''}`);
}

/** `connect`, `reconnect`, `openConnection`, `connectUser` — not `disconnect`. */
const CONNECTING_WORDS = /(?<!dis)connect|\bopen(?:connection|socket|websocket)?\b/i;

/**
 * A socket's own 'error' listener runs when that socket is already closing or closed (browsers
 * set CLOSED before firing `error`; ws starts its own close first), so close() there sends
 * nothing and its code cannot mislead the peer.
 */
function closesOwnFailedSocket(site: CloseCallSite, failure: FailurePath): boolean {
  if (failure !== 'error-listener') return false;
  const fn = enclosingFunction(site.call);
  const registration = isFunctionLike(fn) ? listenerRegistration(fn) : undefined;
  if (!registration || registration.event.toLowerCase() !== 'error') return false;
  const emitter = skipOuterExpressions(registration.emitter).getText();
  // A closer or wrapper given the failed socket (`closeSocket(socket)` in `socket.onerror`) closes it too.
  const closed = site.receiver ? [site.receiver] : site.forwardedTo ? [...(site.call.arguments ?? [])] : [];
  return closed.some((socket) => skipOuterExpressions(socket).getText() === emitter);
}

/**
 * Is the receiver the client end? Browser-style sockets always are; so is any socket this code
 * constructed itself (`const ws = new WebSocket(url)`, `this.ws = new WebSocket(url)`), whatever
 * the library: servers receive their sockets from a 'connection' event or an upgrade.
 */
function isClientSide(site: CloseCallSite, checker: ts.TypeChecker): boolean {
  if (site.runtimes.every((r) => RUNTIME_PROFILES[r].role === 'client')) return true;
  return site.receiver !== undefined && isAssignedNew(site.receiver, checker);
}
