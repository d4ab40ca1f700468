// Delivering diagnostics. Push: after any change, every open document is re-checked (types are
// cross-file; the program is incremental, so this is cheap), the changed one first; a pass that a
// newer change overtakes stops, and a result is published only for the version it was computed
// for. Pull: textDocument/diagnostic and workspace/diagnostic (every file of the open documents'
// projects), cancellable between files, with result ids so unchanged reports stay small. A
// workspace pull that would report nothing new is held open until something changes (or the
// client cancels it): answered at once, VS Code's client asks again every 2 s while idle.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type {
  CancellationToken,
  Connection,
  Diagnostic,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  WorkspaceDiagnosticParams,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToUri, uriKey, uriToPath } from './convert';
import { leftOutDiagnostic, toDiagnostic } from './diagnostics';
import type { DocsLinks, ResultCache } from './diagnostics';
import type { Documents } from './documents';
import type { Linting } from './linting';
import type { LoadLog } from './load-log';
import type { Settings } from './settings';
import { isCheckableFile } from '../engine/project-service';
import type { Logger, ProjectService } from '../engine/project-service';
import type { Locale } from '../registry/locales/catalog';

const PUSH_DELAY_MS = 50;

export interface DeliveryDeps {
  readonly connection: Connection;
  readonly documents: Documents;
  readonly projects: ProjectService;
  readonly linting: Linting;
  readonly results: ResultCache;
  readonly docs: DocsLinks;
  readonly log: Logger;
  /** The client's locale: the message of a left-out file is worded in it. */
  readonly locale: () => Locale;
  readonly loads: LoadLog;
}

export class Delivery {
  /** Bumped by every change that can alter any result; pushes from older passes are dropped. */
  private epoch = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly first = new Set<string>();
  private readonly savedOnly = new Set<string>();
  /** Held workspace pulls, woken by the next change. */
  private readonly waiting = new Set<() => void>();

  /** Push model (publishDiagnostics) or pull; decided at initialize by client capability. */
  push = true;

  constructor(private readonly deps: DeliveryDeps) {}

