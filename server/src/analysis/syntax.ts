// Small AST helpers shared by the analysis modules.
import * as ts from 'typescript';

/** Strips parentheses, type assertions, `satisfies` and non-null assertions. */
export function skipOuterExpressions(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else return current;
  }
}

/** The name of a property access or of a string-literal element access (`ws['close']`). */
export function accessedName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    return node.argumentExpression.text;
  }
  return undefined;
}

/** `f.bind(this, …)`: the function expression it binds (`f`); undefined for any other expression. */
export function boundFunction(expression: ts.Expression): ts.Expression | undefined {
  const node = skipOuterExpressions(expression);
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'bind' ? skipOuterExpressions(node.expression.expression) : undefined;
}

export function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** Array and collection methods that call their first argument once per element. */
export const ITERATION_METHODS = /^(forEach|map|filter|some|every|find|findLast|flatMap|reduce)$/;

/** `sockets.forEach((ws) => …)`: a function the collection calls in place, once per element. */
export function isIterationCallback(fn: ts.Node): boolean {
  const parent = fn.parent;
  return !!parent && ts.isCallExpression(parent) && parent.arguments[0] === fn && ts.isPropertyAccessExpression(parent.expression) && ITERATION_METHODS.test(parent.expression.name.text);
}

/**
 * The completion callback of a send (`ws.send(message, () => ws.close(1000))`, `send(data, opts, cb)`):
 * it runs as the rest of the code that sent, so that code's branch and failure path are its own.
 */
export function isSendCompletion(fn: ts.Node): boolean {
  const parent = fn.parent;
  return isFunctionLike(fn) && !!parent && ts.isCallExpression(parent) && parent.arguments.length >= 2 && parent.arguments[parent.arguments.length - 1] === fn && isSendCall(parent);
}

/** `x.send(…)`: a method call named send. */
export function isSendCall(call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'send';
}

/** Written with `declare` (itself or in a `declare global` / `declare module` block) or in a `.d.ts`: a typing, not an implementation. */
export function isAmbientDeclaration(node: ts.Node): boolean {
  if (node.getSourceFile().isDeclarationFile) return true;
  for (let current: ts.Node | undefined = node; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.canHaveModifiers(current) && ts.getModifiers(current)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

/** The nearest enclosing function (or the source file for top-level code). */
export function enclosingFunction(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current;
}

/** What a class `extends` (`class Outgoing extends Channel` → `Channel`), if anything. */
export function baseClassExpression(cls: ts.ClassLikeDeclaration): ts.Expression | undefined {
  return cls.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
}

/** Is `inner` within `outer` (inclusive)? Both must come from the same file. */
export function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.getStart() >= outer.getStart() && inner.getEnd() <= outer.getEnd() && inner.getSourceFile() === outer.getSourceFile();
}

const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const UNLISTEN_METHODS = new Set(['off', 'removeListener', 'removeEventListener']);
/** EventEmitter methods that return the emitter (`addEventListener` returns nothing). */
const CHAINABLE_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'off', 'removeListener']);

/**
 * `x.on('close', handler)`, `x.removeEventListener('close', handler)`: an argument handed over as
 * a listener (or taken back) runs when the event fires, not because of this call.
 */
export function isListenerArgument(argument: ts.Expression): boolean {
  const call = argument.parent;
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.arguments[1] !== argument) return false;
  const method = call.expression.name.text;
  const event = call.arguments[0];
  return (LISTEN_METHODS.has(method) || UNLISTEN_METHODS.has(method)) && !!event && ts.isStringLiteralLike(event);
}

/**
 * `ws.on('open', a).on('close', b)`: an emitter's `on`/`once`/`addListener` return the emitter
 * itself, so a registration chained on another is made on the first one's emitter.
 */
export function chainedEmitter(expression: ts.Expression): ts.Expression {
  let emitter = expression;
  for (;;) {
    const inner = skipOuterExpressions(emitter);
    if (!ts.isCallExpression(inner) || !ts.isPropertyAccessExpression(inner.expression) || !CHAINABLE_METHODS.has(inner.expression.name.text)) return emitter;
    const event = inner.arguments[0];
    if (!event || !ts.isStringLiteralLike(event)) return emitter;
    emitter = inner.expression.expression;
  }
}

/**
 * If `fn` is a listener registered for an event — `x.on('close', fn)`, `x.addEventListener('close', fn)`
 * or `x.onclose = fn` — the event name and the emitter expression.
 */
