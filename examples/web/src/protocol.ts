// Client side of the chat protocol (mirrors examples/server/src/protocol.ts).

export const PROTOCOL_VERSION = 3;

/** Close codes the client understands. 4001 and 4009 are declared in examples/wsclose.config.json. */
export const CloseCode = {
  Normal: 1000,
  PolicyViolation: 1008,
  Unauthorized: 3000,
  Forbidden: 3003,
  Timeout: 3008,
  BadServerMessage: 4400,
  RoomClosed: 4001,
  ClientOutdated: 4009,
} as const;

/** After these the server does not want us back (or we closed on purpose): do not reconnect. */
export const TERMINAL_CODES: ReadonlySet<number> = new Set([
  CloseCode.Normal,
  CloseCode.PolicyViolation,
  CloseCode.Unauthorized,
  CloseCode.Forbidden,
  CloseCode.RoomClosed,
  CloseCode.ClientOutdated,
]);

export type ServerMessage =
  | { type: 'message'; from: string; text: string; at: number }
  | { type: 'presence'; online: string[] }
  | { type: 'pong' }
  | { type: 'notice'; text: string };

export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const msg = JSON.parse(data) as Partial<ServerMessage> | null;
    switch (msg?.type) {
      case 'message':
      case 'presence':
      case 'pong':
      case 'notice':
        return msg as ServerMessage;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
