// The close-code table: every integer 0–65535 belongs to exactly one entry, in ascending order.
// Facts come from shared/reference/close-codes.md §1–§2; prose lives in locales/*/codes*.ts.
import type { CloseCodeEntry, RangeClass, ReconnectAdvice, Reference, Sendable } from './types';

const RFC = 'https://www.rfc-editor.org/rfc/rfc6455';

function rfc(section: string): Reference {
  return { label: `RFC 6455 §${section}`, url: `${RFC}#section-${section}` };
}

const IANA: Reference = {
  label: 'IANA WebSocket Close Code Number Registry',
  url: 'https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number',
};
const MDN: Reference = {
  label: 'MDN CloseEvent.code',
  url: 'https://developer.mozilla.org/en-US/docs/Web/API/CloseEvent/code',
};
// IANA's record for 1011 cites this erratum; its status is not settled (close-codes.md §8 item 5).
const ERRATUM_3227: Reference = {
  label: 'RFC 6455 Erratum 3227',
  url: 'https://www.rfc-editor.org/errata/eid3227',
};
// The registrations of 1012/1013 and of 1014 cite hybi mailing-list messages, not an RFC.
const HYBI_1012_1013: Reference = {
  label: 'hybi mailing list (registration of 1012/1013)',
  url: 'https://mailarchive.ietf.org/arch/msg/hybi/P_1vbD9uyHl63nbIIbFxKMfSwcM/',
};
const HYBI_1014: Reference = {
  label: 'hybi mailing list (registration of 1014)',
  url: 'https://mailarchive.ietf.org/arch/msg/hybi/l1lK4ZImO70jmcYorRa1lsLdvzY/',
};

const S741 = rfc('7.4.1');
const S742 = rfc('7.4.2');

function entry(
  from: number,
  to: number,
  name: string,
  rangeClass: RangeClass,
  sendable: Sendable,
  reconnect: ReconnectAdvice,
  references: readonly Reference[],
  registered?: string,
): CloseCodeEntry {
  return registered === undefined
    ? { from, to, name, rangeClass, sendable, reconnect, references }
    : { from, to, name, rangeClass, sendable, reconnect, references, registered };
}

const NA: ReconnectAdvice = 'not-applicable';

export const CLOSE_CODES: readonly CloseCodeEntry[] = [
  entry(0, 999, 'Unused', 'unused', 'no', NA, [S742]),
  entry(1000, 1000, 'Normal Closure', 'protocol', 'yes', 'no', [S741, IANA, MDN]),
  // A server going down may come back or be replaced behind a load balancer: retry, but politely.
  entry(1001, 1001, 'Going Away', 'protocol', 'yes', 'backoff', [S741, IANA, MDN]),
  // 1002/1003/1007/1009: the same client would repeat the same mistake on a new connection.
  entry(1002, 1002, 'Protocol Error', 'protocol', 'yes', 'no', [S741, IANA, MDN]),
  entry(1003, 1003, 'Unsupported Data', 'protocol', 'yes', 'no', [S741, IANA, MDN]),
  entry(1004, 1004, 'Reserved', 'reserved', 'no', NA, [S741, IANA]),
  // 1005/1006/1015 are only ever observed; graphql-ws and RFC §7.2.3 treat them as retryable.
  entry(1005, 1005, 'No Status Received', 'local-only', 'no', 'backoff', [S741, rfc('7.1.5'), IANA, MDN]),
  entry(1006, 1006, 'Abnormal Closure', 'local-only', 'no', 'backoff', [S741, rfc('7.1.5'), rfc('7.2.3'), IANA, MDN]),
  entry(1007, 1007, 'Invalid Frame Payload Data', 'protocol', 'yes', 'no', [S741, IANA, MDN]),
  entry(1008, 1008, 'Policy Violation', 'protocol', 'yes', 'no', [S741, IANA, MDN]),
  entry(1009, 1009, 'Message Too Big', 'protocol', 'yes', 'no', [S741, IANA, MDN]),
  entry(1010, 1010, 'Mandatory Extension', 'protocol', 'client-only', 'no', [S741, IANA, MDN]),
  entry(1011, 1011, 'Internal Error', 'protocol', 'yes', 'backoff', [S741, rfc('11.7'), IANA, ERRATUM_3227, MDN]),
  entry(1012, 1012, 'Service Restart', 'protocol', 'yes', 'yes', [IANA, HYBI_1012_1013, MDN]),
  entry(1013, 1013, 'Try Again Later', 'protocol', 'yes', 'backoff', [IANA, HYBI_1012_1013, MDN]),
  // IANA gives 1014 a description but no short name; "Bad Gateway" is MDN's.
  entry(1014, 1014, 'Bad Gateway', 'protocol', 'yes', 'backoff', [IANA, HYBI_1014, MDN]),
  entry(1015, 1015, 'TLS Handshake', 'local-only', 'no', 'backoff', [S741, IANA, MDN]),
  entry(1016, 2999, 'Unassigned', 'unassigned-protocol', 'no', NA, [S742, IANA]),
  entry(3000, 3000, 'Unauthorized', 'registered', 'yes', 'no', [S742, IANA], '2021-09-06'),
  entry(3001, 3002, 'Unregistered (3000–3999)', 'registered', 'yes', NA, [S742, rfc('11.7'), IANA]),
  entry(3003, 3003, 'Forbidden', 'registered', 'yes', 'no', [S742, IANA], '2023-02-22'),
  entry(3004, 3007, 'Unregistered (3000–3999)', 'registered', 'yes', NA, [S742, rfc('11.7'), IANA]),
  // An idle or heartbeat timeout is not the client's fault; reconnect when it needs the socket again.
  entry(3008, 3008, 'Timeout', 'registered', 'yes', 'backoff', [S742, IANA], '2024-02-01'),
  entry(3009, 3999, 'Unregistered (3000–3999)', 'registered', 'yes', NA, [S742, rfc('11.7'), IANA]),
  entry(4000, 4999, 'Private Use', 'private', 'yes', NA, [S742, IANA]),
  entry(5000, 65535, 'Invalid', 'invalid', 'no', NA, [S742]),
];

