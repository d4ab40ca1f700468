// Reading source files with everything needed to write them back unchanged except for the fixes:
// their encoding (UTF-8, or UTF-16 with a byte-order mark), whether they start with a UTF-8 BOM,
// and a stamp (size, modification time, content hash) to tell whether the file changed on disk
// since it was read. Writes are atomic: a temporary file in the same folder, renamed over the file.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type SourceEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** SHA-256 of the bytes. */
  readonly hash: string;
}

export interface SourceSnapshot {
  /** The text as TypeScript reads it: without a byte-order mark (offsets do not count it). */
  readonly text: string;
  readonly encoding: SourceEncoding;
  /** The file starts with a byte-order mark (always true for UTF-16). */
  readonly bom: boolean;
  readonly stamp: FileStamp;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function stampOf(file: string, bytes: Uint8Array): FileStamp {
  const stat = fs.statSync(file);
  return { size: bytes.length, mtimeMs: stat.mtimeMs, hash: sha256(bytes) };
}

/** Decodes a source file's bytes. */
export function decodeSource(buffer: Buffer): { text: string; encoding: SourceEncoding; bom: boolean } {
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2, 2 + ((buffer.length - 2) & ~1)));
    return { text: swapped.swap16().toString('utf16le'), encoding: 'utf16be', bom: true };
  }
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.toString('utf16le', 2), encoding: 'utf16le', bom: true };
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { text: buffer.toString('utf8', 3), encoding: 'utf8', bom: true };
  return { text: buffer.toString('utf8'), encoding: 'utf8', bom: false };
}

/** Encodes text as the file was encoded. */
export function encodeSource(text: string, encoding: SourceEncoding, bom: boolean): Buffer {
  if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (encoding === 'utf16be') return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Reads a source file; throws when it cannot. */
export function readSourceSnapshot(file: string): SourceSnapshot {
  const buffer = fs.readFileSync(file);
  return { ...decodeSource(buffer), stamp: stampOf(file, buffer) };
}

export type WriteOutcome =
  | { readonly kind: 'written' }
  | { readonly kind: 'changed-on-disk' }
  /** The file's bytes are not valid in its encoding: writing the text back would change bytes no fix touches. */
  | { readonly kind: 'invalid-encoding'; readonly encoding: 'UTF-8' | 'UTF-16' }
  | { readonly kind: 'failed'; readonly error: string };

/**
 * Writes `text` to `file` in the snapshot's encoding, unless the file changed on disk since the
 * snapshot was taken (size, modification time or content). Atomic: the bytes go to a temporary
 * file next to the target (same file system), with the target's permissions, which is then renamed
 * over it. A symbolic link is followed: the file it points to is replaced, the link stays.
 */
export function writeIfUnchanged(file: string, snapshot: SourceSnapshot, text: string): WriteOutcome {
  let target: string;
  let mode: number;
  try {
    target = fs.realpathSync(file);
    const current = fs.readFileSync(target);
    const stamp = stampOf(target, current);
    if (stamp.size !== snapshot.stamp.size || stamp.mtimeMs !== snapshot.stamp.mtimeMs || stamp.hash !== snapshot.stamp.hash) return { kind: 'changed-on-disk' };
    // Invalid UTF-8 (or a truncated UTF-16 file) decodes lossily: writing the text back would replace
    // bytes that no fix touches with U+FFFD. Such a file is never written.
    if (!encodeSource(snapshot.text, snapshot.encoding, snapshot.bom).equals(current)) {
      return { kind: 'invalid-encoding', encoding: snapshot.encoding === 'utf8' ? 'UTF-8' : 'UTF-16' };
    }
    mode = fs.statSync(target).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'changed-on-disk' };
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.wsclose-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, encodeSource(text, snapshot.encoding, snapshot.bom), { mode, flag: 'wx' });
    fs.chmodSync(temporary, mode); // the umask may have narrowed the mode given to open()
    fs.renameSync(temporary, target);
    return { kind: 'written' };
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // nothing left to clean up
    }
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
