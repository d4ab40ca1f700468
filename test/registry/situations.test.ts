import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { isProtocolValid } from '../../server/src/registry/close-codes';
import { RUNTIME_PROFILES, acceptsCode } from '../../server/src/registry/runtimes';
import {
  BROWSER_ALTERNATIVES,
  CODE_SITUATIONS,
  SITUATIONS,
  SITUATION_KEYWORDS,
  SUGGESTED_CODES,
  WEAK_KEYWORDS,
  codeFitsSituation,
  findSituationMatches,
  situationsInText,
  splitWords,
} from '../../server/src/registry/situations';
import type { Situation } from '../../server/src/registry/situations';

const browserOk = (code: number) => acceptsCode(RUNTIME_PROFILES.whatwg, code);

describe('splitWords', () => {
  const cases: Array<[string, string[]]> = [
    ['invalidToken', ['invalid', 'token']],
    ['RATE_LIMIT_EXCEEDED', ['rate', 'limit', 'exceeded']],
    ['JWTExpired', ['jwt', 'expired']],
    ['too-many-requests', ['too', 'many', 'requests']],
    ['Server is shutting down.', ['server', 'is', 'shutting', 'down']],
    ['http429', ['http', '429']],
    ['client.isBanned()', ['client', 'is', 'banned']],
    ['Zugriff verweigert: Ärger', ['zugriff', 'verweigert', 'ärger']],
    ['', []],
  ];
  for (const [text, words] of cases) it(JSON.stringify(text), () => assert.deepEqual(splitWords(text), words));
});

describe('situationsInText: matches', () => {
  const cases: Array<[string, Situation[]]> = [
    ['Rate limit exceeded', ['rate-limit']],
    ['rateLimited', ['rate-limit']],
    ['Too many requests, slow down', ['rate-limit']],
    ['unauthorized', ['auth']],
    ['invalidToken', ['auth']],
    ['Authentication failed', ['auth']],
    ['authorized_users_cache', ['auth']],
    ['tokens', ['auth']],
    ['session expired', ['auth']],
    ['isBanned', ['forbidden']],
    ['Permission denied', ['forbidden']],
    ["Connection rejected by server plugin 'x'", ['forbidden']],
    ['rejectedBy', ['forbidden']],
    ['Connection refused', ['forbidden']],
    ['Challenge expired', ['auth']],
    ['challengeAccepted', []],
    ['pingInterval', ['timeout']],
    ['Connection timed out', ['timeout']],
    ['took too long', ['timeout']],
    ['Server is full', ['capacity']],
    ['max connections reached', ['capacity']],
    ['Message too big', ['too-big']],
    ['maxPayload', ['too-big']],
    ['Malformed JSON', ['invalid-message']],
    ['Invalid message', ['invalid-message']],
    ['Invalid UTF-8', ['invalid-message']],
    ['Server shutting down', ['going-away']],
    ['Restarting for deploy', ['restart']],
    ['bye', ['normal']],
    ['User logged out', ['normal']],
    ['Internal server error', ['internal-error']],
    ['Operation failed', ['internal-error']],
    ['server overloaded', ['overload']],
    ['upstream unreachable', ['gateway']],
    ['Protocol error', ['protocol-error']],
    ['binary frames not supported', ['unsupported-data']],
    ['policy violation', ['policy']],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(situationsInText(text), expected));
  }

  it('lists several situations in order of first mention', () => {
    assert.deepEqual(situationsInText('idle too long, then banned'), ['timeout', 'forbidden']);
    assert.deepEqual(situationsInText('banned after idle'), ['forbidden', 'timeout']);
  });

  it('reports which keyword matched', () => {
    const [match] = findSituationMatches('badTokenSignature');
    assert.deepEqual([match.situation, match.keyword, match.wordIndex, match.weak], ['auth', 'token', 1, false]);
  });
});

describe('situationsInText: must not match', () => {
  // Substrings of unrelated words, and ambiguous words deliberately left out of the keyword lists.
  const negatives = [
    'Operation', // "ration"
    'authorName', // "auth" inside "author"
    'authorship',
    'tokenizer',
    'mapping', // "ping"
    'shipping',
    'typing',
    'frameRate', // bare "rate"
    'exchangeRate',
    'payload', // bare "payload"
    'clients.size',
    'handleUpgrade',
    'bandwidth', // "ban"
    'banner',
    'incomplete', // "complete"
    'fullscreen', // "full"
    'restartable', // "restart"
    'if (count > 500)', // no bare numbers
    'HTTP 429',
  ];
  for (const text of negatives) it(JSON.stringify(text), () => assert.deepEqual(situationsInText(text), []));
});

describe('weak keywords', () => {
  it('decide only when nothing specific matched', () => {
    assert.deepEqual(situationsInText('invalid'), ['invalid-message']);
    assert.deepEqual(situationsInText('invalid signature'), ['auth']);
    assert.deepEqual(situationsInText('error'), ['internal-error']);
    assert.deepEqual(situationsInText('parse error'), ['invalid-message']);
    assert.deepEqual(situationsInText('protocol violation'), ['protocol-error']);
  });

  it('are all listed in some situation', () => {
    const all = new Set(Object.values(SITUATION_KEYWORDS).flat());
    for (const weak of WEAK_KEYWORDS) assert.ok(all.has(weak), weak);
  });
});

