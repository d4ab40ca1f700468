// mismatched-code: 1000/1001 used to reject a client (seen in the reason or in the guarding
// condition), 1000 on failure paths, and reasons that contradict the code.
import { lines, ruleTester } from '../harness/rule-tester';

const WS = ["import WebSocket from 'ws';", 'declare const ws: WebSocket;'];
const SERVER = ["import { WebSocketServer } from 'ws';", 'const wss = new WebSocketServer({ port: 8080 });'];

/** Replace the first occurrence of `from` in `code`. */
const sub = (code: string, from: string, to: string): string => {
  if (!code.includes(from)) throw new Error(`not in code: ${from}`);
  return code.replace(from, to);
};

const codeLimiter = lines(
  ...SERVER,
  'declare const limiter: { isLimited(ip: string): boolean };',
  "wss.on('connection', (ws, req) => {",
  "  if (limiter.isLimited(req.socket.remoteAddress ?? '')) {",
  '    ws.close(1000);',
  '    return;',
  '  }',
  '});',
);
const codeToken = lines(
  ...SERVER,
  'declare function isValidToken(token: string | null): boolean;',
  "wss.on('connection', (ws, req) => {",
  "  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');",
  "  if (!isValidToken(token)) return ws.close(1000, 'Bye');",
  '});',
);
const codeCapacity = lines(...SERVER, 'const MAX_CLIENTS = 500;', "wss.on('connection', (ws) => {", '  if (wss.clients.size >= MAX_CLIENTS) ws.close(1001);', '});');
const codeRateReason = lines(...WS, "ws.close(1000, 'Rate limit exceeded');");
const codeAuthReason = lines(...WS, "ws.close(1000, 'Unauthorized');");
const codeBanReason = lines(...WS, "ws.close(1001, 'You are banned');");
const codeFullReason = lines(...WS, "ws.close(1000, 'Server is full');");
const codeInvalidReason = lines(...WS, "ws.close(1000, 'Invalid message');");
const codeBranch = lines(...WS, 'declare const expired: boolean;', "ws.close(expired ? 1000 : 4000, 'Token expired');");
const codeCatch = lines(
  ...SERVER,
  'declare const db: { loadSession(id: string): Promise<{ user: string }> };',
  "wss.on('connection', async (ws) => {",
  '  try {',
  "    await db.loadSession('abc');",
  '  } catch {',
  '    ws.close(1000);',
  '  }',
  '});',
);
const codePromiseCatch = lines(
  ...SERVER,
  'declare const db: { loadSession(id: string): Promise<{ user: string }> };',
  "wss.on('connection', (ws) => {",
  "  db.loadSession('abc').catch(() => ws.close(1000));",
  '});',
);
const codeUpstreamError = lines(
  "import WebSocket from 'ws';",
  'declare const client: WebSocket;',
  "const upstream = new WebSocket('wss://backend.internal/feed');",
  "upstream.on('error', () => client.close(1000));",
);
const codeHeartbeat = lines(
  "import WebSocket, { WebSocketServer } from 'ws';",
  'interface LiveSocket extends WebSocket { isAlive: boolean }',
  'const wss = new WebSocketServer({ port: 8080 });',
  'const heartbeat = setInterval(() => {',
  '  for (const ws of wss.clients as Set<LiveSocket>) {',
  '    if (ws.isAlive === false) return ws.close(1000);',
  '    ws.isAlive = false;',
  '    ws.ping();',
  '  }',
  '}, 30_000);',
);
const codeContradicts = lines(...WS, "ws.close(1009, 'Unauthorized');");
const codeBrowserHeartbeat = lines(
  "const socket = new WebSocket('wss://chat.example.com');",
  'let lastPong = Date.now();',
  "socket.addEventListener('message', (event) => { if (event.data === 'pong') lastPong = Date.now(); });",
  'setInterval(() => {',
  '  if (Date.now() - lastPong > 30_000) socket.close(1000);',
  "  else socket.send('ping');",
  '}, 5_000);',
);
const codeBrowserContradicts = lines("const socket = new WebSocket('wss://chat.example.com');", "export const giveUp = () => socket.close(3000, 'Heartbeat timeout');");

