// "Go to implementation" for calls through the project's own interfaces and abstract classes
// (`connection.open()` with `connection: Connection`): the methods of that name in the project's
// classes that implement the interface or extend the abstract class. Found through the by-name
// index of heritage clauses (file-index.ts), whose lookups --cache records: a file that gains
// such a class changes the answer.
import * as ts from 'typescript';
import type { AnalysisContext } from './context';
import { isProjectFile } from './declared-runtimes';
import { socketFlow } from './socket-flow/flows';
import { skipOuterExpressions } from './syntax';

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

/** More implementations than this say the member is generic (`open`, `start` of a plugin interface): no answer. */
const MAX_IMPLEMENTATIONS = 6;

/** The implementations of the interface or abstract member `callee` names; none when it has a body of its own. */
export function memberImplementations(callee: ts.PropertyAccessExpression, ctx: AnalysisContext): FunctionNode[] {
  const name = callee.name.text;
  const signatures = (ctx.checker.getSymbolAtLocation(callee.name)?.declarations ?? []).filter((d) => isBodilessMember(d) && isProjectFile(d.getSourceFile(), ctx.program));
  const owners = new Set(signatures.map((d) => d.parent).filter((owner): owner is ts.InterfaceDeclaration | ts.ClassDeclaration => (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && !!owner.name));
  if (owners.size === 0) return [];
  const implementsSignature = (type: ts.ExpressionWithTypeArguments): boolean => !!ctx.checker.getTypeAtLocation(type).getProperty(name)?.declarations?.some((d) => signatures.includes(d));
  const found: FunctionNode[] = [];
  for (const index of socketFlow(ctx.program, ctx.platform).indexes()) {
    for (const owner of owners) {
      for (const declaration of index.heritage.get(owner.name!.text) ?? []) {
        const types = (declaration.heritageClauses ?? []).flatMap((clause) => [...clause.types]);
        if (!types.some(implementsSignature)) continue;
        for (const member of declaration.members) {
          const fn = member.name?.getText() === name ? functionOfMember(member) : undefined;
          if (fn && !found.includes(fn)) found.push(fn);
        }
      }
    }
  }
  return found.length <= MAX_IMPLEMENTATIONS ? found : [];
}

/** An interface's method or property signature, or an abstract method. */
function isBodilessMember(declaration: ts.Declaration): boolean {
  if (ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration)) return true;
  return ts.isMethodDeclaration(declaration) && !declaration.body && (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Abstract) !== 0;
}

/** `open() {…}`, or `open = () => {…}`. */
function functionOfMember(member: ts.ClassElement): FunctionNode | undefined {
  if (ts.isMethodDeclaration(member) && member.body) return member;
  if (ts.isPropertyDeclaration(member) && member.initializer) {
    const value = skipOuterExpressions(member.initializer);
    if ((ts.isArrowFunction(value) || ts.isFunctionExpression(value)) && value.body) return value;
  }
  return undefined;
}
