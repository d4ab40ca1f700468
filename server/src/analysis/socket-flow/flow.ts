// The socket-flow analysis: where types are missing (plain JavaScript, `any`, a project's own
// structural socket type), follow a `.close()` receiver backwards through the whole program —
// variables, fields, parameters at every call site, `bind`, collections, returns, listeners —
// to the places sockets come from (sources.ts). Demand-driven and memoised per program: only
// receivers without a WebSocket type start a query, and a query reads only the files the index
// (file-index.ts) points it to. Bounded in depth and in work, so a query always ends quickly.
import * as ts from 'typescript';
import type { Platform, RuntimeId } from '../../registry/types';
import { SOCKET_CONSTRUCTORS, WS_SERVER } from '../../registry/socket-sources';
import { declaredKind, isProjectFile, runtimesOfType } from '../declared-runtimes';
import { skipOuterExpressions } from '../syntax';
import { valuesByPropertyName } from './by-name';
import { elementsOf, elementsOfValues } from './collections';
import { fileIndex, lastName, type FileIndex } from './file-index';
import { memberValues, parameterValues, returnValues } from './parameters';
import { thisOwner } from './prototype';
import { bindingOfDeclaration, constructorRuntime, isDenoUpgrade, isGlobalObjectAccess, isHibernatedSocketsCall, isSocketModule, requiredModule, serverEmitter, type ModuleBinding } from './sources';
import { withStep, type FlowValue } from './values';

const MAX_DEPTH = 14;
/** Nodes a single query may visit: beyond it, the answer is "unknown" (silence), never a guess. */
const WORK_BUDGET = 4000;

export class SocketFlow {
  readonly checker: ts.TypeChecker;
  private readonly memo = new Map<ts.Node, readonly FlowValue[]>();
  private readonly active = new Set<ts.Node>();
  private files: readonly ts.SourceFile[] | undefined;
  private work = 0;

  constructor(
    readonly program: ts.Program,
    readonly platform: Platform,
  ) {
    this.checker = program.getTypeChecker();
  }

  /** Every value the expression can hold, as far as the flow can tell. */
  valuesOf(expression: ts.Expression, depth: number): readonly FlowValue[] {
    const asserted = this.assertedSocket(expression);
    if (asserted) return [asserted];
    const node = skipFlowWrappers(expression);
    const known = this.memo.get(node);
    if (known) return known;
    if (this.active.has(node) || depth > MAX_DEPTH || this.work > WORK_BUDGET) return [];
    this.work++;
    this.active.add(node);
    let values: readonly FlowValue[];
    try {
      values = this.compute(node, depth);
    } finally {
      this.active.delete(node);
    }
    this.memo.set(node, values);
    return values;
  }

  /** Starts a new query: each receiver gets the full work budget. */
  beginQuery(): void {
    this.work = 0;
  }

  /** The project's own source files (the index is only built for files a query reaches). */
  projectFiles(): readonly ts.SourceFile[] {
    this.files ??= this.program.getSourceFiles().filter((file) => isProjectFile(file, this.program));
    return this.files;
  }

  indexes(): FileIndex[] {
    return this.projectFiles().map(fileIndex);
  }

