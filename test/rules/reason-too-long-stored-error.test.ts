// reason-too-long: error text stored in the project's own objects and read back as the reason —
// an authorization result built as `{ code, reason }` from a caught error's message on one path,
// destructured where the socket is closed. Look-alikes: the same objects filled only with fixed
// text, a limited read, and a peer's real CloseEvent.
import { lines, ruleTester } from '../harness/rule-tester';

/** An authorizer whose failure path stores `failReason` as the close reason of its result. */
const authorizer = (failReason: string, closeReason = 'reason') =>
  lines(
    "import WebSocket from 'ws';",
    'interface CloseInfo { code: number; reason: string }',
    'interface Session { user: string | null; error: CloseInfo | null }',
    'const build = (user: string | null, error: CloseInfo | null): Session => ({ user, error });',
    'const buildWithError = (code: number, reason: string): Session => build(null, { code, reason });',
    'declare function verify(token: string): Promise<string>;',
    'class Auth {',
    '  async check(token: string): Promise<Session> {',
    '    try {',
    '      return build(await verify(token), null);',
    '    } catch (error) {',
    "      const message = error instanceof Error ? error.message : 'Unknown error';",
    `      return this.fail(message === 'expired' ? 4401 : 1011, ${failReason});`,
    '    }',
    '  }',
    '  private fail(code: number, reason: string): Session {',
    '    return buildWithError(code, reason);',
    '  }',
    '}',
    'export async function onOpen(ws: WebSocket, auth: Auth, token: string) {',
    '  const session = await auth.check(token);',
    '  if (session.error) {',
    '    const { code, reason } = session.error;',
    `    ws.close(code, ${closeReason});`,
    '  }',
    '}',
  );

/** uWebSockets.js, not installed: the socket's written type says what getUserData() returns. */
const uwsUserData = (storedReason: string) =>
  lines(
    "import { App, type WebSocket } from 'uWebSockets.js';",
    'interface CloseInfo { code: number; reason: string }',
    'class UserData {',
    '  constructor(public readonly room: string | null, public readonly error: CloseInfo | null) {}',
    '}',
    'declare function verify(cookie: string): Promise<string>;',
    'export async function authorize(cookie: string): Promise<UserData> {',
    '  try {',
    '    return new UserData(await verify(cookie), null);',
    '  } catch (error) {',
    `    return new UserData(null, { code: 1011, reason: ${storedReason} });`,
    '  }',
    '}',
    "App().ws('/*', {",
    '  open: (ws: WebSocket<UserData>) => {',
    '    const user = ws.getUserData();',
    '    if (user.error) {',
    '      const { code, reason } = user.error;',
    '      ws.end(code, reason);',
    '    }',
    '  },',
    '});',
  );

ruleTester('reason-too-long', {
  valid: [
    { name: 'the stored reason is fixed text on every path', code: authorizer("message === 'expired' ? 'Token expired' : 'Internal error'") },
    { name: 'the stored error text is limited before it is stored', code: authorizer('message.slice(0, 100)') },
    { name: 'the stored error text is limited where it is read', code: authorizer('message', 'reason.slice(0, 100)') },
    {
      name: "a received CloseEvent's reason is at most 123 bytes, whatever the project stores under that name",
      env: 'dom',
      code: lines(
        "const upstream = new WebSocket('wss://upstream.example.test');",
        "const client = new WebSocket('wss://client.example.test');",
        'declare const err: Error;',
        'const synthetic: Partial<CloseEvent> = { code: 4000, reason: err.message };',
        "upstream.addEventListener('close', (event) => client.close(4000, event.reason));",
      ),
    },
    { name: 'uWebSockets.js, not installed: user data whose stored reason is fixed text', env: 'uninstalled', code: uwsUserData("'Internal error'") },
  ],
  invalid: [
    {
      name: "uWebSockets.js, not installed: a caught error's message stored in the socket's user data",
      env: 'uninstalled',
      code: uwsUserData("error instanceof Error ? error.message : 'Unknown error'"),
      errors: [{ messageId: 'unbounded', line: 19, column: 20, data: { source: "an error's message or stack" } }],
    },
    {
      name: "a caught error's message, stored as the reason of an authorization result",
      code: authorizer('message'),
      errors: [{ messageId: 'unbounded', line: 24, column: 20, data: { source: "an error's message or stack" } }],
    },
    {
      name: 'the stored text read as a property',
      code: authorizer('`Authorization failed: ${message}`', 'session.error.reason'),
      errors: [{ messageId: 'unbounded', line: 24, column: 20, data: { source: "an error's message or stack" } }],
    },
  ],
});
