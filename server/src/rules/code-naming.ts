// Names close codes for messages: the project's own configured codes first, then the codes of
// the active app profiles (graphql-ws, Discord, Twitch), then the IANA registry.
import type { ConfiguredCode } from '../core/config';
import { APP_PROFILES } from '../registry/apps';
import { lookupCode } from '../registry/close-codes';
import type { AppProfileId } from '../registry/types';

export interface CodeNaming {
  nameOf(code: number): string;
  /** Is this code declared by the project config or an active app profile? */
  isDeclaredByApp(code: number): boolean;
}

export function createCodeNaming(configured: readonly ConfiguredCode[], activeApps: readonly AppProfileId[]): CodeNaming {
  const names = new Map<number, string>();
  for (const profile of APP_PROFILES) {
    if (!activeApps.includes(profile.id)) continue;
    for (const entry of profile.codes) if (!names.has(entry.code)) names.set(entry.code, entry.name);
  }
  for (const entry of configured) names.set(entry.code, entry.name);
  return {
    nameOf: (code) => names.get(code) ?? lookupCode(code).name,
    isDeclaredByApp: (code) => names.has(code),
  };
}
