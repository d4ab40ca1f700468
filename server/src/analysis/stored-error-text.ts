// Error text that reaches a close reason through the project's own objects: `const { code,
// reason } = user.error` where some code path built that object as `{ code, reason }` from a
// caught error's message, passed down through calls. The reason *may* be that text, so it needs a
// limit like `err.message` itself. Followed through object properties (matched by the declared
// property the object's type gives both ends), parameters at every call site, consts and the
// parts of conditionals, templates and concatenations; bounded in depth, silent beyond it.
import * as ts from 'typescript';
import { USER_DATA_METHODS } from '../registry/socket-sources';
import type { AnalysisContext } from './context';
import { fileIndex } from './socket-flow/file-index';
import { socketFlow } from './socket-flow/flows';
import { callSitesOf } from './socket-flow/parameters';
import { scopeOf } from './socket-flow/test-files';
import { isFunctionLike, skipOuterExpressions } from './syntax';

const MAX_DEPTH = 8;

/**
 * Is `node` — a property read (`payload.reason`) or a variable destructured from an object
 * (`const { reason } = user.error`) — text that some path filled with an error's message?
 * `isErrorText` says whether an expression is such text where it is written (value-origins.ts).
 */
export function isStoredErrorText(node: ts.Expression, ctx: AnalysisContext, isErrorText: (expr: ts.Expression) => boolean): boolean {
  // One search at a time: `isErrorText` only says what is written at a node, never searches again.
  if (searching) return false;
  const read = propertyRead(node, ctx);
  if (!read) return false;
  searching = true;
  try {
    return new StoredTextSearch(ctx, isErrorText).propertyCarries(read.object, read.name, 0);
  } finally {
    searching = false;
  }
}

let searching = false;

/** `object.name`, or `{ name }` destructured from `object` in a variable declaration. */
function propertyRead(expr: ts.Expression, ctx: AnalysisContext): { object: ts.Expression; name: string } | undefined {
  const node = skipOuterExpressions(expr);
  if (ts.isPropertyAccessExpression(node)) return { object: node.expression, name: node.name.text };
  if (!ts.isIdentifier(node)) return undefined;
  const decl = ctx.checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (!decl || !ts.isBindingElement(decl) || !ts.isObjectBindingPattern(decl.parent)) return undefined;
  const holder = decl.parent.parent;
  if (!ts.isVariableDeclaration(holder) || !holder.initializer) return undefined;
  const key = decl.propertyName ?? decl.name;
  return ts.isIdentifier(key) || ts.isStringLiteral(key) ? { object: holder.initializer, name: key.text } : undefined;
}

class StoredTextSearch {
  private readonly visited = new Set<ts.Node>();
  private readonly flow;

  constructor(
    private readonly ctx: AnalysisContext,
    private readonly isErrorText: (expr: ts.Expression) => boolean,
  ) {
    this.flow = socketFlow(ctx.program, ctx.platform, true, scopeOf(ctx.sourceFile, ctx.program));
    this.flow.beginQuery();
  }

  /**
   * The values the project writes into `name` of objects of the type `object` has: object
   * literals whose contextual type declares the same property (`{ code, reason }` passed where a
   * `Partial<CloseEvent>` is expected, read back as `user.error.reason`).
   */
  propertyCarries(object: ts.Expression, name: string, depth: number): boolean {
    const { checker } = this.ctx;
    const declarations = declarationsOf(objectType(object, this.ctx)?.getProperty(name));
    if (declarations.size === 0) return false;
    for (const file of this.flow.projectFiles()) {
      for (const property of fileIndex(file).properties.get(name) ?? []) {
        const literal = property.parent;
        if (!ts.isObjectLiteralExpression(literal) || this.visited.has(property)) continue;
        const contextual = checker.getContextualType(literal);
        const parts = contextual ? (contextual.isUnion() ? contextual.types : [contextual]) : [];
        if (!parts.some((part) => [...declarationsOf(part.getProperty(name))].some((d) => declarations.has(d)))) continue;
        this.visited.add(property);
        const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
        if (this.carries(value, depth + 1)) return true;
      }
    }
    return false;
  }

