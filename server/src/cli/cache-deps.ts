// The files a file's findings depend on (--cache). The checker answers questions about a file from
// the declarations that can reach it: what it imports, transitively (followed here by resolving
// every import as the program's options do, since lazy imports leave some of them out of the
// program), and everything global — declaration files (lib, @types, node_modules) and scripts.
// When the analysis read beyond the file's imports (the socket flow, the program's wrappers), the
// files it read count with their imports too (their types answered its questions), those it read
// as text only (the wrapper and closer filters) by themselves; the names it looked up program-wide
// are checked against changed files (cache-keys.ts). Module resolutions that looked for a file and found none record where, so
// that creating the file (or installing a package an import could not find) counts as a change.
import * as path from 'node:path';
import * as ts from 'typescript';

export interface Dependencies {
  /** Absolute paths: the file itself, then what it imports, transitively. */
  readonly own: string[];
  /** What the files the analysis read beyond its imports import, transitively (none read: empty). */
  readonly read: string[];
  /** Lists shared by the files of the program (the same arrays each time): global declarations; every file of the program when what was read is not known. */
  readonly shared: ReadonlyArray<readonly string[]>;
  /** Absolute paths that did not exist where a resolution looked. */
  readonly absent: string[];
}

/** Resolves and follows imports for the files of one program; memoised, since files share most of their closure. */
export class DependencyFinder {
  private readonly importsOf = new Map<string, { files: string[]; absent: string[] }>();
  private readonly resolutionCache: ts.ModuleResolutionCache;
  private readonly global: string[];
  private readonly all: string[];
  private readonly inProgram: Set<string>;
  private readonly roots: Set<string>;
  /** Per file, the files of the program that import it (built when first needed). */
  private importers: Map<string, string[]> | undefined;
  /** The program's own files (not declarations, not packages): where a looked-up name could gain an entry. */
  readonly projectFiles: string[];

  constructor(
    private readonly program: ts.Program,
    private readonly readText: (file: string) => string | undefined,
  ) {
    const options = program.getCompilerOptions();
    this.resolutionCache = ts.createModuleResolutionCache(program.getCurrentDirectory(), (name) => (ts.sys.useCaseSensitiveFileNames ? name : name.toLowerCase()), options);
    const sourceFiles = program.getSourceFiles();
    this.all = sourceFiles.map((file) => path.resolve(file.fileName));
    this.inProgram = new Set(this.all);
    this.roots = new Set(program.getRootFileNames().map((name) => path.resolve(name)));
    // Declaration files and scripts declare into the global scope (or augment modules) without being imported.
    this.projectFiles = sourceFiles.filter((file) => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && !/[\\/]node_modules[\\/]/.test(file.fileName)).map((file) => path.resolve(file.fileName));
    this.global = sourceFiles.filter((file) => file.isDeclarationFile || !ts.isExternalModule(file)).map((file) => path.resolve(file.fileName));
  }

  /**
   * `reads`: the files the analysis read beyond its imports (`files`, with their imports; `texts`,
   * read as text only); `flow` without them: the whole program. A file read that is in the program
   * only because others import it stays only while they do: those importers count too.
   */
  dependenciesOf(file: string, flow: boolean, reads?: { readonly files: readonly string[]; readonly texts: readonly string[] }): Dependencies {
    const absent = new Set<string>();
    const own = this.closure([file], new Set(), absent);
    if (!reads) return { own, read: [], shared: [flow ? this.all : this.global], absent: [...absent].sort() };
    const known = new Set(own);
    const read = this.closure(reads.files.map((name) => path.resolve(name)), known, absent);
    const texts = reads.texts.map((name) => path.resolve(name));
    for (const text of texts) if (!known.has(text)) (known.add(text), read.push(text));
    for (const importer of this.importersUpToRoots([...reads.files.map((name) => path.resolve(name)), ...texts])) if (!known.has(importer)) (known.add(importer), read.push(importer));
    return { own, read, shared: [this.global], absent: [...absent].sort() };
  }

