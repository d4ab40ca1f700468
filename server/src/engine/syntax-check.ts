// "Does this edit keep the file parseable?" — asked before any fix or suggestion reaches a file
// (CLI --fix, the editor's quick fixes and fix-all). An edit is refused only when it ADDS parse
// errors, so a file that was already broken can still be fixed elsewhere.
import * as ts from 'typescript';

/** Parse errors in a text, as TypeScript reports them for a file of that name. */
export function syntaxErrors(fileName: string, text: string): ts.Diagnostic[] {
  const { diagnostics = [] } = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: {} });
  return diagnostics.filter((diagnostic) => diagnostic.file !== undefined && diagnostic.category === ts.DiagnosticCategory.Error);
}

/** True when `after` has more parse errors than `before` (the count of `before` may be passed in). */
export function addsSyntaxErrors(fileName: string, before: string | number, after: string): boolean {
  const baseline = typeof before === 'number' ? before : syntaxErrors(fileName, before).length;
  return syntaxErrors(fileName, after).length > baseline;
}
