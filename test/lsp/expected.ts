// Expected diagnostics of the fixture workspace test/fixtures/lsp/basic (shared by the push, pull
// and CLI-parity tests). Messages are the engine's, exactly as the CLI prints them.
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from '../harness/paths';
import { uriOf } from './harness';

export const docsHref = (ruleId: string): string => uriOf(path.join(REPO_ROOT, 'docs', 'rules', `${ruleId}.md`));

export const REASON_WITHOUT_CODE_MESSAGE = 'A close reason is passed without a code; pass a code first, such as 1000.';

const reservedMessage = (code: string): string => `${code} is reserved and never sent; use 1000 or 1011, or no code.`;

const range = (line: number, start: number, end: number): Diagnostic['range'] => ({ start: { line, character: start }, end: { line, character: end } });

/** server.ts as committed: diagnostics without `data` (compared separately). */
export const SERVER_TS_DIAGNOSTICS: Diagnostic[] = [
  {
    range: range(8, 19, 28),
    severity: 2,
    source: 'wsclose',
    code: 'reason-without-code',
    codeDescription: { href: docsHref('reason-without-code') },
    message: REASON_WITHOUT_CODE_MESSAGE,
  },
  {
    range: range(10, 19, 23),
    severity: 1,
    source: 'wsclose',
    code: 'reserved-code',
    codeDescription: { href: docsHref('reserved-code') },
    message: reservedMessage('1005 (No Status Received)'),
  },
];

/** server.ts after codes.ts changed SHUTDOWN_CODE to 1006. */
export const SHUTDOWN_1006_DIAGNOSTIC: Diagnostic = {
  range: range(13, 43, 56),
  severity: 1,
  source: 'wsclose',
  code: 'reserved-code',
  codeDescription: { href: docsHref('reserved-code') },
  message: reservedMessage('1006 (Abnormal Closure)'),
};

export function withoutData(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map(({ data: _data, ...rest }) => rest);
}
