// reason-without-code: a reason without a code is dropped (ws, Firefox, undici 6), corrupts the
// frame (Deno), or throws (Cloudflare). Passing 1000 first keeps the reason and the meaning.
import * as ts from 'typescript';
import { isCertainlyUndefined, mayBeUndefined } from '../analysis/values';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import { NORMAL_CLOSURE } from '../registry/code-facts';
import type { RuntimeId } from '../registry/types';
import { defineRule } from './define-rule';
import { replaceNode, runtimeData, runtimeFor } from './code-advice';

export default defineRule({
  id: 'reason-without-code',
  meta: {
    defaultSeverity: 'warn',
    fixable: true,
    hasSuggestions: true,
    messageIds: ['missingCode', 'maybeMissingCode', 'insertNormalClosure', 'defaultCode'],
  },
  check(context) {
    const { site } = context;
    // WebSocketStream/WebSocketError define a missing code with a reason as 1000: nothing to report.
    if (site.shape !== 'positional') return;
    const reason = site.reason.node;
    if (!reason || site.reason.values.every((v) => v.kind === 'undefined')) return;
    // Bun's ServerWebSocket, WebSocket-Node and the reconnecting wrappers fill in 1000 themselves:
    // the reason is sent with the right code, so there is nothing to warn about.
    const losesReason = (r: RuntimeId) => RUNTIME_PROFILES[r].onReasonWithoutCode !== 'defaults-to-1000';
    if (!site.runtimes.some(losesReason)) return;
    const data = runtimeData(context, runtimeFor(site, losesReason), 'reasonWithoutCode');
    const code = site.code.node;
    if (!code || isCertainlyUndefined(site.code)) {
      const target = code ?? reason;
      context.report({
        messageId: 'missingCode',
        data,
        node: target,
        // Semantics-preserving: every runtime that keeps such a reason sends it with 1000.
        fix: [code ? replaceNode(code, String(NORMAL_CLOSURE)) : { start: reason.getStart(), end: reason.getStart(), text: `${NORMAL_CLOSURE}, ` }],
        fixMessageId: 'insertNormalClosure',
      });
      return;
    }
    // Only when the reason is certainly a string: a pass-through wrapper (code?, reason?) is not a bug here.
    // …and certainly not empty: a reason that may be '' goes with a code that may be absent in pass-throughs.
    const reasonCertain = site.reason.values.every((v) => (v.kind === 'string' && v.value !== '') || (v.kind === 'partial-string' && v.minBytes > 0));
    if (mayBeUndefined(site.code) && reasonCertain) {
      context.report({
        messageId: 'maybeMissingCode',
        data,
        node: code,
        suggestions: [{ messageId: 'defaultCode', data: {}, edits: [replaceNode(code, `${ts.isIdentifier(code) || ts.isPropertyAccessExpression(code) ? code.getText() : `(${code.getText()})`} ?? ${NORMAL_CLOSURE}`)] }],
      });
    }
  },
});
