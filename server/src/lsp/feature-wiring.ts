// Wires the pure feature modules of ./features (hover, completion, inlay hints, refactors) into
// the connection: capabilities to announce, and handlers that build the file's current state
// (settings, config, program) and call them. Stale or cancelled requests answer nothing.
import type { CancellationToken, CodeAction, Connection, Range, ServerCapabilities } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { workspaceEdit } from './code-actions';
import type { EditOptions } from './code-actions';
import { isRange } from './convert';
import type { Documents } from './documents';
import { completionsAt } from './features/completion';
import { hoverAt } from './features/hover';
import { inlayHintsIn } from './features/inlay-hints';
import { refactorsAt } from './features/refactors';
import { guardRequest, requireUri } from './guard';
import type { FileState, Linting } from './linting';
import type { Logger } from '../engine/project-service';

export interface FeatureDeps {
  readonly documents: Documents;
  readonly linting: Linting;
  readonly log: Logger;
}

export interface RegisteredFeatures {
  readonly capabilities: Partial<ServerCapabilities>;
  /** Refactor code actions (kind refactor.rewrite). */
  readonly refactors?: (state: FileState, range: Range, options: EditOptions) => CodeAction[];
}

export function registerFeatures(connection: Connection, deps: FeatureDeps): RegisteredFeatures {
  const { documents, linting, log } = deps;

  /**
   * `compute` over the current state of an open document with a program (again over a rebuilt
   * program when it needed a left-out import: Linting.withState), or undefined (unknown, disabled,
   * stale, cancelled, no program).
   */
  const withProgram = async <T>(
    params: unknown,
    token: CancellationToken,
    compute: (state: FileState & { program: NonNullable<FileState['program']> }, document: TextDocument) => T,
  ): Promise<T | undefined> => {
    const uri = requireUri(params);
    const document = documents.byUri(uri);
    if (!document) return undefined;
    const version = document.version;
    const settings = await linting.settingsFor(document.uri);
    if (token.isCancellationRequested || documents.byUri(uri)?.version !== version || !settings.enable) return undefined;
    return linting.withState(document.uri, settings, { needProgram: true }, (state) =>
      state.program ? compute(state as FileState & { program: NonNullable<FileState['program']> }, document) : undefined,
    );
  };

  connection.onHover(
    guardRequest(log, 'textDocument/hover', async (params, token) => {
      requireUri(params); // malformed parameters are a protocol error, not an empty answer
      if (!isPosition(params.position)) return null;
      return (await withProgram(params, token, (state, document) => hoverAt(state.program, state.sourceFile, document.offsetAt(params.position), state.context, () => linting.findings(state)))) ?? null;
    }),
  );

  connection.onCompletion(
    guardRequest(log, 'textDocument/completion', async (params, token) => {
      requireUri(params); // malformed parameters are a protocol error, not an empty answer
      if (!isPosition(params.position)) return null;
      return (await withProgram(params, token, (state, document) => completionsAt(state.program, state.sourceFile, document.offsetAt(params.position), state.context, () => linting.findings(state)))) ?? null;
    }),
  );

  connection.languages.inlayHint.on(
    guardRequest(log, 'textDocument/inlayHint', async (params, token) => {
      requireUri(params);
      if (!isRange(params.range)) return null;
      return (
        (await withProgram(params, token, (state, document) => {
          const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
          return inlayHintsIn(state.program, state.sourceFile, range, state.context);
        })) ?? null
      );
    }),
  );

  return {
    capabilities: {
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['('], resolveProvider: false },
      inlayHintProvider: { resolveProvider: false },
    },
    refactors: (state, range, options) => {
      if (!state.program) return [];
      const offsets = { start: state.document.offsetAt(range.start), end: state.document.offsetAt(range.end) };
      return refactorsAt(state.program, state.sourceFile, offsets, state.context).map((refactor) => ({
        title: refactor.title,
        kind: CodeActionKind.RefactorRewrite,
        edit: workspaceEdit(state.document, refactor.edits, options),
      }));
    },
  };
}

function isPosition(value: unknown): value is { line: number; character: number } {
  return isRange({ start: value, end: value });
}
