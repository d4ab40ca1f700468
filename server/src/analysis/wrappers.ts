// Wrappers: functions and methods that pass their own parameters on to a socket's close-like call
// (`closeSocket(code, reason) { this.socket.close(code || 1006, reason) }`, an adapter's
// `close: (code, reason) => ws.close(code, reason)`). The values that matter are the ones their
// callers pass, so each call of a wrapper is checked like a close call, at the call, the way
// TypeScript reports a bad argument where it is written. The wrapper's own defaults and
// fallbacks stay findings of the close call inside it.
import * as ts from 'typescript';
import { CLOSE_METHOD_NAMES } from '../registry/runtimes';
import { classifyReceiver } from './classify-receiver';
import { createAnalysisContext, type AnalysisContext } from './context';
import { lastName } from './socket-flow/file-index';
import { socketFlow } from './socket-flow/flows';
import { scopeOf } from './socket-flow/test-files';
import { thisOwner } from './socket-flow/prototype';
import { accessedName, functionNameNode, isFunctionLike, skipOuterExpressions } from './syntax';
import type { ReceiverClass } from './classify-receiver';

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

/** A wrapper: which of its parameters become the code and reason of which close-like call. */
export interface Wrapper {
  readonly fn: FunctionNode;
  readonly name: string;
  /** The close-like call inside the wrapper (the innermost one, through nested wrappers). */
  readonly closeCall: ts.CallExpression;
  readonly method: string;
  readonly receiver: Extract<ReceiverClass, { kind: 'websocket' }>;
  readonly codeParameter?: ForwardedParameter;
  readonly reasonParameter?: ForwardedParameter;
}

/** A parameter passed on: by position, or a property of an options object (`_close({ code, reason })`). */
export interface ForwardedParameter {
  readonly index: number;
  readonly property?: string;
}

/** The default a forwarded parameter takes when a call passes `undefined` (`_disconnect(code = 1000, reason)`). */
export function defaultOf(wrapper: Wrapper, parameter: ForwardedParameter): ts.Expression | undefined {
  const declared = wrapper.fn.parameters[parameter.index];
  if (!declared) return undefined;
  if (parameter.property === undefined) return declared.initializer;
  if (!ts.isObjectBindingPattern(declared.name)) return undefined;
  const element = declared.name.elements.find((e) => ((e.propertyName ?? e.name) as ts.Node).getText() === parameter.property);
  return element?.initializer;
}

/** The argument expression a call gives for a forwarded parameter, if it writes one. */
export function argumentFor(call: ts.CallExpression, parameter: ForwardedParameter): ts.Expression | undefined {
  const argument = call.arguments[parameter.index];
  if (!argument || parameter.property === undefined) return argument;
  const object = skipOuterExpressions(argument);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === parameter.property) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === parameter.property) return property.name;
  }
  return undefined;
}

const MAX_NESTING = 3;

/** Names of functions that may be wrappers, per file: any function whose close-like call mentions one of its parameters. */
const candidatesByFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, readonly FunctionNode[]>>();

function candidatesOf(file: ts.SourceFile): ReadonlyMap<string, readonly FunctionNode[]> {
  let found = candidatesByFile.get(file);
  if (found) return found;
  const map = new Map<string, FunctionNode[]>();
  const visit = (node: ts.Node, fns: readonly FunctionNode[]): void => {
    const inner = isFunctionLike(node) ? [...fns, node] : fns;
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const method = accessedName(node.expression);
      if (method && (CLOSE_METHOD_NAMES.has(method) || map.has(method))) {
        const mentioned = new Set(node.arguments.flatMap((a) => identifiersIn(a)));
        for (const fn of inner) {
          const name = functionName(fn);
          if (name && fn.parameters.some((p) => boundNames(p.name).some((n) => mentioned.has(n)))) {
            const list = map.get(name) ?? [];
            if (!list.includes(fn)) list.push(fn);
            map.set(name, list);
          }
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(file, []);
  found = map;
  candidatesByFile.set(file, found);
  return found;
}

/** `p`, or the names a destructuring parameter binds (`{ code, reason }`). */
function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isBindingElement(element) ? boundNames(element.name) : []));
}

