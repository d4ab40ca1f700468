// Chat rooms: membership, broadcast, moderation.
import WebSocket from 'ws';
import type { AuditLog } from './audit-log';
import type { Session } from './auth';
import { CloseCode, type ServerMessage } from './protocol';

interface Room {
  readonly name: string;
  readonly ownerId: string;
  readonly capacity: number;
  readonly members: Map<WebSocket, Session>;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();

  constructor(private readonly audit: AuditLog) {}

  /** Adds the socket to the room (creating it); closes the socket when the room is full. */
  join(name: string, ws: WebSocket, session: Session): boolean {
    let room = this.rooms.get(name);
    if (!room) {
      room = { name, ownerId: session.userId, capacity: 50, members: new Map() };
      this.rooms.set(name, room);
    }
    if (room.members.size >= room.capacity) {
      ws.close(1013, 'Room is full');
      return false;
    }
    room.members.set(ws, session);
    this.broadcastPresence(room);
    return true;
  }

  leave(name: string, ws: WebSocket): void {
    const room = this.rooms.get(name);
    if (!room || !room.members.delete(ws)) return;
    if (room.members.size === 0) this.rooms.delete(name);
    else this.broadcastPresence(room);
  }

  broadcast(name: string, message: ServerMessage): void {
    const frame = JSON.stringify(message);
    for (const member of this.rooms.get(name)?.members.keys() ?? []) {
      if (member.readyState === WebSocket.OPEN) member.send(frame);
    }
  }

  /** A moderator removes a user from the room; the client must not reconnect on its own. */
  kick(name: string, moderator: Session, userId: string): void {
    const room = this.rooms.get(name);
    if (!room || moderator.role !== 'moderator') return;
    for (const [socket, session] of room.members) {
      if (session.userId !== userId) continue;
      this.audit.write('kick', { room: name, by: moderator.userId, user: userId });
      socket.close(3003, 'Kicked by a moderator');
    }
  }

  /** The owner deletes the room: every member is disconnected with the app's Room Closed code. */
  deleteRoom(name: string, by: Session): void {
    const room = this.rooms.get(name);
    if (!room || room.ownerId !== by.userId) return;
    this.rooms.delete(name);
    this.audit.write('delete-room', { room: name, by: by.userId });
    for (const member of room.members.keys()) {
      member.close(CloseCode.RoomClosed, 'Room closed by its owner');
    }
  }

  private broadcastPresence(room: Room): void {
    const online = [...new Set([...room.members.values()].map((s) => s.name))];
    this.broadcast(room.name, { type: 'presence', online });
  }
}