  symbolOf(node: ts.Node): ts.Symbol | undefined {
    const symbol = this.checker.getSymbolAtLocation(node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? safeAliased(this.checker, symbol) : symbol;
  }

  private compute(node: ts.Expression, depth: number): readonly FlowValue[] {
    const typed = this.fromDeclaredType(node);
    if (typed) return typed;
    const next = depth + 1;
    if (ts.isConditionalExpression(node)) return [...this.valuesOf(node.whenTrue, next), ...this.valuesOf(node.whenFalse, next)];
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return [...this.valuesOf(node.left, next), ...this.valuesOf(node.right, next)];
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.CommaToken || op === ts.SyntaxKind.EqualsToken) return this.valuesOf(node.right, next);
      return [];
    }
    if (ts.isNewExpression(node)) return this.newValues(node, next);
    if (ts.isCallExpression(node)) return this.callValues(node, next);
    if (ts.isIdentifier(node)) return this.identifierValues(node, next);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.accessValues(node, next);
    if (node.kind === ts.SyntaxKind.ThisKeyword) return thisValues(node);
    if (ts.isArrayLiteralExpression(node)) {
      return [{ kind: 'collection', elements: node.elements.flatMap((e) => (ts.isSpreadElement(e) ? elementsOf(this, e.expression, next) : this.valuesOf(e, next))) }];
    }
    if (ts.isClassExpression(node) || ts.isFunctionExpression(node)) return [{ kind: 'class', declaration: node }];
    if (ts.isObjectLiteralExpression(node)) return [{ kind: 'object', literal: node }];
    if (ts.isLiteralExpression(node) || ts.isArrowFunction(node) || ts.isTemplateExpression(node)) return [{ kind: 'not-socket' }];
    return [];
  }

  /**
   * The checker's view first: a WebSocket type is a socket; a ws server type is a server; the
   * project's own class is an instance of it; a library type that is anything else is not a
   * socket. `any`, `unknown` and the project's structural types say nothing: follow the code.
   */
  private fromDeclaredType(node: ts.Expression): readonly FlowValue[] | undefined {
    if (ts.isIdentifier(node) && node.text === 'undefined') return [];
    const type = this.checker.getTypeAtLocation(node);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Null | ts.TypeFlags.Undefined)) return undefined;
    const runtimes = runtimesOfType(type, this);
    if (runtimes === 'untyped') return undefined;
    if (runtimes.length > 0) return runtimes.map((runtime) => ({ kind: 'socket', source: { kind: 'declared-type', runtime, node }, steps: [] }));
    if (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike)) return [{ kind: 'not-socket' }];
    if (type.getConstructSignatures().length > 0 || type.getCallSignatures().length > 0) return undefined; // classes and functions: by syntax
    // `any[]`, `Set<any>`, `Map<string, any>`: a container of untyped values, followed by syntax.
    if (this.checker.getTypeArguments(type as ts.TypeReference)?.some((t) => (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0)) return undefined;
    const declared = declaredKind(type, this);
    if (declared.kind === 'server') return [{ kind: 'server', emitter: WS_SERVER, node }];
    if (declared.kind === 'class') return [{ kind: 'instance', declaration: declared.declaration }];
    if (declared.kind === 'other') return [{ kind: 'not-socket' }];
    return undefined;
  }

  private identifierValues(node: ts.Identifier, depth: number): readonly FlowValue[] {
    const raw = this.checker.getSymbolAtLocation(node);
    if (!raw || isGlobalOnly(raw, this.program)) return this.globalValues(node.text, node);
    if (raw.flags & ts.SymbolFlags.Alias) {
      const binding = raw.declarations?.map(bindingOfDeclaration).find((b) => b !== undefined);
      if (binding && isSocketModule(binding.module)) return this.moduleValues(binding, node);
    }
    const symbol = this.symbolOf(node) ?? raw;
    return this.symbolValues(symbol, node.text, depth);
  }

  /** Values of a variable, parameter, class or function symbol: its declarations and every assignment to it. */
  symbolValues(symbol: ts.Symbol, name: string, depth: number): readonly FlowValue[] {
    const values: FlowValue[] = [];
    for (const decl of symbol.declarations ?? []) {
      const annotated = this.annotatedSocket(decl);
      if (annotated) {
        values.push(annotated);
        continue;
      }
      const binding = bindingOfDeclaration(decl);
      if (binding && isSocketModule(binding.module)) {
        values.push(...this.moduleValues(binding, decl));
        continue;
      }
      if (ts.isVariableDeclaration(decl)) {
        const loop = decl.parent?.parent;
        if (loop && (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && ts.isForOfStatement(loop)) values.push(...elementsOf(this, loop.expression, depth));
        else if (decl.initializer) values.push(...this.valuesOf(decl.initializer, depth));
        else if (decl.parent && ts.isCatchClause(decl.parent.parent ?? decl.parent)) values.push({ kind: 'not-socket' });
      } else if (ts.isParameter(decl)) {
        values.push(...parameterValues(this, decl, depth));
      } else if (ts.isBindingElement(decl)) {
        values.push(...this.bindingElementValues(decl, depth));
      } else if (ts.isClassLike(decl) || ts.isFunctionDeclaration(decl)) {
        values.push({ kind: 'class', declaration: decl });
      } else if (decl.parent && ts.isCatchClause(decl.parent)) {
        values.push({ kind: 'not-socket' });
      }
    }
    for (const index of this.indexes()) {
      for (const assignment of index.assignments.get(name) ?? []) {
        const left = skipOuterExpressions(assignment.left);
        if (!ts.isIdentifier(left) || this.symbolOf(left) !== symbol) continue;
        values.push(...this.valuesOf(assignment.right, depth));
      }
    }
    return values;
  }

  /** A parameter, variable or field annotated with a socket type that does not resolve (see socketTypeNode). */
  private annotatedSocket(decl: ts.Declaration): FlowValue | undefined {
    const type = (ts.isParameter(decl) || ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl)) ? decl.type : undefined;
    return type ? this.unresolvedSocketType(type, decl) : undefined;
  }

  /** `(x as WebSocket)` / `<WebSocket>x` (outermost first) with a socket type that does not resolve. */
  private assertedSocket(expression: ts.Expression): FlowValue | undefined {
    let node: ts.Expression = expression;
    for (;;) {
      if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) {
        const socket = this.unresolvedSocketType(node.type, node);
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
  private unresolvedSocketType(type: ts.TypeNode, at: ts.Node): FlowValue | undefined {
    if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
    const symbol = this.checker.getSymbolAtLocation(type.typeName);
    let runtime: RuntimeId | undefined;
    if (!symbol) {
      runtime = type.typeName.text === 'WebSocket' ? constructorRuntime('global', 'WebSocket', this.platform) : undefined;
    } else if (symbol.flags & ts.SymbolFlags.Alias && this.symbolOf(type.typeName) === symbol) {
      // An import whose module does not resolve (the alias has no target).
      const binding = symbol.declarations?.map(bindingOfDeclaration).find((b) => b !== undefined);
      runtime = binding && isSocketModule(binding.module) ? constructorRuntime(binding, binding.exportName, this.platform) : undefined;
    }
    return runtime ? { kind: 'socket', source: { kind: 'declared-type', runtime, node: at }, steps: [] } : undefined;
  }

  /** `const { socket } = Deno.upgradeWebSocket(req)`, `const [a, b] = Object.values(pair)`, `const { ws } = this`. */
  private bindingElementValues(decl: ts.BindingElement, depth: number): readonly FlowValue[] {
    const pattern = decl.parent;
    const holder = pattern.parent;
    const init = ts.isVariableDeclaration(holder) ? holder.initializer : undefined;
    if (!init) return [];
    const source = this.valuesOf(init, depth);
    if (ts.isArrayBindingPattern(pattern)) return elementsOfValues(this, source, depth);
    const key = decl.propertyName ?? decl.name;
    const name = ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key) ? key.text : undefined;
    return name === undefined ? [] : this.propertyOfValues(source, name, decl, depth);
  }

  private accessValues(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): readonly FlowValue[] {
    if (ts.isPropertyAccessExpression(node) && isGlobalObjectAccess(node)) return this.globalValues(node.name.text, node);
    const name = lastName(node);
    if (name === undefined || (ts.isElementAccessExpression(node) && !/^\D/.test(name) && !/^\d+$/.test(name))) return elementsOf(this, node.expression, depth);
    const nameNode = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
    const symbol = this.symbolOf(nameNode);
    const declared = symbol ? this.propertySymbolValues(symbol, name, depth) : undefined;
    if (declared && declared.length > 0) return declared;
    return this.propertyOfValues(this.valuesOf(node.expression, depth), name, node, depth);
  }

  /** A property declared in the project (class field, `this.x = …` in JavaScript, object literal). */
  private propertySymbolValues(symbol: ts.Symbol, name: string, depth: number): readonly FlowValue[] | undefined {
    const declarations = symbol.declarations ?? [];
    if (declarations.length === 0 || !declarations.every((d) => isProjectFile(d.getSourceFile(), this.program))) return undefined;
    const values: FlowValue[] = [];
    for (const decl of declarations) {
      if ((ts.isPropertyDeclaration(decl) || ts.isPropertyAssignment(decl)) && decl.initializer) values.push(...this.valuesOf(decl.initializer, depth));
      else if (ts.isShorthandPropertyAssignment(decl)) values.push(...this.shorthandValues(decl, depth));
      else if (ts.isParameter(decl)) values.push(...parameterValues(this, decl, depth));
      else if (ts.isMethodDeclaration(decl) || ts.isClassLike(decl) || ts.isFunctionLike(decl)) values.push({ kind: 'class', declaration: decl });
    }
    for (const index of this.indexes()) {
      for (const assignment of index.assignments.get(name) ?? []) {
        const left = skipOuterExpressions(assignment.left);
        if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) continue;
        const leftName = ts.isPropertyAccessExpression(left) ? left.name : left.argumentExpression;
        if (this.symbolOf(leftName) !== symbol) continue;
        values.push(...withStep(this.valuesOf(assignment.right, depth), { node: assignment, label: left.getText() }));
      }
    }
    return values.length > 0 ? values : undefined;
  }

  private shorthandValues(decl: ts.ShorthandPropertyAssignment, depth: number): readonly FlowValue[] {
    const value = this.checker.getShorthandAssignmentValueSymbol(decl);
    return value ? this.symbolValues(value, decl.name.text, depth) : [];
  }

  /** `x.name` where the flow knows what `x` is: a module's export, a server's clients, a project instance's field. */
  propertyOfValues(objects: readonly FlowValue[], name: string, at: ts.Node, depth: number): readonly FlowValue[] {
    const values: FlowValue[] = [];
    let unknownObject = objects.length === 0;
    for (const object of objects) {
      if (object.kind === 'module') values.push(...this.moduleValues({ module: object.module, exportName: name }, at));
      else if (object.kind === 'constructor' && object.runtime === 'ws') values.push(...this.moduleValues({ module: 'ws', exportName: name }, at));
      else if (object.kind === 'server' && object.emitter === WS_SERVER && name === 'clients') {
        values.push({ kind: 'collection', elements: [{ kind: 'socket', source: { kind: 'server-clients', runtime: object.emitter.runtime, node: at }, steps: [] }] });
      } else if (object.kind === 'socket' && object.source.kind === 'route-handler' && name === 'socket') {
        values.push(object); // @fastify/websocket before 8: the handler got a stream whose `.socket` is the socket
      } else if (object.kind === 'upgrade-result' && name === 'socket') {
        values.push({ kind: 'socket', source: { kind: 'upgrade', runtime: 'deno-server', node: object.node }, steps: [] });
      } else if (object.kind === 'pair' && (name === '0' || name === '1')) {
        values.push(...elementsOfValues(this, [object], depth));
      } else if (object.kind === 'collection' && /^\d+$/.test(name)) {
        values.push(...object.elements);
      } else if (object.kind === 'instance') {
        values.push(...memberValues(this, object.declaration, name, depth));
      } else if (object.kind === 'object') {
        // `{ socket: null }` filled in later (`conn.socket = new WebSocket(url)`): its initializer and the writes by name.
        for (const property of object.literal.properties) {
          if (ts.isPropertyAssignment(property) && property.name.getText() === name) values.push(...this.valuesOf(property.initializer, depth));
          if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) values.push(...this.shorthandValues(property, depth));
        }
        unknownObject = true;
      } else if (object.kind !== 'not-socket') {
        unknownObject = true;
      }
    }
    if (unknownObject && !values.some((v) => v.kind === 'socket')) values.push(...valuesByPropertyName(this, name, at, depth));
    return values;
  }

  private newValues(node: ts.NewExpression, depth: number): readonly FlowValue[] {
    const callee = skipOuterExpressions(node.expression);
    if (ts.isIdentifier(callee) && /^(Set|WeakSet|Array)$/.test(callee.text) && node.arguments?.[0]) {
      return [{ kind: 'collection', elements: elementsOf(this, node.arguments[0], depth) }];
    }
    const values: FlowValue[] = [];
    for (const target of this.valuesOf(callee, depth)) {
      if (target.kind === 'constructor') values.push({ kind: 'socket', source: { kind: 'constructor', runtime: target.runtime, node, name: target.name }, steps: [] });
      else if (target.kind === 'server-class') values.push({ kind: 'server', emitter: target.emitter, node });
      else if (target.kind === 'pair-class') values.push({ kind: 'pair', node });
      else if (target.kind === 'class') values.push(...this.instanceOf(target.declaration, node, depth));
      else if (target.kind === 'not-socket') values.push(target);
    }
    return values;
  }

  /** An instance of a project class is a socket when the class extends a socket constructor. */
  private instanceOf(declaration: ts.Node, at: ts.NewExpression, depth: number): readonly FlowValue[] {
    if (ts.isClassLike(declaration)) {
      const base = declaration.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (base) {
        const made = this.valuesOf(base.expression, depth).filter((v): v is Extract<FlowValue, { kind: 'constructor' }> => v.kind === 'constructor');
        if (made.length > 0) return made.map((m) => ({ kind: 'socket', source: { kind: 'constructor', runtime: m.runtime, node: at, name: m.name }, steps: [] }));
      }
    }
    return [{ kind: 'instance', declaration }];
  }

  private callValues(node: ts.CallExpression, depth: number): readonly FlowValue[] {
    const module = requiredModule(node);
    if (module !== undefined) return isSocketModule(module) ? this.moduleValues({ module, exportName: '=' }, node) : [];
    if (isDenoUpgrade(node)) return [{ kind: 'upgrade-result', node }];
    if (isHibernatedSocketsCall(node, this.platform)) return [{ kind: 'collection', elements: [{ kind: 'socket', source: { kind: 'hibernation', runtime: 'cloudflare', node }, steps: [] }] }];
    const callee = skipOuterExpressions(node.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const object = callee.expression;
      if (ts.isIdentifier(object) && (object.text === 'Object' || object.text === 'Array') && /^(values|from)$/.test(method) && node.arguments[0]) {
        return [{ kind: 'collection', elements: elementsOfValues(this, this.valuesOf(node.arguments[0], depth), depth) }];
      }
      const accepted = this.acceptedSocket(node, callee, depth);
      if (accepted) return [accepted];
      if (/^(get|find|findLast|at|pop|shift)$/.test(method)) {
        const elements = elementsOf(this, object, depth);
        if (elements.length > 0) return elements;
      }
      if (/^(values|filter|slice|concat|reverse|sort|toArray)$/.test(method)) {
        const elements = elementsOf(this, object, depth);
        if (elements.length > 0) return [{ kind: 'collection', elements }];
      }
    }
    return returnValues(this, node, depth);
  }

  /** `request.accept(…)` on a WebSocket-Node server's request: the accepted connection. */
  private acceptedSocket(call: ts.CallExpression, callee: ts.PropertyAccessExpression, depth: number): FlowValue | undefined {
    for (const request of this.valuesOf(callee.expression, depth)) {
      if (request.kind === 'socket-request' && request.event.accept === callee.name.text) {
        return { kind: 'socket', source: { kind: request.event.evidence, runtime: request.runtime, node: call }, steps: [] };
      }
    }
    return undefined;
  }

  /** A global name: the platform's WebSocket constructor, Workers' WebSocketPair. */
  private globalValues(name: string, node: ts.Node): readonly FlowValue[] {
    const runtime = constructorRuntime('global', name, this.platform);
    if (runtime) return [{ kind: 'constructor', runtime, name, node }];
    if (name === 'WebSocketPair') return [{ kind: 'pair-class' }];
    return [];
  }

  moduleValues(binding: ModuleBinding, node: ts.Node): readonly FlowValue[] {
    const values: FlowValue[] = [];
    const runtime = constructorRuntime(binding, binding.exportName, this.platform);
    if (runtime) values.push({ kind: 'constructor', runtime, name: binding.exportName === '=' || binding.exportName === 'default' ? 'WebSocket' : binding.exportName, node });
    const emitter = serverEmitter(binding);
    if (emitter) values.push({ kind: 'server-class', emitter });
    if ((binding.exportName === '*' || binding.exportName === '=' || binding.exportName === 'default') && SOCKET_CONSTRUCTORS[binding.module]) values.push({ kind: 'module', module: binding.module });
    return values;
  }
}

