// invalid-code: values that are not close codes at all — out of every range, fractional, NaN,
// strings (often a reason in the code's place), error codes and HTTP statuses.
import type * as ts from 'typescript';
import { RESERVED_CODES, isProtocolValid } from '../registry/close-codes';
import { HTTP_STATUS_SITUATIONS, NORMAL_CLOSURE, isUnregisteredCode, outOfRange } from '../registry/code-facts';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import { convertedCode } from '../registry/code-conversion';
import type { Situation } from '../registry/situations';
import type { PossibleValue } from '../analysis/values';
import { closeContext } from '../analysis/close-context';
import { skipOuterExpressions } from '../analysis/syntax';
import { defineRule, type RuleContext, type SuggestionReport } from './define-rule';
import { acceptedBySite, codesFor, formatCodes, replaceCodeSuggestions, replaceNode, replacementTarget, runtimeData, runtimeFor } from './code-advice';

export default defineRule({
  id: 'invalid-code',
  meta: {
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messageIds: ['belowRange', 'httpStatus', 'unassignedRange', 'aboveRange', 'notInteger', 'notANumber', 'stringCode', 'reasonAsCode', 'errorCode', 'errorObject', 'httpStatusValue', 'convertedCode', 'replaceCode', 'insertCode', 'useNumber'],
  },
  check(context) {
    const { site } = context;
    const argument = site.code.node;
    if (!argument) return;
    for (const value of site.code.values) {
      // uWS's `end(code = 0, …)` (and Bun's server close on top of it) takes 0 as "no code": written
      // out, as in `end(reason ? 3000 : 0, reason)`, it is that API's own spelling, not a mistake.
      if (value.kind === 'number' && value.value === 0 && site.runtimes.every((r) => RUNTIME_PROFILES[r].sendsReservedAsNoCode)) continue;
      const problem = classify(value, site.reason.node !== undefined);
      if (!problem) continue;
      const target = replacementTarget(value, argument);
      const situations = situationsFor(context, problem, value);
      const alternatives = codesFor(site, situations.length > 0 ? situations : ['normal']);
      // A fraction or a numeric string that a runtime converts to a code it accepts does not throw
      // there: say what it sends instead of claiming an exception.
      const raw = value.kind === 'number' || value.kind === 'string' ? value.value : undefined;
      const runtime = runtimeFor(site, (r) => raw === undefined || convertedCode(RUNTIME_PROFILES[r], raw) === undefined);
      const sent = raw !== undefined && (problem === 'notInteger' || problem === 'stringCode') ? convertedCode(RUNTIME_PROFILES[runtime], raw) : undefined;
      if (sent !== undefined) {
        // Offer what is sent today only when it is a code no other rule objects to.
        const unregistered = isUnregisteredCode(sent) && !context.naming.isDeclaredByApp(sent);
        const intended = acceptedBySite(site, [...(isProtocolValid(sent) && !unregistered ? [sent] : []), ...alternatives]);
        context.report({
          messageId: 'convertedCode',
          data: { value: displayValue(value, target), method: site.method, sent, runtime: context.registryText.runtimes[runtime].name, alternatives: formatCodes(context, intended) },
          node: target,
          suggestions: suggestionsFor(context, problem, value, target, intended),
        });
        continue;
      }
      context.report({
        messageId: problem,
        data: {
          value: displayValue(value, target),
          method: site.method,
          alternatives: formatCodes(context, alternatives),
          ...runtimeData(context, runtime, 'invalidCode'),
        },
        node: target,
        suggestions: suggestionsFor(context, problem, value, target, alternatives),
      });
    }
  },
});

type Problem =
  | 'belowRange'
  | 'httpStatus'
  | 'unassignedRange'
  | 'aboveRange'
  | 'notInteger'
  | 'notANumber'
  | 'stringCode'
  | 'reasonAsCode'
  | 'errorCode'
  | 'errorObject'
  | 'httpStatusValue';

function classify(value: PossibleValue, hasReason: boolean): Problem | undefined {
  if (value.kind === 'number') {
    const n = value.value;
    if (Number.isNaN(n)) return 'notANumber';
    if (n === Infinity) return 'aboveRange';
    if (n === -Infinity) return 'belowRange';
    if (!Number.isInteger(n)) return 'notInteger';
    if (HTTP_STATUS_SITUATIONS[n] !== undefined) return 'httpStatus';
    // Codes outside the table's sendable ranges; 1000–1015 (reserved ones belong to reserved-code) and 3000–4999 are codes.
    return outOfRange(n);
  }
  if (value.kind === 'string') return /^\s*\d+\s*$/.test(value.value) || hasReason ? 'stringCode' : 'reasonAsCode';
  if (value.kind === 'partial-string' || (value.kind === 'unknown' && value.type === 'string' && !value.origin)) return hasReason ? 'stringCode' : 'reasonAsCode';
  if (value.kind === 'unknown' && value.origin === 'error-code') return 'errorCode';
  // `catch (e) { ws.close(e) }`: the Error itself where the code goes.
  if (value.kind === 'unknown' && value.type === 'other' && value.unbounded === 'error-text') return 'errorObject';
  if (value.kind === 'unknown' && value.origin === 'http-status') return 'httpStatusValue';
  return undefined;
}

function situationsFor(context: RuleContext<'invalid-code'>, problem: Problem, value: PossibleValue): Situation[] {
  if (problem === 'httpStatus' && value.kind === 'number') return [HTTP_STATUS_SITUATIONS[value.value]!];
  if (problem === 'errorCode' || problem === 'errorObject') return ['internal-error'];
  const around = closeContext(context.site);
  return [...around.fromReason, ...around.fromConditions];
}

function displayValue(value: PossibleValue, target: ts.Node): string {
  if (value.kind === 'number') return String(value.value);
  if (value.kind === 'string') return JSON.stringify(value.value);
  return target.getText();
}

function suggestionsFor(context: RuleContext<'invalid-code'>, problem: Problem, value: PossibleValue, target: ts.Node, alternatives: readonly number[]): SuggestionReport<'insertCode' | 'useNumber' | 'replaceCode'>[] {
  const { site } = context;
  // `close('bye')`, also `close('bye' as any)`: the string becomes the reason.
  if (problem === 'reasonAsCode' && site.shape === 'positional' && site.reason.node === undefined && site.code.node && skipOuterExpressions(site.code.node) === target) {
    return [{ messageId: 'insertCode', data: {}, edits: [{ start: site.code.node.getStart(), end: site.code.node.getStart(), text: `${NORMAL_CLOSURE}, ` }] }];
  }
  if (problem === 'stringCode' && value.kind === 'string' && /^\s*\d+\s*$/.test(value.value)) {
    const number = Number(value.value);
    if (!RESERVED_CODES.includes(number)) return [{ messageId: 'useNumber', data: { replacement: number }, edits: [replaceNode(target, String(number))] }];
  }
  return replaceCodeSuggestions(context, target, alternatives);
}
