// Baselines for legacy code: --baseline-write records today's findings, --baseline reports only
// findings that are not recorded. An entry is a finding's rule, its file (relative to the baseline
// file's folder) and a fingerprint that does not depend on line numbers: a hash of the rule id, the
// reported text and the text of the enclosing statement (whitespace collapsed), and the finding's
// index among findings with the same hash in that file. Moving code, or editing other code, keeps
// the fingerprint; editing the reported statement makes it a new finding.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { isRuleId } from '../core/finding';
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import { CliError } from './cli-error';
import { cliText } from './text';
import { createResult } from './results';
import type { LintMessage, LintResult } from './results';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Relative to the baseline file's folder, with forward slashes. */
  readonly file: string;
  /** null for findings about directives. */
  readonly ruleId: string | null;
  /** 16 hex digits. */
  readonly fingerprint: string;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function isStatementList(node: ts.Node): boolean {
  return ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}

/** The innermost statement (of a statement list) around [start, end), or undefined. */
function enclosingStatement(sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (parent: ts.Node): void => {
    ts.forEachChild(parent, (child) => {
      if (child.pos <= start && end <= child.end) {
        if (isStatementList(parent)) found = child;
        visit(child);
        return true;
      }
      return undefined;
    });
  };
  visit(sourceFile);
  return found;
}

/** Fingerprints of a file's findings (undefined for messages without a position), in message order. */
export function fingerprints(fileName: string, text: string, messages: readonly LintMessage[]): Array<string | undefined> {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const offset = (line: number, column: number): number => sourceFile.getPositionOfLineAndCharacter(line - 1, column - 1);
  const seen = new Map<string, number>();
  return messages.map((message) => {
    if (message.line === undefined || message.column === undefined) return undefined;
    const start = offset(message.line, message.column);
    const end = message.endLine !== undefined && message.endColumn !== undefined ? offset(message.endLine, message.endColumn) : start;
    const statement = enclosingStatement(sourceFile, start, end);
    const context = statement ? statement.getText(sourceFile) : sourceFile.text.split(/\r\n|\r|\n/)[message.line - 1] ?? '';
    const base = sha(JSON.stringify([message.ruleId, collapse(text.slice(start, end)), collapse(context)]));
    const index = seen.get(base) ?? 0;
    seen.set(base, index + 1);
    return sha(`${base}:${index}`);
  });
}

const entryKey = (entry: BaselineEntry): string => JSON.stringify([entry.file, entry.ruleId, entry.fingerprint]);

function relativeFile(file: string, baselineFile: string): string {
  return path.relative(path.dirname(path.resolve(baselineFile)), file).split(path.sep).join('/');
}

/** Every finding of the results as baseline entries, sorted. */
export function baselineEntries(results: readonly LintResult[], sources: ReadonlyMap<string, string>, baselineFile: string): BaselineEntry[] {
  const entries: BaselineEntry[] = [];
  for (const result of results) {
    const text = sources.get(result.filePath);
    if (text === undefined) continue;
    fingerprints(result.filePath, text, result.messages).forEach((fingerprint, i) => {
      if (fingerprint !== undefined) entries.push({ file: relativeFile(result.filePath, baselineFile), ruleId: result.messages[i]!.ruleId, fingerprint });
    });
  }
  return entries.sort((a, b) => (entryKey(a) < entryKey(b) ? -1 : entryKey(a) > entryKey(b) ? 1 : 0));
}

export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  return `${JSON.stringify({ version: BASELINE_VERSION, entries: entries.map((e) => ({ file: e.file, ruleId: e.ruleId, fingerprint: e.fingerprint })) }, null, 2)}\n`;
}

/** Reads and checks a baseline file; every problem is a CliError naming the file and the place, in `locale`. */
export function readBaseline(file: string, shownAs: string, locale: Locale = 'en'): BaselineEntry[] {
  const text = cliText(locale).baseline;
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? text.noSuchFile : error instanceof Error ? error.message : String(error);
    throw new CliError(renderTemplate(text.cannotRead, { file: shownAs, reason }));
  }
  const invalid = (template: string, data: Readonly<Record<string, string | number>> = {}): CliError =>
    new CliError(renderTemplate(text.invalid, { file: shownAs, problem: renderTemplate(template, data) }));
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    if (!position) throw invalid(text.notJson, { message: message.replace(/\.$/, '') });
    const before = content.slice(0, Number(position[1])).split(/\r\n|\r|\n/);
    throw invalid(text.notJsonAt, { line: before.length, column: before[before.length - 1]!.length + 1, message: message.replace(/ in JSON at position \d+.*$/, '') });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalid(text.notAnObject);
  const record = data as Record<string, unknown>;
  if (record['version'] !== BASELINE_VERSION) throw invalid(text.badVersion, { expected: BASELINE_VERSION, actual: String(JSON.stringify(record['version'])) });
  const entries = record['entries'];
  if (!Array.isArray(entries)) throw invalid(text.entriesNotArray);
  return entries.map((entry: unknown, i): BaselineEntry => {
    const at = `entries[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw invalid(text.entryNotObject, { at });
    const { file: entryFile, ruleId, fingerprint } = entry as Record<string, unknown>;
    if (typeof entryFile !== 'string' || entryFile === '') throw invalid(text.entryFile, { at });
    if (ruleId !== null && (typeof ruleId !== 'string' || !isRuleId(ruleId))) throw invalid(text.entryRuleId, { at, actual: String(JSON.stringify(ruleId)) });
    if (typeof fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(fingerprint)) throw invalid(text.entryFingerprint, { at });
    return { file: entryFile, ruleId, fingerprint };
  });
}

export interface BaselineOutcome {
  /** The results without the findings the baseline records (counts recomputed). */
  readonly results: LintResult[];
  /** Entries that matched no finding: fixed or changed code, to prune from the baseline. */
  readonly unmatched: BaselineEntry[];
  readonly suppressed: number;
}

/** Drops findings recorded in the baseline; each entry absorbs one finding. */
export function applyBaseline(results: readonly LintResult[], sources: ReadonlyMap<string, string>, entries: readonly BaselineEntry[], baselineFile: string): BaselineOutcome {
  const available = new Map<string, number>();
  for (const entry of entries) available.set(entryKey(entry), (available.get(entryKey(entry)) ?? 0) + 1);
  let suppressed = 0;
  const filtered = results.map((result) => {
    const text = sources.get(result.filePath);
    if (text === undefined) return result;
    const file = relativeFile(result.filePath, baselineFile);
    const prints = fingerprints(result.filePath, text, result.messages);
    const kept = result.messages.filter((message, i) => {
      const fingerprint = prints[i];
      if (fingerprint === undefined) return true;
      const key = entryKey({ file, ruleId: message.ruleId, fingerprint });
      const left = available.get(key) ?? 0;
      if (left === 0) return true;
      available.set(key, left - 1);
      suppressed++;
      return false;
    });
    if (kept.length === result.messages.length) return result;
    const recounted = createResult(result.filePath, kept);
    return result.output !== undefined ? { ...recounted, output: result.output } : recounted;
  });
  const unmatched = entries.filter((entry) => {
    const left = available.get(entryKey(entry)) ?? 0;
    if (left === 0) return false;
    available.set(entryKey(entry), left - 1);
    return true;
  });
  return { results: filtered, unmatched, suppressed };
}
