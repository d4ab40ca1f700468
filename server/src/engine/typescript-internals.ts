// Every hook into TypeScript that its public typings do not declare, in one place: the project
// model (project.ts, project-service.ts, lazy-imports.ts, module-resolution.ts) needs four, and a TypeScript upgrade
// that changes them has to be checked here only (test/engine/lazy-imports, test/lsp/lazy-imports
// and the project-reference tests fail when one stops working).
import type * as ts from 'typescript';

/**
 * Read the sources of referenced projects, as editors do, not their built .d.ts: projects are
 * linted before they are built, and a project that references itself through a cycle of
 * references would otherwise lose its own files to outputs that do not exist. tsserver's own
 * hook: public on watch hosts only, read by createProgram and the language service alike.
 */
export function readReferencedSources<Host extends ts.CompilerHost | ts.LanguageServiceHost>(host: Host): Host {
  (host as Host & Pick<ts.WatchCompilerHost<ts.BuilderProgram>, 'useSourceOfProjectReferenceRedirect'>).useSourceOfProjectReferenceRedirect = () => true;
  return host;
}

/**
 * Make a language service resolve every import again for its next program while `invalidated()`
 * says so (more files were loaded: see lazy-imports.ts). Public on compiler hosts, and read by
 * the language service from its host too, though its typings do not declare it there.
 */
export function invalidateResolutionsWhen(host: ts.LanguageServiceHost, invalidated: () => boolean): void {
  (host as ts.LanguageServiceHost & Pick<ts.CompilerHost, 'hasInvalidatedResolutions'>).hasInvalidatedResolutions = invalidated;
}

/**
 * Let the programs a language service builds use `cache` for the package.json lookups that decide
 * each file's module format (module-resolution.ts). createProgram asks its host for
 * `getModuleResolutionCache` when the host resolves modules itself, and the language service
 * passes its own host's on; neither typing declares it.
 */
export function shareModuleResolutionCache(host: ts.LanguageServiceHost, cache: ts.ModuleResolutionCache): void {
  (host as ts.LanguageServiceHost & Pick<ts.CompilerHost, 'getModuleResolutionCache'>).getModuleResolutionCache = () => cache;
}

type ResolvedModuleLookup = (file: ts.SourceFile, moduleName: string, mode: ts.ResolutionMode) => ts.ResolvedModuleWithFailedLookupLocations | undefined;

/**
 * Calls `onUnresolved(file, moduleName)` each time the program's checker looks up an import that
 * resolved to nothing. `program.getResolvedModule` is what the checker calls on its host (the
 * program) to resolve an import. Returns false when this TypeScript has no such method: then
 * nothing can be watched.
 */
export function watchUnresolvedImports(program: ts.Program, onUnresolved: (file: ts.SourceFile, moduleName: string) => void): boolean {
  const internal = program as ts.Program & { getResolvedModule?: ResolvedModuleLookup };
  const resolve = internal.getResolvedModule?.bind(program);
  if (!resolve) return false;
  internal.getResolvedModule = (file, moduleName, mode) => {
    const result = resolve(file, moduleName, mode);
    if (result?.resolvedModule === undefined) onUnresolved(file, moduleName);
    return result;
  };
  return true;
}
