// The typo fallback: fuse.js (Bitap) catches what the uFuzzy passes cannot, a wrong first letter
// ("vittensor") or two slips at once, but scanning 10,000 names costs it 10-20 ms a query. A
// bigram index picks its candidates first. The filter is lossless for fuse.js's own threshold:
// if the pattern (length m) occurs in a text with at most k edits, at least m - 1 - 2k of the
// pattern's bigram positions occur in that text (each edit destroys at most two). Junk such as
// "zzzzqqq" then costs a few Map look-ups instead of a full fuse.js scan, and no fuse.js index
// has to be kept in step with edits: the bigram postings change with each note in O(its length).
import Fuse, { type IFuseOptions } from 'fuse.js';

/** errors / pattern length that fuse.js accepts: one slip in 5-6 letters, two in 7-9, three in 10-13. */
export const TYPO_THRESHOLD = 0.3;

/** Above this many candidates the most promising (most shared bigrams) are scored. */
export const MAX_TYPO_CANDIDATES = 300;

const FUSE_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  ignoreLocation: true,
  threshold: TYPO_THRESHOLD,
  minMatchCharLength: 2,
  isCaseSensitive: true, // already folded
  shouldSort: false,
};

export interface TypoHit {
  /** The field id given to `BigramIndex.add`. */
  field: number;
  /** fuse.js's score: 0 is perfect, `TYPO_THRESHOLD` the worst kept. */
  score: number;
}

/** The fields holding one bigram, and where in each field's own list this posting sits. */
interface Posting {
  readonly bigram: string;
  readonly fields: number[];
  /** `slots[i]` is the position of this posting in `fields[i]`'s `FieldPostings`. */
  readonly slots: number[];
}

/** One field's postings, each with its position in the posting's list, for O(1) removal. */
interface FieldPostings {
  readonly postings: Posting[];
  readonly at: number[];
}

export class BigramIndex {
  /** Field ids per bigram. Arrays rather than Sets: 10,000 names make ~1,000 lists, some long. */
  private readonly postings = new Map<string, Posting>();
  /**
   * Per field, the lists it is in and its position in each. Common bigrams ("en", "or") list
   * nearly every name; finding a field in them by scanning made re-setting n names O(n²)
   * (9 s for 40,000): with positions a removal costs O(the name's bigrams), whatever the vault.
   */
  private readonly byField: Array<FieldPostings | undefined> = [];
  /** Scratch counts per field id, zeroed again after each use. */
  private shared = new Uint8Array(0);
  /** One more than the highest field id seen. */
  private capacity = 0;

  add(field: number, text: string): void {
    if (this.byField[field]) this.remove(field);
    this.capacity = Math.max(this.capacity, field + 1);
    const own: FieldPostings = { postings: [], at: [] };
    for (const bigram of distinctBigrams(text)) {
      let posting = this.postings.get(bigram);
      if (!posting) this.postings.set(bigram, (posting = { bigram, fields: [], slots: [] }));
      own.at.push(posting.fields.length);
      own.postings.push(posting);
      posting.fields.push(field);
      posting.slots.push(own.postings.length - 1);
    }
    this.byField[field] = own;
  }

  remove(field: number): void {
    const own = this.byField[field];
    if (!own) return;
    for (let slot = 0; slot < own.postings.length; slot++) {
      const posting = own.postings[slot];
      const at = own.at[slot];
      const last = posting.fields.length - 1;
      if (at !== last) {
        // The last entry fills the gap; its own record of where it sits follows it.
        const moved = posting.fields[last];
        const movedSlot = posting.slots[last];
        posting.fields[at] = moved;
        posting.slots[at] = movedSlot;
        (this.byField[moved] as FieldPostings).at[movedSlot] = at;
      }
      posting.fields.pop();
      posting.slots.pop();
      if (posting.fields.length === 0) this.postings.delete(posting.bigram);
    }
    this.byField[field] = undefined;
  }

  /**
   * Fields sharing at least `needed` of the bigram positions of `patterns`, most shared first
   * (ties by field id), at most `cap` of them; `skip` drops fields already matched.
   */
  candidates(patterns: readonly string[], needed: number, cap: number, skip: (field: number) => boolean): number[] {
    const weights = new Map<string, number>();
    for (const pattern of patterns) {
      for (let i = 0; i + 1 < pattern.length; i++) {
        const bigram = pattern.slice(i, i + 2);
        weights.set(bigram, (weights.get(bigram) ?? 0) + 1);
      }
    }
    // Common bigrams ("en", "or") list thousands of fields: count in a typed array, not a Map.
    if (this.shared.length < this.capacity) this.shared = new Uint8Array(this.capacity * 2);
    const shared = this.shared;
    const touched: number[] = [];
    for (const [bigram, weight] of weights) {
      for (const field of this.postings.get(bigram)?.fields ?? []) {
        if (shared[field] === 0) touched.push(field);
        shared[field] = Math.min(255, shared[field] + weight);
      }
    }
    const passing: number[] = [];
    const floor = Math.max(1, needed);
    for (const field of touched) if (shared[field] >= floor && !skip(field)) passing.push(field);
    // Removals reorder the posting lists: sorting keeps the answer independent of the edit history.
    passing.sort((a, b) => shared[b] - shared[a] || a - b);
    if (passing.length > cap) passing.length = cap;
    for (const field of touched) shared[field] = 0;
    return passing;
  }
}

function distinctBigrams(text: string): string[] {
  const bigrams: string[] = [];
  // A Set only for long values: for a name, a scan of a few entries is cheaper than hashing.
  const seen = text.length > 48 ? new Set<string>() : undefined;
  for (let i = 0; i + 1 < text.length; i++) {
    const bigram = text.slice(i, i + 2);
    if (seen ? seen.has(bigram) : bigrams.includes(bigram)) continue;
    seen?.add(bigram);
    bigrams.push(bigram);
  }
  return bigrams;
}

/** The fewest shared bigram positions a text needs to be within fuse.js's threshold. */
export function bigramsNeeded(pattern: string): number {
  const maxErrors = Math.floor(TYPO_THRESHOLD * pattern.length);
  return pattern.length - 1 - 2 * maxErrors;
}

/**
 * The same bound for uFuzzy's single-error mode, which allows one error in each run of three or
 * more non-digits of a term (its default rules); a transposition, the costliest error, destroys
 * up to three bigram positions.
 */
export function bigramsNeededForSingleErrors(terms: readonly string[]): number {
  let positions = 0;
  let errors = 0;
  for (const term of terms) {
    positions += term.length - 1;
    errors += term.match(/\D{3,}/g)?.length ?? 0;
  }
  return positions - 3 * errors;
}

/** Scores `candidates` (field ids whose folded texts `textOf` returns) against `pattern`. */
export function typoMatches(pattern: string, candidates: readonly number[], textOf: (field: number) => string): TypoHit[] {
  if (candidates.length === 0) return [];
  const fuse = new Fuse(
    candidates.map((field) => textOf(field)),
    FUSE_OPTIONS,
  );
  return fuse.search(pattern).map((result) => ({
    field: candidates[result.refIndex],
    score: result.score ?? TYPO_THRESHOLD,
  }));
}
