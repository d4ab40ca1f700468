// The project model of the language server, and of any host that keeps projects open while
// files change: one ts.LanguageService per tsconfig and one per inferred project (loose files, per
// workspace folder), all sharing one DocumentRegistry so a library file is parsed once. Open
// documents (an Overlay) are laid over the disk: their script version is the document version, a
// closed file's is a disk version bumped by file-watcher events (script-versions.ts). After any
// change, getProgram() gives an incrementally updated program. Config, package.json and file
// create/delete events throw the services away (they are rebuilt lazily, reusing the registry's
// parsed files). A tsconfig project's program is built, like the CLI's (project-programs.ts),
// from the files that can matter (open files and files that may contain a close-like call);
// other project files they import are left out until the analysis needs one (lazy-imports.ts,
// reloadTouched). The file system comes in as a ProjectHost: this module never touches the disk.
import * as path from 'node:path';
import * as ts from 'typescript';
import { errorText } from './error-text';
import { findCulprits, findCulpritsInTexts, MAX_ISOLATION_ROUNDS } from './isolation';
import { createProjectLanguageService } from './language-service';
import type { LazyState, ServiceInputs } from './language-service';
import { computeWithLazyImports, LazyImports } from './lazy-imports';
import { INFERRED_PROJECT_OPTIONS, JSDOC_PARSING_MODE, mayAffectAnalysis } from './project';
import type { ProjectHost } from './project';
import { ScriptVersions } from './script-versions';
import { TsconfigLocator } from './tsconfig-locator';
import { VersionedLeftOutFiles } from './versioned-left-out';

/** Open documents, keyed by absolute path. */
export interface Overlay {
  get(file: string): { readonly version: number; getText(): string } | undefined;
  openFiles(): string[];
}

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export interface ProjectEntry {
  /** `tsconfig:<path>` or `inferred:<folder>`. */
  readonly key: string;
  readonly tsconfig: string | undefined;
  readonly service: ts.LanguageService;
  /** The files this project checks (tsconfig files, or the loose open files of the inferred project). */
  rootNames(): string[];
}

/** What an answer was computed from: a file and its program (undefined: the file alone). */
export interface AnswerState {
  readonly file: string;
  readonly program: ts.Program | undefined;
}

const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/i;
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

export function isCheckableFile(file: string): boolean {
  return SOURCE_FILE.test(file) && !DECLARATION_FILE.test(file);
}

export class ProjectService {
  private readonly projects = new Map<string, ProjectEntry>();
  private readonly lazyStates = new Map<string, LazyState>();
  /** Whether a file can be a program root (mayAffectAnalysis), by script version. */
  private readonly rootCandidates = new Map<string, { readonly version: string; readonly value: boolean }>();
  private readonly registry: ts.DocumentRegistry;
  private readonly versions: ScriptVersions;
  private readonly locator: TsconfigLocator;
  private readonly reportedTsconfigs = new Set<string>();
  private projectVersion = 0;
  /** The inferred project kept without open files (see disposeEmptyInferredProjects). */
  private idleInferred: string | undefined;
  private readonly fsHost: ProjectHost;
  /** Files TypeScript fails on, left out of their programs until they change (engine/isolation.ts). */
  readonly leftOut: VersionedLeftOutFiles;
  /** The file whose text a language service asked for last: the one a parse failure is in. */
  private lastSnapshotFile: string | undefined;

  constructor(
    private readonly overlay: Overlay,
    private readonly log: Logger,
    /** Workspace folder paths; an inferred project is rooted at the one holding the file. */
    private readonly folders: () => readonly string[],
    /** The file system under the open documents (the language server passes ts.sys). */
    disk: ProjectHost,
  ) {
    const safeRead = (file: string, encoding?: string): string | undefined => {
      const open = this.overlay.get(file);
      if (open) return open.getText();
      try {
        return disk.readFile(file, encoding);
      } catch (error) {
        this.log.error(`Cannot read ${file}: ${errorText(error)}`);
        return undefined;
      }
    };
    this.fsHost = {
      ...disk,
      readFile: safeRead,
      fileExists: (file) => this.overlay.get(file) !== undefined || disk.fileExists(file),
    };
    this.registry = ts.createDocumentRegistry(disk.useCaseSensitiveFileNames, undefined, JSDOC_PARSING_MODE);
    const readDisk = (file: string): string | undefined => {
      try {
        return disk.readFile(file);
      } catch {
        return undefined;
      }
    };
    this.versions = new ScriptVersions(overlay, (file) => this.locator.key(file), readDisk);
    this.leftOut = new VersionedLeftOutFiles((file) => this.versions.versionOf(file), safeRead, log);
    this.locator = new TsconfigLocator(this.fsHost, (tsconfig, diagnostics) => {
      if (this.reportedTsconfigs.has(tsconfig)) return;
      this.reportedTsconfigs.add(tsconfig);
      for (const d of diagnostics) this.log.error(`${tsconfig}: ${tsDiagnosticText(d)}`);
    });
  }

