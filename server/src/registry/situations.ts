// What a close is about ("situation"), how to recognise it in a reason string or in the
// identifiers of the surrounding condition, which codes fit it, and which codes to offer instead.
// Guidance from shared/reference/close-codes.md §6; browser codes per §3 and §5.5.
//
// Matching contract (situationsInText):
//  1. The text is split into words: camelCase and acronym boundaries ("invalidToken",
//     "JWTExpired"), letter/digit boundaries ("utf8" → "utf 8"), and every character that is not
//     a letter or digit (snake_case, kebab-case, spaces, punctuation). Words are lower-cased.
//     Every keyword is written in this normalized form, or it could never match.
//  2. A keyword without spaces matches one whole word, exactly. There is no substring or stem
//     matching: inflections that should match are listed explicitly ("token", "tokens").
//  3. A keyword with spaces is a phrase and matches the same words consecutively.
//  4. Keywords in WEAK_KEYWORDS are generic ("invalid", "failed", "error"): a situation found
//     only through weak keywords is dropped when any situation was found through a strong one,
//     so "invalid token" is about auth and "authentication failed" is not an internal error.
//  5. The result lists each situation once, in the order of its first match in the text.
//
// Bare numbers (HTTP statuses) are deliberately not keywords: conditions compare against
// thresholds like 500 or 400 far more often than they mention a status. Bare "rate", "size" and
// "payload" are left out for the same reason ("frameRate", "clients.size", "if (!payload)").

export type Situation =
  | 'normal'
  | 'going-away'
  | 'restart'
  | 'rate-limit'
  | 'overload'
  | 'auth'
  | 'forbidden'
  | 'policy'
  | 'invalid-message'
  | 'unsupported-data'
  | 'too-big'
  | 'capacity'
  | 'internal-error'
  | 'timeout'
  | 'protocol-error'
  | 'gateway';

export const SITUATIONS: readonly Situation[] = [
  'normal',
  'going-away',
  'restart',
  'rate-limit',
  'overload',
  'auth',
  'forbidden',
  'policy',
  'invalid-message',
  'unsupported-data',
  'too-big',
  'capacity',
  'internal-error',
  'timeout',
  'protocol-error',
  'gateway',
];

