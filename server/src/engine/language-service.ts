// The language service of one project of the project service: its host answers the project's
// current root files, each file's script version and snapshot (open documents overlaid on disk,
// an empty text for a file TypeScript fails on), and TypeScript's module resolution through one
// cache kept across programs (module-resolution.ts), except, with lazy imports, for the project
// files left out (lazy-imports.ts).
import * as ts from 'typescript';
import type { LazyImports } from './lazy-imports';
import { createResolutionCache, resolveWithLastingCache } from './module-resolution';
import type { ProjectHost } from './project';
import { JSDOC_PARSING_MODE } from './project';
import type { ScriptVersions } from './script-versions';
import { invalidateResolutionsWhen, readReferencedSources } from './typescript-internals';
import type { VersionedLeftOutFiles } from './versioned-left-out';

/** A tsconfig project's lazily loaded imports (see lazy-imports.ts). */
export interface LazyState {
  readonly imports: LazyImports;
  /** Resolve every import again in the next program: the set of left-out files shrank. */
  invalidateResolutions: boolean;
}

export interface ServiceInputs {
  readonly options: ts.CompilerOptions;
  readonly currentDirectory: string;
  readonly rootNames: () => string[];
  readonly projectReferences: readonly ts.ProjectReference[] | undefined;
  readonly lazy?: LazyState;
}

export interface ServiceShared {
  /** Files as the service sees them: open documents overlaid on disk. */
  readonly host: ProjectHost;
  readonly versions: ScriptVersions;
  readonly leftOut: VersionedLeftOutFiles;
  readonly registry: ts.DocumentRegistry;
  readonly projectVersion: () => number;
  /** Told the file whose text the language service reads (the one a parse failure is in). */
  readonly onRead: (file: string) => void;
}

export function createProjectLanguageService(inputs: ServiceInputs, shared: ServiceShared): ts.LanguageService {
  const { host, versions, leftOut } = shared;
  const { options, currentDirectory, projectReferences, lazy } = inputs;
  const serviceHost: ts.LanguageServiceHost = readReferencedSources({
    getCompilationSettings: () => options,
    jsDocParsingMode: JSDOC_PARSING_MODE,
    getProjectVersion: () => String(shared.projectVersion()),
    getScriptFileNames: inputs.rootNames,
    // A left-out file is another version: an empty text stands in for it.
    getScriptVersion: (file) => (leftOut.get(file) ? `${versions.versionOf(file)}:left-out` : versions.versionOf(file)),
    getScriptSnapshot: (file) => {
      if (leftOut.get(file)) return EMPTY_SNAPSHOT;
      shared.onRead(file);
      return versions.snapshot(file, serviceHost.getScriptVersion(file), host.readFile);
    },
    getCurrentDirectory: () => currentDirectory,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: host.fileExists,
    readFile: host.readFile,
    readDirectory: host.readDirectory,
    directoryExists: host.directoryExists,
    getDirectories: host.getDirectories,
    useCaseSensitiveFileNames: () => host.useCaseSensitiveFileNames,
    ...(host.realpath ? { realpath: host.realpath } : {}),
    ...(projectReferences ? { getProjectReferences: () => projectReferences } : {}),
  });
  const cache = createResolutionCache(currentDirectory, host.useCaseSensitiveFileNames, options);
  resolveWithLastingCache(serviceHost, host, cache, lazy?.imports.createResolver(host, currentDirectory, cache));
  if (lazy) invalidateResolutionsWhen(serviceHost, () => lazy.invalidateResolutions);
  return ts.createLanguageService(serviceHost, shared.registry);
}

const EMPTY_SNAPSHOT = ts.ScriptSnapshot.fromString('');
