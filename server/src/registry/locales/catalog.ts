// The shape every registry locale provides. `en` is complete; other locales must provide the
// same keys (enforced by the type and by test/registry/locales.test.ts).
import type {
  AppProfileId,
  AppProfileText,
  CodeText,
  RangeClass,
  ReconnectAdvice,
  RuntimeId,
  RuntimeText,
  Sendable,
} from '../types';

export const LOCALES = ['en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface RegistryCatalog {
  /** Keyed by `codeKey(entry)`: "1000", "3009-3999", … — one per entry of CLOSE_CODES. */
  readonly codes: Readonly<Record<string, CodeText>>;
  readonly runtimes: Readonly<Record<RuntimeId, RuntimeText>>;
  readonly apps: Readonly<Record<AppProfileId, AppProfileText>>;
  readonly rangeClasses: Readonly<Record<RangeClass, string>>;
  readonly sendable: Readonly<Record<Sendable, string>>;
  readonly reconnect: Readonly<Record<ReconnectAdvice, string>>;
}
