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
    one: 'wsclose: {problem}. Using the default configuration until it is fixed.',
    oneMore: 'wsclose: {problem} (and {count} more problem). Using the default configuration until it is fixed.',
    many: 'wsclose: {problem} (and {count} more problems). Using the default configuration until it is fixed.',
  },
};
