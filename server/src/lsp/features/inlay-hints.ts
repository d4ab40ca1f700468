// Inlay hints: the name of a close code right after it in a close-like call
// (`ws.close(1008 ⟨Policy Violation⟩)`). Shown after numeric literals, and after names (consts,
// enum members, `as const` properties) unless the name already says it (`Close.PolicyViolation`).
// Codes outside 1000–4999 get none: they are not close codes, and a diagnostic says so.
import type * as ts from 'typescript';
import type { InlayHint } from 'vscode-languageserver';
import { codeDisplayName } from '../../engine/code-docs';
import { sentCodes } from '../../engine/code-docs-query';
import type { FeatureContext } from './feature-context';
import { codeSources, positionAt, queryOptions } from './shared';

export function inlayHintsIn(program: ts.Program, sourceFile: ts.SourceFile, range: { start: number; end: number }, context: FeatureContext): InlayHint[] {
  if (!context.inlayHints) return [];
  const naming = codeSources(context);
  const hints: InlayHint[] = [];
  for (const code of sentCodes(program, sourceFile, queryOptions(context))) {
    const start = code.node.getStart(sourceFile);
    const end = code.node.getEnd();
    if (start < range.start || end > range.end) continue;
    if (!Number.isInteger(code.value) || code.value < 1000 || code.value > 4999) continue;
    const name = codeDisplayName(code.value, naming);
    if (!code.literal && squash(code.node.getText(sourceFile)).includes(squash(name))) continue;
    // No kind: the name is neither a parameter name nor a type. The brackets set it apart from
    // code where an editor draws hints as plain virtual text (Neovim, Emacs).
    hints.push({ position: positionAt(sourceFile, end), label: `⟨${name}⟩`, paddingLeft: true });
  }
  return hints;
}

/** Lower-case letters and digits only, so `POLICY_VIOLATION` and `PolicyViolation` both contain `policyviolation`. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
