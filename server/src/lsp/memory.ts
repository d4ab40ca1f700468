// Closing documents makes garbage the language server would otherwise keep as resident memory:
// each open or close of a loose file rebuilds a program (a new checker, the default library's
// types checked anew), and V8 answers that allocation rate by growing its heap, handing pages back
// only when a major collection compacts it. So after documents are closed, once the server has
// been quiet for a moment, a full collection is run — at most one per MIN_INTERVAL_MS. Measured
// with bench/lsp-memory.mjs (docs/reliability.md).
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

const QUIET_MS = 300;
const MIN_INTERVAL_MS = 2_000;

/** Node's `gc()`, exposed at run time (the server is started without --expose-gc). */
function collector(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

export class IdleCollector {
  private readonly gc = collector();
  private timer: NodeJS.Timeout | undefined;
  private last = 0;

  /** Documents were closed: collect once the server is quiet. */
  closed(): void {
    if (!this.gc) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(QUIET_MS, this.last + MIN_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.last = Date.now();
      this.gc!();
    }, wait);
    this.timer.unref();
  }

  /** Activity: a collection now would only slow the answer down. */
  busy(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      if (this.gc) this.closed();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
