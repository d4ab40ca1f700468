// reconnect-on-terminal-code on shapes of real client libraries (reduced by hand): a close handler
// kept in a field and registered from there, a handler that first checks which socket the event is
// from, a socket made by a factory the caller hands in, and a handler bound with leading arguments.
import { lines, ruleTester } from '../harness/rule-tester';

ruleTester('reconnect-on-terminal-code', {
  valid: [
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
