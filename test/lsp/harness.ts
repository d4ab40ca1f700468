// A real LSP client for protocol tests: spawns the BUILT server (`node dist/language-server.js
// --stdio`), talks JSON-RPC with vscode-languageserver-protocol, answers the server's requests
// (configuration, registrations, showDocument, refresh) and records its notifications.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  DiagnosticRefreshRequest,
} from 'vscode-languageserver-protocol/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, ProtocolConnection, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO_ROOT } from '../harness/paths';

export const SERVER = path.join(REPO_ROOT, 'dist', 'language-server.js');
export const LSP_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'lsp');

export const uriOf = (file: string): string => pathToFileURL(file).href;

export interface ClientOptions {
  readonly workspace: string;
  /** Declare pull diagnostics (textDocument.diagnostic). */
  readonly pull?: boolean;
  /** The `wsclose` settings section returned for workspace/configuration. */
  readonly settings?: Record<string, unknown>;
  readonly initializationOptions?: Record<string, unknown>;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly messages: Array<{ type: number; message: string }> = [];
  readonly logs: string[] = [];
  /** window/logMessage with its level (1 error … 4 log). */
  readonly logMessages: Array<{ type: number; message: string }> = [];
  readonly shownDocuments: string[] = [];
  readonly registrations: string[] = [];
  readonly protocolErrors: string[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  private readonly texts = new Map<string, TextDocument>();
  private readonly waiters: Array<() => void> = [];
  private readonly exited: Promise<number | null>;

  constructor(
    readonly child: ChildProcess,
    readonly options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onError(([error]) => this.protocolErrors.push(String(error)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.notify();
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => (this.messages.push(params), this.notify()));
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.logMessages.push(params);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
    });
    this.connection.onRequest(ShowDocumentRequest.type, (params) => (this.shownDocuments.push(params.uri), { success: true }));
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {});
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: false },
        diagnostics: { refreshSupport: true },
      },
      window: { showDocument: { support: true } },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
        codeAction: { dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
        ...(this.options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(this.options.workspace),
      workspaceFolders: [{ uri: uriOf(this.options.workspace), name: 'fixture' }],
      capabilities,
      ...(this.options.initializationOptions ? { initializationOptions: this.options.initializationOptions } : {}),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Opens a file of the workspace (text from disk unless given); returns its URI. */
  async open(file: string, text?: string): Promise<string> {
    const uri = uriOf(file);
    const document = TextDocument.create(uri, 'typescript', 1, text ?? fs.readFileSync(file, 'utf8'));
    this.texts.set(uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'typescript', version: 1, text: document.getText() },
    });
    return uri;
  }

  uriOf(file: string): string {
    return uriOf(file);
  }

  text(uri: string): string {
    return this.texts.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.texts.get(uri)!.version;
  }

  /** Applies edits to the client's copy and sends them as one full-text didChange. */
  async edit(uri: string, edits: TextEdit[]): Promise<void> {
    const current = this.texts.get(uri)!;
    const text = TextDocument.applyEdits(current, edits);
    const next = TextDocument.create(uri, current.languageId, current.version + 1, text);
    this.texts.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: [{ text }] });
  }

  /** The next published diagnostics for `uri` (for its current version) that satisfy `accept`. */
  async diagnostics(uri: string, accept: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = this.published.get(uri) ?? [];
      const last = list[list.length - 1];
      if (last && last.version === this.version(uri) && accept(last.diagnostics)) return last.diagnostics;
      if (Date.now() > deadline) throw new Error(`No matching diagnostics for ${uri}; last: ${JSON.stringify(last)}\nstderr: ${this.stderr}`);
      await this.waitForNotification(deadline - Date.now());
    }
  }

  async waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('Timed out');
      await this.waitForNotification(deadline - Date.now());
    }
  }

  /** shutdown + exit; resolves with the exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }

  private waitForNotification(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(10, Math.min(ms, 200)));
      this.waiters.push(() => (clearTimeout(timer), resolve()));
    });
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

export async function startClient(options: ClientOptions): Promise<{ client: TestClient; init: InitializeResult }> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: options.workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  const client = new TestClient(child, options);
  const init = await client.initialize();
  return { client, init };
}

/** Copies a fixture workspace to a temporary folder (for tests that change files on disk). */
export function copyFixture(name: string): string {
  const target = fs.mkdtempSync(path.join(LSP_FIXTURES, `.tmp-${name}-`));
  fs.cpSync(path.join(LSP_FIXTURES, name), target, { recursive: true });
  return target;
}
