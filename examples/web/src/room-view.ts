// Page wiring: the chat panel, the logout button and the read-only spectator feed.
import { ChatClient } from './chat-client';
import { CloseCode, parseServerMessage, type ServerMessage } from './protocol';

const CHAT_URL = 'wss://chat.example.com/rooms';

function render(list: HTMLElement, message: ServerMessage): void {
  const item = document.createElement('li');
  if (message.type === 'message') item.textContent = `${message.from}: ${message.text}`;
  else if (message.type === 'presence') item.textContent = `Online: ${message.online.join(', ')}`;
  else if (message.type === 'notice') item.textContent = message.text;
  list.append(item);
}

export function mountChat(root: HTMLElement, room: string): ChatClient {
  const list = root.querySelector('ul')!;
  const status = root.querySelector<HTMLElement>('.status')!;
  const client = new ChatClient(`${CHAT_URL}/${encodeURIComponent(room)}`, () => localStorage.getItem('chat-token') ?? undefined, {
    onMessage: (message) => render(list, message),
    onStatus: (s) => (status.textContent = s),
    onClosedForGood: (code) => {
      status.textContent = code === CloseCode.RoomClosed ? 'This room was closed.' : 'Disconnected.';
    },
  });
  root.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = root.querySelector('input')!;
    client.send(input.value);
    input.value = '';
  });
  root.querySelector('.leave')?.addEventListener('click', () => client.disconnect());
  root.querySelector('.logout')?.addEventListener('click', () => {
    client.logout();
    localStorage.removeItem('chat-token');
  });
  client.connect();
  return client;
}

/** Spectators watch a room without joining it; the room comes from the URL hash. */
export function openSpectatorFeed(list: HTMLElement): WebSocket | undefined {
  const socket = new WebSocket(`${CHAT_URL.replace('/rooms', '/spectate')}`);
  const room = new URLSearchParams(location.hash.slice(1)).get('room');
  if (!room) {
    // planted: premature-close
    socket.close();
    return undefined;
  }
  socket.addEventListener('open', () => {
    socket.send(JSON.stringify({ type: 'spectate', room }));
    window.addEventListener('hashchange', () => socket.close(1000, 'Spectated room changed'), { once: true });
  });
  socket.addEventListener('message', (event) => {
    const message = parseServerMessage(event.data);
    if (message) render(list, message);
  });
  // The feed is read-only, so come back whenever it goes away.
  socket.addEventListener('close', () => {
    // planted: reconnect-on-terminal-code
    window.setTimeout(() => openSpectatorFeed(list), 3_000);
  });
  return socket;
}
