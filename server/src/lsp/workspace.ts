// Projects and freshness: one ts.LanguageService per tsconfig and one per inferred project (loose
// files, per workspace folder), all sharing one DocumentRegistry so a library file is parsed once.
// Open documents are overlaid on disk: their script version is the document version, a closed
// file's is a disk version bumped by file-watcher events. After any change, getProgram() gives
// an incrementally updated program. Config, package.json and file create/delete events throw the
// services away (they are rebuilt lazily, reusing the registry's parsed files).
// A tsconfig project's program is built, like the CLI's, from the files that can matter (open
// files and files that may contain a close-like call); other project files they import are left
// out until the analysis needs one (engine/lazy-imports.ts, reloadTouched).
import * as path from 'node:path';
import * as ts from 'typescript';
import { findCulprits, findCulpritsInTexts } from '../engine/isolation';
import { LazyImports } from '../engine/lazy-imports';
import { INFERRED_PROJECT_OPTIONS, JSDOC_PARSING_MODE, mayAffectAnalysis } from '../engine/project';
import type { ProjectHost } from '../engine/project';
import { TsconfigLocator } from '../engine/tsconfig-locator';
import { errorText } from './convert';
import { VersionedLeftOutFiles } from './left-out-files';

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

/** A tsconfig project's lazily loaded imports (see engine/lazy-imports.ts). */
interface LazyState {
  readonly imports: LazyImports;
  /** Resolve every import again in the next program: the set of left-out files shrank. */
  invalidateResolutions: boolean;
}

export const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/i;
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

export function isCheckableFile(file: string): boolean {
  return SOURCE_FILE.test(file) && !DECLARATION_FILE.test(file);
}

