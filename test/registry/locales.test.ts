import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  APP_PROFILES,
  CLOSE_CODES,
  LOCALES,
  RUNTIME_PROFILES,
  codeKey,
  describeAppCode,
  describeCode,
  describeRuntime,
  registryText,
} from '../../server/src/registry';

// Walks a catalog value and yields [path, string] for every string leaf.
function* strings(value: unknown, at: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) yield* strings(child, `${at}.${key}`);
  }
}

for (const locale of LOCALES) {
  describe(`registry text: ${locale}`, () => {
    const catalog = registryText(locale);

    it('has text for exactly the CLOSE_CODES entries', () => {
      assert.deepEqual(Object.keys(catalog.codes).sort(), CLOSE_CODES.map(codeKey).sort());
    });

    it('has text for every runtime profile', () => {
      assert.deepEqual(Object.keys(catalog.runtimes).sort(), Object.keys(RUNTIME_PROFILES).sort());
    });

    it('has text for every app profile and exactly its codes', () => {
      assert.deepEqual(Object.keys(catalog.apps).sort(), APP_PROFILES.map((p) => p.id).sort());
      for (const profile of APP_PROFILES) {
        const described = Object.keys(catalog.apps[profile.id].codes).map(Number).sort();
        assert.deepEqual(described, profile.codes.map((c) => c.code).sort(), profile.id);
      }
    });

    it('has no empty or untrimmed strings', () => {
      for (const [at, text] of strings(catalog, locale)) {
        assert.ok(text.trim().length > 0, `${at} is empty`);
        assert.equal(text, text.trim(), `${at} has surrounding whitespace`);
      }
    });

    it('writes runtime fragments as clauses that continue "On <name>, …"', () => {
      for (const [id, text] of Object.entries(catalog.runtimes)) {
        for (const field of ['invalidCode', 'longReason', 'reasonWithoutCode', 'connecting'] as const) {
          const fragment = text[field];
          assert.ok(!/^\p{Lu}/u.test(fragment), `${id}.${field} starts with a capital`);
          assert.ok(!/[.!?]["'`”’]*$/u.test(fragment), `${id}.${field} ends a sentence`);
        }
      }
    });
  });
}

describe('describe helpers', () => {
  it('describeCode resolves any number to its entry and text', () => {
    const d = describeCode(3005);
    assert.equal(d.key, '3004-3007');
    assert.equal(d.code, 3005);
    assert.ok(d.text.meaning.length > 0);
    assert.equal(describeCode(1000.7).key, '1000');
  });

  it('describeRuntime pairs profile and text', () => {
    const d = describeRuntime('ws');
    assert.equal(d.profile.id, 'ws');
    assert.match(d.text.invalidCode, /First argument must be a valid error code number/);
  });

  it('describeAppCode finds profile codes and ignores others', () => {
    const d = describeAppCode('discord-gateway', 4004);
    assert.equal(d?.code.reconnect, 'no');
    assert.equal(d?.profileName, 'Discord Gateway');
    assert.equal(describeAppCode('discord-gateway', 4006), undefined);
  });
});

describe('app profiles', () => {
  it('list private codes only, ascending, without duplicates', () => {
    for (const profile of APP_PROFILES) {
      const codes = profile.codes.map((c) => c.code);
      assert.deepEqual(codes, [...codes].sort((a, b) => a - b), profile.id);
      assert.equal(new Set(codes).size, codes.length, profile.id);
      for (const code of codes) assert.ok(code >= 4000 && code <= 4999, `${profile.id} ${code}`);
      assert.ok(profile.packages.length > 0 && profile.references.length > 0, profile.id);
    }
  });

  it('carry the documented "do not reconnect" codes', () => {
    const noReconnect = (id: string) =>
      APP_PROFILES.find((p) => p.id === id)?.codes.filter((c) => c.reconnect === 'no').map((c) => c.code);
    assert.deepEqual(noReconnect('discord-gateway'), [4004, 4010, 4011, 4012, 4013, 4014]);
    for (const code of [4014, 4021, 4022]) assert.ok(noReconnect('discord-voice')?.includes(code), String(code));
  });
});
