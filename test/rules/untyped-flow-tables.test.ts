// Handlers called through a table with a computed key, in code without types: an object literal
// of handlers, and tables the project fills itself (`events[name] = fn`, `handlers.set(name, fn)`,
// a registration helper) — the socket reaches the handler's parameter through the dispatch call.
import { lines, ruleTester } from '../harness/rule-tester';

const WS_SERVER_JS = ["const WebSocket = require('ws');", 'const wss = new WebSocket.Server({ port: 8080 });'];

ruleTester('reserved-code', {
  valid: [
    {
      name: 'a dispatch table called with something that is not a socket, and another table of the same name',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'const handlers = { quit(conn) { conn.close(1006); } };',
        'function other() { const handlers = { quit() {} }; handlers[process.argv[2]](); }',
        "wss.on('connection', (ws) => ws.on('message', (raw) => { const file = require('fs').createWriteStream(String(raw)); handlers[String(raw)](file); }));",
        'other();',
      ),
    },
    {
      name: 'a filled table whose dispatch passes a file, and a same-named table elsewhere that gets the socket',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        "const fs = require('fs');",
        'const jobs = {};',
        'function register(name, fn) { jobs[name] = fn; }',
        'register("rotate", (log) => log.close(1006));',
        "wss.on('connection', (ws) => ws.on('message', (raw) => {",
        "  jobs[String(raw)](fs.createWriteStream('/tmp/log'));",
        '  const other = { jobs: {} };',
        '  other.jobs[String(raw)](ws);',
        '}));',
      ),
    },
  ],
  invalid: [
    {
      name: 'dispatch tables: a literal of handlers called through a computed key, an alias of the lookup, an optional call',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'const handlers = {',
        '  quit(ws) { ws.close(1006); },',
        '  drop: (ws) => ws.close(1005),',
        '  leave: function (ws) { ws.close(1015); },',
        '};',
        "wss.on('connection', (ws) => ws.on('message', (raw) => {",
        '  const msg = JSON.parse(raw);',
        '  handlers[msg.type](ws);',
        '  const handler = handlers[msg.type];',
        '  if (handler) handler(ws);',
        '  handlers[msg.type]?.(ws);',
        '}));',
      ),
      errors: [
        { messageId: 'reserved', line: 4, column: 23, confidence: 'inferred' },
        { messageId: 'reserved', line: 5, column: 26, confidence: 'inferred' },
        { messageId: 'reserved', line: 6, column: 35, confidence: 'inferred' },
      ],
    },
    {
      name: 'a table filled by a registration helper, with a named function and an inline one',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'const events = {};',
        'function registerEvent(name, handler) { events[name] = handler; }',
        'function quit(ws, data) { ws.close(1006); }',
        'registerEvent("QUIT", quit);',
        'registerEvent("DROP", (ws) => ws.close(1005));',
        "wss.on('connection', (ws) => ws.on('message', (raw) => {",
        '  const msg = JSON.parse(raw);',
        '  if (events.hasOwnProperty(msg.e)) events[msg.e](ws, msg.d);',
        '}));',
      ),
      errors: [
        { messageId: 'reserved', line: 5, column: 36, confidence: 'inferred' },
        { messageId: 'reserved', line: 7, column: 40, confidence: 'inferred' },
      ],
    },
    {
      name: 'a Map of handlers: set with a function, read with get(type) and an alias',
      env: 'js',
      code: lines(
        ...WS_SERVER_JS,
        'class Router {',
        '  constructor() { this.routes = new Map(); }',
        '  add(type, fn) { this.routes.set(type, fn); }',
        '  dispatch(ws, msg) { const route = this.routes.get(msg.type); if (route) route(ws, msg); }',
        '}',
        'const router = new Router();',
        "router.add('leave', (socket) => socket.close(1015));",
        "wss.on('connection', (ws) => ws.on('message', (raw) => router.dispatch(ws, JSON.parse(raw))));",
      ),
      errors: [{ messageId: 'reserved', line: 9, column: 46, confidence: 'inferred' }],
    },
  ],
});
