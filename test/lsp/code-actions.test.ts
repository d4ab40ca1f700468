// Code actions never offer an edit that would leave the document unparseable (data safety),
// while a fix that keeps it parseable is offered as usual.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllAction, quickFixes } from '../../server/src/lsp/code-actions';
import { DocsLinks, type DiagnosticData } from '../../server/src/lsp/diagnostics';
import type { Finding } from '../../server/src/core/finding';

const text = "declare const ws: { close(code?: number, reason?: string): void };\nws.close(1005);\n";
const document = TextDocument.create('file:///p/a.ts', 'typescript', 3, text);
const codeRange = { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } };
const diagnostic: Diagnostic = { range: codeRange, message: 'reserved', source: 'wsclose', code: 'reserved-code' };

function actionsFor(data: DiagnosticData) {
  const params: CodeActionParams = { textDocument: { uri: document.uri }, range: codeRange, context: { diagnostics: [diagnostic] } };
  return quickFixes(document, params, () => data, new DocsLinks('/pkg'), { documentChanges: false }).map((a) => a.title);
}

describe('code actions keep the document parseable', () => {
  it('offers a good suggestion and drops one that would break parsing', () => {
    const titles = actionsFor({
      version: 3,
      ruleId: 'reserved-code',
      suggestions: [
        { desc: 'Send 1000 instead', messageId: 'replaceCode', edits: [{ range: codeRange, newText: '1000' }] },
        { desc: 'Broken', messageId: 'replaceCode', edits: [{ range: codeRange, newText: '1000,,)' }] },
      ],
    });
    assert.ok(titles.includes('Send 1000 instead'));
    assert.ok(!titles.includes('Broken'));
  });

  it('drops a fix that would break parsing, keeps the disable/docs actions', () => {
    const titles = actionsFor({ version: 3, ruleId: 'reserved-code', fix: [{ range: codeRange, newText: '(' }] });
    assert.ok(!titles.some((t) => t.startsWith('Fix this')), titles.join('\n'));
    assert.ok(titles.some((t) => t.includes('Disable reserved-code for this line')), titles.join('\n'));
  });

  it('fix-all is not offered when its combined edit would break parsing', () => {
    const offset = text.indexOf('1005');
    const finding = (replacement: string): Finding => ({
      ruleId: 'reason-without-code', messageId: 'missingCode', data: {}, message: 'm', severity: 'warn', start: offset, end: offset + 4, confidence: 'typed',
      fix: [{ start: offset, end: offset + 4, text: replacement }],
    });
    assert.ok(fixAllAction(document, [finding('1000')], { documentChanges: false }));
    assert.equal(fixAllAction(document, [finding('1000 +')], { documentChanges: false }), undefined);
  });
});
