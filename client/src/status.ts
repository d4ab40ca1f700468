/// <reference types="vscode" />
// The language status item ({} in the status bar next to the language mode): "starting…" while the
// server starts (its first program can take seconds on a loaded machine), then "ready" with what it
// found in the active file: its close() calls and their runtime profile(s) (wsclose/fileInfo).
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { FILE_INFO_REQUEST } from '../../server/src/protocol';
import type { FileInfoParams, FileInfoResult } from '../../server/src/protocol';
import type { ClientHandle } from './client-handle';
import { DOCUMENT_SELECTOR } from './client-handle';

export function registerStatus(context: vscode.ExtensionContext, handle: ClientHandle): { readonly item: vscode.LanguageStatusItem; refresh(): void } {
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
      item.text = state === State.Starting ? vscode.l10n.t('wsclose: starting…') : vscode.l10n.t('wsclose: stopped');
      item.detail = state === State.Starting ? vscode.l10n.t('Loading the project') : vscode.l10n.t('The server is not running');
      if (state !== State.Starting) item.command = { title: vscode.l10n.t('Restart Server'), command: 'wsclose.restartServer' };
      item.accessibilityInformation = { label: `${item.text}, ${item.detail}` };
      return;
    }
    item.busy = false;
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.text = vscode.l10n.t('wsclose: ready');
    const editor = vscode.window.activeTextEditor;
    let info: FileInfoResult | undefined;
    if (editor && vscode.languages.match(DOCUMENT_SELECTOR, editor.document) !== 0) {
      const params: FileInfoParams = { textDocument: { uri: editor.document.uri.toString() } };
      try {
        info = await client.sendRequest<FileInfoResult>(FILE_INFO_REQUEST, params);
      } catch (error) {
        handle.output.warn(`${FILE_INFO_REQUEST} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (mine !== generation) return;
    }
    item.detail = foundIn(info);
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
  return { item, refresh: () => schedule(0) };
}

/** What the server found in the active file, in plain words (the item shows no markdown). */
function foundIn(info: FileInfoResult | undefined): string {
  if (!info) return vscode.l10n.t('Checks the open JavaScript and TypeScript files');
  if (!info.checked) return vscode.l10n.t('This file is not checked');
  if (info.closeCalls === 0) return vscode.l10n.t('No WebSocket close() call in this file');
  const runtimes = info.runtimes.map((runtime) => runtime.name).join(', ');
  return info.closeCalls === 1 ? vscode.l10n.t('1 WebSocket close() call in this file: {0}', runtimes) : vscode.l10n.t('{0} WebSocket close() calls in this file: {1}', info.closeCalls, runtimes);
}
