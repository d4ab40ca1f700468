// The checker's answers for the socket flow: a value whose declared type says what it is (a
// WebSocket, a ws server, an instance of a project class, certainly something else), and socket
// types the author wrote that do not resolve because the project's type packages are missing.
import * as ts from 'typescript';
import { isAmbientDeclaration } from '../syntax';
import type { RuntimeId } from '../../registry/types';
import { TYPE_PACKAGE_NAMESPACES, WORKERS_SOCKETS, WS_SERVER } from '../../registry/socket-sources';
import { RECEIVER_SPECIFIERS } from '../../registry/specifiers';
import { declaredKind, isProjectFile, packageOfSpecifier, runtimesOfType } from '../declared-runtimes';
import { bindingOfDeclaration, constructorRuntime, isSocketModule } from './sources';
import type { SocketFlow } from './flow';
import type { FlowValue } from './values';

/** Element types that say nothing about what a container holds (`[]` in JavaScript is `undefined[]`). */
const UNTYPED_ELEMENT = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never;

/**
 * The checker's view first: a WebSocket type is a socket; a ws server type is a server; the
 * project's own class is an instance of it; a library type that is anything else is not a
 * socket. `any`, `unknown` and the project's structural types say nothing: follow the code.
 */
export function fromDeclaredType(flow: SocketFlow, node: ts.Expression): readonly FlowValue[] | undefined {
  if (ts.isIdentifier(node) && node.text === 'undefined') return [];
  const type = flow.checker.getTypeAtLocation(node);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Null | ts.TypeFlags.Undefined)) return undefined;
  const runtimes = runtimesOfType(type, flow);
  if (runtimes === 'untyped') return undefined;
  // In Workers code the browser's WebSocket type may stand for Workers' sockets (WORKERS_SOCKETS), and
  // a flow that follows browser types looks for the server sockets behind them: follow the code.
  if (runtimes.length === 1 && runtimes[0] === WORKERS_SOCKETS.typedAs && (flow.browserTypes === 'followed' || mayBeWorkersCode(node))) return undefined;
  if (runtimes.length > 0) return runtimes.map((runtime) => ({ kind: 'socket', source: { kind: 'declared-type', runtime, node }, steps: [] }));
  if (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike)) return [{ kind: 'not-socket' }];
  if (type.getConstructSignatures().length > 0 || type.getCallSignatures().length > 0) return undefined; // classes and functions: by syntax
  // `any[]`, `Set<any>`, `Map<string, any>`: a container of untyped values, followed by syntax.
  // So is `[]` in JavaScript, an `undefined[]` (or `never[]`) that is filled in later, and a field
  // that may not hold one yet (`any[] | undefined`).
  if (holdsUntyped(flow, flow.checker.getNonNullableType(type), 2)) return undefined;
  // `window` typed by the DOM lib (`Window & typeof globalThis`), held in a variable: its properties are globals.
  if (flow.checker.getNonNullableType(type).getProperty('globalThis')) return [{ kind: 'global-object' }];
  const declared = declaredKind(type, flow);
  if (declared.kind === 'server') return [{ kind: 'server', emitter: WS_SERVER, node }];
  // A class the project only declares (`declare global { class WebSocketPair … }`) types a global: follow the code.
  if (declared.kind === 'class') return isAmbientDeclaration(declared.declaration) ? undefined : [{ kind: 'instance', declaration: declared.declaration }];
  if (declared.kind === 'other') return [{ kind: 'not-socket' }];
  return undefined;
}

/**
 * A file that makes WebSocketPairs. Not every file of a Workers project: its browser front end
 * (a full-stack app) holds real browser sockets typed the same way.
 */
export function mayBeWorkersCode(node: ts.Node): boolean {
  return node.getSourceFile().text.includes(WORKERS_SOCKETS.pairClass);
}

/**
 * A generic type with an untyped argument, itself or nested (`MapIterator<[any, any]>`), or with
 * the project's own objects (JavaScript's `players.push({ ws })` makes `{ ws: any }[]`, `push(new
 * Player())` a `Player[]`): what they hold is found by following the code.
 */
function holdsUntyped(flow: SocketFlow, type: ts.Type, levels: number): boolean {
  if (levels === 0 || !(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference)) return false;
  return flow.checker.getTypeArguments(type as ts.TypeReference).some((t) => (t.flags & UNTYPED_ELEMENT) !== 0 || isProjectObject(t, flow.program) || holdsUntyped(flow, t, levels - 1));
}