  /** May the expression hold error text: written there, or reaching it through consts, parameters and objects? */
  private carries(expr: ts.Expression, depth: number): boolean {
    const node = skipOuterExpressions(expr);
    if (depth > MAX_DEPTH || this.visited.has(node)) return false;
    this.visited.add(node);
    if (this.isErrorText(node)) return true;
    if (ts.isConditionalExpression(node)) return this.carries(node.whenTrue, depth + 1) || this.carries(node.whenFalse, depth + 1);
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      const joins = op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken;
      return joins && (this.carries(node.left, depth + 1) || this.carries(node.right, depth + 1));
    }
    if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => this.carries(span.expression, depth + 1));
    if (ts.isPropertyAccessExpression(node)) return this.propertyCarries(node.expression, node.name.text, depth + 1);
    if (ts.isIdentifier(node)) return this.identifierCarries(node, depth);
    return false;
  }

  private identifierCarries(node: ts.Identifier, depth: number): boolean {
    const { checker } = this.ctx;
    const parent = node.parent;
    const symbol = parent && ts.isShorthandPropertyAssignment(parent) && parent.name === node ? checker.getShorthandAssignmentValueSymbol(parent) : checker.getSymbolAtLocation(node);
    const decl = symbol?.valueDeclaration;
    if (!decl) return false;
    if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isIdentifier(decl.name)) return this.carries(decl.initializer, depth + 1);
    if (ts.isBindingElement(decl)) {
      const read = propertyRead(node, this.ctx);
      return !!read && this.propertyCarries(read.object, read.name, depth + 1);
    }
    if (!ts.isParameter(decl) || !isFunctionLike(decl.parent) || decl.dotDotDotToken) return false;
    // Any caller: the text is this error's on the path through that call.
    const index = decl.parent.parameters.indexOf(decl);
    if (decl.initializer && this.carries(decl.initializer, depth + 1)) return true;
    return callSitesOf(this.flow, decl.parent, depth).some((site) => {
      const argument = site.args[index + site.offset];
      return !!argument && !ts.isSpreadElement(argument) && this.carries(argument, depth + 1);
    });
  }
}

/**
 * The type of an object expression; where the checker has none (`ws.getUserData()` of an
 * uninstalled uWS), the type the code wrote for it (`ws: WebSocket<YRedisUser>`), followed
 * through consts and property reads.
 */
function objectType(expr: ts.Expression, ctx: AnalysisContext, depth = 0): ts.Type | undefined {
  const { checker } = ctx;
  const type = checker.getNonNullableType(checker.getTypeAtLocation(expr));
  if (!(type.flags & ts.TypeFlags.Any) || depth > 4) return type;
  let node = skipOuterExpressions(expr);
  if (ts.isAwaitExpression(node)) node = skipOuterExpressions(node.expression);
  if (ts.isPropertyAccessExpression(node)) {
    const property = objectType(node.expression, ctx, depth + 1)?.getProperty(node.name.text);
    return property && checker.getNonNullableType(checker.getTypeOfSymbol(property));
  }
  if (ts.isIdentifier(node)) {
    const decl = checker.getSymbolAtLocation(node)?.valueDeclaration;
    return decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.initializer ? objectType(decl.initializer, ctx, depth + 1) : undefined;
  }
  return ts.isCallExpression(node) ? userDataType(node, ctx) : undefined;
}

/** `ws.getUserData()` where `ws` is declared as `WebSocket<UserData>` of uWS: the written `UserData`. */
function userDataType(call: ts.CallExpression, ctx: AnalysisContext): ts.Type | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = USER_DATA_METHODS.find((m) => m.method === callee.name.text);
  const receiver = skipOuterExpressions(callee.expression);
  const decl = method && ts.isIdentifier(receiver) ? ctx.checker.getSymbolAtLocation(receiver)?.valueDeclaration : undefined;
  const written = decl && (ts.isParameter(decl) || ts.isVariableDeclaration(decl)) ? decl.type : undefined;
  if (!method || !written || !ts.isTypeReferenceNode(written)) return undefined;
  const typeName = ts.isIdentifier(written.typeName) ? written.typeName : written.typeName.right;
  const argument = written.typeArguments?.[method.typeArgument];
  if (typeName.text !== method.typeName || !argument || importedFrom(typeName, ctx) !== method.module) return undefined;
  return ctx.checker.getTypeFromTypeNode(argument);
}

/** The module an imported name comes from: `import { WebSocket } from 'uWebSockets.js'`. */
function importedFrom(name: ts.Identifier, ctx: AnalysisContext): string | undefined {
  for (const decl of ctx.checker.getSymbolAtLocation(name)?.declarations ?? []) {
    let node: ts.Node | undefined = decl;
    while (node && !ts.isImportDeclaration(node) && !ts.isSourceFile(node)) node = node.parent;
    if (node && ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) return node.moduleSpecifier.text;
  }
  return undefined;
}

function declarationsOf(symbol: ts.Symbol | undefined): Set<ts.Declaration> {
  return new Set(symbol?.declarations ?? []);
}
