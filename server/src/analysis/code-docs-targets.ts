// What a position in a file is, in close-code terms: the questions behind the editor features of
// close-code docs (hover, inlay hints, refactors). The engine (engine/code-docs-query.ts) finds and
// caches the close-like calls of a file and asks here; the completion slot is in code-slots.ts.
//
// What counts as a close code at a position (the hover rule):
//  1. sent: a numeric literal, or a name (`POLICY`, `Close.Policy`, `CODES.policy`,
//     `CODES['policy']`) whose type is one number literal, in a *value position* of the code
//     argument of a close-like call: the argument itself, either branch of `?:`, either side of
//     `??` / `||`, the right side of a comma — through parentheses, `as`, `satisfies` and `!`.
//  2. received: such a literal or name compared (`===`, `!==`, `==`, `!=`, `<`, `<=`, `>`, `>=`)
//     with a received close code — a CloseEvent's `code`, or the code parameter of a `close`
//     listener (as analysis/value-origins.ts recognises them) — or a `case` label of a `switch`
//     on one.
//  3. declared: a numeric literal that initializes a `const`, an enum member or an object-literal
//     property, when (a) a close-like call in the same file passes that const / member / property
//     as its code (rule 1 with a name), or (b) the declaration's own name or the name of its enum,
//     object or variable contains "close" (any case) and the value is an integer in 1000–4999.
//     Hovering the declared *name* shows nothing: TypeScript's own hover covers it.
import * as ts from 'typescript';
import type { Confidence } from '../core/finding';
import { isInCloseCodeSpan } from '../registry/code-facts';
import type { Evidence, RuntimeId } from '../registry/types';
import type { AnalysisContext } from './context';
import type { CloseCallSite } from './find-close-calls';
import { COMPARISON_OPERATORS, skipOuterExpressions, valueAlternatives } from './syntax';
import { isReceivedCloseCode } from './value-origins';

/** A file's analysis context and its close-like calls: what every question here starts from. */
export interface FileCloseCalls {
  readonly ctx: AnalysisContext;
  readonly sites: readonly CloseCallSite[];
}

export type CodeRole = 'sent' | 'received' | 'declared';

export type DocsTarget =
  | {
      readonly kind: 'code';
      /** The hovered token. */
      readonly node: ts.Node;
      readonly value: number;
      readonly role: CodeRole;
      /** Runtimes of the sockets that send it; empty for received codes and declarations no call in the file uses. */
      readonly runtimes: readonly RuntimeId[];
    }
  | {
      readonly kind: 'method';
      readonly node: ts.Node;
      readonly method: string;
      readonly runtimes: readonly RuntimeId[];
      readonly confidence: Confidence;
      readonly evidence?: Evidence;
    };

/** The innermost token at `offset`; a word token that ends exactly at `offset` counts too. */
function tokenAt(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  const find = (node: ts.Node, at: number): ts.Node | undefined => {
    for (const child of node.getChildren(sourceFile)) {
      if (child.getStart(sourceFile) <= at && at < child.getEnd()) {
        return child.getChildCount(sourceFile) === 0 ? child : (find(child, at) ?? child);
      }
    }
    return undefined;
  };
  const token = find(sourceFile, offset);
  if (token && isWordToken(token)) return token;
  const before = offset > 0 ? find(sourceFile, offset - 1) : undefined;
  return before && isWordToken(before) ? before : token;
}

function isWordToken(node: ts.Node): boolean {
  return ts.isIdentifier(node) || ts.isNumericLiteral(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** What the hover at `offset` documents (see the rule at the top of this file). */
export function docsTargetAt(file: FileCloseCalls, offset: number): DocsTarget | undefined {
  const { ctx, sites } = file;
  const sourceFile = ctx.sourceFile;
  const token = tokenAt(sourceFile, offset);
  if (!token || !isWordToken(token)) return undefined;
  for (const site of sites) {
    if (token.getStart(sourceFile) >= site.methodNode.getStart(sourceFile) && token.getEnd() <= site.methodNode.getEnd()) {
      return {
        kind: 'method',
        node: token,
        method: site.method,
        runtimes: site.runtimes,
        confidence: site.confidence,
        ...(site.evidence ? { evidence: site.evidence } : {}),
      };
    }
  }
  const expression = valueExpressionOf(token);
  if (!expression) return undefined;
  const code = (role: CodeRole, value: number, runtimes: readonly RuntimeId[]): DocsTarget => ({ kind: 'code', node: token, value, role, runtimes });
  const sending = sites.filter((site) => site.code.node !== undefined && valueAlternatives(site.code.node).includes(expression));
  if (sending.length > 0) {
    const value = numberOf(expression, ctx.checker);
    return value === undefined ? undefined : code('sent', value, unionRuntimes(sending));
  }
  if (isComparedWithReceivedCode(expression, ctx)) {
    const value = numberOf(expression, ctx.checker);
    return value === undefined ? undefined : code('received', value, []);
  }
  const declaration = declarationInitializedBy(expression);
  if (declaration && (ts.isNumericLiteral(expression) || ts.isPrefixUnaryExpression(expression))) {
    const value = numberOf(expression, ctx.checker);
    if (value === undefined) return undefined;
    const users = sites.filter((site) => site.code.node !== undefined && valueAlternatives(site.code.node).some((p) => declarationOf(p, ctx.checker) === declaration));
    if (users.length > 0) return code('declared', value, unionRuntimes(users));
    if (isInCloseCodeSpan(value) && namesMentionClose(declaration)) return code('declared', value, []);
  }
  return undefined;
}

/** The expression a word token stands for: the literal, a name, or the access it is the member name of. */
function valueExpressionOf(token: ts.Node): ts.Expression | undefined {
  const parent = token.parent;
  if (ts.isNumericLiteral(token)) {
    return parent && ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.MinusToken ? parent : token;
  }
  if (ts.isIdentifier(token)) {
    if (parent && ts.isPropertyAccessExpression(parent)) return parent.name === token ? parent : undefined;
    return parent && isDeclarationName(token) ? undefined : token;
  }
  if ((ts.isStringLiteral(token) || ts.isNoSubstitutionTemplateLiteral(token)) && parent && ts.isElementAccessExpression(parent) && parent.argumentExpression === token) {
    return parent;
  }
  return undefined;
}

function isDeclarationName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return !!parent && (ts.isVariableDeclaration(parent) || ts.isEnumMember(parent) || ts.isPropertyAssignment(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) && (parent as { name?: ts.Node }).name === identifier;
}

/** The number an expression certainly is: a numeric literal, or an expression typed as one number literal. */
function numberOf(expression: ts.Expression, checker: ts.TypeChecker): number | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isNumericLiteral(node)) return Number(node.text);
  const type = checker.getTypeAtLocation(node);
  return type.isNumberLiteral() ? type.value : undefined;
}

