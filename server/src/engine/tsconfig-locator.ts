// Which tsconfig a file belongs to: its nearest tsconfig.json when that includes it, else a
// project that tsconfig references (transitively, for solution-style tsconfigs) that does;
// undefined for a loose file (the inferred project). Tsconfigs are parsed once (file lists
// only, no programs) until clear() is called.
import * as path from 'node:path';
import * as ts from 'typescript';
import { findTsconfig, parseTsconfig } from './project';
import type { ParsedTsconfig, ProjectHost } from './project';

export interface LocatedTsconfig {
  readonly parsed: ParsedTsconfig;
  readonly fileKeys: ReadonlySet<string>;
  /** Referenced tsconfigs that exist. */
  readonly references: readonly string[];
}

export class TsconfigLocator {
  private readonly parsedByPath = new Map<string, LocatedTsconfig>();
  private readonly nearestByDir = new Map<string, string | undefined>();

  constructor(
    private readonly host: ProjectHost,
    /** Called once per parsed tsconfig that has problems. */
    private readonly onProblems: (tsconfig: string, diagnostics: readonly ts.Diagnostic[]) => void = () => {},
  ) {}

  /** A path as a map key (case-folded on case-insensitive file systems). */
  key(file: string): string {
    const resolved = path.resolve(file);
    return this.host.useCaseSensitiveFileNames ? resolved : resolved.toLowerCase();
  }

  parse(tsconfig: string): LocatedTsconfig {
    let result = this.parsedByPath.get(tsconfig);
    if (!result) {
      const parsed = parseTsconfig(tsconfig, this.host);
      if (parsed.diagnostics.length > 0) this.onProblems(tsconfig, parsed.diagnostics);
      const references = parsed.projectReferences.map((reference) => path.resolve(ts.resolveProjectReferencePath(reference)));
      result = { parsed, fileKeys: new Set(parsed.fileNames.map((f) => this.key(f))), references: references.filter((f) => this.host.fileExists(f)) };
      this.parsedByPath.set(tsconfig, result);
    }
    return result;
  }

  /** The tsconfig whose program should check `file`, or undefined for a loose file. */
  tsconfigFor(file: string): string | undefined {
    const dir = path.dirname(file);
    if (!this.nearestByDir.has(dir)) this.nearestByDir.set(dir, findTsconfig(file, this.host));
    const nearest = this.nearestByDir.get(dir);
    if (nearest === undefined) return undefined;
    const fileKey = this.key(file);
    const queue = [nearest];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const located = this.parse(next);
      if (located.fileKeys.has(fileKey)) return next;
      queue.push(...located.references);
    }
    return undefined;
  }

  clear(): void {
    this.parsedByPath.clear();
    this.nearestByDir.clear();
  }
}
