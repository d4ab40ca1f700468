// Chat server: HTTP upgrade with origin check, token auth, per-IP and per-user rate limits,
// ping/pong heartbeat, room chat with moderation, and graceful shutdown on SIGTERM.
import { createServer } from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';
import { AuditLog } from './audit-log';
import { tokenFromRequest, verifyToken, type Session } from './auth';
import { CloseCode, PROTOCOL_VERSION, containsBlockedWords, parseClientMessage } from './protocol';
import { RateLimiter } from './rate-limit';
import { bridgeToBot } from './relay';
import { RoomRegistry } from './rooms';

const SECRET = process.env.CHAT_SECRET ?? 'dev-secret';
const ALLOWED_ORIGINS = new Set((process.env.CHAT_ORIGINS ?? 'http://localhost:5173').split(','));
const IDLE_MS = 10 * 60_000;

const audit = new AuditLog(process.env.AUDIT_LOG ?? 'audit.jsonl');
const rooms = new RoomRegistry(audit);
const limiter = new RateLimiter(20, 60_000); // new connections per IP per minute
const messageLimiter = new RateLimiter(30, 10_000); // messages per user per 10 s
const sessions = new Map<string, WebSocket>(); // userId → current socket
const alive = new WeakMap<WebSocket, boolean>();

const httpServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('chat server\n');
});
const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });

httpServer.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin ?? '')) {
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

wss.on('connection', (ws, req) => {
  const ip = req.socket.remoteAddress ?? 'unknown';
  if (limiter.isLimited(ip)) {
    // planted: mismatched-code
    ws.close(1000, 'Rate limit exceeded');
    return;
  }
  const token = tokenFromRequest(req);
  if (!token) {
    // planted: invalid-code
    ws.close(401, 'Authentication required');
    return;
  }
  const session = verifyToken(token, SECRET);
  if (!session) {
    ws.close(1008, 'Invalid token');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (Number(url.searchParams.get('v')) < PROTOCOL_VERSION) {
    ws.close(CloseCode.ClientOutdated, 'Client version too old');
    return;
  }
  const roomName = url.pathname.replace(/^\/rooms\//, '') || 'lobby';
  if (!rooms.join(roomName, ws, session)) return;

  // planted: unregistered-code
  sessions.get(session.userId)?.close(3001, 'Session replaced');
  sessions.set(session.userId, ws);
  if (roomName.startsWith('bot-')) bridgeToBot(ws, process.env.BOT_URL ?? 'ws://localhost:9000', audit);

  alive.set(ws, true);
  ws.on('pong', () => alive.set(ws, true));
  let idleTimer = setTimeout(() => ws.close(3008, 'Idle timeout'), IDLE_MS);
  const expiryTimer = setTimeout(() => ws.close(3000, 'Session expired'), session.expiresAt - Date.now());

  ws.on('message', (data, isBinary) => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => ws.close(3008, 'Idle timeout'), IDLE_MS);
    if (isBinary) {
      ws.close(1003, 'Text frames only');
      return;
    }
    try {
      handleMessage(ws, session, roomName, data.toString());
    } catch (err) {
      audit.write('handler-error', { user: session.userId, error: err instanceof Error ? err.name : 'unknown' });
      ws.close(1011, 'Internal error');
    }
  });
  ws.on('error', () => ws.terminate());
  ws.on('close', (code) => {
    clearTimeout(idleTimer);
    clearTimeout(expiryTimer);
    if (sessions.get(session.userId) === ws) sessions.delete(session.userId);
    rooms.leave(roomName, ws);
    audit.write('disconnect', { user: session.userId, code });
  });
});

function handleMessage(ws: WebSocket, session: Session, roomName: string, raw: string): void {
  if (messageLimiter.isLimited(session.userId)) {
    ws.close(1008, 'Too many messages');
    return;
  }
  const msg = parseClientMessage(raw);
  if (!msg) {
    ws.close(1008, 'Invalid message');
    return;
  }
  switch (msg.type) {
    case 'ping':
      return ws.send(JSON.stringify({ type: 'pong' }));
    case 'say':
      if (containsBlockedWords(msg.text)) {
        audit.write('blocked-message', { user: session.userId, room: roomName });
        // planted: reason-too-long
        ws.close(1008, 'Your message was removed by our moderation system because it violates the community guidelines. Repeated violations lead to a permanent ban — see chat.example.com/rules');
        return;
      }
      rooms.broadcast(roomName, { type: 'message', from: session.name, text: msg.text, at: Date.now() });
      return;
    case 'kick':
      return rooms.kick(roomName, session, msg.userId);
    case 'delete-room':
      return rooms.deleteRoom(roomName, session);
  }
}

// Heartbeat: a client that missed the previous ping is dead; terminate it (no close handshake).
const heartbeat = setInterval(() => {
  for (const ws of wss.clients) {
    if (!alive.get(ws)) {
      ws.terminate();
      continue;
    }
    alive.set(ws, false);
    ws.ping();
  }
}, 30_000);
const pruning = setInterval(() => [limiter, messageLimiter].forEach((l) => l.prune()), 60_000);

process.once('SIGTERM', () => {
  clearInterval(heartbeat);
  clearInterval(pruning);
  for (const ws of wss.clients) ws.close(1001, 'Server shutting down');
  wss.close();
  httpServer.close(() => void audit.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(1), 10_000).unref();
});

httpServer.listen(Number(process.env.PORT ?? 8080));
