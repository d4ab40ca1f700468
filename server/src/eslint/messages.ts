// The engine's message catalog as ESLint `meta.messages`: `{name}` placeholders become ESLint's
// `{{name}}`, so ESLint renders the same text from messageId + data. Findings on receivers that
// were inferred rather than typed carry an extra sentence (common.inferredSuffix); for those each
// message has an `<id>Inferred` twin with that sentence appended (and `evidence` in its data).
// `eslintInterpolate` is ESLint's own rendering (lib/linter/interpolate.js), used to check at run
// time that ESLint will print exactly the engine's text; when it would not, the adapter passes the
// rendered text instead of a messageId.
import type { MessageData, RuleId } from '../core/finding';
import { textFor } from '../engine/locale';

const ENGINE_PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const ESLINT_PLACEHOLDER = /\{\{([^{}]+)\}\}/gu;

/** Suffix of the messageIds used for findings on inferred receivers. */
export const INFERRED_SUFFIX = 'Inferred';

/** Key of the evidence in the data of `<id>Inferred` messages (the inferredSuffix template's placeholder). */
export const EVIDENCE_KEY = 'evidence';

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

/** `meta.messages` of one rule: its catalog entries converted, plus an `…Inferred` twin of each. */
export function eslintMessages(ruleId: RuleId): Record<string, string> {
  const text = textFor('en').rules;
  const catalog = text.rules[ruleId].messages as Readonly<Record<string, string>>;
  const suffix = toEslintTemplate(text.common.inferredSuffix);
  const messages: Record<string, string> = {};
  for (const [id, template] of Object.entries(catalog)) messages[id] = toEslintTemplate(template);
  for (const [id, template] of Object.entries(catalog)) {
    const twin = `${id}${INFERRED_SUFFIX}`;
    if (!(twin in catalog)) messages[twin] = toEslintTemplate(template) + suffix;
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
  if (template !== undefined) {
    if (eslintInterpolate(template, data) === message) return { messageId, data };
    // An inferred receiver: the engine appended the inferredSuffix sentence; recover its evidence.
    const twin = messages[`${messageId}${INFERRED_SUFFIX}`];
    const base = eslintInterpolate(template, data);
    if (twin !== undefined && message.startsWith(base)) {
      const suffix = twin.slice(template.length);
      const marker = `{{${EVIDENCE_KEY}}}`;
      const at = suffix.indexOf(marker);
      const before = suffix.slice(0, at);
      const after = suffix.slice(at + marker.length);
      const rest = message.slice(base.length);
      if (at >= 0 && rest.startsWith(before) && rest.endsWith(after) && rest.length >= before.length + after.length) {
        const twinData = { ...data, [EVIDENCE_KEY]: rest.slice(before.length, rest.length - after.length) };
        if (eslintInterpolate(twin, twinData) === message) return { messageId: `${messageId}${INFERRED_SUFFIX}`, data: twinData };
      }
    }
  }
  return { message };
}