export const SITUATION_KEYWORDS: Readonly<Record<Situation, readonly string[]>> = {
  normal: [
    'normal', 'done', 'complete', 'completed', 'finish', 'finished', 'logout', 'log out', 'logged out',
    'signout', 'sign out', 'signed out', 'goodbye', 'bye', 'user left', 'closed by user', 'user closed',
    'requested by user',
  ],
  'going-away': [
    'going away', 'shutdown', 'shut down', 'shutting down', 'stopping', 'closing server',
    'sigterm', 'sigint', 'dispose', 'disposed', 'disposing', 'unload', 'unloading', 'navigating away', 'exiting',
    'decommission', 'decommissioned', 'decommissioning',
  ],
  restart: [
    'restart', 'restarts', 'restarting', 'restarted', 'deploy', 'deploys', 'deploying', 'deployment', 'redeploy',
    'redeploying', 'maintenance', 'reload', 'reloading', 'rolling update', 'please reconnect',
  ],
  'rate-limit': [
    'rate limit', 'rate limits', 'rate limited', 'rate limiting', 'rate limiter', 'ratelimit', 'ratelimited',
    'ratelimiter', 'throttle', 'throttled', 'throttling', 'too many requests', 'too many messages', 'slow down',
    'flood', 'flooding', 'spam', 'spamming', 'message rate', 'request rate',
    // `if (limiter.isLimited(ip))`: next to a close, a limiter is a rate limiter far more often than not.
    'limiter', 'limited',
  ],
  overload: [
    'overload', 'overloaded', 'busy', 'backpressure', 'back pressure', 'load shedding', 'shed load', 'high load',
    'under load', 'try again later', 'unavailable',
    // A balancer or pool with nothing to hand the client to.
    'no servers available', 'no server available', 'no available server', 'no available servers', 'no backend available',
    'no backends available', 'no workers available', 'no worker available',
  ],
  auth: [
    'auth', 'authenticate', 'authenticated', 'authentication', 'unauthenticated', 'authorize', 'authorized',
    'authorization', 'unauthorized', 'unauthorised', 'token', 'tokens', 'jwt', 'credential', 'credentials',
    'login', 'log in', 'logged in', 'signin', 'sign in', 'session expired', 'signature', 'password', 'api key',
    'apikey', 'bearer',
    // Challenge-response identity checks: phrases only ("challenge" alone names games and contests).
    'challenge expired', 'challenge failed', 'invalid challenge', 'verification failed', 'verification expired',
    'unverified', 'not verified',
  ],
  forbidden: [
    'forbidden', 'ban', 'bans', 'banned', 'blocked', 'blocklisted', 'blacklisted', 'denied', 'deny',
    'permission', 'permissions', 'not allowed', 'not permitted', 'disallowed', 'prohibited', 'no access', 'kicked',
    'kick', 'kicks', 'kicking', 'blacklist', 'blocklist', 'denylist', 'banlist', 'block list', 'deny list',
    // An operator ending someone's session: a kick by other words.
    'closed by admin', 'closed by an admin', 'closed by administrator', 'closed by an administrator', 'closed by moderator',
    'disconnected by admin', 'disconnected by an admin', 'disconnected by administrator', 'disconnected by an administrator',
    'disconnected by moderator', 'removed by admin', 'removed by an admin', 'removed by moderator', 'terminated by admin',
    'force closed', 'forced close', 'forcibly closed', 'forcefully closed', 'force disconnected', 'forcibly disconnected',
    'forcefully disconnected',
    // "Connection rejected by server plugin": a server refusing the client, for reasons it does not name.
    'reject', 'rejects', 'rejected', 'rejecting', 'rejection', 'refuse', 'refuses', 'refused', 'refusing', 'not accepted',
    // A lobby that turns late joiners away: the game or match is under way.
    'game already started', 'game has already started', 'game in progress', 'game is in progress',
    'match already started', 'match has already started', 'match in progress', 'match is in progress',
  ],
  policy: [
    'policy', 'policies', 'violation', 'violates', 'violated', 'abuse', 'abusive', 'profanity',
    'terms of service', 'moderation', 'misbehaving', 'misbehavior', 'misbehaviour', 'bot', 'bots', 'captcha',
    'recaptcha', 'hcaptcha',
    // Anti-cheat in game servers: the player broke the game's rules.
    'cheat', 'cheats', 'cheating', 'cheater', 'cheaters', 'anticheat', 'anti cheat', 'hacking', 'hacker', 'hacked client',
    'speedhack', 'speed hack', 'exploit', 'exploiting',
    // A client the server will not talk to until it updates: an app-level refusal, not a WebSocket protocol error.
    'outdated', 'out of date', 'version mismatch', 'incompatible version', 'unsupported version', 'wrong version',
    'old version', 'update required', 'please update', 'upgrade required', 'client too old',
    'version does not match', 'version doesn t match', 'versions do not match', 'versions don t match', 'different version',
    // A name or login the client asks for is already held: the app's rules refuse it.
    'already taken', 'name taken', 'name is taken', 'username taken', 'nickname taken', 'already in use', 'name in use',
    'duplicate', 'duplicated', 'already logged in',
  ],
  'invalid-message': [
    'invalid', 'invalid message', 'invalid payload', 'invalid json', 'invalid format', 'invalid data',
    'malformed', 'bad request', 'bad message', 'parse', 'parsing', 'unparsable', 'unparseable', 'schema',
    'validation', 'unknown message', 'unknown type', 'unknown opcode', 'unknown command', 'unknown event',
    'unexpected message', 'decode', 'decoding', 'utf 8', 'encoding', 'unknown data', 'unknown op',
    'unknown action', 'unknown packet', 'unknown request', 'unknown payload', 'unrecognized', 'unrecognised',
    // "Missing command", "Command must be a string": a message that fails the server's checks (weak:
    // "Missing token" is about auth).
    'missing', 'must be',
  ],
  'unsupported-data': [
    'unsupported', 'not supported', 'binary', 'text only', 'wrong type', 'expected text', 'expected binary',
    'data type',
  ],
  'too-big': [
    'too big', 'too large', 'oversize', 'oversized', 'max payload', 'maxpayload', 'payload too',
    'message too long', 'message size', 'frame size', 'size limit', 'max size',
  ],
  capacity: [
    'full', 'capacity', 'max connections', 'too many connections', 'too many clients', 'too many sockets',
    'too many sessions', 'connection limit', 'max clients', 'limit reached', 'quota',
    'too many players', 'too many users', 'too many participants', 'too many members', 'too many peers',
    'max players', 'max users', 'player limit', 'user limit',
  ],
  'internal-error': [
    'internal', 'internal error', 'internal server error', 'server error', 'unexpected error', 'crash',
    'crashed', 'exception', 'unhandled', 'uncaught', 'panic', 'failed', 'failure', 'error', 'errors', 'err',
  ],
  timeout: [
    'timeout', 'timeouts', 'timed out', 'time out', 'took too long', 'idle', 'heartbeat', 'heartbeats', 'ping',
    'pings', 'pong', 'pongs', 'inactive', 'inactivity', 'stale', 'keepalive', 'keep alive', 'no response',
    'unresponsive', 'zombie', 'zombied',
  ],
  'protocol-error': [
    'protocol', 'protocol error', 'protocol violation', 'subprotocol', 'reserved bits', 'rsv', 'unmasked',
    'masking', 'control frame',
  ],
  // Failures of the other leg, not its name: "Proxy closing connection" and a Discord "gateway"
  // client name a component, "Bad gateway" and "Upstream closed" say it failed.
  gateway: [
    'bad gateway', 'gateway error', 'gateway failure', 'gateway unavailable',
    'upstream error', 'upstream errored', 'upstream failed', 'upstream failure', 'upstream closed', 'upstream disconnected',
    'upstream unavailable', 'upstream down', 'upstream unreachable', 'upstream lost', 'upstream gone', 'upstream refused',
    'upstream rejected', 'backend refused', 'backend rejected',
    'proxy error', 'proxy failed', 'proxy failure', 'backend error', 'backend failed', 'backend failure', 'backend unavailable',
    'backend down', 'backend unreachable', 'backend disconnected', 'backend closed', 'origin server', 'origin error', 'origin unreachable',
    'target unreachable', 'target error', 'target failed', 'target disconnected',
    // The other leg stopped answering (`upstreamPingTimer`): 1014 fits as well as a timeout code.
    'gateway timeout', 'upstream timeout', 'upstream timed out', 'upstream ping', 'upstream pong', 'upstream heartbeat',
    'backend timeout', 'backend timed out', 'backend ping', 'backend heartbeat',
  ],
};

