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
  /** The runtime profiles of those calls' receivers, in order of first appearance; names in plain text. */
  readonly runtimes: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** The code action kind of the server's fix-all (what `wsclose.fixAll` asks for). */
export const FIX_ALL_CODE_ACTION_KIND = 'source.fixAll.wsclose';

/**
 * `wsclose/codeMap`: the close codes the workspace sends and handles, as `wsclose codes` lists
 * them (engine/code-map.ts), for the extension's Close-Code Reference view. No parameters.
 */
export const CODE_MAP_REQUEST = 'wsclose/codeMap';

/** A place in a file: its URI and an LSP position (0-based line, UTF-16 character). */
export interface CodeMapPlace {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}

export interface CodeMapCode {
  readonly code: number;
  /** The project's name for it (wsclose.config.json, app profiles), else the registry's. */
  readonly name: string;
  /** Where a close-like call sends it, with the runtime profile of the receiver. */
  readonly sent: ReadonlyArray<CodeMapPlace & { readonly runtime: string }>;
  /** Where a received close code is compared with it, a `case` tests it, or a set holds it. */
  readonly handled: readonly CodeMapPlace[];
}

export interface CodeMapResult {
  /** Ascending by code; places in file order. */
  readonly codes: readonly CodeMapCode[];
  /** Codes sent but handled nowhere in the workspace. */
  readonly sentNotHandled: readonly number[];
  /** Codes handled but never sent by the workspace (the peer may be outside it). */
  readonly handledNotSent: readonly number[];
  /** True when the workspace had more files than the server reads for the map (the rest are left out). */
  readonly truncated: boolean;
}
