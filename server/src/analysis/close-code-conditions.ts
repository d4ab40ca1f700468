// What a condition in a close handler says when the connection was closed with a given code:
// `code !== 1000`, `event.code === POLICY`, `RETRYABLE.has(code)`, `code >= 4000 && code < 4100`,
// `!event.wasClean`, a `switch (code)` case. Read exactly where the values are known; a condition
// that reads the close event in a way we cannot evaluate (`shouldRetry(code)`, `event.reason`)
// counts as the project deciding by the code — we never claim it lets a code through.
import * as ts from 'typescript';
import type { CloseHandler } from './close-handlers';
import type { AnalysisContext } from './context';
import { evaluateArgument } from './evaluate-argument';
import { skipOuterExpressions } from './syntax';
import { isReceivedCloseCode } from './value-origins';

/**
 * `true`/`false`: the condition's value for that close. `decided`: it depends on the close in a
 * way we cannot read. `independent`: it does not read the close at all (a flag, a counter).
 */
export type ConditionValue = boolean | 'decided' | 'independent';

/** Properties every event has: which socket it came from and when, not how the connection closed. */
const EVENT_IDENTITY: ReadonlySet<string> = new Set(['target', 'currentTarget', 'srcElement', 'type', 'timeStamp', 'isTrusted']);

/** What a parameter of a function that handles a close holds: the event, the code, or another part (the reason). */
export type CloseParameterRole = 'event' | 'code' | 'part';

/** A function's view of the close it handles: which names hold the code, and which hold the event or its parts. */
export interface ReceivedClose {
  /** Is this expression the received code (`code`, `event.code`, a const copied from either)? */
  isCode(expression: ts.Expression): boolean;
  /** Does this expression read the close at all (the event, the code, the reason)? */
  readsClose(expression: ts.Node): boolean;
  /** `event.wasClean` of the handler's event. */
  isWasClean(expression: ts.Expression): boolean;
  /** What an argument passed on to another function holds, if it holds part of the close. */
  roleOf(argument: ts.Expression): CloseParameterRole | undefined;
  /** An expression for the code, as the function already writes it or as it would (`event.code`). */
  readonly codeText: string | undefined;
}

/** A close handler's parameters: the event (or ws's code) first, then other parts. */
export function handlerParameterRoles(handler: CloseHandler): Map<ts.ParameterDeclaration, CloseParameterRole> {
  if (handler.style === 'nothing') return new Map(); // its wrapper calls it without the close
  const first = handler.boundArguments;
  const roles = handler.fn.parameters.slice(first).map((p, i): [ts.ParameterDeclaration, CloseParameterRole] => [p, i > 0 ? 'part' : handler.style === 'code-first' ? 'code' : 'event']);
  return new Map(roles);
}

