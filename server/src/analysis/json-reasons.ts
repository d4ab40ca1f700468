// `JSON.stringify(…)` as a close reason. Serializing a value whose contents the code does not
// list (`JSON.stringify(payload)`) gives text of any length. An object or array literal lists its
// fields: its text is its keys and its values, so it is unbounded only when one of the values is
// (error text, the peer's input, a structured object serialized whole). A value the checker knows
// nothing about is an unknown part with no evidence of length, as in a template literal. A value
// whose type lists only short fields (literal unions, booleans, numbers) is short, whole or not.
import * as ts from 'typescript';
import { MAX_REASON_BYTES, utf8ByteLength } from '../core/utf8';
import type { AnalysisContext } from './context';
import { skipOuterExpressions } from './syntax';
import type { PossibleValue, UnboundedSource } from './values';

export type Evaluate = (expression: ts.Expression, ctx: AnalysisContext, depth: number) => PossibleValue[];

/** One piece of the serialized text: known text, or an unknown piece of at least `minBytes`. */
interface Piece {
  readonly text?: string;
  readonly minBytes: number;
  readonly unbounded?: UnboundedSource;
}

/**
 * The value of `JSON.stringify(literal)`: a known string when every value is known, else a string
 * of at least the bytes its known pieces take. `JSON.stringify(value)` whose type bounds its text
 * within the limit is a short string. Undefined for any other call (the caller decides).
 */
export function serializedReason(call: ts.CallExpression, ctx: AnalysisContext, depth: number, evaluate: Evaluate): PossibleValue | undefined {
  if (!isJsonStringify(call) || call.arguments.length !== 1) return undefined;
  const argument = literalOf(call.arguments[0]!, ctx);
  if (!argument) return hasShortJson(call.arguments[0]!, ctx) ? { kind: 'partial-string', minBytes: 0, limited: false, node: call } : undefined;
  const pieces = literalPieces(argument, ctx, depth + 1, evaluate);
  if (!pieces) return undefined;
  if (pieces.every((piece) => piece.text !== undefined)) return { kind: 'string', value: pieces.map((piece) => piece.text).join(''), node: call };
  const unbounded = pieces.find((piece) => piece.unbounded)?.unbounded;
  const minBytes = pieces.reduce((sum, piece) => sum + piece.minBytes, 0);
  return { kind: 'partial-string', minBytes, limited: false, node: call, ...(unbounded ? { unbounded } : {}) };
}

/** `JSON.stringify(…)`. */
export function isJsonStringify(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'stringify' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON';
}

/** The literal written in place, or the one a `const` holds (`const payload = { type, id }`). */
function literalOf(expression: ts.Expression, ctx: AnalysisContext): ts.ObjectLiteralExpression | ts.ArrayLiteralExpression | undefined {
  let node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) {
    const declaration = ctx.checker.getSymbolAtLocation(node)?.valueDeclaration;
    const constant = declaration && ts.isVariableDeclaration(declaration) && ts.isVariableDeclarationList(declaration.parent) && declaration.parent.flags & ts.NodeFlags.Const;
    if (!constant || !declaration.initializer) return undefined;
    node = skipOuterExpressions(declaration.initializer);
  }
  return ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) ? node : undefined;
}

/** `{"key":value,…}` / `[value,…]` as pieces; undefined when a spread, method or computed key hides what is serialized. */
function literalPieces(literal: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression, ctx: AnalysisContext, depth: number, evaluate: Evaluate): Piece[] | undefined {
  const pieces: Piece[] = [exact(ts.isObjectLiteralExpression(literal) ? '{' : '[')];
  const entries = ts.isObjectLiteralExpression(literal) ? literal.properties : literal.elements;
  for (const [index, entry] of entries.entries()) {
    if (index > 0) pieces.push(exact(','));
    let value: ts.Expression;
    if (ts.isObjectLiteralExpression(literal)) {
      if (ts.isShorthandPropertyAssignment(entry)) value = entry.name;
      else if (ts.isPropertyAssignment(entry) && (ts.isIdentifier(entry.name) || ts.isStringLiteral(entry.name) || ts.isNumericLiteral(entry.name))) value = entry.initializer;
      else return undefined;
      pieces.push(exact(`${JSON.stringify((entry.name as ts.Identifier | ts.StringLiteral | ts.NumericLiteral).text)}:`));
    } else {
      if (ts.isSpreadElement(entry)) return undefined;
      value = entry as ts.Expression;
    }
    const nested = skipOuterExpressions(value);
    const inner = ts.isObjectLiteralExpression(nested) || ts.isArrayLiteralExpression(nested) ? literalPieces(nested, ctx, depth + 1, evaluate) : undefined;
    pieces.push(...(inner ?? [valuePiece(value, ctx, depth, evaluate)]));
  }
  pieces.push(exact(ts.isObjectLiteralExpression(literal) ? '}' : ']'));
  return pieces;
}

