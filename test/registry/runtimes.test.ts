import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CLOSE_METHOD_NAMES,
  RUNTIME_PROFILES,
  acceptsCode,
  formatRuntimeError,
} from '../../server/src/registry/runtimes';
import type { RuntimeId } from '../../server/src/registry/types';

const IDS = Object.keys(RUNTIME_PROFILES) as RuntimeId[];

// Representative codes per profile, from close-codes.md §3/§4.1: [accepted, rejected].
const ACCEPTANCE: Record<RuntimeId, [number[], number[]]> = {
  whatwg: [[1000, 3000, 3999, 4000, 4999], [999, 1001, 1008, 1011, 1014, 2999, 5000, 0]],
  ws: [[1000, 1001, 1003, 1007, 1011, 1014, 3000, 4999], [999, 1004, 1005, 1006, 1015, 1016, 2999, 5000]],
  'isomorphic-ws': [[1000, 3000, 4999], [1001, 1011, 1014, 1005, 5000]],
  'bun-server': [[0, 1000, 1005, 1006, 2000, 5000, 65535], []],
  cloudflare: [[1000, 1001, 1014, 1016, 2000, 2999, 3000, 4999], [999, 1004, 1005, 1006, 1015, 5000]],
  'deno-server': [[0, 1005, 1006, 1015, 4000, 65535], []],
  uws: [[0, 1000, 1005, 1006, 65535], []],
  'websocket-node': [[1000, 1003, 1007, 1014, 1015, 3000, 4999], [999, 1004, 1005, 1006, 1016, 2999, 5000]],
  'reconnecting-websocket': [[1000, 3000, 4999], [1001, 1011, 5000]],
  partysocket: [[1000, 3000, 4999], [1001, 1011, 5000]],
  'websocket-stream': [[1000, 3000, 4999], [999, 1001, 2999, 5000]],
  'websocket-error': [[1000, 3000, 4999], [999, 1001, 2999, 5000]],
  hono: [[1000, 1001, 1011, 1014, 3000, 4999], [1004, 1005, 1006, 1015, 5000]],
};