export function receivedClose(fn: CloseHandler['fn'], roles: ReadonlyMap<ts.ParameterDeclaration, CloseParameterRole>, ctx: AnalysisContext): ReceivedClose {
  const { checker } = ctx;
  const codeSymbols = new Set<ts.Symbol>();
  const eventSymbols = new Set<ts.Symbol>();
  const closeSymbols = new Set<ts.Symbol>();
  const symbolOf = (node: ts.Node) => checker.getSymbolAtLocation(node);
  let fallbackText: string | undefined;
  for (const [parameter, role] of roles) {
    addBindings(parameter.name, closeSymbols, checker);
    if (ts.isIdentifier(parameter.name)) {
      const symbol = symbolOf(parameter.name);
      if (symbol && role !== 'part') (role === 'code' ? codeSymbols : eventSymbols).add(symbol);
      if (role !== 'part') fallbackText ??= role === 'code' ? parameter.name.text : `${parameter.name.text}.code`;
    } else if (ts.isObjectBindingPattern(parameter.name) && role === 'event') {
      for (const element of parameter.name.elements) {
        const property = element.propertyName ?? element.name;
        if (ts.isIdentifier(property) && property.text === 'code' && ts.isIdentifier(element.name)) {
          const symbol = symbolOf(element.name);
          if (symbol) codeSymbols.add(symbol);
        }
      }
    }
  }
  let codeText: string | undefined;
  const isCode = (expression: ts.Expression): boolean => {
    const node = skipOuterExpressions(expression);
    if (ts.isIdentifier(node)) {
      const symbol = symbolOf(node);
      if (symbol && codeSymbols.has(symbol)) return true;
    }
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'code' && ts.isIdentifier(skipOuterExpressions(node.expression))) {
      const symbol = symbolOf(skipOuterExpressions(node.expression));
      if (symbol && eventSymbols.has(symbol)) return true;
    }
    return isReceivedCloseCode(node, ctx);
  };
  const isEvent = (expression: ts.Expression): boolean => {
    const node = skipOuterExpressions(expression);
    return ts.isIdentifier(node) && eventSymbols.has(symbolOf(node)!);
  };
  // `const code = event.code`, `const { code } = event`: copies of the code inside the function.
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const init = skipOuterExpressions(node.initializer);
      if (ts.isIdentifier(node.name) && isCode(init)) addBindings(node.name, codeSymbols, checker);
      if (ts.isObjectBindingPattern(node.name) && isEvent(init)) {
        for (const element of node.name.elements) {
          const property = element.propertyName ?? element.name;
          if (ts.isIdentifier(property) && property.text === 'code') addBindings(element.name, codeSymbols, checker);
        }
      }
    }
    if (codeText === undefined && (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) && !ts.isVariableDeclaration(node.parent) && isCode(node)) codeText = node.getText();
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  for (const symbol of [...codeSymbols, ...eventSymbols]) closeSymbols.add(symbol);
  const readsClose = (root: ts.Node): boolean => {
    let found = false;
    const search = (node: ts.Node): void => {
      if (found) return;
      // `event.target === currentWs`: which socket the event is from, not how it closed.
      if (ts.isPropertyAccessExpression(node) && EVENT_IDENTITY.has(node.name.text) && isEvent(node.expression)) return;
      if (ts.isIdentifier(node) && closeSymbols.has(symbolOf(node)!)) found = true;
      else if (ts.isExpression(node) && isCode(node)) found = true;
      else ts.forEachChild(node, search);
    };
    search(root);
    return found;
  };
  const isWasClean = (expression: ts.Expression): boolean => {
    const node = skipOuterExpressions(expression);
    return ts.isPropertyAccessExpression(node) && node.name.text === 'wasClean' && isEvent(node.expression);
  };
  const roleOf = (argument: ts.Expression): CloseParameterRole | undefined =>
    isCode(argument) ? 'code' : isEvent(argument) ? 'event' : readsClose(argument) ? 'part' : undefined;
  return { isCode, readsClose, isWasClean, roleOf, codeText: codeText ?? fallbackText };
}

function addBindings(name: ts.BindingName, into: Set<ts.Symbol>, checker: ts.TypeChecker): void {
  if (ts.isIdentifier(name)) {
    const symbol = checker.getSymbolAtLocation(name);
    if (symbol) into.add(symbol);
    return;
  }
  for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBindings(element.name, into, checker);
}

/** The value of `condition` when the connection was closed cleanly with `code`. */
export function conditionValue(condition: ts.Expression, code: number, close: ReceivedClose, ctx: AnalysisContext): ConditionValue {
  const node = skipOuterExpressions(condition);
  if (close.isCode(node)) return code !== 0;
  // `const terminal = event.code === 1008 || …; if (!terminal) …`: the condition the name stands for.
  const named = namedCondition(node, ctx);
  if (named) return conditionValue(named, code, close, ctx);
  // A close with a code from the peer is a clean close.
  if (close.isWasClean(node)) return true;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return not(conditionValue(node.operand, code, close, ctx));
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
      return combine(conditionValue(node.left, code, close, ctx), conditionValue(node.right, code, close, ctx), op === ts.SyntaxKind.AmpersandAmpersandToken);
    }
    const compared = comparison(node, code, close, ctx);
    if (compared !== undefined) return compared;
    if (op === ts.SyntaxKind.InKeyword && close.isCode(node.left)) return membership(node.right, code, ctx) ?? 'decided';
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length === 1 && close.isCode(node.arguments[0]!)) {
    const method = node.expression.name.text;
    if (method === 'has' || method === 'includes') return membership(node.expression.expression, code, ctx) ?? 'decided';
  }
  return close.readsClose(node) ? 'decided' : 'independent';
}

