// reconnect-on-terminal-code on shapes of real client libraries (reduced by hand): a close handler
// kept in a field and registered from there, a handler that first checks which socket the event is
// from, a socket made by a factory the caller hands in, a handler bound with leading arguments,
// conditions named by a const, and listeners of the close a project transport passes on as its own event.
import { lines, ruleTester } from '../harness/rule-tester';

const EMITTER = [
  'type Listener = (...args: any[]) => void;',
  'class Emitter {',
  '  private listeners: Record<string, Listener[]> = {};',
  '  on(event: string, fn: Listener): void { (this.listeners[event] ??= []).push(fn); }',
  '  emit(event: string, ...args: unknown[]): void { for (const fn of this.listeners[event] ?? []) fn(...args); }',
  '}',
];

/** A project transport (on EMITTER) whose socket's listeners are `listeners`. */
const transport = (...listeners: string[]): string[] => [
  ...EMITTER,
  'export class Transport extends Emitter {',
  '  connect(url: string): void {',
  '    const ws = new WebSocket(url);',
  ...listeners.map((listener) => `    ${listener}`),
  '  }',
  '}',
];

ruleTester('reconnect-on-terminal-code', {
  valid: [
    {
      name: "a listener of an event the transport emits for messages, not for its socket's close",
      env: 'dom',
      code: lines(
        ...transport("ws.addEventListener('message', (m) => this.emit('data', m.data));", "ws.addEventListener('close', () => this.emit('gone'));"),
        'export function watch(t: Transport): void {',
        "  t.on('data', () => setTimeout(() => t.connect('wss://example.test'), 1000));",
        '}',
      ),
    },
    {
      name: 'the refusal codes named by a const first (`const terminal = event.code === 1008 || …`), then `if (!terminal)`',
      env: 'dom',
      code: lines(
        "export function connect(url: string): void {",
        '  const ws = new WebSocket(url);',
        "  ws.addEventListener('close', (event) => {",
        '    const terminal = event.code === 1008 || event.code === 4001;',
        '    if (!terminal) setTimeout(() => connect(url), 1000);',
        '  });',
        '}',
      ),
    },
    {
      name: 'a factory-made socket whose handler returns on the refusal code',
      env: 'dom',
      code: lines(
        'export function connect(options: { createSocket: (protocol: string) => WebSocket }): void {',
        "  const ws = options.createSocket('v1');",
        "  ws.addEventListener('close', (event) => {",
        '    if (event.code === 1008) return;',
        '    setTimeout(() => connect(options), 1000);',
        '  });',
        '}',
      ),
    },
    {
      name: 'a getter that returns the socket it holds starts nothing',
      env: 'dom',
      code: lines(
        'export class Client {',
        '  private ws = new WebSocket("wss://example.test");',
        '  getSocket(): WebSocket { return this.ws; }',
        '  watch(): void { this.ws.onclose = () => { this.getSocket(); }; }',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: "a listener of the close a project transport passes on (`this.emit('close', event)`), reconnecting after any code but 1000",
      env: 'dom',
      code: lines(
        ...transport("ws.addEventListener('close', (event) => this.emit('close', event));"),
        'export class Client {',
        '  private transport = new Transport();',
        '  start(): void {',
        "    this.transport.on('close', (event: CloseEvent) => {",
        '      if (event.code === 1000) return;',
        "      setTimeout(() => this.transport.connect('wss://example.test'), 1000);",
        '    });',
        '  }',
        '}',
      ),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 18, column: 24 }],
    },
    {
      name: "the code passed on as an event of its own name (`this.emit('disconnected', e.code, e.reason)`)",
      env: 'dom',
      code: lines(
        ...transport("ws.onclose = (e) => { this.emit('disconnected', e.code, e.reason); };"),
        'export function keepAlive(t: Transport): void {',
        "  t.on('disconnected', (code: number) => { if (code !== 1000) t.connect('wss://example.test'); });",
        '}',
      ),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 14, column: 63 }],
    },
    {
      name: 'a const that only leaves out 1001 (`const retry = enabled && event.code !== 1001`)',
      env: 'dom',
      code: lines(
        "export function connect(url: string, enabled: boolean): void {",
        '  const ws = new WebSocket(url);',
        "  ws.addEventListener('close', (event) => {",
        '    const retry = enabled && event.code !== 1001;',
        '    if (retry) setTimeout(() => connect(url, enabled), 1000);',
        '  });',
        '}',
      ),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 5, column: 33 }],
    },
    {
      name: 'a handler kept in a field (`this.closeFn = (e) => …`) and registered from there',
      env: 'dom',
      code: lines(
        'export class Client {',
        '  private ws?: WebSocket;',
        '  private closeFn?: (event: CloseEvent) => void;',
        '  connect(): void {',
        "    this.ws = new WebSocket('wss://example.test');",
        '    this.closeFn = () => { this.scheduleReconnect(); };',
        "    this.ws.addEventListener('close', this.closeFn);",
        '  }',
        '  scheduleReconnect(): void { setTimeout(() => this.connect(), 1000); }',
        '}',
      ),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 6, column: 28 }],
    },
    {
      name: 'a handler that first checks which socket the event came from (`event.target === current`): not a check of the code',
      env: 'dom',
      code: lines(
        'export class Client {',
        '  private ws?: WebSocket;',
        '  connect(): void {',
        "    const current = (this.ws = new WebSocket('wss://example.test'));",
        "    current.addEventListener('close', (event) => {",
        '      if (event.target === current && this.ws === current) this.scheduleReconnect();',
        '    });',
        '  }',
        '  scheduleReconnect(): void { setTimeout(() => this.connect(), 1000); }',
        '}',
      ),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 6, column: 60 }],
    },
    {
      name: 'a socket made by a factory the caller hands in (`options.createSocket(…)`), reconnecting through it',
      env: 'dom',
      code: lines(
        'export function connect(options: { createSocket: (protocol: string) => WebSocket }): void {',
        "  const ws = options.createSocket('v1');",
        "  ws.addEventListener('close', (event) => {",
        '    if (event.code === 1001) return;',
        '    setTimeout(() => connect(options), 1000);',
        '  });',
        '}',
      ),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 5, column: 22 }],
    },
    {
      name: 'a handler bound with a leading argument (`this.onClose.bind(this, ws)`): its second parameter is the event',
      env: 'dom',
      code: lines(
        'export class Client {',
        '  private ws?: WebSocket;',
        '  connect(): void {',
        "    const ws = (this.ws = new WebSocket('wss://example.test'));",
        '    ws.onclose = this.onClose.bind(this, ws);',
        '  }',
        '  onClose(target: WebSocket, event: CloseEvent): void {',
        '    if (this.ws !== target) return;',
        '    if (event.code === 1000) return;',
        '    setTimeout(() => this.connect(), 1000);',
        '  }',
        '}',
      ),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 10, column: 22 }],
    },
  ],
});
