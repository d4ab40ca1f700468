// One file TypeScript cannot take never crashes ESLint's run nor costs the other files their
// findings (engine/isolation.ts is the shared mechanism; this is the ESLint side of it).
//
// typescript-eslint gives the rule a program it built; when the engine throws on one file of it —
// usually a stack overflow in the checker, which may be asked about another file of the program
// (a global a deep script declares, a type inferred from a deeply nested expression) — the
// program's own files are tried alone, deepest first (`findCulprits`). When culprits are found, a
// program without them (an empty file stands in for each, as in the CLI) is built once from the
// same source files, and every later question about that program goes to it: the checker that
// threw may be left in a half-done state. The culprit, when ESLint lints it, gets one report at the
// place it nests deepest; the file that happened to trigger the failure is checked normally.
// A failure no culprit explains is reported on the file whose analysis threw, and only there.
import * as ts from 'typescript';
import type { Finding } from '../core/finding';
import { deepestNesting, findCulprits, isStackOverflow, LeftOutFiles, programWithoutCulprits } from '../engine/isolation';
import type { Culprit } from '../engine/isolation';

/** The ESLint message id of the one report a file wsclose cannot check gets (on every rule). */
export const CANNOT_CHECK = 'wsclose-cannot-check';

export const CANNOT_CHECK_TEMPLATE = 'wsclose cannot check this file: {{reason}}; the other files are checked without it. {{advice}}';

/** A program with its culprits left out, standing in for the program typescript-eslint built. */
interface Isolated {
  readonly program: ts.Program;
  readonly leftOut: LeftOutFiles;
}

const isolatedPrograms = new WeakMap<ts.Program, Isolated>();

export type IsolatedOutcome = { readonly findings: readonly Finding[] } | { readonly failure: Culprit };

/**
 * Runs `lint` on `sourceFile`, in the program without culprits once one is known; when it throws,
 * finds the culprits, leaves them out and runs it again. Never throws.
 */
export function lintIsolated(program: ts.Program, sourceFile: ts.SourceFile, lint: (program: ts.Program, sourceFile: ts.SourceFile) => readonly Finding[]): IsolatedOutcome {
  const known = isolatedPrograms.get(program);
  if (known) return lintIn(known, sourceFile, lint);
  try {
    return { findings: lint(program, sourceFile) };
  } catch (error) {
    let culprits: Culprit[];
    try {
      culprits = findCulprits(program, 'check');
    } catch {
      culprits = [];
    }
    if (culprits.length === 0) return { failure: failureOf(sourceFile, error) };
    const leftOut = new LeftOutFiles();
    for (const culprit of culprits) leftOut.add(culprit);
    let isolated: Isolated;
    try {
      isolated = { program: programWithoutCulprits(program, leftOut), leftOut };
    } catch (rebuildError) {
      return { failure: leftOut.get(sourceFile.fileName) ?? failureOf(sourceFile, rebuildError) };
    }
    isolatedPrograms.set(program, isolated);
    return lintIn(isolated, sourceFile, lint);
  }
}

function lintIn(isolated: Isolated, sourceFile: ts.SourceFile, lint: (program: ts.Program, sourceFile: ts.SourceFile) => readonly Finding[]): IsolatedOutcome {
  const culprit = isolated.leftOut.get(sourceFile.fileName);
  if (culprit) return { failure: culprit };
  // The same SourceFile object is in the rebuilt program, so the findings' offsets are the file's.
  const own = isolated.program.getSourceFile(sourceFile.fileName) ?? sourceFile;
  try {
    return { findings: lint(isolated.program, own) };
  } catch (error) {
    return { failure: failureOf(sourceFile, error) };
  }
}

function failureOf(sourceFile: ts.SourceFile, error: unknown): Culprit {
  let deepest = { depth: 0, position: 0 };
  try {
    deepest = deepestNesting(sourceFile);
  } catch {
    // keep the start of the file
  }
  // Only a stack overflow is placed where the file nests deepest; any other failure at its start.
  return { fileName: sourceFile.fileName, error, ...(isStackOverflow(error) ? deepest : { depth: 0, position: 0 }) };
}

/** The data of the one report: why, and what the user can do. */
export function cannotCheckData(failure: Culprit): { reason: string; advice: string } {
  if (isStackOverflow(failure.error)) {
    const levels = failure.depth > 0 ? ` (${failure.depth.toLocaleString('en-US')} levels)` : '';
    return {
      reason: `it is nested too deeply for TypeScript to analyze${levels}`,
      advice: 'Flatten the code nested here, or, if the file is generated, add it to `ignores` in the ESLint config.',
    };
  }
  const message = failure.error instanceof Error ? failure.error.message : String(failure.error);
  return {
    reason: `the analysis failed on it (${message.split('\n')[0]})`,
    advice: 'Please report this file at https://github.com/wsclose/wsclose/issues; to silence it meanwhile, add it to `ignores` in the ESLint config.',
  };
}