const KEYWORD_JSON: Partial<Record<ts.SyntaxKind, string>> = { [ts.SyntaxKind.TrueKeyword]: 'true', [ts.SyntaxKind.FalseKeyword]: 'false', [ts.SyntaxKind.NullKeyword]: 'null' };

function valuePiece(value: ts.Expression, ctx: AnalysisContext, depth: number, evaluate: Evaluate): Piece {
  const keyword = KEYWORD_JSON[skipOuterExpressions(value).kind];
  if (keyword) return exact(keyword);
  const values = evaluate(value, ctx, depth + 1);
  const texts = values.map(jsonText);
  if (texts.every((text) => text !== undefined)) {
    return texts.length === 1 ? exact(texts[0]!) : { minBytes: Math.min(...texts.map((text) => utf8ByteLength(text!))) };
  }
  const unbounded = values.map(unboundedOf).find((source) => source !== undefined);
  if (unbounded) return { minBytes: 0, unbounded };
  if (isStructured(value, ctx) && !hasShortJson(value, ctx)) return { minBytes: 0, unbounded: 'serialized' };
  return { minBytes: Math.min(...values.map((v) => (v.kind === 'partial-string' ? v.minBytes : 0))) };
}

function jsonText(value: PossibleValue): string | undefined {
  if (value.kind === 'string') return JSON.stringify(value.value);
  if (value.kind === 'number') return String(value.value);
  return value.kind === 'undefined' ? 'null' : undefined;
}

function unboundedOf(value: PossibleValue): UnboundedSource | undefined {
  if (value.kind === 'partial-string') return value.limited ? undefined : value.unbounded;
  return value.kind === 'unknown' ? value.unbounded : undefined;
}

/** An object or array the checker knows (not `any`, not a primitive, not a function): serialized whole. */
function isStructured(value: ts.Expression, ctx: AnalysisContext): boolean {
  const type = ctx.checker.getTypeAtLocation(value);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.flags & ts.TypeFlags.Object) !== 0 && part.getCallSignatures().length === 0);
}

function exact(text: string): Piece {
  return { text, minBytes: utf8ByteLength(text) };
}

/**
 * The value's type bounds its JSON within a close reason's limit: `reason: { type: 'TOKEN_EXPIRED'
 * | 'UNKNOWN'; retry: boolean }` lists every field and each one is short.
 */
function hasShortJson(value: ts.Expression, ctx: AnalysisContext): boolean {
  const maxBytes = maxJsonBytes(ctx.checker.getTypeAtLocation(value), ctx.checker, 0);
  return maxBytes !== undefined && maxBytes <= MAX_REASON_BYTES;
}

/** Deep enough for a reason object with a nested detail; deeper types are left to the caller. */
const MAX_TYPE_DEPTH = 3;
/** The longest text `JSON.stringify` writes for a number (`-1.2345678901234567e+308`). */
const NUMBER_JSON_BYTES = 24;

/**
 * The most bytes `JSON.stringify` can write for a value of this type, when the type bounds it:
 * literals, booleans, numbers, null, and objects or tuples made only of those. Undefined for a
 * `string`, `any`, an array, an index signature, a class with `toJSON`, or anything deeper.
 */
function maxJsonBytes(type: ts.Type, checker: ts.TypeChecker, depth: number): number | undefined {
  if (type.isUnion()) {
    const sizes = type.types.filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void))).map((part) => maxJsonBytes(part, checker, depth));
    return sizes.length === 0 || sizes.some((size) => size === undefined) ? undefined : Math.max(...(sizes as number[]));
  }
  if (type.isStringLiteral()) return utf8ByteLength(JSON.stringify(type.value));
  if (type.isNumberLiteral()) return String(type.value).length;
  if (type.flags & ts.TypeFlags.BooleanLike) return 'false'.length;
  if (type.flags & ts.TypeFlags.Null) return 'null'.length;
  if (type.flags & ts.TypeFlags.NumberLike) return NUMBER_JSON_BYTES;
  if (!(type.flags & ts.TypeFlags.Object) || depth >= MAX_TYPE_DEPTH || type.getCallSignatures().length > 0) return undefined;
  if (checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type as ts.TypeReference).map((element) => maxJsonBytes(element, checker, depth + 1));
    return elements.some((size) => size === undefined) ? undefined : 2 + (elements as number[]).reduce((sum, size) => sum + size + 1, 0);
  }
  if (checker.isArrayType(type) || type.getStringIndexType() || type.getNumberIndexType() || type.getProperty('toJSON')) return undefined;
  let bytes = 2;
  for (const property of type.getProperties()) {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    const size = declaration && maxJsonBytes(checker.getTypeOfSymbolAtLocation(property, declaration), checker, depth + 1);
    if (size === undefined) return undefined;
    bytes += utf8ByteLength(JSON.stringify(property.name)) + 1 + size + 1;
  }
  return bytes;
}