  /** The project that checks `file` (created on first use). */
  projectFor(file: string): ProjectEntry {
    let tsconfig: string | undefined;
    try {
      tsconfig = this.locator.tsconfigFor(file);
    } catch (error) {
      this.log.error(`Cannot load the tsconfig for ${file}: ${errorText(error)}`);
    }
    const key = tsconfig !== undefined ? `tsconfig:${tsconfig}` : `inferred:${this.inferredRoot(file)}`;
    let project = this.projects.get(key);
    if (!project) {
      project = tsconfig !== undefined ? this.createTsconfigProject(key, tsconfig) : this.createInferredProject(key, this.inferredRoot(file));
      this.projects.set(key, project);
    }
    return project;
  }

  /** The current program of a file's project and the file in it (undefined when it is not part of it). */
  programFor(file: string): { project: ProjectEntry; program: ts.Program | undefined; sourceFile: ts.SourceFile | undefined } {
    const project = this.projectFor(file);
    let program: ts.Program | undefined;
    for (let round = 0; round <= MAX_ISOLATION_ROUNDS; round++) {
      try {
        program = project.service.getProgram();
        break;
      } catch (error) {
        if (round < MAX_ISOLATION_ROUNDS && this.leaveOutFailing(project)) continue;
        this.log.error(`Cannot build the program of ${project.key}: ${errorText(error)}`);
        break;
      }
    }
    const lazy = this.lazyStates.get(project.key);
    if (lazy && program) {
      lazy.invalidateResolutions = false;
      lazy.imports.watch(program);
    }
    return { project, program, sourceFile: program?.getSourceFile(file) };
  }

  /**
   * An answer that may use the checker, as the full program gives it: `compute` over the state
   * `stateOf` makes (it reads the file's program through programFor), computed again when
   * TypeScript threw on a file of the program (the files that fail alone are left out first) and
   * when the checker needed a project file left out of the program (it is loaded first:
   * computeWithLazyImports). Undefined when `stateOf` is.
   */
  answer<State extends AnswerState, T>(stateOf: () => State | undefined, compute: (state: State) => T): T | undefined {
    let isolationRounds = 0;
    const answered = computeWithLazyImports(
      () => {
        for (;;) {
          const state = stateOf();
          if (!state) return undefined;
          try {
            return { state, result: compute(state) };
          } catch (error) {
            if (state.program && isolationRounds++ < MAX_ISOLATION_ROUNDS && this.leaveOutCulprits(state.program)) continue;
            throw error;
          }
        }
      },
      (pass, last) => last?.state.program !== undefined && this.reloadTouched(last.state.file, pass),
    );
    return answered?.result;
  }

  /**
   * After an answer computed from `file`'s program: true when the checker needed a project file
   * left out of it. That file is loaded into the next program, and the answer must be computed
   * again. `pass` counts the repeats of this answer so far (see LazyImports.loadTouched).
   */
  private reloadTouched(file: string, pass: number): boolean {
    const project = this.projectFor(file);
    const lazy = this.lazyStates.get(project.key);
    if (!lazy?.imports.loadTouched(pass)) return false;
    this.log.info(`${project.key}: checking ${file} needed project files its program had left out; rebuilding the program with them.`);
    lazy.invalidateResolutions = true;
    this.projectVersion++;
    return true;
  }

  /**
   * After TypeScript threw while binding or checking `program`: leaves out the files that fail
   * alone (isolation.ts). True when it left out any: the answer is computed again.
   */
  private leaveOutCulprits(program: ts.Program): boolean {
    const culprits = findCulprits(program, 'check').filter((culprit) => !this.leftOut.get(culprit.fileName));
    for (const culprit of culprits) this.leftOut.add(culprit);
    if (culprits.length > 0) this.projectVersion++;
    return culprits.length > 0;
  }

