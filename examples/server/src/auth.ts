// Signed session tokens: base64url(JSON payload) + "." + base64url(HMAC-SHA256).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Session {
  readonly userId: string;
  readonly name: string;
  readonly role: 'member' | 'moderator';
  /** Expiry, in milliseconds since the epoch. */
  readonly expiresAt: number;
}

function sign(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function issueToken(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(payload, secret).toString('base64url')}`;
}

/** The session in a token, or undefined when the token is forged, malformed or expired. */
export function verifyToken(token: string, secret: string, now = Date.now()): Session | undefined {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return undefined;
  const expected = sign(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session;
    return typeof session.userId === 'string' && session.expiresAt > now ? session : undefined;
  } catch {
    return undefined;
  }
}

/** Browsers cannot set headers on a WebSocket, so the token travels in the query string. */
export function tokenFromRequest(req: IncomingMessage): string | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get('token') ?? undefined;
}
