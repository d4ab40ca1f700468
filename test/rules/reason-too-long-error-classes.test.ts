// reason-too-long on the messages of the project's own error classes: `error.message` after
// `error instanceof AuthFailedError` is bounded when every construction of that class passes a
// short literal (or leaves out the message for a short literal default) and no class extends it.
// A construction with built text, a subclass, or a class that writes `this.message` keeps it unbounded.
import { lines, ruleTester } from '../harness/rule-tester';

/** Error classes as a gateway declares them: a base with a code, subclasses with literal defaults. */
const ERRORS = [
  'class GatewayError extends Error {',
  '  constructor(message: string, readonly code: number) { super(message); }',
  '}',
  "class AuthFailedError extends GatewayError { constructor(message = 'Authentication failed') { super(message, 4001); } }",
  "class RateLimitedError extends GatewayError { constructor(message = 'Rate limited') { super(message, 4005); } }",
  "class PayloadError extends GatewayError { constructor(message = 'Invalid payload') { super(message, 4004); } }",
];

/** A message handler that throws `throws` and closes with the caught error's message. */
const gateway = (...throws: string[]): string =>
  lines(
    "import type { WebSocket } from 'ws';",
    ...ERRORS,
    'export function onMessage(ws: WebSocket, raw: string): void {',
    '  try {',
    '    const message = JSON.parse(raw) as { op: number; token?: string };',
    ...throws.map((t) => `    ${t}`),
    '  } catch (error) {',
    '    if (error instanceof AuthFailedError) ws.close(error.code, error.message);',
    '    else if (error instanceof RateLimitedError) ws.close(error.code, error.message);',
    '    else if (error instanceof PayloadError) ws.close(error.code, error.message);',
    '  }',
    '}',
  );

ruleTester('reason-too-long', {
  valid: [
    {
      name: 'every construction passes a short literal, or none (the literal default)',
      code: gateway("if (!message.token) throw new AuthFailedError('Invalid token');", "if (message.op === 9) throw new AuthFailedError('Session invalid');", 'if (message.op > 99) throw new RateLimitedError();', "if (message.op < 0) throw new PayloadError('Bad op');"),
    },
  ],
  invalid: [
    {
      name: "a construction that puts the client's opcode into the message",
      code: gateway("if (!message.token) throw new AuthFailedError('Invalid token');", 'if (message.op < 0) throw new PayloadError(`Unknown opcode: ${message.op}`);'),
      errors: [{ messageId: 'unbounded', line: 16, column: 66, data: { source: "an error's message or stack" } }],
    },
    {
      name: 'the base class of several errors (instanceof GatewayError): its subclasses carry messages of their own',
      code: lines(
        "import type { WebSocket } from 'ws';",
        ...ERRORS,
        'export function fail(ws: WebSocket, error: unknown): void {',
        '  if (error instanceof GatewayError) ws.close(error.code, error.message);',
        '}',
      ),
      errors: [{ messageId: 'unbounded', line: 9, column: 59, data: { source: "an error's message or stack" } }],
    },
  ],
});
