// reserved-code: 1004, 1005, 1006 and 1015 never go on the wire — including received codes
// forwarded from a close handler, which carry 1005/1006 in practice.
import * as ts from 'typescript';
import { RESERVED_CODES } from '../registry/close-codes';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import { numbersOf } from '../analysis/values';
import { isReceivedCodeChecked } from '../analysis/received-code-guard';
import { defineRule } from './define-rule';
import { acceptedBySite, formatCodes, replaceCodeSuggestions, replaceNode, replacementTarget, runtimeData, runtimeFor } from './code-advice';

export default defineRule({
  id: 'reserved-code',
  meta: {
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messageIds: ['reserved', 'forwarded', 'replaceCode', 'removeCode', 'guardForwarded'],
  },
  check(context) {
    const { site } = context;
    const argument = site.code.node;
    if (!argument) return;
    const runtime = runtimeFor(site);
    for (const value of numbersOf(site.code)) {
      if (!RESERVED_CODES.includes(value.value)) continue;
      const target = replacementTarget(value, argument);
      const alternatives = acceptedBySite(site, [1000, 1011, 4000]).slice(0, 2);
      const canDropCode = site.shape === 'positional' && site.reason.node === undefined && target === argument;
      context.report({
        messageId: 'reserved',
        data: { code: value.value, name: context.naming.nameOf(value.value), method: site.method, alternatives: formatCodes(context, alternatives), ...runtimeData(context, runtime, 'invalidCode') },
        node: target,
        suggestions: [
          ...replaceCodeSuggestions(context, target, alternatives),
          ...(canDropCode ? [{ messageId: 'removeCode', data: { method: site.method }, edits: [replaceNode(argument, '')] }] : []),
        ],
      });
    }
    const forwarded = site.code.values.find((v) => v.kind === 'unknown' && v.origin === 'received-close-code');
    if (forwarded && !isReceivedCodeChecked(argument, site.call, context.analysis.checker)) {
      const node = replacementTarget(forwarded, argument);
      const simple = ts.isIdentifier(node) || ts.isPropertyAccessExpression(node);
      const expression = node.getText();
      const guard = RUNTIME_PROFILES[runtime].whatwgRange
        ? `${expression} === 1000 || (${expression} >= 3000 && ${expression} <= 4999) ? ${expression} : 1000`
        : `[1004, 1005, 1006, 1015].includes(${expression}) ? 1000 : ${expression}`;
      context.report({
        messageId: 'forwarded',
        data: { method: site.method, ...runtimeData(context, runtime, 'invalidCode') },
        node,
        suggestions: simple
          ? [{ messageId: 'guardForwarded', data: { runtime: context.registryText.runtimes[runtime].name }, edits: [replaceNode(node, node === argument ? guard : `(${guard})`)] }]
          : [],
      });
    }
  },
});
