import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CLOSE_CODES,
  IANA_REGISTERED_3XXX,
  RESERVED_CODES,
  codeKey,
  isProtocolValid,
  lookupCode,
  registeredName,
} from '../../server/src/registry/close-codes';

describe('CLOSE_CODES table', () => {
  it('covers 0–65535 in ascending order without gaps or overlaps', () => {
    assert.equal(CLOSE_CODES[0].from, 0);
    assert.equal(CLOSE_CODES[CLOSE_CODES.length - 1].to, 65535);
    for (let i = 0; i < CLOSE_CODES.length; i++) {
      const entry = CLOSE_CODES[i];
      assert.ok(Number.isInteger(entry.from) && Number.isInteger(entry.to), codeKey(entry));
      assert.ok(entry.from <= entry.to, codeKey(entry));
      if (i > 0) assert.equal(entry.from, CLOSE_CODES[i - 1].to + 1, `gap or overlap before ${codeKey(entry)}`);
    }
  });

  it('has the expected entries, each of 1000–1015 on its own', () => {
    assert.deepEqual(CLOSE_CODES.map(codeKey), [
      '0-999',
      ...Array.from({ length: 16 }, (_, i) => String(1000 + i)),
      '1016-2999',
      '3000',
      '3001-3002',
      '3003',
      '3004-3007',
      '3008',
      '3009-3999',
      '4000-4999',
      '5000-65535',
    ]);
  });

  it('uses the IANA names for 1000–1015 (MDN’s for 1014)', () => {
    const names = CLOSE_CODES.filter((e) => e.from >= 1000 && e.to <= 1015).map((e) => e.name);
    assert.deepEqual(names, [
      'Normal Closure',
      'Going Away',
      'Protocol Error',
      'Unsupported Data',
      'Reserved',
      'No Status Received',
      'Abnormal Closure',
      'Invalid Frame Payload Data',
      'Policy Violation',
      'Message Too Big',
      'Mandatory Extension',
      'Internal Error',
      'Service Restart',
      'Try Again Later',
      'Bad Gateway',
      'TLS Handshake',
    ]);
  });

  it('classifies ranges and sendability per RFC 6455 §7.4', () => {
    const expect: Record<string, [string, string]> = {
      '0-999': ['unused', 'no'],
      '1000': ['protocol', 'yes'],
      '1004': ['reserved', 'no'],
      '1005': ['local-only', 'no'],
      '1006': ['local-only', 'no'],
      '1010': ['protocol', 'client-only'],
      '1014': ['protocol', 'yes'],
      '1015': ['local-only', 'no'],
      '1016-2999': ['unassigned-protocol', 'no'],
      '3009-3999': ['registered', 'yes'],
      '4000-4999': ['private', 'yes'],
      '5000-65535': ['invalid', 'no'],
    };
    for (const entry of CLOSE_CODES) {
      const fact = expect[codeKey(entry)];
      if (fact) assert.deepEqual([entry.rangeClass, entry.sendable], fact, codeKey(entry));
    }
  });

  it('marks 1012–1014 as IANA-only (no RFC 6455 reference)', () => {
    for (const code of [1012, 1013, 1014]) {
      const refs = lookupCode(code).references;
      assert.ok(refs.some((r) => r.url.startsWith('https://www.iana.org/')), String(code));
      assert.ok(!refs.some((r) => r.label.startsWith('RFC 6455 §')), String(code));
    }
  });

  it('gives every entry https references, RFC sections as rfc-editor anchors', () => {
    for (const entry of CLOSE_CODES) {
      assert.ok(entry.references.length > 0, codeKey(entry));
      for (const ref of entry.references) {
        assert.match(ref.url, /^https:\/\//);
        const section = /^RFC 6455 §([\d.]+)$/.exec(ref.label);
        if (section) assert.equal(ref.url, `https://www.rfc-editor.org/rfc/rfc6455#section-${section[1]}`);
      }
    }
    assert.ok(
      lookupCode(1000).references.some((r) => r.url === 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1'),
    );
    assert.ok(
      lookupCode(1000).references.some(
        (r) => r.url === 'https://developer.mozilla.org/en-US/docs/Web/API/CloseEvent/code',
      ),
    );
  });

  it('advises reconnecting per §6', () => {
    const advice = (code: number) => lookupCode(code).reconnect;
    assert.equal(advice(1000), 'no');
    assert.equal(advice(1001), 'backoff');
    assert.equal(advice(1006), 'backoff');
    assert.equal(advice(1008), 'no');
    assert.equal(advice(1011), 'backoff');
    assert.equal(advice(1012), 'yes');
    assert.equal(advice(1013), 'backoff');
    assert.equal(advice(4321), 'not-applicable');
  });
});

describe('lookupCode', () => {
  const cases: Array<[number, string]> = [
    [999, '0-999'],
    [1000, '1000'],
    [1015, '1015'],
    [1016, '1016-2999'],
    [2999, '1016-2999'],
    [3000, '3000'],
    [3001, '3001-3002'],
    [3999, '3009-3999'],
    [4000, '4000-4999'],
    [4999, '4000-4999'],
    [5000, '5000-65535'],
    [65535, '5000-65535'],
    [-1, '0-999'],
    [70000, '5000-65535'],
    [1000.5, '1000'],
    [-0.5, '0-999'],
    [Number.NaN, '0-999'],
    [Number.POSITIVE_INFINITY, '5000-65535'],
    [Number.NEGATIVE_INFINITY, '0-999'],
  ];
  for (const [code, key] of cases) {
    it(`${code} → ${key}`, () => assert.equal(codeKey(lookupCode(code)), key));
  }

  it('agrees with a linear scan for every code', () => {
    for (let code = 0; code <= 65535; code++) {
      const entry = lookupCode(code);
      assert.ok(entry.from <= code && code <= entry.to, String(code));
    }
  });
});

describe('reserved and registered codes', () => {
  it('lists exactly 1004, 1005, 1006, 1015 as reserved, none sendable', () => {
    assert.deepEqual(RESERVED_CODES, [1004, 1005, 1006, 1015]);
    for (const code of RESERVED_CODES) {
      assert.equal(lookupCode(code).sendable, 'no');
      assert.equal(isProtocolValid(code), false);
    }
  });

  it('has the three IANA 3xxx registrations with their dates, and no others', () => {
    assert.deepEqual(IANA_REGISTERED_3XXX, [3000, 3003, 3008]);
    assert.deepEqual(
      IANA_REGISTERED_3XXX.map((c) => [lookupCode(c).name, lookupCode(c).registered]),
      [
        ['Unauthorized', '2021-09-06'],
        ['Forbidden', '2023-02-22'],
        ['Timeout', '2024-02-01'],
      ],
    );
    const withDates = CLOSE_CODES.filter((e) => e.registered !== undefined).map((e) => e.from);
    assert.deepEqual(withDates, [3000, 3003, 3008]);
  });
});

describe('registeredName', () => {
  it('names single codes only; a range\'s class is not a name', () => {
    assert.equal(registeredName(1008), 'Policy Violation');
    assert.equal(registeredName(3008), 'Timeout');
    for (const code of [0, 401, 999, 1016, 2999, 3001, 3999, 4001, 5000, 65535, 1000.5, -1]) assert.equal(registeredName(code), undefined, String(code));
  });
});

describe('isProtocolValid', () => {
  it('accepts exactly 1000–1003, 1007–1014, 3000–4999', () => {
    const valid: number[] = [];
    for (let code = -10; code <= 66000; code++) if (isProtocolValid(code)) valid.push(code);
    const expected: number[] = [];
    for (let code = 1000; code <= 1003; code++) expected.push(code);
    for (let code = 1007; code <= 1014; code++) expected.push(code);
    for (let code = 3000; code <= 4999; code++) expected.push(code);
    assert.deepEqual(valid, expected);
  });

  it('rejects non-integers', () => {
    assert.equal(isProtocolValid(1000.5), false);
    assert.equal(isProtocolValid(Number.NaN), false);
  });

  it('agrees with the table’s sendable column', () => {
    for (let code = 0; code <= 65535; code++) {
      assert.equal(isProtocolValid(code), lookupCode(code).sendable !== 'no', String(code));
    }
  });
});
