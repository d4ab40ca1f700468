// Resolves a close() argument to every value it can take: literals, consts (also imported),
// enums, `as const` objects, conditionals (each branch), `??`/`||`, arithmetic, template
// literals and concatenations (strings with unknown parts keep a lower bound on their bytes).
// Where syntax runs out, the checker's literal types fill in.
import * as ts from 'typescript';
import { utf8ByteLength } from '../core/utf8';
import type { AnalysisContext } from './context';
import { isInCloseCodeSpan } from '../registry/code-facts';
import { LIBRARY_CODE_CONSTANTS } from '../registry/socket-sources';
import { packageNameOf } from './declared-runtimes';
import { serializedReason } from './json-reasons';
import { everyCallPasses } from './private-calls';
import { isFunctionLike, skipOuterExpressions } from './syntax';
import { bindingOrigin, isLengthLimitingCall, parameterOrigin, propertyOrigin, unboundedSource } from './value-origins';
import type { EvaluatedArgument, PossibleValue } from './values';
import { variableWrites } from './variable-writes';
import { isForwardedParameter } from './wrappers';

const MAX_VALUES = 16;
const MAX_DEPTH = 10;

export function evaluateArgument(node: ts.Expression | undefined, ctx: AnalysisContext): EvaluatedArgument {
  if (!node) return { node: undefined, values: [{ kind: 'undefined' }] };
  return { node, values: evaluate(node, ctx, 0) };
}

function evaluate(expression: ts.Expression, ctx: AnalysisContext, depth: number): PossibleValue[] {
  const node = skipOuterExpressions(expression);
  if (depth > MAX_DEPTH) return fromType(node, ctx);
  if (ts.isNumericLiteral(node)) return [{ kind: 'number', value: Number(node.text), node }];
  if (ts.isStringLiteralLike(node)) return [{ kind: 'string', value: node.text, node }];
  if (ts.isVoidExpression(node)) return [{ kind: 'undefined', node }];
  if (ts.isPrefixUnaryExpression(node)) return evaluatePrefix(node, ctx, depth);
  if (ts.isConditionalExpression(node)) {
    return cap([...evaluate(node.whenTrue, ctx, depth + 1), ...evaluate(node.whenFalse, ctx, depth + 1)]);
  }
  if (ts.isBinaryExpression(node)) return evaluateBinary(node, ctx, depth);
  if (ts.isTemplateExpression(node)) return [evaluateTemplate(node, ctx, depth)];
  if (ts.isIdentifier(node)) return evaluateIdentifier(node, ctx, depth);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return evaluateAccess(node, ctx, depth);
  if (ts.isCallExpression(node)) return evaluateCall(node, ctx, depth);
  return fromType(node, ctx);
}

function evaluatePrefix(node: ts.PrefixUnaryExpression, ctx: AnalysisContext, depth: number): PossibleValue[] {
  const operand = evaluate(node.operand, ctx, depth + 1);
  const sign = node.operator === ts.SyntaxKind.MinusToken ? -1 : node.operator === ts.SyntaxKind.PlusToken ? 1 : 0;
  if (sign === 0 || !operand.every((v) => v.kind === 'number')) return fromType(node, ctx);
  return operand.map((v) => ({ kind: 'number', value: sign * (v as { value: number }).value, node }));
}

function evaluateBinary(node: ts.BinaryExpression, ctx: AnalysisContext, depth: number): PossibleValue[] {
  const op = node.operatorToken.kind;
  if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
    const left = evaluate(node.left, ctx, depth + 1);
    const kept = left.filter((v) => (op === ts.SyntaxKind.BarBarToken ? !isFalsy(v) : v.kind !== 'undefined'));
    const fallbackReachable = kept.length < left.length || left.some((v) => v.kind === 'unknown' || v.kind === 'partial-string');
    return cap(fallbackReachable ? [...kept, ...evaluate(node.right, ctx, depth + 1)] : kept);
  }
  if (op === ts.SyntaxKind.CommaToken) return evaluate(node.right, ctx, depth + 1);
  if (op === ts.SyntaxKind.PlusToken) return evaluatePlus(node, ctx, depth);
  const arithmetic = ARITHMETIC[op];
  if (arithmetic) {
    const left = evaluate(node.left, ctx, depth + 1);
    const right = evaluate(node.right, ctx, depth + 1);
    if (left.length === 1 && right.length === 1 && left[0]!.kind === 'number' && right[0]!.kind === 'number') {
      return [{ kind: 'number', value: arithmetic(left[0]!.value, right[0]!.value), node }];
    }
  }
  return fromType(node, ctx);
}

