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
  'src/other.js': 'export const other = 1;\n',
  'src/util.js': 'export const unrelated = 1;\n',
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
    const root = project({
      ...JS_FILES,
      'src/conn.js': "import WebSocket from 'ws';\nexport class Conn {\n  constructor(url) { this.ws = new WebSocket(url); }\n  finish(c) { this.ws.send(c); }\n}\n",
      'src/setup.js': "import { Conn } from './conn.js';\nimport { holder } from './holder.js';\nholder.conn = new Conn('wss://x');\n",
      'src/shut.js': 'export function shut(code, conn) { conn.finish(code); }\n',
      'src/main.js': "import { holder } from './holder.js';\nimport { shut } from './shut.js';\nexport function bye() { shut(1005, holder.conn); }\n",
    });
    assert.equal(lint(root).findings['src/main.js'], undefined);
    write(root, 'src/conn.js', "import WebSocket from 'ws';\nexport class Conn {\n  constructor(url) { this.ws = new WebSocket(url); }\n  finish(c) { this.ws.close(c, 'bye'); }\n}\n");
    const after = lintBoth(root);
    assert.ok(after.findings['src/main.js']?.some((finding) => finding.startsWith('reserved-code')), JSON.stringify(after.findings));
  });

  it('a file the flow read that leaves the program (no longer imported, not a root) rechecks the reader', () => {
    const root = project({
      ...JS_FILES,
      'lib/extra.js': "import WebSocket from 'ws';\nimport { holder } from '../src/holder.js';\nholder.socket = new WebSocket('wss://x');\n",
      'src/other.js': "import '../lib/extra.js'; // the socket\n",
    });
    assert.ok(lint(root).findings['src/stop.js']?.some((finding) => finding.startsWith('reserved-code')));
    write(root, 'src/other.js', 'export const other = 1; // the socket\n');
    const after = lintBoth(root);
    assert.equal(after.findings['src/stop.js'], undefined, JSON.stringify(after.findings));
  });
});
