// NestJS gateways on the ws adapter: `handleConnection(client: any)` and `@ConnectedSocket() client`
// in a `@WebSocketGateway()` class get each client's ws socket. Look-alikes: a socket.io gateway (its
// clients are socket.io sockets), another method's parameter, a class without the decorator.
import { lines, ruleTester } from '../harness/rule-tester';

const DECORATORS = [
  'declare function WebSocketGateway(options?: unknown): ClassDecorator;',
  'declare function SubscribeMessage(event: string): MethodDecorator;',
  'declare function ConnectedSocket(): ParameterDecorator;',
];

const gateway = (speaks: string, decorator = '@WebSocketGateway()') =>
  lines(
    speaks,
    ...DECORATORS,
    decorator,
    'export class ChatGateway {',
    '  handleConnection(client: any, request: any) {',
    '    if (!request.headers.authorization) client.close(1006);',
    '  }',
    "  @SubscribeMessage('join')",
    '  onJoin(@ConnectedSocket() client: any, body: any) {',
    '    if (!body.room) client.close(1005);',
    '  }',
    '  kick(client: any) { client.close(1006); }',
    '}',
  );

ruleTester('reserved-code', {
  valid: [
    { name: 'a socket.io gateway: its clients are socket.io sockets', code: gateway("import type { Server } from 'socket.io';") },
    { name: 'a class without @WebSocketGateway()', code: gateway("import type { Server } from 'ws';", '') },
  ],
  invalid: [
    {
      name: "a gateway whose file speaks ws: handleConnection's client and the @ConnectedSocket() parameter (not another method's)",
      code: gateway("import type { Server } from 'ws';"),
      errors: [
        { messageId: 'reserved', line: 8, column: 54, confidence: 'inferred' },
        { messageId: 'reserved', line: 12, column: 34, confidence: 'inferred' },
      ],
    },
    {
      name: 'a gateway in a program that sets up the ws adapter (@nestjs/platform-ws)',
      // (A `require` keeps this snippet in a program of its own.)
      code: gateway("const { WsAdapter } = require('@nestjs/platform-ws');\nexport const adapter = (app: unknown) => new WsAdapter(app);"),
      errors: [
        { messageId: 'reserved', line: 9, column: 54, confidence: 'inferred' },
        { messageId: 'reserved', line: 13, column: 34, confidence: 'inferred' },
      ],
    },
  ],
});
