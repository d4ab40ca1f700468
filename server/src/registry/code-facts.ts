// Questions the rules and the analysis ask about close codes, answered from the code table
// (close-codes.ts) and the few named codes their judgements turn on. Rules and analysis hold no
// close-code numbers of their own (test/meta/no-close-code-literals.test.ts): they ask here.
import { CLOSE_CODES, lookupCode } from './close-codes';
import type { CodeSpan, RangeClass } from './types';
import type { Situation } from './situations';

/** 1000: the code that says only that the session is over; the default where a code is missing. */
export const NORMAL_CLOSURE = 1000;

/** 1000 and 1001: codes that say the session ended, not why — never read as a reason of their own. */
export const GENERIC_CODES: readonly number[] = [1000, 1001];

/**
 * What to offer in place of a code that may not be sent when nothing says why the socket closes:
 * Normal Closure, Internal Error, the first private code (each only where the runtime accepts it).
 */
export const FALLBACK_CODES: readonly number[] = [1000, 1011, 4000];

/** Codes that blame the peer for one thing: what it is (3000), what it may do (3003), what it sent (1009). */
export const PEER_BLAMING_CODES: ReadonlySet<number> = new Set([1009, 3000, 3003]);

/** Codes no situation contradicts: 1011 (any unexpected condition), 1013 (try again later: any refusal). */
export const UNCONTRADICTED_CODES: readonly number[] = [1011, 1013];

/**
 * Codes no reason's words contradict: 1011 is the server's own unexpected condition, whatever the
 * reason says it was (`close(1011, 'SSH channel did not open in time')` is an internal timeout).
 */
export const ANY_REASON_CODES: readonly number[] = [1011];

/** The data codes an invalid message may be closed with (no consensus among them, §6). */
export const INVALID_DATA_CODES: readonly number[] = [1002, 1003, 1007];

/** 3008 Timeout: a deadline in a timer is a timeout whatever the guard says. */
export const TIMEOUT_CODE = 3008;

/** The span of codes a range class covers, from its first entry to its last (`private` → 4000–4999). */
export function rangeOf(rangeClass: RangeClass): CodeSpan {
  const entries = CLOSE_CODES.filter((entry) => entry.rangeClass === rangeClass);
  return { from: entries[0]!.from, to: entries[entries.length - 1]!.to };
}

/** The IANA range 3000–3999 (first-come-first-served registrations). */
export const REGISTRY_RANGE: CodeSpan = rangeOf('registered');
/** The private-use range 4000–4999. */
export const PRIVATE_RANGE: CodeSpan = rangeOf('private');
/** 1000–4999: every number that is a close code at all, from the first protocol code to the last private one. */
export const CLOSE_CODE_SPAN: CodeSpan = { from: rangeOf('protocol').from, to: PRIVATE_RANGE.to };

/** An integer in 1000–4999 (see CLOSE_CODE_SPAN). */
export function isInCloseCodeSpan(code: number): boolean {
  return Number.isInteger(code) && code >= CLOSE_CODE_SPAN.from && code <= CLOSE_CODE_SPAN.to;
}

/** An integer in 3000–3999 without an IANA registration of its own. */
export function isUnregisteredCode(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  const entry = lookupCode(code);
  return entry.rangeClass === 'registered' && entry.registered === undefined;
}

/** The private-range twin of a 3xxx code (3001 → 4001). */
export function privateTwin(code: number): number {
  return PRIVATE_RANGE.from + (code - REGISTRY_RANGE.from);
}

/** A protocol code an endpoint may send other than Normal Closure (1001–1003, 1007–1014): what servers send and browsers refuse. */
export function isProtocolCodeBeyondNormal(code: number): boolean {
  return Number.isInteger(code) && code !== NORMAL_CLOSURE && lookupCode(code).rangeClass === 'protocol';
}

/** Why an integer is not a close code at all: below 1000, the unassigned 1016–2999, above 4999. */
export type OutOfRange = 'belowRange' | 'unassignedRange' | 'aboveRange';

export function outOfRange(code: number): OutOfRange | undefined {
  switch (lookupCode(code).rangeClass) {
    case 'unused':
      return 'belowRange';
    case 'unassigned-protocol':
      return 'unassignedRange';
    case 'invalid':
      return 'aboveRange';
    default:
      return undefined;
  }
}

/** HTTP statuses that mean the same as a close situation (for the "4000 + status" suggestions). */
export const HTTP_STATUS_SITUATIONS: Readonly<Record<number, Situation>> = {
  400: 'invalid-message',
  401: 'auth',
  403: 'forbidden',
  408: 'timeout',
  413: 'too-big',
  429: 'rate-limit',
  500: 'internal-error',
  502: 'gateway',
  503: 'overload',
};
