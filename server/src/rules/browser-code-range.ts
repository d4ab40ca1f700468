// browser-code-range: WHATWG sockets (browsers, undici, Deno, isomorphic code) accept only 1000
// and 3000–4999 and throw InvalidAccessError for the 1xxx codes servers may send.
import { RESERVED_CODES } from '../registry/close-codes';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import { BROWSER_ALTERNATIVES } from '../registry/situations';
import { numbersOf } from '../analysis/values';
import { defineRule } from './define-rule';
import { acceptedBySite, formatCodes, replaceCodeSuggestions, replacementTarget, runtimeData, runtimeFor } from './code-advice';

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
      if (!Number.isInteger(value.value) || code <= 1000 || code > 1015 || RESERVED_CODES.includes(code)) continue;
      const alternatives = acceptedBySite(site, BROWSER_ALTERNATIVES[code] ?? [1000]);
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