/** Codes with an RFC meaning that an endpoint must never send (1004 has none; the rest are local-only). */
export const RESERVED_CODES: readonly number[] = [1004, 1005, 1006, 1015];

/** Codes a received close can carry although no peer sent them: no status (1005), a dropped connection (1006). */
export const RECEIVED_ONLY_CODES: readonly number[] = [1005, 1006];

/**
 * The code servers send to refuse a client (a bad token, a ban, a limit): a client that reconnects
 * after it is refused again, in a loop. The 3000/3003 registrations mean much the same but are
 * rarely sent; codes a project or an app protocol declares say so themselves (`reconnect: "no"`).
 */
export const REFUSAL_CODES: readonly number[] = [1008];

/** The only first-come-first-served registrations in 3000–3999 (IANA, as of the registry read). */
export const IANA_REGISTERED_3XXX: readonly number[] = [3000, 3003, 3008];

/** Catalog key of an entry: "1000" for a single code, "3009-3999" for a range (ASCII hyphen). */
export function codeKey(entry: CloseCodeEntry): string {
  return entry.from === entry.to ? String(entry.from) : `${entry.from}-${entry.to}`;
}

const FIRST = CLOSE_CODES[0];
const LAST = CLOSE_CODES[CLOSE_CODES.length - 1];

/**
 * The entry for any number. Out-of-range values go to the nearest end (negative and NaN → 0–999,
 * above 65535 → 5000–65535); fractions are truncated toward zero first, so 1000.5 → 1000.
 */
export function lookupCode(code: number): CloseCodeEntry {
  const n = Math.trunc(code);
  if (!(n >= 0)) return FIRST; // also catches NaN
  if (n > LAST.to) return LAST;
  let lo = 0;
  let hi = CLOSE_CODES.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CLOSE_CODES[mid].to < n) lo = mid + 1;
    else hi = mid;
  }
  return CLOSE_CODES[lo];
}

/**
 * The registry's own name for one code (`Policy Violation`), or undefined when the code only sits
 * in a range whose name is a class (`Private Use`, `Unassigned`, `Unused`, `Invalid`).
 */
export function registeredName(code: number): string | undefined {
  const entry = lookupCode(code);
  return Number.isInteger(code) && entry.from === entry.to ? entry.name : undefined;
}

/**
 * May an endpoint put this code in a Close frame (RFC 6455 §7.4, IANA)? True for integers in
 * 1000–1003, 1007–1014 and 3000–4999. 1010 counts although only clients may send it.
 */
export function isProtocolValid(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}
