// "Did you mean …?" for misspelt layers, categories and protocol names.

/**
 * Edit distance between two strings, giving up (returning `limit + 1`) as soon as it is clear
 * the distance exceeds `limit`: suggestions only care about near misses, and the index asks
 * this for every name in a large workspace.
 */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = current[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
      if (current[j] < rowBest) rowBest = current[j];
    }
    if (rowBest > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** How far a candidate may be from what was typed and still be worth suggesting. */
export function suggestionLimit(text: string): number {
  return Math.max(2, Math.floor(text.length / 3));
}

/**
 * The candidates nearest to `text` (case-insensitive), best first, ties in candidate order.
 * A candidate that starts with or contains what was typed also counts as near, so "akas" finds
 * "Akash Network".
 */
export function closestMatches(text: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return [];
  const limit = suggestionLimit(wanted);
  const scored: Array<{ candidate: string; score: number; order: number }> = [];
  const seen = new Set<string>();
  let order = 0;
  for (const candidate of candidates) {
    const key = candidate.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    let score = editDistance(wanted, key, limit);
    if (score > limit && wanted.length >= 3 && key.includes(wanted)) score = limit;
    if (score <= limit) scored.push({ candidate, score, order: order++ });
  }
  scored.sort((x, y) => x.score - y.score || x.order - y.order);
  return scored.slice(0, max).map((entry) => entry.candidate);
}
