// The socket-flow analysis: where types are missing (plain JavaScript, `any`, a project's own
// structural socket type), follow a `.close()` receiver backwards through the whole program —
// variables, fields, parameters at every call site, `bind`, collections, returns, listeners —
// to the places sockets come from (sources.ts). Demand-driven and memoised per program: only
// receivers without a WebSocket type start a query, and a query reads only the files the index
// (file-index.ts) points it to. Bounded in depth and in work, so a query always ends quickly.
import * as ts from 'typescript';
import type { Platform } from '../../registry/types';
import { GLOBAL_OBJECTS, SOCKET_CONSTRUCTORS, WORKERS_SOCKETS, WS_MODULE, WS_SERVER } from '../../registry/socket-sources';
import { isProjectFile } from '../declared-runtimes';
import { baseClassExpression, isAmbientDeclaration, skipOuterExpressions } from '../syntax';
import { valuesByPropertyName } from './by-name';
import { elementsOf, elementsOfValues, keysOf, mapOfEntries, storedElements } from './collections';
import { annotatedSocket, assertedSocket, fromDeclaredType } from './declared';
import { lastName } from './file-index';
import { calledWithThis, constructedByFunction, memberValues, returnValues } from './members';
import { thisValues } from './this-values';
import { parameterValues } from './parameters';
import { indexView, inherit, noteFile, recording, type IndexView, type Reads } from './reads';
import { isTestFile, type FlowScope } from './test-files';
import { bindingOfDeclaration, constructorRuntime, isDenoUpgrade, isGlobalObjectAccess, isHibernatedSocketsCall, isSocketModule, requiredModule, serverEmitter, type ModuleBinding } from './sources';
import { reusableAt, worse, type Cut, type Memo } from './memo';
import { distinctValues, withStep, type FlowValue } from './values';

/** Whether a value typed as the browser's WebSocket is one (`trusted`) or followed to its source (`followed`). */
export type BrowserTypes = 'trusted' | 'followed';

const MAX_DEPTH = 14;
/** Nodes a single query may visit: beyond it, the answer is "unknown" (silence), never a guess. */
const WORK_BUDGET = 4000;
/**
 * Distinct values one expression may hold. Beyond it the answer says nothing a user could check
 * (and in a large bundle matched by name it grew until spreading it overflowed the stack): it is
 * "unknown", like a query over budget.
 */
const MAX_VALUES = 100;

export class SocketFlow {
  readonly checker: ts.TypeChecker;
  private readonly memo = new Map<ts.Node, Memo>();
  /** Whether the answer being computed was cut short (see Memo). */
  private cut: Cut = 'none';
  private readonly active = new Set<ts.Node>();
  private files: readonly ts.SourceFile[] | undefined;
  private views: readonly IndexView[] | undefined;
  private work = 0;

  constructor(
    readonly program: ts.Program,
    readonly platform: Platform,
    readonly scope: FlowScope = 'all',
    /**
     * `followed`: a value typed as the browser's WebSocket is followed through the code like an
     * untyped one, to find server sockets their authors typed as the global WebSocket (classify-receiver).
     */
    readonly browserTypes: BrowserTypes = 'trusted',
  ) {
    this.checker = program.getTypeChecker();
  }

  /** Every value the expression can hold, as far as the flow can tell. */
  valuesOf(expression: ts.Expression, depth: number): readonly FlowValue[] {
    // The expression's file is read whatever the answer (an assertion in it, a cycle through it: for --cache).
    noteFile(expression.getSourceFile().fileName);
    const asserted = assertedSocket(this, expression);
    if (asserted) return [asserted];
    const node = skipFlowWrappers(expression);
    const known = this.memo.get(node);
    if (known && reusableAt(known, depth)) {
      inherit(known.reads);
      return known.values;
    }
    if (this.active.has(node)) return [];
    if (depth > MAX_DEPTH || this.work > WORK_BUDGET) {
      this.cut = worse(this.cut, depth > MAX_DEPTH ? 'depth' : 'budget');
      return [];
    }
    this.work++;
    this.active.add(node);
    const outer = this.cut;
    this.cut = 'none';
    let computed: { value: readonly FlowValue[]; reads: Reads };
    try {
      computed = recording(() => {
        noteFile(node.getSourceFile().fileName);
        return distinctValues(this.compute(node, depth));
      });
    } finally {
      this.active.delete(node);
    }
    let values = computed.value;
    if (values.length > MAX_VALUES) {
      values = [];
      this.cut = 'budget';
    }
    this.memo.set(node, { values, cut: this.cut, depth, reads: computed.reads });
    this.cut = worse(outer, this.cut);
    return values;
  }

  /** Starts a new query: each receiver gets the full work budget. */
  beginQuery(): void {
    this.work = 0;
  }

  /** The project's own source files (the index is only built for files a query reaches). */
  projectFiles(): readonly ts.SourceFile[] {
    this.files ??= this.program.getSourceFiles().filter((file) => isProjectFile(file, this.program) && (this.scope === 'all' || !isTestFile(file.fileName, this.program)));
    return this.files;
  }

