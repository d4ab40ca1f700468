// --cache is sound: a change to anything a file's findings depend on (and only that) makes the
// file be checked again, and a cached run reports exactly what a fresh run reports. Which files
// were checked is read from the --debug lines (`cache: <file>: reused | checked (why)`), never
// from timings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint, lintBoth, project as projectOf, write } from './cache-harness';
import { runLint } from '../../server/src/cli/run';
import type { RunOptions } from '../../server/src/cli/run';
import { MIN_LEFT_OUT } from '../../server/src/engine/lazy-imports';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "p", "private": true }\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "commonjs", "target": "es2022", "lib": ["es2022"] }, "include": ["src"] }\n',
  'node_modules/ws/package.json': '{ "name": "ws", "version": "8.0.0", "types": "index.d.ts" }\n',
  'node_modules/ws/index.d.ts': 'declare class WebSocket { close(code?: number, data?: string): void; }\nexport = WebSocket;\n',
  'node_modules/sockets/package.json': '{ "name": "sockets", "version": "1.0.0", "types": "index.d.ts" }\n',
  'node_modules/sockets/index.d.ts': "import WebSocket = require('ws');\nexport type Sock = WebSocket;\n",
  'src/codes.ts': 'export const CODE = 4000;\n',
  'src/a.ts': "import WebSocket = require('ws');\nimport { CODE } from './codes';\nexport function stop(ws: WebSocket): void { ws.close(CODE, 'bye'); }\n",
  'src/b.ts': "import WebSocket = require('ws');\nexport function end(ws: WebSocket): void { ws.close(1000, 'done'); }\n",
  'src/types.ts': "import WebSocket = require('ws');\nexport type Sock = WebSocket;\n",
  'src/d.ts': "import type { Sock } from './types';\nexport function drop(ws: Sock): void { ws.close(1005, 'x'); }\n",
  'src/e.ts': "import type { Sock } from 'sockets';\nexport function quit(ws: Sock): void { ws.close(1005, 'x'); }\n",
  'src/c.ts': "export function leave(ws: WebSocket): void { ws.close(1001, 'bye'); }\n",
  'src/util.ts': 'export const unrelated = 1;\n',
};

const project = (files: Record<string, string> = FILES): string => projectOf(files);

