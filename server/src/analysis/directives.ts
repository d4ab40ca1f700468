// Finds `wsclose-disable…` / `wsclose-enable` comments. Comments are taken from the trivia
// between real tokens of the parsed file, so text inside strings, template literals, regular
// expressions and JSX text is never mistaken for a directive.
import * as ts from 'typescript';
import { isRuleId } from '../core/finding';
import type { RuleId } from '../core/finding';
import { pairDirectiveRegions } from '../core/suppressions';
import type { DirectiveComment, DirectiveKind, DirectiveRuleName, ParsedDirectives } from '../core/suppressions';

// Longest keyword first so `disable-next-line` is not read as `disable` + a rule named `-next-line`.
const DIRECTIVE = /^(\s*)wsclose-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;
// As in ESLint: two or more dashes surrounded by whitespace start the reason.
const REASON_SEPARATOR = /\s-{2,}(?:\s|$)/;
const RULE_NAME = /[^\s,]+/g;

export function parseDirectives(sourceFile: ts.SourceFile): ParsedDirectives {
  const text = sourceFile.text;
  // Cheap exit for the common case: walking every token is only worth it when a directive may exist.
  if (!text.includes('wsclose-')) return { directives: [] };
  const comments: DirectiveComment[] = [];
  for (const range of collectCommentRanges(sourceFile)) {
    const directive = parseComment(sourceFile, range);
    if (directive) comments.push(directive);
  }
  return { directives: pairDirectiveRegions(comments, text.length) };
}

/** Every comment of the file in source order, each once. */
function collectCommentRanges(sourceFile: ts.SourceFile): ts.CommentRange[] {
  const text = sourceFile.text;
  const byStart = new Map<number, ts.CommentRange>();
  const add = (ranges: ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) if (!byStart.has(range.pos)) byStart.set(range.pos, range);
  };
  // JSDoc nodes live inside comments: their "trivia" is comment text, so they are skipped (and a
  // token carrying JSDoc, like the end-of-file token after a `/** … */`, still counts as a token).
  const isJSDoc = (node: ts.Node): boolean => node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;
  const visit = (node: ts.Node): void => {
    const children = node.getChildren(sourceFile).filter((child) => !isJSDoc(child));
    if (children.length > 0) {
      for (const child of children) visit(child);
      return;
    }
    // A token: the text between the previous token and this one is trivia, except before JSX
    // text, which starts right where the previous token ends (`<p>// not a comment</p>`).
    if (node.kind === ts.SyntaxKind.JsxText) return;
    // Trailing ranges: comments on the previous token's line; leading ranges: those after it.
    add(ts.getTrailingCommentRanges(text, node.pos));
    add(ts.getLeadingCommentRanges(text, node.pos));
  };
  visit(sourceFile); // includes the end-of-file token, so comments at the end are found too
  return [...byStart.values()].sort((a, b) => a.pos - b.pos);
}

function parseComment(sourceFile: ts.SourceFile, range: ts.CommentRange): DirectiveComment | undefined {
  const text = sourceFile.text;
  const bodyStart = range.pos + 2;
  const bodyEnd = range.kind === ts.SyntaxKind.MultiLineCommentTrivia ? range.end - 2 : range.end;
  const body = text.slice(bodyStart, bodyEnd);
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  const kind = match[2] as DirectiveKind;
  const restStart = match[0].length;
  const rest = body.slice(restStart);
  const separator = REASON_SEPARATOR.exec(rest);
  const list = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : undefined;

  const names: DirectiveRuleName[] = [];
  for (const name of list.matchAll(RULE_NAME)) {
    const start = bodyStart + restStart + name.index;
    names.push({ name: name[0], ruleId: isRuleId(name[0]) ? name[0] : undefined, start, end: start + name[0].length });
  }
  const known = [...new Set(names.flatMap((n): RuleId[] => (n.ruleId ? [n.ruleId] : [])))];
  const lineOf = (offset: number): number => sourceFile.getLineAndCharacterOfPosition(offset).line;
  const line =
    kind === 'disable-line' ? lineOf(range.pos) : kind === 'disable-next-line' ? lineOf(range.end) + 1 : undefined;
  return {
    kind,
    rules: names.length === 0 ? 'all' : known,
    names,
    unknownNames: names.filter((n) => n.ruleId === undefined),
    reason: reason === '' ? undefined : reason,
    commentStart: range.pos,
    commentEnd: range.end,
    removal: removalRange(text, range.pos, range.end),
    line,
  };
}

/**
 * What to delete to remove the comment: its whole line when nothing else is on it; otherwise the
 * comment plus the blanks between it and the code, so no stray whitespace is left behind.
 */
function removalRange(text: string, start: number, end: number): { start: number; end: number } {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const blankBefore = /^[ \t]*$/.test(text.slice(lineStart, start));
  const blankAfter = /^[ \t]*$/.test(text.slice(end, lineEnd));
  if (blankBefore && blankAfter) {
    const breakLength = text.startsWith('\r\n', lineEnd) ? 2 : lineEnd < text.length ? 1 : 0;
    return { start: lineStart, end: lineEnd + breakLength };
  }
  if (blankAfter) {
    let from = start;
    while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    return { start: from, end: lineEnd };
  }
  let to = end;
  while (to < lineEnd && (text[to] === ' ' || text[to] === '\t')) to++;
  return { start, end: to };
}
