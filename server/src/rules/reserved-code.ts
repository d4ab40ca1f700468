// reserved-code: 1004, 1005, 1006 and 1015 never go on the wire — including received codes
// forwarded from a close handler, which carry 1005/1006 in practice.
import * as ts from 'typescript';
import { RESERVED_CODES } from '../registry/close-codes';
import { FALLBACK_CODES, NORMAL_CLOSURE } from '../registry/code-facts';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import type { CodeSpan, RuntimeId } from '../registry/types';
import { numbersOf } from '../analysis/values';
import { isReceivedCodeChecked } from '../analysis/received-code-guard';
import { FAILURE_SITUATIONS, closeContext } from '../analysis/close-context';
import { defineRule } from './define-rule';
import { acceptedBySite, codesFor, formatCodes, plainRuntimeName, replaceCodeSuggestions, replaceNode, replacementTarget, runtimeData, runtimeFor } from './code-advice';

export default defineRule({
  id: 'reserved-code',
  meta: {
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messageIds: ['reserved', 'reservedWithReason', 'forwarded', 'replaceCode', 'removeCode', 'guardForwarded'],
  },
  check(context) {
    const { site } = context;
    const argument = site.code.node;
    if (!argument) return;
    const runtime = runtimeFor(site);
    for (const value of numbersOf(site.code)) {
      if (!RESERVED_CODES.includes(value.value)) continue;
      const target = replacementTarget(value, argument);
      // Codes that fit why the socket closes come first (`close(1006, 'Message timeout')` → 3008),
      // so the suggestion does not trade this finding for a mismatched-code one.
      const around = closeContext(site);
      const situations = [...around.fromReason, ...around.fromConditions, ...(around.failure ? [FAILURE_SITUATIONS[around.failure]] : [])];
      const fallback = acceptedBySite(site, FALLBACK_CODES).slice(0, 2);
      const alternatives = acceptedBySite(site, [...codesFor(site, situations), ...fallback]);
      const canDropCode = site.shape === 'positional' && site.reason.node === undefined && target === argument;
      context.report({
        // "call close() with no code" would drop the reason: only say it when there is none.
        messageId: site.reason.node === undefined ? 'reserved' : 'reservedWithReason',
        data: { code: value.value, name: context.naming.nameOf(value.value), method: site.method, alternatives: formatCodes(context, alternatives), ...runtimeData(context, runtime, 'invalidCode') },
        node: target,
        suggestions: [
          ...replaceCodeSuggestions(context, target, alternatives),
          ...(canDropCode ? [{ messageId: 'removeCode' as const, data: { method: site.method }, edits: [replaceNode(argument, '')] }] : []),
        ],
      });
    }
    const forwarded = site.code.values.find((v) => v.kind === 'unknown' && v.origin === 'received-close-code');
    const node = forwarded && replacementTarget(forwarded, argument);
    // The strictest runtime that is at risk decides the guard: for `WebSocket | ws.WebSocket` a
    // received 1001 is fine for ws but throws in the browser.
    const atRisk = (r: RuntimeId) => !RUNTIME_PROFILES[r].sendsReservedAsNoCode;
    const forwardRuntime = site.runtimes.find((r) => atRisk(r) && RUNTIME_PROFILES[r].whatwgRange) ?? runtimeFor(site, atRisk);
    const readAt = forwarded && forwarded.kind === 'unknown' && forwarded.source ? forwarded.source : node;
    if (node && atRisk(forwardRuntime) && !isReceivedCodeChecked(readAt as ts.Expression, site.call, context.analysis.checker)) {
      const simple = ts.isIdentifier(node) || ts.isPropertyAccessExpression(node);
      const expression = node.getText();
      const guard = RUNTIME_PROFILES[forwardRuntime].whatwgRange
        ? `${acceptsCondition(RUNTIME_PROFILES[forwardRuntime].accepts, expression)} ? ${expression} : ${NORMAL_CLOSURE}`
        : `[${RESERVED_CODES.join(', ')}].includes(${expression}) ? ${NORMAL_CLOSURE} : ${expression}`;
      context.report({
        messageId: 'forwarded',
        data: { method: site.method, ...runtimeData(context, forwardRuntime, 'invalidCode') },
        node,
        suggestions: simple
          ? [{ messageId: 'guardForwarded', data: { runtime: plainRuntimeName(context, forwardRuntime) }, edits: [replaceNode(node, node === argument ? guard : `(${guard})`)] }]
          : [],
      });
    }
  },
});

/** `code === 1000 || (code >= 3000 && code <= 4999)`: the runtime's accepted codes as a condition on `expression`. */
function acceptsCondition(spans: readonly CodeSpan[], expression: string): string {
  return spans.map((span) => (span.from === span.to ? `${expression} === ${span.from}` : `(${expression} >= ${span.from} && ${expression} <= ${span.to})`)).join(' || ');
}