const ARITHMETIC: Partial<Record<ts.SyntaxKind, (a: number, b: number) => number>> = {
  [ts.SyntaxKind.MinusToken]: (a, b) => a - b,
  [ts.SyntaxKind.AsteriskToken]: (a, b) => a * b,
  [ts.SyntaxKind.SlashToken]: (a, b) => a / b,
  [ts.SyntaxKind.PercentToken]: (a, b) => a % b,
};

function evaluatePlus(node: ts.BinaryExpression, ctx: AnalysisContext, depth: number): PossibleValue[] {
  const left = evaluate(node.left, ctx, depth + 1);
  const right = evaluate(node.right, ctx, depth + 1);
  const stringy = [...left, ...right].some((v) => v.kind === 'string' || v.kind === 'partial-string' || (v.kind === 'unknown' && v.type === 'string'));
  if (!stringy) {
    if (left.length === 1 && right.length === 1 && left[0]!.kind === 'number' && right[0]!.kind === 'number') {
      return [{ kind: 'number', value: left[0]!.value + right[0]!.value, node }];
    }
    return fromType(node, ctx);
  }
  const results: PossibleValue[] = [];
  for (const l of textPart(left, node.left, ctx)) for (const r of textPart(right, node.right, ctx)) results.push(concat(l, r, node));
  return cap(results);
}

function evaluateTemplate(node: ts.TemplateExpression, ctx: AnalysisContext, depth: number): PossibleValue {
  let value: PossibleValue = { kind: 'string', value: node.head.text };
  for (const span of node.templateSpans) {
    const parts = textPart(evaluate(span.expression, ctx, depth + 1), span.expression, ctx);
    // Several possible values for a part: keep the shortest as the lower bound.
    const part = parts.length === 1 ? parts[0]! : shortest(parts, span.expression, ctx);
    value = concat(concat(value, part, node), { kind: 'string', value: span.literal.text }, node);
  }
  return value;
}

/**
 * A part of a string being built (`${err}`, `'bad: ' + data`): stringifying an error or a
 * received message payload makes unbounded text even though the value itself is not a string,
 * so an unknown part keeps the mark its origin gives it.
 */
function textPart(values: PossibleValue[], expr: ts.Expression, ctx: AnalysisContext): PossibleValue[] {
  if (values.length !== 1 || values[0]!.kind !== 'unknown') return values;
  const unbounded = unboundedSource(expr, ctx);
  return unbounded ? [{ kind: 'partial-string', minBytes: 0, limited: false, unbounded, node: expr }] : values;
}

function shortest(parts: PossibleValue[], expr: ts.Expression, ctx: AnalysisContext): PossibleValue {
  const min = Math.min(...parts.map(minBytes));
  return { kind: 'partial-string', minBytes: min, limited: false, unbounded: unboundedSource(expr, ctx) };
}

