// Rooms whose name starts with "bot-" are bridged to the assistant service over a second socket.
import WebSocket from 'ws';
import type { AuditLog } from './audit-log';

export function bridgeToBot(client: WebSocket, botUrl: string, audit: AuditLog): void {
  const bot = new WebSocket(botUrl, { handshakeTimeout: 5_000 });
  const queued: WebSocket.RawData[] = [];

  bot.on('open', () => {
    for (const data of queued) bot.send(data);
    queued.length = 0;
  });
  bot.on('message', (data, isBinary) => client.send(data, { binary: isBinary }));
  client.on('message', (data) => {
    if (bot.readyState === WebSocket.OPEN) bot.send(data);
    else queued.push(data);
  });

  // planted: reserved-code
  bot.on('close', (code, reason) => client.close(code, reason));
  bot.on('error', (err) => {
    audit.write('bot-error', { url: botUrl, error: err.name });
    client.close(1014, 'Upstream connection failed');
  });
  client.on('close', () => {
    if (bot.readyState === WebSocket.OPEN) bot.close(1000, 'Client disconnected');
    else bot.terminate();
  });
}