/** The initializer of a `const` the condition names, written before it in the same function. */
function namedCondition(node: ts.Expression, ctx: AnalysisContext): ts.Expression | undefined {
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = ctx.checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || declaration.initializer.end > node.pos) return undefined;
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const ? declaration.initializer : undefined;
}

function not(value: ConditionValue): ConditionValue {
  return typeof value === 'boolean' ? !value : value;
}

function combine(left: ConditionValue, right: ConditionValue, and: boolean): ConditionValue {
  if (left === !and || right === !and) return !and;
  if (left === and && right === and) return and;
  return left === 'decided' || right === 'decided' ? 'decided' : left === and ? right : right === and ? left : 'independent';
}

const COMPARE: Partial<Record<ts.SyntaxKind, (a: number, b: number) => boolean>> = {
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: (a, b) => a === b,
  [ts.SyntaxKind.EqualsEqualsToken]: (a, b) => a === b,
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: (a, b) => a !== b,
  [ts.SyntaxKind.ExclamationEqualsToken]: (a, b) => a !== b,
  [ts.SyntaxKind.LessThanToken]: (a, b) => a < b,
  [ts.SyntaxKind.LessThanEqualsToken]: (a, b) => a <= b,
  [ts.SyntaxKind.GreaterThanToken]: (a, b) => a > b,
  [ts.SyntaxKind.GreaterThanEqualsToken]: (a, b) => a >= b,
};

/** `code === 1008`, `4000 <= code`, `event.code !== Close.Normal`. */
function comparison(node: ts.BinaryExpression, code: number, close: ReceivedClose, ctx: AnalysisContext): ConditionValue | undefined {
  const compare = COMPARE[node.operatorToken.kind];
  if (!compare) return undefined;
  const codeOnLeft = close.isCode(node.left);
  if (!codeOnLeft && !close.isCode(node.right)) return undefined;
  const other = knownNumber(codeOnLeft ? node.right : node.left, ctx);
  if (other === undefined) return 'decided';
  return codeOnLeft ? compare(code, other) : compare(other, code);
}

/** The one number an expression evaluates to (a literal, a const, an enum member, an `as const` property). */
export function knownNumber(expression: ts.Expression, ctx: AnalysisContext): number | undefined {
  const values = evaluateArgument(expression, ctx).values;
  return values.length === 1 && values[0]!.kind === 'number' ? values[0]!.value : undefined;
}

/**
 * Is `code` in a collection written in the project: an array or `new Set([…])` literal (in place
 * or a const), or an object literal's numeric keys. `undefined` when the members are not all known.
 */
function membership(collection: ts.Expression, code: number, ctx: AnalysisContext): boolean | undefined {
  const members = membersOf(collection, ctx);
  return members && members.includes(code);
}

/** The numbers of a collection written in the project (see `membership`), or `undefined` when not all are known. */
export function membersOf(collection: ts.Expression, ctx: AnalysisContext): number[] | undefined {
  return collectionMembers(collection, ctx, 0);
}

function collectionMembers(expression: ts.Expression, ctx: AnalysisContext, depth: number): number[] | undefined {
  const node = skipOuterExpressions(expression);
  if (depth > 3) return undefined;
  if (ts.isIdentifier(node)) {
    let symbol = ctx.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    const constant = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const;
    return constant ? collectionMembers(declaration.initializer!, ctx, depth + 1) : undefined;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Set') {
    const [items] = node.arguments ?? [];
    return items ? collectionMembers(items, ctx, depth + 1) : [];
  }
  if (ts.isArrayLiteralExpression(node)) return allKnown(node.elements.map((element) => (ts.isSpreadElement(element) ? undefined : knownNumber(element, ctx))));
  if (ts.isObjectLiteralExpression(node)) {
    return allKnown(node.properties.map((p) => (ts.isPropertyAssignment(p) && (ts.isNumericLiteral(p.name) || ts.isComputedPropertyName(p.name)) ? knownNumber(ts.isComputedPropertyName(p.name) ? p.name.expression : p.name, ctx) : undefined)));
  }
  return undefined;
}

function allKnown(values: ReadonlyArray<number | undefined>): number[] | undefined {
  return values.every((v) => v !== undefined) ? (values as number[]) : undefined;
}
