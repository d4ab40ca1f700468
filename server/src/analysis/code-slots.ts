// Where a close code goes in the close-like call at the cursor, and which codes fit there: the
// question behind close-code completion. The engine (engine/code-docs-query.ts) finds and caches the
// calls of the file and asks here.
import * as ts from 'typescript';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import { SUGGESTED_CODES, type Situation } from '../registry/situations';
import type { RuntimeId } from '../registry/types';
import { closeContext } from './close-context';
import type { CloseCallSite } from './find-close-calls';

export interface CodeSlot {
  readonly runtimes: readonly RuntimeId[];
  /** Range the chosen code replaces (empty: an insertion at the cursor). */
  readonly start: number;
  readonly end: number;
  /** Codes that fit what the surrounding code is about, best first (from the registry's suggestions). */
  readonly fitting: readonly number[];
}

/**
 * The code argument of a close-like call at `offset`: right after `(` with no argument yet, inside
 * or right after a numeric literal first argument, or after `closeCode:` in a WebSocketStream close
 * info / WebSocketError options object (empty or a numeric literal). Anything else (a name, a call,
 * the reason) is left to other completions.
 */
export function codeSlotAt(sites: readonly CloseCallSite[], sourceFile: ts.SourceFile, offset: number): CodeSlot | undefined {
  const containing = sites
    .filter((site) => site.call.getStart(sourceFile) < offset && offset <= site.call.getEnd())
    .sort((a, b) => a.call.getWidth(sourceFile) - b.call.getWidth(sourceFile));
  for (const site of containing) {
    const range = site.shape === 'positional' ? positionalSlot(site, offset, sourceFile) : propertySlot(site, offset, sourceFile);
    if (range) return { runtimes: site.runtimes, start: range.start, end: range.end, fitting: fittingCodes(site) };
  }
  return undefined;
}

function positionalSlot(site: CloseCallSite, offset: number, sourceFile: ts.SourceFile): { start: number; end: number } | undefined {
  const children = site.call.getChildren(sourceFile);
  const open = children.find((c) => c.kind === ts.SyntaxKind.OpenParenToken);
  if (!open || offset < open.getEnd()) return undefined;
  const first = site.call.arguments?.[0];
  if (!first) {
    const close = children.find((c) => c.kind === ts.SyntaxKind.CloseParenToken);
    if (close && offset > close.getStart(sourceFile)) return undefined;
    return { start: offset, end: offset };
  }
  return literalSlot(first, offset, sourceFile);
}

function propertySlot(site: CloseCallSite, offset: number, sourceFile: ts.SourceFile): { start: number; end: number } | undefined {
  const args = site.call.arguments ?? [];
  const object = site.shape === 'close-info' ? args[0] : args[1];
  if (!object || !ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || property.name.getText(sourceFile) !== 'closeCode') continue;
    const colon = property.getChildren(sourceFile).find((c) => c.kind === ts.SyntaxKind.ColonToken);
    if (!colon || offset < colon.getEnd()) continue;
    return literalSlot(property.initializer, offset, sourceFile);
  }
  return undefined;
}

/** An empty (missing) or numeric-literal argument around `offset`. */
function literalSlot(argument: ts.Expression, offset: number, sourceFile: ts.SourceFile): { start: number; end: number } | undefined {
  if (ts.isIdentifier(argument) && argument.text === '') {
    // A missing initializer (`{ closeCode: }`) ends at the colon; the cursor may sit in the blanks after it.
    const blanks = /^\s*/.exec(sourceFile.text.slice(argument.getEnd()))![0].length;
    return offset <= argument.getEnd() + blanks ? { start: offset, end: offset } : undefined;
  }
  if (offset > argument.getEnd()) return undefined;
  if (ts.isNumericLiteral(argument)) return { start: argument.getStart(sourceFile), end: argument.getEnd() };
  return undefined;
}

/** Registry suggestions for the situations around the call: failure paths first, then conditions, then the reason. */
function fittingCodes(site: CloseCallSite): number[] {
  const context = closeContext(site);
  const situations: Situation[] = [];
  if (context.failure === 'catch' || context.failure === 'error-listener') situations.push('internal-error');
  if (context.failure === 'timeout') situations.push('timeout');
  situations.push(...context.fromConditions, ...context.fromReason);
  const side = site.runtimes.some((r) => RUNTIME_PROFILES[r].whatwgRange) ? 'browser' : 'server';
  return [...new Set(situations.flatMap((s) => SUGGESTED_CODES[s][side]))];
}
