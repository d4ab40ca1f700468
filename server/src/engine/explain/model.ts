// The explanation of one close code, as data: what `wsclose explain <code>` prints in every
// format, and what the comparison of two codes is built from. Facts come from the registry
// tables, prose from the registry catalog of the requested locale; a code the project configures
// (wsclose.config.json) or an active app profile defines is explained with that name and text.
import type { CodeSources } from '../code-docs';
import { APP_PROFILES } from '../../registry/apps';
import { codeKey, lookupCode } from '../../registry/close-codes';
import { registryText } from '../../registry';
import type { Locale } from '../../registry/locales/catalog';
import { RUNTIME_PROFILES, acceptsCode, formatRuntimeError } from '../../registry/runtimes';
import type { AppProfileId, RangeClass, ReconnectAdvice, Reference, RuntimeId, Sendable } from '../../registry/types';

/** Where the code's name and meaning come from. */
export type CodeOrigin = 'registry' | 'app-profile' | 'configured';

export interface RuntimeVerdict {
  readonly id: RuntimeId;
  /** Display name in the locale. */
  readonly name: string;
  readonly accepted: boolean;
  /** What the runtime does instead (its invalid-code clause), when it does not accept the code. */
  readonly effect?: string;
  /** The exception text, verbatim, when the runtime throws. */
  readonly error?: string;
}

export interface CodeExplanation {
  readonly code: number;
  readonly name: string;
  readonly origin: CodeOrigin;
  /** The app profile defining the code (origin `app-profile`): its id and display name. */
  readonly appProfile?: { readonly id: AppProfileId; readonly name: string };
  readonly rangeClass: RangeClass;
  readonly rangeClassText: string;
  readonly sendable: Sendable;
  readonly sendableText: string;
  /** IANA registration date of a first-come-first-served 3000–3999 code. */
  readonly registered?: string;
  readonly meaning: string;
  /** Registry prose; absent for app-profile and configured codes, whose text is their description. */
  readonly whenYouSeeIt?: string;
  readonly howToFix?: string;
  readonly typicalUse?: string;
  readonly reconnect: ReconnectAdvice;
  readonly reconnectText: string;
  readonly runtimes: readonly RuntimeVerdict[];
  readonly references: readonly Reference[];
}

export interface ExplainOptions {
  readonly naming: CodeSources;
  readonly locale: Locale;
}

const RUNTIME_IDS = Object.keys(RUNTIME_PROFILES) as RuntimeId[];

// Each explanation lists which code it is (code, name, origin) first: the order JSON shows.
export function explainCode(code: number, options: ExplainOptions): CodeExplanation {
  const registry = registryText(options.locale);
  const entry = lookupCode(code);
  const text = registry.codes[codeKey(entry)]!;
  const facts = {
    rangeClass: entry.rangeClass,
    rangeClassText: registry.rangeClasses[entry.rangeClass],
    sendable: entry.sendable,
    sendableText: registry.sendable[entry.sendable],
    runtimes: RUNTIME_IDS.map((id) => verdict(id, code, options.locale)),
  };
  const configured = options.naming.configured.find((c) => c.code === code);
  if (configured) {
    const reconnect = configured.reconnect ?? entry.reconnect;
    return {
      code,
      name: configured.name,
      origin: 'configured',
      ...facts,
      meaning: configured.description ?? text.meaning,
      reconnect,
      reconnectText: configured.reconnect ? sentence(registry.reconnect[configured.reconnect]) : text.reconnect,
      references: entry.references,
    };
  }
  const app = appCodeOf(code, options.naming.appProfiles);
  if (app) {
    const appText = registry.apps[app.profile];
    return {
      code,
      name: app.name,
      origin: 'app-profile',
      ...facts,
      appProfile: { id: app.profile, name: appText.name },
      meaning: appText.codes[code] ?? text.meaning,
      reconnect: app.reconnect,
      reconnectText: sentence(registry.reconnect[app.reconnect]),
      references: app.references,
    };
  }
  return {
    code,
    name: entry.name,
    origin: 'registry',
    ...facts,
    ...(entry.registered !== undefined ? { registered: entry.registered } : {}),
    meaning: text.meaning,
    whenYouSeeIt: text.whenYouSeeIt,
    howToFix: text.howToFix,
    typicalUse: text.typicalUse,
    reconnect: entry.reconnect,
    reconnectText: text.reconnect,
    references: entry.references,
  };
}

function appCodeOf(code: number, active: readonly AppProfileId[]): { profile: AppProfileId; name: string; reconnect: ReconnectAdvice; references: readonly Reference[] } | undefined {
  for (const profile of APP_PROFILES) {
    if (!active.includes(profile.id)) continue;
    const appCode = profile.codes.find((c) => c.code === code);
    if (appCode) return { profile: profile.id, name: appCode.name, reconnect: appCode.reconnect, references: profile.references };
  }
  return undefined;
}

function verdict(id: RuntimeId, code: number, locale: Locale): RuntimeVerdict {
  const profile = RUNTIME_PROFILES[id];
  const text = registryText(locale).runtimes[id];
  if (acceptsCode(profile, code)) return { id, name: text.name, accepted: true };
  const error = profile.onInvalidCode === 'throws' ? profile.errors.invalidCode : undefined;
  return { id, name: text.name, accepted: false, effect: text.invalidCode, ...(error ? { error: formatRuntimeError(error, code) } : {}) };
}

/** A registry label fragment ("reconnect with backoff") as a sentence. */
function sentence(fragment: string): string {
  return fragment.length === 0 ? fragment : `${fragment[0]!.toUpperCase()}${fragment.slice(1)}.`;
}
