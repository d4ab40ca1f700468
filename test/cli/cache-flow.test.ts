// --cache on findings that rest on the socket flow: an entry depends on what the flow read for it
// (files, and names looked up program-wide), and a cached run reports exactly what a fresh one does.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint, lintBoth, project, write } from './cache-harness';

/** Untyped JavaScript (ws without types): findings rest on the socket flow, across files. */
const JS_FILES: Record<string, string> = {
  'package.json': '{ "name": "j", "private": true }\n',
  'tsconfig.json': '{ "compilerOptions": { "allowJs": true, "checkJs": false, "module": "commonjs", "target": "es2022", "lib": ["es2022"] }, "include": ["src"] }\n',
  'node_modules/ws/package.json': '{ "name": "ws", "version": "8.0.0", "main": "index.js" }\n',
  'node_modules/ws/index.js': 'module.exports = class WebSocket {};\n',
  'src/conn.js': "import WebSocket from 'ws';\nimport { quit } from './use.js';\nfunction Stream() {}\nexport function open(url) { quit(new WebSocket(url)); }\nexport { Stream };\n",
  'src/use.js': "export function quit(ws) { ws.close(1005, 'x'); }\n",
  'src/holder.js': 'export const holder = {};\n',
  'src/stop.js': "import { holder } from './holder.js';\nexport function stop() { holder.socket.close(1005, 'x'); }\n",
  // Mentions a socket, so that it is a program root before and after the edits of the tests (a file becoming one rechecks every file).
  'src/other.js': "export const other = 'socket';\n",
  'src/util.js': 'export const unrelated = 1;\n',
};

/** A wrapper chain: main.js → shut(code, conn) → conn.finish(code), finish in conn.js, which main.js does not import. */
const WRAPPER_CHAIN: Record<string, string> = {
  ...JS_FILES,
  'src/conn.js': "import WebSocket from 'ws';\nexport class Conn {\n  constructor(url) { this.ws = new WebSocket(url); }\n  finish(c) { this.ws.send(c); }\n}\n",
  'src/setup.js': "import { Conn } from './conn.js';\nimport { holder } from './holder.js';\nholder.conn = new Conn('wss://x');\n",
  'src/shut.js': 'export function shut(code, conn) { conn.finish(code); }\n',
  'src/main.js': "import { holder } from './holder.js';\nimport { shut } from './shut.js';\nexport function bye() { shut(1005, holder.conn); }\n",
};

