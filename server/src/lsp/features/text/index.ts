// Feature catalogs per locale, plus the registry catalog the documentation renderers read.
import type { DocsText } from '../../../engine/code-docs';
import { registryText } from '../../../registry';
import type { Locale } from '../../../registry/locales/catalog';
import { FEATURE_TEXT_EN } from './en';
import { FEATURE_TEXT_FR } from './fr';
import type { FeatureText } from './feature-text';

export type { FeatureText } from './feature-text';

const CATALOGS: Readonly<Record<Locale, FeatureText>> = { en: FEATURE_TEXT_EN, fr: FEATURE_TEXT_FR };

export function featureText(locale: Locale): FeatureText {
  return CATALOGS[locale];
}

/** What engine/code-docs.ts renders with: the feature labels and the registry catalog of one locale. */
export function docsText(locale: Locale): DocsText {
  return { labels: CATALOGS[locale].docs, registry: registryText(locale) };
}
