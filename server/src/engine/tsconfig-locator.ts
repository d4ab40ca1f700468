// Which tsconfig a file belongs to: its nearest tsconfig.json when that includes it, else a
// project that tsconfig references (transitively, for solution-style tsconfigs) that does, else
// the one named variant (`tsconfig.worker.json`) that includes it in the nearest folder that has
// one (projects with no tsconfig.json, only per-target ones, are common with Vite and Workers:
// checking them as loose files would give server code the DOM lib); undefined for a loose file
// (the inferred project). Tsconfigs are parsed once (file lists only, no programs) until clear().
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
  private readonly variantsByDir = new Map<string, readonly string[]>();

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
    const fileKey = this.key(file);
    return (nearest !== undefined ? this.includingReference(nearest, fileKey) : undefined) ?? this.includingVariant(dir, nearest !== undefined ? path.dirname(nearest) : undefined, fileKey);
  }

  /** `tsconfig` or a project it references (transitively) that includes the file. */
  private includingReference(tsconfig: string, fileKey: string): string | undefined {
    const queue = [tsconfig];
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

  /**
   * In the nearest folder from `dir` up to `stop` (the nearest tsconfig.json's, else the package's:
   * a monorepo root's `tsconfig.base.json` is meant to be extended, not to check a package with no
   * tsconfig) that has `tsconfig.<name>.json` files, the one of them that includes the file. Two
   * that both include it are ambiguous (a build and a test variant): the file stays loose.
   */
  private includingVariant(dir: string, stop: string | undefined, fileKey: string): string | undefined {
    for (let current = dir; ; current = path.dirname(current)) {
      const variants = this.variantsIn(current);
      if (variants.length > 0) {
        const including = variants.filter((variant) => this.parse(variant).fileKeys.has(fileKey));
        return including.length === 1 ? including[0] : undefined;
      }
      const atPackageRoot = stop === undefined && this.host.fileExists(path.join(current, 'package.json'));
      if (current === stop || atPackageRoot || path.dirname(current) === current || path.basename(current) === 'node_modules') return undefined;
    }
  }

  private variantsIn(dir: string): readonly string[] {
    let variants = this.variantsByDir.get(dir);
    if (!variants) {
      variants = this.host
        .readDirectory(dir, ['.json'], undefined, undefined, 1)
        .filter((file) => path.dirname(path.resolve(file)) === path.resolve(dir) && /^tsconfig\.[^.]+(\.[^.]+)*\.json$/i.test(path.basename(file)))
        .sort();
      this.variantsByDir.set(dir, variants);
    }
    return variants;
  }

  clear(): void {
    this.parsedByPath.clear();
    this.nearestByDir.clear();
    this.variantsByDir.clear();
  }
}