ruleTester('mismatched-code', {
  valid: [
    {
      name: 'a wrapper that always sends 1000, called with a goodbye reason',
      env: 'js',
      code: lines(
        "const WebSocket = require('ws');",
        'function Client(ws) { this.ws = ws; }',
        'Client.prototype.end = function (reason) { this.ws.close(1000, reason); };',
        'const wss = new WebSocket.Server({ port: 8080 });',
        "wss.on('connection', (ws) => { new Client(ws).end('Session finished'); });",
      ),
    },
    {
      name: 'a wrapper whose code depends on its caller is judged on the code the caller passes',
      env: 'js',
      code: lines(
        "const WebSocket = require('ws');",
        'function Client(ws) { this.ws = ws; }',
        'Client.prototype.end = function (code, reason) { this.ws.close(code, reason); };',
        'const wss = new WebSocket.Server({ port: 8080 });',
        "wss.on('connection', (ws) => { new Client(ws).end(1008, 'You are banned'); });",
      ),
    },
    {
      name: 'a named function a liveness timer runs, which is also called from elsewhere, may close on purpose',
      env: 'dom',
      code: lines(
        "const socket = new WebSocket('wss://example.test');",
        'let echoTimer: ReturnType<typeof setTimeout> | undefined;',
        "function disconnect() { socket.close(1000, 'Bye'); }",
        'function sendPing() { echoTimer = setTimeout(disconnect, WAIT_FOR_ECHO_MS); }',
        "document.getElementById('logout')?.addEventListener('click', disconnect);",
        'const WAIT_FOR_ECHO_MS = 5_000;',
        'sendPing();',
      ),
    },
    {
      name: 'a named function handed only to a session-lifetime timer closes on purpose',
      env: 'dom',
      code: lines(
        "const socket = new WebSocket('wss://example.test');",
        "function endSession() { socket.close(1000, 'Session over'); }",
        'setTimeout(endSession, SESSION_LIFETIME_MS);',
        'const SESSION_LIFETIME_MS = 3_600_000;',
      ),
    },
    {
      name: '1000 for normal ends, 1001 for a shutdown',
      code: lines(
        ...WS,
        "ws.close(1000, 'Goodbye');",
        "ws.close(1000, 'logout');",
        "ws.close(1000, 'done');",
        'ws.close(1000);',
        "ws.close(1001, 'Server shutting down');",
        "process.on('SIGTERM', () => ws.close(1001, 'Going away'));",
      ),
    },
    {
      name: 'a running session ended with the other generic code: 1000 for a shutdown, 1001 for a goodbye',
      code: lines(
        ...WS,
        "process.on('SIGTERM', () => ws.close(1000, 'Server shutting down'));",
        "ws.close(1001, 'Goodbye');",
        "ws.close(1001, 'done');",
      ),
    },
    {
      name: 'codes that fit: 1008 for auth, 1013 for overload, 1009 for size, 1012 for restarts',
      code: lines(
        ...WS,
        "ws.close(1008, 'Unauthorized');",
        "ws.close(1008, 'Rate limit exceeded');",
        "ws.close(1013, 'Server overloaded, try again later');",
        "ws.close(1009, 'Message too big');",
        "ws.close(1012, 'Server restarting');",
        "ws.close(1011, 'Failed to load session');",
        "ws.close(3000, 'Invalid token');",
      ),
    },
    {
      name: 'private and app-profile codes carry no meaning wsclose could contradict',
      code: lines(
        "import { CloseCode } from 'graphql-ws';",
        ...WS.slice(1),
        "ws.close(CloseCode.Forbidden, 'Forbidden');",
        "ws.close(4000, 'Rate limited');",
        "ws.close(4001, 'Kicked by moderator');",
      ),
    },
    {
      name: 'a code declared in the config',
      code: lines(...WS, "ws.close(4001, 'You are banned');"),
      config: (config) => ({ ...config, codes: [{ code: 4001, name: 'Kicked', description: 'A moderator removed the user.' }] }),
    },
    {
      name: 'conditions that do not reject the client',
      code: lines(
        ...WS,
        'declare const user: { loggedOut: boolean; isAuthenticated: boolean };',
        'declare const room: { isEmpty(): boolean };',
        'declare const token: string | undefined;',
        'declare const rateLimiter: { consume(id: string): boolean };',
        'if (user.loggedOut) ws.close(1000);',
        "if (room.isEmpty()) ws.close(1000, 'Room closed');",
        "if (user.isAuthenticated) ws.close(1000, 'Session complete');",
        "if (token) ws.close(1000, 'Logged out');",
        "if (rateLimiter.consume('client-1')) ws.close(1000, 'Done');",
      ),
    },
    {
      name: 'reasons that mix a normal end with a rejection, or use only generic words',
      code: lines(
        ...WS,
        "ws.close(1000, 'Token refreshed, please reconnect');",
        "ws.close(1000, 'Logged out: token revoked');",
        "ws.close(1002, 'Invalid frame');",
        "ws.close(1009, 'Invalid size');",
        "ws.close(1008, 'Unsupported protocol version');",
        "ws.close(1011, 'Database unavailable');",
        "ws.close(1011, 'invalid_event');",
      ),
    },
    {
      name: 'finally after success, then() and a normal close after the try',
      code: lines(
        ...SERVER,
        'declare const job: { run(): Promise<void> };',
        "wss.on('connection', async (ws) => {",
        '  try {',
        '    await job.run();',
        '  } finally {',
        "    ws.close(1000, 'Job finished');",
        '  }',
        "  job.run().then(() => ws.close(1000));",
        '});',
      ),
    },
    {
      name: "a socket's own 'error' listener: the socket is already closing, the code is never sent",
      code: lines(...SERVER, "wss.on('connection', (ws) => {", "  ws.on('error', (err) => {", '    console.error(err);', '    ws.close(1000);', '  });', '});'),
    },
    {
      name: 'a catch that closes with 1011, a heartbeat that terminates',
      code: lines(
        "import WebSocket, { WebSocketServer } from 'ws';",
        'interface LiveSocket extends WebSocket { isAlive: boolean }',
        'const wss = new WebSocketServer({ port: 8080 });',
        'setInterval(() => {',
        '  for (const ws of wss.clients as Set<LiveSocket>) {',
        '    if (ws.isAlive === false) { ws.terminate(); continue; }',
        '    ws.isAlive = false;',
        '    ws.ping();',
        '  }',
        '}, 30_000);',
        "wss.on('connection', (ws) => { try { JSON.parse('{'); } catch { ws.close(1011); } });",
      ),
    },
    { name: 'a code that is only one of several possible values is not judged', code: codeBranch },
    {
      name: 'a client that gives up after the server refused it is not rejecting anyone',
      env: 'dom',
      code: lines(
        'declare const limiter: { isLimited(): boolean };',
        "const sock = new WebSocket('wss://chat.example.com');",
        "sock.addEventListener('message', (event) => {",
        "  if (event.data === 'unauthorized') sock.close(1000, 'Unauthorized');",
        '});',
        "export function send(text: string) { if (limiter.isLimited()) sock.close(1000, 'Rate limited'); else sock.send(text); }",
      ),
    },
    {
      name: 'a Node client built with new WebSocket() (ws) is a client too',
      code: lines(
        "import WebSocket from 'ws';",
        "const ws = new WebSocket('wss://api.example.com/stream');",
        "ws.on('message', (data) => {",
        "  if (String(data) === 'invalid token') ws.close(1000, 'Invalid token');",
        '});',
      ),
    },
    {
      name: 'a browser client that logs out',
      env: 'dom',
      code: lines("const sock = new WebSocket('wss://chat.example.com');", "function logout() { sock.close(1000, 'User logged out'); }"),
    },
    {
      name: '1008 is the generic policy code: any rule a server enforces fits it, a handshake deadline included',
      code: lines(
        ...WS,
        "ws.close(1008, 'attach-handshake-timeout');",
        "ws.close(1008, 'Idle timeout');",
        "ws.close(1008, 'Message too big');",
        "ws.close(1008, 'Server busy');",
        "ws.close(1008, 'Binary messages are not supported');",
      ),
    },
    {
      name: 'what the code does: 1000 after a logout, for a closed room, a shutdown, a client that leaves, a replaced session',
      code: lines(
        ...SERVER,
        'declare const rooms: Map<string, { members: Set<unknown>; closed: boolean }>;',
        'declare const sessions: Map<string, Array<{ close(code: number): void }>>;',
        "wss.on('connection', (ws, req) => {",
        "  const room = rooms.get(req.url ?? '/');",
        '  const mine = sessions.get(req.url ?? "") ?? [];',
        '  if (mine.length > 1) ws.close(1000);',
        '  if (room && room.members.size > 0 && room.closed) ws.close(1000);',
        '  if (room && room.members.size === 0) ws.close(1000);',
        '  ws.on("message", (data) => {',
        "    const { type } = JSON.parse(String(data)) as { type: string };",
        "    if (type === 'logout') ws.close(1000, 'Logged out');",
        "    else if (type === 'leave') ws.close(1000);",
        '  });',
        "  process.on('SIGTERM', () => ws.close(1001));",
        '});',
      ),
    },
    {
      name: 'allow-list and population checks that pass, and a client counting its own retries',
      code: lines(
        ...SERVER,
        'declare const allowedOrigins: string[];',
        'declare const MAX_CLIENTS: number;',
        "wss.on('connection', (ws, req) => {",
        "  if (allowedOrigins.includes(req.headers.origin ?? '')) ws.send('welcome');",
        '  if (wss.clients.size < MAX_CLIENTS) ws.send("room left");',
        "  if (req.headers.origin) ws.close(1000, 'Done');",
        '});',
        "import WebSocket from 'ws';",
        "const client = new WebSocket('wss://api.example.com');",
        'declare const players: string[];',
        "client.on('message', () => { if (players.length > 10) client.close(1000); });",
      ),
    },
    {
      name: 'a scheduled disconnect or session lifetime in a plain timer is deliberate, not a timeout failure',
      code: lines(
        ...SERVER,
        'const SESSION_LIFETIME_MS = 3_600_000;',
        'declare const pingInterval: ReturnType<typeof setInterval>;',
        "wss.on('connection', (ws) => {",
        '  const disconnectTimeout = setTimeout(() => ws.close(1000), SESSION_LIFETIME_MS);',
        '  const sessionTimeout = setTimeout(() => {',
        '    clearInterval(pingInterval);',
        "    ws.close(1000, 'Session over');",
        '  }, SESSION_LIFETIME_MS);',
        "  ws.on('close', () => { clearTimeout(disconnectTimeout); clearTimeout(sessionTimeout); });",
        '});',
      ),
    },
    {
      name: 'specific codes whose meaning fits the branch: 1009 for an oversized message, 3000 for a token check, 1003 for an invalid message, 1008 for an origin',
      code: lines(
        ...SERVER,
        'const MAX_BYTES = 64 * 1024;',
        'declare function isValidToken(token: string): boolean;',
        'declare const allowedOrigins: string[];',
        "wss.on('connection', (ws, req) => {",
        "  if (!allowedOrigins.includes(req.headers.origin ?? '')) return ws.close(1008);",
        "  if (!isValidToken(req.headers.authorization ?? '')) return ws.close(3000);",
        "  ws.on('message', (data: Buffer) => {",
        '    if (data.length > MAX_BYTES) return ws.close(1009);',
        '    if (!isValidMessage(data)) return ws.close(1003);',
        '    try {',
        '      JSON.parse(data.toString());',
        '    } catch {',
        "      ws.close(1007, 'Failed to decode');",
        '    }',
        '  });',
        '});',
        'declare function isValidMessage(data: Buffer): boolean;',
      ),
    },
    {
      name: 'a catch around a token check closing with 3000, a catch closing with 1011 or 1013, a failure reason with 1008',
      code: lines(
        ...WS,
        'declare function verifyToken(token: string): Promise<void>;',
        'declare function loadRoom(): Promise<void>;',
        'async function start(token: string) {',
        "  try { await verifyToken(token); } catch { ws.close(3000, 'Verification failed'); }",
        "  try { await loadRoom(); } catch { ws.close(1011, 'Failed to load'); }",
        "  try { await loadRoom(); } catch { ws.close(1013, 'Failed, try later'); }",
        "  try { await loadRoom(); } catch { ws.close(1008, 'Request failed'); }",
        '}',
      ),
    },
    {
      name: 'timeouts closed with codes that fit: 3008 and 1001 in a heartbeat, 1014 when the upstream stopped answering, 3008 for an auth deadline',
      code: lines(
        ...WS,
        'declare const upstream: WebSocket;',
        'declare let authenticated: boolean;',
        'let isAlive = true;',
        "setInterval(() => { if (!isAlive) ws.close(3008, 'No pong'); isAlive = false; ws.ping(); }, 30_000);",
        'const upstreamPingTimer = setInterval(() => { if (!isAlive) ws.close(1014); upstream.ping(); }, 30_000);',
        'setTimeout(() => { if (!authenticated) ws.close(3008); }, 5_000);',
        'function onHeartbeatTimeout() { ws.close(1001); }',
        'function onAuthTimeout() { ws.close(3000); }',
        'function handleTimeoutSettings() { ws.close(1012); }',
        'function resetTimeout() { ws.close(1012); }',
      ),
    },
    {
      name: "a client's own timeout is not judged as a rejection; codes the app declares are not judged",
      env: 'dom',
      code: lines(
        "const socket = new WebSocket('wss://example.com');",
        "declare const allowedOrigins: string[];",
        "if (!allowedOrigins.includes(location.origin)) socket.close(3003);",
      ),
    },
    {
      name: 'a browser client leaving a decommissioned service with 1000, the only code it has for it',
      env: 'dom',
      code: lines("const socket = new WebSocket('wss://example.com');", "export function leave() { socket.close(1000, 'Service decommissioned'); }"),
    },
  ],
  invalid: [
    {
      name: 'if (limiter.isLimited(ip)) → close(1000)',
      code: codeLimiter,
      output: null,
      errors: [
        {
          messageId: 'rejectWithNormal',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 18,
          data: { code: 1000, name: 'Normal Closure', situation: 'rate limiting', alternatives: '1008 or 1013' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeLimiter, 'ws.close(1000)', 'ws.close(1008)') },
            { messageId: 'replaceCode', output: sub(codeLimiter, 'ws.close(1000)', 'ws.close(1013)') },
          ],
        },
      ],
    },
    {
      name: "if (!isValidToken(token)) → close(1000, 'Bye')",
      code: codeToken,
      errors: [
        {
          messageId: 'rejectWithNormal',
          line: 6,
          column: 45,
          data: { situation: 'an authentication failure', alternatives: '1008 or 3000' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeToken, 'ws.close(1000,', 'ws.close(1008,') },
            { messageId: 'replaceCode', output: sub(codeToken, 'ws.close(1000,', 'ws.close(3000,') },
          ],
        },
      ],
    },
    {
      name: 'if (wss.clients.size >= MAX_CLIENTS) → close(1001)',
      code: codeCapacity,
      errors: [
        {
          messageId: 'rejectWithNormal',
          line: 5,
          column: 49,
          data: { code: 1001, name: 'Going Away', situation: 'a capacity limit', alternatives: '1013 or 1008' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeCapacity, 'close(1001)', 'close(1013)') },
            { messageId: 'replaceCode', output: sub(codeCapacity, 'close(1001)', 'close(1008)') },
          ],
        },
      ],
    },
    {
      name: "close(1000, 'Rate limit exceeded')",
      code: codeRateReason,
      errors: [
        {
          messageId: 'rejectWithNormal',
          line: 3,
          column: 10,
          endColumn: 14,
          data: { situation: 'rate limiting' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeRateReason, '1000', '1008') },
            { messageId: 'replaceCode', output: sub(codeRateReason, '1000', '1013') },
          ],
        },
      ],
    },
    {
      name: "close(1000, 'Unauthorized')",
      code: codeAuthReason,
      errors: [
        {
          messageId: 'rejectWithNormal',
          line: 3,
          column: 10,
          data: { situation: 'an authentication failure' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeAuthReason, '1000', '1008') },
            { messageId: 'replaceCode', output: sub(codeAuthReason, '1000', '3000') },
          ],
        },
      ],
    },
    {
      name: "close(1001, 'You are banned')",
      code: codeBanReason,
      errors: [
        {
          messageId: 'rejectWithNormal',
          line: 3,
          column: 10,
          data: { code: 1001, situation: 'a refused permission', alternatives: '1008 or 3003' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeBanReason, '1001', '1008') },
            { messageId: 'replaceCode', output: sub(codeBanReason, '1001', '3003') },
          ],
        },
      ],
    },
    {
      name: "close(1000, 'Server is full')",
      code: codeFullReason,
      errors: [{ messageId: 'rejectWithNormal', line: 3, column: 10, data: { situation: 'a capacity limit', alternatives: '1013 or 1008' } }],
    },
    {
      name: "close(1000, 'Invalid message')",
      code: codeInvalidReason,
      errors: [
        {
          messageId: 'rejectWithNormal',
          line: 3,
          column: 10,
          data: { situation: 'an invalid message', alternatives: '1008' },
          suggestions: [{ messageId: 'replaceCode', output: sub(codeInvalidReason, '1000', '1008') }],
        },
      ],
    },
    {
      name: '1000 in a catch block',
      code: codeCatch,
      errors: [
        {
          messageId: 'failureWithNormal',
          line: 8,
          column: 14,
          data: { code: 1000, failure: 'an error handler (catch)', alternatives: '1011' },
          suggestions: [{ messageId: 'replaceCode', output: sub(codeCatch, 'ws.close(1000)', 'ws.close(1011)') }],
        },
      ],
    },
    {
      name: '1000 in a .catch() callback',
      code: codePromiseCatch,
      errors: [
        {
          messageId: 'failureWithNormal',
          line: 5,
          column: 46,
          data: { failure: 'an error handler (catch)' },
          suggestions: [{ messageId: 'replaceCode', output: sub(codePromiseCatch, 'ws.close(1000)', 'ws.close(1011)') }],
        },
      ],
    },
    {
      name: "1000 in another socket's 'error' listener (a proxy whose upstream failed)",
      code: codeUpstreamError,
      errors: [
        {
          messageId: 'failureWithNormal',
          line: 4,
          column: 41,
          data: { failure: "an 'error' listener", alternatives: '1011' },
          suggestions: [{ messageId: 'replaceCode', output: sub(codeUpstreamError, 'client.close(1000)', 'client.close(1011)') }],
        },
      ],
    },
    {
      name: 'a heartbeat interval that closes dead sockets with 1000',
      code: codeHeartbeat,
      errors: [
        {
          messageId: 'failureWithNormal',
          line: 6,
          column: 47,
          data: { failure: 'a timer callback', alternatives: '3008 or 1001' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeHeartbeat, 'ws.close(1000)', 'ws.close(3008)') },
            { messageId: 'replaceCode', output: sub(codeHeartbeat, 'ws.close(1000)', 'ws.close(1001)') },
          ],
        },
      ],
    },
    {
      name: 'a ping timer that closes with 1000: its name and its delay speak of pings',
      code: lines(
        ...SERVER,
        'const PONG_TIMEOUT_MS = 10_000;',
        "wss.on('connection', (ws) => {",
        '  let pingTimeout: ReturnType<typeof setTimeout>;',
        '  const expect = () => { pingTimeout = setTimeout(() => ws.close(1000), 30_000); };',
        '  setTimeout(() => ws.close(1000), PONG_TIMEOUT_MS);',
        "  ws.on('pong', () => { clearTimeout(pingTimeout); expect(); });",
        '});',
      ),
      errors: [
        { messageId: 'failureWithNormal', line: 6, column: 66, data: { failure: 'a timer callback' } },
        { messageId: 'failureWithNormal', line: 7, column: 29, data: { failure: 'a timer callback' } },
      ],
    },
    {
      name: 'capacity checks that count clients, players or connections per IP',
      code: lines(
        ...SERVER,
        'declare const room: { players: string[] };',
        'declare const max: number;',
        'const connectionsByIp: Record<string, number> = {};',
        'const connectionsPerIp = new Map<string, number>();',
        "wss.on('connection', (ws, req) => {",
        "  const ip = req.socket.remoteAddress ?? '';",
        '  if (room.players.length > max) return ws.close(1000);',
        '  if (connectionsByIp[ip]! > 3) return ws.close(1000);',
        '  if ((connectionsPerIp.get(ip) ?? 0) >= 5) return ws.close(1001);',
        '});',
      ),
      errors: [
        { messageId: 'rejectWithNormal', line: 9, column: 50, data: { situation: 'a capacity limit' } },
        { messageId: 'rejectWithNormal', line: 10, column: 49, data: { situation: 'a capacity limit' } },
        { messageId: 'rejectWithNormal', line: 11, column: 61, data: { situation: 'a capacity limit' } },
      ],
    },
    {
      name: 'ban lists, allow lists, origin checks, bots and an admin kick',
      code: lines(
        ...SERVER,
        'declare const banned: Set<string>;',
        'declare const blacklist: string[];',
        'declare const allowedOrigins: string[];',
        'declare function isBot(userAgent: string | undefined): boolean;',
        'declare function isBanned(ip: string): boolean;',
        "wss.on('connection', (ws, req) => {",
        "  const ip = req.socket.remoteAddress ?? '';",
        '  if (banned.has(ip)) return ws.close(1000);',
        '  if (isBanned(ip)) return ws.close(1000);',
        '  if (blacklist.includes(ip)) return ws.close(1000);',
        "  if (!allowedOrigins.includes(req.headers.origin ?? '')) return ws.close(1000);",
        "  if (allowedOrigins.indexOf(req.headers.origin ?? '') === -1) return ws.close(1000);",
        "  if (isBot(req.headers['user-agent'])) return ws.close(1000);",
        '  ws.on("message", (data) => {',
        "    const message = JSON.parse(String(data)) as { type: string };",
        '    switch (message.type) {',
        "      case 'kick':",
        '        ws.close(1000);',
        '        break;',
        '    }',
        '  });',
        '});',
      ),
      errors: [
        { messageId: 'rejectWithNormal', line: 10, column: 39, data: { situation: 'a refused permission' } },
        { messageId: 'rejectWithNormal', line: 11, column: 37, data: { situation: 'a refused permission' } },
        { messageId: 'rejectWithNormal', line: 12, column: 47, data: { situation: 'a refused permission' } },
        { messageId: 'rejectWithNormal', line: 13, column: 75, data: { situation: 'a refused permission' } },
        { messageId: 'rejectWithNormal', line: 14, column: 80, data: { situation: 'a refused permission' } },
        { messageId: 'rejectWithNormal', line: 15, column: 57, data: { situation: 'a policy violation' } },
        { messageId: 'rejectWithNormal', line: 20, column: 18, data: { situation: 'a refused permission' } },
      ],
    },
    {
      name: 'untyped JavaScript server: a full room and a per-IP limit',
      env: 'js',
      code: lines(
        "const { WebSocketServer } = require('ws');",
        'const wss = new WebSocketServer({ port: 8080 });',
        'const MAX_PLAYERS = 8;',
        'const players = [];',
        'const counts = {};',
        "wss.on('connection', (ws, req) => {",
        '  if (players.length >= MAX_PLAYERS) { ws.close(1000, "bye"); return; }',
        '  const ip = req.socket.remoteAddress;',
        '  counts[ip] = (counts[ip] || 0) + 1;',
        '  const full = players.length === MAX_PLAYERS - 1;',
        '  if (full) ws.close(1001);',
        '});',
      ),
      errors: [
        { messageId: 'rejectWithNormal', line: 7, column: 49, data: { situation: 'a capacity limit' } },
        { messageId: 'rejectWithNormal', line: 11, column: 22, data: { situation: 'a capacity limit' } },
      ],
    },
    {
      name: 'a client whose ping timer expires closes with 1000',
      code: lines(
        "import WebSocket from 'ws';",
        'const PING_TIMEOUT = 30_000;',
        "const ws = new WebSocket('wss://api.example.com/stream');",
        'let timer: ReturnType<typeof setTimeout> | undefined;',
        "ws.on('ping', () => {",
        '  clearTimeout(timer);',
        '  timer = setTimeout(() => ws.close(1000), PING_TIMEOUT);',
        '});',
      ),
      errors: [{ messageId: 'failureWithNormal', line: 7, column: 37, data: { failure: 'a timer callback', alternatives: '3008 or 1001' } }],
    },
    {
      name: '1009 (Message Too Big) to refuse an origin: the branch is a policy rejection',
      code: lines(
        ...SERVER,
        "const EXPECTED_ORIGIN = 'https://app.example.com';",
        "wss.on('connection', (ws, req) => {",
        '  const origin = req.headers.origin;',
        "  if (origin === undefined || !origin.startsWith('https')) return ws.close(1009, 'Insecure');",
        "  if (origin !== EXPECTED_ORIGIN) return ws.close(1009, 'Bad origin');",
        '});',
      ),
      errors: [
        { messageId: 'rejectWithCode', line: 6, column: 76, data: { code: 1009, situation: 'a refused permission', alternatives: '1008 or 3003' } },
        { messageId: 'rejectWithCode', line: 7, column: 51, data: { code: 1009, situation: 'a refused permission', alternatives: '1008 or 3003' } },
      ],
    },
    {
      name: '1014 (Bad Gateway) when no echo came back in time: a timeout',
      code: lines(
        ...WS,
        'declare const waitForEchoMs: number;',
        'export function sendWithEcho(id: number, text: string) {',
        '  ws.send(JSON.stringify({ id, text }));',
        '  return setTimeout(() => {',
        "    ws.close(1014, 'No echo heard');",
        '  }, waitForEchoMs);',
        '}',
      ),
      errors: [{ messageId: 'failureWithCode', line: 7, column: 14, data: { code: 1014, failure: 'a timer callback', situation: 'a timeout' } }],
    },
    {
      name: '3000 (Unauthorized) in a handler for a handshake timeout',
      code: lines(
        ...WS,
        'const WELCOME_TIMEOUT = 3000;',
        'class Connection {',
        '  handleWelcomeTimeout() {',
        "    const reason = 'No welcome after three attempts';",
        '    ws.close(WELCOME_TIMEOUT, reason);',
        '  }',
        '}',
      ),
      errors: [{ messageId: 'functionWithCode', line: 7, column: 14, data: { code: 3000, function: 'handleWelcomeTimeout', situation: 'a timeout' } }],
    },
    {
      name: '3003 (Forbidden) for a failed send in a catch, the reason says it failed',
      code: lines(
        ...WS,
        'const SEND_FAILED = 3003;',
        'export function sendOrClose(data: string) {',
        '  try {',
        '    ws.send(data);',
        '  } catch {',
        "    ws.close(SEND_FAILED, 'Failed to send message');",
        '  }',
        '}',
      ),
      errors: [{ messageId: 'failureWithCode', line: 8, column: 14, data: { code: 3003, failure: 'an error handler (catch)', situation: 'an internal error' } }],
    },
    {
      name: 'a wrapper given { code, reason }: the reason variable is read, not the widened property',
      env: 'js',
      code: lines(
        'const SEND_FAILED = 3003;',
        'class Conn {',
        '  constructor(url) { this.ws = new WebSocket(url); }',
        '  close({ code, reason }) { this.ws.close(code, reason); }',
        '  send(data) {',
        '    try {',
        '      this.ws.send(data);',
        '    } catch (error) {',
        "      const reason = 'Failed to send message';",
        '      this.close({ code: SEND_FAILED, reason });',
        '    }',
        '  }',
        '}',
      ),
      errors: [{ messageId: 'failureWithCode', line: 10, column: 26, data: { code: 3003, failure: 'an error handler (catch)', situation: 'an internal error' } }],
    },
    {
      name: 'a wrapper that always sends 1000, called with a rejection reason: reported at the call',
      env: 'js',
      code: lines(
        "const WebSocket = require('ws');",
        'function Client(ws) { this.ws = ws; }',
        'Client.prototype.kick = function (reason) { this.ws.close(1000, reason); };',
        'const wss = new WebSocket.Server({ port: 8080 });',
        "wss.on('connection', (ws) => {",
        '  const client = new Client(ws);',
        "  client.kick('You are banned from this server');",
        '});',
      ),
      errors: [{ messageId: 'rejectWithNormal', line: 7, column: 10, data: { code: 1000, situation: 'a refused permission' } }],
    },
    {
      name: 'a decommissioned service closing with 1000: the server goes away for good',
      code: lines(...SERVER, "wss.on('connection', (ws) => ws.close(1000, 'Service decommissioned'));"),
      errors: [{ messageId: 'contradictsReason', line: 3, column: 39, data: { code: 1000, situation: 'a shutdown' } }],
    },
    {
      name: "close(1009, 'Unauthorized'): the reason contradicts the code",
      code: codeContradicts,
      errors: [
        {
          messageId: 'contradictsReason',
          line: 3,
          column: 10,
          data: { code: 1009, name: 'Message Too Big', situation: 'an authentication failure', alternatives: '1008 or 3000' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeContradicts, '1009', '1008') },
            { messageId: 'replaceCode', output: sub(codeContradicts, '1009', '3000') },
          ],
        },
      ],
    },
    {
      name: 'a named function that only an echo timer runs, and one only an inactivity timer runs, close with 1000',
      env: 'dom',
      code: lines(
        "const socket = new WebSocket('wss://example.test');",
        'const echoTimers: Record<number, { timeoutID: number }> = {};',
        'const timeToWaitForEchoMillis = 5_000;',
        'function renewConnection(id: number) { delete echoTimers[id]; socket.close(1000); }',
        'function onInactivityTimeout() { socket.close(1000); }',
        'function send(id: number) { echoTimers[id] = { timeoutID: window.setTimeout(() => renewConnection(id), timeToWaitForEchoMillis) }; }',
        'window.setTimeout(onInactivityTimeout, 30_000 + timeToWaitForEchoMillis);',
        'send(1);',
      ),
      errors: [
        { messageId: 'failureWithNormal', line: 4, column: 76, data: { failure: 'a timer callback' } },
        { messageId: 'failureWithNormal', line: 5, column: 47, data: { failure: 'a timer callback' } },
      ],
    },
    {
      name: 'a browser heartbeat: the suggestions are codes a browser may send',
      env: 'dom',
      code: codeBrowserHeartbeat,
      errors: [
        {
          messageId: 'failureWithNormal',
          line: 5,
          column: 52,
          data: { failure: 'a timer callback', alternatives: '3008 or 4408' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeBrowserHeartbeat, 'close(1000)', 'close(3008)') },
            { messageId: 'replaceCode', output: sub(codeBrowserHeartbeat, 'close(1000)', 'close(4408)') },
          ],
        },
      ],
    },
    {
      name: 'a browser socket whose reason contradicts 3000 (Unauthorized)',
      env: 'dom',
      code: codeBrowserContradicts,
      errors: [
        {
          messageId: 'contradictsReason',
          line: 2,
          column: 42,
          data: { code: 3000, name: 'Unauthorized', situation: 'a timeout', alternatives: '3008 or 4408' },
          suggestions: [
            { messageId: 'replaceCode', output: sub(codeBrowserContradicts, '3000', '3008') },
            { messageId: 'replaceCode', output: sub(codeBrowserContradicts, '3000', '4408') },
          ],
        },
      ],
    },
  ],
});
