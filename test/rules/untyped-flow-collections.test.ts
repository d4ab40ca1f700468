// Sockets kept in collections and objects of code without types, reached where the collection is
// passed on: a module array filled with `push` and handed to a function that indexes it with a
// loop variable, the project's own objects (`{ ws }`, `new Player()`) as its elements, and a field
// written on an instance from outside its class (`player.ws = ws`).
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
  ],
  invalid: [
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
