// Everything the server knows about one file at one moment: its text and version, the settings
// and wsclose config for it, its project's current program, and the engine's findings. Shared by
// diagnostics, code actions and the feature modules (hover, completion, inlay hints, refactors).
import * as fs from 'node:fs';
import * as ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/finding';
import { analyzeSourceFile, mayNeedAnalysis } from '../engine/lint-file';
import type { FileConfig } from '../engine/config-resolver';
import type { ConfigCache } from './config-cache';
import type { LoadLog } from './load-log';
import { pathToUri, uriToPath } from './convert';
import type { Documents } from './documents';
import type { FeatureContext } from './features/feature-context';
import type { Settings, SettingsCache } from './settings';
import { isCheckableFile } from '../engine/project-service';
import type { Logger, ProjectService } from '../engine/project-service';
import type { Locale } from '../registry/locales/catalog';

export interface FileState {
  readonly uri: string;
  readonly file: string;
  /** The open document, or a snapshot of a closed file (version 0… as read from its program). */
  readonly document: TextDocument;
  /** The open document's version; undefined for a closed file. */
  readonly version: number | undefined;
  readonly settings: Settings;
  readonly fileConfig: FileConfig;
  readonly program: ts.Program | undefined;
  /** The file as parsed in its program, or alone (no type information) when no program has it. */
  readonly sourceFile: ts.SourceFile;
  readonly context: FeatureContext;
}

export interface LintingDeps {
  readonly documents: Documents;
  readonly projects: ProjectService;
  readonly configs: ConfigCache;
  readonly settings: SettingsCache;
  readonly log: Logger;
  readonly locale: () => Locale;
  readonly loads: LoadLog;
}

/** Files larger than this (UTF-8 bytes) are not checked: the CLI's --max-file-size default. */
export const MAX_FILE_SIZE = 4 * 1024 * 1024;

export class Linting {
  private readonly toldTooLarge = new Set<string>();

  constructor(private readonly deps: LintingDeps) {}

  /** Over MAX_FILE_SIZE (logged once per file): generated bundles are not checked, as by the CLI. */
  private tooLarge(file: string, text: string | undefined): boolean {
    let size: number;
    if (text !== undefined) size = text.length * 3 <= MAX_FILE_SIZE ? 0 : Buffer.byteLength(text, 'utf8');
    else {
      try {
        size = fs.statSync(file).size;
      } catch {
        return false; // reading it reports the problem
      }
    }
    if (size <= MAX_FILE_SIZE) return false;
    if (!this.toldTooLarge.has(file)) {
      this.toldTooLarge.add(file);
      this.deps.log.info(`${file} is not checked: ${size} bytes is over the ${MAX_FILE_SIZE}-byte limit (the CLI's --max-file-size default); such files are usually generated.`);
    }
    return true;
  }

  /** Settings for a resource (async: may ask the client). */
  settingsFor(uri: string): Promise<Settings> {
    return this.deps.settings.get(uri);
  }

  /**
   * The state of an open document or a file on disk, given its settings (fetched beforehand, so
   * this is synchronous and cannot interleave with document changes). Undefined for files wsclose
   * does not check (other schemes, other extensions, unreadable).
   */
  stateOf(uri: string, settings: Settings, options: { needProgram: boolean }): FileState | undefined {
    const file = uriToPath(uri);
    if (file === undefined || !isCheckableFile(file)) return undefined;
    const open = this.deps.documents.byUri(uri);
    const fileConfig = this.deps.configs.forFile(file, settings);
    const text = open?.getText();
    if (this.tooLarge(file, text)) return undefined;
    const { projects } = this.deps;
    const needProgram = options.needProgram || text === undefined || mayNeedAnalysis(text, file);
    const { program, sourceFile: inProgram } = needProgram ? this.deps.loads.programFor(projects, file) : { program: undefined, sourceFile: undefined };
    // A file TypeScript fails on has no state: its one diagnostic says so (Delivery).
    if (projects.leftOut.get(file)) return undefined;
    let sourceFile = inProgram;
    if (!sourceFile || (text !== undefined && sourceFile.text !== text)) {
      const ownText = text ?? safeRead(file, this.deps.log);
      if (ownText === undefined) return undefined;
      sourceFile = projects.leftOut.parse(file, ownText);
      if (!sourceFile) return undefined;
    }
    const document = open ?? TextDocument.create(pathToUri(file), 'typescript', 0, sourceFile.text);
    const context: FeatureContext = {
      config: fileConfig.config,
      appProfiles: fileConfig.appProfiles,
      ...(fileConfig.runtimeOverride ? { runtimeOverride: fileConfig.runtimeOverride } : {}),
      locale: this.deps.locale(),
      inlayHints: settings.inlayHints,
    };
    return {
      uri: open?.uri ?? uri,
      file,
      document,
      version: open?.version,
      settings,
      fileConfig,
      program: inProgram === sourceFile ? program : undefined,
      sourceFile,
      context,
    };
  }

  /**
   * `compute` over the file's current state, as the full program answers it (computed again
   * after the engine left out a file TypeScript fails on, or loaded a project file lazy imports
   * had left out: ProjectService.answer). Undefined when stateOf is.
   */
  withState<T>(uri: string, settings: Settings, options: { needProgram: boolean }, compute: (state: FileState) => T): T | undefined {
    return this.deps.projects.answer(() => this.stateOf(uri, settings, options), compute);
  }

  /** The engine's findings for a file state (none when disabled or ignored). */
  findings(state: FileState): Finding[] {
    if (!state.settings.enable || state.fileConfig.ignored) return [];
    const text = state.sourceFile.text;
    if (!mayNeedAnalysis(text, state.sourceFile.fileName) && !text.includes('wsclose-')) return [];
    return analyzeSourceFile(state.program, state.sourceFile, {
      config: state.fileConfig.config,
      appProfiles: state.fileConfig.appProfiles,
      platform: state.fileConfig.platform,
      locale: state.context.locale,
      ...(state.fileConfig.runtimeOverride ? { runtimeOverride: state.fileConfig.runtimeOverride } : {}),
    }).findings;
  }
}

function safeRead(file: string, log: Logger): string | undefined {
  try {
    return ts.sys.readFile(file);
  } catch (error) {
    log.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