function evaluateIdentifier(node: ts.Identifier, ctx: AnalysisContext, depth: number): PossibleValue[] {
  if (node.text === 'undefined') return [{ kind: 'undefined', node }];
  if (node.text === 'NaN') return [{ kind: 'number', value: NaN, node }];
  if (node.text === 'Infinity') return [{ kind: 'number', value: Infinity, node }];
  // `{ code, reason }` passed to a wrapper: the variable, not the object's (widened) property.
  const shorthand = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node;
  let symbol = shorthand ? ctx.checker.getShorthandAssignmentValueSymbol(node.parent) : ctx.checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
  const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  // `if (!udid) ws.close(4003, `Invalid udid "${udid}"`)`: here the value is empty or missing,
  // whatever it was read from. Only its type is left.
  if (symbol && isFalsyHere(node, symbol, ctx)) return fromType(node, ctx);
  if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl) && !ts.isCatchClause(decl.parent)) {
    return evaluate(decl.initializer, ctx, depth + 1).map((v) => withNode(v, node));
  }
  if (decl && ts.isEnumMember(decl)) return enumValue(decl, node, ctx);
  if (decl && ts.isBindingElement(decl)) {
    const origin = bindingOrigin(decl, ctx);
    if (origin) return [{ kind: 'unknown', type: 'number', origin, node }];
  }
  if (decl && ts.isParameter(decl)) {
    const origin = parameterOrigin(decl, ctx);
    if (origin) return [{ kind: 'unknown', type: 'number', origin, node }];
    // A wrapper's parameter: its callers' values are checked at each call; here only the default counts.
    if (decl.parent && isFunctionLike(decl.parent) && ts.isIdentifier(decl.name) && isForwardedParameter(decl, ctx)) {
      // An optional parameter is missing only when some caller leaves it out.
      const omittable = !decl.initializer && !everyCallPasses(decl);
      const passed = onlyUnknown(fromType(node, ctx).filter((v) => v.kind !== 'undefined' || omittable), node);
      return cap([...passed, ...(decl.initializer ? evaluate(decl.initializer, ctx, depth + 1) : [])]);
    }
    // `function disconnect(code = 1012, reason)`: whatever callers pass, and the default — which
    // keeps its own node, so a wrong default is reported where it is written.
    if (decl.initializer && decl.parent && isFunctionLike(decl.parent) && ts.isIdentifier(decl.name)) {
      const passed = markUnbounded(fromType(node, ctx).filter((v) => v.kind !== 'undefined'), node, ctx);
      return cap([...passed, ...evaluate(decl.initializer, ctx, depth + 1)]);
    }
  }
  const written = decl && ts.isVariableDeclaration(decl) ? writtenValues(node, ctx, depth) : undefined;
  if (written) return written;
  return markUnbounded(fromType(node, ctx), node, ctx);
}

/** More writes than this and the variable is a counter or an accumulator, not a choice of a few values. */
const MAX_WRITES = 6;

/**
 * `let code = 400; if (!message) code = 500;`: a `let` whose every write is a known value holds one
 * of them (which one depends on the path, as with `a ? 400 : 500`). A placeholder start (`let code
 * = 0`, `null`, `''`) that a later write replaces is left out.
 */
function writtenValues(node: ts.Identifier, ctx: AnalysisContext, depth: number): PossibleValue[] | undefined {
  const writes = variableWrites(node, ctx);
  if (!writes || writes.length < 2 || writes.length > MAX_WRITES) return undefined;
  const values: PossibleValue[] = [];
  for (const [i, write] of writes.entries()) {
    const evaluated = evaluate(write, ctx, depth + 1);
    if (evaluated.some((v) => v.kind !== 'number' && v.kind !== 'string' && v.kind !== 'undefined')) return undefined;
    const initializer = i === 0 && write.parent && ts.isVariableDeclaration(write.parent);
    if (initializer && evaluated.every(isPlaceholder)) continue;
    // Each value keeps the node of its write: where it comes from (the rules still report at the argument).
    values.push(...evaluated);
  }
  return values.length > 0 ? cap(values) : undefined;
}

function isPlaceholder(value: PossibleValue): boolean {
  return value.kind === 'undefined' || (value.kind === 'number' && (value.value === 0 || value.value === -1)) || (value.kind === 'string' && value.value === '');
}

/** The kinds of values a type allows, without the values themselves: `1000 | 4000` is some number. */
function onlyUnknown(values: PossibleValue[], node: ts.Expression): PossibleValue[] {
  return dedupeUnknowns(values.map((v) => (v.kind === 'number' ? { kind: 'unknown', type: 'number', node } : v.kind === 'string' || v.kind === 'partial-string' ? { kind: 'unknown', type: 'string', node } : v)));
}

/**
 * An Error, or a value a client sent, that is not text itself but becomes unbounded text when a
 * close() reason stringifies it: `close(1011, err)`, `close(4004, msg.room)`.
 */
function markUnbounded(values: PossibleValue[], node: ts.Expression, ctx: AnalysisContext): PossibleValue[] {
  if (!values.some((v) => v.kind === 'unknown' && !v.origin)) return values;
  const unbounded = unboundedSource(node, ctx);
  if (!unbounded) return values;
  return values.map((v) => {
    if (v.kind !== 'unknown' || v.origin) return v;
    return v.type === 'string' ? { kind: 'partial-string', minBytes: 0, limited: false, unbounded, node } : { ...v, unbounded };
  });
}

