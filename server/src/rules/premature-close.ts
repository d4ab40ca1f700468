// premature-close: closing a socket that may still be CONNECTING fails the connection (browsers
// log a warning and report 1006; ws emits an 'error' that crashes a process without a listener).
import { RUNTIME_PROFILES } from '../registry/runtimes';
import { prematureCloseKind } from '../analysis/connecting-state';
import { defineRule } from './define-rule';
import { runtimeData, runtimeFor } from './code-advice';

const MESSAGE_IDS = { 'created-then-closed': 'createdThenClosed', 'connect-timeout': 'connectTimeout' } as const;

export default defineRule({
  id: 'premature-close',
  meta: {
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: false,
    messageIds: ['createdThenClosed', 'connectTimeout'],
  },
  check(context) {
    const { site } = context;
    if (!site.receiver || !site.runtimes.some((r) => RUNTIME_PROFILES[r].hasConnectingState)) return;
    const kind = prematureCloseKind(site, context.analysis.checker);
    if (!kind) return;
    const runtime = runtimeFor(site, (r) => RUNTIME_PROFILES[r].hasConnectingState);
    context.report({
      messageId: MESSAGE_IDS[kind],
      data: { receiver: site.receiver.getText(), ...runtimeData(context, runtime, 'connecting') },
      node: site.call,
    });
  },
});
