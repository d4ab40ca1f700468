// What a runtime sends for a code that is not an integer (a fraction, a numeric string) instead
// of throwing, where close-codes.md §3/§4 verified it. Undefined: it throws or is not verified.
import { acceptsCode } from './runtimes';
import type { RuntimeProfile } from './types';

export function convertedCode(profile: RuntimeProfile, raw: number | string): number | undefined {
  const n = Number(raw);
  if (!Number.isFinite(n)) return undefined;
  let sent: number;
  switch (profile.codeConversion) {
    case 'webidl-clamp':
      sent = roundHalfEven(Math.min(Math.max(n, 0), 65535));
      break;
    case 'enforce-range':
      sent = Math.trunc(n);
      break;
    case 'range-then-truncate': {
      // ws checks the raw number (1000.5 passes, 999.5 and 1014.5 do not); strings always throw.
      if (typeof raw !== 'number') return undefined;
      const truncated = Math.trunc(n);
      return acceptsCode(profile, truncated) && n >= 1000 && n <= 4999 && (n <= 1014 || n >= 3000) ? truncated : undefined;
    }
    case 'unverified':
      return undefined;
  }
  return acceptsCode(profile, sent) ? sent : undefined;
}

/** WebIDL's rounding for [Clamp]: half to even. */
function roundHalfEven(n: number): number {
  const floor = Math.floor(n);
  const diff = n - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