/**
 * Words that make a timer a liveness check — a heartbeat, a ping/pong exchange, an "is alive" flag —
 * whose expiry means the connection is dead. A timer that only says "timeout" (a scheduled
 * disconnect, a session lifetime, `disconnectTimeout`) closes on purpose and is not a failure.
 * Same matching contract as SITUATION_KEYWORDS.
 */
export const LIVENESS_KEYWORDS: readonly string[] = [
  'heartbeat', 'heartbeats', 'ping', 'pings', 'pong', 'pongs', 'alive', 'keepalive', 'keep alive', 'liveness',
  'last seen', 'no response', 'unresponsive', 'zombie', 'zombied', 'dead', 'stale',
  // An application-level ping: a message the peer must echo back in time.
  'no echo', 'echo timeout', 'echo timer', 'echo timers', 'wait for echo',
];

/**
 * Last words that make a function's own name say it handles an expiry (`onHeartbeatTimeout`,
 * `_handleWelcomeTimeout`, `pingTimedOut`): a close directly in it is about a timeout. The name
 * must end with them (`handleTimeoutSettings` is about settings), and must not start with a verb
 * that manages the timer instead (`resetTimeout`, `clearPingTimeout`).
 */
export const EXPIRY_KEYWORDS: readonly string[] = ['timeout', 'timeouts', 'timed out', 'time out'];
const TIMER_VERBS: ReadonlySet<string> = new Set(['set', 'clear', 'reset', 'start', 'schedule', 'cancel', 'stop', 'get', 'update', 'create', 'init', 'arm', 'restart', 'refresh']);

