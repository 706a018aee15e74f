// "Did you mean …?" for misspelt layers, categories and protocol names.

/**
 * Edit distance between two strings, giving up (returning `limit + 1`) as soon as it is clear
 * the distance exceeds `limit`: suggestions only care about near misses, and the index asks
 * this for every name in a large workspace.
 */
// Two rows reused across calls: the suggestions ask this thousands of times in a row.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Only cells within `limit` of the diagonal can lead to a distance within `limit` (Ukkonen's
  // band): O(length × limit) instead of O(length²). Cells outside the band count as too far.
  const band = Math.min(limit, Math.max(a.length, b.length));
  const far = band + 1;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(2 * (b.length + 1));
    rowB = new Int32Array(2 * (b.length + 1));
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= band ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    current[0] = i <= band ? i : far;
    if (from > 1) current[from - 1] = far;
    let rowBest = from === 1 ? current[0] : far;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitution, previous[j] + 1, current[j - 1] + 1, far);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (to < b.length) current[to + 1] = far;
    if (rowBest > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], limit + 1);
}

/** Longer text gets no "did you mean": it is pasted, not typed. */
export const MAX_SUGGESTED_LENGTH = 100;

/** How far a candidate may be from what was typed and still be worth suggesting. */
function suggestionLimit(text: string): number {
  return Math.max(2, Math.floor(text.length / 3));
}

/**
 * The candidates nearest to `text` (case-insensitive), best first, ties in candidate order.
 * A candidate that starts with or contains what was typed also counts as near, so "akas" finds
 * "Akash Network".
 */
export function closestMatches(text: string, candidates: Iterable<string>, max = 3): string[] {
  return new SuggestionPool(candidates).closest(text, max);
}

/** Candidates lowercased and deduplicated once, for asking `closest` many times. */
export class SuggestionPool {
  private readonly candidates: string[] = [];
  private readonly keys: string[] = [];

  constructor(candidates: Iterable<string>) {
    const seen = new Set<string>();
    for (const candidate of candidates) {
      const key = candidate.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      this.candidates.push(candidate);
      this.keys.push(key);
    }
  }

  get size(): number {
    return this.keys.length;
  }

  closest(text: string, max = 3): string[] {
    const wanted = text.trim().toLowerCase();
    // Nobody misspells a 200-character name; comparing one costs as much as a hundred short ones.
    if (!wanted || wanted.length > MAX_SUGGESTED_LENGTH) return [];
    const limit = suggestionLimit(wanted);
    const scored: Array<{ index: number; score: number }> = [];
    for (let index = 0; index < this.keys.length; index++) {
      const key = this.keys[index];
      let score = Math.abs(key.length - wanted.length) > limit ? limit + 1 : editDistance(wanted, key, limit);
      // Replacing every character is not a near miss: "算力" is two edits from "l1", and unrelated.
      if (score >= Math.min(wanted.length, key.length)) score = limit + 1;
      if (score > limit && wanted.length >= 3 && key.includes(wanted)) score = limit;
      if (score <= limit) scored.push({ index, score });
    }
    scored.sort((x, y) => x.score - y.score || x.index - y.index);
    return scored.slice(0, max).map((entry) => this.candidates[entry.index]);
  }
}
