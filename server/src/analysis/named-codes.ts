// Named constants the project already has for a close code (`POLICY`, `Close.Policy`,
// `CODES.policy`): the refactor that replaces a literal with its name and the guard a rule
// suggests both write the project's own names instead of bare numbers.
import * as ts from 'typescript';
import { enclosingFunction } from './syntax';

export interface NamedCode {
  /** The expression to write instead of the literal: `POLICY`, `Close.Policy`, `CODES.policy`. */
  readonly text: string;
  /** An edit that adds the name to an existing named import, when the name is not in scope yet. */
  readonly importEdit?: { readonly start: number; readonly end: number; readonly text: string };
}

/**
 * Named constants of the project whose value is `value`: consts, enum members and `as const`
 * object properties in scope at the literal (local or imported), then exports of the relative
 * modules the file already imports with `{ … }` (offered with an edit that adds the import).
 * Declarations from node_modules and declaration files are not offered.
 */
export function namedCodesFor(program: ts.Program, sourceFile: ts.SourceFile, literal: ts.Node, value: number): NamedCode[] {
  const checker = program.getTypeChecker();
  const found = new Map<string, NamedCode>();
  const inScope = checker.getSymbolsInScope(literal, ts.SymbolFlags.Value | ts.SymbolFlags.Alias);
  const scopeNames = new Set(inScope.map((s) => s.name));
  for (const local of inScope) {
    const target = local.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(local) : local;
    if (!isProjectSymbol(target, program) || declaredAfter(target, literal)) continue;
    for (const text of namesFor(target, local.name, value, checker, literal, 0)) if (!found.has(text)) found.set(text, { text });
  }
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.moduleSpecifier.text.startsWith('.')) continue;
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    if (!clause || clause.isTypeOnly || !bindings || !ts.isNamedImports(bindings) || bindings.elements.length === 0) continue;
    const moduleSymbol = checker.getSymbolAtLocation(statement.moduleSpecifier);
    if (!moduleSymbol) continue;
    const last = bindings.elements[bindings.elements.length - 1]!;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      if (scopeNames.has(exported.name) || exported.name === 'default') continue;
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!isProjectSymbol(target, program)) continue;
      for (const text of namesFor(target, exported.name, value, checker, literal, 0)) {
        if (!found.has(text)) found.set(text, { text, importEdit: { start: last.getEnd(), end: last.getEnd(), text: `, ${exported.name}` } });
      }
    }
  }
  return [...found.values()];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function namesFor(symbol: ts.Symbol, name: string, value: number, checker: ts.TypeChecker, at: ts.Node, depth: number): string[] {
  if (depth > 2) return [];
  const names: string[] = [];
  if (symbol.flags & ts.SymbolFlags.Enum) {
    for (const declaration of symbol.declarations ?? []) {
      if (!ts.isEnumDeclaration(declaration)) continue;
      for (const member of declaration.members) {
        if (ts.isIdentifier(member.name) && checker.getConstantValue(member) === value) names.push(`${name}.${member.name.text}`);
      }
    }
    return names;
  }
  if (symbol.flags & ts.SymbolFlags.ValueModule) {
    for (const exported of checker.getExportsOfModule(symbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (IDENTIFIER.test(exported.name)) names.push(...namesFor(target, `${name}.${exported.name}`, value, checker, at, depth + 1));
    }
    return names;
  }
  const declaration = symbol.valueDeclaration;
  const isConstVariable = symbol.flags & ts.SymbolFlags.Variable && declaration && ts.isVariableDeclaration(declaration) && isConst(declaration);
  const isObjectProperty = symbol.flags & ts.SymbolFlags.Property && depth > 0;
  if (!isConstVariable && !isObjectProperty) return names;
  if (declaration && declaration.getSourceFile() === at.getSourceFile() && declaration.getStart() <= at.getStart() && at.getEnd() <= declaration.getEnd()) return names;
  const type = checker.getTypeOfSymbolAtLocation(symbol, at);
  if (type.isNumberLiteral()) {
    if (type.value === value) names.push(name);
    return names;
  }
  if (type.flags & ts.TypeFlags.Object) {
    for (const property of type.getProperties()) {
      if (IDENTIFIER.test(property.name)) names.push(...namesFor(property, `${name}.${property.name}`, value, checker, at, depth + 1));
    }
  }
  return names;
}

function isProjectSymbol(symbol: ts.Symbol, program: ts.Program): boolean {
  const declarations = symbol.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((d) => {
      const file = d.getSourceFile();
      return !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && !/[\\/]node_modules[\\/]/.test(file.fileName);
    })
  );
}

/** A declaration later in the same function as the literal would still be in its temporal dead zone. */
function declaredAfter(symbol: ts.Symbol, literal: ts.Node): boolean {
  const declaration = symbol.valueDeclaration;
  if (!declaration || declaration.getSourceFile() !== literal.getSourceFile()) return false;
  return declaration.getStart() > literal.getStart() && enclosingFunction(declaration) === enclosingFunction(literal);
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}
