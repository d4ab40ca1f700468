// The language server, given a connection (no process globals, so tests can drive it over any
// transport): capability negotiation, document sync, file watching, settings, diagnostics (push or
// pull, by client capability), code actions and commands, and the feature modules.
import * as ts from 'typescript';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  WatchKind,
} from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Connection, InitializeParams, InitializeResult, ServerCapabilities } from 'vscode-languageserver';
import { renderTemplate } from '../core/text/render-template';
import { resolveLocale } from '../registry/locales/catalog';
import type { Locale } from '../registry/locales/catalog';
import { registerClientRequests } from './client-requests';
import { registerCodeMapRequest } from './code-map-request';
import { ConfigCache } from './config-cache';
import { isRange, uriToPath } from './convert';
import { fixAllAction, FIX_ALL_KIND, quickFixes, SHOW_DOCUMENTATION_COMMAND, wants } from './code-actions';
import type { DiagnosticData } from './diagnostics';
import { DocsLinks, ResultCache } from './diagnostics';
import { Delivery } from './delivery';
import { Documents } from './documents';
import { registerFeatures } from './feature-wiring';
import { guardNotification, guardRequest, requireUri } from './guard';
import { Linting } from './linting';
import { LoadLog } from './load-log';
import { IdleCollector } from './memory';
import { SettingsCache } from './settings';
import { lspText } from './text';
import { ProjectService } from '../engine/project-service';
import type { Logger } from '../engine/project-service';

export interface ServerOptions {
  /** The installed package's root (docs/rules/*.md and README.md live there). */
  readonly packageRoot: string;
  readonly version?: string;
}

interface ClientSupport {
  pull: boolean;
  configuration: boolean;
  watchRegistration: boolean;
  configurationRegistration: boolean;
  documentChanges: boolean;
  showDocument: boolean;
  diagnosticRefresh: boolean;
  inlayHintRefresh: boolean;
}

const WATCHED_KIND: Readonly<Record<number, 'created' | 'changed' | 'deleted'>> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

