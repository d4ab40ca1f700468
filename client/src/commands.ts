/// <reference types="vscode" />
// The extension's commands. Each one delegates to the server or to VS Code: the reference view
// is the server's registry table opened as a markdown preview, fix-all is the server's
// `source.fixAll.wsclose` code action. The table is a read-only document of its own scheme (a
// content provider), not an untitled one that would ask to be saved when it is closed.
import * as vscode from 'vscode';
import { FIX_ALL_CODE_ACTION_KIND, REGISTRY_TABLE_REQUEST } from '../../server/src/protocol';
import type { RegistryTableResult } from '../../server/src/protocol';
import type { ClientHandle } from './client-handle';

/** The scheme of the close-code reference document (read-only, never dirty). */
export const REFERENCE_SCHEME = 'wsclose-reference';
const REFERENCE_URI = vscode.Uri.from({ scheme: REFERENCE_SCHEME, path: '/close-codes.md' });

export function registerCommands(context: vscode.ExtensionContext, handle: ClientHandle): void {
  const reference = new ReferenceContent();
  context.subscriptions.push(
    reference,
    vscode.workspace.registerTextDocumentContentProvider(REFERENCE_SCHEME, reference),
    vscode.commands.registerCommand('wsclose.restartServer', async () => {
      handle.output.info('Restarting the wsclose server.');
      await handle.restart();
    }),

    vscode.commands.registerCommand('wsclose.showOutput', () => handle.output.show(true)),

    vscode.commands.registerCommand('wsclose.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const document = editor.document;
      const fullRange = new vscode.Range(0, 0, document.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        fullRange,
        FIX_ALL_CODE_ACTION_KIND,
      );
      const fixAll = (actions ?? []).find((action) => action.kind?.value === FIX_ALL_CODE_ACTION_KIND && action.edit);
      if (!fixAll?.edit) {
        void vscode.window.showInformationMessage(vscode.l10n.t('wsclose found nothing to fix automatically in this file.'));
        return;
      }
      await vscode.workspace.applyEdit(fixAll.edit);
    }),

    vscode.commands.registerCommand('wsclose.openReference', async () => {
      const client = handle.current;
      if (!client?.isRunning()) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The wsclose server is not running.'));
        return;
      }
      const { markdown } = await client.sendRequest<RegistryTableResult>(REGISTRY_TABLE_REQUEST, {});
      const content = [`# ${vscode.l10n.t('WebSocket close codes')}`, vscode.l10n.t('Every close code and range wsclose knows, what it means and which runtimes accept it in close().'), markdown].join('\n\n');
      reference.set(REFERENCE_URI, `${content}\n`);
      await vscode.workspace.openTextDocument(REFERENCE_URI);
      await vscode.commands.executeCommand('markdown.showPreview', REFERENCE_URI);
    }),
  );
}

/** The text of the reference document, replaced (and announced) each time the command runs. */
class ReferenceContent implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private text = '';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.changed.fire(uri);
  }

  provideTextDocumentContent(): string {
    return this.text;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