  /**
   * After building a program threw (the language service parses and binds every file): the file
   * whose text it read last, when that one fails to parse alone; else the project's files that
   * fail alone (engine/isolation.ts). True when it left out any.
   */
  private leaveOutFailing(project: ProjectEntry): boolean {
    const last = this.lastSnapshotFile;
    const lastText = last !== undefined && !this.leftOut.get(last) ? this.fsHost.readFile(last) : undefined;
    let found = lastText !== undefined && !this.leftOut.parse(last!, lastText);
    if (!found) {
      const texts = project.rootNames().flatMap((fileName) => {
        const text = this.leftOut.get(fileName) ? undefined : this.fsHost.readFile(fileName);
        return text === undefined ? [] : [{ fileName, text }];
      });
      const culprits = findCulpritsInTexts(texts, 'bind');
      for (const culprit of culprits) this.leftOut.add(culprit);
      found = culprits.length > 0;
    }
    if (found) this.projectVersion++;
    return found;
  }

  /** A file's current text: the open document's, else the disk's (undefined when unreadable). */
  readText(file: string): string | undefined {
    return this.fsHost.readFile(file);
  }

  /** Projects that hold at least one open document. */
  openProjects(): ProjectEntry[] {
    const result = new Map<string, ProjectEntry>();
    for (const file of this.overlay.openFiles()) {
      if (!isCheckableFile(file)) continue;
      const project = this.projectFor(file);
      result.set(project.key, project);
    }
    return [...result.values()];
  }

  /** An open document changed, opened or closed. */
  documentsChanged(): void {
    this.versions.documentsChanged();
    this.projectVersion++;
    this.disposeEmptyInferredProjects();
  }

  /** A closed file changed on disk. */
  diskFileChanged(file: string): void {
    this.versions.diskFileChanged(file);
    this.projectVersion++;
  }

  /**
   * Files changed on disk (file-watcher events): a tsconfig/jsconfig or package.json, a created or
   * deleted source or declaration file rebuilds every project lazily; a changed closed file bumps
   * its version; open documents are the overlay's. Returns what the host must drop besides:
   * `configs` when a wsclose config (or a package.json, which picks app profiles) changed, and
   * `relevant` when any change can alter findings.
   */
  filesChanged(changes: Iterable<{ readonly file: string; readonly kind: 'created' | 'changed' | 'deleted' }>): { relevant: boolean; configs: boolean } {
    let relevant = false;
    let configs = false;
    for (const { file, kind } of changes) {
      const name = path.basename(file);
      if (/^(?:tsconfig|jsconfig).*\.json$/i.test(name) || name === 'package.json') {
        this.reset();
        configs = true;
      } else if (name === 'wsclose.config.json') {
        configs = true;
      } else if (isCheckableFile(file) || /\.d\.[cm]?ts$/i.test(file)) {
        if (kind !== 'changed') this.reset();
        else if (this.overlay.get(file) === undefined) this.diskFileChanged(file);
      } else continue;
      relevant = true;
    }
    return { relevant, configs };
  }

  /** tsconfig, package.json, created or deleted files: rebuild every project lazily. */
  reset(): void {
    for (const project of this.projects.values()) project.service.dispose();
    this.projects.clear();
    this.lazyStates.clear();
    this.rootCandidates.clear();
    this.versions.clearSnapshots();
    this.locator.clear();
    this.reportedTsconfigs.clear();
    this.leftOut.clear();
    this.projectVersion++;
  }

  dispose(): void {
    this.reset();
  }

