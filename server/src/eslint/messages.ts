// The engine's message catalog as ESLint `meta.messages`: `{name}` placeholders become ESLint's
// `{{name}}`, so ESLint renders the same text from messageId + data. (What an inferred receiver
// rests on is in the finding's detail, not its message, so every finding renders from its template.)
// `eslintInterpolate` is ESLint's own rendering (lib/linter/interpolate.js), used to check at run
// time that ESLint will print exactly the engine's text; when it would not, the adapter passes the
// rendered text instead of a messageId.
// ESLint's templates are static per rule while the locale is a setting, so `meta.messages` holds
// every locale: English under the engine's messageIds, other locales under `<messageId>_<locale>`
// (`reserved_fr`); a report uses the id of its locale (`localizedMessageId`).
import type { MessageData, RuleId } from '../core/finding';
import { textFor } from '../engine/locale';
import { LOCALES } from '../registry/locales/catalog';
import type { Locale } from '../registry/locales/catalog';

const ENGINE_PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const ESLINT_PLACEHOLDER = /\{\{([^{}]+)\}\}/gu;

export function toEslintTemplate(template: string): string {
  return template.replace(ENGINE_PLACEHOLDER, '{{$1}}');
}

/** What ESLint prints for `template` and `data`. */
export function eslintInterpolate(template: string, data: MessageData | undefined): string {
  if (!data) return template;
  return template.replace(ESLINT_PLACEHOLDER, (match, term: string) => {
    const key = term.trim();
    return Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : match;
  });
}

/** The messageId of `messageId` in `locale`: itself in English, `<messageId>_<locale>` otherwise. */
export function localizedMessageId(messageId: string, locale: Locale): string {
  return locale === 'en' ? messageId : `${messageId}_${locale}`;
}

/** `meta.messages` of one rule: its catalog entries converted, in every locale. */
export function eslintMessages(ruleId: RuleId): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const locale of LOCALES) {
    const catalog = textFor(locale).rules.rules[ruleId].messages as Readonly<Record<string, string>>;
    for (const [id, template] of Object.entries(catalog)) messages[localizedMessageId(id, locale)] = toEslintTemplate(template);
  }
  return messages;
}

export function ruleDescription(ruleId: RuleId): string {
  return textFor('en').rules.rules[ruleId].description;
}

/** How to report a message so that ESLint prints `message`: a messageId with data, or the text itself. */
export type EslintMessage = { readonly messageId: string; readonly data: MessageData } | { readonly message: string };

export function toEslintMessage(
  messages: Readonly<Record<string, string>>,
  messageId: string,
  data: MessageData,
  message: string,
): EslintMessage {
  const template = messages[messageId];
  if (template !== undefined && eslintInterpolate(template, data) === message) return { messageId, data };
  return { message };
}
