// reconnect-on-terminal-code: a client's close handler that opens a new connection on a path a
// refusal (1008) or a code the project or its app protocol marks "do not reconnect" can take.
// The server refused the client; the client comes straight back and is refused again, in a loop
// (a session limit answered with 1008 turned into hundreds of connections in minutes).
import * as ts from 'typescript';
import { APP_PROFILES } from '../registry/apps';
import { REFUSAL_CODES } from '../registry/close-codes';
import type { AppProfileId } from '../registry/types';
import { clientCloseHandlers, type CloseHandler } from '../analysis/close-handlers';
import type { AnalysisContext } from '../analysis/context';
import { namedCodesFor } from '../analysis/named-codes';
import { connectionStarts, handlerScope, reachableWith, type CloseScope, type ConnectionStart, type ConnectionVia } from '../analysis/reconnect-paths';
import { skipOuterExpressions } from '../analysis/syntax';
import { formatCodes } from './code-advice';
import type { CodeNaming } from './code-naming';
import { defineRule, type SuggestionReport } from './define-rule';

export default defineRule({
  id: 'reconnect-on-terminal-code',
  meta: {
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messageIds: ['reconnectsAfterTerminal', 'guardTerminal', 'connectionStartsHere', 'timerCallbackReconnects', 'stateEffectReconnects', 'dispatchedActionReconnects'],
  },
  checkFile(context) {
    const { analysis, naming } = context;
    const terminal = terminalCodes(naming, analysis);
    if (terminal.length === 0) return;
    for (const handler of clientCloseHandlers(analysis)) {
      const socket = { confidence: handler.confidence, ...(handler.evidence ? { evidence: handler.evidence } : {}) };
      const reported = new Set<ts.Node>();
      for (const start of connectionStarts(handlerScope(handler, analysis))) {
        const looping = terminal.filter((code) => reachableWith(start, code));
        const inFile = start.steps.filter((step) => step.scope.ctx.sourceFile === analysis.sourceFile);
        const node = reportedStep(inFile).node;
        if (looping.length === 0 || reported.has(node)) continue;
        reported.add(node);
        // The guard goes first thing in the innermost function of this file that has the close.
        const { scope } = inFile[inFile.length - 1]!;
        const guard = guardSuggestion(scope, scope.fn === handler.fn ? handler : undefined, looping);
        const related = [...(node !== start.steps[start.steps.length - 1]!.node ? [connectionPlace(start)] : []), ...(start.via ? [viaPlace(start.via)] : [])];
        context.report({
          messageId: 'reconnectsAfterTerminal',
          data: { code: formatCodes(context, looping.slice(0, 1)) },
          node,
          socket,
          ...(related.length > 0 ? { related } : {}),
          ...(guard ? { suggestions: [{ ...guard, data: { codes: formatCodes(context, looping) } }] } : {}),
        });
      }
    }
  },
});

/**
 * The call reported: the first one on the way that is written in a handler with code of its own,
 * where the close is (or should be) read — `$.reconnect(e)` after the handler's own checks, not
 * the step inside that helper, which may also run for other reasons. A handler that only passes
 * the close on (`e => this._onclose(e)`) is skipped for the method it calls.
 */
function reportedStep(steps: ConnectionStart['steps']): ConnectionStart['steps'][number] {
  let index = 0;
  while (index < steps.length - 1 && onlyPassesOn(steps[index]!.scope.fn)) index++;
  return steps[index]!;
}

function onlyPassesOn(fn: CloseScope['fn']): boolean {
  const body = fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return isPlainCall(body as ts.Expression);
  const [only] = body.statements;
  if (body.statements.length !== 1 || !only) return false;
  if (ts.isExpressionStatement(only)) return isPlainCall(only.expression);
  return ts.isReturnStatement(only) && !!only.expression && isPlainCall(only.expression);
}

/** `this.onClose(e)`, also as `void …` / `await …` / with a `.catch(…)` on its promise. */
function isPlainCall(expression: ts.Expression): boolean {
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(node) || ts.isVoidExpression(node) || ts.isAwaitExpression(node)) node = node.expression;
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(catch|then|finally)$/.test(node.expression.name.text) && ts.isCallExpression(skipOuterExpressions(node.expression.expression))) node = node.expression.expression;
    else return ts.isCallExpression(node);
  }
}

