// What an analysis read of the program beyond the file it checks, for the CLI's --cache: the
// files whose nodes it looked at, and the names it looked up in the program-wide by-name indexes
// (file-index.ts, the wrapper candidates, the scan for route plugins). A file it did not read can
// still change its answer by gaining an entry under a name it looked up, so the names are kept
// too, and a changed file is checked against them (entryKeysOf).
//
// Answers are memoised per program and shared by every file's queries, so each memoised answer
// keeps the reads of its own computation, and a query that reuses it inherits them: the reads
// form a graph (a memo's reads are a part of every reader's), flattened once per checked file.
import * as ts from 'typescript';
import { callsInFunctionsOf } from '../calls-in-functions';
import { fileIndex, type FileIndex } from './file-index';

/**
 * A by-name lookup: a FileIndex map, `text` (a module named in a file's text), `functions` (named
 * functions that call something) or `storeCode` (the store actions and reducer cases of an action
 * type, dispatched-actions.ts).
 */
export type LookupKind = keyof FileIndex | 'text' | 'functions' | 'storeCode' | CallEdgeKind;

/**
 * `name>m1,m2`: the methods the named functions of the program called (forwarding their
 * parameters, for wrappers; as the innermost function, for closers) — a file with such a function
 * that calls another method could make the name a candidate (candidate-reads.ts).
 */
export type CallEdgeKind = 'wrapperEdges' | 'closerEdges';

/**
 * The texts of files that may hold store code (dispatched-actions.ts): an `actions` object, or a
 * test of an action's `type`. The store index reads exactly these files, and a `storeCode` key
 * matches exactly these, so a file that gains or loses store code is never missed.
 */
export const STORE_ACTIONS_TEXT = /[aA]ctions\b/;
export const STORE_TYPES_TEXT = /\btype\b/;

/** Every key of a kind: a lookup that enumerated a whole map (`tableCalls` of every name). */
export const ANY_NAME = '*';

export class Reads {
  /** Files whose nodes were read: their imports (which type them) count too. */
  readonly files = new Set<string>();
  /** Files of which only the text was read (a syntax-only filter): their imports do not count. */
  readonly texts = new Set<string>();
  readonly keys = new Map<LookupKind, Set<string>>();
  readonly parts: Reads[] = [];
}

let current: Reads | undefined;

export function noteFile(fileName: string): void {
  current?.files.add(fileName);
}

export function noteText(fileName: string): void {
  current?.texts.add(fileName);
}

export function noteKey(kind: LookupKind, name: string): void {
  if (!current) return;
  let names = current.keys.get(kind);
  if (!names) current.keys.set(kind, (names = new Set()));
  names.add(name);
}

type Lookup<V> = Pick<ReadonlyMap<string, V>, 'get' | 'values'>;

/** A file's index as the flow sees it: each lookup is recorded, with the file when it has entries. */
export type IndexView = { readonly [K in keyof FileIndex]: FileIndex[K] extends ReadonlyMap<string, infer V> ? Lookup<V> : never };

const views = new WeakMap<ts.SourceFile, IndexView>();

export function indexView(sourceFile: ts.SourceFile): IndexView {
  let view = views.get(sourceFile);
  if (!view) {
    const index = fileIndex(sourceFile);
    const lookup = <V>(kind: keyof FileIndex, map: ReadonlyMap<string, V>): Lookup<V> => ({
      get(name) {
        noteKey(kind, name);
        const found = map.get(name);
        if (found !== undefined) noteFile(sourceFile.fileName);
        return found;
      },
      values() {
        noteKey(kind, ANY_NAME);
        if (map.size > 0) noteFile(sourceFile.fileName);
        return map.values();
      },
    });
    view = {
      assignments: lookup('assignments', index.assignments),
      properties: lookup('properties', index.properties),
      calls: lookup('calls', index.calls),
      constructions: lookup('constructions', index.constructions),
      elementWrites: lookup('elementWrites', index.elementWrites),
      binds: lookup('binds', index.binds),
      tableCalls: lookup('tableCalls', index.tableCalls),
      heritage: lookup('heritage', index.heritage),
    };
    views.set(sourceFile, view);
  }
  return view;
}

/** A memoised answer's reads become part of the reads of whoever reuses it. */
export function inherit(reads: Reads): void {
  if (current && current !== reads) current.parts.push(reads);
}

