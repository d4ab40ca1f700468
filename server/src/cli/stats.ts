// --stats: where the time of a run went and how much it did, printed to stderr.
import type { RunStats } from './run';

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
export function formatStats(report: StatsReport): string {
  const { timings, counts } = report.run;
  const phases: Array<[string, number]> = [
    ['discover', timings.discover],
    ['config', timings.config],
    ['programs', timings.programs],
    ['lint', timings.lint],
    ['fix', timings.fix],
    ...(report.baseline !== undefined ? [['baseline', report.baseline] as [string, number]] : []),
    ['format', report.format],
    ['total', report.total],
  ];
  const lines = phases.map(([name, ms]) => `  ${name.padEnd(9)}${ms.toFixed(1).padStart(10)} ms`);
  const fixCounts = report.fix ? `, fix passes ${counts.fixPasses}, files fixed ${counts.filesFixed}` : '';
  // A project without WebSocket code prints nothing at all (right for CI); here it is said why.
  const nothingToCheck = counts.files > 0 && counts.programs === 0 && counts.cached === 0 ? ['  no file may contain a WebSocket close() call: nothing needed the type checker'] : [];
  return [
    'wsclose stats:',
    ...lines,
    `  files ${counts.files}${counts.cached > 0 ? ` (${counts.cached} from the cache)` : ''}, programs ${counts.programs} (${counts.programFiles} source files, ${counts.lazyPasses} repeated passes), findings ${counts.findings}${fixCounts}`,
    ...nothingToCheck,
  ].join('\n');
}
