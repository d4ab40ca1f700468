// Which files the command line names: files as given, folders walked for JavaScript/TypeScript
// sources, and glob patterns matched relative to the working directory. Like ESLint, walking
// skips node_modules and .git; config ignore patterns are applied later, by the run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { decodeSource } from './source-io';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

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
}

/** Files for each command-line argument, in argument order; an argument may match no file. */
export function expandInputs(patterns: readonly string[], cwd: string): InputMatch[] {
  return patterns.map((pattern) => expandInput(pattern, cwd));
}

function expandInput(pattern: string, cwd: string): InputMatch {
  const absolute = path.resolve(cwd, pattern);
  const stat = statOrUndefined(absolute);
  if (stat?.isFile()) return { pattern, kind: 'file', files: [{ path: absolute, explicit: true }] };
  if (stat?.isDirectory()) return { pattern, kind: 'directory', files: walk(absolute).map((file) => ({ path: file, explicit: false })) };
  if (!isGlob(pattern)) return { pattern, kind: 'file', files: [] };
  return { pattern, kind: 'glob', files: matchGlob(pattern, cwd).map((file) => ({ path: file, explicit: false })) };
}

function isGlob(pattern: string): boolean {
  return picomatch.scan(toPosix(pattern)).isGlob;
}

function matchGlob(pattern: string, cwd: string): string[] {
  const posixPattern = toPosix(pattern);
  const absolutePattern = path.isAbsolute(pattern);
  // Match paths relative to the cwd ("src/**/*.ts"), or absolute paths for an absolute pattern.
  const normalized = absolutePattern ? posixPattern : posixPattern.replace(/^(?:\.\/)+/, '');
  const { base } = picomatch.scan(normalized);
  const root = path.resolve(cwd, base === '' ? '.' : base);
  if (!statOrUndefined(root)?.isDirectory()) return [];
  const matches = picomatch(normalized, { dot: false });
  return walk(root).filter((file) => matches(absolutePattern ? toPosix(file) : toPosix(path.relative(cwd, file))));
}

/** Source files under `dir`, sorted, skipping node_modules and .git (and symbolic links to folders). */
function walk(dir: string): string[] {
  const found: string[] = [];
  const visit = (current: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return; // an unreadable folder has nothing we can check
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(full);
      } else if (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(full)?.isFile())) {
        if (isSourceFile(entry.name)) found.push(full);
      }
    }
  };
  visit(dir);
  return found.sort();
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
