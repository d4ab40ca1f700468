// React components reconnect through state: the close handler calls a state setter
// (`setAttempt((n) => n + 1)`), and an effect that lists that state among its dependencies runs
// again and opens a new socket (`useEffect(() => { const ws = new WebSocket(url); … }, [attempt])`).
// So a setter call "runs" the effects that depend on its state, directly or through a
// `useCallback`/`useMemo` value that depends on it. Found by syntax, inside the component (the
// function that declares the state), by the hooks' names as React exports them.
import * as ts from 'typescript';
import { enclosingFunction, isFunctionLike, skipOuterExpressions } from './syntax';
import { calleeName } from './timers';

const STATE_HOOKS = new Set(['useState']);
const EFFECT_HOOKS = new Set(['useEffect', 'useLayoutEffect']);
const MEMO_HOOKS = new Set(['useCallback', 'useMemo']);

/** The effect callbacks (as written: a function or its name) that run again when `call`, a state setter, changes their state. */
export function effectsRerunBy(call: ts.CallExpression, checker: ts.TypeChecker): ts.Expression[] {
  const setter = skipOuterExpressions(call.expression);
  if (!ts.isIdentifier(setter)) return [];
  const state = stateOfSetter(checker.getSymbolAtLocation(setter));
  if (!state) return [];
  const stateSymbol = checker.getSymbolAtLocation(state.name);
  const component = enclosingFunction(state.declaration);
  if (!stateSymbol || !isFunctionLike(component) || !component.body) return [];
  const dependsOnState = (deps: ts.Expression | undefined, memoHops: number): boolean =>
    !!deps && ts.isArrayLiteralExpression(deps) && deps.elements.some((element) => {
      const symbol = ts.isIdentifier(element) ? checker.getSymbolAtLocation(element) : undefined;
      if (!symbol) return false;
      if (symbol === stateSymbol) return true;
      // `const connect = useCallback(() => …, [attempt])` listed by an effect.
      const memo = memoHops > 0 ? memoCallOf(symbol) : undefined;
      return !!memo && dependsOnState(memo.arguments[1], memoHops - 1);
    });
  const effects: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && EFFECT_HOOKS.has(calleeName(node)) && node.arguments[0] && dependsOnState(node.arguments[1], 1)) effects.push(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(component.body);
  return effects;
}

/** `const [attempt, setAttempt] = useState(0)`: for the symbol of `setAttempt`, the state's name. */
function stateOfSetter(symbol: ts.Symbol | undefined): { name: ts.Identifier; declaration: ts.VariableDeclaration } | undefined {
  const binding = symbol?.declarations?.find(ts.isBindingElement);
  const pattern = binding?.parent;
  if (!binding || !pattern || !ts.isArrayBindingPattern(pattern) || pattern.elements[1] !== binding) return undefined;
  const declaration = pattern.parent;
  const first = pattern.elements[0];
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer || !first || !ts.isBindingElement(first) || !ts.isIdentifier(first.name)) return undefined;
  const init = skipOuterExpressions(declaration.initializer);
  return ts.isCallExpression(init) && STATE_HOOKS.has(calleeName(init)) ? { name: first.name, declaration } : undefined;
}

function memoCallOf(symbol: ts.Symbol): ts.CallExpression | undefined {
  const declaration = symbol.declarations?.find(ts.isVariableDeclaration);
  const init = declaration?.initializer && skipOuterExpressions(declaration.initializer);
  return init && ts.isCallExpression(init) && MEMO_HOOKS.has(calleeName(init)) ? init : undefined;
}

/** `useCallback(() => …, deps)`: the function it memoizes, which is what calling the variable runs. */
export function memoizedCallback(initializer: ts.Expression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  if (!ts.isCallExpression(initializer) || calleeName(initializer) !== 'useCallback' || !initializer.arguments[0]) return undefined;
  const fn = skipOuterExpressions(initializer.arguments[0]);
  return ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn : undefined;
}
