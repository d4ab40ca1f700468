import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOOKALIKE_SOCKET_MODULE_PREFIXES, PLATFORM_MARKERS, PLATFORM_TYPE_PACKAGES, SOCKET_SERVERS, WEBSOCKET_MODULES, WS_MODULE, WS_SERVER, WS_SERVER_CLASSES } from '../../server/src/registry/socket-sources';

describe('socket sources', () => {
  it("ws's server classes are the ws entries of SOCKET_SERVERS", () => {
    assert.deepEqual([...WS_SERVER_CLASSES].sort(), ['Server', 'WebSocketServer']);
    for (const name of WS_SERVER_CLASSES) assert.equal(SOCKET_SERVERS[WS_MODULE]![name], WS_SERVER);
    assert.ok(WEBSOCKET_MODULES.has(WS_MODULE));
  });

  it('no WebSocket module is taken for a look-alike', () => {
    for (const module of WEBSOCKET_MODULES) assert.ok(!LOOKALIKE_SOCKET_MODULE_PREFIXES.some((prefix) => module.startsWith(prefix)), module);
  });

  it('every platform type package is also a dependency marker of its platform', () => {
    for (const { platform, packages } of PLATFORM_TYPE_PACKAGES) {
      const marker = PLATFORM_MARKERS.find((m) => m.platform === platform);
      assert.ok(marker, platform);
      for (const pkg of packages) assert.ok(marker.packages.includes(pkg), `${platform}: ${pkg}`);
    }
  });
});
