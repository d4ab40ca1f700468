// The shape of the language server's own message catalogs: code action titles and the messages
// the server shows the user (window/showMessage). Log lines (the output channel) stay English:
// they are for bug reports. Templates use `{placeholder}` (core/text/render-template).
export interface LspText {
  readonly codeActions: {
    /** Title of a rule's safe fix. `{ruleId}`. */
    readonly fixRule: string;
    /** Title of the fix of a directive problem (an unused or unknown `wsclose-disable`). */
    readonly fixDirective: string;
    /** `{ruleId}`: inserts `// wsclose-disable-next-line <rule>` above the line. */
    readonly disableLine: string;
    /** `{ruleId}`: inserts `/* wsclose-disable <rule> *\/` at the top of the file. */
    readonly disableFile: string;
    /** `{ruleId}`: opens the rule's docs page. */
    readonly showRuleDocs: string;
    /** Opens the docs of the suppression directives. */
    readonly showDirectiveDocs: string;
    /** Title of `source.fixAll.wsclose`. */
    readonly fixAll: string;
  };
  /** window/showMessage when the client cannot open documents itself. `{path}`: the docs file. */
  readonly documentationAt: string;
  /**
   * Warning for a broken wsclose.config.json, shown once until the file is valid again; the server
   * keeps its last valid version (or the defaults). The problem comes last, with its own full stop.
   */
  readonly invalidConfig: {
    /** `{fallback}`: `lastValid` or `defaults`; `{problem}`: the problem, as `file:line:column: message`. */
    readonly one: string;
    /** `{fallback}`, `{count}` problems (two or more), `{problem}`: the first of them. */
    readonly many: string;
    readonly lastValid: string;
    readonly defaults: string;
  };
}
