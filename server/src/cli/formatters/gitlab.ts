// GitLab Code Quality: a JSON array of issues (description, check_name, fingerprint, severity,
// location.path, location.lines.begin) that GitLab shows in merge requests. Fingerprints are the
// baseline's (rule, reported text, enclosing statement; no line numbers) with the file's path, so
// an issue keeps its fingerprint when code above it moves, and GitLab tells new issues from old.
// Paths are relative to the working directory (the repository root in a GitLab job). Pure.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { fingerprints } from '../baseline';
import type { LintMessage, LintResult } from '../results';
import type { FormatterContext } from './index';

/** GitLab's severities: info, minor, major, critical, blocker. */
type Severity = 'minor' | 'major' | 'blocker';

export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: Severity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/** A file that could not be checked blocks the report's trust; an error is major; a warning minor. */
const severityOf = (message: LintMessage): Severity => (message.fatal ? 'blocker' : message.severity === 2 ? 'major' : 'minor');

function repositoryPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : file).split(path.sep).join('/');
}

export function formatGitlab(results: readonly LintResult[], context: FormatterContext): string {
  const issues: CodeQualityIssue[] = [];
  for (const result of results) {
    const file = repositoryPath(result.filePath, context.cwd);
    const text = context.sources?.get(result.filePath);
    const statementPrints = text !== undefined ? fingerprints(result.filePath, text, result.messages) : [];
    result.messages.forEach((message, i) => {
      // Without the source (a file that could not be read), the message itself identifies the issue.
      const own = statementPrints[i] ?? `${message.line ?? 0}:${message.message}`;
      issues.push({
        description: message.message,
        check_name: message.ruleId ?? (message.fatal ? 'fatal' : 'directive'),
        fingerprint: createHash('sha256').update(JSON.stringify([file, message.ruleId, own])).digest('hex').slice(0, 32),
        severity: severityOf(message),
        location: { path: file, lines: { begin: message.line ?? 1 } },
      });
    });
  }
  return JSON.stringify(issues);
}
