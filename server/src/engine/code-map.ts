// The map of a project's close codes: where each code is sent (a close-like call's code argument,
// as the inlay hints see it) and where it is handled (compared with a received close code, a
// `case` of a `switch` on one, a member of a set or map a received code is looked up in). The
// `wsclose codes` command prints it; the two lists users act on are the codes sent but handled
// nowhere, and the codes handled but never sent by the project (the peer may be outside it).
import * as ts from 'typescript';
import { knownNumber, membersOf } from '../analysis/close-code-conditions';
import { createAnalysisContext, type AnalysisContext } from '../analysis/context';
import { skipOuterExpressions } from '../analysis/syntax';
import { isReceivedCloseCode } from '../analysis/value-origins';
import type { RuntimeId } from '../registry/types';
import { sentCodes, type QueryOptions } from './code-docs-query';

/** A place in a file: absolute path, 1-based line and column (UTF-16), as the CLI prints them. */
export interface CodePlace {
  readonly fileName: string;
  readonly line: number;
  readonly column: number;
}

export interface FileCodeUses {
  readonly sent: ReadonlyArray<CodePlace & { readonly code: number; readonly runtime: RuntimeId }>;
  readonly handled: ReadonlyArray<CodePlace & { readonly code: number }>;
}

export interface CodeMapEntry {
  readonly code: number;
  readonly sent: ReadonlyArray<CodePlace & { readonly runtime: RuntimeId }>;
  readonly handled: readonly CodePlace[];
}

export function codeUsesInFile(program: ts.Program, sourceFile: ts.SourceFile, options: QueryOptions = {}): FileCodeUses {
  const sent = sentCodes(program, sourceFile, options).flatMap((use) =>
    use.runtimes.length > 0 ? [{ ...placeOf(use.node, sourceFile), code: use.value, runtime: use.runtimes[0]! }] : [],
  );
  return { sent, handled: handledCodes(createAnalysisContext(program, sourceFile)) };
}

function placeOf(node: ts.Node, sourceFile: ts.SourceFile): CodePlace {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { fileName: sourceFile.fileName, line: line + 1, column: character + 1 };
}

/**
 * Where the project sends `code`: its own files in the program (not declaration files or
 * packages), in file order. The close-like calls of each file are found once per program.
 */
export function sentPlaces(program: ts.Program, code: number, options: QueryOptions = {}): CodePlace[] {
  return program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && !/[\\/]node_modules[\\/]/.test(file.fileName))
    .flatMap((file) => sentCodes(program, file, options).filter((use) => use.value === code).map((use) => placeOf(use.node, file)));
}

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

function handledCodes(ctx: AnalysisContext): Array<CodePlace & { code: number }> {
  const { sourceFile } = ctx;
  const found: Array<CodePlace & { code: number }> = [];
  const add = (node: ts.Node, code: number | undefined) => {
    if (code !== undefined) found.push({ ...placeOf(node, sourceFile), code });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) {
      if (isReceivedCloseCode(node.left, ctx)) add(node.right, knownNumber(node.right, ctx));
      else if (isReceivedCloseCode(node.right, ctx)) add(node.left, knownNumber(node.left, ctx));
    } else if (ts.isSwitchStatement(node) && isReceivedCloseCode(node.expression, ctx)) {
      for (const clause of node.caseBlock.clauses) if (ts.isCaseClause(clause)) add(clause.expression, knownNumber(clause.expression, ctx));
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length === 1 && isReceivedCloseCode(node.arguments[0]!, ctx)) {
      // `TERMINAL.has(event.code)`, `[1000, 1008].includes(code)`: every member is handled here.
      if (node.expression.name.text === 'has' || node.expression.name.text === 'includes') for (const code of membersOf(node.expression.expression, ctx) ?? []) add(node, code);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword && isReceivedCloseCode(node.left, ctx)) {
      for (const code of membersOf(skipOuterExpressions(node.right), ctx) ?? []) add(node, code);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Every code sent or handled, ascending, each with its places in file order. */
export function buildCodeMap(files: readonly FileCodeUses[]): CodeMapEntry[] {
  const byCode = new Map<number, { sent: Array<CodePlace & { runtime: RuntimeId }>; handled: CodePlace[] }>();
  const entry = (code: number) => {
    let found = byCode.get(code);
    if (!found) byCode.set(code, (found = { sent: [], handled: [] }));
    return found;
  };
  for (const file of files) {
    for (const { code, ...place } of file.sent) entry(code).sent.push(place);
    for (const { code, ...place } of file.handled) entry(code).handled.push(place);
  }
  const order = (a: CodePlace, b: CodePlace) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : a.line - b.line || a.column - b.column);
  return [...byCode.entries()]
    .sort(([a], [b]) => a - b)
    .map(([code, uses]) => ({ code, sent: uses.sent.sort(order), handled: uses.handled.sort(order) }));
}
