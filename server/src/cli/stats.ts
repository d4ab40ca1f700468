// --stats: where the time of a run went and how much it did, printed to stderr in the CLI's locale.
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import type { RunStats } from './run';
import { cliText } from './text';
import type { StatsText } from './text/cli-text';

export interface StatsReport {
  readonly run: RunStats;
  /** Milliseconds spent applying --baseline / --baseline-write, when given. */
  readonly baseline?: number;
  /** Milliseconds spent formatting the results. */
  readonly format: number;
  /** Milliseconds of the whole run. */
  readonly total: number;
  readonly fix: boolean;
}

/** Lines like `  programs   812.0 ms`, then the counts. */
export function formatStats(report: StatsReport, locale: Locale = 'en'): string {
  const text = cliText(locale).stats;
  const { numberLocale } = cliText(locale).notes;
  const { timings, counts } = report.run;
  const phases: Array<[keyof StatsText['phases'], number]> = [
    ['discover', timings.discover],
    ['config', timings.config],
    ['programs', timings.programs],
    ['lint', timings.lint],
    ['fix', timings.fix],
    ...(report.baseline !== undefined ? [['baseline', report.baseline] as ['baseline', number]] : []),
    ['format', report.format],
    ['total', report.total],
  ];
  // The names' column: at least 9 wide, and one space past the longest name.
  const width = Math.max(9, ...Object.values(text.phases).map((name) => name.length + 1));
  // toFixed rounds as it always did; only the decimal point is the locale's.
  const decimalPoint = (1.5).toLocaleString(numberLocale).charAt(1);
  const milliseconds = (ms: number): string => ms.toFixed(1).replace('.', decimalPoint);
  const lines = phases.map(([phase, ms]) => renderTemplate(text.phaseLine, { name: text.phases[phase].padEnd(width), ms: milliseconds(ms).padStart(10) }));
  const cached = counts.cached > 0 ? renderTemplate(text.cachedFiles, { cached: counts.cached }) : '';
  const fix = report.fix ? renderTemplate(text.fixCounts, { fixPasses: counts.fixPasses, filesFixed: counts.filesFixed }) : '';
  const totals = renderTemplate(text.counts, { files: counts.files, cached, programs: counts.programs, programFiles: counts.programFiles, lazyPasses: counts.lazyPasses, findings: counts.findings, fix });
  // A project without WebSocket code prints nothing at all (right for CI); here it is said why.
  const nothingToCheck = counts.files > 0 && counts.programs === 0 && counts.cached === 0 ? [text.nothingToCheck] : [];
  return [text.heading, ...lines, totals, ...nothingToCheck].join('\n');
}