/** Parentheses, assertions, `await` and `!`: the value passes through unchanged. */
function skipFlowWrappers(expression: ts.Expression): ts.Expression {
  let node = skipOuterExpressions(expression);
  while (ts.isAwaitExpression(node)) node = skipOuterExpressions(node.expression);
  return node;
}

/** `this` in a class member, or in a constructor function and its prototype methods: an instance of that class. */
function thisValues(node: ts.Node): readonly FlowValue[] {
  const owner = thisOwner(node);
  return owner && !ts.isFunctionExpression(owner) ? [{ kind: 'instance', declaration: owner }] : [];
}

function isGlobalOnly(symbol: ts.Symbol, program: ts.Program): boolean {
  const declarations = symbol.declarations ?? [];
  return declarations.length > 0 && declarations.every((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()) || d.getSourceFile().fileName.includes('/node_modules/'));
}

function safeAliased(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol | undefined {
  try {
    const aliased = checker.getAliasedSymbol(symbol);
    return aliased.flags & ts.SymbolFlags.Alias || (aliased.declarations?.length ?? 0) === 0 ? symbol : aliased;
  } catch {
    return symbol;
  }
}

const flows = new WeakMap<ts.Program, Map<Platform, SocketFlow>>();

/**
 * Told each time an analysis asks for the flow: the flow reads the whole program, so a file whose
 * findings asked for it depends on every file of its program (the CLI's --cache records that set).
 * Set only for the duration of one file's lint (withFlowObserver); the analysis stays synchronous.
 */
let flowObserver: (() => void) | undefined;

/** Runs `lint` telling `onFlowUse` whenever it consults the socket flow. */
export function withFlowObserver<T>(onFlowUse: (() => void) | undefined, lint: () => T): T {
  const previous = flowObserver;
  flowObserver = onFlowUse;
  try {
    return lint();
  } finally {
    flowObserver = previous;
  }
}

/** The flow analysis of a program (one per platform: the global WebSocket depends on it). */
export function socketFlow(program: ts.Program, platform: Platform, observed = true): SocketFlow {
  if (observed) flowObserver?.();
  let perPlatform = flows.get(program);
  if (!perPlatform) flows.set(program, (perPlatform = new Map()));
  let flow = perPlatform.get(platform);
  if (!flow) perPlatform.set(platform, (flow = new SocketFlow(program, platform)));
  return flow;
}
