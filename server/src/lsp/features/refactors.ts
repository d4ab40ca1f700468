// Refactors on a numeric close code (sent to a close-like call, or compared with a received
// code): replace it with a named constant the project already has for the value, or keep it and
// add a comment with its name (`1008 /* Policy Violation */`). Only a code's own name goes in a
// comment (registry, config or app profile): `401 /* Unused */` or `4001 /* Private Use */` name a
// range, not the code.
import * as ts from 'typescript';
import type { TextEdit } from 'vscode-languageserver';
import { renderTemplate } from '../../core/text/render-template';
import { codeOwnName } from '../../engine/code-docs';
import { codeLiteralAt, namedCodesFor } from '../../engine/code-docs-query';
import type { FeatureContext } from './feature-context';
import { codeSources, queryOptions, rangeOf } from './shared';
import { featureText } from './text';

export interface CodeRefactor {
  readonly title: string;
  readonly kind: 'refactor.rewrite';
  readonly edits: TextEdit[];
}

const KIND = 'refactor.rewrite' as const;

export function refactorsAt(program: ts.Program, sourceFile: ts.SourceFile, range: { start: number; end: number }, context: FeatureContext): CodeRefactor[] {
  const literal = codeLiteralAt(program, sourceFile, range.start, range.end, queryOptions(context));
  if (!literal) return [];
  const text = featureText(context.locale).refactors;
  const start = literal.node.getStart(sourceFile);
  const end = literal.node.getEnd();
  const refactors: CodeRefactor[] = namedCodesFor(program, sourceFile, literal.node, literal.value).map((named) => ({
    title: renderTemplate(text.replaceWithName, { value: literal.node.text, name: named.text }),
    kind: KIND,
    edits: [
      ...(named.importEdit ? [{ range: rangeOf(sourceFile, named.importEdit.start, named.importEdit.end), newText: named.importEdit.text }] : []),
      { range: rangeOf(sourceFile, start, end), newText: named.text },
    ],
  }));
  const ownName = codeOwnName(literal.value, codeSources(context));
  if (ownName !== undefined && !hasTrailingComment(sourceFile, end)) {
    const name = ownName.replace(/\*\//g, '* /');
    refactors.push({
      title: renderTemplate(text.addNameComment, { name }),
      kind: KIND,
      edits: [{ range: rangeOf(sourceFile, end, end), newText: renderTemplate(text.nameComment, { name }) }],
    });
  }
  return refactors;
}

function hasTrailingComment(sourceFile: ts.SourceFile, offset: number): boolean {
  const comments = ts.getTrailingCommentRanges(sourceFile.text, offset);
  return comments !== undefined && comments.length > 0 && comments[0]!.kind === ts.SyntaxKind.MultiLineCommentTrivia;
}
