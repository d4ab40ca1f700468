// The calls each file makes inside named functions, by the called method's name (syntax only,
// once per file): what the program-wide searches for wrappers and closers start from.
import * as ts from 'typescript';
import { accessedName, functionNameNode, isFunctionLike } from './syntax';

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
  const visit = (node: ts.Node, fns: readonly FunctionNode[]): void => {
    const inner = isFunctionLike(node) ? [...fns, node as FunctionNode] : fns;
    const method = inner.length > 0 && ts.isCallExpression(node) ? accessedName(node.expression) : undefined;
    if (method) {
      const mentioned = new Set((node as ts.CallExpression).arguments.flatMap((a) => identifiersIn(a)));
      const forwarders = inner.flatMap((fn) => {
        const name = functionNameNode(fn)?.text;
        return name && fn.parameters.some((p) => boundNames(p.name).some((n) => mentioned.has(n))) ? [{ name, fn }] : [];
      });
      const last = inner[inner.length - 1]!;
      const lastName = functionNameNode(last)?.text;
      calls.push({ method, forwarders, ...(lastName ? { innermost: { name: lastName, fn: last } } : {}) });
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(file, []);
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
