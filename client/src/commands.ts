/// <reference types="vscode" />
// The extension's commands. Each one delegates to the server or to VS Code: the reference view
// is the server's registry table opened as a markdown preview, fix-all is the server's
// `source.fixAll.wsclose` code action.
import * as vscode from 'vscode';
import { FIX_ALL_CODE_ACTION_KIND, REGISTRY_TABLE_REQUEST } from '../../server/src/protocol';
import type { RegistryTableResult } from '../../server/src/protocol';
import type { ClientHandle } from './client-handle';

export function registerCommands(context: vscode.ExtensionContext, handle: ClientHandle): void {
  context.subscriptions.push(
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
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${content}\n` });
      await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    }),
  );
}
