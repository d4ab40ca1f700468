/// <reference types="vscode" />
// What the commands and the status item share with the extension's entry point.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

/** The JS/TS documents the server checks, on disk and not yet saved (`.mts/.cts/.mjs/.cjs` have these language ids too). */
export const DOCUMENT_SELECTOR: Array<{ readonly scheme: string; readonly language: string }> = LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** The running client, replaced by `wsclose.restartServer`. */
export interface ClientHandle {
  readonly current: LanguageClient | undefined;
  readonly output: vscode.LogOutputChannel;
  /** Fires when the client starts, stops or is replaced. */
  readonly onDidChangeState: vscode.Event<void>;
  restart(): Promise<void>;
}
