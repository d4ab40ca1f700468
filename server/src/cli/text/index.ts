// CLI catalogs per locale.
import { RULE_IDS } from '../../core/finding';
import { renderTemplate } from '../../core/text/render-template';
import type { Locale } from '../../registry/locales/catalog';
import type { CliText } from './cli-text';
import { CLI_TEXT_EN } from './en';
import { CLI_TEXT_FR } from './fr';

const CATALOGS: Readonly<Record<Locale, CliText>> = { en: CLI_TEXT_EN, fr: CLI_TEXT_FR };

export function cliText(locale: Locale): CliText {
  return CATALOGS[locale];
}

/** `wsclose --help` in a locale. */
export function usage(locale: Locale): string {
  return renderTemplate(cliText(locale).usage, { rules: RULE_IDS.join(', ') });
}
