// reason-too-long through a wrapper that takes an error and closes with its message
// (`disconnect(error, code) { ws.close(code, error?.message) }`): the text is written by its callers,
// so the finding is at the call that hands over an unbounded error, not in the wrapper. Look-alikes:
// a caller that builds the error from a bounded text (a received close reason), a wrapper that
// makes the message itself, a filter that takes `unknown` and narrows it (judged in the filter).
import { lines, ruleTester } from '../harness/rule-tester';

const ERROR_TEXT = { source: "an error's message or stack" };

const socketClass = (...callers: string[]) =>
  lines(
    "import WebSocket from 'ws';",
    'export class Socket {',
    '  constructor(private readonly ws: WebSocket) {',
    "    ws.on('close', (code, reason) => this.disconnect(new Error(reason.toString()), code));",
    '  }',
    '  disconnect(e?: Error, code = 1000): void {',
    '    this.ws.close(code, e?.message);',
    '  }',
    '}',
    ...callers,
  );

ruleTester('reason-too-long', {
  valid: [
    {
      name: 'the only caller builds the error from a received close reason (at most 123 bytes)',
      code: socketClass(),
    },
    {
      name: 'a wrapper that writes the message itself is judged where it is written',
      code: lines(
        "import WebSocket from 'ws';",
        'export function fail(ws: WebSocket, e: Error): void {',
        "  ws.close(1011, e.message.length > 100 ? 'Internal error' : e.message);",
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'an error filter taking `unknown` and narrowing it: judged in the filter, not at its callers (their other errors never reach the close)',
      code: lines(
        "import WebSocket from 'ws';",
        'export class AppError extends Error { constructor(message: string, readonly code = 4000) { super(message); } }',
        'export function reject(issues: unknown): never { throw new AppError(JSON.stringify(issues)); }',
        'export function handleError(err: unknown, ws: WebSocket): void {',
        '  if (err instanceof AppError) ws.close(err.code, err.message);',
        '}',
        'export async function serve(ws: WebSocket, work: () => Promise<void>): Promise<void> {',
        '  try { await work(); } catch (err) { handleError(err, ws); }',
        '}',
      ),
      errors: [{ messageId: 'unbounded', line: 5, column: 51, data: ERROR_TEXT }],
    },
    {
      name: 'a middleware hands an arbitrary error to the wrapper: reported at that call, not in the wrapper',
      code: socketClass(
        'export function run(socket: Socket, middleware: (next: (error?: Error) => void) => void): void {',
        '  middleware((error) => { if (error instanceof Error) socket.disconnect(error, 1008); });',
        '}',
      ),
      errors: [{ messageId: 'unbounded', line: 11, column: 73, data: ERROR_TEXT }],
    },
    {
      name: 'a caught error handed to the wrapper',
      code: socketClass(
        'export async function serve(socket: Socket, work: () => Promise<void>): Promise<void> {',
        '  try { await work(); } catch (err) { socket.disconnect(err as Error, 1011); }',
        '}',
      ),
      errors: [{ messageId: 'unbounded', line: 11, column: 57, data: ERROR_TEXT }],
    },
  ],
});
