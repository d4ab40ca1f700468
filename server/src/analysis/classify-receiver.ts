// Decides which WebSocket implementation a `.close()` receiver is, from the declarations of its
// type (exact library file or exact package name), or — when types are missing — from evidence
// in the code, with lower confidence. Anything else is "not a WebSocket" and is never reported.
import * as ts from 'typescript';
import type { Confidence } from '../core/finding';
import { RECEIVER_SPECIFIERS } from '../registry/specifiers';
import type { Evidence, RuntimeId } from '../registry/types';
import type { AnalysisContext } from './context';
import { inferReceiverFromEvidence } from './receiver-evidence';
import { skipOuterExpressions } from './syntax';

export type ReceiverClass =
  | { readonly kind: 'websocket'; readonly runtimes: readonly RuntimeId[]; readonly confidence: Confidence; readonly evidence?: Evidence }
  | { readonly kind: 'not-websocket' }
  | { readonly kind: 'unknown' };

const NOT_WEBSOCKET: ReceiverClass = { kind: 'not-websocket' };

export function classifyReceiver(receiver: ts.Expression, ctx: AnalysisContext): ReceiverClass {
  const node = skipOuterExpressions(receiver);
  const type = ctx.checker.getTypeAtLocation(node);
  const typed = runtimesOfType(type, ctx, 0);
  if (typed === 'untyped') return inferReceiverFromEvidence(node, ctx) ?? { kind: 'unknown' };
  if (typed.length === 0) return NOT_WEBSOCKET;
  return { kind: 'websocket', runtimes: adjustForFile(typed, ctx), confidence: 'typed' };
}

/** The runtime a constructor (`new WebSocketError(...)`) builds, from its declaration. */
export function classifyConstructor(expression: ts.Expression, ctx: AnalysisContext): readonly RuntimeId[] | 'untyped' {
  const type = ctx.checker.getTypeAtLocation(expression);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'untyped';
  const constructed = type.getConstructSignatures().map((s) => s.getReturnType());
  const runtimes = constructed.flatMap((t) => {
    const r = runtimesOfType(t, ctx, 0);
    return r === 'untyped' ? [] : r;
  });
  return [...new Set(runtimes)];
}

/** `isomorphic-ws` re-exports ws's declarations: code importing it must also satisfy browsers. */
function adjustForFile(runtimes: readonly RuntimeId[], ctx: AnalysisContext): RuntimeId[] {
  const isomorphic = ctx.importedModules.has('isomorphic-ws') && !ctx.importedModules.has('ws');
  return [...new Set(runtimes.map((r) => (isomorphic && r === 'ws' ? 'isomorphic-ws' : r)))];
}

type TypeVerdict = RuntimeId[] | 'untyped';

const cache = new WeakMap<ts.TypeChecker, Map<ts.Type, TypeVerdict>>();

function runtimesOfType(type: ts.Type, ctx: AnalysisContext, depth: number): TypeVerdict {
  let perChecker = cache.get(ctx.checker);
  if (!perChecker) cache.set(ctx.checker, (perChecker = new Map()));
  const cached = perChecker.get(type);
  if (cached) return cached;
  const verdict = computeRuntimes(type, ctx, depth);
  perChecker.set(type, verdict);
  return verdict;
}

function computeRuntimes(type: ts.Type, ctx: AnalysisContext, depth: number): TypeVerdict {
  if (depth > 6) return [];
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'untyped';
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    if (parts.length === 0) return [];
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

/**
 * Runtimes whose own type package redeclares the global `WebSocket`: when @types/node or the DOM lib
 * merges into the same global symbol, the platform package says which runtime the code runs on.
 */
const PLATFORM_RUNTIMES: ReadonlySet<RuntimeId> = new Set(['cloudflare']);

function matchSpecifiers(type: ts.Type, ctx: AnalysisContext): RuntimeId[] {
  const matched = matchDeclarations(type, ctx);
  const platform = matched.filter((r) => PLATFORM_RUNTIMES.has(r));
  return platform.length > 0 ? platform : matched;
}

function matchDeclarations(type: ts.Type, ctx: AnalysisContext): RuntimeId[] {
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
  if (index < 0) return undefined;
  const segments = fileName.replace(/\\/g, '/').slice(index + marker.length).split('/');
  const first = segments[0] ?? '';
  let name = first.startsWith('@') ? `${first}/${segments[1] ?? ''}` : first;
  if (name.startsWith('@types/')) {
    name = name.slice('@types/'.length);
    if (name.includes('__')) name = `@${name.replace('__', '/')}`;
  }
  return name;
}
