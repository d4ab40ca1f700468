// Text catalogs per locale. Adding a language means adding its catalogs here.
import type { Locale } from '../registry/locales/catalog';
import type { RegistryCatalog } from '../registry/locales/catalog';
import { registryText } from '../registry';
import type { DirectiveText } from '../core/text/directive-text';
import { DIRECTIVE_TEXT_EN } from '../core/text/en';
import { DIRECTIVE_TEXT_FR } from '../core/text/fr';
import type { RulesCatalog } from '../rules/text/rule-text';
import { RULES_TEXT_EN } from '../rules/text/en';
import { RULES_TEXT_FR } from '../rules/text/fr';

export interface TextBundle {
  readonly registry: RegistryCatalog;
  readonly rules: RulesCatalog;
  readonly directives: DirectiveText;
}

const BUNDLES: Readonly<Record<Locale, () => TextBundle>> = {
  en: () => ({ registry: registryText('en'), rules: RULES_TEXT_EN, directives: DIRECTIVE_TEXT_EN }),
  fr: () => ({ registry: registryText('fr'), rules: RULES_TEXT_FR, directives: DIRECTIVE_TEXT_FR }),
};

export function textFor(locale: Locale): TextBundle {
  return BUNDLES[locale]();
}
