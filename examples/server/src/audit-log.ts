// Append-only audit log of moderation actions and disconnects (JSON lines).
import { createWriteStream, type WriteStream } from 'node:fs';

export class AuditLog {
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path, { flags: 'a' });
  }

  write(event: string, details: Record<string, string | number> = {}): void {
    this.stream.write(JSON.stringify({ at: new Date().toISOString(), event, ...details }) + '\n');
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.stream.end(() => resolve());
    });
  }
}
