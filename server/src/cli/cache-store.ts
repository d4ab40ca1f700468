// The --cache file: reading (a corrupt, foreign or older cache is ignored with one note), writing
// (atomically: a temporary file renamed over the cache, so concurrent runs each leave a whole
// cache, never a mix), and the file stamps every entry's dependencies are checked against.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/finding';

/** Bumped whenever the layout or the meaning of an entry changes: older caches are then ignored. */
export const CACHE_FORMAT = 3;

export const DEFAULT_CACHE_FILE = '.wsclosecache';

export type CacheStrategy = 'metadata' | 'content';

/** What a dependency was when the findings were computed. `hash` is of the text TypeScript read. */
export interface Stamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string;
}

export interface CacheEntry {
  /** Hash of everything about the file that is not a file: config, app profiles, platform, locale, tsconfig options, version. */
  readonly inputs: string;
  /** The program's project (tsconfig path, or "inferred"); undefined for a file checked without a program. */
  readonly project?: string;
  /**
   * Ids of the lists (CacheData.sets) of files whose text the findings depend on: the file's own
   * (itself first, then what it imports), then those its program's files share.
   */
  readonly deps: readonly string[];
  /** Ids of lists of files that did not exist and would change a module resolution if they did. */
  readonly absent: readonly string[];
  /**
   * When the analysis looked names up program-wide (the socket flow's indexes): the id of the list
   * of `kind:name` keys, and of the list of the program's own files, any of which could gain an
   * entry under one of them (cache.ts checks those that changed).
   */
  readonly keys?: string;
  readonly scope?: string;
  readonly findings: readonly Finding[];
}

export interface ProjectRecord {
  /** Hash of the tsconfig's options, references, file list and the type roots' packages. */
  readonly key: string;
  /** Each project file that could become (or stop being) a program root, with whether it was one. */
  readonly roots: ReadonlyArray<readonly [string, boolean]>;
}

export interface CacheData {
  readonly format: number;
  readonly version: string;
  readonly stamps: Readonly<Record<string, Stamp>>;
  readonly projects: Readonly<Record<string, ProjectRecord>>;
  /** Every path a list names, once. */
  readonly paths: readonly string[];
  /** Lists of files by id, as indices into `paths` (see cache-sets.ts). */
  readonly sets: Readonly<Record<string, readonly number[]>>;
  /**
   * Per tsconfig, the project files its program's lazy passes needed loaded (or 'all'): a cached
   * run loads them from its first program (a hint: loading more never changes a finding).
   */
  readonly lazy?: Readonly<Record<string, readonly string[] | 'all'>>;
  readonly entries: Readonly<Record<string, CacheEntry>>;
}

export const hashText = (text: string): string => createHash('sha256').update(text).digest('hex');

/** --cache-location: a folder (existing, or given with a trailing slash) holds `.wsclosecache`; anything else is the file. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(resolved, DEFAULT_CACHE_FILE);
  try {
    if (fs.statSync(resolved).isDirectory()) return path.join(resolved, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: a file
  }
  return resolved;
}

/** Why a cache file was not read or not written. */
export type CacheProblem =
  | { readonly kind: 'unreadable' | 'unwritable'; readonly error: string }
  | { readonly kind: 'not-json' | 'foreign' }
  | { readonly kind: 'other-version'; readonly version: string; readonly format: number };

/** The cache, or why it is not used (undefined note: there was none). */
export function readCache(file: string, version: string): { data: CacheData | undefined; note?: CacheProblem } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: undefined };
    return { data: undefined, note: { kind: 'unreadable', error: (error as Error).message } };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { data: undefined, note: { kind: 'not-json' } };
  }
  if (!isCacheShape(data)) return { data: undefined, note: { kind: 'foreign' } };
  if (data.format !== CACHE_FORMAT || data.version !== version) return { data: undefined, note: { kind: 'other-version', version: data.version, format: data.format } };
  return { data };
}

function isCacheShape(data: unknown): data is CacheData {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (typeof record['format'] !== 'number' || typeof record['version'] !== 'string') return false;
  if (!isObject(record['stamps']) || !isObject(record['projects']) || !isObject(record['entries'])) return false;
  if (record['format'] === CACHE_FORMAT && (!isObject(record['sets']) || !Array.isArray(record['paths']))) return false;
  // Entries are checked when used (isEntryShape), so one damaged entry costs only its file.
  return true;
}

export function isEntryShape(entry: unknown): entry is CacheEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Record<string, unknown>;
  const strings = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');
  return typeof e['inputs'] === 'string' && (e['project'] === undefined || typeof e['project'] === 'string') && strings(e['deps']) && strings(e['absent']) && Array.isArray(e['findings']) && (e['keys'] === undefined) === (e['scope'] === undefined) && ['keys', 'scope'].every((id) => e[id] === undefined || typeof e[id] === 'string');
}

/** Writes the cache atomically; a failure is returned as a note (the run's results stand). */
export function writeCache(file: string, data: CacheData): CacheProblem | undefined {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(data), { flag: 'wx' });
    fs.renameSync(temporary, file);
    return undefined;
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // nothing to clean up
    }
    return { kind: 'unwritable', error: (error as Error).message };
  }
}

/**
 * Whether files are as a cache recorded them. With `metadata`, a file whose size and modification
 * time are unchanged is taken as unchanged (as ESLint does); otherwise, and with `content`, its
 * text is hashed. Each file is looked at once per run.
 */
export class StampChecker {
  private readonly current = new Map<string, Stamp | null>();

  constructor(
    private readonly strategy: CacheStrategy,
    private readonly recorded: Readonly<Record<string, Stamp>>,
    /** The text a run sees (the files of the run from their snapshots, others from the disk). */
    private readonly readText: (file: string) => string | undefined,
  ) {}

  unchanged(file: string): boolean {
    const before = this.recorded[file];
    const now = this.stampOf(file, before);
    return before !== undefined && now !== null && now.hash === before.hash;
  }

  absent(file: string): boolean {
    return !fs.existsSync(file);
  }

  /** The stamp a new cache records for a file this run checked and found unchanged. */
  known(file: string): Stamp | undefined {
    return this.current.get(file) ?? undefined;
  }

  private stampOf(file: string, before: Stamp | undefined): Stamp | null {
    let stamp = this.current.get(file);
    if (stamp !== undefined) return stamp;
    try {
      const stat = fs.statSync(file);
      if (this.strategy === 'metadata' && before && stat.size === before.size && stat.mtimeMs === before.mtimeMs) stamp = before;
      else {
        const text = this.readText(file);
        stamp = text === undefined ? null : { size: stat.size, mtimeMs: stat.mtimeMs, hash: hashText(text) };
      }
    } catch {
      stamp = null;
    }
    this.current.set(file, stamp);
    return stamp;
  }
}
