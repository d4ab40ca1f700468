// Which WebSocket runtime(s) a declared type is: the declarations of its symbol are matched
// against registry/specifiers.ts (a TypeScript default library, or a file of an exact npm package).
// Unions, intersections, type parameters and subclasses are followed.
import * as ts from 'typescript';
import { GENERATED_PLATFORM_TYPES, GLOBAL_REDECLARING_RUNTIMES, GLOBAL_SOCKET_RUNTIME, PLATFORM_ONLY_MODULES, WS_MODULE, WS_SERVER, WS_SERVER_CLASSES } from '../registry/socket-sources';
import { RECEIVER_SPECIFIERS } from '../registry/specifiers';
import type { Platform, RuntimeId } from '../registry/types';

/** What type questions need: the program (to tell default-library files) and its checker. */
export interface TypeContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
}

export type TypeVerdict = RuntimeId[] | 'untyped';

const cache = new WeakMap<ts.TypeChecker, Map<ts.Type, TypeVerdict>>();

export function runtimesOfType(type: ts.Type, ctx: TypeContext, depth = 0): TypeVerdict {
  let perChecker = cache.get(ctx.checker);
  if (!perChecker) cache.set(ctx.checker, (perChecker = new Map()));
  const cached = perChecker.get(type);
  if (cached) return cached;
  const verdict = forPlatformOfDeclaration(type, computeRuntimes(type, ctx, depth));
  perChecker.set(type, verdict);
  return verdict;
}

/**
 * A type a package declares for one platform (its declaration file imports `cloudflare:workers`)
 * that names the global `WebSocket`: that platform's socket, not the DOM lib's.
 */
function forPlatformOfDeclaration(type: ts.Type, verdict: TypeVerdict): TypeVerdict {
  const whatwg = GLOBAL_SOCKET_RUNTIME.browser;
  if (verdict === 'untyped' || !verdict.includes(whatwg)) return verdict;
  const declaration = type.aliasSymbol?.declarations?.[0] ?? type.getSymbol()?.declarations?.[0];
  const platform = declaration?.getSourceFile().isDeclarationFile ? platformOfFile(declaration.getSourceFile()) : undefined;
  if (!platform) return verdict;
  return [...new Set(verdict.map((runtime) => (runtime === whatwg ? GLOBAL_SOCKET_RUNTIME[platform] : runtime)))];
}

const platformOfFiles = new WeakMap<ts.SourceFile, Platform | null>();

function platformOfFile(file: ts.SourceFile): Platform | undefined {
  let platform = platformOfFiles.get(file);
  if (platform === undefined) {
    platform = null;
    for (const statement of file.statements) {
      const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (specifier && PLATFORM_ONLY_MODULES[specifier]) platform = PLATFORM_ONLY_MODULES[specifier]!;
    }
    platformOfFiles.set(file, platform);
  }
  return platform ?? undefined;
}

const NOTHING = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never;

function computeRuntimes(type: ts.Type, ctx: TypeContext, depth: number): TypeVerdict {
  if (depth > 6) return [];
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'untyped';
  // Only `null`/`undefined`: what JavaScript infers for `socket = null` filled in elsewhere. Calling
  // close() on it is what the code does, so the type is wrong, not the call: it says nothing.
  if (type.flags & NOTHING) return 'untyped';
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & NOTHING));
    if (parts.length === 0) return 'untyped';
    const verdicts = parts.map((t) => runtimesOfType(t, ctx, depth + 1));
    if (verdicts.every((v) => v === 'untyped')) return 'untyped';
    return [...new Set(verdicts.flatMap((v) => (v === 'untyped' ? [] : v)))];
  }
  if (type.isIntersection()) {
    return [...new Set(type.types.flatMap((t) => {
      const v = runtimesOfType(t, ctx, depth + 1);
      return v === 'untyped' ? [] : v;
    }))];
  }
  if (type.flags & ts.TypeFlags.TypeParameter) {
    const constraint = ctx.checker.getBaseConstraintOfType(type);
    return constraint && constraint !== type ? runtimesOfType(constraint, ctx, depth + 1) : [];
  }
  const direct = matchSpecifiers(type, ctx);
  if (direct.length > 0) return direct;
  // A user class that extends a WebSocket class is that WebSocket.
  const target = (type as ts.TypeReference).target ?? type;
  if (target.isClassOrInterface()) {
    return [...new Set(ctx.checker.getBaseTypes(target).flatMap((base) => {
      const v = runtimesOfType(base, ctx, depth + 1);
      return v === 'untyped' ? [] : v;
    }))];
  }
  return [];
}

