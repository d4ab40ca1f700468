// Names close codes for messages, and says whether a client should reconnect after one: the
// project's own configured codes first, then the codes of the active app profiles (graphql-ws,
// Discord, Twitch), then the IANA registry.
import type { ConfiguredCode } from '../core/config';
import { APP_PROFILES } from '../registry/apps';
import { lookupCode } from '../registry/close-codes';
import type { AppProfileId, ReconnectAdvice } from '../registry/types';

export interface CodeNaming {
  nameOf(code: number): string;
  /** Is this code declared by the project config or an active app profile? */
  isDeclaredByApp(code: number): boolean;
  /** The reconnect advice for a received code (a configured code without one follows the registry). */
  reconnectAdviceOf(code: number): ReconnectAdvice;
  /** The codes the project config and the active app profiles declare, each with where it comes from. */
  readonly declaredCodes: ReadonlyArray<{ readonly code: number; readonly source: 'config' | AppProfileId }>;
}

export function createCodeNaming(configured: readonly ConfiguredCode[], activeApps: readonly AppProfileId[]): CodeNaming {
  const names = new Map<number, string>();
  const advice = new Map<number, ReconnectAdvice>();
  const declared: Array<{ code: number; source: 'config' | AppProfileId }> = configured.map((c) => ({ code: c.code, source: 'config' }));
  for (const profile of APP_PROFILES) {
    if (!activeApps.includes(profile.id)) continue;
    for (const entry of profile.codes) {
      if (!names.has(entry.code)) names.set(entry.code, entry.name);
      if (!advice.has(entry.code)) advice.set(entry.code, entry.reconnect);
      declared.push({ code: entry.code, source: profile.id });
    }
  }
  for (const entry of configured) {
    names.set(entry.code, entry.name);
    if (entry.reconnect) advice.set(entry.code, entry.reconnect);
  }
  return {
    nameOf: (code) => names.get(code) ?? lookupCode(code).name,
    isDeclaredByApp: (code) => names.has(code),
    reconnectAdviceOf: (code) => advice.get(code) ?? lookupCode(code).reconnect,
    declaredCodes: declared,
  };
}
