/// <reference types="vscode" />
// What happens when the server process dies: restart it up to MAX_RESTARTS times within
// WINDOW_MS, then stop trying and say so clearly, with buttons to read the log or try again.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction } from 'vscode-languageclient/node';
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient/node';

export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60_000;

export class RestartPolicy implements ErrorHandler {
  private crashes: number[] = [];

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly restartServer: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A manual restart starts a new window. */
  reset(): void {
    this.crashes = [];
  }

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.output.error(`Connection to the wsclose server failed: ${error.message}`);
    // A few transport errors in a row are survivable; more mean the connection is gone.
    return count !== undefined && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes = [...this.crashes.filter((time) => now - time < WINDOW_MS), now];
    if (this.crashes.length <= MAX_RESTARTS) {
      this.output.warn(vscode.l10n.t('The wsclose server stopped unexpectedly. Restarting it ({0} of {1}).', this.crashes.length, MAX_RESTARTS));
      return { action: CloseAction.Restart, handled: true };
    }
    const message = vscode.l10n.t(
      'The wsclose server stopped unexpectedly {0} times in {1} minutes and will not be restarted. Its output may say why.',
      this.crashes.length,
      WINDOW_MS / 60_000,
    );
    this.output.error(message);
    const showOutput = vscode.l10n.t('Show Output');
    const restart = vscode.l10n.t('Restart Server');
    void vscode.window.showErrorMessage(message, showOutput, restart).then((choice) => {
      if (choice === showOutput) this.output.show(true);
      else if (choice === restart) this.restartServer();
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}
