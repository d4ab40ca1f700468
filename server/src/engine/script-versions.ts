// What the project service tells its language services about each file's text: a script version
// (the open document's, or a disk version bumped by file-watcher events) and the snapshot for it,
// read once per version. The language service asks for every file of the program after each
// edit: re-reading thousands of unchanged files from disk per keystroke dominated edit latency.
import * as ts from 'typescript';
import type { Overlay } from './project-service';

export class ScriptVersions {
  private readonly diskVersions = new Map<string, number>();
  /** Open documents: whether the text is still the disk's, by document and disk version (see versionOf). */
  private readonly openDocuments = new Map<string, { readonly opening: number; readonly documentVersion: number; readonly diskVersion: string; readonly unchanged: boolean }>();
  private openings = 0;
  /** Snapshots by file, valid while the file's script version is unchanged. */
  private readonly snapshots = new Map<string, { readonly version: string; readonly snapshot: ts.IScriptSnapshot }>();

  constructor(
    private readonly overlay: Overlay,
    /** A path as a map key (case-folded on case-insensitive file systems). */
    private readonly key: (file: string) => string,
    /** The file's text on disk, undefined when it cannot be read. */
    private readonly readDisk: (file: string) => string | undefined,
  ) {}

  /**
   * An open document whose text is still the file's on disk keeps the disk version: opening and
   * closing a file without editing it then changes nothing, and the language service keeps its
   * program and checker. A rebuilt checker per open and close was most of the server's garbage
   * (each one types the default library anew; RSS +200 MB over 50 open/close cycles).
   */
  versionOf(file: string): string {
    const diskVersion = `disk:${this.diskVersions.get(this.key(file)) ?? 0}`;
    const open = this.overlay.get(file);
    if (!open) return diskVersion;
    let known = this.openDocuments.get(file);
    if (!known || known.documentVersion !== open.version || known.diskVersion !== diskVersion) {
      // Once edited away from the disk text, a document stays edited until it is closed: comparing
      // texts on every keystroke would cost a file read each.
      const unchanged = (!known || known.unchanged) && this.diskText(file, diskVersion) === open.getText();
      // Clients number a document's versions anew each time it opens: the opening tells texts apart.
      known = { opening: known?.opening ?? ++this.openings, documentVersion: open.version, diskVersion, unchanged };
      this.openDocuments.set(file, known);
    }
    return known.unchanged ? diskVersion : `open:${known.opening}:${open.version}`;
  }

  /** The snapshot of a file at a script version, read with `read` the first time. */
  snapshot(file: string, version: string, read: (file: string) => string | undefined): ts.IScriptSnapshot | undefined {
    const cached = this.snapshots.get(file);
    if (cached && cached.version === version) return cached.snapshot;
    const text = read(file);
    if (text === undefined) return undefined;
    const snapshot = ts.ScriptSnapshot.fromString(text);
    this.snapshots.set(file, { version, snapshot });
    return snapshot;
  }

  /** Forgets the documents that were closed. */
  documentsChanged(): void {
    for (const file of this.openDocuments.keys()) if (!this.overlay.get(file)) this.openDocuments.delete(file);
  }

  /** A closed file changed on disk. */
  diskFileChanged(file: string): void {
    const key = this.key(file);
    this.diskVersions.set(key, (this.diskVersions.get(key) ?? 0) + 1);
  }

  clearSnapshots(): void {
    this.snapshots.clear();
  }

  /**
   * The text the language services were given for the disk version (the file may have changed on
   * disk without a watcher event since): only then may an open document claim that version.
   */
  private diskText(file: string, diskVersion: string): string | undefined {
    const cached = this.snapshots.get(file);
    if (cached) return cached.version === diskVersion ? cached.snapshot.getText(0, cached.snapshot.getLength()) : undefined;
    return this.readDisk(file);
  }
}
