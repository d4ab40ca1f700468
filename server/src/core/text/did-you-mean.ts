// "Did you mean …?" for misspelt names (config keys, rule ids, profile and runtime ids).
// Used by the config parser (engine) and by directive checking (core), so it lives in core.

/** Levenshtein distance, with an early exit once the distance is known to exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `name`, or undefined when nothing is plausibly what was meant.
 * Case and `_`/`-` differences are free; otherwise up to a third of the name's length may differ
 * (at least 1, at most 3), which catches `rule` → `rules` without suggesting unrelated ids.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const normalize = (value: string): string => value.toLowerCase().replace(/_/g, '-');
  const wanted = normalize(name);
  if (wanted.length === 0) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalize(candidate), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  // A truncated name ("graphql" for "graphql-ws") is too far by edit distance; take it when only one
  // candidate extends it.
  const extensions = candidates.filter((candidate) => wanted.length >= 3 && normalize(candidate).startsWith(wanted));
  return extensions.length === 1 ? extensions[0] : undefined;
}