export function startServer(connection: Connection, options: ServerOptions): void {
  const log: Logger = { info: (m) => connection.console.info(m), error: (m) => connection.console.error(m) };
  const documents = new Documents();
  const support: ClientSupport = {
    pull: false,
    configuration: false,
    watchRegistration: false,
    configurationRegistration: false,
    documentChanges: false,
    showDocument: false,
    diagnosticRefresh: false,
    inlayHintRefresh: false,
  };
  let folders: string[] = [];
  let locale: Locale = 'en';
  const projects = new ProjectService(documents, log, () => folders, ts.sys);
  const configs = new ConfigCache(process.cwd(), { ...log, warnUser: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }) }, () => locale);
  const settings = new SettingsCache(connection, () => support.configuration, log);
  const loads = new LoadLog(log);
  const linting = new Linting({ documents, projects, configs, settings, log, locale: () => locale, loads });
  const results = new ResultCache();
  const docs = new DocsLinks(options.packageRoot);
  const delivery = new Delivery({ connection, documents, projects, linting, results, docs, log, locale: () => locale, loads });
  const features = registerFeatures(connection, { documents, linting, log });
  registerClientRequests(connection, { documents, linting, log, locale: () => locale });
  registerCodeMapRequest(connection, { documents, projects, linting, log, folders: () => folders });

  connection.onInitialize(
    guardRequest(log, 'initialize', (params: InitializeParams): InitializeResult => {
      const caps = params.capabilities ?? {};
      support.pull = caps.textDocument?.diagnostic !== undefined;
      support.configuration = caps.workspace?.configuration === true;
      support.watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      support.configurationRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      support.documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
      support.showDocument = caps.window?.showDocument?.support === true;
      support.diagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
      support.inlayHintRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
      const initOptions = (params.initializationOptions ?? {}) as { locale?: unknown };
      // The client's display language (VS Code passes it as initializationOptions.locale too):
      // fr, fr-CA, … → French; anything else → English.
      const requested = typeof initOptions.locale === 'string' ? initOptions.locale : params.locale;
      locale = resolveLocale(requested);
      if (requested && locale === 'en' && !/^en(?:[-_]|$)/i.test(requested)) log.info(`Locale '${requested}' requested; no catalog for it, using English.`);
      folders = (params.workspaceFolders ?? []).flatMap((f) => uriToPath(f.uri) ?? []);
      const rootPath = params.rootUri ? uriToPath(params.rootUri) : undefined;
      if (folders.length === 0 && rootPath) folders = [rootPath];
      configs.setDefaultBaseDir(folders[0] ?? process.cwd());
      delivery.push = !support.pull;
      const capabilities: ServerCapabilities = {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.RefactorRewrite], resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(support.pull ? { diagnosticProvider: { identifier: 'wsclose', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        ...features.capabilities,
      };
      return { capabilities, serverInfo: { name: 'wsclose', ...(options.version ? { version: options.version } : {}) } };
    }),
  );

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      log.info(
        `wsclose language server ${options.version ?? '(unknown version)'} started: Node ${process.version}, TypeScript ${ts.version}, ${locale === 'fr' ? 'French' : 'English'}, ` +
          `diagnostics ${support.pull ? 'pulled' : 'pushed'}, folders: ${folders.length > 0 ? folders.join(', ') : 'none'}.`,
      );
      if (support.watchRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/{tsconfig*.json,jsconfig*.json,package.json,wsclose.config.json}' },
            { globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
          ],
        });
      }
      if (support.configurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'wsclose' });
      if (folders.length > 0) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification(log, 'workspace/didChangeWorkspaceFolders', (event) => {
            const removed = new Set(event.removed.flatMap((f) => uriToPath(f.uri) ?? []));
            folders = [...folders.filter((f) => !removed.has(f)), ...event.added.flatMap((f) => uriToPath(f.uri) ?? [])];
            projects.reset();
            environmentChanged();
          }),
        );
      }
    }),
  );

  // Documents: any change can alter every open file's results (types are cross-file).
  const idleCollector = new IdleCollector();
  documents.manager.onDidOpen(guardNotification(log, 'didOpen', ({ document }) => (projects.documentsChanged(), delivery.changed(document.uri), idleCollector.garbageMade())));
  documents.manager.onDidChangeContent(guardNotification(log, 'didChange', ({ document }) => (projects.documentsChanged(), delivery.changed(document.uri), idleCollector.garbageMade())));
  documents.manager.onDidSave(guardNotification(log, 'didSave', ({ document }) => delivery.changed(document.uri, { saved: true })));
  documents.manager.onDidClose(
    guardNotification(log, 'didClose', ({ document }) => {
      projects.documentsChanged();
      settings.forget(document.uri);
      delivery.closed(document.uri);
      idleCollector.garbageMade();
    }),
  );
  documents.manager.listen(connection);

  /** Settings, configs or projects changed: re-check open documents; pull clients re-pull. */
  const environmentChanged = (): void => {
    results.clear();
    delivery.changed();
    if (support.pull && support.diagnosticRefresh) void connection.languages.diagnostics.refresh().catch((e: unknown) => log.error(`diagnostic refresh failed: ${String(e)}`));
    if (support.inlayHintRefresh) void connection.languages.inlayHint.refresh().catch((e: unknown) => log.error(`inlay hint refresh failed: ${String(e)}`));
  };

  connection.onDidChangeWatchedFiles(
    guardNotification(log, 'workspace/didChangeWatchedFiles', (params) => {
      const changes = (params.changes ?? []).flatMap((change) => {
        const file = uriToPath(change?.uri);
        return file === undefined ? [] : [{ file, kind: WATCHED_KIND[change.type] ?? 'changed' }];
      });
      const { relevant, configs: configsChanged } = projects.filesChanged(changes);
      if (configsChanged) configs.clear();
      if (relevant) environmentChanged();
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(log, 'workspace/didChangeConfiguration', (params) => {
      settings.changed(params?.settings);
      environmentChanged();
    }),
  );

  connection.languages.diagnostics.on(guardRequest(log, 'textDocument/diagnostic', (params, token) => (requireUri(params), delivery.pullDocument(params, token))));
  connection.languages.diagnostics.onWorkspace(guardRequest(log, 'workspace/diagnostic', (params, token) => delivery.pullWorkspace(params ?? {}, token)));

  connection.onCodeAction(
    guardRequest(log, 'textDocument/codeAction', async (params: CodeActionParams): Promise<CodeAction[]> => {
      const uri = requireUri(params);
      const document = documents.byUri(uri);
      if (!document || !isRange(params.range)) return [];
      const only = params.context?.only;
      const editOptions = { documentChanges: support.documentChanges };
      const actions: CodeAction[] = [];
      if (wants(only, CodeActionKind.QuickFix)) {
        const dataFor = (d: { data?: unknown }): DiagnosticData | undefined =>
          isDiagnosticData(d.data) ? d.data : results.dataFor(uri, d as Parameters<ResultCache['dataFor']>[1]);
        actions.push(...quickFixes(document, { ...params, context: { ...params.context, diagnostics: params.context?.diagnostics ?? [] } }, dataFor, docs, editOptions, lspText(locale)));
      }
      const wantsFixAll = wants(only, FIX_ALL_KIND) && (only !== undefined || actions.length > 0);
      const wantsRefactor = wants(only, CodeActionKind.RefactorRewrite) && features.refactors !== undefined;
      if (wantsFixAll || wantsRefactor) {
        const version = document.version;
        const fileSettings = await linting.settingsFor(document.uri);
        if (documents.byUri(uri)?.version !== version) return actions; // changed meanwhile: the client asks again
        const computed = linting.withState(document.uri, fileSettings, { needProgram: wantsRefactor }, (state) => [
          ...(wantsFixAll ? [fixAllAction(document, linting.findings(state), editOptions, lspText(locale))].filter((action) => action !== undefined) : []),
          ...(wantsRefactor && state.program ? features.refactors!(state, params.range, editOptions) : []),
        ]);
        actions.push(...(computed ?? []));
      }
      return actions;
    }),
  );

  connection.onExecuteCommand(
    guardRequest(log, 'workspace/executeCommand', async (params) => {
      if (params?.command !== SHOW_DOCUMENTATION_COMMAND) return null;
      const target = params.arguments?.[0];
      if (typeof target !== 'string') return null;
      if (support.showDocument) await connection.window.showDocument({ uri: target, external: false });
      else void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: renderTemplate(lspText(locale).documentationAt, { path: uriToPath(target.replace(/#.*$/, '')) ?? target }) });
      return null;
    }),
  );

  connection.onShutdown(() => {
    try {
      delivery.dispose();
      idleCollector.dispose();
      projects.dispose();
    } catch (error) {
      log.error(`shutdown: ${String(error)}`);
    }
  });
}

function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && 'ruleId' in value && 'version' in value;
}