/** Runs `compute` collecting what it reads (also into the reads of the computation around it). */
export function recording<T>(compute: () => T): { value: T; reads: Reads } {
  const found = recordingApart(compute);
  inherit(found.reads);
  return found;
}

/**
 * Runs `compute` collecting what it reads, apart from the computation around it: the caller
 * decides whether its answer rests on them (`inherit`), as for a pre-check whose "yes" decides nothing.
 */
export function recordingApart<T>(compute: () => T): { value: T; reads: Reads } {
  const outer = current;
  const reads = new Reads();
  current = reads;
  try {
    return { value: compute(), reads };
  } finally {
    current = outer;
  }
}

/** A memoised answer that may be "none" (null), with what computing it read. */
export interface RecordedAnswer<T> {
  readonly value: T | null;
  readonly reads?: Reads;
}

/**
 * The memoised answer for `key`, computed (and recorded) on first use: a reuse inherits what the
 * computation read, and a recursive query for the key meanwhile answers "none".
 */
export function memoRecorded<K, T>(memo: Map<K, RecordedAnswer<T>>, key: K, compute: () => T | undefined): T | undefined {
  const known = memo.get(key);
  if (known) {
    if (known.reads) inherit(known.reads);
    return known.value ?? undefined;
  }
  memo.set(key, { value: null }); // recursion guard
  const found = recording(compute);
  memo.set(key, { value: found.value ?? null, reads: found.reads });
  return found.value;
}

/** The files, the files read as text only, and the `kind:name` keys of a reads graph. */
export function flattenReads(root: Reads): { files: string[]; texts: string[]; keys: string[] } {
  const files = new Set<string>();
  const texts = new Set<string>();
  const keys = new Set<string>();
  const seen = new Set<Reads>();
  const stack = [root];
  while (stack.length > 0) {
    const reads = stack.pop()!;
    if (seen.has(reads)) continue;
    seen.add(reads);
    for (const file of reads.files) files.add(file);
    for (const file of reads.texts) texts.add(file);
    for (const [kind, names] of reads.keys) for (const name of names) keys.add(`${kind}:${name}`);
    stack.push(...reads.parts);
  }
  return { files: [...files].sort(), texts: [...texts].filter((file) => !files.has(file)).sort(), keys: [...keys].sort() };
}

/**
 * The first of the keys a file has an entry under (parsed only, not checked): a query that looked
 * the key up could find something new in it.
 */
export function keyWithEntryIn(sourceFile: ts.SourceFile, keys: readonly string[]): string | undefined {
  const index = fileIndex(sourceFile);
  let functions: Set<string> | undefined;
  for (const key of keys) {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon) as LookupKind;
    const name = key.slice(colon + 1);
    if (kind === 'text') {
      if (quotedModule(name).test(sourceFile.text)) return key;
    } else if (kind === 'wrapperEdges' || kind === 'closerEdges') {
      if (hasNewCallEdge(sourceFile, kind, name)) return key;
    } else if (kind === 'storeCode') {
      // Any file the store index would read (the value a case tests needs the checker).
      if (STORE_ACTIONS_TEXT.test(sourceFile.text) || STORE_TYPES_TEXT.test(sourceFile.text)) return key;
    } else if (kind === 'functions') {
      functions ??= new Set(callsInFunctionsOf(sourceFile).flatMap((call) => [...call.forwarders, ...(call.innermost ? [call.innermost] : [])].map((fn) => fn.name)));
      if (functions.has(name)) return key;
    } else if (kind in index) {
      const map = index[kind as keyof FileIndex];
      if (name === ANY_NAME ? map.size > 0 : map.has(name)) return key;
    } else {
      return key; // a kind this version does not know: assume the worst
    }
  }
  return undefined;
}

/** `'module'`, `"module"` or `` `module` `` in a file's text: how route plugins are found (routes.ts). */
export function quotedModule(module: string): RegExp {
  return new RegExp(`['"\`]${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"\`]`);
}

/** Whether a function of the key's name in the file calls a method the key does not list. */
function hasNewCallEdge(sourceFile: ts.SourceFile, kind: CallEdgeKind, key: string): boolean {
  const [name, methods = ''] = key.split('>');
  const known = new Set(methods.split(','));
  return callsInFunctionsOf(sourceFile).some((call) => !known.has(call.method) && (kind === 'wrapperEdges' ? call.forwarders : call.innermost ? [call.innermost] : []).some((fn) => fn.name === name));
}