  /** The files that bring the non-root ones of `files` into the program: their importers, and theirs up to the roots. */
  private importersUpToRoots(files: readonly string[]): string[] {
    const found = new Set<string>();
    const queue = files.filter((file) => this.inProgram.has(file) && !this.roots.has(file));
    if (queue.length === 0) return [];
    if (!this.importers) {
      this.importers = new Map();
      for (const from of this.all) for (const to of this.imports(from).files) this.importers.set(to, [...(this.importers.get(to) ?? []), from]);
    }
    while (queue.length > 0) {
      for (const importer of this.importers.get(queue.pop()!) ?? []) {
        if (found.has(importer)) continue;
        found.add(importer);
        if (!this.roots.has(importer)) queue.push(importer);
      }
    }
    return [...found];
  }

  /** The files and what they import, transitively, leaving out those `known` holds (which it grows). */
  private closure(starts: readonly string[], known: Set<string>, absent: Set<string>): string[] {
    const files: string[] = [];
    const queue: string[] = [];
    const add = (name: string): void => {
      if (known.has(name)) return;
      known.add(name);
      files.push(name);
      queue.push(name);
    };
    for (const start of starts) add(start);
    while (queue.length > 0) {
      const found = this.imports(queue.pop()!);
      for (const missing of found.absent) absent.add(missing);
      for (const imported of found.files) add(imported);
    }
    return files;
  }

  /** What one file imports (modules, `/// <reference>`s, type references), resolved. */
  private imports(file: string): { files: string[]; absent: string[] } {
    let found = this.importsOf.get(file);
    if (found) return found;
    found = { files: [], absent: [] };
    this.importsOf.set(file, found);
    // A declaration file of the program is global already (see `global`), and so is all it references.
    const sourceFile = this.program.getSourceFile(file);
    if (sourceFile?.isDeclarationFile && this.inProgram.has(file)) return found;
    const text = sourceFile?.text ?? this.readText(file);
    if (text === undefined) return found;
    const info = ts.preProcessFile(text, true, true);
    const options = this.program.getCompilerOptions();
    const host: ts.ModuleResolutionHost = { fileExists: ts.sys.fileExists, readFile: ts.sys.readFile, directoryExists: ts.sys.directoryExists, realpath: ts.sys.realpath!, getCurrentDirectory: () => this.program.getCurrentDirectory() };
    const inNodeModules = /[\\/]node_modules[\\/]/.test(file);
    for (const imported of info.importedFiles) {
      const resolution = ts.resolveModuleName(imported.fileName, file, options, host, this.resolutionCache, undefined, sourceFile?.impliedNodeFormat);
      this.record(found, resolution.resolvedModule?.resolvedFileName, resolution, imported.fileName, inNodeModules);
    }
    for (const reference of info.referencedFiles) {
      const target = path.resolve(path.dirname(file), reference.fileName);
      if (ts.sys.fileExists(target)) found.files.push(target);
      else found.absent.push(target);
    }
    for (const reference of info.typeReferenceDirectives) {
      const resolution = ts.resolveTypeReferenceDirective(reference.fileName, file, options, host);
      this.record(found, resolution.resolvedTypeReferenceDirective?.resolvedFileName, resolution, reference.fileName, inNodeModules);
    }
    return found;
  }

  private record(found: { files: string[]; absent: string[] }, resolved: string | undefined, resolution: object, specifier: string, fromPackage: boolean): void {
    if (resolved !== undefined) found.files.push(path.resolve(resolved));
    // Internal to TypeScript but stable for years (its watch mode relies on it): where it looked in vain.
    const { failedLookupLocations = [], affectingLocations = [] } = resolution as { failedLookupLocations?: string[]; affectingLocations?: string[] };
    // package.json files that decided the resolution (`types`, `exports`) are dependencies too.
    for (const location of affectingLocations) if (ts.sys.fileExists(location)) found.files.push(path.resolve(location));
    // A project file's import could be shadowed by a file created where it looked first, and an
    // import that found nothing by a package installed. Inside node_modules, packages that found
    // their dependencies are taken as installed (their many lookups would bloat the cache).
    const bare = !specifier.startsWith('.') && !path.isAbsolute(specifier);
    if (fromPackage && bare && resolved !== undefined) return;
    for (const location of failedLookupLocations) found.absent.push(path.resolve(location));
  }
}
