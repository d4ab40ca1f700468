// Messages between the chat client and server, and their validation.

/** Private close codes of this app (declared in examples/wsclose.config.json). */
export const CloseCode = {
  RoomClosed: 4001,
  ClientOutdated: 4009,
} as const;

export const PROTOCOL_VERSION = 3;
export const MAX_TEXT_LENGTH = 2_000;

export type ClientMessage =
  | { type: 'say'; text: string }
  | { type: 'ping' }
  | { type: 'kick'; userId: string }
  | { type: 'delete-room' };

export type ServerMessage =
  | { type: 'message'; from: string; text: string; at: number }
  | { type: 'presence'; online: string[] }
  | { type: 'pong' }
  | { type: 'notice'; text: string };

/** Parses one text frame; undefined for anything that is not a well-formed client message. */
export function parseClientMessage(raw: string): ClientMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const msg = value as Record<string, unknown>;
  switch (msg.type) {
    case 'say':
      return typeof msg.text === 'string' && msg.text.length <= MAX_TEXT_LENGTH ? { type: 'say', text: msg.text } : undefined;
    case 'ping':
    case 'delete-room':
      return { type: msg.type };
    case 'kick':
      return typeof msg.userId === 'string' ? { type: 'kick', userId: msg.userId } : undefined;
    default:
      return undefined;
  }
}

const BLOCKED_WORDS = [/\bspamlink\.example\b/i, /\bbuy followers\b/i];

export function containsBlockedWords(text: string): boolean {
  return BLOCKED_WORDS.some((pattern) => pattern.test(text));
}
