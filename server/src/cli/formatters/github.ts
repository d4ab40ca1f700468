// GitHub Actions workflow commands, one per finding, so findings show as annotations on the pull
// request: `::error file=src/a.ts,line=3,col=5,endLine=3,endColumn=9,title=wsclose(invalid-code)::…`.
// Paths are relative to the working directory (the workspace in a workflow). Pure: results in, text out.
import * as path from 'node:path';
import type { LintMessage, LintResult } from '../results';
import type { FormatterContext } from './index';

/** The escaping GitHub's runner undoes in a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping GitHub's runner undoes in a command's property values (`,` and `:` separate them). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A path as GitHub expects it: relative to the workspace, with forward slashes. */
function workspacePath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : file).split(path.sep).join('/');
}

function command(message: LintMessage, file: string): string {
  const kind = message.fatal || message.severity === 2 ? 'error' : 'warning';
  const properties: Array<[string, string | number]> = [['file', file]];
  if (message.line !== undefined) {
    properties.push(['line', message.line], ['col', message.column ?? 1]);
    if (message.endLine !== undefined) properties.push(['endLine', message.endLine], ['endColumn', message.endColumn ?? 1]);
  }
  properties.push(['title', message.line === undefined ? 'wsclose' : `wsclose(${message.ruleId ?? 'directive'})`]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${kind} ${list}::${escapeData(message.message)}`;
}

export function formatGithub(results: readonly LintResult[], context: FormatterContext): string {
  return results.flatMap((result) => result.messages.map((message) => command(message, workspacePath(result.filePath, context.cwd)))).join('\n');
}