export class Workspace {
  private readonly projects = new Map<string, ProjectEntry>();
  private readonly lazyStates = new Map<string, LazyState>();
  /** Whether a file can be a program root (mayAffectAnalysis), by script version. */
  private readonly rootCandidates = new Map<string, { readonly version: string; readonly value: boolean }>();
  private readonly diskVersions = new Map<string, number>();
  /** Open documents: whether the text is still the disk's, by document and disk version (see scriptVersion). */
  private readonly openDocuments = new Map<string, { readonly opening: number; readonly documentVersion: number; readonly diskVersion: string; readonly unchanged: boolean }>();
  private openings = 0;
  /** Snapshots by file, valid while the file's script version is unchanged. */
  private readonly snapshots = new Map<string, { readonly version: string; readonly snapshot: ts.IScriptSnapshot }>();
  private readonly registry = ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames, undefined, JSDOC_PARSING_MODE);
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
  ) {
    const safeRead = (file: string, encoding?: string): string | undefined => {
      const open = this.overlay.get(file);
      if (open) return open.getText();
      try {
        return ts.sys.readFile(file, encoding);
      } catch (error) {
        this.log.error(`Cannot read ${file}: ${errorText(error)}`);
        return undefined;
      }
    };
    this.fsHost = {
      ...ts.sys,
      readFile: safeRead,
      fileExists: (file) => this.overlay.get(file) !== undefined || ts.sys.fileExists(file),
    };
    this.leftOut = new VersionedLeftOutFiles((file) => this.scriptVersion(file), safeRead, log);
    this.locator = new TsconfigLocator(this.fsHost, (tsconfig, diagnostics) => {
      if (this.reportedTsconfigs.has(tsconfig)) return;
      this.reportedTsconfigs.add(tsconfig);
      for (const d of diagnostics) this.log.error(`${tsconfig}: ${formatTsDiagnostic(d)}`);
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
   * After an answer computed from `file`'s program: true when the checker needed a project file
   * left out of it. That file is loaded into the next program, and the answer must be computed
   * again. `pass` counts the repeats of this answer so far (see LazyImports.loadTouched).
   */
  reloadTouched(file: string, pass: number): boolean {
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
   * alone (engine/isolation.ts). True when it left out any: the caller computes its answer again.
   */
  leaveOutCulprits(program: ts.Program): boolean {
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
    for (const file of this.openDocuments.keys()) if (!this.overlay.get(file)) this.openDocuments.delete(file);
    this.projectVersion++;
    this.disposeEmptyInferredProjects();
  }

  /** A closed file changed on disk. */
  diskFileChanged(file: string): void {
    const key = this.locator.key(file);
    this.diskVersions.set(key, (this.diskVersions.get(key) ?? 0) + 1);
    this.projectVersion++;
  }

  /** tsconfig, package.json, created or deleted files: rebuild every project lazily. */
  reset(): void {
    for (const project of this.projects.values()) project.service.dispose();
    this.projects.clear();
    this.lazyStates.clear();
    this.rootCandidates.clear();
    this.snapshots.clear();
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
    const service = this.createService(options, path.dirname(tsconfig), programRoots, located.parsed.projectReferences, lazy);
    return { key, tsconfig, service, rootNames };
  }

  private isRootCandidate(file: string): boolean {
    const version = this.scriptVersion(file);
    const cached = this.rootCandidates.get(file);
    if (cached && cached.version === version) return cached.value;
    const value = mayAffectAnalysis(file, this.fsHost);
    this.rootCandidates.set(file, { version, value });
    return value;
  }

  /**
   * An open document whose text is still the file's on disk keeps the disk version: opening and
   * closing a file without editing it then changes nothing, and the language service keeps its
   * program and checker. A rebuilt checker per open and close was most of the server's garbage
   * (each one types the default library anew; RSS +200 MB over 50 open/close cycles).
   */
  private scriptVersion(file: string): string {
    const diskVersion = `disk:${this.diskVersions.get(this.locator.key(file)) ?? 0}`;
    const open = this.overlay.get(file);
    if (!open) return diskVersion;
    let known = this.openDocuments.get(file);
    if (!known || known.documentVersion !== open.version || known.diskVersion !== diskVersion) {
      // Once edited away from the disk text, a document stays edited until it is closed: comparing
      // texts on every keystroke would cost a file read each.
      const unchanged = (!known || known.unchanged) && this.diskText(file, diskVersion) === open.getText();
      // Clients number a document's versions anew each time it opens: the opening tells texts apart.
      known = { opening: known?.opening ?? ++this.openings, documentVersion: open.version, diskVersion, unchanged };
      this.openDocuments.set(file, known);
    }
    return known.unchanged ? diskVersion : `open:${known.opening}:${open.version}`;
  }

  /**
   * The text the language services were given for the disk version (the file may have changed on
   * disk without a watcher event since): only then may an open document claim that version.
   */
  private diskText(file: string, diskVersion: string): string | undefined {
    const cached = this.snapshots.get(file);
    if (cached) return cached.version === diskVersion ? cached.snapshot.getText(0, cached.snapshot.getLength()) : undefined;
    return readDisk(file);
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
    const service = this.createService(INFERRED_PROJECT_OPTIONS, root, programRoots, undefined);
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

  private createService(
    options: ts.CompilerOptions,
    currentDirectory: string,
    rootNames: () => string[],
    projectReferences: readonly ts.ProjectReference[] | undefined,
    lazy?: LazyState,
  ): ts.LanguageService {
    const host = this.fsHost;
    const serviceHost: ts.LanguageServiceHost = {
      getCompilationSettings: () => options,
      jsDocParsingMode: JSDOC_PARSING_MODE,
      getProjectVersion: () => String(this.projectVersion),
      getScriptFileNames: rootNames,
      // A left-out file is another version: an empty text stands in for it.
      getScriptVersion: (file) => (this.leftOut.get(file) ? `${this.scriptVersion(file)}:left-out` : this.scriptVersion(file)),
      getScriptSnapshot: (file) => {
        if (this.leftOut.get(file)) return EMPTY_SNAPSHOT;
        this.lastSnapshotFile = file;
        // The language service asks for every file of the program after each edit: re-reading
        // thousands of unchanged files from disk per keystroke dominated edit latency.
        const version = serviceHost.getScriptVersion(file);
        const cached = this.snapshots.get(file);
        if (cached && cached.version === version) return cached.snapshot;
        const text = host.readFile(file);
        if (text === undefined) return undefined;
        const snapshot = ts.ScriptSnapshot.fromString(text);
        this.snapshots.set(file, { version, snapshot });
        return snapshot;
      },
      getCurrentDirectory: () => currentDirectory,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: host.fileExists,
      readFile: host.readFile,
      readDirectory: host.readDirectory,
      directoryExists: host.directoryExists,
      getDirectories: host.getDirectories,
      useCaseSensitiveFileNames: () => host.useCaseSensitiveFileNames,
      ...(host.realpath ? { realpath: host.realpath } : {}),
      ...(projectReferences ? { getProjectReferences: () => projectReferences } : {}),
    };
    // Sources of referenced projects, not their built .d.ts, as the CLI reads them (engine/project.ts
    // compilerHost); tsserver's own hook, read by the language service though not in its public typings.
    (serviceHost as ts.LanguageServiceHost & Pick<ts.WatchCompilerHost<ts.BuilderProgram>, 'useSourceOfProjectReferenceRedirect'>).useSourceOfProjectReferenceRedirect = () => true;
    if (lazy) {
      serviceHost.resolveModuleNameLiterals = lazy.imports.createResolver(host, currentDirectory);
      // Not in TypeScript's public LanguageServiceHost typings, but read by the language service
      // (as by the compiler host, where it is public): re-resolve imports once more files are loaded.
      (serviceHost as ts.LanguageServiceHost & Pick<ts.CompilerHost, 'hasInvalidatedResolutions'>).hasInvalidatedResolutions = () => lazy.invalidateResolutions;
    }
    return ts.createLanguageService(serviceHost, this.registry);
  }
}

/** Rounds of leaving files out before a program that still fails is given up on. */
const MAX_ISOLATION_ROUNDS = 10;

const EMPTY_SNAPSHOT = ts.ScriptSnapshot.fromString('');

function readDisk(file: string): string | undefined {
  try {
    return ts.sys.readFile(file);
  } catch {
    return undefined;
  }
}

/** A folder with more loose files than this is not a project: the inferred project keeps to the open files. */
const MAX_LOOSE_FILES = 2000;

export function formatTsDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${line + 1}:${character + 1}: ${message} (TS${diagnostic.code})`;
  }
  return `${message} (TS${diagnostic.code})`;
}