/** Where a reconnect the handler hands on (`this.reconnect(e)` → `this.open()`) starts the connection. */
function connectionPlace(start: ConnectionStart): { node: ts.Node; messageId: 'connectionStartsHere'; data: Record<string, never> } {
  return { node: start.steps[start.steps.length - 1]!.node, messageId: 'connectionStartsHere', data: {} };
}

/** Where an indirect reconnect opens the connection: the timer object's callback, the effect a state change re-runs, the store action a dispatch runs. */
function viaPlace(via: ConnectionVia): { node: ts.Node; messageId: 'timerCallbackReconnects' | 'stateEffectReconnects' | 'dispatchedActionReconnects'; data: { timer: string } | { setter: string } | { action: string } } {
  switch (via.kind) {
    case 'timer-callback':
      return { node: via.node, messageId: 'timerCallbackReconnects', data: { timer: via.timer } };
    case 'state-effect':
      return { node: via.node, messageId: 'stateEffectReconnects', data: { setter: via.setter } };
    case 'dispatched-action':
      return { node: via.node, messageId: 'dispatchedActionReconnects', data: { action: via.action } };
  }
}

/**
 * The refusal codes, the codes the project's config says not to reconnect after, and those of an
 * active app profile — in files that import one of the profile's packages: a graphql-ws dependency
 * somewhere in the project does not make every socket speak graphql-ws.
 */
function terminalCodes(naming: CodeNaming, analysis: AnalysisContext): number[] {
  const speaks = (profile: AppProfileId) => APP_PROFILES.find((p) => p.id === profile)!.packages.some((name) => [...analysis.importedModules].some((m) => m === name || m.startsWith(`${name}/`)));
  const declared = naming.declaredCodes.filter((d) => d.source === 'config' || speaks(d.source)).map((d) => d.code);
  return [...new Set([...REFUSAL_CODES, ...declared])].filter((code) => naming.reconnectAdviceOf(code) === 'no');
}

/**
 * `if (event.code === POLICY) return;` as the first statement of the function the report is in,
 * with the project's named constants where it has them. A registered handler written in place
 * that takes no parameter gets one; a named function may be called elsewhere without an event,
 * so it gets a guard only when it already has the code.
 */
function guardSuggestion(scope: CloseScope, handler: CloseHandler | undefined, codes: readonly number[]): Omit<SuggestionReport<'guardTerminal'>, 'data'> | undefined {
  const { fn, ctx } = scope;
  const body = fn.body;
  // A wrapper that calls the handler without the close: the guard belongs in the wrapper.
  if (!body || handler?.style === 'nothing') return undefined;
  const parameter = handler?.style === 'code-first' ? 'code' : 'event';
  const addsParameter = fn.parameters.length === 0;
  if (addsParameter && (!handler?.inPlace || new RegExp(`\\b${parameter}\\b`).test(body.getText()))) return undefined;
  const codeText = addsParameter ? (handler?.style === 'code-first' ? parameter : `${parameter}.code`) : scope.close.codeText;
  if (!codeText) return undefined;
  const condition = codes.map((code) => `${codeText} === ${nameOf(code, body, ctx)}`).join(' || ');
  const guard = `if (${condition}) return;`;
  const edits = addsParameter ? [{ start: fn.parameters.pos, end: fn.parameters.pos, text: parameter }] : [];
  if (ts.isBlock(body)) {
    const first = body.statements[0];
    const indent = first ? lineIndent(first) : `${lineIndent(body)}  `;
    edits.push({ start: body.getStart() + 1, end: body.getStart() + 1, text: `\n${indent}${guard}` });
  } else {
    edits.push({ start: body.getStart(), end: body.getEnd(), text: `{ ${guard} ${body.getText()}; }` });
  }
  return { messageId: 'guardTerminal', edits };
}

function nameOf(code: number, at: ts.Node, ctx: AnalysisContext): string {
  const named = namedCodesFor(ctx.program, ctx.sourceFile, at, code).find((n) => !n.importEdit);
  return named ? named.text : String(code);
}

function lineIndent(node: ts.Node): string {
  const file = node.getSourceFile();
  const line = file.getLineAndCharacterOfPosition(node.getStart()).line;
  const text = file.text.slice(file.getPositionOfLineAndCharacter(line, 0));
  return /^[ \t]*/.exec(text)![0];
}