  /** The by-name indexes of the project files; lookups in them are recorded (reads.ts). */
  indexes(): readonly IndexView[] {
    this.views ??= this.projectFiles().map(indexView);
    return this.views;
  }

  symbolOf(node: ts.Node): ts.Symbol | undefined {
    const symbol = this.checker.getSymbolAtLocation(node);
    if (!symbol) return undefined;
    if (symbol.flags & ts.SymbolFlags.Alias) return safeAliased(this.checker, symbol);
    return symbol.flags & ts.SymbolFlags.Transient ? this.declaredSymbol(symbol) : symbol;
  }

  /**
   * The checker hands out transient copies of a member's symbol when it reads the member through
   * an instance type (JavaScript classes whose fields are declared by `this.x = …`): `room.add`
   * and the method `add` then have different symbols. Comparisons are by declaration, so map a
   * copy back to the symbol of its declaration.
   */
  private declaredSymbol(symbol: ts.Symbol): ts.Symbol {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    const name = declaration && ts.getNameOfDeclaration(declaration);
    const declared = name && this.checker.getSymbolAtLocation(name);
    return declared && !(declared.flags & ts.SymbolFlags.Transient) && declared.declarations?.includes(declaration) ? declared : symbol;
  }

  private compute(node: ts.Expression, depth: number): readonly FlowValue[] {
    const typed = fromDeclaredType(this, node);
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
    if (node.kind === ts.SyntaxKind.ThisKeyword) return thisValues(this, node, next);
    if (ts.isArrayLiteralExpression(node)) {
      return [{ kind: 'collection', elements: node.elements.flatMap((e) => (ts.isSpreadElement(e) ? elementsOf(this, e.expression, next) : this.valuesOf(e, next))) }];
    }
    if (ts.isClassExpression(node) || ts.isFunctionExpression(node)) return [{ kind: 'class', declaration: node }];
    if (ts.isObjectLiteralExpression(node)) return [{ kind: 'object', literal: node }];
    if (ts.isLiteralExpression(node) || ts.isArrowFunction(node) || ts.isTemplateExpression(node)) return [{ kind: 'not-socket' }];
    return [];
  }

  private identifierValues(node: ts.Identifier, depth: number): readonly FlowValue[] {
    const raw = this.checker.getSymbolAtLocation(node);
    if (!raw || isGlobalOnly(raw, this.program)) return this.globalValues(node.text, node);
    // `declare global { class WebSocketPair {…} }` in the project: its own typing of the platform's global.
    if (isAmbientOnly(raw)) {
      const platform = this.globalValues(node.text, node);
      if (platform.length > 0) return platform;
    }
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
      const annotated = annotatedSocket(this, decl);
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
        else if (decl.initializer) values.push(...this.valuesOf(decl.initializer, depth), ...storedElements(this, decl, depth));
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

  /** `const { socket } = Deno.upgradeWebSocket(req)`, `const [a, b] = Object.values(pair)`, `const { ws } = this`. */
  private bindingElementValues(decl: ts.BindingElement, depth: number): readonly FlowValue[] {
    const pattern = decl.parent;
    const holder = pattern.parent;
    const loop = ts.isVariableDeclaration(holder) ? holder.parent?.parent : undefined;
    if (loop && ts.isForOfStatement(loop)) {
      // `for (const [id, socket] of map)`: a map's elements are its values, and an entry's second
      // element is one; `for (const [k, v] of map.entries())`: entries the flow made itself.
      const elements = elementsOf(this, loop.expression, depth);
      if (!ts.isArrayBindingPattern(pattern)) return this.propertyOfBinding(elements, decl, depth);
      const position = pattern.elements.indexOf(decl);
      // `for (const [socket, state] of map)` (or `map.entries()`): the keys the project set.
      const keys = position === 0 ? keysOf(this, mapOfEntries(loop.expression), depth) : [];
      if (keys.length > 0) return keys;
      return [...elementsOfValues(this, elements, depth), ...(position === 1 ? elements.filter((v) => v.kind === 'socket') : [])];
    }
    const init = ts.isVariableDeclaration(holder) ? holder.initializer : undefined;
    if (!init) return [];
    const source = this.valuesOf(init, depth);
    if (ts.isArrayBindingPattern(pattern)) return elementsOfValues(this, source, depth);
    return this.propertyOfBinding(source, decl, depth);
  }

  /** `{ socket }` / `{ ws: socket }` destructured from values the flow knows. */
  private propertyOfBinding(source: readonly FlowValue[], decl: ts.BindingElement, depth: number): readonly FlowValue[] {
    const key = decl.propertyName ?? decl.name;
    const name = ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key) ? key.text : undefined;
    return name === undefined ? [] : this.propertyOfValues(source, name, decl, depth);
  }

