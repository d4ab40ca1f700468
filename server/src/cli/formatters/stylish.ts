// ESLint's default "stylish" formatter, reproduced: per file an underlined path, then aligned rows
// `line:column  severity  message  ruleId`, then a summary line. Empty output when there is nothing
// to report. Pure: results in, text out. Unlike ESLint's, a row wider than the terminal (when
// the width is known) has its message wrapped between words, continuing under the message column,
// so the terminal never breaks a word and the rule id stays on the row's first line.
import type { LintResult } from '../results';
import { renderTemplate } from '../../core/text/render-template';
import { cliText } from '../text';
import { counted } from '../text/cli-text';
import { createColors } from './colors';
import type { FormatterContext } from './index';


const ANSI = /\u001b\[[0-9;]*m/g;
const visibleLength = (text: string): number => text.replace(ANSI, '').length;

/** text-table as ESLint uses it: columns joined by two spaces, column 1 right-aligned, trailing blanks trimmed. */
function table(rows: ReadonlyArray<readonly string[]>, rightAligned: ReadonlySet<number>): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const padding = ' '.repeat(widths[i]! - visibleLength(cell));
          return rightAligned.has(i) ? padding + cell : cell + padding;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatStylish(results: readonly LintResult[], context: FormatterContext): string {
  const c = createColors(context.color);
  const text = cliText(context.locale ?? 'en').stylish;
  let output = '\n';
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  let summaryColor = c.yellow;

  for (const result of results) {
    if (result.messages.length === 0) continue;
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    fixableErrorCount += result.fixableErrorCount;
    fixableWarningCount += result.fixableWarningCount;

    const rows = result.messages.map((message): string[] => {
      let type: string;
      if (message.fatal || message.severity === 2) {
        type = c.red(text.error);
        summaryColor = c.red;
      } else {
        type = c.yellow(text.warning);
      }
      return [
        '',
        String(message.line ?? 0),
        String(message.column ?? 0),
        type,
        message.message.replace(/([^ ])\.$/u, '$1'),
        c.dim(message.ruleId ?? ''),
      ];
    });
    const wrapped = context.width === undefined ? rows.map((row) => [row]) : wrapRows(rows, context.width);
    const firstLines = new Set<number>();
    wrapped.reduce((index, group) => (firstLines.add(index), index + group.length), 0);
    const lines = table(wrapped.flat(), new Set([1]))
      .split('\n')
      .map((line, i) =>
        // `9  14` becomes `9:14`, one character shorter; continuation lines shift by as much.
        firstLines.has(i) ? line.replace(/(\d+)\s+(\d+)/u, (_match, lineNumber: string, column: string) => c.dim(`${lineNumber}:${column}`)) : line.slice(1),
      );
    output += `${c.underline(result.filePath)}\n${lines.join('\n')}\n\n`;
  }

  const total = errorCount + warningCount;
  if (total === 0) return '';
  const summary = (text: string): string => `${summaryColor(c.bold(text))}\n`;
  output += summary(renderTemplate(text.summary, { problems: counted(text, 'problem', total), errors: counted(text, 'error', errorCount), warnings: counted(text, 'warning', warningCount) }));
  if (fixableErrorCount > 0 || fixableWarningCount > 0) {
    output += summary(renderTemplate(text.fixable, { errors: counted(text, 'error', fixableErrorCount), warnings: counted(text, 'warning', fixableWarningCount) }));
  }
  return c.reset(output);
}

/** The message column (index 4) is never narrower than this; below it, rows are left to the terminal. */
const MIN_MESSAGE_WIDTH = 30;

/** Each row, its message split between words into continuation rows so that every line fits `width`. */
function wrapRows(rows: ReadonlyArray<readonly string[]>, width: number): string[][][] {
  const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(0, ...rows.map((row) => visibleLength(row[i] ?? ''))));
  // Six cells joined by two spaces; the message gets what the other columns leave.
  const others = widths.reduce((sum, w, i) => (i === 4 ? sum : sum + w), 0) + 2 * 5;
  const messageWidth = width - 1 - others;
  if (messageWidth < MIN_MESSAGE_WIDTH) return rows.map((row) => [[...row]]);
  return rows.map((row) => {
    const pieces = wrapWords(row[4] ?? '', messageWidth);
    return pieces.map((piece, i) => (i === 0 ? [...row.slice(0, 4), piece, row[5] ?? ''] : ['', '', '', '', piece, '']));
  });
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  return [...lines, current];
}
