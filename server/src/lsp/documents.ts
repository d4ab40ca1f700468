// Open documents: vscode-languageserver's TextDocuments (incremental sync) plus a view keyed by
// absolute path for the workspace overlay, and the version each document was last saved at
// (for `wsclose.run: onSave`).
import { TextDocuments } from 'vscode-languageserver';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-textdocument';
import { uriToPath } from './convert';
import type { Overlay } from '../engine/project-service';

/**
 * TextDocument, except that each incremental change's range is first clamped to the document.
 * The LSP requires valid positions, but a client can send any: vscode-languageserver-textdocument
 * clamps the text edit itself, yet updates its line index with the unclamped line numbers, after
 * which every offset → position conversion of that document is wrong (found by the fuzz test).
 */
const ClampedTextDocument: TextDocumentsConfiguration<TextDocument> = {
  create: TextDocument.create,
  update(document, changes, version) {
    for (const change of changes) {
      const clamped = 'range' in change && change.range ? { ...change, range: clampRange(document, change.range) } : change;
      TextDocument.update(document, [clamped], version);
    }
    return TextDocument.update(document, [], version);
  },
};

function clampRange(document: TextDocument, range: Range): Range {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return { start: document.positionAt(Math.min(start, end)), end: document.positionAt(Math.max(start, end)) };
}

export class Documents implements Overlay {
  readonly manager = new TextDocuments(ClampedTextDocument);
  private readonly byPath = new Map<string, TextDocument>();
  private readonly savedVersions = new Map<string, number>();

  constructor() {
    this.manager.onDidOpen(({ document }) => {
      this.savedVersions.set(document.uri, document.version);
      const file = uriToPath(document.uri);
      if (file !== undefined) this.byPath.set(file, document);
    });
    this.manager.onDidChangeContent(({ document }) => {
      const file = uriToPath(document.uri);
      if (file !== undefined) this.byPath.set(file, document);
    });
    this.manager.onDidSave(({ document }) => this.savedVersions.set(document.uri, document.version));
    this.manager.onDidClose(({ document }) => {
      this.savedVersions.delete(document.uri);
      const file = uriToPath(document.uri);
      if (file !== undefined && this.byPath.get(file)?.uri === document.uri) this.byPath.delete(file);
    });
  }

  get(file: string): TextDocument | undefined {
    return this.byPath.get(file);
  }

  openFiles(): string[] {
    return [...this.byPath.keys()];
  }

  byUri(uri: string): TextDocument | undefined {
    if (typeof uri !== 'string') return undefined;
    const document = this.manager.get(uri);
    if (document) return document;
    // Clients escape URIs differently (`c%3A` / `c:`): fall back to the path.
    const file = uriToPath(uri);
    return file === undefined ? undefined : this.byPath.get(file);
  }

  all(): TextDocument[] {
    return this.manager.all();
  }

  /** Has the document changed since it was opened or last saved? */
  isDirty(document: TextDocument): boolean {
    return this.savedVersions.get(document.uri) !== document.version;
  }
}