  private accessValues(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): readonly FlowValue[] {
    if (ts.isPropertyAccessExpression(node) && isGlobalObjectAccess(node)) {
      const platform = this.globalValues(node.name.text, node);
      return platform.length > 0 ? platform : this.globalPropertyValues(node.name.text, depth);
    }
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
      else if (object.kind === 'constructor' && object.runtime === WS_SERVER.runtime) values.push(...this.moduleValues({ module: WS_MODULE, exportName: name }, at));
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
      } else if (object.kind === 'global-object') {
        // `const env = window; new env.WebSocket(url)`: a global, or what the project stored on the global object.
        const platform = this.globalValues(name, at);
        values.push(...(platform.length > 0 ? platform : this.globalPropertyValues(name, depth)));
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
      const base = baseClassExpression(declaration);
      if (base) {
        const made = this.valuesOf(base, depth).filter((v): v is Extract<FlowValue, { kind: 'constructor' }> => v.kind === 'constructor');
        if (made.length > 0) return made.map((m) => ({ kind: 'socket', source: { kind: 'constructor', runtime: m.runtime, node: at, name: m.name }, steps: [] }));
      }
    }
    return constructedByFunction(this, declaration, depth) ?? [{ kind: 'instance', declaration }];
  }

  private callValues(node: ts.CallExpression, depth: number): readonly FlowValue[] {
    const module = requiredModule(node);
    if (module !== undefined) return isSocketModule(module) ? this.moduleValues({ module, exportName: '=' }, node) : [];
    if (isDenoUpgrade(node)) return [{ kind: 'upgrade-result', node }];
    if (isHibernatedSocketsCall(node, this.platform)) return [{ kind: 'collection', elements: [{ kind: 'socket', source: { kind: 'hibernation', runtime: WORKERS_SOCKETS.runtime, node }, steps: [] }] }];
    const callee = skipOuterExpressions(node.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const object = callee.expression;
      if (ts.isIdentifier(object) && (object.text === 'Object' || object.text === 'Array') && /^(values|from)$/.test(method) && node.arguments[0]) {
        return [{ kind: 'collection', elements: elementsOf(this, node.arguments[0], depth) }];
      }
      // `Object.create(ClientApi)`: an object whose members are its prototype's (the factory-made module objects of older JavaScript).
      if (ts.isIdentifier(object) && object.text === 'Object' && method === 'create' && node.arguments[0]) return this.valuesOf(node.arguments[0], depth);
      const accepted = this.acceptedSocket(node, callee, depth);
      if (accepted) return [accepted];
      if (/^(get|find|findLast|at|pop|shift)$/.test(method)) {
        const elements = elementsOf(this, object, depth);
        if (elements.length > 0) return elements;
      }
      if (method === 'keys' && !(ts.isIdentifier(object) && object.text === 'Object')) {
        const keys = keysOf(this, object, depth);
        if (keys.length > 0) return [{ kind: 'collection', elements: keys }];
      }
      if (method === 'entries') {
        // `map.entries()`, `Object.entries(o)`: [key, value] pairs, whose values are the elements.
        const entries = ts.isIdentifier(object) && object.text === 'Object' ? (node.arguments[0] ? elementsOf(this, node.arguments[0], depth) : []) : elementsOf(this, object, depth);
        if (entries.length > 0) return [{ kind: 'collection', elements: [{ kind: 'collection', elements: entries }] }];
      }
      if (/^(values|filter|slice|concat|reverse|sort|toArray)$/.test(method)) {
        const elements = elementsOf(this, object, depth);
        if (elements.length > 0) return [{ kind: 'collection', elements }];
      }
      const thisArgument = method === 'call' ? node.arguments[0] : undefined;
      if (thisArgument) {
        const called = this.valuesOf(object, depth).flatMap((v) => (v.kind === 'class' ? calledWithThis(this, v.declaration, thisArgument, depth) : []));
        if (called.length > 0) return called;
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

  /**
   * `window.chat` that the project itself fills in (`window.chat = new WebSocket(url)`): every write
   * of that property on a global object (`window`, `globalThis`, `self`, `global`) in the project.
   */
  private globalPropertyValues(name: string, depth: number): readonly FlowValue[] {
    const values: FlowValue[] = [];
    for (const index of this.indexes()) {
      for (const assignment of index.assignments.get(name) ?? []) {
        const left = skipOuterExpressions(assignment.left);
        if (ts.isPropertyAccessExpression(left) && isGlobalObjectAccess(left)) values.push(...withStep(this.valuesOf(assignment.right, depth), { node: assignment, label: left.getText() }));
      }
    }
    return values;
  }

  /** A global name: the platform's WebSocket constructor, Workers' WebSocketPair. */
  private globalValues(name: string, node: ts.Node): readonly FlowValue[] {
    const runtime = constructorRuntime('global', name, this.platform);
    if (runtime) return [{ kind: 'constructor', runtime, name, node }];
    if (name === WORKERS_SOCKETS.pairClass) return [{ kind: 'pair-class' }];
    if (GLOBAL_OBJECTS.has(name)) return [{ kind: 'global-object' }];
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

function isAmbientOnly(symbol: ts.Symbol): boolean {
  const declarations = symbol.declarations ?? [];
  return declarations.length > 0 && declarations.every(isAmbientDeclaration);
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
