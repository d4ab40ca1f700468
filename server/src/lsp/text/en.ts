// English text of the language server's code actions and user messages.
import type { LspText } from './lsp-text';

export const LSP_TEXT_EN: LspText = {
  codeActions: {
    fixRule: 'Fix this {ruleId} problem',
    fixDirective: 'Remove this directive problem',
    disableLine: 'Disable {ruleId} for this line',
    disableFile: 'Disable {ruleId} for the entire file',
    showRuleDocs: 'Show documentation for {ruleId}',
    showDirectiveDocs: 'Show documentation for wsclose directives',
    fixAll: 'Fix all auto-fixable wsclose problems',
  },
  documentationAt: 'wsclose documentation: {path}',
  invalidConfig: {
    one: 'wsclose: {fallback} applies until this problem is fixed: {problem}',
    many: 'wsclose: {fallback} applies until these {count} problems are fixed (all in the log); the first: {problem}',
    lastValid: 'the last valid configuration',
    defaults: 'the default configuration',
  },
};
