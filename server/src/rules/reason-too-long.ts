// reason-too-long: a Close frame holds 123 bytes of reason. Report reasons certainly longer
// (counting the known parts of templates and concatenations), and — unless turned off — reasons
// built from unbounded text (error messages, serialized objects, client input) with no limit.
import * as ts from 'typescript';
import { MAX_REASON_BYTES, truncateToUtf8Bytes, utf8ByteLength } from '../core/utf8';
import { isFunctionLike } from '../analysis/syntax';
import { defineRule, type SuggestionReport } from './define-rule';
import { replaceNode, runtimeData, runtimeFor } from './code-advice';

/** 41 UTF-16 units are at most 123 UTF-8 bytes (no unit encodes to more than 3 bytes). */
const SAFE_CHARACTERS = 41;

export default defineRule({
  id: 'reason-too-long',
  meta: {
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messageIds: ['tooLong', 'tooLongAtLeast', 'unbounded', 'truncateReason', 'limitReason'],
    defaultOptions: { checkUnboundedReasons: true },
    optionsSchema: {
      type: 'object',
      properties: {
        // Described for users in wsclose.schema.json and docs/rules/reason-too-long.md (no prose in rule files).
        checkUnboundedReasons: { type: 'boolean', default: true },
      },
      additionalProperties: false,
    },
  },
  check(context) {
    const { site } = context;
    const argument = site.reason.node;
    if (!argument) return;
    const runtime = runtimeFor(site);
    const data = runtimeData(context, runtime, 'longReason');
    for (const value of site.reason.values) {
      if (value.kind === 'string') {
        const bytes = utf8ByteLength(value.value);
        if (bytes <= MAX_REASON_BYTES) continue;
        const node = value.node && ts.isStringLiteralLike(value.node) && value.node.getSourceFile() === argument.getSourceFile() && value.node.pos >= argument.pos && value.node.end <= argument.end ? value.node : argument;
        context.report({
          messageId: 'tooLong',
          data: { bytes, ...data },
          node,
          suggestions: ts.isStringLiteral(node) ? [truncation(node, value.value)] : [],
        });
        return;
      }
      if (value.kind === 'partial-string' && value.minBytes > MAX_REASON_BYTES) {
        context.report({ messageId: 'tooLongAtLeast', data: { bytes: value.minBytes, ...data }, node: argument });
        return;
      }
    }
    if (!context.options.checkUnboundedReasons || isLengthChecked(argument, site.call)) return;
    for (const value of site.reason.values) {
      // Unbounded text, or a value that becomes unbounded text when stringified (an Error object).
      const unbounded = value.kind === 'partial-string' ? (value.limited ? undefined : value.unbounded) : value.kind === 'unknown' ? value.unbounded : undefined;
      if (!unbounded) continue;
      // `err.stack` and friends may be undefined: `?.slice` keeps the suggestion type-correct.
      // An Error or another non-string value: String(…) first, as close() would stringify it.
      const stringified = value.kind === 'unknown';
      const access = !stringified && mayBeNullish(argument, context.analysis.checker) ? '?.' : '.';
      const text = stringified ? `String(${argument.getText()})` : wrapForMethodCall(argument);
      context.report({
        messageId: 'unbounded',
        data: { source: context.common.unboundedSources[unbounded], ...data },
        node: argument,
        suggestions: [{ messageId: 'limitReason', data: {}, edits: [replaceNode(argument, `${text}${access}slice(0, ${SAFE_CHARACTERS})`)] }],
      });
      return;
    }
  },
});

/**
 * Code that measures the text before sending it limits it its own way:
 * `reason.length > 123 ? reason.slice(0, 120) + '…' : reason`, or a close inside
 * `if (Buffer.byteLength(reason) <= 123)`. The limit is not checked, only that one exists.
 */
function isLengthChecked(argument: ts.Expression, call: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isConditionalExpression(node) && measuresLength(node.condition)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(argument);
  for (let node = call.parent; !found && node && !isFunctionLike(node) && !ts.isSourceFile(node); node = node.parent) {
    const condition = ts.isIfStatement(node) ? node.expression : ts.isConditionalExpression(node) ? node.condition : ts.isBinaryExpression(node) && isLogical(node.operatorToken.kind) ? node.left : undefined;
    if (condition && measuresLength(condition)) found = true;
  }
  return found;
}

function measuresLength(condition: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(condition) && (condition.name.text === 'length' || condition.name.text === 'byteLength')) return true;
  return ts.forEachChild(condition, measuresLength) === true;
}

function isLogical(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken;
}

function mayBeNullish(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = checker.getTypeAtLocation(node);
  return (type.isUnion() ? type.types : [type]).some((t) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) !== 0);
}

/** Cut at a character boundary, without a dangling space; the description states the real size. */
function truncation(literal: ts.StringLiteral, text: string): SuggestionReport<'truncateReason'> {
  const shortened = truncateToUtf8Bytes(text, MAX_REASON_BYTES).trimEnd();
  return { messageId: 'truncateReason', data: { bytes: utf8ByteLength(shortened) }, edits: [replaceNode(literal, quoteLike(literal, shortened))] };
}

/** Re-quotes text with the literal's own quote character. */
function quoteLike(literal: ts.StringLiteral, text: string): string {
  const quote = literal.getText().startsWith("'") ? "'" : '"';
  const escaped = JSON.stringify(text).slice(1, -1);
  return quote === '"' ? `"${escaped}"` : `'${escaped.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** `String(x)` for non-string expressions is not needed: every unbounded source is text already. */
function wrapForMethodCall(node: ts.Expression): string {
  const text = node.getText();
  const needsParens = !(ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isCallExpression(node) || ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node));
  return needsParens ? `(${text})` : text;
}