function evaluateAccess(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx: AnalysisContext, depth: number): PossibleValue[] {
  let symbol = ctx.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
  const decl = symbol?.valueDeclaration;
  if (decl && ts.isEnumMember(decl)) return enumValue(decl, node, ctx);
  if (decl && ts.isPropertyAssignment(decl) && isReadonlyLiteralObject(decl.parent)) {
    return evaluate(decl.initializer, ctx, depth + 1).map((v) => withNode(v, node));
  }
  // `static WS_CLOSE_NORMAL = 1000` on a class, read as `Socket.WS_CLOSE_NORMAL`.
  if (decl && ts.isPropertyDeclaration(decl) && decl.initializer && isStatic(decl) && !isAssignedElsewhere(symbol!, decl, ctx)) {
    return evaluate(decl.initializer, ctx, depth + 1).map((v) => withNode(v, node));
  }
  // `connection.CLOSE_REASON_NORMAL`: a library's constant its declarations type as `number`.
  const libraryCode = decl && libraryConstant(decl);
  if (libraryCode !== undefined) return [{ kind: 'number', value: libraryCode, node }];
  // CommonJS: `module.exports.CLOSE = 1006`, `exports.CLOSE = 1006`, assigned once.
  const exported = symbol && commonJsExportValue(symbol);
  if (exported) return evaluate(exported, ctx, depth + 1).map((v) => withNode(v, node));
  if (ts.isPropertyAccessExpression(node)) {
    const origin = propertyOrigin(node.expression, node.name.text, ctx);
    if (origin) return [{ kind: 'unknown', type: origin === 'error-code' ? 'other' : 'number', origin, node }];
    const name = node.name.text;
    if (name === 'message' || name === 'stack' || name === 'url' || name === 'headers' || name === 'body' || name === 'data') {
      const unbounded = unboundedSource(node, ctx);
      if (unbounded) return [{ kind: 'partial-string', minBytes: 0, limited: false, unbounded, node }];
    }
    if (name === 'code') {
      const typed = fromType(node, ctx);
      if (isSharedCodeSet(typed)) return [{ kind: 'unknown', type: 'number', node }];
    }
  }
  return markUnbounded(fromType(node, ctx), node, ctx);
}

/** A static member of a library class the registry lists the value of (LIBRARY_CODE_CONSTANTS). */
function libraryConstant(decl: ts.Declaration): number | undefined {
  if (!ts.isPropertyDeclaration(decl) || !ts.isIdentifier(decl.name) || !isStatic(decl) || !ts.isClassDeclaration(decl.parent) || !decl.parent.name) return undefined;
  const file = decl.getSourceFile();
  if (!file.isDeclarationFile) return undefined;
  const owner = decl.parent.name.text;
  const pkg = packageNameOf(file.fileName);
  return LIBRARY_CODE_CONSTANTS.find((c) => c.package === pkg && c.owner === owner)?.codes[decl.name.text];
}

/**
 * An error's `code` typed with close codes and other numbers together (`enum ErrorCode {
 * BadRequest = 400, Socket = 1003 }`): one error type for HTTP and WebSocket paths, and which
 * member reaches a socket is up to the path, not the type.
 */
function isSharedCodeSet(values: readonly PossibleValue[]): boolean {
  const numbers = values.filter((v): v is Extract<PossibleValue, { kind: 'number' }> => v.kind === 'number');
  return numbers.some((v) => isInCloseCodeSpan(v.value)) && numbers.some((v) => !isInCloseCodeSpan(v.value));
}

function isStatic(decl: ts.PropertyDeclaration): boolean {
  return (ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Static) !== 0;
}

