// Small helpers shared by the feature modules: positions, and the naming sources of a context.
import type * as ts from 'typescript';
import type { Position, Range } from 'vscode-languageserver';
import type { CodeSources } from '../../engine/code-docs';
import type { FeatureContext } from './feature-context';

/** LSP positions count UTF-16 code units, exactly like TypeScript offsets. */
export function positionAt(sourceFile: ts.SourceFile, offset: number): Position {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { line, character };
}

export function rangeOf(sourceFile: ts.SourceFile, start: number, end: number): Range {
  return { start: positionAt(sourceFile, start), end: positionAt(sourceFile, end) };
}

export function nodeRange(sourceFile: ts.SourceFile, node: ts.Node): Range {
  return rangeOf(sourceFile, node.getStart(sourceFile), node.getEnd());
}

export function codeSources(context: FeatureContext): CodeSources {
  return { configured: context.config.codes, appProfiles: context.appProfiles };
}

export function queryOptions(context: FeatureContext): { runtimeOverride?: FeatureContext['runtimeOverride'] } {
  return context.runtimeOverride ? { runtimeOverride: context.runtimeOverride } : {};
}