/** An object type the project declares (its class, its interface) or the checker inferred from its literals (`{ ws }`). */
function isProjectObject(type: ts.Type, program: ts.Program): boolean {
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  const declaration = type.getSymbol()?.declarations?.[0];
  return !!declaration && isProjectFile(declaration.getSourceFile(), program);
}

/** A parameter, variable or field annotated with a socket type that does not resolve (see socketTypeNode). */
export function annotatedSocket(flow: SocketFlow, decl: ts.Declaration): FlowValue | undefined {
  const type = (ts.isParameter(decl) || ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl) || ts.isPropertySignature(decl)) ? decl.type : undefined;
  return type ? unresolvedSocketType(flow, type, decl) : undefined;
}

/** `(x as WebSocket)` / `<WebSocket>x` (outermost first) with a socket type that does not resolve. */
export function assertedSocket(flow: SocketFlow, expression: ts.Expression): FlowValue | undefined {
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) {
      const socket = unresolvedSocketType(flow, node.type, node);
      if (socket) return socket;
      node = node.expression;
    } else if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) {
      node = node.expression;
    } else {
      return undefined;
    }
  }
}

/**
 * A type reference that names a WebSocket but does not resolve because the project's type
 * packages are not installed: the global `WebSocket` (the platform's), or a socket module's
 * export (`import type { WebSocket } from 'ws'` → a `ws` socket). The name says what the author
 * meant; a resolved type never gets here (the checker's type answers first).
 */
function unresolvedSocketType(flow: SocketFlow, type: ts.TypeNode, at: ts.Node): FlowValue | undefined {
  // `WebSocket | null`: the socket type the author wrote, once null and undefined are set aside.
  if (ts.isUnionTypeNode(type)) {
    const members = type.types.filter((t) => !isNullish(t));
    return members.length === 1 ? unresolvedSocketType(flow, members[0]!, at) : undefined;
  }
  // `WebSocket & { request: IncomingMessage }`: the socket type with fields the project adds to it.
  if (ts.isIntersectionTypeNode(type)) {
    const sockets = type.types.filter((t) => !ts.isTypeLiteralNode(t));
    return sockets.length === 1 ? unresolvedSocketType(flow, sockets[0]!, at) : undefined;
  }
  if (ts.isTypeReferenceNode(type) && ts.isQualifiedName(type.typeName)) return unresolvedNamespacedType(flow, type.typeName, at);
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const symbol = flow.checker.getSymbolAtLocation(type.typeName);
  let runtime: RuntimeId | undefined;
  if (!symbol) {
    runtime = type.typeName.text === 'WebSocket' ? constructorRuntime('global', 'WebSocket', flow.platform) : undefined;
  } else if (symbol.flags & ts.SymbolFlags.Alias && flow.symbolOf(type.typeName) === symbol) {
    // An import whose module does not resolve (the alias has no target).
    const binding = symbol.declarations?.map(bindingOfDeclaration).find((b) => b !== undefined);
    runtime = binding && (isSocketModule(binding.module) ? constructorRuntime(binding, binding.exportName, flow.platform) : declaredTypeRuntime(packageOfSpecifier(binding.module), binding.exportName));
  }
  return runtime ? { kind: 'socket', source: { kind: 'declared-type', runtime, node: at }, steps: [] } : undefined;
}

/** `Bun.ServerWebSocket<T>` where the global namespace `Bun` does not resolve (bun-types not installed). */
function unresolvedNamespacedType(flow: SocketFlow, name: ts.QualifiedName, at: ts.Node): FlowValue | undefined {
  // The checker gives an unresolved namespace a transient symbol with no declarations.
  if (!ts.isIdentifier(name.left) || flow.checker.getSymbolAtLocation(name.left)?.declarations?.length) return undefined;
  const runtime = declaredTypeRuntime(TYPE_PACKAGE_NAMESPACES[name.left.text], name.right.text);
  return runtime ? { kind: 'socket', source: { kind: 'declared-type', runtime, node: at }, steps: [] } : undefined;
}

/** The runtime RECEIVER_SPECIFIERS gives a type of that name declared by that package. */
function declaredTypeRuntime(pkg: string | undefined, name: string): RuntimeId | undefined {
  return pkg ? RECEIVER_SPECIFIERS.find((s) => s.from === 'package' && s.package === pkg && s.name === name)?.runtime : undefined;
}

function isNullish(type: ts.TypeNode): boolean {
  if (type.kind === ts.SyntaxKind.UndefinedKeyword) return true;
  return ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword;
}
