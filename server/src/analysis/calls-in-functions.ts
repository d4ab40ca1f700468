// The calls each file makes inside named functions, by the called method's or function's name
// (syntax only, once per file): what the program-wide searches for wrappers and closers start
// from. A plain function's call counts as much as a method's: `shut(code, reason)` forwarding to
// `closeWebSocket(target, code, reason)` is a wrapper of a wrapper.
import * as ts from 'typescript';
import { lastName } from './socket-flow/file-index';
import { functionNameNode, isFunctionLike, parameterDestructurings } from './syntax';

export type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

export interface NamedFunction {
  readonly name: string;
  readonly fn: FunctionNode;
}

export interface CallInFunctions {
  readonly method: string;
  /** The function the call is made in directly, when it has a name. */
  readonly innermost?: NamedFunction;
  /** The enclosing named functions whose parameters the call's arguments mention. */
  readonly forwarders: readonly NamedFunction[];
}

const byFile = new WeakMap<ts.SourceFile, readonly CallInFunctions[]>();

export function callsInFunctionsOf(file: ts.SourceFile): readonly CallInFunctions[] {
  let found = byFile.get(file);
  if (found) return found;
  const calls: CallInFunctions[] = [];
  // The enclosing functions, outermost first, each with its name and parameter names read once
  // (every project file is walked: the wrapper and closer searches start here).
  const enclosing: { readonly fn: FunctionNode; readonly name: string | undefined; readonly parameters: readonly string[] }[] = [];
  const visit = (node: ts.Node): void => {
    const fn = isFunctionLike(node) ? (node as FunctionNode) : undefined;
    if (fn) enclosing.push({ fn, name: functionNameNode(fn)?.text, parameters: [...fn.parameters.flatMap((p) => boundNames(p.name)), ...parameterDestructurings(fn).flatMap((d) => boundNames(d.pattern))] });
    const method = enclosing.length > 0 && ts.isCallExpression(node) ? lastName(node.expression) : undefined;
    if (method) {
      const mentioned = new Set((node as ts.CallExpression).arguments.flatMap((a) => identifiersIn(a)));
      const forwarders = enclosing.flatMap(({ fn, name, parameters }) => (name && parameters.some((n) => mentioned.has(n)) ? [{ name, fn }] : []));
      const last = enclosing[enclosing.length - 1]!;
      calls.push({ method, forwarders, ...(last.name ? { innermost: { name: last.name, fn: last.fn } } : {}) });
    }
    ts.forEachChild(node, visit);
    if (fn) enclosing.pop();
  };
  visit(file);
  byFile.set(file, (found = calls));
  return found;
}

/** Adds `fn` under `name`; says whether it was new. */
export function addFunction(map: Map<string, FunctionNode[]>, { name, fn }: NamedFunction): boolean {
  const list = map.get(name) ?? [];
  if (list.includes(fn)) return false;
  list.push(fn);
  map.set(name, list);
  return true;
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