  /** Something changed: re-check open documents (push) — `uri` first. */
  changed(uri?: string, options: { saved?: boolean } = {}): void {
    this.epoch++;
    for (const wake of [...this.waiting]) wake();
    if (!this.push) return;
    if (uri !== undefined) {
      this.first.add(uri);
      if (options.saved) this.savedOnly.add(uri);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pushAll(this.epoch).catch((error: unknown) => this.deps.log.error(`Diagnostics pass failed: ${String(error)}`));
    }, PUSH_DELAY_MS);
  }

  /** A document closed: its diagnostics go away (push) and the others are re-checked. */
  closed(uri: string): void {
    this.deps.results.delete(uri);
    if (this.push) void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.changed();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const wake of [...this.waiting]) wake();
  }

  private async pushAll(epoch: number): Promise<void> {
    const all = this.deps.documents.all();
    const firstKeys = new Set([...this.first].map(uriKey));
    const saved = new Set([...this.savedOnly].map(uriKey));
    this.first.clear();
    this.savedOnly.clear();
    const ordered = [...all.filter((d) => firstKeys.has(uriKey(d.uri))), ...all.filter((d) => !firstKeys.has(uriKey(d.uri)))];
    for (const document of ordered) {
      if (epoch !== this.epoch) return; // overtaken: the newer pass re-checks everything
      try {
        const settings = await this.deps.linting.settingsFor(document.uri);
        if (epoch !== this.epoch) return;
        // onSave: a dirty document keeps its last published diagnostics until it is saved.
        if (settings.run === 'onSave' && this.deps.documents.isDirty(document) && !saved.has(uriKey(document.uri)) && this.deps.results.get(document.uri)) continue;
        const current = this.deps.documents.byUri(document.uri);
        if (!current || current.version !== document.version) continue;
        const diagnostics = this.diagnosticsOf(document.uri, settings, { needProgram: false });
        this.deps.results.set(document.uri, { version: document.version, diagnostics });
        await this.deps.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      } catch (error) {
        this.deps.log.error(`Cannot check ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      await new Promise((resolve) => setImmediate(resolve)); // let newer messages in
    }
  }

  /** textDocument/diagnostic. */
  async pullDocument(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const document = this.deps.documents.byUri(uri);
    const epoch = this.epoch;
    const settings = await this.deps.linting.settingsFor(uri);
    throwIfCancelled(token);
    if (document && (epoch !== this.epoch || this.deps.documents.byUri(uri)?.version !== document.version)) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was being checked.', { retriggerRequest: true });
    }
    const resultId = `${this.epoch}`;
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    const cached = document ? this.deps.results.get(uri) : undefined;
    if (document && cached && settings.run === 'onSave' && this.deps.documents.isDirty(document)) return { kind: 'full', items: cached.diagnostics };
    const items = this.diagnosticsOf(uri, settings, { needProgram: false });
    if (document) this.deps.results.set(uri, { version: document.version, diagnostics: items });
    return { kind: 'full', resultId, items };
  }

  private diagnosticsOf(uri: string, settings: Settings, options: { needProgram: boolean }): Diagnostic[] {
    const diagnostics = this.deps.linting.withState(uri, settings, options, (state) => this.deps.linting.findings(state).map((f) => toDiagnostic(f, state, this.deps.docs))) ?? [];
    this.deps.loads.diagnosticsReady(uri, diagnostics.length);
    // A file TypeScript fails on (found while checking it or any other file) gets one diagnostic instead.
    const file = uriToPath(uri);
    const culprit = file === undefined || !settings.enable ? undefined : this.deps.projects.leftOut.get(file);
    if (!culprit) return diagnostics;
    const text = this.deps.documents.byUri(uri)?.getText() ?? this.deps.projects.readText(file!) ?? '';
    return [leftOutDiagnostic(culprit, text, this.deps.locale())];
  }

  /** workspace/diagnostic: every checkable file of the projects that hold an open document. */
  async pullWorkspace(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const previousIds = params.previousResultIds ?? [];
    if (previousIds.length > 0 && previousIds.every((p) => p.value === `${this.epoch}`)) await this.nextChange(token);
    throwIfCancelled(token);
    const resultId = `${this.epoch}`;
    const previous = new Map(previousIds.map((p) => [uriKey(p.uri), p.value]));
    const files = new Set<string>();
    for (const project of this.deps.projects.openProjects()) {
      for (const file of project.rootNames()) if (isCheckableFile(file) && !file.includes('/node_modules/')) files.add(file);
    }
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const file of [...files].sort()) {
      throwIfCancelled(token);
      const open: TextDocument | undefined = this.deps.documents.get(file);
      const uri = open?.uri ?? pathToUri(file);
      const version = open ? open.version : null;
      if (previous.get(uriKey(uri)) === resultId) {
        items.push({ kind: 'unchanged', uri, version, resultId });
        continue;
      }
      const settings = await this.deps.linting.settingsFor(uri);
      throwIfCancelled(token);
      let diagnostics: Diagnostic[] = [];
      try {
        diagnostics = this.diagnosticsOf(uri, settings, { needProgram: true });
      } catch (error) {
        this.deps.log.error(`Cannot check ${file}: ${String(error)}`);
      }
      items.push({ kind: 'full', uri, version, resultId, items: diagnostics });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { items };
  }

  /** Resolves at the next change, or when the request is cancelled. */
  private nextChange(token: CancellationToken): Promise<void> {
    if (token.isCancellationRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        this.waiting.delete(wake);
        cancelled.dispose();
        resolve();
      };
      const cancelled = token.onCancellationRequested(wake);
      this.waiting.add(wake);
    });
  }
}

function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
