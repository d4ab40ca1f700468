// Workspace packages that are not built yet. In a monorepo, `import { Transport } from
// '@org/common'` resolves through node_modules/@org/common, a link to the repository's own
// packages/common, whose package.json points at dist/ — which exists only after a build. A fresh
// clone (and a linter run on it, or an editor opened on it) has no dist/, so TypeScript resolves
// nothing and every type from that package is `any`: a socket created there is invisible.
// When TypeScript finds nothing and the package is such a link, its sources are used instead:
// the entry points of its package.json with dist/ (build/, lib/, out/…) read as src/ and .js/.d.ts
// as .ts — the layout of almost every TypeScript monorepo — or src/index.ts.
import * as path from 'node:path';
import * as ts from 'typescript';

/** Folders build tools write into, each standing for the package's sources. */
const BUILD_FOLDER = /^(?:dist|build|lib|out|esm|cjs|types|dist-types)\//;
const OUTPUT_EXTENSION = /\.(?:d\.ts|d\.mts|d\.cts|js|mjs|cjs)$/;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'] as const;

/**
 * The source file a bare import of a linked workspace package stands for, when TypeScript
 * resolved nothing; undefined for anything else (a package installed from the registry, a
 * relative import, a package whose sources are not where its outputs say).
 */
export function workspaceSourceOf(specifier: string, containingFile: string, host: ts.ModuleResolutionHost): ts.ResolvedModuleFull | undefined {
  const parts = packageParts(specifier);
  if (!parts || !host.realpath) return undefined;
  const linked = linkedPackage(parts.name, containingFile, host);
  if (!linked) return undefined;
  const candidates = parts.subpath ? subpathCandidates(parts.subpath) : entryCandidates(linked.manifest);
  for (const candidate of candidates) {
    for (const file of withSourceExtensions(candidate)) {
      const full = path.join(linked.folder, file);
      if (host.fileExists(full)) return { resolvedFileName: host.realpath(full), extension: extensionOf(full), isExternalLibraryImport: false };
    }
  }
  return undefined;
}

function packageParts(specifier: string): { name: string; subpath: string } | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.includes(':')) return undefined;
  const segments = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  if (segments.length < count || segments.slice(0, count).some((s) => s === '')) return undefined;
  return { name: segments.slice(0, count).join('/'), subpath: segments.slice(count).join('/') };
}

/** The nearest node_modules/<name> above the importing file, when it links to a folder outside every node_modules. */
function linkedPackage(name: string, containingFile: string, host: ts.ModuleResolutionHost): { folder: string; manifest: Record<string, unknown> } | undefined {
  for (let dir = path.dirname(containingFile); ; dir = path.dirname(dir)) {
    const manifestFile = path.join(dir, 'node_modules', name, 'package.json');
    if (path.basename(dir) !== 'node_modules' && host.fileExists(manifestFile)) {
      const folder = host.realpath!(path.join(dir, 'node_modules', name));
      if (folder.split(/[\\/]/).includes('node_modules')) return undefined; // installed, not linked
      try {
        const manifest: unknown = JSON.parse(host.readFile(manifestFile) ?? '');
        return manifest && typeof manifest === 'object' ? { folder, manifest: manifest as Record<string, unknown> } : undefined;
      } catch {
        return undefined;
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The package's entry points (types, module, main, the "." export), as source paths, then src/index. */
function entryCandidates(manifest: Record<string, unknown>): string[] {
  const entries: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string') entries.push(value);
    else if (value && typeof value === 'object') for (const key of ['types', 'import', 'module', 'require', 'default', 'node', 'browser']) add((value as Record<string, unknown>)[key]);
  };
  for (const field of ['types', 'typings', 'module', 'main']) add(manifest[field]);
  const exports = manifest['exports'];
  add(exports && typeof exports === 'object' && !Array.isArray(exports) && '.' in exports ? (exports as Record<string, unknown>)['.'] : exports);
  const sources = entries.map((entry) => entry.replace(/^\.\//, '')).map((entry) => entry.replace(BUILD_FOLDER, 'src/').replace(OUTPUT_EXTENSION, ''));
  return [...new Set([...sources, 'src/index', 'index'])];
}

/** `@org/pkg/transport/ws`: src/transport/ws, then transport/ws (with an index file too). */
function subpathCandidates(subpath: string): string[] {
  const bare = subpath.replace(BUILD_FOLDER, '').replace(OUTPUT_EXTENSION, '');
  return [`src/${bare}`, `src/${bare}/index`, bare, `${bare}/index`];
}

function withSourceExtensions(candidate: string): string[] {
  return SOURCE_EXTENSIONS.map((extension) => `${candidate}${extension}`);
}

function extensionOf(file: string): ts.Extension {
  if (file.endsWith('.tsx')) return ts.Extension.Tsx;
  if (file.endsWith('.mts')) return ts.Extension.Mts;
  if (file.endsWith('.cts')) return ts.Extension.Cts;
  return ts.Extension.Ts;
}
