// wsclose.config.json message catalogs per locale.
import type { Locale } from '../../registry/locales/catalog';
import type { ConfigText } from './config-text';
import { CONFIG_TEXT_EN } from './en';
import { CONFIG_TEXT_FR } from './fr';

export type { ConfigText, ConfigMessageId } from './config-text';

const CATALOGS: Readonly<Record<Locale, ConfigText>> = { en: CONFIG_TEXT_EN, fr: CONFIG_TEXT_FR };

export function configText(locale: Locale): ConfigText {
  return CATALOGS[locale];
}
