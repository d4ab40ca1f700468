// Catalogue français des messages du noyau (directives `wsclose-disable`). La formulation suit
// celle des messages d’ESLint pour les mêmes situations ; les directives et les identifiants de
// règles restent tels qu’on les écrit dans le code.
import type { DirectiveText } from './directive-text';

export const DIRECTIVE_TEXT_FR: DirectiveText = {
  unusedDirective: 'Directive {directive} inutilisée (aucun problème n’a été signalé).',
  unusedDirectiveRules: 'Directive {directive} inutilisée (aucun problème n’a été signalé pour {rules}).',
  unusedEnable: 'Directive {directive} inutilisée (aucune directive wsclose-disable correspondante n’a été trouvée).',
  unusedEnableRules: 'Directive {directive} inutilisée (aucune directive wsclose-disable correspondante n’a été trouvée pour {rules}).',
  unknownRule: "La règle '{name}' n’existe pas.",
  unknownRuleDidYouMean: "La règle '{name}' n’existe pas. Vouliez-vous dire '{suggestion}' ?",
  replaceRuleName: "Remplacer '{name}' par '{suggestion}'.",
  ruleListItem: "'{ruleId}'",
  ruleListSeparator: ', ',
};