/** Does the function name `text` say it handles an expiry (EXPIRY_KEYWORDS)? */
export function namesExpiry(text: string): boolean {
  const words = splitWords(text);
  if (words.length === 0 || TIMER_VERBS.has(words[0]!)) return false;
  return EXPIRY_KEYWORDS.some((keyword) => {
    const parts = keyword.split(' ');
    return parts.every((part, k) => words[words.length - parts.length + k] === part);
  });
}

/** Does `text` (identifiers or prose) speak of liveness (LIVENESS_KEYWORDS)? */
export function mentionsLiveness(text: string): boolean {
  const words = splitWords(text);
  return LIVENESS_KEYWORDS.some((keyword) => containsKeyword(words, keyword));
}

/** Generic keywords that only decide the situation when nothing more specific matched. */
export const WEAK_KEYWORDS: ReadonlySet<string> = new Set([
  'invalid',
  'binary',
  'violation',
  'internal',
  'failed',
  'failure',
  'error',
  'errors',
  'err',
  'protocol',
  // "Unsupported protocol version", "Database unavailable": said of anything, not only of data
  // types or of a server under load.
  'unsupported',
  'not supported',
  'unavailable',
  'missing',
  'must be',
]);

/**
 * Keywords that name a mechanism rather than a failure. A condition built on them alone is as
 * likely to be the success test (`if (token)`, `if (user.isAuthenticated)`,
 * `if (rateLimiter.consume(ip))`) as the rejection, so it says "rejection" only when negated or
 * next to a NEGATIVE_WORDS word. Used by mismatched-code on `if` conditions, not on reasons.
 */
export const NEUTRAL_KEYWORDS: ReadonlySet<string> = new Set([
  'rate limit', 'rate limits', 'rate limiter', 'ratelimit', 'ratelimiter', 'limiter', 'throttle', 'message rate', 'request rate',
  'auth', 'authenticate', 'authenticated', 'authentication', 'authorize', 'authorized', 'authorization', 'token', 'tokens', 'jwt',
  'credential', 'credentials', 'login', 'log in', 'logged in', 'signin', 'sign in', 'signature', 'password', 'api key', 'apikey',
  'bearer', 'permission', 'permissions', 'policy', 'policies', 'moderation', 'terms of service', 'captcha', 'recaptcha', 'hcaptcha',
  'parse', 'parsing', 'schema', 'validation', 'decode', 'decoding', 'encoding', 'utf 8',
]);

/**
 * Keywords that only count in a guarding condition, and only when it is negated: an allow-list or
 * origin check (`!allowedOrigins.includes(origin)`, `!isTrusted(ip)`, `origin !== EXPECTED_ORIGIN`)
 * rejects what it does not list. Not reason keywords: "Only 5 connections allowed" says nothing of
 * a ban. Same matching contract as SITUATION_KEYWORDS.
 */
export const NEGATED_GUARD_KEYWORDS: Readonly<Partial<Record<Situation, readonly string[]>>> = {
  forbidden: [
    'allowed', 'allowlist', 'allowlisted', 'allow list', 'whitelist', 'whitelisted', 'trusted', 'permitted',
    'origin', 'origins',
  ],
};

/**
 * What a server counts when it limits its population: `wss.clients.size >= MAX_CLIENTS`,
 * `room.players.length > max`, `connectionsByIp[ip] > 3`, `clientCount >= limit`. A comparison that
 * bounds one of them from above is a capacity check (`mismatched-code`).
 */
export const POPULATION_WORDS: ReadonlySet<string> = new Set([
  'client', 'clients', 'player', 'players', 'connection', 'connections', 'conn', 'conns', 'socket', 'sockets',
  'user', 'users', 'member', 'members', 'peer', 'peers', 'session', 'sessions', 'subscriber', 'subscribers',
  'viewer', 'viewers', 'participant', 'participants', 'occupants', 'seats',
]);

/** Words that name a client's address: a count keyed by them alone (`perIp[ip]`, `ipCount`) is a per-client population. */
export const ADDRESS_WORDS: ReadonlySet<string> = new Set(['ip', 'ips', 'address', 'addr']);

