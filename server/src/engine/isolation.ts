// One file TypeScript cannot take never costs the other files their findings. TypeScript's parser,
// binder and checker recurse over the syntax tree, so code nested thousands of levels deep (a long
// `a.b.b…` chain, 10,000 parentheses, a generated JSX tree) overflows the stack, and any other
// exception TypeScript throws on one file fails its whole program. The adapters (CLI, language
// server, ESLint plugin) share this mechanism: find the file that fails (a parse failure names it;
// for a failure while binding or checking, the program's files are tried alone, deepest first),
// leave it out of the program (an empty file stands in for it: a global script loses only what it
// declared), and report it once, at the place it nests deepest.
import * as ts from 'typescript';
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import { ISOLATION_TEXT } from './isolation-text';

/** A file left out of its program because TypeScript fails on it. */
export interface Culprit {
  readonly fileName: string;
  /** UTF-16 offset of the deepest nesting: where the report goes. */
  readonly position: number;
  /** Nesting depth at that position (an estimate from brackets when the file did not parse). */
  readonly depth: number;
  readonly error: unknown;
}

/** Rounds of leaving files out before a program, or an answer, that still fails is given up on (each round leaves out at least one more). */
export const MAX_ISOLATION_ROUNDS = 10;

/** Files nested deeper than this are tried alone when their program fails (real code stays far below). */
const SUSPECT_DEPTH = 500;

/** The files a run has left out, by file name, and the empty files that stand in for them. */
export class LeftOutFiles {
  private readonly culprits = new Map<string, Culprit>();
  private readonly stubs = new Map<string, ts.SourceFile>();

  get size(): number {
    return this.culprits.size;
  }

  has(fileName: string): boolean {
    return this.culprits.has(fileName);
  }

  get(fileName: string): Culprit | undefined {
    return this.culprits.get(fileName);
  }

  all(): Culprit[] {
    return [...this.culprits.values()];
  }

  add(culprit: Culprit): void {
    if (!this.culprits.has(culprit.fileName)) this.culprits.set(culprit.fileName, culprit);
  }

  /** The empty file that stands in for a left-out one in programs. */
  stub(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile {
    let stub = this.stubs.get(fileName);
    if (!stub) this.stubs.set(fileName, (stub = ts.createSourceFile(fileName, '', languageVersion, true)));
    return stub;
  }
}

/**
 * Parses a file; when TypeScript throws on it, records it in `leftOut` and returns the empty file
 * that stands in for it, so the program around it is still built. `setParents`: false for a file
 * that its program's binder gives them (SourceFileCacheOptions.parentsFromBinder).
 */
export function parseOrLeaveOut(fileName: string, text: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions, leftOut: LeftOutFiles, setParents = true): ts.SourceFile {
  if (leftOut.has(fileName)) return leftOut.stub(fileName, languageVersion);
  try {
    return ts.createSourceFile(fileName, text, languageVersion, setParents);
  } catch (error) {
    leftOut.add({ fileName, error, ...bracketNesting(text, /\.[cm]?[jt]sx$/i.test(fileName)) });
    return leftOut.stub(fileName, languageVersion);
  }
}

/**
 * The files of a program that make it fail while binding (`stage: 'bind'`) or checking: each is
 * tried alone, deepest first. The deepest file is always tried; the others only while they are
 * nested deeper than real code is. Empty when no file fails alone (then the failure is not one
 * file's, and the caller reports it as it is). Default libraries and installed packages are not
 * suspects.
 */
export function findCulprits(program: ts.Program, stage: 'bind' | 'check'): Culprit[] {
  const own = program.getSourceFiles().filter((file) => !program.isSourceFileDefaultLibrary(file) && !program.isSourceFileFromExternalLibrary(file));
  return deepestThatFail(own, stage);
}

/**
 * The same search when there is no program to ask, only the texts it was to be built from (a
 * language service whose program failed while it was being built): each is parsed alone first.
 */
export function findCulpritsInTexts(files: Iterable<{ readonly fileName: string; readonly text: string }>, stage: 'bind' | 'check'): Culprit[] {
  const failed = new LeftOutFiles();
  const parsed = [...files].map(({ fileName, text }) => parseOrLeaveOut(fileName, text, ts.ScriptTarget.Latest, failed));
  return [...failed.all(), ...deepestThatFail(parsed, stage)];
}

function deepestThatFail(files: readonly ts.SourceFile[], stage: 'bind' | 'check'): Culprit[] {
  const candidates = files
    .filter((file) => file.text.length > 0)
    .map((file) => ({ file, ...deepestNesting(file) }))
    .sort((a, b) => b.depth - a.depth);
  const culprits: Culprit[] = [];
  for (const [index, { file, depth, position }] of candidates.entries()) {
    if (index > 0 && depth < SUSPECT_DEPTH) break;
    const error = failureAlone(file.fileName, file.text, stage);
    if (error !== undefined) culprits.push({ fileName: file.fileName, position, depth, error });
  }
  return culprits;
}

/**
 * The program again, from its own parsed files, with an empty file for each left-out one (for a
 * program built elsewhere: typescript-eslint's, in the ESLint plugin).
 */
export function programWithoutCulprits(program: ts.Program, leftOut: LeftOutFiles): ts.Program {
  const options = program.getCompilerOptions();
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (leftOut.has(fileName)) return leftOut.stub(fileName, languageVersion);
    return program.getSourceFile(fileName) ?? read(fileName, languageVersion, onError, shouldCreate);
  };
  const references = program.getProjectReferences();
  return ts.createProgram({ rootNames: program.getRootFileNames(), options, host, ...(references ? { projectReferences: references } : {}) });
}

