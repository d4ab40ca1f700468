// The close-code docs questions of the editor features (hover, completion, inlay hints, refactors),
// asked of a program: the engine finds the close-like calls of the file once per (source file,
// program, runtime override) and hands them to the analysis that answers (analysis/code-docs-targets.ts,
// analysis/code-slots.ts, analysis/named-codes.ts). The language server may not import the analysis
// layer directly, so its features come here.
import type * as ts from 'typescript';
import { codeLiteralAt as codeLiteralIn, docsTargetAt as docsTargetIn, sentCodes as sentCodesIn, type CodeLiteral, type DocsTarget, type FileCloseCalls, type SentCode } from '../analysis/code-docs-targets';
import { codeSlotAt as codeSlotIn, type CodeSlot } from '../analysis/code-slots';
import { createAnalysisContext } from '../analysis/context';
import { findCloseCalls, mayNeedAnalysis } from '../analysis/find-close-calls';
import type { RuntimeId } from '../registry/types';

export type { CodeLiteral, CodeRole, DocsTarget, SentCode } from '../analysis/code-docs-targets';
export type { CodeSlot } from '../analysis/code-slots';
export { namedCodesFor, type NamedCode } from '../analysis/named-codes';

export interface QueryOptions {
  /** Runtime forced by the config for this file. */
  readonly runtimeOverride?: RuntimeId;
}

const analyses = new WeakMap<ts.SourceFile, { program: ts.Program; override: RuntimeId | undefined; value: FileCloseCalls }>();

/** The analysis context and close-like calls of a file, cached per (source file, program, override). */
function analyze(program: ts.Program, sourceFile: ts.SourceFile, options: QueryOptions): FileCloseCalls {
  const cached = analyses.get(sourceFile);
  if (cached && cached.program === program && cached.override === options.runtimeOverride) return cached.value;
  const ctx = createAnalysisContext(program, sourceFile);
  const sites = mayNeedAnalysis(sourceFile.text, sourceFile.fileName)
    ? findCloseCalls(ctx, options.runtimeOverride ? { runtimeOverride: options.runtimeOverride } : {})
    : [];
  const value = { ctx, sites };
  analyses.set(sourceFile, { program, override: options.runtimeOverride, value });
  return value;
}

/** What the hover at `offset` documents (the rule is at the top of analysis/code-docs-targets.ts). */
export function docsTargetAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, options: QueryOptions = {}): DocsTarget | undefined {
  return docsTargetIn(analyze(program, sourceFile, options), offset);
}

/** The code argument slot of a close-like call at `offset`, for completion. */
export function codeSlotAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, options: QueryOptions = {}): CodeSlot | undefined {
  return codeSlotIn(analyze(program, sourceFile, options).sites, sourceFile, offset);
}

/** Every code argument value position that is one known number, in file order (inlay hints, code map). */
export function sentCodes(program: ts.Program, sourceFile: ts.SourceFile, options: QueryOptions = {}): SentCode[] {
  return sentCodesIn(analyze(program, sourceFile, options));
}

/** A numeric literal that is a sent or received close code and that the range touches (refactors). */
export function codeLiteralAt(program: ts.Program, sourceFile: ts.SourceFile, start: number, end: number, options: QueryOptions = {}): CodeLiteral | undefined {
  return codeLiteralIn(analyze(program, sourceFile, options), start, end);
}
