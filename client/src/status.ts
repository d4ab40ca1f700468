/// <reference types="vscode" />
// The language status item ({} in the status bar next to the language mode): the server's state
// and, for the active file, the runtime profile(s) of its close() calls (asked with wsclose/fileInfo).
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { FILE_INFO_REQUEST } from '../../server/src/protocol';
import type { FileInfoParams, FileInfoResult } from '../../server/src/protocol';
import type { ClientHandle } from './client-handle';
import { DOCUMENT_SELECTOR } from './client-handle';

export function registerStatus(context: vscode.ExtensionContext, handle: ClientHandle): { refresh(): void } {
  const item = vscode.languages.createLanguageStatusItem('wsclose.status', DOCUMENT_SELECTOR);
  item.name = 'wsclose';
  context.subscriptions.push(item);
  let generation = 0;
  let timer: NodeJS.Timeout | undefined;

  const refresh = async (): Promise<void> => {
    const mine = ++generation;
    const client = handle.current;
    const state = client?.state ?? State.Stopped;
    item.command = { title: vscode.l10n.t('Show Output'), command: 'wsclose.showOutput' };
    if (state !== State.Running || !client) {
      item.busy = state === State.Starting;
      item.severity = state === State.Starting ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
      item.text = state === State.Starting ? vscode.l10n.t('wsclose: starting') : vscode.l10n.t('wsclose: stopped');
      item.detail = state === State.Starting ? undefined : vscode.l10n.t('The server is not running');
      if (state !== State.Starting) item.command = { title: vscode.l10n.t('Restart Server'), command: 'wsclose.restartServer' };
      return;
    }
    item.busy = false;
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.detail = vscode.l10n.t('wsclose server running');
    const editor = vscode.window.activeTextEditor;
    if (!editor || vscode.languages.match(DOCUMENT_SELECTOR, editor.document) === 0) {
      item.text = 'wsclose';
      return;
    }
    const params: FileInfoParams = { textDocument: { uri: editor.document.uri.toString() } };
    let info: FileInfoResult | undefined;
    try {
      info = await client.sendRequest<FileInfoResult>(FILE_INFO_REQUEST, params);
    } catch (error) {
      handle.output.warn(`${FILE_INFO_REQUEST} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (mine !== generation) return;
    item.text = !info
      ? 'wsclose'
      : !info.checked
        ? vscode.l10n.t('wsclose: not checked')
        : info.closeCalls === 0
          ? vscode.l10n.t('wsclose: no close() calls')
          : vscode.l10n.t('wsclose: {0}', info.runtimes.map((runtime) => runtime.id).join(', '));
    if (info && info.runtimes.length > 0) item.detail = `${item.detail} · ${info.runtimes.map((runtime) => runtime.name).join(', ')}`;
    item.accessibilityInformation = { label: `${item.text}, ${item.detail}` };
  };

  /** Coalesces bursts of edits into one request. */
  const schedule = (delay = 300): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), delay);
  };

  context.subscriptions.push(
    handle.onDidChangeState(() => schedule(0)),
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) schedule();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  schedule(0);
  return { refresh: () => schedule(0) };
}
