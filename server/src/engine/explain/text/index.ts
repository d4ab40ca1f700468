// Explain catalogs per locale.
import type { Locale } from '../../../registry/locales/catalog';
import { EXPLAIN_TEXT_EN } from './en';
import type { ExplainText } from './explain-text';
import { EXPLAIN_TEXT_FR } from './fr';

export type { ExplainText } from './explain-text';

const CATALOGS: Readonly<Record<Locale, ExplainText>> = { en: EXPLAIN_TEXT_EN, fr: EXPLAIN_TEXT_FR };

export function explainText(locale: Locale): ExplainText {
  return CATALOGS[locale];
}