function identifiersIn(node: ts.Node): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) names.push(n.text);
    if (!isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

/** The name a function is called by: its own, or the variable/property/method that holds it. */
export function functionName(fn: FunctionNode): string | undefined {
  return functionNameNode(fn)?.text;
}

const wrapperNames = new WeakMap<ts.Program, ReadonlySet<string>>();

/** Every name under which a wrapper may be called in the program (syntax only; a cheap first filter). */
function possibleWrapperNames(program: ts.Program): ReadonlySet<string> {
  let names = wrapperNames.get(program);
  if (!names) {
    const set = new Set<string>();
    // A syntax-only filter over every project file, computed once per program: not a use of the flow
    // (a wrapper it lets through is resolved by the checker or by the flow, which is observed).
    for (const file of socketFlow(program, 'node', false).projectFiles()) for (const name of candidatesOf(file).keys()) set.add(name);
    wrapperNames.set(program, (names = set));
  }
  return names;
}

const wrappers = new WeakMap<ts.Program, Map<FunctionNode, Wrapper | null>>();

/** If `call` calls a wrapper, the wrapper. */
export function wrapperCalled(call: ts.CallExpression, ctx: AnalysisContext): Wrapper | undefined {
  const callee = skipOuterExpressions(call.expression);
  const name = lastName(callee);
  if (!name || call.arguments.length === 0 || !possibleWrapperNames(ctx.program).has(name)) return undefined;
  for (const fn of calleeFunctions(callee, name, ctx)) {
    const wrapper = wrapperOf(fn, ctx, 0);
    if (wrapper) return wrapper;
  }
  return undefined;
}

/** The functions a callee names: by the checker, or — for an untyped object — by what the flow knows it is. */
function calleeFunctions(callee: ts.Expression, name: string, ctx: AnalysisContext): FunctionNode[] {
  const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  let symbol = ctx.checker.getSymbolAtLocation(nameNode);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
  const fns = (symbol?.declarations ?? []).flatMap((d) => functionsOfDeclaration(d));
  if (fns.length > 0 || !ts.isPropertyAccessExpression(callee)) return fns;
  const flow = socketFlow(ctx.program, ctx.platform, true, scopeOf(ctx.sourceFile, ctx.program));
  flow.beginQuery();
  return flow.valuesOf(callee.expression, 0).flatMap((owner) => (owner.kind === 'instance' ? methodsNamed(owner.declaration, name) : []));
}

/** Methods of a project class (or constructor function and its prototype) by name. */
function methodsNamed(declaration: ts.Node, name: string): FunctionNode[] {
  const found: FunctionNode[] = [];
  if (ts.isClassLike(declaration)) {
    for (const member of declaration.members) if (ts.isMethodDeclaration(member) && member.name.getText() === name) found.push(member);
  }
  for (const candidate of candidatesOf(declaration.getSourceFile()).get(name) ?? []) {
    if (!found.includes(candidate) && ownerOfMethod(candidate) === declaration) found.push(candidate);
  }
  return found;
}

function functionsOfDeclaration(decl: ts.Node): FunctionNode[] {
  if (isFunctionLike(decl) && decl.body) return [decl];
  const init = (ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)) ? decl.initializer : ts.isBinaryExpression(decl) ? decl.right : undefined;
  const value = init && skipOuterExpressions(init);
  return value && isFunctionLike(value) ? [value] : [];
}

function wrapperOf(fn: FunctionNode, ctx: AnalysisContext, nesting: number): Wrapper | undefined {
  let perProgram = wrappers.get(ctx.program);
  if (!perProgram) wrappers.set(ctx.program, (perProgram = new Map()));
  if (perProgram.has(fn)) return perProgram.get(fn) ?? undefined;
  perProgram.set(fn, null); // recursion guard
  const wrapper = findWrapper(fn, ctx, nesting);
  perProgram.set(fn, wrapper ?? null);
  return wrapper;
}