/** Words around a population word that only say how it is counted or keyed (`numClients`, `connectionsPerIp`). */
export const COUNT_WORDS: ReadonlySet<string> = new Set([
  'count', 'counts', 'counter', 'num', 'number', 'total', 'size', 'length', 'active', 'open', 'current', 'connected',
  'by', 'per', 'for', 'from', 'ip', 'ips', 'address', 'addr', 'host', 'map',
]);

/** Does `words` contain `keyword` (one word or a phrase) at some position? */
export function containsKeyword(words: readonly string[], keyword: string): boolean {
  const parts = keyword.split(' ');
  return words.some((_, i) => parts.every((part, k) => words[i + k] === part));
}

/** The situation a negated guard's words point to through NEGATED_GUARD_KEYWORDS, if any. */
export function negatedGuardSituation(text: string): Situation | undefined {
  const words = splitWords(text);
  for (const situation of SITUATIONS) {
    if ((NEGATED_GUARD_KEYWORDS[situation] ?? []).some((keyword) => containsKeyword(words, keyword))) return situation;
  }
  return undefined;
}

/** Words that turn a neutral condition into a failure test: `isTokenExpired`, `invalidSignature`, `noAuth`. */
export const NEGATIVE_WORDS: ReadonlySet<string> = new Set([
  'invalid', 'expired', 'missing', 'revoked', 'exceeded', 'exceeds', 'failed', 'fails', 'failure', 'error', 'errors', 'err',
  'bad', 'wrong', 'not', 'no', 'unknown', 'rejected', 'mismatch',
]);

/**
 * Situations each meaningful code fits, most typical first. Codes not listed (1004–1006, 1015,
 * unregistered and private codes) carry no situation and are not judged. 1010 is listed empty:
 * it has a meaning (a client-side extension check) that no situation describes.
 */
export const CODE_SITUATIONS: Readonly<Record<number, readonly Situation[]>> = {
  1000: ['normal'],
  1001: ['going-away', 'timeout', 'restart'],
  1002: ['protocol-error'],
  1003: ['unsupported-data'],
  // Strictly "data inconsistent with its frame type" (bad UTF-8); application validation is 1008.
  1007: ['invalid-message'],
  // The RFC lets 1008 stand for any policy, including details a server prefers not to reveal: a
  // server may use it for every rule it enforces — limits, deadlines (a handshake or idle timeout),
  // what it accepts — so a reason naming any rejection does not contradict it.
  1008: ['policy', 'auth', 'forbidden', 'rate-limit', 'invalid-message', 'capacity', 'overload', 'too-big', 'unsupported-data', 'protocol-error', 'timeout'],
  1009: ['too-big'],
  1010: [],
  1011: ['internal-error', 'gateway'],
  1012: ['restart'],
  1013: ['overload', 'rate-limit', 'capacity'],
  1014: ['gateway'],
  3000: ['auth'],
  3003: ['forbidden', 'policy'],
  3008: ['timeout'],
};

/**
 * Codes to offer for a situation, best first. `server`: APIs that may send 1xxx. `browser`: WHATWG
 * sockets, limited to 1000 and 3000–4999 — the IANA 3000/3003/3008 first where they fit, then a
 * private code following the "4000 + HTTP status" convention (graphql-ws and others, §5.5), which
 * only means something if the peer agrees. Where a browser has no way to say it, 1000 is offered.
 */
export const SUGGESTED_CODES: Readonly<
  Record<Situation, { readonly server: readonly number[]; readonly browser: readonly number[] }>
