// reconnect-on-terminal-code: close handlers of client sockets that open a new connection on a
// path a 1008 (or a code the project or an app profile marks "do not reconnect") can take.
import type { ResolvedConfig } from '../../server/src/core/config';
import { at, lines, ruleTester } from '../harness/rule-tester';

const RULE = 'reconnectsAfterTerminal';
const POLICY = '1008';
const withCodes = (codes: ResolvedConfig['codes']) => (config: ResolvedConfig): ResolvedConfig => ({ ...config, codes });

const unguarded = lines(
  "export function connect(url: string): void {",
  '  const ws = new WebSocket(url);',
  '  ws.onclose = () => {',
  '    setTimeout(() => connect(url), 1000);',
  '  };',
  '}',
);
const skipsNormal = lines(
  "export function connect(url: string): void {",
  '  const ws = new WebSocket(url);',
  "  ws.addEventListener('close', (event) => {",
  '    if (event.code !== 1000) connect(url);',
  '  });',
  '}',
);
const wsClient = lines(
  "import WebSocket from 'ws';",
  'export class Feed {',
  '  private socket?: WebSocket;',
  '  constructor(private readonly url: string) {}',
  '  open(): void {',
  '    this.socket = new WebSocket(this.url);',
  "    this.socket.on('close', (code) => {",
  '      if (code === 1006) return;',
  '      this.scheduleReconnect();',
  '    });',
  '  }',
  '  private scheduleReconnect(): void {',
  '    setTimeout(this.open.bind(this), 500);',
  '  }',
  '}',
);
const namedConstants = lines(
  'const CLOSE_NORMAL = 1000;',
  'const CLOSE_POLICY = 1008;',
  "export function connect(url: string): void {",
  '  const ws = new WebSocket(url);',
  '  ws.onclose = (e) => {',
  '    if (e.code === CLOSE_NORMAL) return;',
  '    connect(url);',
  '  };',
  '}',
);
const untypedJs = lines(
  'function connect(url) {',
  '  const ws = new WebSocket(url);',
  '  ws.onclose = function () {',
  '    reconnectLater(url);',
  '  };',
  '}',
  'function reconnectLater(url) {',
  '  setTimeout(() => connect(url), 2000);',
  '}',
  "connect('wss://example.test');",
);
const declaredCode = lines(
  "export function connect(url: string): void {",
  '  const ws = new WebSocket(url);',
  "  ws.addEventListener('close', ({ code }) => {",
  '    if (code === 1008) return;',
  '    connect(url);',
  '  });',
  '}',
);
const graphqlClient = lines(
  "import type { SubscribePayload } from 'graphql-ws';",
  'export function connect(url: string, payload: SubscribePayload): void {',
  "  const ws = new WebSocket(url, 'graphql-transport-ws');",
  "  ws.addEventListener('close', ({ code }) => {",
  '    if (code === 1008) return;',
  '    connect(url, payload);',
  '  });',
  '}',
);
const handedOff = lines(
  'export class Chat {',
  '  private attempt = 0;',
  '  constructor(private readonly url: string) {}',
  '  connect(): void {',
  '    const socket = new WebSocket(this.url);',
  "    socket.addEventListener('close', (event) => this.onClose(socket, event));",
  '  }',
  '  private onClose(socket: WebSocket, event: CloseEvent): void {',
  '    if (event.code === 1000) return;',
  '    this.attempt += 1;',
  '    window.setTimeout(() => this.connect(), 1000 * this.attempt);',
  '  }',
  '}',
);
const byReference = lines(
  'export class Feed {',
  '  private ws?: WebSocket;',
  '  open(): void {',
  "    this.ws = new WebSocket('wss://feed.example');",
  '    this.ws.onclose = this.open.bind(this);',
  '  }',
  '}',
);
const wsRequired = lines(
  "const WebSocket = require('ws');",
  'function start(url) {',
  '  const ws = new WebSocket(url);',
  "  ws.on('close', (code, reason) => {",
  "    console.log('closed', code, String(reason));",
  '    start(url);',
  '  });',
  '}',
  'module.exports = { start };',
);
const untypedWs = lines(
  "import WebSocket from 'ws';",
  'export class Stream {',
  '  private socket: any;',
  '  start(url: string): void {',
  '    this.socket = new WebSocket(url);',
  "    this.socket.on('close', (code: number) => {",
  '      if (code !== 1000) setTimeout(() => this.start(url), 1000);',
  '    });',
  '  }',
  '}',
);
const viaConstructor = lines(
  'class Client {',
  '  socket: WebSocket;',
  '  constructor(url: string) {',
  '    this.socket = new WebSocket(url);',
  "    this.socket.addEventListener('close', () => { current = new Client(url); });",
  '  }',
  '}',
  "let current = new Client('wss://a.example');",
  'export { current };',
);
const selfReconnecting = lines(
  "import ReconnectingWebSocket from 'reconnecting-websocket';",
  'let backup: WebSocket | undefined;',
  "const rws = new ReconnectingWebSocket('wss://a.example');",
  "rws.addEventListener('close', () => { backup = new WebSocket('wss://b.example'); });",
);