/** A static property that code in its file writes to (`Codes.NORMAL = 4000`) is not a constant. */
function isAssignedElsewhere(symbol: ts.Symbol, decl: ts.PropertyDeclaration, ctx: AnalysisContext): boolean {
  if (ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly) return false;
  const name = symbol.getName();
  let assigned = false;
  const visit = (n: ts.Node): void => {
    if (assigned) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = skipOuterExpressions(n.left);
      if (ts.isPropertyAccessExpression(left) && left.name.text === name && ctx.checker.getSymbolAtLocation(left.name) === symbol) assigned = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(decl.getSourceFile());
  return assigned;
}

/** The value of a CommonJS export assigned exactly once: `module.exports.X = …` / `exports.X = …`. */
function commonJsExportValue(symbol: ts.Symbol): ts.Expression | undefined {
  const declarations = symbol.declarations ?? [];
  if (declarations.length !== 1) return undefined;
  const decl = declarations[0]!;
  const parent: ts.Node | undefined = decl.parent;
  const assignment = ts.isBinaryExpression(decl) ? decl : parent && ts.isBinaryExpression(parent) && parent.left === (decl as ts.Node) ? parent : undefined;
  if (!assignment || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(assignment.left)) return undefined;
  const target = assignment.left.expression.getText();
  return target === 'exports' || target === 'module.exports' ? assignment.right : undefined;
}

function evaluateCall(node: ts.CallExpression, ctx: AnalysisContext, depth: number): PossibleValue[] {
  if (isLengthLimitingCall(node)) return [{ kind: 'partial-string', minBytes: 0, limited: true, node }];
  const serialized = serializedReason(node, ctx, depth, evaluate);
  if (serialized) return [serialized];
  const unbounded = unboundedSource(node, ctx);
  if (unbounded) return [{ kind: 'partial-string', minBytes: 0, limited: false, unbounded, node }];
  return fromType(node, ctx);
}

function enumValue(decl: ts.EnumMember, node: ts.Node, ctx: AnalysisContext): PossibleValue[] {
  const value = ctx.checker.getConstantValue(decl);
  if (typeof value === 'number') return [{ kind: 'number', value, node }];
  if (typeof value === 'string') return [{ kind: 'string', value, node }];
  return fromType(node as ts.Expression, ctx);
}

/** The checker's view: literal types become values, primitive types become unknowns. */
function fromType(node: ts.Expression, ctx: AnalysisContext): PossibleValue[] {
  const type = ctx.checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  const values: PossibleValue[] = [];
  for (const part of parts) {
    if (part.isNumberLiteral()) values.push({ kind: 'number', value: part.value, node });
    else if (part.isStringLiteral()) values.push({ kind: 'string', value: part.value, node });
    else if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) values.push({ kind: 'undefined', node });
    else if (part.flags & ts.TypeFlags.Null) values.push({ kind: 'unknown', type: 'other', node });
    else if (part.flags & ts.TypeFlags.NumberLike) values.push({ kind: 'unknown', type: 'number', node });
    else if (part.flags & ts.TypeFlags.StringLike) values.push({ kind: 'unknown', type: 'string', node });
    else values.push({ kind: 'unknown', type: 'other', node });
  }
  return cap(dedupeUnknowns(values));
}

function concat(left: PossibleValue, right: PossibleValue, node: ts.Node): PossibleValue {
  if (isExact(left) && isExact(right)) return { kind: 'string', value: textOf(left) + textOf(right), node };
  const unbounded = firstUnbounded(left) ?? firstUnbounded(right);
  const limited = unbounded === undefined && (isLimited(left) || isLimited(right));
  const knownText = (knownTextOf(left) + knownTextOf(right)).replace(/ {2,}/g, ' ');
  return { kind: 'partial-string', minBytes: minBytes(left) + minBytes(right), limited, node, ...(unbounded ? { unbounded } : {}), ...(knownText.trim() ? { knownText } : {}) };
}

/** The text a value writes in the code; an unknown part is a word boundary. */
function knownTextOf(v: PossibleValue): string {
  if (isExact(v)) return textOf(v);
  return v.kind === 'partial-string' ? (v.knownText ?? ' ') : ' ';
}

function isExact(v: PossibleValue): v is Extract<PossibleValue, { kind: 'string' | 'number' | 'undefined' }> {
  return v.kind === 'string' || v.kind === 'number' || v.kind === 'undefined';
}

function textOf(v: Extract<PossibleValue, { kind: 'string' | 'number' | 'undefined' }>): string {
  return v.kind === 'undefined' ? 'undefined' : String(v.value);
}

function minBytes(v: PossibleValue): number {
  if (isExact(v)) return utf8ByteLength(textOf(v));
  return v.kind === 'partial-string' ? v.minBytes : 0;
}

function firstUnbounded(v: PossibleValue) {
  return v.kind === 'partial-string' && !v.limited ? v.unbounded : undefined;
}