> = {
  normal: { server: [1000], browser: [1000] },
  'going-away': { server: [1001], browser: [1000] },
  restart: { server: [1012, 1001], browser: [1000] },
  // No consensus (§6): 1008 when the client must change its behaviour, 1013 when waiting suffices.
  'rate-limit': { server: [1008, 1013], browser: [4429] },
  overload: { server: [1013], browser: [4503] },
  auth: { server: [1008, 3000], browser: [3000, 4401] },
  forbidden: { server: [1008, 3003], browser: [3003, 4403] },
  policy: { server: [1008], browser: [3003, 4403] },
  'invalid-message': { server: [1008], browser: [4400] },
  'unsupported-data': { server: [1003], browser: [4415] },
  'too-big': { server: [1009], browser: [4413] },
  capacity: { server: [1013, 1008], browser: [4503] },
  'internal-error': { server: [1011], browser: [4500] },
  timeout: { server: [3008, 1001], browser: [3008, 4408] },
  'protocol-error': { server: [1002], browser: [4400] },
  gateway: { server: [1014, 1011], browser: [4502] },
};

/**
 * What a browser socket should send instead of a 1xxx code it is not allowed to send. The first
 * entry is the browser suggestion for the code's first situation in CODE_SITUATIONS.
 */
export const BROWSER_ALTERNATIVES: Readonly<Record<number, readonly number[]>> = {
  1001: [1000],
  1002: [4400],
  1003: [4415],
  1007: [4400],
  1008: [3003, 3000, 4403],
  1009: [4413],
  // No situation fits; the client rejects what the server offered, like a bad request.
  1010: [4400],
  1011: [4500],
  1012: [1000],
  1013: [4503],
  1014: [4502],
};

/**
 * Does `code` fit `situation` for this side? True when the code's own meaning covers it, or when
 * it is one of the codes suggested for that side (a browser's 1000 for a shutdown is the best it
 * can do). Undefined when the code carries no situation, so a rule should not judge it.
 */
export function codeFitsSituation(code: number, situation: Situation, side: 'server' | 'browser'): boolean | undefined {
  if (SUGGESTED_CODES[situation][side].includes(code)) return true;
  const fits = CODE_SITUATIONS[code];
  if (fits === undefined || fits.length === 0) return undefined;
  return fits.includes(situation);
}

// ---- matching -------------------------------------------------------------------------------

/** Splits identifiers and prose into lower-case words (contract step 1). */
export function splitWords(text: string): string[] {
  const spaced = text
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
  return spaced
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

export interface SituationMatch {
  readonly situation: Situation;
  /** The keyword as listed in SITUATION_KEYWORDS. */
  readonly keyword: string;
  /** Index of the first matched word in `splitWords(text)`. */
  readonly wordIndex: number;
  readonly weak: boolean;
}

interface Keyword {
  readonly situation: Situation;
  readonly keyword: string;
  readonly words: readonly string[];
  readonly weak: boolean;
}

// Keywords indexed by their first word, so a scan does one map lookup per word of the text.
const BY_FIRST_WORD: ReadonlyMap<string, readonly Keyword[]> = (() => {
  const index = new Map<string, Keyword[]>();
  for (const situation of SITUATIONS) {
    for (const keyword of SITUATION_KEYWORDS[situation]) {
      const words = keyword.split(' ');
      const item: Keyword = { situation, keyword, words, weak: WEAK_KEYWORDS.has(keyword) };
      const list = index.get(words[0]);
      if (list) list.push(item);
      else index.set(words[0], [item]);
    }
  }
  return index;
})();

/** Every keyword occurrence in `text`, weak ones included, in text order. */
export function findKeywordMatches(text: string): SituationMatch[] {
  const words = splitWords(text);
  const matches: SituationMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = BY_FIRST_WORD.get(words[i]);
    if (candidates === undefined) continue;
    for (const candidate of candidates) {
      if (candidate.words.every((word, k) => words[i + k] === word)) {
        matches.push({ situation: candidate.situation, keyword: candidate.keyword, wordIndex: i, weak: candidate.weak });
      }
    }
  }
  return matches;
}

/** The matches that decide the situations (contract step 4): weak ones only if no strong one. */
export function findSituationMatches(text: string): SituationMatch[] {
  const matches = findKeywordMatches(text);
  const strong = matches.filter((match) => !match.weak);
  return strong.length > 0 ? strong : matches;
}

/** The situations `text` points to, each once, in order of first mention (contract step 5). */
export function situationsInText(text: string): Situation[] {
  const result: Situation[] = [];
  for (const match of findSituationMatches(text)) {
    if (!result.includes(match.situation)) result.push(match.situation);
  }
  return result;
}
