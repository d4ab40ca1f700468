// What the outer e2e test and the extension-host runner exchange, as JSON files.

/** The CLI's `--format json` message (ESLint's shape), the reference for the editor's diagnostics. */
export interface CliMessage {
  readonly ruleId: string | null;
  readonly severity: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix?: unknown;
  readonly suggestions?: readonly unknown[];
}

export interface CliResult {
  readonly filePath: string;
  readonly messages: readonly CliMessage[];
}

export interface HostConfig {
  /** Which tests to run: `en` (all of them) or `fr` (the French display-language checks). */
  readonly suite: 'en' | 'fr';
  /** Where the runner writes its HostReport. */
  readonly resultFile: string;
  /** The fixture workspace (absolute path). */
  readonly workspace: string;
  /** The extension under development (absolute path), to check that it is the one loaded. */
  readonly extensionPath: string;
  /** Run only the tests whose name matches this regular expression (WSCLOSE_E2E_ONLY, for debugging). */
  readonly only?: string;
  /** `wsclose --format json` on the workspace. */
  readonly cli: readonly CliResult[];
  /** `wsclose --format json` on the repository's examples/ (the planted mistakes). */
  readonly examples: readonly CliResult[];
  /** `wsclose codes --format json` on the workspace, the reference for the Close-Code Reference view. */
  readonly codeMap: CliCodeMap;
}

/** A place in `wsclose codes --format json`: relative to the workspace, 1-based. */
export interface CliCodePlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly runtime?: string;
}

export interface CliCodeMap {
  readonly codes: ReadonlyArray<{ readonly code: number; readonly name: string; readonly sent: readonly CliCodePlace[]; readonly handled: readonly CliCodePlace[] }>;
  readonly sentNotHandled: readonly number[];
  readonly handledNotSent: readonly number[];
}

export interface HostResult {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
}

export interface HostReport {
  readonly done: boolean;
  readonly results: readonly HostResult[];
  readonly ms: number;
}
