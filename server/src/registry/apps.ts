// Application protocols that give private codes (4000–4999) a fixed meaning
// (shared/reference/close-codes.md §5). Only the private codes are listed: standard codes keep
// their registry meaning inside these protocols. Prose lives in locales/*/apps.ts.
import type { AppCode, AppProfile, ReconnectAdvice } from './types';

function code(value: number, name: string, reconnect: ReconnectAdvice): AppCode {
  return { code: value, name, reconnect };
}

const GRAPHQL_WS: AppProfile = {
  id: 'graphql-ws',
  packages: ['graphql-ws'],
  // Names are the `CloseCode` enum members of src/common.ts, so hovers match what users type.
  // Reconnect follows the client's own retry logic: "fatal" codes → 'no'.
  codes: [
    code(4004, 'BadResponse', 'no'),
    code(4005, 'InternalClientError', 'no'),
    code(4400, 'BadRequest', 'no'),
    code(4401, 'Unauthorized', 'no'),
    code(4403, 'Forbidden', 'backoff'),
    code(4406, 'SubprotocolNotAcceptable', 'no'),
    code(4408, 'ConnectionInitialisationTimeout', 'backoff'),
    code(4409, 'SubscriberAlreadyExists', 'no'),
    code(4429, 'TooManyInitialisationRequests', 'no'),
    // Not an enum member: the client's synthetic close event after terminate().
    code(4499, 'Terminated', 'backoff'),
    code(4500, 'InternalServerError', 'no'),
    code(4504, 'ConnectionAcknowledgementTimeout', 'backoff'),
  ],
  references: [
    { label: 'graphql-ws PROTOCOL.md', url: 'https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md' },
    { label: 'graphql-ws src/common.ts (CloseCode)', url: 'https://github.com/enisdenjo/graphql-ws/blob/master/src/common.ts' },
  ],
};

const DISCORD_GATEWAY: AppProfile = {
  id: 'discord-gateway',
  // discord.js drives the gateway through @discordjs/ws; either dependency means gateway code.
  packages: ['discord.js', '@discordjs/ws'],
  // Discord's table says reconnect true/false; true → 'yes' except rate limiting, where waiting
  // before reconnecting is the point.
  codes: [
    code(4000, 'Unknown error', 'yes'),
    code(4001, 'Unknown opcode', 'yes'),
    code(4002, 'Decode error', 'yes'),
    code(4003, 'Not authenticated', 'yes'),
    code(4004, 'Authentication failed', 'no'),
    code(4005, 'Already authenticated', 'yes'),
    code(4007, 'Invalid seq', 'yes'),
    code(4008, 'Rate limited', 'backoff'),
    code(4009, 'Session timed out', 'yes'),
    code(4010, 'Invalid shard', 'no'),
    code(4011, 'Sharding required', 'no'),
    code(4012, 'Invalid API version', 'no'),
    code(4013, 'Invalid intent(s)', 'no'),
    code(4014, 'Disallowed intent(s)', 'no'),
  ],
  references: [
    {
      label: 'Discord: Opcodes and Status Codes',
      url: 'https://discord.com/developers/docs/topics/opcodes-and-status-codes',
    },
    { label: 'Discord: Gateway', url: 'https://discord.com/developers/docs/events/gateway' },
  ],
};

const DISCORD_VOICE: AppProfile = {
  id: 'discord-voice',
  packages: ['@discordjs/voice'],
  // Discord states the advice only for 4014/4021/4022 (do not reconnect) and 4015 (resume). The
  // rest is judged: codes caused by the client's own payloads or setup → 'no'; an expired
  // session → 'yes' with a fresh session.
  codes: [
    code(4001, 'Unknown opcode', 'no'),
    code(4002, 'Failed to decode payload', 'no'),
    code(4003, 'Not authenticated', 'no'),
    code(4004, 'Authentication failed', 'no'),
    code(4005, 'Already authenticated', 'no'),
    code(4006, 'Session no longer valid', 'yes'),
    code(4009, 'Session timeout', 'yes'),
    code(4011, 'Server not found', 'no'),
    code(4012, 'Unknown protocol', 'no'),
    code(4014, 'Disconnected', 'no'),
    code(4015, 'Voice server crashed', 'yes'),
    code(4016, 'Unknown encryption mode', 'no'),
    code(4017, 'E2EE/DAVE protocol required', 'no'),
    code(4020, 'Bad request', 'no'),
    code(4021, 'Disconnected: Rate Limited', 'no'),
    code(4022, 'Disconnected: Call Terminated', 'no'),
  ],
  references: [
    {
      label: 'Discord: Opcodes and Status Codes (voice close event codes)',
      url: 'https://discord.com/developers/docs/topics/opcodes-and-status-codes',
    },
  ],
};

const TWITCH_EVENTSUB: AppProfile = {
  id: 'twitch-eventsub',
  // Twurple's WebSocket EventSub listener; other Twitch packages use HTTP webhooks or chat.
  packages: ['@twurple/eventsub-ws'],
  // Twitch gives no reconnect column; judged from the meanings: transient network trouble →
  // 'backoff', "move along" codes → 'yes', the client's own misbehaviour → 'no'.
  codes: [
    code(4000, 'Internal server error', 'backoff'),
    code(4001, 'Client sent inbound traffic', 'no'),
    code(4002, 'Client failed ping-pong', 'backoff'),
    code(4003, 'Connection unused', 'yes'),
    code(4004, 'Reconnect grace time expired', 'yes'),
    code(4005, 'Network timeout', 'backoff'),
    code(4006, 'Network error', 'backoff'),
    code(4007, 'Invalid reconnect', 'yes'),
  ],
  references: [
    {
      label: 'Twitch: Handling WebSocket Events',
      url: 'https://dev.twitch.tv/docs/eventsub/handling-websocket-events',
    },
  ],
};

export const APP_PROFILES: readonly AppProfile[] = [GRAPHQL_WS, DISCORD_GATEWAY, DISCORD_VOICE, TWITCH_EVENTSUB];