describe('RUNTIME_PROFILES', () => {
  it('has a profile for every RuntimeId, keyed by its own id', () => {
    assert.deepEqual(IDS.sort(), Object.keys(ACCEPTANCE).sort());
    for (const id of IDS) assert.equal(RUNTIME_PROFILES[id].id, id);
  });

  for (const id of Object.keys(ACCEPTANCE) as RuntimeId[]) {
    it(`${id}: accepts and rejects the documented codes`, () => {
      const [accepted, rejected] = ACCEPTANCE[id];
      for (const code of accepted) assert.equal(acceptsCode(RUNTIME_PROFILES[id], code), true, `${id} ${code}`);
      for (const code of rejected) assert.equal(acceptsCode(RUNTIME_PROFILES[id], code), false, `${id} ${code}`);
    });
  }

  it('flags exactly the profiles that use the WHATWG set', () => {
    const whatwgSet = JSON.stringify([
      { from: 1000, to: 1000 },
      { from: 3000, to: 4999 },
    ]);
    for (const id of IDS) {
      const profile = RUNTIME_PROFILES[id];
      assert.equal(profile.whatwgRange, JSON.stringify(profile.accepts) === whatwgSet, id);
    }
    assert.deepEqual(
      IDS.filter((id) => RUNTIME_PROFILES[id].whatwgRange).sort(),
      ['isomorphic-ws', 'partysocket', 'reconnecting-websocket', 'websocket-error', 'websocket-stream', 'whatwg'],
    );
  });

  it('keeps spans sorted, disjoint and inside 0–65535', () => {
    for (const id of IDS) {
      const spans = RUNTIME_PROFILES[id].accepts;
      assert.ok(spans.length > 0, id);
      spans.forEach((span, i) => {
        assert.ok(span.from >= 0 && span.to <= 65535 && span.from <= span.to, id);
        if (i > 0) assert.ok(span.from > spans[i - 1].to + 1, `${id}: spans not sorted or not merged`);
      });
    }
  });

  it('gives every profile at least one close-like method', () => {
    for (const id of IDS) assert.ok(Object.keys(RUNTIME_PROFILES[id].methods).length > 0, id);
  });

  it('records the method shapes from the declaration files', () => {
    assert.deepEqual(RUNTIME_PROFILES.uws.methods, { end: 'positional' });
    assert.deepEqual(RUNTIME_PROFILES['websocket-node'].methods, { close: 'positional', drop: 'positional' });
    assert.deepEqual(RUNTIME_PROFILES.partysocket.methods, { close: 'positional', reconnect: 'positional' });
    assert.deepEqual(RUNTIME_PROFILES['websocket-stream'].methods, { close: 'close-info' });
    assert.deepEqual(RUNTIME_PROFILES['websocket-error'].methods, { WebSocketError: 'error-options' });
    assert.deepEqual(RUNTIME_PROFILES.hono.methods, { close: 'positional' });
  });

  it('has a connecting state only on client sockets (Cloudflare Workers: its outbound new WebSocket)', () => {
    assert.deepEqual(
      IDS.filter((id) => RUNTIME_PROFILES[id].hasConnectingState).sort(),
      ['cloudflare', 'isomorphic-ws', 'partysocket', 'reconnecting-websocket', 'websocket-stream', 'whatwg', 'ws'],
    );
  });

  it('quotes an error wherever an effect is "throws"', () => {
    for (const id of IDS) {
      const p = RUNTIME_PROFILES[id];
      if (p.onInvalidCode === 'throws') assert.ok(p.errors.invalidCode, `${id} invalidCode`);
      if (p.onLongReason === 'throws') assert.ok(p.errors.longReason, `${id} longReason`);
      if (p.onReasonWithoutCode === 'throws') assert.ok(p.errors.reasonWithoutCode, `${id} reasonWithoutCode`);
    }
  });

  it('records the documented effects and messages', () => {
    const { ws, cloudflare, 'deno-server': deno, 'bun-server': bun, uws, partysocket } = RUNTIME_PROFILES;
    assert.equal(ws.errors.invalidCode, 'TypeError: First argument must be a valid error code number');
    assert.equal(ws.errors.longReason, 'RangeError: The message must not be greater than 123 bytes');
    assert.equal(ws.onReasonWithoutCode, 'dropped');
    assert.equal(
      cloudflare.errors.reasonWithoutCode,
      'InvalidAccessError: If you specify a WebSocket close reason, you must also specify a code.',
    );
    assert.equal(deno.onReasonWithoutCode, 'corrupts-frame');
    assert.equal(deno.onInvalidCode, 'unchecked');
    assert.deepEqual([bun.onInvalidCode, bun.onLongReason, bun.onReasonWithoutCode], ['unchecked', 'truncated', 'defaults-to-1000']);
    assert.deepEqual([uws.onInvalidCode, uws.onLongReason], ['unchecked', 'truncated']);
    assert.equal(partysocket.onInvalidCode, 'swallowed');
    assert.equal(RUNTIME_PROFILES['websocket-node'].onLongReason, 'unchecked');
  });

  it('lets only the server-side APIs claim a server role', () => {
    for (const id of IDS) {
      const p = RUNTIME_PROFILES[id];
      if (p.whatwgRange) assert.equal(p.role, 'client', id);
    }
    assert.equal(RUNTIME_PROFILES['bun-server'].role, 'server');
    assert.equal(RUNTIME_PROFILES.ws.role, 'either');
  });
});

describe('acceptsCode', () => {
  it('accepts integers only', () => {
    assert.equal(acceptsCode(RUNTIME_PROFILES.ws, 1001.5), false);
    assert.equal(acceptsCode(RUNTIME_PROFILES.whatwg, Number.NaN), false);
  });
});

describe('CLOSE_METHOD_NAMES', () => {
  it('is the union of all profiles’ methods', () => {
    assert.deepEqual([...CLOSE_METHOD_NAMES].sort(), ['WebSocketError', 'close', 'drop', 'end', 'reconnect']);
  });
});

describe('formatRuntimeError', () => {
  it('fills the {code} placeholder', () => {
    assert.equal(
      formatRuntimeError(RUNTIME_PROFILES.cloudflare.errors.invalidCode ?? '', 1005),
      'InvalidAccessError: Invalid WebSocket close code: 1005.',
    );
    assert.equal(
      formatRuntimeError(RUNTIME_PROFILES['websocket-node'].errors.invalidCode ?? '', 1006),
      'Error: Close code 1006 is not valid.',
    );
  });
});
