// TypeScript's module resolution, with a cache that outlives one program. A language service
// builds a new program on every edit; with TypeScript's default resolution each of them starts
// a fresh cache and, for every file it reuses, looks up the nearest package.json again (to know
// whether the file is an ES module), reading and parsing each one: most of an edit's time on a
// real repository. One cache per project (dropped with the project when a package.json or a
// tsconfig changes, or a file is created or deleted) answers those lookups from memory.
import * as ts from 'typescript';
import { shareModuleResolutionCache } from './typescript-internals';
import { workspaceSourceOf } from './workspace-sources';

export type ModuleResolver = NonNullable<ts.CompilerHost['resolveModuleNameLiterals']>;

export function createResolutionCache(currentDirectory: string, useCaseSensitiveFileNames: boolean, options: ts.CompilerOptions): ts.ModuleResolutionCache {
  return ts.createModuleResolutionCache(currentDirectory, (file) => (useCaseSensitiveFileNames ? file : file.toLowerCase()), options);
}

/** One import resolved as createProgram resolves it, through `cache`. */
export function resolveModuleLiteral(literal: ts.StringLiteralLike, containingFile: string, redirectedReference: ts.ResolvedProjectReference | undefined, options: ts.CompilerOptions, containingSourceFile: ts.SourceFile, host: ts.ModuleResolutionHost, cache: ts.ModuleResolutionCache): ts.ResolvedModuleWithFailedLookupLocations {
  const mode = ts.getModeForUsageLocation(containingSourceFile, literal, redirectedReference?.commandLine.options ?? options);
  const resolved = ts.resolveModuleName(literal.text, containingFile, options, host, cache, redirectedReference, mode);
  if (resolved.resolvedModule) return resolved;
  // A workspace package of the repository that is not built yet: its sources (workspace-sources.ts).
  const source = workspaceSourceOf(literal.text, containingFile, host);
  return source ? { ...resolved, resolvedModule: source } : resolved;
}

/** `resolveModuleNameLiterals` doing TypeScript's resolution through `cache`. */
export function cachedResolver(host: ts.ModuleResolutionHost, cache: ts.ModuleResolutionCache): ModuleResolver {
  return (literals, containingFile, redirectedReference, options, containingSourceFile) =>
    literals.map((literal) => resolveModuleLiteral(literal, containingFile, redirectedReference, options, containingSourceFile, host, cache));
}

/** Gives `serviceHost` TypeScript's resolution through one cache kept for every program it builds. */
export function resolveWithLastingCache(serviceHost: ts.LanguageServiceHost, host: ts.ModuleResolutionHost, cache: ts.ModuleResolutionCache, resolver?: ModuleResolver): void {
  serviceHost.resolveModuleNameLiterals = resolver ?? cachedResolver(host, cache);
  shareModuleResolutionCache(serviceHost, cache);
}
