// Sockets handed out by a server's own events (registry SOCKET_SERVERS: one export may give sockets
// on several events, e.g. WebSocket-Node's server on `request` (through accept()) and on `connect`),
// and listeners registered as prototype or class methods bound in the constructor
// (`this.onConnect = this.onConnect.bind(this)`, then `server.on('connect', this.onConnect)`).
// Look-alikes: `connect` events of net, http and socket.io servers, and of plain emitters, are not
// socket sources.
import { lines, ruleTester } from '../harness/rule-tester';

const WSNODE_SERVER = ["const WebSocketServer = require('websocket').server;", 'const wsServer = new WebSocketServer({ autoAcceptConnections: true });'];

ruleTester('reserved-code', {
  valid: [
    {
      name: "a net server's `connect` listener gets a net socket, not a WebSocket",
      env: 'uninstalled',
      code: lines("const net = require('net');", 'const server = net.createServer();', "server.on('connect', (socket) => socket.close(1006));"),
    },
    {
      name: "an http server's `connect` listener gets a request and a net socket",
      env: 'uninstalled',
      code: lines("const http = require('http');", 'const server = http.createServer();', "server.on('connect', (req, socket) => { req.close(1006); socket.close(1006); });"),
    },
    {
      name: "a socket.io server's `connect` listener gets a socket.io socket",
      env: 'uninstalled',
      code: lines("const { Server } = require('socket.io');", 'const io = new Server(3000);', "io.on('connect', (socket) => socket.close(1006));"),
    },
    {
      name: "a WebSocket-Node client's `request` event is not a source (only the server's is)",
      env: 'uninstalled',
      code: lines("const WebSocketClient = require('websocket').client;", 'const client = new WebSocketClient();', "client.on('request', (request) => request.accept().close(1006));"),
    },
    {
      name: "a WebSocket-Node server's `close` listener gets a connection that is already closed (not a source)",
      env: 'uninstalled',
      code: lines(...WSNODE_SERVER, "wsServer.on('close', (connection) => connection.close(1006));"),
    },
    {
      name: 'a prototype method bound in the constructor and registered on a plain emitter',
      env: 'js-uninstalled',
      code: lines(
        "const { EventEmitter } = require('events');",
        'function Pool(db) {',
        '  this.onConnect = this.onConnect.bind(this);',
        "  db.on('connect', this.onConnect);",
        '}',
        'Pool.prototype.onConnect = function (client) {',
        '  client.close(1006);',
        '};',
        'new Pool(new EventEmitter());',
      ),
    },
    {
      name: 'a bound class method registered on a net server',
      env: 'js-uninstalled',
      code: lines(
        "const net = require('net');",
        'class Tunnel {',
        '  constructor() {',
        '    this.onConnect = this.onConnect.bind(this);',
        "    net.createServer().on('connect', this.onConnect);",
        '  }',
        '  onConnect(socket) { socket.close(1006); }',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: "a WebSocket-Node server's own `connect` event (autoAcceptConnections) gives the connection",
      env: 'uninstalled',
      code: lines(...WSNODE_SERVER, "wsServer.on('connect', (connection) => connection.close(1006));"),
      errors: [{ messageId: 'reserved', line: 3, column: 57, confidence: 'inferred' }],
    },
    {
      name: "the `connect` event of a WebSocket-Node server imported by name (and its `request` still works)",
      env: 'uninstalled',
      code: lines(
        "import { server as WebSocketServer } from 'websocket';",
        'const wsServer = new WebSocketServer({});',
        "wsServer.on('request', (request) => request.accept(null, request.origin));",
        "wsServer.on('connect', function (connection) {",
        "  connection.on('message', () => connection.close(1005));",
        '});',
      ),
      errors: [{ messageId: 'reserved', line: 5, column: 51, confidence: 'inferred' }],
    },
    {
      name: 'a class method bound in the constructor, registered by reference on a ws server',
      env: 'js-uninstalled',
      code: lines(
        "const WebSocket = require('ws');",
        'class Hub {',
        '  constructor(port) {',
        '    this.wss = new WebSocket.Server({ port });',
        '    this.onConnection = this.onConnection.bind(this);',
        "    this.wss.on('connection', this.onConnection);",
        '  }',
        '  onConnection(ws) {',
        "    ws.on('error', () => ws.close(1006));",
        '  }',
        '}',
      ),
      errors: [{ messageId: 'reserved', line: 9, column: 35, confidence: 'inferred' }],
    },
  ],
});

ruleTester('reason-too-long', {
  valid: [
    {
      name: 'a prototype method bound in the constructor and registered on a net server closes a net socket',
      env: 'js-uninstalled',
      code: lines(
        "const net = require('net');",
        'function Relay() {',
        '  const self = this;',
        '  self.handle = self.handle.bind(self);',
        "  net.createServer().on('connect', self.handle);",
        '}',
        'Relay.prototype.handle = function (socket) {',
        '  try { JSON.parse(socket.read()); } catch (e) { socket.close(1003, e.message); }',
        '};',
      ),
    },
  ],
  invalid: [
    {
      name: 'a prototype method bound in the constructor, registered through an instance on a WebSocket-Node server',
      env: 'js-uninstalled',
      code: lines(
        "const websocket = require('websocket');",
        'function Manager() {',
        '  const self = this;',
        '  self.attach = self.attach.bind(self);',
        '}',
        'Manager.prototype.attach = function (conn) {',
        "  conn.on('message', (message) => {",
        '    try {',
        '      JSON.parse(message.utf8Data);',
        '    } catch (e) {',
        '      conn.close(websocket.connection.CLOSE_REASON_UNPROCESSABLE_INPUT, e.message);',
        '    }',
        '  });',
        '};',
        'module.exports = function (httpServer) {',
        '  const manager = new Manager();',
        '  const server = new websocket.server({ httpServer, autoAcceptConnections: true });',
        "  server.on('connect', manager.attach);",
        '  return server;',
        '};',
      ),
      errors: [{ messageId: 'unbounded', line: 11, column: 73, confidence: 'inferred' }],
    },
  ],
});