export function listenerRegistration(fn: ts.Node): { event: string; emitter: ts.Expression } | undefined {
  const parent = fn.parent;
  if (!parent) return undefined;
  if (ts.isCallExpression(parent) && parent.arguments[1] === fn && ts.isPropertyAccessExpression(parent.expression)) {
    const method = parent.expression.name.text;
    const first = parent.arguments[0];
    if (LISTEN_METHODS.has(method) && first && ts.isStringLiteralLike(first)) {
      return { event: first.text, emitter: chainedEmitter(parent.expression.expression) };
    }
  }
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === fn &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(parent.left) &&
    parent.left.name.text.startsWith('on')
  ) {
    return { event: parent.left.name.text.slice(2), emitter: parent.left.expression };
  }
  // Object-literal handler maps: { close(code, reason) {…} } / { onClose: (evt) => … } (Bun, uWS, Hono).
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(fn)) && ts.isObjectLiteralExpression(ts.isMethodDeclaration(fn) ? fn.parent : parent.parent)) {
    const nameNode = ts.isMethodDeclaration(fn) ? fn.name : (parent as ts.PropertyAssignment).name;
    if (ts.isIdentifier(nameNode)) {
      const name = nameNode.text.replace(/^on(?=[A-Z])/, '').toLowerCase();
      const literal = (ts.isMethodDeclaration(fn) ? fn.parent : parent.parent) as ts.ObjectLiteralExpression;
      return { event: name, emitter: literal };
    }
  }
  return undefined;
}

/** Plain text of an expression's identifiers split into lower-case words (for keyword matching). */
export function identifierText(node: ts.Node): string {
  const words: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) words.push(n.text);
    else if (ts.isStringLiteralLike(n)) words.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return words.join(' ');
}

/**
 * The node that names a function: its own name, or the variable, property or assignment target
 * that holds it (`const f = () => …`, `{ f: () => … }`, `X.prototype.f = function () {…}`).
 */
export function functionNameNode(fn: ts.Node): ts.Identifier | ts.PrivateIdentifier | ts.StringLiteral | undefined {
  const named = (node: ts.Node | undefined) => (node && (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteral(node)) ? node : undefined);
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) return named(fn.name);
  const parent = fn.parent;
  if (!parent) return undefined;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === fn) return named(parent.name);
  if (ts.isBinaryExpression(parent) && parent.right === fn && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skipOuterExpressions(parent.left);
    if (ts.isPropertyAccessExpression(left)) return named(left.name);
    if (ts.isElementAccessExpression(left)) return named(left.argumentExpression);
    return named(left);
  }
  return undefined;
}

/** `===`, `!==`, `==`, `!=`, `<`, `<=`, `>`, `>=`. */
export const COMPARISON_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
]);

/** The expressions whose value an expression can take: the alternatives of `?:`, `??` and `||`, the right side of `,`. */
export function valueAlternatives(expression: ts.Expression): ts.Expression[] {
  const node = skipOuterExpressions(expression);
  if (ts.isConditionalExpression(node)) return [...valueAlternatives(node.whenTrue), ...valueAlternatives(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return [...valueAlternatives(node.left), ...valueAlternatives(node.right)];
    if (op === ts.SyntaxKind.CommaToken) return valueAlternatives(node.right);
  }
  return [node];
}

/** A declared `this` parameter (`function onLobby(this: FastifyInstance, socket)`): typed, never passed by callers. */
function hasThisParameter(fn: ts.SignatureDeclaration): boolean {
  const first = fn.parameters[0];
  return !!first && ts.isIdentifier(first.name) && first.name.escapedText === 'this';
}

/** The argument position callers pass `param` at: its index, less a leading `this` parameter. */
export function parameterPosition(fn: ts.SignatureDeclaration, param: ts.ParameterDeclaration): number {
  const index = fn.parameters.indexOf(param);
  return index > 0 && hasThisParameter(fn) ? index - 1 : index;
}

/** The parameter that receives the argument at `position` (parameterPosition's inverse). */
export function parameterAt(fn: ts.SignatureDeclaration, position: number): ts.ParameterDeclaration | undefined {
  return fn.parameters[hasThisParameter(fn) ? position + 1 : position];
}

/**
 * `const { code = 1000, reason } = options;` among the top statements of a function's body, where
 * `options` is one of its parameters (named as written): each pattern with the parameter it takes
 * apart, and whether it is a `const` (a `let` may be reassigned).
 */
export function parameterDestructurings(fn: ts.SignatureDeclaration & { body?: ts.Node }): { readonly parameter: ts.ParameterDeclaration; readonly pattern: ts.ObjectBindingPattern; readonly isConst: boolean }[] {
  if (!fn.body || !ts.isBlock(fn.body)) return [];
  const byName = new Map(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [[p.name.text, p] as const] : [])));
  return fn.body.statements.flatMap((statement) => {
    if (!ts.isVariableStatement(statement)) return [];
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    return statement.declarationList.declarations.flatMap((d) => {
      const init = d.initializer && skipOuterExpressions(d.initializer);
      const parameter = init && ts.isIdentifier(init) ? byName.get(init.text) : undefined;
      return parameter && ts.isObjectBindingPattern(d.name) ? [{ parameter, pattern: d.name, isConst }] : [];
    });
  });
}
