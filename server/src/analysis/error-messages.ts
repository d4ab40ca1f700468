// The messages of the project's own error classes. `error.message` is unbounded text in general
// (a caught error may say anything, and often quotes what failed), but for an instance of a class
// the project declares, the messages are the ones its constructions give: when every
// `new AuthenticationFailedError('Invalid token')` in the project passes a short literal (or relies
// on a short literal default) and nothing else makes or extends the class, the message fits a close
// reason. Constructions are found through the socket flow's by-name index (recorded for --cache).
import * as ts from 'typescript';
import { MAX_REASON_BYTES, utf8ByteLength } from '../core/utf8';
import type { AnalysisContext } from './context';
import { isProjectFile } from './declared-runtimes';
import { socketFlow } from './socket-flow/flows';
import { baseClassExpression, skipOuterExpressions } from './syntax';

const MAX_BASES = 4;

/** Where a class's message comes from: a constructor argument (with its literal default), or a literal of its own. */
type MessageSlot = { readonly index: number; readonly fallback?: string } | { readonly index: -1; readonly fallback: string };

/** Is `error` an instance of a project error class whose every construction gives it a short literal message? */
export function hasShortProjectMessage(error: ts.Expression, ctx: AnalysisContext): boolean {
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(skipOuterExpressions(error)));
  const declaration = type.isUnion() ? undefined : type.getSymbol()?.valueDeclaration;
  if (!declaration || !ts.isClassDeclaration(declaration) || !declaration.name || !isProjectFile(declaration.getSourceFile(), ctx.program)) return false;
  const slot = messageSlot(declaration, ctx, 0);
  if (!slot) return false;
  const short = (text: string | undefined): boolean => text !== undefined && utf8ByteLength(text) <= MAX_REASON_BYTES;
  if (slot.index === -1) return short(slot.fallback) && !hasSubclass(declaration, ctx);
  const name = declaration.name.text;
  for (const index of socketFlow(ctx.program, ctx.platform).indexes()) {
    for (const construction of index.constructions.get(name) ?? []) {
      if (!ts.isNewExpression(construction) || classOf(construction.expression, ctx.checker) !== declaration) continue;
      const argument = construction.arguments?.[slot.index];
      const text = argument === undefined ? slot.fallback : literalText(argument);
      if (!short(text)) return false;
    }
  }
  // Never constructed in the project: only its default could be the message.
  return (slot.fallback === undefined || short(slot.fallback)) && !hasSubclass(declaration, ctx);
}

/**
 * Which constructor argument becomes the message: the parameter the constructor passes on as the
 * message of `super(…)` (Error's first argument, or the slot of the project's base class), or the
 * literal it passes itself. Undefined when the class writes `this.message` or passes anything else.
 */
function messageSlot(cls: ts.ClassDeclaration, ctx: AnalysisContext, depth: number): MessageSlot | undefined {
  if (depth > MAX_BASES || writesMessage(cls)) return undefined;
  const base = baseClassExpression(cls);
  if (!base) return undefined;
  const baseDeclaration = classOf(base, ctx.checker);
  const projectBase = baseDeclaration && ts.isClassDeclaration(baseDeclaration) && isProjectFile(baseDeclaration.getSourceFile(), ctx.program) ? baseDeclaration : undefined;
  if (!projectBase && !(ts.isIdentifier(base) && base.text === 'Error')) return undefined;
  const baseSlot: MessageSlot | undefined = projectBase ? messageSlot(projectBase, ctx, depth + 1) : { index: 0 };
  const constructor = cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
  if (!constructor || !baseSlot) return constructor ? undefined : baseSlot;
  if (baseSlot.index === -1) return baseSlot;
  const superCall = constructor.body!.statements.map((s) => (ts.isExpressionStatement(s) ? skipOuterExpressions(s.expression) : undefined)).find((e): e is ts.CallExpression => !!e && ts.isCallExpression(e) && e.expression.kind === ts.SyntaxKind.SuperKeyword);
  const argument = superCall?.arguments[baseSlot.index];
  if (!argument) return undefined;
  const literal = literalText(argument);
  if (literal !== undefined) return { index: -1, fallback: literal };
  const passed = skipOuterExpressions(argument);
  const parameter = ts.isIdentifier(passed) ? constructor.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === passed.text) : undefined;
  if (!parameter) return undefined;
  const fallback = parameter.initializer ? literalText(parameter.initializer) : undefined;
  if (parameter.initializer && fallback === undefined) return undefined;
  return fallback === undefined ? { index: constructor.parameters.indexOf(parameter) } : { index: constructor.parameters.indexOf(parameter), fallback };
}

/** `this.message = …` anywhere in the class. */
function writesMessage(cls: ts.ClassDeclaration): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = skipOuterExpressions(node.left);
      if (ts.isPropertyAccessExpression(target) && target.name.text === 'message' && target.expression.kind === ts.SyntaxKind.ThisKeyword) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(cls);
  return found;
}

/** A project class that extends this one: its instances pass `instanceof` with messages of their own. */
function hasSubclass(cls: ts.ClassDeclaration, ctx: AnalysisContext): boolean {
  return socketFlow(ctx.program, ctx.platform).indexes().some((index) => (index.heritage.get(cls.name!.text) ?? []).length > 0);
}

/** The class a `new` names, through imports (`import { AuthError } from './errors'`). */
function classOf(expression: ts.Expression, checker: ts.TypeChecker): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(skipOuterExpressions(expression));
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.valueDeclaration;
}

function literalText(expression: ts.Expression): string | undefined {
  const node = skipOuterExpressions(expression);
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}