function unionRuntimes(sites: readonly CloseCallSite[]): RuntimeId[] {
  return [...new Set(sites.flatMap((site) => site.runtimes))];
}

function isComparedWithReceivedCode(expression: ts.Expression, ctx: AnalysisContext): boolean {
  let node: ts.Node = expression;
  while (node.parent && isOuterExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isBinaryExpression(parent) && COMPARISON_OPERATORS.has(parent.operatorToken.kind)) {
    return isReceivedCloseCode(parent.left === node ? parent.right : parent.left, ctx);
  }
  if (ts.isCaseClause(parent) && parent.expression === node) return isReceivedCloseCode(parent.parent.parent.expression, ctx);
  return false;
}

function isOuterExpression(node: ts.Node): boolean {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node);
}

type CodeDeclaration = ts.VariableDeclaration | ts.EnumMember | ts.PropertyAssignment;

/** The const / enum member / object property whose initializer `expression` is. */
function declarationInitializedBy(expression: ts.Expression): CodeDeclaration | undefined {
  let node: ts.Node = expression;
  while (node.parent && isOuterExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && isConst(parent)) return parent;
  if ((ts.isEnumMember(parent) || ts.isPropertyAssignment(parent)) && parent.initializer === node) return parent;
  return undefined;
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The declaration a name in a code argument refers to (imports resolved). */
function declarationOf(expression: ts.Expression, checker: ts.TypeChecker): ts.Declaration | undefined {
  const node = skipOuterExpressions(expression);
  const at = ts.isPropertyAccessExpression(node) ? node.name : ts.isElementAccessExpression(node) ? node.argumentExpression : ts.isIdentifier(node) ? node : undefined;
  if (!at) return undefined;
  let symbol = checker.getSymbolAtLocation(at);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.valueDeclaration;
}

/** Rule 3b: the declaration, its enum, or the variables/properties holding its object mention "close". */
function namesMentionClose(declaration: CodeDeclaration): boolean {
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isVariableDeclaration(node) || ts.isEnumMember(node) || ts.isPropertyAssignment(node) || ts.isEnumDeclaration(node)) {
      if (/close/i.test(node.name.getText())) return true;
    }
    if (ts.isBlock(node) || ts.isFunctionLike(node)) return false;
  }
  return false;
}

// ---- inlay hints --------------------------------------------------------------------------

export interface SentCode {
  /** A value position of a code argument that is one number. */
  readonly node: ts.Expression;
  readonly value: number;
  /** A numeric literal (or a negated one), rather than a name. */
  readonly literal: boolean;
  readonly runtimes: readonly RuntimeId[];
}

/** Every code argument value position that is one known number (rule 1), in file order. */
export function sentCodes(file: FileCloseCalls): SentCode[] {
  const { ctx, sites } = file;
  const sourceFile = ctx.sourceFile;
  const found: SentCode[] = [];
  for (const site of sites) {
    if (!site.code.node) continue;
    for (const node of valueAlternatives(site.code.node)) {
      const value = numberOf(node, ctx.checker);
      if (value === undefined) continue;
      const literal = ts.isNumericLiteral(node) || (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand));
      found.push({ node, value, literal, runtimes: site.runtimes });
    }
  }
  return found.sort((a, b) => a.node.getStart(sourceFile) - b.node.getStart(sourceFile));
}

// ---- refactors ----------------------------------------------------------------------------

export interface CodeLiteral {
  readonly node: ts.NumericLiteral;
  readonly value: number;
}

/**
 * A numeric literal that is a sent or received close code (rules 1 and 2) and that the range
 * touches: a cursor inside or at the edge of it, or a selection of exactly it.
 */
export function codeLiteralAt(file: FileCloseCalls, start: number, end: number): CodeLiteral | undefined {
  const sourceFile = file.ctx.sourceFile;
  const token = tokenAt(sourceFile, start);
  if (!token || !ts.isNumericLiteral(token) || end > token.getEnd()) return undefined;
  const target = docsTargetAt(file, token.getStart(sourceFile));
  if (!target || target.kind !== 'code' || target.role === 'declared' || target.node !== token) return undefined;
  return { node: token, value: Number(token.text) };
}