describe('--cache', () => {
  it('reuses everything when nothing changed, and builds no program', () => {
    const root = project();
    const first = lint(root);
    assert.equal(first.checked.length, Object.keys(FILES).filter((name) => name.startsWith('src/')).length);
    const lines: string[] = [];
    const again = runLint({ cwd: root, patterns: ['src'], cache: { strategy: 'metadata', version: 'test' } }, { debug: (line) => lines.push(line) });
    assert.equal(again.stats.counts.programs, 0);
    assert.equal(again.stats.counts.cached, first.checked.length);
    assert.ok(!lines.some((line) => line.startsWith('program:')));
  });

  it('an unrelated edit rechecks only the edited file', () => {
    const root = project();
    lint(root);
    write(root, 'src/util.ts', 'export const unrelated = 2; // edited\n');
    assert.deepEqual(lintBoth(root).checked, [path.join('src', 'util.ts')]);
  });

  it('a constant imported from another file', () => {
    const root = project();
    const before = lint(root);
    assert.equal(before.findings['src/a.ts'], undefined);
    write(root, 'src/codes.ts', 'export const CODE = 1005;\n');
    const after = lintBoth(root);
    assert.ok(after.findings['src/a.ts']?.some((finding) => finding.startsWith('reserved-code')), JSON.stringify(after.findings));
    assert.ok(after.checked.includes(path.normalize('src/a.ts')));
    // b.ts neither imports codes.ts nor needed the socket flow (c.ts did: its global WebSocket is untyped without the DOM lib).
    assert.ok(!after.checked.includes(path.normalize('src/b.ts')), after.checked.join());
  });

  it('a socket type declared in another file', () => {
    const root = project();
    assert.ok(lint(root).findings['src/d.ts']);
    // (A property, not a method: `close(` would make types.ts a program root, and every file be checked.)
    write(root, 'src/types.ts', 'export interface Sock { close: (code?: number, reason?: string) => void }\n');
    const after = lintBoth(root);
    assert.equal(after.findings['src/d.ts'], undefined);
    assert.ok(after.checked.includes(path.normalize('src/d.ts')));
    assert.ok(!after.checked.includes(path.normalize('src/b.ts')));
  });

  it("the implementation of the project's interface that a wrapper call reaches, in a file not imported", () => {
    const root = project({
      ...FILES,
      'src/driver.ts': 'export interface Driver { disconnect(reason: string): void }\n',
      'src/ws-driver.ts': "import WebSocket = require('ws');\nimport type { Driver } from './driver';\nexport function wsDriver(ws: WebSocket): Driver { return { disconnect: (reason) => ws.close(1000, reason) }; }\n",
      'src/conn.ts': "import type { Driver } from './driver';\nexport function onBan(driver: Driver): void { driver.disconnect('You are banned'); }\n",
    });
    assert.ok(lint(root).findings['src/conn.ts']?.some((finding) => finding.startsWith('mismatched-code')));
    write(root, 'src/ws-driver.ts', "import WebSocket = require('ws');\nimport type { Driver } from './driver';\nexport function wsDriver(ws: WebSocket): Driver { return { disconnect: (reason) => ws.close(1008, reason) }; }\n");
    const after = lintBoth(root);
    assert.equal(after.findings['src/conn.ts'], undefined, JSON.stringify(after.findings));
    assert.ok(after.checked.includes(path.normalize('src/conn.ts')));
  });

  it('a .d.ts in node_modules', () => {
    const root = project();
    assert.ok(lint(root).findings['src/e.ts']);
    write(root, 'node_modules/sockets/index.d.ts', 'export interface Sock { close(code?: number, reason?: string): void }\n');
    const after = lintBoth(root);
    assert.equal(after.findings['src/e.ts'], undefined);
  });

  it("the tsconfig's lib", () => {
    const root = project();
    assert.equal(lint(root).findings['src/c.ts'], undefined);
    write(root, 'tsconfig.json', FILES['tsconfig.json']!.replace('"es2022"]', '"es2022", "dom"]'));
    const after = lintBoth(root);
    assert.ok(after.findings['src/c.ts']?.some((finding) => finding.startsWith('browser-code-range')), JSON.stringify(after.findings));
  });

  it('a package.json dependency that turns an app profile on', () => {
    const root = project();
    lint(root);
    write(root, 'package.json', '{ "name": "p", "private": true, "dependencies": { "graphql-ws": "^6.0.0" } }\n');
    // The app profiles are part of every file's key: all are checked again, and agree with a fresh run.
    const after = lintBoth(root);
    assert.ok(after.checked.includes(path.normalize('src/a.ts')));
  });

  it('--cache-strategy metadata: a dependency whose size or time changed is hashed again', () => {
    const root = project();
    const metadata: Partial<RunOptions> = { cache: { strategy: 'metadata', version: 'test' } };
    lint(root, metadata);
    write(root, 'src/codes.ts', 'export const CODE = 1005; // now reserved\n');
    const after = lint(root, metadata);
    assert.ok(after.findings['src/a.ts']?.some((finding) => finding.startsWith('reserved-code')));
    // Touched but not changed: the hash still matches, so nothing is checked.
    const time = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(root, 'src/util.ts'), time, time);
    assert.deepEqual(lint(root, metadata).checked, []);
  });

  it('a run on some files keeps the entries of the others', () => {
    const root = project();
    lint(root);
    runLint({ cwd: root, patterns: ['src/b.ts'], cache: { strategy: 'content', version: 'test' } });
    assert.deepEqual(lintBoth(root).checked, []);
    write(root, 'src/codes.ts', 'export const CODE = 1005;\n');
    runLint({ cwd: root, patterns: ['src/b.ts'], cache: { strategy: 'content', version: 'test' } });
    // a.ts's entry was kept with the stamp it was made with: the change still shows.
    assert.ok(lintBoth(root).checked.includes(path.normalize('src/a.ts')));
  });

  it('a corrupt or foreign cache is ignored with a one-line note and rewritten', () => {
    const root = project();
    fs.writeFileSync(path.join(root, '.wsclosecache'), '{ not json');
    const run = lintBoth(root);
    assert.equal(run.warnings.filter((line) => /ignoring the cache/.test(line)).length, 1);
    assert.deepEqual(lint(root).checked, []);
    const data = JSON.parse(fs.readFileSync(path.join(root, '.wsclosecache'), 'utf8')) as { version: string };
    fs.writeFileSync(path.join(root, '.wsclosecache'), JSON.stringify({ ...data, version: 'other' }));
    assert.match(lint(root).warnings.join('\n'), /ignoring the cache .*written by wsclose other/);
  });

  it('stores each dependency list and each path once, and a damaged list costs only its files', () => {
    const root = project();
    lint(root);
    const file = path.join(root, '.wsclosecache');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { paths: string[]; sets: Record<string, number[]>; entries: Record<string, { deps: string[] }> };
    assert.equal(new Set(data.paths).size, data.paths.length);
    const lists = Object.values(data.entries).flatMap((entry) => entry.deps);
    assert.ok(new Set(lists).size < lists.length, 'the files of one program share the list of its global declarations');
    const a = path.join(root, 'src', 'a.ts');
    data.sets[data.entries[a]!.deps[0]!] = [data.paths.length]; // a.ts's own list points past the paths
    fs.writeFileSync(file, JSON.stringify(data));
    assert.deepEqual(lintBoth(root).checked, [path.join('src', 'a.ts')]);
  });

  it("loads from the first program what the last run's repeated passes needed, with the same findings", () => {
    // Enough project files for lazy imports (MIN_LEFT_OUT): hub.ts's receiver is typed in room.ts, left out at first.
    const fillers = Object.fromEntries(Array.from({ length: MIN_LEFT_OUT + 10 }, (_, i) => [`src/fill${i}.ts`, `export const fill${i} = ${i};\n`]));
    const root = project({
      ...FILES,
      ...fillers,
      'src/room.ts': "import WebSocket = require('ws');\nexport interface Room { socket: WebSocket }\n",
      'src/hub.ts': "import type { Room } from './room';\nexport function end(room: Room): void { room.socket.close(1005, 'x'); }\n",
    });
    const passes = (): number => runLint({ cwd: root, patterns: ['src'], cache: { strategy: 'content', version: 'test' } }).stats.counts.lazyPasses;
    assert.ok(passes() >= 1, 'the first run needs room.ts: a repeated pass');
    write(root, 'src/hub.ts', "import type { Room } from './room';\nexport function end(room: Room): void { room.socket.close(1005, 'x'); } // edited\n");
    assert.equal(passes(), 0, 'room.ts is loaded from the first program');
    write(root, 'src/hub.ts', "import type { Room } from './room';\nexport function end(room: Room): void { room.socket.close(1005, 'y'); }\n");
    const cached = lintBoth(root);
    assert.ok(cached.checked.includes(path.join('src', 'hub.ts')) && !cached.checked.includes(path.join('src', 'fill0.ts')), cached.checked.join(' '));
    assert.ok(cached.findings['src/hub.ts']?.some((finding) => finding.startsWith('reserved-code')), JSON.stringify(cached.findings));
  });

  it('--cache-location takes a folder or a file', () => {
    const root = project();
    fs.mkdirSync(path.join(root, 'cachedir'));
    lint(root, { cache: { location: 'cachedir', strategy: 'content', version: 'test' } });
    assert.ok(fs.existsSync(path.join(root, 'cachedir', '.wsclosecache')));
    lint(root, { cache: { location: 'my.cache', strategy: 'content', version: 'test' } });
    assert.ok(fs.existsSync(path.join(root, 'my.cache')));
  });

  it('works with --fix: fixed files are re-keyed, and the next run agrees with a fresh one', () => {
    const root = project({ ...FILES, 'src/f.ts': "import WebSocket = require('ws');\n// wsclose-disable-next-line reserved-code\nexport function ok(ws: WebSocket): void { ws.close(1000, 'done'); }\n" });
    const fixed = lint(root, { fix: 'write' });
    assert.ok(fixed.checked.length > 0);
    const text = fs.readFileSync(path.join(root, 'src/f.ts'), 'utf8');
    assert.ok(!text.includes('wsclose-disable'), 'the unused directive was removed by the fix');
    const next = lintBoth(root);
    assert.ok(!next.checked.includes(path.normalize('src/f.ts')), 'the fixed file was recorded with its new text');
  });

  it('property: after random edits, the cached result equals a fresh one', () => {
    const root = project();
    lint(root);
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const edits: Array<[string, () => string]> = [
      ['src/codes.ts', () => `export const CODE = ${[1000, 1005, 4000, 1006, 3000][random(5)]};\n`],
      ['src/types.ts', () => (random(2) ? FILES['src/types.ts']! : 'export interface Sock { close(code?: number, reason?: string): void }\n')],
      ['src/b.ts', () => FILES['src/b.ts']!.replace('1000', String([1000, 1001, 1015][random(3)]))],
      ['src/util.ts', () => `export const unrelated = ${random(100)};\n`],
      ['src/g.ts', () => (random(2) ? 'declare const WebSocket: any;\n' : 'export {};\n')],
      ['tsconfig.json', () => (random(2) ? FILES['tsconfig.json']! : FILES['tsconfig.json']!.replace('"es2022"]', '"es2022", "dom"]'))],
    ];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 2; i++) {
        const [name, text] = edits[random(edits.length)]!;
        write(root, name, text());
      }
      lintBoth(root);
    }
  });
});
