// The shape every registry locale provides. `en` and `fr` are complete; every locale must provide
// the same keys (enforced by the type and by test/registry/locales.test.ts and test/meta/locales.test.ts).
import type {
  AppProfileId,
  AppProfileText,
  EvidenceKind,
  CodeText,
  RangeClass,
  ReconnectAdvice,
  RuntimeId,
  RuntimeText,
  Sendable,
} from '../types';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export interface RegistryCatalog {
  /** Keyed by `codeKey(entry)`: "1000", "3009-3999", … — one per entry of CLOSE_CODES. */
  readonly codes: Readonly<Record<string, CodeText>>;
  readonly runtimes: Readonly<Record<RuntimeId, RuntimeText>>;
  readonly apps: Readonly<Record<AppProfileId, AppProfileText>>;
  readonly rangeClasses: Readonly<Record<RangeClass, string>>;
  readonly sendable: Readonly<Record<Sendable, string>>;
  readonly reconnect: Readonly<Record<ReconnectAdvice, string>>;
  /** What an inferred receiver rests on; `{name}` is the constructor for `constructor`. */
  readonly evidence: Readonly<Record<EvidenceKind, string>>;
  /** How the socket-flow evidence is told: `{source}` (the evidence above) at `{location}`, stored in `{via}`. */
  readonly evidenceDetail: {
    readonly at: string;
    readonly via: string;
    /** `{line}` of the same file. */
    readonly sameFile: string;
    /** A related location's text: `{label}` is the storage (`this.socket`). */
    readonly stepMessage: string;
    /** The related location of the source. */
    readonly sourceMessage: string;
  };
}

/**
 * The catalog locale for a client's locale tag: any `fr` tag (`fr`, `fr-CA`, `fr_FR`…) is `fr`;
 * everything else, including a missing or malformed tag, is `en`.
 */
export function resolveLocale(tag: unknown): Locale {
  return typeof tag === 'string' && /^fr(?:[-_]|$)/i.test(tag.trim()) ? 'fr' : 'en';
}

/**
 * The locale of an environment as command-line tools read it: LC_ALL, then LC_MESSAGES, then LANG
 * (the first one set wins, as POSIX orders them). The adapters pass `process.env`.
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  const tag = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => value !== undefined && value !== '');
  return resolveLocale(tag);
}