ruleTester('reconnect-on-terminal-code', {
  valid: [
    {
      name: 'an early return on 1008',
      env: 'dom',
      code: lines('export function connect(url: string): void {', '  const ws = new WebSocket(url);', '  ws.onclose = (event) => {', '    if (event.code === 1008) return;', '    setTimeout(() => connect(url), 1000);', '  };', '}'),
    },
    {
      name: 'a switch that handles 1008 and reconnects only in its own cases',
      env: 'dom',
      code: lines(
        'export function connect(url: string): void {',
        '  const ws = new WebSocket(url);',
        '  ws.onclose = (event) => {',
        '    switch (event.code) {',
        '      case 1008:',
        "        console.warn('refused');",
        '        break;',
        '      default:',
        '        connect(url);',
        '    }',
        '  };',
        '}',
      ),
    },
    {
      name: 'reconnecting only on codes listed in a fall-through case',
      env: 'dom',
      code: lines(
        'export function connect(url: string): void {',
        '  const ws = new WebSocket(url);',
        '  ws.onclose = (event) => {',
        '    switch (event.code) {',
        '      case 1001:',
        '      case 1006:',
        '        connect(url);',
        '    }',
        '  };',
        '}',
      ),
    },
    {
      name: 'a set of retryable codes without 1008',
      env: 'dom',
      code: lines(
        'const RETRYABLE = new Set([1001, 1006, 1012, 1013]);',
        'export function connect(url: string): void {',
        '  const ws = new WebSocket(url);',
        '  ws.onclose = (event) => {',
        '    if (RETRYABLE.has(event.code)) setTimeout(() => connect(url), 1000);',
        '  };',
        '}',
      ),
    },
    {
      name: 'an array of retryable codes, read with includes',
      env: 'dom',
      code: lines(
        'const RETRY_ON = [1006, 1011] as const;',
        'export function connect(url: string): void {',
        '  const ws = new WebSocket(url);',
        '  ws.onclose = (event) => {',
        '    if (!(RETRY_ON as readonly number[]).includes(event.code)) return;',
        '    connect(url);',
        '  };',
        '}',
      ),
    },
    {
      name: 'reconnecting only after an unclean close (a policy close is clean)',
      env: 'dom',
      code: lines('export function connect(url: string): void {', '  const ws = new WebSocket(url);', '  ws.onclose = (event) => {', '    if (!event.wasClean) connect(url);', '  };', '}'),
    },
    {
      name: 'a range of codes that leaves 1008 out',
      env: 'dom',
      code: lines('export function connect(url: string): void {', '  const ws = new WebSocket(url);', '  ws.onclose = (event) => {', '    if (event.code >= 4000 && event.code < 4100) connect(url);', '  };', '}'),
    },
    {
      name: "a helper that decides by the code: the project looked at it",
      env: 'dom',
      code: lines(
        'declare function shouldRetry(code: number): boolean;',
        'export function connect(url: string): void {',
        '  const ws = new WebSocket(url);',
        '  ws.onclose = (event) => {',
        '    if (shouldRetry(event.code)) connect(url);',
        '  };',
        '}',
      ),
    },
    {
      name: 'a handler that only logs',
      env: 'dom',
      code: lines('export function connect(url: string): void {', '  const ws = new WebSocket(url);', "  ws.onclose = (event) => console.log('closed', event.code);", '}'),
    },
    {
      name: 'a listener the handler only registers does not run',
      env: 'dom',
      code: lines(
        'export function connect(url: string): void {',
        '  const ws = new WebSocket(url);',
        '  ws.onclose = () => {',
        "    document.getElementById('retry')!.addEventListener('click', () => connect(url));",
        '  };',
        '}',
      ),
    },
    {
      name: "a ws server socket's close handler (servers do not reconnect to clients)",
      env: 'node',
      code: lines(
        "import WebSocket, { WebSocketServer } from 'ws';",
        'const wss = new WebSocketServer({ port: 8080 });',
        "wss.on('connection', (socket) => {",
        "  socket.on('close', () => {",
        "    new WebSocket('wss://upstream.example');",
        '  });',
        '});',
      ),
    },
    {
      name: 'the close event of a WebSocketServer and of an http.Server',
      env: 'node',
      code: lines(
        "import WebSocket, { WebSocketServer } from 'ws';",
        "import * as http from 'node:http';",
        'const wss = new WebSocketServer({ port: 8080 });',
        "wss.on('close', () => new WebSocket('wss://a.example'));",
        'const server = http.createServer();',
        "server.on('close', () => new WebSocket('wss://a.example'));",
      ),
    },
    {
      name: 'EventSource, streams and MessagePort look alike but are not sockets',
      env: 'dom',
      code: lines(
        "const source = new EventSource('/events');",
        "source.addEventListener('close', () => new WebSocket('wss://a.example'));",
        'const channel = new MessageChannel();',
        "channel.port1.addEventListener('close', () => new WebSocket('wss://a.example'));",
        "const reader = new BroadcastChannel('jobs');",
        'reader.onmessage = () => new WebSocket(\'wss://a.example\');',
      ),
    },
    {
      name: 'a node stream closing does not make a reconnect',
      env: 'node',
      code: lines("import * as fs from 'node:fs';", "import WebSocket from 'ws';", "const file = fs.createReadStream('in.txt');", "file.on('close', () => new WebSocket('wss://a.example'));"),
    },
    {
      name: 'a self-reconnecting socket whose handler starts nothing itself',
      env: 'uninstalled',
      code: lines(
        "import ReconnectingWebSocket from 'reconnecting-websocket';",
        "const rws = new ReconnectingWebSocket('wss://a.example');",
        "rws.addEventListener('close', () => console.log('will retry'));",
      ),
    },
    {
      name: 'a handler that passes the event on to a method which returns on terminal codes',
      env: 'dom',
      code: lines(
        'const TERMINAL = new Set([1000, 1008, 4001]);',
        'export class Chat {',
        '  constructor(private readonly url: string) {}',
        '  connect(): void {',
        '    const socket = new WebSocket(this.url);',
        "    socket.addEventListener('close', (event) => this.onClose(event));",
        '  }',
        '  private onClose(event: CloseEvent): void {',
        '    if (TERMINAL.has(event.code)) return;',
        '    window.setTimeout(() => this.connect(), 1000);',
        '  }',
        '}',
      ),
    },
    {
      name: 'a handler that passes only the code on, to a function that checks it',
      env: 'dom',
      code: lines(
        'export function connect(url: string): void {',
        '  const ws = new WebSocket(url);',
        '  ws.onclose = (event) => retryUnlessRefused(event.code, url);',
        '}',
        'function retryUnlessRefused(code: number, url: string): void {',
        '  switch (code) {',
        '    case 1008:',
        '    case 1000:',
        '      return;',
        '  }',
        '  connect(url);',
        '}',
      ),
    },
    {
      name: "an active app profile's codes do not apply to a file that does not import its package",
      env: 'dom',
      config: (config) => ({ ...config, profiles: { 'graphql-ws': true } }),
      code: declaredCode,
    },
    {
      name: 'a code the project marks "backoff" is not terminal',
      env: 'dom',
      config: withCodes([{ code: 4000, name: 'Maintenance', reconnect: 'backoff' }]),
      code: declaredCode,
    },
  ],
  invalid: [
    {
      name: 'a method the handler passes the event to lets 1008 through: reported there, guarded there',
      env: 'dom',
      code: handedOff,
      errors: [
        {
          messageId: RULE,
          ...at(handedOff, 11, 'this.connect()'),
          suggestions: [
            {
              messageId: 'guardTerminal',
              output: handedOff.replace('    if (event.code === 1000) return;', '    if (event.code === 1008) return;\n    if (event.code === 1000) return;'),
            },
          ],
        },
      ],
    },
    {
      name: 'a bound method registered by reference: no guard offered (it is also called without an event)',
      env: 'dom',
      code: byReference,
      errors: [{ messageId: RULE, ...at(byReference, 4, "new WebSocket('wss://feed.example')"), suggestions: [] }],
    },
    {
      name: "plain JavaScript with require('ws'): the code is read but never compared",
      env: 'js',
      code: wsRequired,
      errors: [
        {
          messageId: RULE,
          ...at(wsRequired, 6, 'start(url)'),
          suggestions: [{ messageId: 'guardTerminal', output: wsRequired.replace("    console.log('closed'", "    if (code === 1008) return;\n    console.log('closed'") }],
        },
      ],
    },
    {
      name: 'ws not installed: the socket is followed from its construction (inferred)',
      env: 'uninstalled',
      code: untypedWs,
      errors: [{ messageId: RULE, ...at(untypedWs, 7, 'this.start(url)'), confidence: 'inferred' }],
    },
    {
      name: 'a new instance of a project class whose constructor connects',
      env: 'dom',
      code: viaConstructor,
      errors: [{ messageId: RULE, ...at(viaConstructor, 5, 'new Client(url)') }],
    },
    {
      name: 'a self-reconnecting socket whose handler opens another connection',
      env: 'uninstalled',
      code: selfReconnecting,
      errors: [{ messageId: RULE, ...at(selfReconnecting, 4, "new WebSocket('wss://b.example')") }],
    },
    {
      name: 'a handler that never reads the code (typed, browser)',
      env: 'dom',
      code: unguarded,
      errors: [
        {
          messageId: RULE,
          ...at(unguarded, 4, 'connect(url)'),
          data: { code: POLICY },
          confidence: 'typed',
          message: `This handler reconnects even after ${POLICY}, which means do not retry; return before reconnecting.`,
          suggestions: [
            {
              messageId: 'guardTerminal',
              output: lines(
                "export function connect(url: string): void {",
                '  const ws = new WebSocket(url);',
                '  ws.onclose = (event) => {',
                '    if (event.code === 1008) return;',
                '    setTimeout(() => connect(url), 1000);',
                '  };',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a guard that only skips 1000 lets 1008 through',
      env: 'dom',
      code: skipsNormal,
      errors: [
        {
          messageId: RULE,
          ...at(skipsNormal, 4, 'connect(url)'),
          suggestions: [
            {
              messageId: 'guardTerminal',
              output: lines(
                "export function connect(url: string): void {",
                '  const ws = new WebSocket(url);',
                "  ws.addEventListener('close', (event) => {",
                '    if (event.code === 1008) return;',
                '    if (event.code !== 1000) connect(url);',
                '  });',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "ws's (code) listener, through a method that hands a bound method to setTimeout",
      env: 'node',
      code: wsClient,
      errors: [{ messageId: RULE, ...at(wsClient, 9, 'this.scheduleReconnect()'), confidence: 'typed' }],
    },
    {
      name: "the suggestion uses the project's named constant",
      env: 'dom',
      code: namedConstants,
      errors: [
        {
          messageId: RULE,
          ...at(namedConstants, 7, 'connect(url)'),
          suggestions: [
            {
              messageId: 'guardTerminal',
              output: lines(
                'const CLOSE_NORMAL = 1000;',
                'const CLOSE_POLICY = 1008;',
                "export function connect(url: string): void {",
                '  const ws = new WebSocket(url);',
                '  ws.onclose = (e) => {',
                '    if (e.code === CLOSE_POLICY) return;',
                '    if (e.code === CLOSE_NORMAL) return;',
                '    connect(url);',
                '  };',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'plain JavaScript: through a helper that schedules the new connection',
      env: 'js',
      code: untypedJs,
      errors: [
        {
          messageId: RULE,
          ...at(untypedJs, 4, 'reconnectLater(url)'),
          suggestions: [
            {
              messageId: 'guardTerminal',
              output: lines(
                'function connect(url) {',
                '  const ws = new WebSocket(url);',
                '  ws.onclose = function (event) {',
                '    if (event.code === 1008) return;',
                '    reconnectLater(url);',
                '  };',
                '}',
                'function reconnectLater(url) {',
                '  setTimeout(() => connect(url), 2000);',
                '}',
                "connect('wss://example.test');",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a code the project config marks reconnect "no" gets through a 1008 guard',
      env: 'dom',
      config: withCodes([{ code: 4001, name: 'Banned', reconnect: 'no' }]),
      code: declaredCode,
      errors: [{ messageId: RULE, ...at(declaredCode, 5, 'connect(url)'), data: { code: '4001' } }],
    },
    {
      name: "an app profile's do-not-reconnect code (graphql-ws 4004) in a file that speaks graphql-ws",
      env: 'dom',
      config: (config) => ({ ...config, profiles: { 'graphql-ws': true } }),
      code: graphqlClient,
      errors: [{ messageId: RULE, ...at(graphqlClient, 6, 'connect(url, payload)'), data: { code: '4004' } }],
    },
  ],
});
