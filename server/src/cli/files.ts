// Which files the command line names: files as given, folders walked for JavaScript/TypeScript
// sources, and glob patterns matched relative to the working directory. Like ESLint, walking
// skips node_modules, .git and .yarn (Yarn's own releases, plugins and cache, never the project's
// code: its bundled yarn-*.cjs is 3 MB of minified JavaScript), except workspaces a package.json
// or pnpm-workspace.yaml declares there; config ignore patterns are applied later, by the run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { decodeSource } from './source-io';
import { workspaceFolders } from './workspaces';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** Folders a walk never enters: git's, and Yarn's (`.yarn/releases`, `.yarn/plugins`, `.yarn/cache`). */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', '.yarn']);

/**
 * What a package manager leaves in the node_modules folders it fills (npm 7+, pnpm, Yarn 1 and
 * Yarn's node-modules linker); a node_modules folder without any of them, beside no package.json,
 * was written by hand: project code.
 */
const INSTALL_MARKERS = ['.package-lock.json', '.modules.yaml', '.pnpm', '.yarn-integrity', '.yarn-state.yml'];

/** `.d.ts`, `.d.mts`, `.d.cts` and TypeScript's `.d.<ext>.ts` declaration files. */
const DECLARATION_FILE = /\.d\.(?:[^./\\]+\.)?[cm]?ts$/i;

/** Whether a folder walk or a glob picks this file: a JS/TS source that is not a declaration file. */
export function isSourceFile(filePath: string): boolean {
  const base = path.basename(filePath);
  return SOURCE_EXTENSIONS.some((ext) => base.endsWith(ext)) && !DECLARATION_FILE.test(base);
}

export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** Named on the command line itself (not found by walking a folder or matching a glob). */
  readonly explicit: boolean;
}

export interface InputMatch {
  /** The argument as given. */
  readonly pattern: string;
  readonly kind: 'file' | 'directory' | 'glob';
  readonly files: readonly InputFile[];
  /** node_modules folders (absolute) holding project code the argument would match, left unchecked. */
  readonly skippedNodeModules: readonly string[];
}

/** Files for each command-line argument, in argument order; an argument may match no file. */
export function expandInputs(patterns: readonly string[], cwd: string): InputMatch[] {
  return patterns.map((pattern) => expandInput(pattern, cwd));
}

function expandInput(pattern: string, cwd: string): InputMatch {
  const absolute = path.resolve(cwd, pattern);
  const stat = statOrUndefined(absolute);
  if (stat?.isFile()) return { pattern, kind: 'file', files: [{ path: absolute, explicit: true }], skippedNodeModules: [] };
  if (stat?.isDirectory()) return { pattern, kind: 'directory', ...walked(walk(absolute, () => true)) };
  if (!isGlob(pattern)) return { pattern, kind: 'file', files: [], skippedNodeModules: [] };
  return { pattern, kind: 'glob', ...walked(matchGlob(pattern, cwd)) };
}

function walked(outcome: WalkOutcome): Pick<InputMatch, 'files' | 'skippedNodeModules'> {
  return { files: outcome.files.map((file) => ({ path: file, explicit: false })), skippedNodeModules: outcome.skippedNodeModules };
}

function isGlob(pattern: string): boolean {
  return picomatch.scan(toPosix(pattern)).isGlob;
}

function matchGlob(pattern: string, cwd: string): WalkOutcome {
  const posixPattern = toPosix(pattern);
  const absolutePattern = path.isAbsolute(pattern);
  // Match paths relative to the cwd ("src/**/*.ts"), or absolute paths for an absolute pattern.
  const normalized = absolutePattern ? posixPattern : posixPattern.replace(/^(?:\.\/)+/, '');
  const { base } = picomatch.scan(normalized);
  const root = path.resolve(cwd, base === '' ? '.' : base);
  if (!statOrUndefined(root)?.isDirectory()) return { files: [], skippedNodeModules: [] };
  const matches = picomatch(normalized, { dot: false });
  return walk(root, (file) => matches(absolutePattern ? toPosix(file) : toPosix(path.relative(cwd, file))));
}

interface WalkOutcome {
  /** Sorted. */
  readonly files: string[];
  readonly skippedNodeModules: string[];
}

/**
 * Source files under `dir` that `accept` takes, sorted, skipping .git, symbolic links to folders
 * and node_modules folders, except the workspaces inside them that a folder above `dir` or met on
 * the way declares.
 */
function walk(dir: string, accept: (file: string) => boolean): WalkOutcome {
  const workspacesInNodeModules = new Set<string>();
  const addWorkspaces = (root: string): void => {
    for (const folder of workspaceFolders(root)) if (folder.split(path.sep).includes('node_modules')) workspacesInNodeModules.add(folder);
  };
  for (let above = path.dirname(dir); above !== dir && path.dirname(above) !== above; above = path.dirname(above)) addWorkspaces(above);
  const found = new Set<string>();
  const skippedNodeModules: string[] = [];
  const visit = (current: string): void => {
    const entries = readFolder(current);
    // A monorepo root inside the walk declares workspaces too (wsclose run from a parent folder).
    if (entries.some((entry) => entry.name === 'package.json' || entry.name === 'pnpm-workspace.yaml')) addWorkspaces(current);
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        if (entry.name !== 'node_modules') {
          visit(full);
          continue;
        }
        const workspaces = outermost([...workspacesInNodeModules].filter((folder) => folder.startsWith(full + path.sep)));
        if (workspaces.length > 0) workspaces.forEach(visit);
        else if (holdsProjectCode(full, entries, accept)) skippedNodeModules.push(full);
      } else if (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(full)?.isFile())) {
        if (isSourceFile(entry.name) && accept(full)) found.add(full);
      }
    }
  };
  visit(dir);
  return { files: [...found].sort(), skippedNodeModules };
}

/** The folders that are inside none of the others (the others are walked with them). */
function outermost(folders: readonly string[]): string[] {
  return folders.filter((folder) => !folders.some((other) => other !== folder && folder.startsWith(other + path.sep)));
}

/**
 * Whether a node_modules folder holds the project's own code rather than installed packages: no
 * package.json beside it (package managers install next to one) and none of their markers inside,
 * and a source file the argument would match.
 */
function holdsProjectCode(nodeModules: string, siblings: readonly fs.Dirent[], accept: (file: string) => boolean): boolean {
  if (siblings.some((entry) => entry.name === 'package.json' && !entry.isDirectory())) return false;
  const entries = readFolder(nodeModules);
  if (entries.some((entry) => INSTALL_MARKERS.includes(entry.name))) return false;
  const hasSource = (current: string, currentEntries: readonly fs.Dirent[]): boolean =>
    currentEntries.some((entry) => {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) return entry.name !== 'node_modules' && !SKIPPED_FOLDERS.has(entry.name) && hasSource(full, readFolder(full));
      return entry.isFile() && isSourceFile(entry.name) && accept(full);
    });
  return hasSource(nodeModules, entries);
}

function readFolder(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // an unreadable folder has nothing we can check
  }
}

/** A file's size in bytes, or undefined when it cannot be read (the run reports that when reading it). */
export function fileSize(file: string): number | undefined {
  return statOrUndefined(file)?.size;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * A source file's text as TypeScript reads it: UTF-8, or UTF-16 with a byte-order mark; a UTF-8
 * byte-order mark is dropped (offsets, like ESLint's, do not count it). Throws when unreadable.
 */
export function readSourceText(file: string): string {
  return decodeSource(fs.readFileSync(file)).text;
}
