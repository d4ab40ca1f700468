// Sockets kept in collections and objects of code without types, reached where the collection is
// passed on: a module array filled with `push` and handed to a function that indexes it with a
// loop variable, the project's own objects (`{ ws }`, `new Player()`) as its elements, and a field
// written on an instance from outside its class (`player.ws = ws`), and a map keyed by its sockets
// (`players.set(ws, state)`) walked by its keys.
import { lines, ruleTester } from '../harness/rule-tester';

const WS_SERVER_JS = ["const WebSocket = require('ws');", 'const wss = new WebSocket.Server({ port: 8080 });'];

ruleTester('reserved-code', {
  valid: [
    {
      name: 'a module array of file streams passed on and closed by index: not sockets',
      env: 'js',
      code: lines(
        "const fs = require('fs');",
        'let logs = [];',
        "logs.push({ out: fs.createWriteStream('/tmp/a') });",
        'function closeAll(list) { for (let i = 0; i < list.length; i++) list[i].out.close(1006); }',
        'closeAll(logs);',
      ),
    },
    {
      name: "a field a class fills with a stream, written from outside too: not a socket",
      env: 'js',
      code: lines(
        "const fs = require('fs');",
        'class Job { constructor() { this.out = null; } }',
        'const job = new Job();',
        "job.out = fs.createWriteStream('/tmp/a');",
        'function stop(list) { list[0].out.close(1006); }',
        'stop([job]);',
      ),
    },
    {
      name: 'a map keyed by file handles, walked by its keys: not sockets',
      env: 'js',
      code: lines(
        "const fs = require('fs');",
        'const open = new Map();',
        "open.set(fs.createWriteStream('/tmp/a'), { name: 'a' });",
        'function closeAll() { for (const [out] of open) out.close(1006); open.forEach((state, out) => out.close(1006)); }',
        'closeAll();',
      ),
    },
    {
      name: 'a map whose values are sockets: its keys (ids) are not',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'const byId = new Map();',
        "wss.on('connection', (ws) => { byId.set(String(Date.now()), ws); });",
        'function dropIds() { for (const [id] of byId) id.close(1006); }',
        'dropIds();',
      ),
    },
  ],
  invalid: [
    {
      name: 'a map keyed by sockets, walked with `for (const [socket, state] of map)`',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'const players = new Map();',
        "wss.on('connection', (ws) => { players.set(ws, { name: 'x' }); });",
        'function dropAll() { for (const [sock, state] of players) if (state.name) sock.close(1006); }',
      ),
      errors: [{ messageId: 'reserved', line: 5, column: 86, confidence: 'inferred' }],
    },
    {
      name: 'a map keyed by sockets, walked with `map.forEach((state, socket) => …)` and `map.keys()`',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'const players = new Map();',
        "wss.on('connection', (ws) => { players.set(ws, { name: 'x' }); });",
        'function dropAll() { players.forEach((state, sock) => sock.close(1006)); }',
        'function dropKeys() { for (const sock of players.keys()) sock.close(1006); for (const [sock] of players.entries()) sock.close(1006); }',
      ),
      errors: [
        { messageId: 'reserved', line: 5, column: 66, confidence: 'inferred' },
        { messageId: 'reserved', line: 6, column: 69, confidence: 'inferred' },
        { messageId: 'reserved', line: 6, column: 127, confidence: 'inferred' },
      ],
    },
    {
      name: 'a module array of `{ ws }` objects passed to a function that indexes it with a variable',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'let players = [];',
        "wss.on('connection', (ws) => { players.push({ ws }); drop(players, 4); });",
        'function drop(players, max) { for (let i = players.length - 1; i >= max; i--) players[i].ws.close(1006); }',
      ),
      errors: [{ messageId: 'reserved', line: 5, column: 99, confidence: 'inferred' }],
    },
    {
      name: "instances of the project's class in the array, their socket field set from outside the class",
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'class Player { constructor(name, ws) { this.name = name; this.ws = ws; } }',
        'const players = [];',
        "wss.on('connection', (ws) => { const p = new Player('x', null); p.ws = ws; players.push(p); });",
        'function dropAll(list) { list.forEach((p) => p.ws.close(1006)); }',
        'dropAll(players);',
      ),
      errors: [{ messageId: 'reserved', line: 6, column: 57, confidence: 'inferred' }],
    },
  ],
});

// Pre-class JavaScript: a function that makes the socket for `new`, a mixin called with the socket
// as `this`, and a message handler bound to the object that holds the socket.
ruleTester('browser-code-range', {
  valid: [
    {
      name: 'a plain constructor function (it returns nothing of its own): an instance, not a socket',
      env: 'js',
      code: lines(
        'function Timer(ms) { this.ms = ms; }',
        'Timer.prototype.close = function (code) { return code; };',
        'new Timer(5).close(1001);',
      ),
    },
  ],
  invalid: [
    {
      name: 'a socket factory called with `new` that returns ws in Node and the browser socket through a mixin elsewhere',
      env: 'js',
      code: lines(
        "const isNode = typeof window === 'undefined';",
        'function Emitter() { this.emit = function () {}; return this; }',
        "function Socket(url) { if (isNode) return new (require('ws'))(url); return Emitter.call(new WebSocket(url)); }",
        'function start(client) {',
        "  client.ws = new Socket('wss://example.test');",
        "  client.ws.on('message', onMessage.bind(client));",
        '}',
        'function onMessage() {',
        '  var client = this;',
        "  setTimeout(function () { client.ws.close(1001, 'No heartbeat'); }, 1000);",
        '}',
        'function Client() { start(this); }',
        'module.exports = Client;',
      ),
      errors: [{ messageId: 'outsideBrowserRange', line: 10, column: 44, confidence: 'inferred' }],
    },
  ],
});