describe('SITUATION_KEYWORDS', () => {
  it('covers every situation', () => {
    assert.deepEqual(Object.keys(SITUATION_KEYWORDS).sort(), [...SITUATIONS].sort());
    for (const s of SITUATIONS) assert.ok(SITUATION_KEYWORDS[s].length > 0, s);
  });

  it('writes every keyword in normalized form, so it can match', () => {
    for (const s of SITUATIONS) {
      for (const keyword of SITUATION_KEYWORDS[s]) assert.equal(splitWords(keyword).join(' '), keyword, keyword);
    }
  });

  it('never gives one keyword to two situations', () => {
    const seen = new Map<string, Situation>();
    for (const s of SITUATIONS) {
      for (const keyword of SITUATION_KEYWORDS[s]) {
        assert.equal(seen.get(keyword), undefined, `${keyword}: ${seen.get(keyword)} and ${s}`);
        seen.set(keyword, s);
      }
    }
  });

  it('finds each keyword in its own situation', () => {
    for (const s of SITUATIONS) {
      for (const keyword of SITUATION_KEYWORDS[s]) assert.ok(situationsInText(keyword).includes(s), keyword);
    }
  });
});

describe('CODE_SITUATIONS and suggestions', () => {
  it('only describes codes an endpoint may send', () => {
    for (const code of Object.keys(CODE_SITUATIONS).map(Number)) assert.ok(isProtocolValid(code), String(code));
  });

  it('has server suggestions that are valid, server-sendable and fit their situation', () => {
    for (const s of SITUATIONS) {
      const { server, browser } = SUGGESTED_CODES[s];
      assert.ok(server.length > 0 && browser.length > 0, s);
      for (const code of server) {
        assert.ok(isProtocolValid(code) && code !== 1010, `${s}: ${code}`);
        assert.ok(CODE_SITUATIONS[code]?.includes(s), `${s}: ${code} does not list it`);
      }
    }
  });

  it('has browser suggestions a WHATWG socket can send, IANA 3xxx first', () => {
    for (const s of SITUATIONS) {
      const { browser } = SUGGESTED_CODES[s];
      for (const code of browser) assert.ok(browserOk(code), `${s}: ${code}`);
      const firstPrivate = browser.findIndex((c) => c >= 4000);
      const lastIana = browser.map((c) => c >= 3000 && c < 4000).lastIndexOf(true);
      if (firstPrivate >= 0 && lastIana >= 0) assert.ok(lastIana < firstPrivate, s);
    }
    assert.deepEqual(SUGGESTED_CODES.timeout.browser[0], 3008);
    assert.deepEqual(SUGGESTED_CODES.auth.browser[0], 3000);
    assert.deepEqual(SUGGESTED_CODES.forbidden.browser[0], 3003);
  });

  it('offers browser alternatives for exactly the 1xxx codes browsers refuse', () => {
    const refused: number[] = [];
    for (let code = 1000; code <= 1015; code++) if (isProtocolValid(code) && !browserOk(code)) refused.push(code);
    assert.deepEqual(Object.keys(BROWSER_ALTERNATIVES).map(Number), refused);
  });

  it('keeps browser alternatives consistent with SUGGESTED_CODES', () => {
    for (const [key, alternatives] of Object.entries(BROWSER_ALTERNATIVES)) {
      const code = Number(key);
      assert.ok(alternatives.length > 0, key);
      for (const alt of alternatives) assert.ok(browserOk(alt), `${key} → ${alt}`);
      const situations = CODE_SITUATIONS[code] ?? [];
      if (situations.length === 0) continue;
      assert.equal(alternatives[0], SUGGESTED_CODES[situations[0]].browser[0], key);
      const offered = new Set(situations.flatMap((s) => SUGGESTED_CODES[s].browser));
      for (const alt of alternatives) assert.ok(offered.has(alt), `${key} → ${alt} is not suggested for its situations`);
    }
  });
});

describe('codeFitsSituation', () => {
  it('judges by the code’s meaning, and accepts the side’s own suggestions', () => {
    assert.equal(codeFitsSituation(1008, 'auth', 'server'), true);
    assert.equal(codeFitsSituation(1000, 'auth', 'server'), false);
    assert.equal(codeFitsSituation(1011, 'rate-limit', 'server'), false);
    assert.equal(codeFitsSituation(1000, 'going-away', 'browser'), true);
    assert.equal(codeFitsSituation(1000, 'going-away', 'server'), false);
    assert.equal(codeFitsSituation(4429, 'rate-limit', 'browser'), true);
  });

  it('does not judge codes without a situation', () => {
    assert.equal(codeFitsSituation(4123, 'auth', 'server'), undefined);
    assert.equal(codeFitsSituation(1010, 'auth', 'server'), undefined);
    assert.equal(codeFitsSituation(1005, 'normal', 'server'), undefined);
  });
});
