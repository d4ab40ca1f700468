// The custom requests of the VS Code client (names and shapes in ../protocol.ts):
// `wsclose/registryTable` (the registry as markdown, for "Open Close-Code Reference") and
// `wsclose/fileInfo` (the runtime profiles of a document's close-like calls, for the status item).
import type { Connection } from 'vscode-languageserver';
import { renderRegistryTable } from '../engine/code-docs';
import { analyzeSourceFile } from '../engine/lint-file';
import { FILE_INFO_REQUEST, REGISTRY_TABLE_REQUEST } from '../protocol';
import type { FileInfoParams, FileInfoResult, RegistryTableResult } from '../protocol';
import { registryText } from '../registry';
import type { Locale } from '../registry/locales/catalog';
import type { RuntimeId } from '../registry/types';
import { docsText } from './features/text';
import { guardRequest, requireUri } from './guard';
import type { Documents } from './documents';
import type { Linting } from './linting';
import type { Logger } from '../engine/project-service';

export interface ClientRequestDeps {
  readonly documents: Documents;
  readonly linting: Linting;
  readonly log: Logger;
  readonly locale: () => Locale;
}

const NOT_CHECKED: FileInfoResult = { checked: false, closeCalls: 0, runtimes: [] };

export function registerClientRequests(connection: Connection, deps: ClientRequestDeps): void {
  const { documents, linting, log, locale } = deps;

  connection.onRequest(
    REGISTRY_TABLE_REQUEST,
    guardRequest(log, REGISTRY_TABLE_REQUEST, (): RegistryTableResult => ({ markdown: renderRegistryTable(docsText(locale())) })),
  );

  connection.onRequest(
    FILE_INFO_REQUEST,
    guardRequest(log, FILE_INFO_REQUEST, async (params: FileInfoParams, token): Promise<FileInfoResult> => {
      const uri = requireUri(params);
      const document = documents.byUri(uri);
      const version = document?.version;
      const settings = await linting.settingsFor(uri);
      if (token.isCancellationRequested || documents.byUri(uri)?.version !== version || !settings.enable) return NOT_CHECKED;
      const info = linting.withState(uri, settings, { needProgram: false }, (state): FileInfoResult => {
        if (state.fileConfig.ignored) return NOT_CHECKED;
        if (!state.program) return { checked: true, closeCalls: 0, runtimes: [] };
        const { sites } = analyzeSourceFile(state.program, state.sourceFile, {
          config: state.fileConfig.config,
          appProfiles: state.fileConfig.appProfiles,
          platform: state.fileConfig.platform,
          ...(state.fileConfig.runtimeOverride ? { runtimeOverride: state.fileConfig.runtimeOverride } : {}),
          applyDirectives: false,
        });
        const ids = [...new Set(sites.flatMap((site) => site.runtimes))] as RuntimeId[];
        const names = registryText(locale()).runtimes;
        // Plain text: the registry's names carry markdown code spans (`ws`), which a status item shows raw.
        return { checked: true, closeCalls: sites.length, runtimes: ids.map((id) => ({ id, name: names[id].name.replace(/`/g, '') })) };
      });
      return info ?? NOT_CHECKED;
    }),
  );
}
