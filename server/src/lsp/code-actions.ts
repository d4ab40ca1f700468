// Code actions. Per wsclose diagnostic, in this order: the rule's fix (preferred), each
// suggestion, "disable <rule> for this line", "disable <rule> for the entire file", "show
// documentation". Edits travel inline; what they need comes from the diagnostic's `data` (or the
// server's last result when the client drops it), and diagnostics computed for another document
// version are ignored. `source.fixAll.wsclose` applies every safe fix, never suggestions.
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Command, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RuleId } from '../core/finding';
import { isRuleId } from '../core/finding';
import { renderTemplate } from '../core/text/render-template';
import { addsSyntaxErrors, syntaxErrors } from '../engine/syntax-check';
import { toLspEdits } from './convert';
import { DIRECTIVE_CODE, SOURCE } from './diagnostics';
import type { DiagnosticData, DocsLinks } from './diagnostics';
import { LSP_TEXT_EN } from './text/en';
import type { LspText } from './text/lsp-text';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.wsclose`;
export const SHOW_DOCUMENTATION_COMMAND = 'wsclose.showDocumentation';

export interface EditOptions {
  /** Use versioned documentChanges (client capability workspace.workspaceEdit.documentChanges). */
  readonly documentChanges: boolean;
}

/** Does the request's `only` filter admit actions of `kind`? */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function workspaceEdit(document: TextDocument, edits: TextEdit[], options: EditOptions): WorkspaceEdit {
  return options.documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
    : { changes: { [document.uri]: edits } };
}

/** Quick fixes for the wsclose diagnostics of a request. */
export function quickFixes(
  document: TextDocument,
  params: CodeActionParams,
  dataFor: (diagnostic: Diagnostic) => DiagnosticData | undefined,
  docs: DocsLinks,
  options: EditOptions,
  text: LspText = LSP_TEXT_EN,
): CodeAction[] {
  const titles = text.codeActions;
  const fixes: CodeAction[] = [];
  const suggestions: CodeAction[] = [];
  const disables = new Map<string, CodeAction>();
  const documentation = new Map<string, CodeAction>();
  const keepsSyntax = syntaxGuard(document);
  for (const diagnostic of params.context.diagnostics ?? []) {
    if (diagnostic?.source !== SOURCE) continue;
    const data = dataFor(diagnostic);
    if (!data || data.version !== document.version) continue; // computed for another version: stale
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    const ruleId = data.ruleId ?? (code !== undefined && isRuleId(code) ? code : null);
    if (data.fix && data.fix.length > 0 && keepsSyntax(data.fix)) {
      const title = ruleId ? renderTemplate(titles.fixRule, { ruleId }) : titles.fixDirective;
      fixes.push({ title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic], edit: workspaceEdit(document, data.fix, options) });
    }
    for (const suggestion of data.suggestions ?? []) {
      if (!keepsSyntax(suggestion.edits)) continue;
      suggestions.push({ title: suggestion.desc, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, suggestion.edits, options) });
    }
    if (ruleId) {
      const line = disableLineAction(document, diagnostic, ruleId, options, renderTemplate(titles.disableLine, { ruleId }));
      const file = disableFileAction(document, diagnostic, ruleId, options, renderTemplate(titles.disableFile, { ruleId }));
      if (!disables.has(line.title)) disables.set(line.title, line);
      if (!disables.has(file.title)) disables.set(file.title, file);
    }
    const docsCode = ruleId ?? DIRECTIVE_CODE;
    const title = ruleId ? renderTemplate(titles.showRuleDocs, { ruleId }) : titles.showDirectiveDocs;
    if (!documentation.has(title)) {
      const command: Command = { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [docs.forCode(docsCode)] };
      documentation.set(title, { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command });
    }
  }
  return [...fixes, ...suggestions, ...disables.values(), ...documentation.values()];
}

function disableLineAction(document: TextDocument, diagnostic: Diagnostic, ruleId: RuleId, options: EditOptions, title: string): CodeAction {
  const line = diagnostic.range.start.line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// wsclose-disable-next-line ${ruleId}${eol(document)}` };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, [edit], options) };
}

function disableFileAction(document: TextDocument, diagnostic: Diagnostic, ruleId: RuleId, options: EditOptions, title: string): CodeAction {
  const line = document.getText().startsWith('#!') ? 1 : 0;
  const position = { line, character: 0 };
  const edit: TextEdit = { range: { start: position, end: position }, newText: `/* wsclose-disable ${ruleId} */${eol(document)}` };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, [edit], options) };
}

/**
 * Refuses edits that would add parse errors to the document (the same check as the CLI's --fix):
 * a fix or suggestion that would leave code that no longer parses is not offered at all.
 */
function syntaxGuard(document: TextDocument): (edits: readonly TextEdit[]) => boolean {
  const fileName = fileNameOf(document.uri);
  let baseline: number | undefined;
  return (edits) => {
    baseline ??= syntaxErrors(fileName, document.getText()).length;
    return !addsSyntaxErrors(fileName, baseline, TextDocument.applyEdits(document, [...edits]));
  };
}

/** A file name with the document's extension (TypeScript parses `.js` and `.ts` differently). */
function fileNameOf(uri: string): string {
  const extension = /\.[cm]?[jt]sx?$/i.exec(uri)?.[0];
  return `document${extension ?? '.ts'}`;
}

function eol(document: TextDocument): string {
  return document.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** source.fixAll.wsclose: every safe fix of the current findings, non-overlapping, in one edit. */
export function fixAllAction(document: TextDocument, findings: readonly Finding[], options: EditOptions, text: LspText = LSP_TEXT_EN): CodeAction | undefined {
  const edits = findings.flatMap((f) => (f.fix ? [f.fix] : []));
  const chosen: Array<readonly { start: number; end: number; text: string }[]> = [];
  const taken: Array<[number, number]> = [];
  for (const fix of edits) {
    const overlaps = fix.some((e) => taken.some(([s, t]) => e.start < t && s < e.end) || taken.some(([s, t]) => e.start === e.end && s === t && s === e.start));
    if (overlaps) continue; // applied on the next fix-all, as ESLint does
    chosen.push(fix);
    for (const e of fix) taken.push([e.start, e.end]);
  }
  if (chosen.length === 0) return undefined;
  const lspEdits = toLspEdits(document, chosen.flat().sort((a, b) => a.start - b.start));
  if (!syntaxGuard(document)(lspEdits)) return undefined; // never offer an edit that breaks parsing
  return { title: text.codeActions.fixAll, kind: FIX_ALL_KIND, edit: workspaceEdit(document, lspEdits, options) };
}
