// The language server's message catalogs per locale.
import type { Locale } from '../../registry/locales/catalog';
import { LSP_TEXT_EN } from './en';
import { LSP_TEXT_FR } from './fr';
import type { LspText } from './lsp-text';

export type { LspText } from './lsp-text';

const CATALOGS: Readonly<Record<Locale, LspText>> = { en: LSP_TEXT_EN, fr: LSP_TEXT_FR };

export function lspText(locale: Locale): LspText {
  return CATALOGS[locale];
}
