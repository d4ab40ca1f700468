// `wsclose/codeMap`: the map of the close codes the workspace sends and handles, for the VS Code
// extension's Close-Code Reference view. The same engine code as `wsclose codes`
// (engine/code-map.ts), over the language server's programs: every checkable file of the
// workspace folders (and every open document) that passes the pre-scan, with its own settings
// and wsclose config (disabled and ignored files are left out), read through Linting.withState so
// lazy imports and left-out files behave as for diagnostics.
import * as path from 'node:path';
import * as ts from 'typescript';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { buildCodeMap, codeUsesInFile, type CodePlace, type FileCodeUses } from '../engine/code-map';
import { mayNeedAnalysis } from '../engine/lint-file';
import { CODE_MAP_REQUEST } from '../protocol';
import type { CodeMapPlace, CodeMapResult } from '../protocol';
import { createCodeNaming } from '../rules/code-naming';
import { pathToUri } from './convert';
import type { Documents } from './documents';
import { queryOptions } from './features/shared';
import { guardRequest } from './guard';
import type { Linting } from './linting';
import { isCheckableFile } from '../engine/project-service';
import type { Logger, ProjectService } from '../engine/project-service';

export interface CodeMapDeps {
  readonly documents: Documents;
  readonly projects: ProjectService;
  readonly linting: Linting;
  readonly log: Logger;
  /** The workspace folders (absolute paths). */
  readonly folders: () => readonly string[];
}

/** Files looked at (pre-scanned) per request; a larger workspace gets a partial map, marked truncated. */
export const MAX_MAP_FILES = 20_000;

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const EXCLUDES = ['**/node_modules/**', '**/.*/**'];
const MAX_DEPTH = 20;

export function registerCodeMapRequest(connection: Connection, deps: CodeMapDeps): void {
  connection.onRequest(
    CODE_MAP_REQUEST,
    guardRequest(deps.log, CODE_MAP_REQUEST, (_params: unknown, token: CancellationToken) => codeMap(deps, token)),
  );
}

async function codeMap(deps: CodeMapDeps, token: CancellationToken): Promise<CodeMapResult> {
  const { documents, projects, linting } = deps;
  const { files, truncated } = workspaceFiles(deps);
  const uses: FileCodeUses[] = [];
  const names = new Map<number, string>();
  for (const file of files) {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    const text = projects.readText(file);
    if (text === undefined || !mayNeedAnalysis(text, file)) continue;
    const uri = documents.get(file)?.uri ?? pathToUri(file);
    const settings = await linting.settingsFor(uri);
    if (!settings.enable) continue;
    try {
      const found = linting.withState(uri, settings, { needProgram: true }, (state) => {
        if (state.fileConfig.ignored || !state.program) return undefined;
        const fileUses = codeUsesInFile(state.program, state.sourceFile, queryOptions(state.context));
        const naming = createCodeNaming(state.fileConfig.config.codes, state.fileConfig.appProfiles);
        return { fileUses, nameOf: (code: number) => naming.nameOf(code) };
      });
      if (found) {
        uses.push(found.fileUses);
        for (const { code } of [...found.fileUses.sent, ...found.fileUses.handled]) if (!names.has(code)) names.set(code, found.nameOf(code));
      }
    } catch (error) {
      deps.log.error(`${CODE_MAP_REQUEST}: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((resolve) => setImmediate(resolve)); // let newer messages in
  }
  const placeOf = (place: CodePlace): CodeMapPlace => ({ uri: documents.get(place.fileName)?.uri ?? pathToUri(place.fileName), line: place.line - 1, character: place.column - 1 });
  const codes = buildCodeMap(uses).map((entry) => ({
    code: entry.code,
    name: names.get(entry.code)!,
    sent: entry.sent.map((place) => ({ ...placeOf(place), runtime: place.runtime })),
    handled: entry.handled.map(placeOf),
  }));
  return {
    codes,
    sentNotHandled: codes.filter((c) => c.sent.length > 0 && c.handled.length === 0).map((c) => c.code),
    handledNotSent: codes.filter((c) => c.handled.length > 0 && c.sent.length === 0).map((c) => c.code),
    truncated,
  };
}

/** The checkable files of the workspace folders and the open documents in them, sorted, at most MAX_MAP_FILES. */
function workspaceFiles(deps: CodeMapDeps): { files: string[]; truncated: boolean } {
  const found = new Set<string>();
  for (const folder of deps.folders()) {
    let listed: readonly string[];
    try {
      listed = ts.sys.readDirectory(folder, EXTENSIONS, EXCLUDES, ['**/*'], MAX_DEPTH);
    } catch (error) {
      deps.log.error(`${CODE_MAP_REQUEST}: cannot list ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const file of listed) if (isCheckableFile(file)) found.add(file);
  }
  // Unsaved new files of the folders; documents opened from outside them are not the workspace's.
  const folders = deps.folders().map((folder) => (folder.endsWith(path.sep) ? folder : folder + path.sep));
  for (const file of deps.documents.openFiles()) if (isCheckableFile(file) && (folders.length === 0 || folders.some((folder) => file.startsWith(folder)))) found.add(file);
  const files = [...found].sort();
  if (files.length > MAX_MAP_FILES) deps.log.info(`${CODE_MAP_REQUEST}: the workspace has ${files.length} files; the map reads the first ${MAX_MAP_FILES}.`);
  return { files: files.slice(0, MAX_MAP_FILES), truncated: files.length > MAX_MAP_FILES };
}