function isLimited(v: PossibleValue): boolean {
  return v.kind === 'partial-string' && v.limited;
}

function isFalsy(v: PossibleValue): boolean {
  return v.kind === 'undefined' || (v.kind === 'number' && (v.value === 0 || Number.isNaN(v.value))) || (v.kind === 'string' && v.value === '');
}

function withNode(value: PossibleValue, node: ts.Node): PossibleValue {
  // Values resolved through a declaration are reported on the argument, not on the far-away literal;
  // a value with an origin keeps where it was read, where its guards are.
  if (value.kind === 'unknown' && value.origin && value.node) return { ...value, node, source: value.source ?? value.node };
  return { ...value, node };
}

function isConstDeclaration(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0 && !ts.isForOfStatement(list.parent) && !ts.isForInStatement(list.parent);
}

function isReadonlyLiteralObject(object: ts.Node): boolean {
  // `{ … } as const` (possibly nested in another literal), or the literal a `const` binding holds.
  for (let current: ts.Node | undefined = object; current; current = current.parent) {
    const parent: ts.Node | undefined = current.parent;
    if (parent && ts.isAsExpression(parent) && ts.isTypeReferenceNode(parent.type) && parent.type.typeName.getText() === 'const') return true;
    // Plain `const CODES = { POLICY: 1008 }` maps are common in JavaScript; writes to them are rare.
    if (parent && ts.isVariableDeclaration(parent) && isConstDeclaration(parent)) return true;
    // `Object.freeze({ NORMAL: 1000 })`, and CommonJS `module.exports = { CLOSE: 1006 }`.
    if (parent && ts.isCallExpression(parent) && parent.arguments[0] === current && /^Object\.freeze$/.test(parent.expression.getText())) return true;
    if (parent && ts.isBinaryExpression(parent) && parent.right === current && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && /^(module\.)?exports$/.test(parent.left.getText())) return true;
    // `export default { NORMAL: 1000 }`: a module's constants, read as `CloseCodes.NORMAL`.
    if (parent && ts.isExportAssignment(parent) && parent.expression === current) return true;
    if (!parent || !(ts.isObjectLiteralExpression(parent) || ts.isPropertyAssignment(parent) || ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent))) break;
  }
  return false;
}

function dedupeUnknowns(values: PossibleValue[]): PossibleValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.kind === 'unknown' ? `u:${v.type}` : v.kind === 'undefined' ? 'undef' : '';
    if (!key) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function cap(values: PossibleValue[]): PossibleValue[] {
  return values.length > MAX_VALUES ? values.slice(0, MAX_VALUES) : values;
}

/**
 * Is the variable known to be falsy where it is read? The read sits in the then-branch of an `if`
 * or `?:` whose condition requires `!x`, `x == null`, `x === undefined` or `x === ''` (alone or
 * as one operand of `&&`), up to the enclosing function.
 */
function isFalsyHere(node: ts.Identifier, symbol: ts.Symbol, ctx: AnalysisContext): boolean {
  let child: ts.Node = node;
  for (let current = node.parent; current && !isFunctionLike(current) && !ts.isSourceFile(current); child = current, current = current.parent) {
    const condition = ts.isIfStatement(current) && current.thenStatement === child ? current.expression : ts.isConditionalExpression(current) && current.whenTrue === child ? current.condition : undefined;
    if (condition && requiresFalsy(condition, symbol, ctx)) return true;
  }
  return false;
}

function requiresFalsy(condition: ts.Expression, symbol: ts.Symbol, ctx: AnalysisContext): boolean {
  const node = skipOuterExpressions(condition);
  const isVariable = (e: ts.Expression) => {
    const x = skipOuterExpressions(e);
    return ts.isIdentifier(x) && ctx.checker.getSymbolAtLocation(x) === symbol;
  };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return isVariable(node.operand);
  if (!ts.isBinaryExpression(node)) return false;
  const op = node.operatorToken.kind;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken) return requiresFalsy(node.left, symbol, ctx) || requiresFalsy(node.right, symbol, ctx);
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const empty = (e: ts.Expression) => {
    const x = skipOuterExpressions(e);
    return x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === 'undefined') || (ts.isStringLiteral(x) && x.text === '');
  };
  return (isVariable(node.left) && empty(node.right)) || (isVariable(node.right) && empty(node.left));
}
