// browser-code-range: WHATWG sockets (browsers, undici, Deno, isomorphic code) accept only 1000
// and 3000–4999 and throw InvalidAccessError for the 1xxx codes servers may send.
import { NORMAL_CLOSURE, isProtocolCodeBeyondNormal } from '../registry/code-facts';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import { BROWSER_ALTERNATIVES, CODE_SITUATIONS } from '../registry/situations';
import { closeContext } from '../analysis/close-context';
import { numbersOf } from '../analysis/values';
import { defineRule } from './define-rule';
import { acceptedBySite, codesFor, formatCodes, replaceCodeSuggestions, replacementTarget, runtimeData, runtimeFor } from './code-advice';

export default defineRule({
  id: 'browser-code-range',
  meta: {
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messageIds: ['outsideBrowserRange', 'replaceCode'],
  },
  check(context) {
    const { site } = context;
    const argument = site.code.node;
    if (!argument) return;
    const runtime = runtimeFor(site, (r) => RUNTIME_PROFILES[r].whatwgRange);
    if (!RUNTIME_PROFILES[runtime].whatwgRange) return;
    for (const value of numbersOf(site.code)) {
      const code = Math.trunc(value.value);
      // Only protocol codes servers may send; reserved and non-codes belong to other rules.
      if (!Number.isInteger(value.value) || !isProtocolCodeBeyondNormal(code)) continue;
      // What the code means here, if the reason or condition says (1008 'token expired' → auth →
      // 3000 Unauthorized before 3003 Forbidden); a reason contradicting the code is mismatched-code's.
      const around = closeContext(site);
      const meant = [...around.fromReason, ...around.fromConditions].filter((s) => CODE_SITUATIONS[code]?.includes(s));
      const alternatives = acceptedBySite(site, [...codesFor(site, meant), ...(BROWSER_ALTERNATIVES[code] ?? [NORMAL_CLOSURE])]);
      const target = replacementTarget(value, argument);
      context.report({
        messageId: 'outsideBrowserRange',
        data: { code, name: context.naming.nameOf(code), alternatives: formatCodes(context, alternatives), ...runtimeData(context, runtime, 'invalidCode') },
        node: target,
        suggestions: replaceCodeSuggestions(context, target, alternatives),
      });
    }
  },
});
