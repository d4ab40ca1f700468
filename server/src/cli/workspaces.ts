// The workspace folders a monorepo declares: `workspaces` in package.json (an array, or
// `{ "packages": [...] }` as Yarn writes it) and `packages:` in pnpm-workspace.yaml. File
// discovery skips node_modules folders, but some monorepos keep their own packages under one
// (node-red's packages/node_modules/@node-red/*); declared workspaces are checked even there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/** Workspace patterns declared in `dir` itself, relative to it (`!` patterns exclude). */
export function declaredWorkspacePatterns(dir: string): string[] {
  return [...packageJsonWorkspaces(dir), ...pnpmWorkspaces(dir)];
}

function packageJsonWorkspaces(dir: string): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    return []; // no package.json, or one npm could not read either
  }
  const workspaces = (manifest as { workspaces?: unknown } | null)?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * The `packages:` list of pnpm-workspace.yaml, read line by line: a block list of plain or quoted
 * scalars, which is the form pnpm documents. Anything fancier yields no patterns.
 */
function pnpmWorkspaces(dir: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return [];
  }
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^packages\s*:\s*(?:#.*)?$/.test(line)) {
      inPackages = true;
      continue;
    }
    if (!inPackages || /^\s*(?:#.*)?$/.test(line)) continue;
    const item = /^\s+-\s+(?:'([^']*)'|"([^"]*)"|([^\s#'"][^#]*?))\s*(?:#.*)?$/.exec(line);
    if (item === null) {
      if (!/^\s/.test(line)) inPackages = false; // the next top-level key
      continue;
    }
    patterns.push(item[1] ?? item[2] ?? item[3]!);
  }
  return patterns;
}

/**
 * Folders (absolute) that hold a package.json and match the workspace patterns declared in `root`.
 * `**` does not descend into node_modules or .git: a workspace under node_modules is named by a
 * pattern that spells the node_modules segment out, as node-red's would.
 */
export function workspaceFolders(root: string): string[] {
  const patterns = declaredWorkspacePatterns(root).map((pattern) => pattern.trim().replace(/\\/g, '/'));
  const excluded = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => picomatch(normalizePattern(pattern.slice(1))));
  const found = new Set<string>();
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    for (const folder of expandFolders(root, normalizePattern(pattern).split('/'))) {
      const relative = path.relative(root, folder).split(path.sep).join('/');
      if (!excluded.some((matches) => matches(relative)) && isFile(path.join(folder, 'package.json'))) found.add(folder);
    }
  }
  return [...found].sort();
}

function normalizePattern(pattern: string): string {
  return pattern.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
}

/** Folders under `dir` that match the pattern's segments, one segment per folder level. */
function expandFolders(dir: string, segments: readonly string[]): string[] {
  if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) return [dir];
  const [segment, ...rest] = segments as [string, ...string[]];
  if (segment === '**') {
    // Zero folders, or one more level with `**` still ahead.
    return [...expandFolders(dir, rest), ...subfolders(dir).filter((name) => name !== 'node_modules' && name !== '.git').flatMap((name) => expandFolders(path.join(dir, name), segments))];
  }
  if (!picomatch.scan(segment).isGlob) {
    const next = path.join(dir, segment);
    return isDirectory(next) ? expandFolders(next, rest) : [];
  }
  const matches = picomatch(segment);
  return subfolders(dir)
    .filter((name) => matches(name))
    .flatMap((name) => expandFolders(path.join(dir, name), rest));
}

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