describe('--cache and the socket flow', () => {
  it('an edit in a file the socket flow followed rechecks the file whose finding rests on it', () => {
    const root = project(JS_FILES);
    assert.ok(lint(root).findings['src/use.js']?.some((finding) => finding.startsWith('reserved-code')), 'the socket comes from conn.js');
    write(root, 'src/conn.js', JS_FILES['src/conn.js']!.replace('new WebSocket(url)', 'new Stream(url)'));
    const after = lintBoth(root);
    assert.equal(after.findings['src/use.js'], undefined, JSON.stringify(after.findings));
    assert.ok(after.checked.includes(path.normalize('src/use.js')));
  });

  it('an edit that writes a looked-up name in a file the flow never read rechecks the reader', () => {
    const root = project(JS_FILES);
    assert.equal(lint(root).findings['src/stop.js'], undefined);
    write(root, 'src/other.js', "import WebSocket from 'ws';\nimport { holder } from './holder.js';\nholder.socket = new WebSocket('wss://x');\n");
    const after = lintBoth(root);
    assert.ok(after.findings['src/stop.js']?.some((finding) => finding.startsWith('reserved-code')), JSON.stringify(after.findings));
    assert.ok(after.checked.includes(path.normalize('src/stop.js')));
  });

  it('an edit the flow never read nor looked up rechecks only the edited file', () => {
    const root = project(JS_FILES);
    lint(root);
    write(root, 'src/util.js', 'export const unrelated = 2;\n');
    assert.deepEqual(lintBoth(root).checked, [path.join('src', 'util.js')]);
  });

  it('a method that starts forwarding its code, in a file the reader neither imports nor read, makes its callers wrappers', () => {
    // main.js → shut(code, conn) → conn.finish(code): `finish` passes nothing to a close at first, so
    // `shut` is no wrapper candidate and main.js's call is never followed; conn.js is not imported.
    const root = project(WRAPPER_CHAIN);
    assert.equal(lint(root).findings['src/main.js'], undefined);
    write(root, 'src/conn.js', "import WebSocket from 'ws';\nexport class Conn {\n  constructor(url) { this.ws = new WebSocket(url); }\n  finish(c) { this.ws.close(c, 'bye'); }\n}\n");
    const after = lintBoth(root);
    assert.ok(after.findings['src/main.js']?.some((finding) => finding.startsWith('reserved-code')), JSON.stringify(after.findings));
  });

  it('a callback property set in a file the reader neither imports nor read makes its close handler reconnect', () => {
    // client.js schedules backoff.schedule() on close, which runs `this.onReady`; only wire.js
    // (which imports client.js, not the other way round) sets onReady to the client's open().
    const root = project({
      ...JS_FILES,
      'src/backoff.js': 'export function Backoff() {}\nBackoff.prototype.schedule = function () { setTimeout(this.onReady, 10); };\n',
      'src/client.js': "import WebSocket from 'ws';\nimport { Backoff } from './backoff.js';\nexport class Client {\n  constructor(url) { this.url = url; this.backoff = new Backoff(); this.open(); }\n  open() { this.ws = new WebSocket(this.url); this.ws.onclose = (e) => { if (e.code !== 1000) this.backoff.schedule(); }; }\n}\n",
      'src/wire.js': "import { Client } from './client.js';\nexport const client = new Client('wss://x');\n",
    });
    assert.equal(lint(root).findings['src/client.js'], undefined);
    write(root, 'src/wire.js', "import { Client } from './client.js';\nexport const client = new Client('wss://x');\nclient.backoff.onReady = client.open.bind(client);\n");
    const after = lintBoth(root);
    assert.ok(after.findings['src/client.js']?.some((finding) => finding.startsWith('reconnect-on-terminal-code')), JSON.stringify(after.findings));
    assert.ok(after.checked.includes(path.normalize('src/client.js')));
  });

  it('a store action dispatched by a close handler, in a file the handler does not import, that starts or stops opening the socket', () => {
    // feed.js dispatches 'reconnectFeed' on close; only store.js (which imports feed.js) says what that
    // action does. store.js names the socket, so it is a program root (the pre-scan) before and after.
    const root = project({
      ...JS_FILES,
      'src/feed.js': "import WebSocket from 'ws';\nexport function start(dispatch) {\n  const ws = new WebSocket('wss://x');\n  ws.onclose = () => setTimeout(() => dispatch('reconnectFeed'), 1000);\n}\n",
      'src/store.js': "// socket store\nimport { start } from './feed.js';\nexport const actions = {\n  reconnectFeed({ dispatch }) { console.log('later'); },\n};\n",
    });
    assert.equal(lint(root).findings['src/feed.js'], undefined);
    write(root, 'src/store.js', "// socket store\nimport { start } from './feed.js';\nexport const actions = {\n  reconnectFeed({ dispatch }) { start(dispatch); },\n};\n");
    const after = lintBoth(root);
    assert.ok(after.findings['src/feed.js']?.some((finding) => finding.startsWith('reconnect-on-terminal-code')), JSON.stringify(after.findings));
    write(root, 'src/store.js', "// socket store\nimport { start } from './feed.js';\nexport const actions = {\n  reconnectFeed({ dispatch }) { console.log('later'); },\n};\n");
    assert.equal(lintBoth(root).findings['src/feed.js'], undefined);
  });

  it('a reducer that starts testing a destructured `type` (no `.type`, no `case`) in a file the handler does not import', () => {
    const root = project({
      ...JS_FILES,
      'src/feed.js': "import WebSocket from 'ws';\nexport function start(dispatch) {\n  const ws = new WebSocket('wss://x');\n  ws.onclose = () => dispatch({ type: 'ws/reconnect' });\n}\n",
      'src/middleware.js': "// socket middleware\nimport { start } from './feed.js';\nexport const middleware = (store) => (next) => (action) => next(action);\n",
    });
    assert.equal(lint(root).findings['src/feed.js'], undefined);
    write(root, 'src/middleware.js', "// socket middleware\nimport { start } from './feed.js';\nexport const middleware = (store) => (next) => (action) => {\n  const { type } = action;\n  if (type === 'ws/reconnect') start(store.dispatch);\n  return next(action);\n};\n");
    const after = lintBoth(root);
    assert.ok(after.findings['src/feed.js']?.some((finding) => finding.startsWith('reconnect-on-terminal-code')), JSON.stringify(after.findings));
  });

  it("an implementation of the project's interface, in a file the reader neither imports nor read, that starts passing its socket's close to a callback", () => {
    // terminal.ts registers a close callback and opens through the Connection interface; only
    // socket-connection.ts (which terminal.ts does not import) implements it, first for messages.
    const files: Record<string, string> = {
      'package.json': '{ "name": "t", "private": true }\n',
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "esnext", "moduleResolution": "bundler", "target": "es2022", "lib": ["es2022", "dom"] }, "include": ["src"] }\n',
      'src/connection.ts': 'export interface Connection {\n  open(): void;\n  onClose(callback: () => void): void;\n}\n',
      'src/terminal.ts': "import type { Connection } from './connection';\nexport function start(make: () => Connection): void {\n  const connection = make();\n  connection.onClose(() => { setTimeout(() => start(make), 1000); });\n  connection.open();\n}\n",
      'src/socket-connection.ts': "import type { Connection } from './connection';\nexport class SocketConnection implements Connection {\n  private bare?: WebSocket;\n  open(): void { this.bare = new WebSocket('wss://x'); }\n  onClose(callback: () => void): void { this.bare!.onmessage = () => callback(); }\n}\n",
      'src/main.ts': "import { start } from './terminal';\nimport { SocketConnection } from './socket-connection';\nstart(() => new SocketConnection());\n",
    };
    const root = project(files);
    assert.equal(lint(root).findings['src/terminal.ts'], undefined);
    write(root, 'src/socket-connection.ts', files['src/socket-connection.ts']!.replace('onmessage', 'onclose'));
    const after = lintBoth(root);
    assert.ok(after.findings['src/terminal.ts']?.some((finding) => finding.startsWith('reconnect-on-terminal-code')), JSON.stringify(after.findings));
    assert.ok(after.checked.includes(path.normalize('src/terminal.ts')));
  });

  it('an edit that adds no call to a function of a name the candidate filter looked up does not recheck the caller', () => {
    const root = project(WRAPPER_CHAIN);
    lint(root);
    write(root, 'src/conn.js', WRAPPER_CHAIN['src/conn.js']!.replace('this.ws.send(c);', 'this.ws.send(c); // edited'));
    const checked = lintBoth(root).checked;
    assert.ok(checked.includes(path.normalize('src/conn.js')) && !checked.includes(path.normalize('src/main.js')), checked.join());
  });

  it('a method that starts closing with a code of its own, in a file the caller neither imports nor read, makes the call a closer', () => {
    // main.js calls holder.conn.shutdown() in a catch; shutdown calls this.finish(), which closes with no
    // code at first: the syntax of `shutdown` and `finish` rules out a closer (closer-syntax.ts) before
    // the flow finds that holder.conn is a Conn, so conn.js is read as text only.
    const files = {
      ...WRAPPER_CHAIN,
      'src/conn.js': "import WebSocket from 'ws';\nexport class Conn {\n  constructor(url) { this.ws = new WebSocket(url); }\n  shutdown() { this.finish(); }\n  finish() { this.ws.close(); }\n}\n",
      'src/main.js': "import { holder } from './holder.js';\nexport function bye(work) {\n  try {\n    work();\n  } catch (error) {\n    holder.conn.shutdown();\n  }\n}\n",
    };
    const root = project(files);
    assert.equal(lint(root).findings['src/main.js'], undefined);
    write(root, 'src/conn.js', files['src/conn.js'].replace('this.ws.close();', "this.ws.close(1000, 'bye');"));
    const after = lintBoth(root);
    assert.ok(after.findings['src/main.js']?.some((finding) => finding.startsWith('mismatched-code')), JSON.stringify(after.findings));
    assert.ok(after.checked.includes(path.normalize('src/main.js')));
  });

  it('an edit of a possible closer that the lookup of a call never reached does not recheck the caller', () => {
    // `stream.close()` is looked up as a call of a closer: the syntax says a `close` can be one
    // (closer.js's), and the lookup finds that stream is no Conn. The answer rests on the lookup.
    const root = project({
      ...JS_FILES,
      'src/closer.js': "import WebSocket from 'ws';\nexport class Conn {\n  constructor(url) { this.ws = new WebSocket(url); }\n  close() { this.ws.close(1000, 'bye'); }\n}\n",
      'src/files.js': 'export function done(stream) { stream.close(); }\n',
    });
    lint(root);
    write(root, 'src/closer.js', "import WebSocket from 'ws';\nexport class Conn {\n  constructor(url) { this.ws = new WebSocket(url); }\n  close() { this.ws.close(1000, 'bye'); } // edited\n}\n");
    const checked = lintBoth(root).checked;
    assert.ok(checked.includes(path.normalize('src/closer.js')) && !checked.includes(path.normalize('src/files.js')), checked.join());
  });

  it('a file the flow read that leaves the program (no longer imported, not a root) rechecks the reader', () => {
    const root = project({
      ...JS_FILES,
      'src/board.js': 'export const board = {};\n',
      'src/idle.js': "import { board } from './board.js';\nexport function idle() { board.peer.close(1005, 'x'); }\n",
      'src/post.js': "export const post = 'socket';\n",
      'lib/extra.js': "import WebSocket from 'ws';\nimport { holder } from '../src/holder.js';\nholder.socket = new WebSocket('wss://x');\n",
      'src/other.js': "import '../lib/extra.js'; // the socket\n",
    });
    assert.ok(lint(root).findings['src/stop.js']?.some((finding) => finding.startsWith('reserved-code')));
    write(root, 'src/other.js', JS_FILES['src/other.js']!);
    const after = lintBoth(root);
    assert.equal(after.findings['src/stop.js'], undefined, JSON.stringify(after.findings));
  });
  it('property: after random edits of several files of an untyped JavaScript project (ES modules and CommonJS), the cached result equals a fresh one', () => {
    const files: Record<string, string> = {
      ...JS_FILES,
      'src/cjs-make.js': "const WebSocket = require('ws');\nfunction make(url) { return new WebSocket(url); }\nmodule.exports = { make };\n",
      'src/cjs-use.js': "const { make } = require('./cjs-make');\nfunction bye(url) { const s = make(url); s.close(1005, 'x'); }\nmodule.exports = { bye };\n",
      'src/cjs-reg.js': 'module.exports = {};\n',
      'src/cjs-drop.js': "const reg = require('./cjs-reg');\nfunction drop() { reg.current.close(1005, 'x'); }\nmodule.exports = { drop };\n",
      'src/klass.js': "import WebSocket from 'ws';\nexport class Conn {\n  constructor(url) { this.ws = new WebSocket(url); }\n  finish(c) { this.ws.send(c); }\n}\n",
      'src/setup.js': "import { Conn } from './klass.js';\nimport { holder } from './holder.js';\nholder.conn = new Conn('wss://x');\n",
      'src/shut.js': 'export function shut(code, conn) { conn.finish(code); }\n',
      'src/main.js': "import { holder } from './holder.js';\nimport { shut } from './shut.js';\nexport function bye() { shut(1005, holder.conn); }\n",
      'src/board.js': 'export const board = {};\n',
      'src/idle.js': "import { board } from './board.js';\nexport function idle() { board.peer.close(1005, 'x'); }\n",
      'src/post.js': "export const post = 'socket';\n",
      'lib/extra.js': "import WebSocket from 'ws';\nimport { holder } from '../src/holder.js';\nholder.socket = new WebSocket('wss://x');\n",
    };
    const root = project(files);
    lint(root);
    let seed = 42;
    // The high bits of the generator: its low bits repeat with a short period.
    const random = (n: number): number => Math.floor((seed = (seed * 1103515245 + 12345) % 2147483648) / 65536) % n;
    const pick = (...texts: string[]): string => texts[random(texts.length)]!;
    const edits: Array<[string, () => string]> = [
      // ES modules: the socket made in conn.js, closed in use.js with a code that varies.
      ['src/conn.js', () => files['src/conn.js']!.replace('new WebSocket(url)', pick('new WebSocket(url)', 'new Stream(url)'))],
      ['src/use.js', () => `export function quit(ws) { ws.close(${pick('1005', '1000', '4000', '1006')}, 'x'); }\n`],
      // A write of holder.socket in a file the reader never imports: a socket, a fake, nothing, or a file outside the include pulled in.
      ['src/other.js', () => pick(files['src/other.js']!, "import WebSocket from 'ws';\nimport { holder } from './holder.js';\nholder.socket = new WebSocket('wss://x');\n", "import { holder } from './holder.js';\nholder.socket = { close() {} };\n", "import '../lib/extra.js'; // the socket\n")],
      // The same for board.peer, read by idle.js only, in a file nothing else reads (twice in the list: picked more often).
      ['src/post.js', () => pick("export const post = 'socket';\n", "import WebSocket from 'ws';\nimport { board } from './board.js';\nboard.peer = new WebSocket('wss://x');\n")],
      ['src/post.js', () => pick("export const post = 'socket';\n", "import WebSocket from 'ws';\nimport { board } from './board.js';\nboard.peer = new WebSocket('wss://x');\n")],
      // CommonJS: a factory that makes a socket or a fake, and a registry written by another module.
      ['src/cjs-make.js', () => files['src/cjs-make.js']!.replace('return new WebSocket(url);', pick('return new WebSocket(url);', 'return { close() {} };'))],
      ['src/cjs-use.js', () => files['src/cjs-use.js']!.replace('1005', pick('1005', '1000', '3000'))],
      ['src/cjs-set.js', () => pick("const WebSocket = require('ws');\nconst reg = require('./cjs-reg');\nreg.current = new WebSocket('wss://x');\n", "const reg = require('./cjs-reg');\nreg.current = { close() {} };\n", 'module.exports = { socket: null };\n')],
      // A wrapper chain through a method of a class in a file the caller does not import.
      ['src/klass.js', () => files['src/klass.js']!.replace('this.ws.send(c);', pick('this.ws.send(c);', "this.ws.close(c, 'bye');", "this.ws.close(1000, 'bye');"))],
      ['src/util.js', () => `export const unrelated = ${random(100)};\n`],
      // A directive that is used or not: --fix runs remove it when unused.
      ['src/stop.js', () => pick(files['src/stop.js']!, "import { holder } from './holder.js';\n// wsclose-disable-next-line reserved-code\nexport function stop() { holder.socket.close(1005, 'x'); }\n")],
    ];
    const seen = new Set<string>();
    for (let round = 0; round < 30; round++) {
      for (let i = 0, n = 1 + random(3); i < n; i++) {
        const [name, text] = edits[random(edits.length)]!;
        write(root, name, text());
      }
      // Now and then a --fix run (itself cached): what it reports, and the cache it leaves, must agree with fresh runs too.
      if (random(4) === 0) assert.deepEqual(lint(root, { fix: 'write' }).findings, lint(root, {}, false).findings, 'the --fix run agrees with a fresh one');
      seen.add(JSON.stringify(lintBoth(root).findings));
    }
    assert.ok(seen.size > 2, 'the edits change the findings');
  });
});
