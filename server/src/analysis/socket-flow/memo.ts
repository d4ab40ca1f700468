// The socket flow's memo: one answer per expression node and program, with whether it was cut
// short and what computing it read (for --cache).
import type { Reads } from './reads';
import type { FlowValue } from './values';

/**
 * A memoised answer, and whether it was cut short: by the depth limit (then it holds for any
 * query that reaches the node as deep or deeper, and is computed again for a shallower one — or
 * the answer would depend on which file was checked first), or by the work budget (computed
 * again next time). Answers inside a cycle are kept as they are: the cycle's other values reach
 * the query through the node that started it.
 */
export interface Memo {
  readonly values: readonly FlowValue[];
  readonly cut: Cut;
  readonly depth: number;
  /** What computing it read (reads.ts): inherited by every query that reuses it. */
  readonly reads: Reads;
}

export type Cut = 'none' | 'depth' | 'budget';

export function worse(a: Cut, b: Cut): Cut {
  return a === 'budget' || b === 'budget' ? 'budget' : a === 'depth' || b === 'depth' ? 'depth' : 'none';
}

/** Whether a memoised answer holds for a query at `depth` (see Memo). */
export function reusableAt(memo: Memo, depth: number): boolean {
  return memo.cut === 'none' || (memo.cut === 'depth' && depth >= memo.depth);
}