  private inferredRoot(file: string): string {
    const folders = [...this.folders()].sort((a, b) => b.length - a.length);
    return folders.find((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) ?? path.dirname(file);
  }

  private createTsconfigProject(key: string, tsconfig: string): ProjectEntry {
    const located = this.locator.parse(tsconfig);
    const options = located.parsed.options;
    const rootNames = (): string[] => {
      const names = [...this.locator.parse(tsconfig).parsed.fileNames];
      // Open files the tsconfig includes but that are not on disk yet (unsaved new files).
      for (const file of this.overlay.openFiles()) if (!names.includes(file) && this.locator.tsconfigFor(file) === tsconfig) names.push(file);
      return names;
    };
    const lazy: LazyState = { imports: new LazyImports(this.fsHost.useCaseSensitiveFileNames), invalidateResolutions: false };
    this.lazyStates.set(key, lazy);
    const programRoots = (): string[] => {
      const names = rootNames();
      const open = new Set(this.overlay.openFiles());
      const roots = names.filter((file) => open.has(file) || this.isRootCandidate(file));
      lazy.imports.leaveOut(names, roots);
      // A file that became a root (opened, or edited on disk to contain a close call) is loaded.
      for (const file of roots) if (lazy.imports.load(file)) lazy.invalidateResolutions = true;
      return roots;
    };
    const service = this.createService({ options, currentDirectory: path.dirname(tsconfig), rootNames: programRoots, projectReferences: located.parsed.projectReferences, lazy });
    return { key, tsconfig, service, rootNames };
  }

  private isRootCandidate(file: string): boolean {
    const version = this.versions.versionOf(file);
    const cached = this.rootCandidates.get(file);
    if (cached && cached.version === version) return cached.value;
    const value = mayAffectAnalysis(file, this.fsHost);
    this.rootCandidates.set(file, { version, value });
    return value;
  }

  private createInferredProject(key: string, root: string): ProjectEntry {
    const rootNames = (): string[] =>
      this.overlay.openFiles().filter((file) => isCheckableFile(file) && this.locator.tsconfigFor(file) === undefined && this.inferredRoot(file) === root);
    // The program also holds the folder's other loose files that may take part (the pre-scan), as
    // the CLI's inferred project does: a socket made in server.js and closed in an open
    // connection.js is followed there (analysis/socket-flow).
    let loose: string[] | undefined;
    const programRoots = (): string[] => {
      const open = rootNames();
      loose ??= this.looseFilesUnder(root);
      // In a stable order, so that opening or closing a loose file leaves the same roots (and program).
      const openSet = new Set(open);
      return [...loose.filter((file) => openSet.has(file) || this.isRootCandidate(file)), ...open.filter((file) => !loose!.includes(file))];
    };
    const service = this.createService({ options: INFERRED_PROJECT_OPTIONS, currentDirectory: root, rootNames: programRoots, projectReferences: undefined });
    return { key, tsconfig: undefined, service, rootNames };
  }

  /** Checkable files under a folder that no tsconfig includes (node_modules left out); none past MAX_LOOSE_FILES. */
  private looseFilesUnder(root: string): string[] {
    const files = this.fsHost.readDirectory(root, ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'], ['**/node_modules/**', '**/.*/**'], ['**/*'], 20);
    if (files.length > MAX_LOOSE_FILES) return [];
    return files.filter((file) => isCheckableFile(file) && !/\.d\.[mc]?ts$/.test(file) && this.locator.tsconfigFor(file) === undefined);
  }

  /**
   * Inferred projects without open files are disposed, but one is kept idle: rebuilding it when a
   * file of its folder opens again parses the default library and every visible @types package
   * anew. Closing and reopening loose files made hundreds of MB of garbage per cycle, and V8 grew
   * the heap to match (RSS +290 MB over 50 cycles of 10 files; live heap after a GC unchanged).
   */
  private disposeEmptyInferredProjects(): void {
    const empty = [...this.projects].filter(([, project]) => project.tsconfig === undefined && project.rootNames().length === 0).map(([key]) => key);
    const keep = this.idleInferred !== undefined && empty.includes(this.idleInferred) ? this.idleInferred : empty[0];
    for (const key of empty) {
      if (key === keep) continue;
      this.projects.get(key)!.service.dispose();
      this.projects.delete(key);
    }
    this.idleInferred = keep;
  }

  private createService(inputs: ServiceInputs): ts.LanguageService {
    return createProjectLanguageService(inputs, {
      host: this.fsHost,
      versions: this.versions,
      leftOut: this.leftOut,
      registry: this.registry,
      projectVersion: () => this.projectVersion,
      onRead: (file) => (this.lastSnapshotFile = file),
    });
  }
}

/** A folder with more loose files than this is not a project: the inferred project keeps to the open files. */
const MAX_LOOSE_FILES = 2000;

/** A tsconfig problem for the log: `line:column: message (TSxxxx)`. */
function tsDiagnosticText(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${line + 1}:${character + 1}: ${message} (TS${diagnostic.code})`;
  }
  return `${message} (TS${diagnostic.code})`;
}
