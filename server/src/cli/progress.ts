// A one-line progress indicator on stderr for long runs: nothing for the first seconds, then
// `wsclose: 12/40 files checked, 3.1 s` rewritten in place with \r, and erased at the end so the
// terminal is left as it was. Silent when stderr is not a terminal (CI logs, pipes, files).
export interface ProgressReporter {
  /** A phase started (shown until files are counted). */
  phase(name: string): void;
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
}

export const SILENT_PROGRESS: ProgressReporter = { phase: () => undefined, files: () => undefined, done: () => undefined };

export function createProgress(options: ProgressOptions): ProgressReporter {
  if (!options.isTTY) return SILENT_PROGRESS;
  const delay = options.delay ?? 2000;
  const interval = options.interval ?? 100;
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
    options.write(`\rwsclose: ${status}, ${((now - start) / 1000).toFixed(1)} s\u001b[K`);
  };
  return {
    phase(name) {
      status = name;
      draw(true);
    },
    files(checked, total) {
      status = `${checked}/${total} files checked`;
      draw(checked === total);
    },
    done() {
      if (drawn) options.write('\r\u001b[K');
      drawn = false;
    },
  };
}
