// unregistered-code: 3000–3999 is a registry range; only 3000, 3003 and 3008 are registered.
// Private agreements between two apps belong in 4000–4999.
import { IANA_REGISTERED_3XXX } from '../registry/close-codes';
import { PRIVATE_RANGE, isUnregisteredCode, privateTwin } from '../registry/code-facts';
import { closeContext } from '../analysis/close-context';
import { numbersOf } from '../analysis/values';
import type { CodeNaming } from './code-naming';
import { defineRule } from './define-rule';
import { acceptedBySite, codesFor, formatCodes, replaceCodeSuggestions, replacementTarget } from './code-advice';

export default defineRule({
  id: 'unregistered-code',
  meta: {
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messageIds: ['unregistered', 'replaceCode'],
  },
  check(context) {
    const { site } = context;
    const argument = site.code.node;
    if (!argument) return;
    for (const value of numbersOf(site.code)) {
      const code = value.value;
      if (!isUnregisteredCode(code)) continue;
      if (context.naming.isDeclaredByApp(code)) continue; // the project declared it on purpose
      const around = closeContext(site);
      const fitting = codesFor(site, [...around.fromReason, ...around.fromConditions]).filter((c) => IANA_REGISTERED_3XXX.includes(c));
      const alternatives = acceptedBySite(site, [...fitting, freePrivateCode(code, context.naming)]);
      const target = replacementTarget(value, argument);
      context.report({
        messageId: 'unregistered',
        data: { code, alternatives: formatCodes(context, alternatives) },
        node: target,
        suggestions: replaceCodeSuggestions(context, target, alternatives),
      });
    }
  },
});

/** The private-range twin of a 3xxx code (3001 → 4001), skipping codes the app already uses. */
function freePrivateCode(code: number, naming: CodeNaming): number {
  let candidate = privateTwin(code);
  while (naming.isDeclaredByApp(candidate) && candidate < PRIVATE_RANGE.to) candidate++;
  return candidate;
}
