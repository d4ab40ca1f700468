/// <reference types="vscode" />
// The VS Code extension: starts the bundled wsclose language server over IPC and wires the
// commands and the language status item to it. No analysis and no settings logic live here: the
// server reads the `wsclose.*` settings itself (workspace/configuration). `activate` returns the
// Close-Code Reference view's tree and the status item (what the extension-host tests read).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions, ShowDocumentRequest } from 'vscode-languageclient/node';
import type { ClientHandle } from './client-handle';
import { DOCUMENT_SELECTOR } from './client-handle';
import { registerCodeMapView } from './code-map-view';
import type { CodeMapTree } from './code-map-view';
import { registerCommands } from './commands';
import { RestartPolicy } from './restart-policy';
import { registerStatus } from './status';

let handle: ClientHandle | undefined;

/** What `activate` returns: `vscode.extensions.getExtension('wsclose.wsclose').exports`. */
export interface WscloseExtensionApi {
  readonly codeMap: CodeMapTree;
  /** The language status item, as the user sees it (what the extension-host tests read). */
  readonly status: Readonly<Pick<vscode.LanguageStatusItem, 'text' | 'detail' | 'busy'>>;
}

export async function activate(context: vscode.ExtensionContext): Promise<WscloseExtensionApi> {
  const activated = Date.now();
  const output = vscode.window.createOutputChannel('wsclose', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath('dist/extension/language-server.js');

  let client: LanguageClient | undefined;
  const stateChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(stateChanged);
  const policy = new RestartPolicy(output, () => void vscode.commands.executeCommand('wsclose.restartServer'));

  const create = (): LanguageClient => {
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      // No `synchronize.fileEvents`: the server registers its own file watchers (config files and
      // sources), and watchers here too would deliver every change twice.
      initializationOptions: { locale: vscode.env.language },
      outputChannel: output,
      traceOutputChannel: output,
      errorHandler: policy,
      middleware: { window: { showDocument: openDocumentation } },
    };
    // The id `wsclose` makes the client honour the `wsclose.trace.server` setting.
    const created = new LanguageClient('wsclose', 'wsclose', serverOptions, clientOptions);
    created.onDidChangeState(() => stateChanged.fire());
    return created;
  };

  const start = async (): Promise<void> => {
    client = create();
    stateChanged.fire();
    const version = (context.extension.packageJSON as { version?: string }).version ?? 'unknown';
    output.info(`Starting the wsclose language server (extension ${version}, VS Code ${vscode.version}).`);
    try {
      await client.start();
      output.info(`The wsclose language server is ready, ${Date.now() - activated} ms after the extension was activated.`);
    } catch (error) {
      output.error(vscode.l10n.t('The wsclose server could not start: {0}', error instanceof Error ? error.message : String(error)));
      throw error;
    }
  };

  handle = {
    get current() {
      return client;
    },
    output,
    onDidChangeState: stateChanged.event,
    async restart() {
      const previous = client;
      client = undefined;
      if (previous) {
        try {
          await previous.dispose(2000);
        } catch (error) {
          output.warn(`Stopping the server failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      policy.reset();
      await start();
    },
  };

  const status = registerStatus(context, handle);
  registerCommands(context, handle);
  const codeMap = registerCodeMapView(context, handle);
  await start().catch(() => undefined);
  return { codeMap, status: status.item };
}

/**
 * The server's "Show documentation" asks to show a docs page (a `.md` file of the package): it
 * opens as a rendered, read-only preview rather than as an editable markdown source.
 */
const openDocumentation: ShowDocumentRequest.MiddlewareSignature = async (params, token, next) => {
  const uri = vscode.Uri.parse(params.uri);
  if (params.external || uri.scheme !== 'file' || !uri.path.toLowerCase().endsWith('.md')) return next(params, token);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return { success: true };
};

export async function deactivate(): Promise<void> {
  const client = handle?.current;
  handle = undefined;
  if (client) await client.dispose(2000);
}
