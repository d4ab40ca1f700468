// mismatched-code: the code contradicts why the connection closes — 1000/1001 to reject a client
// (rate limit, auth, bans, policy, invalid messages, capacity), 1000 on a failure path, or a
// reason whose meaning contradicts the code. Peers act on the code, so a wrong one misleads
// reconnect logic (reconnect storms on "normal" rejections are a classic).
import { CODE_SITUATIONS, codeFitsSituation, type Situation } from '../registry/situations';
import { closeContext } from '../analysis/close-context';
import { numbersOf } from '../analysis/values';
import { defineRule } from './define-rule';
import { codesFor, formatCodes, isBrowserSide, replaceCodeSuggestions, replacementTarget } from './code-advice';

const REJECTIONS: readonly Situation[] = ['rate-limit', 'overload', 'auth', 'forbidden', 'policy', 'invalid-message', 'capacity'];
const FAILURE_SITUATION = { catch: 'internal-error', 'error-listener': 'internal-error', timeout: 'timeout' } as const;

export default defineRule({
  id: 'mismatched-code',
  meta: {
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messageIds: ['rejectWithNormal', 'failureWithNormal', 'contradictsReason', 'replaceCode'],
  },
  check(context) {
    const { site } = context;
    const argument = site.code.node;
    if (!argument) return;
    const values = numbersOf(site.code);
    if (values.length !== 1 || site.code.values.length !== 1) return; // judge only a certain code
    const value = values[0]!;
    const code = value.value;
    if (context.naming.isDeclaredByApp(code) && CODE_SITUATIONS[code] === undefined) return;
    const around = closeContext(site);
    const side = isBrowserSide(site) ? 'browser' : 'server';
    const target = replacementTarget(value, argument);
    const name = context.naming.nameOf(code);

    if (code === 1000 || code === 1001) {
      const rejection = [...around.fromReason, ...around.fromConditions].find((s) => REJECTIONS.includes(s));
      if (rejection) {
        const alternatives = codesFor(site, [rejection]);
        context.report({
          messageId: 'rejectWithNormal',
          data: { code, name, situation: context.common.situations[rejection], alternatives: formatCodes(context, alternatives) },
          node: target,
          suggestions: replaceCodeSuggestions(context, target, alternatives),
        });
        return;
      }
    }
    if (code === 1000 && around.failure && !around.fromReason.includes('normal')) {
      const alternatives = codesFor(site, [FAILURE_SITUATION[around.failure]]);
      context.report({
        messageId: 'failureWithNormal',
        data: { code, name, failure: context.common.failurePaths[around.failure], alternatives: formatCodes(context, alternatives) },
        node: target,
        suggestions: replaceCodeSuggestions(context, target, alternatives),
      });
      return;
    }
    // The reason names situations and none of them fits the code.
    if (around.fromReason.length === 0) return;
    const verdicts = around.fromReason.map((s) => codeFitsSituation(code, s, side));
    if (verdicts.some((v) => v !== false)) return;
    const situation = around.fromReason[0]!;
    const alternatives = codesFor(site, [situation]);
    context.report({
      messageId: 'contradictsReason',
      data: { code, name, situation: context.common.situations[situation], alternatives: formatCodes(context, alternatives) },
      node: target,
      suggestions: replaceCodeSuggestions(context, target, alternatives),
    });
  },
});