/** The error TypeScript throws on this text alone (parsed, bound and with `check` checked), else undefined. */
export function failureAlone(fileName: string, text: string, stage: 'bind' | 'check'): unknown {
  try {
    // A fresh parse: the program's own tree may hold the half-done work of the failed pass.
    const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
    const options: ts.CompilerOptions = { noLib: true, noResolve: true, types: [], allowJs: true, jsx: ts.JsxEmit.Preserve, noEmit: true };
    const host = ts.createCompilerHost(options);
    host.getSourceFile = (name) => (name === fileName ? sourceFile : undefined);
    const program = ts.createProgram({ rootNames: [fileName], options, host });
    program.getTypeChecker();
    if (stage === 'check') program.getSemanticDiagnostics(sourceFile);
    return undefined;
  } catch (error) {
    return error ?? new Error('TypeScript threw no error object');
  }
}

/** The deepest node of a parsed file, walked without recursion (the tree is what overflowed). */
export function deepestNesting(sourceFile: ts.SourceFile): { depth: number; position: number } {
  let deepest = { depth: 0, position: 0 };
  const stack: Array<{ node: ts.Node; depth: number }> = [{ node: sourceFile, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest.depth) deepest = { depth, position: node.getStart(sourceFile) };
    node.forEachChild((child) => {
      stack.push({ node: child, depth: depth + 1 });
    });
  }
  return deepest;
}

/**
 * Where the brackets of an unparsable text nest deepest (with `jsx`, elements count too): the
 * scanner needs no recursion, unlike the parser that failed.
 */
export function bracketNesting(text: string, jsx: boolean): { depth: number; position: number } {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  let depth = 0;
  let deepest = { depth: 0, position: 0 };
  let previous = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.OpenParenToken || token === ts.SyntaxKind.OpenBracketToken || token === ts.SyntaxKind.OpenBraceToken) depth++;
    else if (token === ts.SyntaxKind.CloseParenToken || token === ts.SyntaxKind.CloseBracketToken || token === ts.SyntaxKind.CloseBraceToken) depth--;
    else if (jsx && previous === ts.SyntaxKind.LessThanToken && token === ts.SyntaxKind.Identifier) depth++;
    else if (jsx && (token === ts.SyntaxKind.LessThanSlashToken || (previous === ts.SyntaxKind.SlashToken && token === ts.SyntaxKind.GreaterThanToken))) depth--;
    if (depth > deepest.depth) deepest = { depth, position: scanner.getTokenStart() };
    previous = token;
  }
  return deepest;
}

/** A stack overflow, the usual way TypeScript fails on one file. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The one message a left-out file gets (the adapters put it at `culprit.position`), in `locale`. */
export function culpritMessage(culprit: Culprit, locale: Locale = 'en'): string {
  const text = ISOLATION_TEXT[locale];
  if (isStackOverflow(culprit.error)) {
    const levels = culprit.depth > 0 ? renderTemplate(text.levels, { depth: culprit.depth.toLocaleString(text.numberLocale) }) : '';
    return renderTemplate(text.tooDeep, { levels });
  }
  return renderTemplate(text.fails, { error: culprit.error instanceof Error ? culprit.error.message : String(culprit.error) });
}