function matchSpecifiers(type: ts.Type, ctx: TypeContext): RuntimeId[] {
  const matched = matchDeclarations(type, ctx);
  const platform = matched.filter((r) => GLOBAL_REDECLARING_RUNTIMES.has(r));
  return platform.length > 0 ? platform : matched;
}

function matchDeclarations(type: ts.Type, ctx: TypeContext): RuntimeId[] {
  const symbols = [type.aliasSymbol, type.getSymbol()].filter((s): s is ts.Symbol => s !== undefined);
  const runtimes: RuntimeId[] = [];
  for (const symbol of symbols) {
    for (const decl of symbol.getDeclarations() ?? []) {
      // `export default class X` has the symbol name 'default': the declaration keeps the real name.
      const declaredName = (decl as ts.NamedDeclaration).name;
      const name = declaredName && ts.isIdentifier(declaredName) ? declaredName.text : symbol.getName();
      const candidates = RECEIVER_SPECIFIERS.filter((spec) => spec.name === name);
      if (candidates.length === 0) continue;
      const file = decl.getSourceFile();
      const isLib = ctx.program.isSourceFileDefaultLibrary(file);
      const pkg = packageNameOf(file.fileName);
      for (const spec of candidates) {
        const matches = spec.from === 'lib' ? isLib : pkg !== undefined && pkg === spec.package;
        if (matches && !runtimes.includes(spec.runtime)) runtimes.push(spec.runtime);
      }
    }
  }
  return runtimes;
}

/**
 * The npm package a declaration file belongs to, compared exactly (so `ws` never matches
 * `isomorphic-ws`): the path segment(s) after the last `node_modules/`, `@types/` removed.
 */
export function packageNameOf(fileName: string): string | undefined {
  const marker = '/node_modules/';
  const index = fileName.replace(/\\/g, '/').lastIndexOf(marker);
  if (index < 0) return GENERATED_PLATFORM_TYPES[fileName.replace(/\\/g, '/').split('/').pop() ?? ''];
  return packageOfSpecifier(fileName.replace(/\\/g, '/').slice(index + marker.length));
}

/** The npm package a module specifier or a path inside node_modules names, `@types/` removed: 'hono/ws' → 'hono', '@types/ws' → 'ws'. */
export function packageOfSpecifier(specifier: string): string {
  const segments = specifier.split('/');
  const first = segments[0] ?? '';
  let name = first.startsWith('@') ? `${first}/${segments[1] ?? ''}` : first;
  if (name.startsWith('@types/')) {
    name = name.slice('@types/'.length);
    if (name.includes('__')) name = `@${name.replace('__', '/')}`;
  }
  return name;
}

/** A file of the project itself: not a declaration file, not under node_modules. */
export function isProjectFile(file: ts.SourceFile, program: ts.Program): boolean {
  return !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && !file.fileName.includes('/node_modules/');
}

/**
 * What a declared type says about a value whose type is not a WebSocket: a WebSocket server of a
 * known package, the project's own class, a structural type the project declared itself
 * (`interface WebSocketLike { close(code?: number): void }`: the value may still be a socket), or
 * a library type that is something else (a stream, a pool): not a socket.
 */
export type DeclaredKind =
  | { readonly kind: 'server'; readonly runtime: RuntimeId }
  | { readonly kind: 'class'; readonly declaration: ts.ClassLikeDeclaration }
  | { readonly kind: 'structural' }
  | { readonly kind: 'other' };

export function declaredKind(declaredType: ts.Type, ctx: TypeContext): DeclaredKind {
  // `SocketLike | null` is declared where `SocketLike` is: the null says nothing about the kind.
  const type = ctx.checker.getNonNullableType(declaredType);
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  if (declarations.length === 0) return type.flags & ts.TypeFlags.Object ? { kind: 'structural' } : { kind: 'other' };
  for (const decl of declarations) {
    const file = decl.getSourceFile();
    const pkg = packageNameOf(file.fileName);
    const name = (decl as ts.NamedDeclaration).name;
    if (pkg === WS_MODULE && name && ts.isIdentifier(name) && WS_SERVER_CLASSES.has(name.text)) return { kind: 'server', runtime: WS_SERVER.runtime };
  }
  if (declarations.every((d) => isProjectFile(d.getSourceFile(), ctx.program))) {
    const cls = declarations.find((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
    if (cls) return { kind: 'class', declaration: cls };
    return { kind: 'structural' };
  }
  // Object literal types inferred in JavaScript (`{ socket: any }`) carry no named declaration.
  if (symbol && symbol.flags & (ts.SymbolFlags.ObjectLiteral | ts.SymbolFlags.TypeLiteral)) return { kind: 'structural' };
  return { kind: 'other' };
}
