// --cache, for findings that rest on program-wide lookups by name (the socket flow's indexes, the
// program's wrappers): a file the analysis never read can still change them by gaining an entry
// under a name it looked up (`holder.socket = new WebSocket(url)` in a file that had no
// `socket`). So the files of the program that changed since — and the files they now import that
// were not in the program — are parsed, and an entry whose keys one of them has an entry under is
// stale. A file that lost its entries needs no such check: having had one, it was read.
import * as path from 'node:path';
import * as ts from 'typescript';
import { keyWithEntryIn } from '../engine/lint-file';
import type { FileSets } from './cache-sets';
import type { StampChecker } from './cache-store';

export interface KeyHit {
  readonly file: string;
  readonly key: string;
}

export class KeyCheck {
  /** Per scope list, the files that changed or joined the program. */
  private readonly changedIn = new Map<string, readonly string[]>();
  private readonly parsed = new Map<string, ts.SourceFile | null>();
  private readonly hits = new Map<string, KeyHit | null>();

  constructor(
    private readonly sets: FileSets,
    private readonly checker: StampChecker,
    private readonly readText: (file: string) => string | undefined,
  ) {}

  /** The first changed file of the scope (with its options for resolving imports) that has an entry under one of the keys. */
  firstHit(keysId: string, scopeId: string, options: ts.CompilerOptions): KeyHit | null {
    const memo = `${keysId} ${scopeId}`;
    let hit = this.hits.get(memo);
    if (hit === undefined) {
      const keys = this.sets.files(keysId);
      hit = null;
      for (const file of this.changed(scopeId, options)) {
        const sourceFile = this.parse(file);
        const key = sourceFile && keyWithEntryIn(sourceFile, keys);
        if (key) {
          hit = { file, key };
          break;
        }
      }
      this.hits.set(memo, hit);
    }
    return hit;
  }

  private changed(scopeId: string, options: ts.CompilerOptions): readonly string[] {
    let changed = this.changedIn.get(scopeId);
    if (changed) return changed;
    const scope = new Set(this.sets.files(scopeId));
    const found: string[] = [];
    const queue = [...scope].filter((file) => !this.checker.unchanged(file));
    const seen = new Set(queue);
    while (queue.length > 0) {
      const file = queue.pop()!;
      const sourceFile = this.parse(file);
      if (!sourceFile) continue; // deleted: it can give no new entry
      found.push(file);
      // An import (or `/// <reference path>`) it has now may bring a file into the program that was not in it.
      const info = ts.preProcessFile(sourceFile.text, true, true);
      const resolvedModules = info.importedFiles.map((imported) => ts.resolveModuleName(imported.fileName, file, options, ts.sys).resolvedModule);
      const targets = [
        ...resolvedModules.map((resolved) => (resolved && !resolved.isExternalLibraryImport ? resolved.resolvedFileName : undefined)),
        ...info.referencedFiles.map((reference) => path.resolve(path.dirname(file), reference.fileName)),
      ].map((name) => (name !== undefined && !/\.d\.[mc]?ts$/.test(name) ? path.resolve(name) : undefined));
      for (const target of targets) {
        if (target === undefined || scope.has(target) || seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    this.changedIn.set(scopeId, found);
    return found;
  }

  private parse(file: string): ts.SourceFile | null {
    let sourceFile = this.parsed.get(file);
    if (sourceFile === undefined) {
      const text = this.readText(file);
      sourceFile = text === undefined ? null : ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      this.parsed.set(file, sourceFile);
    }
    return sourceFile;
  }
}
