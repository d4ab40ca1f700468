// A one-line progress indicator on stderr for long runs: nothing for the first seconds, then
// `wsclose: 12/40 files checked, 3.1 s` rewritten in place with \r, and erased at the end so the
// terminal is left as it was. Silent when stderr is not a terminal (CI logs, pipes, files). In the
// CLI's locale.
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import { cliText } from './text';
import type { StatsText } from './text/cli-text';

export type ProgressPhase = keyof StatsText['progressPhases'];

export interface ProgressReporter {
  /** A phase started (shown until files are counted). */
  phase(name: ProgressPhase): void;
  /** `checked` of `total` files linted. */
  files(checked: number, total: number): void;
  /** The run is over: erase the line if one was drawn. */
  done(): void;
}

export interface ProgressOptions {
  readonly isTTY: boolean;
  readonly write: (text: string) => void;
  /** Milliseconds. */
  readonly now: () => number;
  /** Show nothing before this many milliseconds (default 2000). */
  readonly delay?: number;
  /** Redraw at most this often, in milliseconds (default 100). */
  readonly interval?: number;
  /** Default: English. */
  readonly locale?: Locale;
}

export const SILENT_PROGRESS: ProgressReporter = { phase: () => undefined, files: () => undefined, done: () => undefined };

export function createProgress(options: ProgressOptions): ProgressReporter {
  if (!options.isTTY) return SILENT_PROGRESS;
  const delay = options.delay ?? 2000;
  const interval = options.interval ?? 100;
  const text = cliText(options.locale ?? 'en');
  const decimalPoint = (1.5).toLocaleString(text.notes.numberLocale).charAt(1);
  const start = options.now();
  let lastDraw = -Infinity;
  let drawn = false;
  let status = '';
  const draw = (force: boolean): void => {
    const now = options.now();
    if (now - start < delay || (!force && now - lastDraw < interval)) return;
    lastDraw = now;
    drawn = true;
    // \r back to the line start, the text, then erase what a longer previous line left behind.
    const seconds = ((now - start) / 1000).toFixed(1).replace('.', decimalPoint);
    options.write(`\r${renderTemplate(text.stats.progress, { status, seconds })}\u001b[K`);
  };
  return {
    phase(name) {
      status = text.stats.progressPhases[name];
      draw(true);
    },
    files(checked, total) {
      status = renderTemplate(text.stats.progressFiles, { checked, total });
      draw(checked === total);
    },
    done() {
      if (drawn) options.write('\r\u001b[K');
      drawn = false;
    },
  };
}