function findWrapper(fn: FunctionNode, ctx: AnalysisContext, nesting: number): Wrapper | undefined {
  const name = functionName(fn);
  if (!name || !fn.body || nesting > MAX_NESTING || fn.getSourceFile().isDeclarationFile) return undefined;
  const fileCtx = fn.getSourceFile() === ctx.sourceFile ? ctx : createAnalysisContext(ctx.program, fn.getSourceFile(), ctx.platform);
  let found: Wrapper | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && node.arguments.length > 0) found = wrapperThrough(node, fn, name, fileCtx, nesting);
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return found;
}

/** Is this call inside `fn` a close-like call (or a wrapper call) whose code or reason is one of fn's parameters? */
function wrapperThrough(call: ts.CallExpression, fn: FunctionNode, name: string, ctx: AnalysisContext, nesting: number): Wrapper | undefined {
  const method = accessedName(call.expression);
  let target: { closeCall: ts.CallExpression; method: string; receiver: Extract<ReceiverClass, { kind: 'websocket' }>; code?: ForwardedParameter; reason?: ForwardedParameter } | undefined;
  if (method && CLOSE_METHOD_NAMES.has(method)) {
    const receiver = classifyReceiver((call.expression as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression, ctx);
    if (receiver.kind === 'websocket') target = { closeCall: call, method, receiver, code: { index: 0 }, reason: { index: 1 } };
  }
  if (!target) {
    const inner = wrapperCalled(call, ctx);
    if (!inner || inner.fn === fn || nesting >= MAX_NESTING) return undefined;
    target = { closeCall: inner.closeCall, method: inner.method, receiver: inner.receiver, ...(inner.codeParameter ? { code: inner.codeParameter } : {}), ...(inner.reasonParameter ? { reason: inner.reasonParameter } : {}) };
  }
  const codeParameter = target.code && forwardedParameter(argumentFor(call, target.code), fn, ctx);
  const reasonParameter = target.reason && forwardedParameter(argumentFor(call, target.reason), fn, ctx);
  if (codeParameter === undefined && reasonParameter === undefined) return undefined;
  return {
    fn,
    name,
    closeCall: target.closeCall,
    method: target.method,
    receiver: target.receiver,
    ...(codeParameter !== undefined ? { codeParameter } : {}),
    ...(reasonParameter !== undefined ? { reasonParameter } : {}),
  };
}

/** `p`, `p || x`, `p ?? x`, or `code` of `({ code, reason })`: which of fn's parameters the argument passes on. */
function forwardedParameter(argument: ts.Expression | undefined, fn: FunctionNode, ctx: AnalysisContext): ForwardedParameter | undefined {
  if (!argument) return undefined;
  let node = skipOuterExpressions(argument);
  while (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) node = skipOuterExpressions(node.left);
  if (!ts.isIdentifier(node)) return undefined;
  const decl = ctx.checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (decl && ts.isParameter(decl) && decl.parent === fn && !decl.dotDotDotToken) return { index: fn.parameters.indexOf(decl) };
  // A property of an options parameter, destructured where it is declared: `_close({ code, reason })`.
  if (decl && ts.isBindingElement(decl) && !decl.dotDotDotToken && ts.isObjectBindingPattern(decl.parent) && ts.isParameter(decl.parent.parent) && decl.parent.parent.parent === fn) {
    const key = decl.propertyName ?? decl.name;
    if (ts.isIdentifier(key) || ts.isStringLiteral(key)) return { index: fn.parameters.indexOf(decl.parent.parent), property: key.text };
  }
  return undefined;
}

/** The class or constructor function a method belongs to (`X.prototype.m = function…` included). */
function ownerOfMethod(fn: FunctionNode): ts.Node | undefined {
  if (ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent)) return fn.parent;
  return ts.isFunctionExpression(fn) ? thisOwner(fn.body ?? fn) : undefined;
}
