// Files of the project service's projects that TypeScript fails on (isolation.ts), each left out for
// the text it failed on: an edit, or a change on disk, gives the file another chance (opening it
// unchanged does not).
import * as ts from 'typescript';
import { culpritMessage, LeftOutFiles, parseOrLeaveOut } from './isolation';
import type { Culprit } from './isolation';
import type { Logger } from './project-service';

export class VersionedLeftOutFiles {
  private readonly culprits = new Map<string, { version: string; readonly text: string | undefined; readonly culprit: Culprit }>();

  constructor(
    /** The file's current script version (open document or disk). */
    private readonly versionOf: (file: string) => string,
    /** The file's current text (open document or disk). */
    private readonly textOf: (file: string) => string | undefined,
    private readonly log: Logger,
  ) {}

  /** The culprit record of a file left out with its current text. */
  get(file: string): Culprit | undefined {
    const entry = this.culprits.get(file);
    if (!entry) return undefined;
    const version = this.versionOf(file);
    if (entry.version === version) return entry.culprit;
    if (entry.text !== undefined && entry.text === this.textOf(file)) {
      entry.version = version; // opened or saved unchanged
      return entry.culprit;
    }
    this.culprits.delete(file); // changed since: try it again
    return undefined;
  }

  add(culprit: Culprit): void {
    if (this.get(culprit.fileName)) return;
    this.culprits.set(culprit.fileName, { version: this.versionOf(culprit.fileName), text: this.textOf(culprit.fileName), culprit });
    this.log.info(`${culprit.fileName} is left out of its program: ${culpritMessage(culprit)}`);
  }

  /** The file parsed alone, or undefined when TypeScript fails on it (it is then left out). */
  parse(file: string, text: string): ts.SourceFile | undefined {
    if (this.get(file)) return undefined;
    const failed = new LeftOutFiles();
    const sourceFile = parseOrLeaveOut(file, text, ts.ScriptTarget.Latest, failed);
    const culprit = failed.get(file);
    if (!culprit) return sourceFile;
    this.add(culprit);
    return undefined;
  }

  clear(): void {
    this.culprits.clear();
  }
}
