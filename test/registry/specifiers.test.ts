import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUNTIME_PROFILES } from '../../server/src/registry/runtimes';
import { RECEIVER_SPECIFIERS } from '../../server/src/registry/specifiers';
import { REPO_ROOT } from '../harness/paths';

const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');

// Names listed ahead of the TypeScript lib that will declare them (WHATWG PR #48).
const FUTURE_LIB_NAMES = new Set(['WebSocketStream', 'WebSocketError']);

function declarationFiles(dir: string, out: string[] = []): string[] {
  for (const dirent of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) {
      if (dirent.name !== 'node_modules') declarationFiles(full, out);
    } else if (/\.d\.[cm]?ts$/.test(dirent.name)) {
      out.push(full);
    }
  }
  return out;
}

// Every installed copy of a package's declarations, @types/ included, one level of nesting deep.
function packageRoots(pkg: string): string[] {
  const names = [pkg, `@types/${pkg}`];
  const parents = [NODE_MODULES, ...['@types/node', 'bun-types'].map((p) => path.join(NODE_MODULES, p, 'node_modules'))];
  return parents.flatMap((parent) => names.map((name) => path.join(parent, name))).filter((dir) => fs.existsSync(dir));
}

function declares(files: readonly string[], name: string): boolean {
  const pattern = new RegExp(
    `\\b(?:class|interface)\\s+${name}\\b|\\bimport\\s+${name}\\s*=|\\bdeclare\\s+(?:var|const)\\s+${name}\\b`,
  );
  return files.some((file) => pattern.test(fs.readFileSync(file, 'utf8')));
}

describe('RECEIVER_SPECIFIERS', () => {
  it('names known runtimes only', () => {
    for (const spec of RECEIVER_SPECIFIERS) assert.ok(spec.runtime in RUNTIME_PROFILES, spec.name);
  });

  it('stores package names without @types/ and only for package specifiers', () => {
    for (const spec of RECEIVER_SPECIFIERS) {
      if (spec.from === 'package') {
        assert.ok(spec.package, spec.name);
        assert.ok(!spec.package.startsWith('@types/'), spec.package);
      } else {
        assert.equal(spec.package, undefined, spec.name);
      }
    }
  });

  it('has no duplicates', () => {
    const keys = RECEIVER_SPECIFIERS.map((s) => `${s.from}:${s.package ?? ''}:${s.name}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('never lists a server object as a socket', () => {
    for (const spec of RECEIVER_SPECIFIERS) assert.ok(!/^(WebSocketServer|Server|server)$/.test(spec.name), spec.name);
  });

  it('maps the main types as documented', () => {
    const find = (pkg: string | undefined, name: string) =>
      RECEIVER_SPECIFIERS.find((s) => s.package === pkg && s.name === name)?.runtime;
    assert.equal(find(undefined, 'WebSocket'), 'whatwg');
    assert.equal(find('ws', 'WebSocket'), 'ws');
    assert.equal(find('bun-types', 'ServerWebSocket'), 'bun-server');
    assert.equal(find('@cloudflare/workers-types', 'WebSocket'), 'cloudflare');
    assert.equal(find('websocket', 'connection'), 'websocket-node');
    assert.equal(find('websocket', 'w3cwebsocket'), 'whatwg');
    assert.equal(find('hono', 'WSContext'), 'hono');
    assert.equal(find('uWebSockets.js', 'WebSocket'), 'uws');
    assert.equal(find('undici-types', 'WebSocketStream'), 'websocket-stream');
  });
});

describe('RECEIVER_SPECIFIERS against installed declaration files', () => {
  const libDir = path.join(NODE_MODULES, 'typescript', 'lib');
  const libFiles = fs.existsSync(libDir)
    ? fs.readdirSync(libDir).filter((f) => /^lib\..*\.d\.ts$/.test(f)).map((f) => path.join(libDir, f))
    : [];

  for (const spec of RECEIVER_SPECIFIERS) {
    const label = `${spec.package ?? 'lib'}: ${spec.name}`;
    it(label, (t) => {
      if (spec.from === 'lib') {
        if (libFiles.length === 0) return t.skip('typescript is not installed');
        if (FUTURE_LIB_NAMES.has(spec.name)) return; // may or may not be declared yet
        assert.ok(declares(libFiles, spec.name), `${spec.name} not declared in typescript/lib`);
        return;
      }
      const roots = packageRoots(spec.package ?? '');
      if (roots.length === 0) return t.skip(`${spec.package} is not installed`);
      const files = roots.flatMap((root) => declarationFiles(root));
      assert.ok(declares(files, spec.name), `${spec.name} not declared in ${roots.join(', ')}`);
    });
  }
});
