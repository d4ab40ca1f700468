// Every handler runs behind a guard: an exception in a notification is logged, an exception in a
// request is logged and answered with a ResponseError. Malformed parameters are protocol errors,
// never a crashed server.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import { errorText } from '../engine/error-text';
import type { Logger } from '../engine/project-service';

export function guardRequest<P, R>(
  log: Logger,
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log.error(`${name} failed: ${errorText(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `wsclose: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

export function guardNotification<P>(log: Logger, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => log.error(`${name} failed: ${errorText(error)}`));
    } catch (error) {
      log.error(`${name} failed: ${errorText(error)}`);
    }
  };
}

/** The `textDocument.uri` of request parameters, or an InvalidParams error. */
export function requireUri(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'Expected params.textDocument.uri to be a string.');
  return uri;
}
