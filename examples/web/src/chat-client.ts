// The chat connection: connect with the session token, app-level heartbeat, reconnect with
// exponential backoff and jitter, pause while the tab is hidden, logout.
import { CloseCode, PROTOCOL_VERSION, TERMINAL_CODES, parseServerMessage, type ServerMessage } from './protocol';

const HEARTBEAT_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

export interface ChatHandlers {
  onMessage(message: ServerMessage): void;
  onStatus(status: 'connecting' | 'online' | 'offline' | 'signed-out'): void;
  onClosedForGood(code: number): void;
}

export class ChatClient {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private stopped = false;
  private reconnectTimer: number | undefined;
  private heartbeatTimer: number | undefined;
  private pongTimer: number | undefined;

  constructor(
    private readonly url: string,
    private readonly getToken: () => string | undefined,
    private readonly handlers: ChatHandlers,
  ) {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && this.socket) {
        // planted: browser-code-range
        this.socket.close(1001, 'Page hidden');
      } else if (document.visibilityState === 'visible' && !this.socket && !this.stopped) {
        this.connect();
      }
    });
    window.addEventListener('pagehide', () => this.socket?.close(1000, 'Page closed'));
  }

  connect(): void {
    const token = this.getToken();
    if (!token) {
      this.handlers.onStatus('signed-out');
      return;
    }
    this.stopped = false;
    this.handlers.onStatus('connecting');
    const socket = new WebSocket(`${this.url}?token=${encodeURIComponent(token)}&v=${PROTOCOL_VERSION}`);
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.handlers.onStatus('online');
      this.startHeartbeat(socket);
    });
    socket.addEventListener('message', (event) => {
      const message = parseServerMessage(event.data);
      if (!message) {
        socket.close(CloseCode.BadServerMessage, 'Malformed server message');
        return;
      }
      if (message.type === 'pong') window.clearTimeout(this.pongTimer);
      else this.handlers.onMessage(message);
    });
    socket.addEventListener('close', (event) => this.onClose(socket, event));
    this.socket = socket;
  }

  send(text: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'say', text }));
  }

  /** Leave the chat but stay signed in. */
  disconnect(): void {
    this.stopped = true;
    this.socket?.close(1000, 'Left the chat');
  }

  logout(): void {
    this.stopped = true;
    window.clearTimeout(this.reconnectTimer);
    // planted: reason-without-code
    this.socket?.close(undefined, 'User logged out');
  }

  private startHeartbeat(socket: WebSocket): void {
    this.heartbeatTimer = window.setInterval(() => {
      socket.send(JSON.stringify({ type: 'ping' }));
      this.pongTimer = window.setTimeout(() => socket.close(CloseCode.Timeout, 'Heartbeat timeout'), PONG_TIMEOUT_MS);
    }, HEARTBEAT_MS);
  }

  private onClose(socket: WebSocket, event: CloseEvent): void {
    window.clearInterval(this.heartbeatTimer);
    window.clearTimeout(this.pongTimer);
    if (this.socket === socket) this.socket = undefined;
    if (this.stopped || TERMINAL_CODES.has(event.code)) {
      this.handlers.onStatus(this.stopped ? 'signed-out' : 'offline');
      if (!this.stopped) this.handlers.onClosedForGood(event.code);
      return;
    }
    if (document.visibilityState === 'hidden') return; // reconnects when the tab is visible again
    // RFC 6455 §7.2.3: wait a random 0–5 s first, then back off exponentially.
    const backoff = this.attempt === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** this.attempt);
    this.attempt += 1;
    this.handlers.onStatus('offline');
    this.reconnectTimer = window.setTimeout(() => this.connect(), backoff + Math.random() * 5_000);
  }
}
