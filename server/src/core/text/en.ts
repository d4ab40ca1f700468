// English message catalog of the core. Wording follows ESLint's messages for the same situations
// so users recognise them ("Unused eslint-disable directive …", "Definition for rule … was not found").
import type { DirectiveText } from './directive-text';

export const DIRECTIVE_TEXT_EN: DirectiveText = {
  unusedDirective: 'Unused {directive} directive (no problems were reported).',
  unusedDirectiveRules: 'Unused {directive} directive (no problems were reported from {rules}).',
  unusedEnable: 'Unused {directive} directive (no matching wsclose-disable directives were found).',
  unusedEnableRules: 'Unused {directive} directive (no matching wsclose-disable directives were found for {rules}).',
  unknownRule: "Definition for rule '{name}' was not found.",
  unknownRuleDidYouMean: "Definition for rule '{name}' was not found. Did you mean '{suggestion}'?",
  replaceRuleName: "Replace '{name}' with '{suggestion}'.",
  ruleListItem: "'{ruleId}'",
  ruleListSeparator: ', ',
};
