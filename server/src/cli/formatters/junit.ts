// JUnit XML, the test report Jenkins, GitLab and Azure Pipelines read: one <testsuite> for the
// run, one <testcase> per checked file (passing when the file has no findings), one <failure> per
// finding, and an <error> for a file that could not be checked. Paths are relative to the working
// directory. Pure: results in, text out.
import * as path from 'node:path';
import type { LintMessage, LintResult } from '../results';
import type { FormatterContext } from './index';

/** Text as XML character data or an attribute value (also drops the characters XML 1.0 forbids). */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : file).split(path.sep).join('/');
}

const isError = (message: LintMessage): boolean => message.fatal === true || message.severity === 2;

/** "src/a.ts:3:5: message (rule-id)": where the finding is, for the failure's body. */
function failureBody(message: LintMessage, file: string): string {
  const at = message.line === undefined ? file : `${file}:${message.line}:${message.column ?? 1}`;
  return `${at}: ${message.message}${message.ruleId ? ` (${message.ruleId})` : ''}`;
}

function testcase(result: LintResult, cwd: string): string {
  const file = displayPath(result.filePath, cwd);
  const open = `    <testcase name="${escapeXml(file)}" classname="wsclose" file="${escapeXml(file)}" time="0"`;
  if (result.messages.length === 0) return `${open}/>`;
  const children = result.messages.map((message) => {
    const element = message.fatal ? 'error' : 'failure';
    const type = message.ruleId ?? (message.fatal ? 'fatal' : 'directive');
    return `      <${element} message="${escapeXml(message.message)}" type="${escapeXml(type)}" severity="${isError(message) ? 'error' : 'warning'}">${escapeXml(failureBody(message, file))}</${element}>`;
  });
  return [`${open}>`, ...children, '    </testcase>'].join('\n');
}

export function formatJunit(results: readonly LintResult[], context: FormatterContext): string {
  const failures = results.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0);
  const errors = results.reduce((n, r) => n + r.messages.filter((m) => m.fatal).length, 0);
  const counts = `tests="${results.length}" failures="${failures}" errors="${errors}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="wsclose" ${counts} time="0">`,
    `  <testsuite name="wsclose" ${counts} skipped="0" time="0">`,
    ...results.map((result) => testcase(result, context.cwd)),
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}
