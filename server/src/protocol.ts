// The custom requests between the VS Code client and the language server: names and message
// shapes only (no imports, no code), so that the client can share them without pulling in the server.

/** `wsclose/registryTable`: the whole close-code registry as one markdown document, in the server's locale. */
export const REGISTRY_TABLE_REQUEST = 'wsclose/registryTable';

export interface RegistryTableResult {
  /** A markdown document: a heading and one table row per code or range. */
  readonly markdown: string;
}

/** `wsclose/fileInfo`: what the server sees in one document, for the editor's status item. */
export const FILE_INFO_REQUEST = 'wsclose/fileInfo';

export interface FileInfoParams {
  readonly textDocument: { readonly uri: string };
}

export interface FileInfoResult {
  /** False when the server does not check this document (disabled, ignored, other scheme or extension). */
  readonly checked: boolean;
  /** Close-like calls on a WebSocket receiver in the document. */
  readonly closeCalls: number;
  /** The runtime profiles of those calls' receivers, in order of first appearance. */
  readonly runtimes: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** The code action kind of the server's fix-all (what `wsclose.fixAll` asks for). */
export const FIX_ALL_CODE_ACTION_KIND = 'source.fixAll.wsclose';
