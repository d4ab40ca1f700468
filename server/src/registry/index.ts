// The registry's public surface: data tables, their lookups, and the localized text for them.
// Bottom layer: nothing here imports from outside server/src/registry/.
import type { RegistryCatalog, Locale } from './locales/catalog';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { APP_PROFILES } from './apps';
import { codeKey, lookupCode } from './close-codes';
import { RUNTIME_PROFILES } from './runtimes';
import type { AppCode, AppProfile, AppProfileId, CloseCodeEntry, CodeText, RuntimeId, RuntimeProfile, RuntimeText } from './types';

export * from './types';
export * from './close-codes';
export * from './code-facts';
export * from './runtimes';
export * from './specifiers';
export * from './apps';
export * from './situations';
export { LOCALES, localeFromEnvironment, resolveLocale } from './locales/catalog';
export type { Locale, RegistryCatalog } from './locales/catalog';

const CATALOGS: Readonly<Record<Locale, RegistryCatalog>> = { en, fr };

/** The text catalog for a locale. */
export function registryText(locale: Locale): RegistryCatalog {
  return CATALOGS[locale];
}

export interface CodeDescription {
  /** The number asked about, unchanged (it may be outside `entry`'s range when it was not an integer in 0–65535). */
  readonly code: number;
  readonly entry: CloseCodeEntry;
  readonly key: string;
  readonly text: CodeText;
}

/** Facts and text for any number, via lookupCode. */
export function describeCode(code: number, locale: Locale = 'en'): CodeDescription {
  const entry = lookupCode(code);
  const key = codeKey(entry);
  return { code, entry, key, text: registryText(locale).codes[key] };
}

export interface RuntimeDescription {
  readonly profile: RuntimeProfile;
  readonly text: RuntimeText;
}

export function describeRuntime(id: RuntimeId, locale: Locale = 'en'): RuntimeDescription {
  return { profile: RUNTIME_PROFILES[id], text: registryText(locale).runtimes[id] };
}

export function appProfile(id: AppProfileId): AppProfile {
  const profile = APP_PROFILES.find((candidate) => candidate.id === id);
  if (profile === undefined) throw new Error(`unknown app profile: ${id}`);
  return profile;
}

export interface AppCodeDescription {
  readonly profile: AppProfile;
  readonly code: AppCode;
  /** Display name of the profile, e.g. "Discord Gateway". */
  readonly profileName: string;
  readonly description: string;
}

/** The profile's entry for `code`, or undefined when the profile does not define it. */
export function describeAppCode(id: AppProfileId, code: number, locale: Locale = 'en'): AppCodeDescription | undefined {
  const profile = appProfile(id);
  const appCode = profile.codes.find((candidate) => candidate.code === code);
  if (appCode === undefined) return undefined;
  const text = registryText(locale).apps[id];
  return { profile, code: appCode, profileName: text.name, description: text.codes[code] };
}
