// One searchable list of strings (protocol names and aliases, or the distinct categories and
// layers), with the cascade of passes that the measurements on 10,000 names support:
//   1. exact and compact keys, O(1) Map look-ups ("TAO", "ionet" for "io.net");
//   2. uFuzzy with one inserted character allowed between query letters, over the fields that
//      contain every letter of the query: it finds dropped-vowel abbreviations ("btensr") that
//      fuse.js misses;
//   3. uFuzzy's single-error mode (swap, substitution, insertion, deletion: "bittnesor"), only
//      when the earlier passes found too few protocols, and only over the fields sharing enough
//      bigrams with the query: its patterns are large alternations, and run over all 20,000
//      fields a fresh query costs ~6 ms where the filtered run costs a fraction of one;
//   4. fuse.js over bigram-filtered candidates, only when nothing was found at all.
// Regular expressions are ASCII-only on purpose: the haystack is already folded, and V8 takes
// ~7 ms to compile each new case-insensitive pattern that holds a \p{L} class (uFuzzy builds
// several per query), against ~0.05 ms for the ASCII ones.
// Updates touch only the changed field: free slots are reused, so nothing is ever rebuilt.
import type uFuzzyClass from '@leeoniya/ufuzzy' with { 'resolution-mode': 'import' };
import { alignApproximately, alignTerms } from './align';
import { charMask, compactKey, exactKey, fold, popcount, toOriginalRanges, wordRuns, type FoldedText, type TextRange } from './fold';
import type { PreparedQuery } from './query';
import { fallbackQuality, matchQuality, tierScore, type Tier } from './scoring';
import { BigramIndex, bigramsNeeded, bigramsNeededForSingleErrors, MAX_TYPO_CANDIDATES, typoMatches, TYPO_THRESHOLD } from './typoFallback';

// The package ships ESM typings but a CommonJS build (its `main`), which is what this CommonJS
// project loads; the typings are borrowed through a type-only import.
const uFuzzy: typeof uFuzzyClass = require('@leeoniya/ufuzzy');
type uFuzzy = uFuzzyClass;

export interface FieldHit<Owner> {
  owner: Owner;
  /** The caller's tag for the field (e.g. which alias). */
  tag: number;
  /** The original value, as given to `add`. */
  value: string;
  score: number;
  /** UTF-16 ranges into `value`. */
  ranges: TextRange[];
}

export interface FieldSearchOptions {
  /** Stop widening the search once this many distinct owners have been found. */
  enough: number;
  /** At most this many fuzzy hits per pass get ranked (the rest score lower anyway). */
  budget: number;
  /** False when the query already names something exactly elsewhere: no typo passes then. */
  forgiving?: boolean;
}

interface Field<Owner> {
  owner: Owner;
  tag: number;
  value: string;
  folded: FoldedText;
  key: string;
  compact: string;
}

/** Values longer than this rank alike in `mostPromising`. */
const PROMISE_LENGTHS = 64;

// The needle arrives as letter/digit terms joined by single spaces (see query.ts) and the
// haystack is folded to lower case, so case-change bounds and contractions are moot. Any
// character may be skipped inside a term: dots, hyphens and spaces in a name are characters a
// query leaves out ("ionet" for "io.net"). Word bounds are checked on the alignment (align.ts),
// since only uFuzzy's `info`, which this index does not call, would apply them.
const UFUZZY_BASE: uFuzzyClass.Options = {
  interSplit: ' +',
  intraSplit: null,
  interBound: '[\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f]',
  intraBound: '[a-z]\\d|\\d[a-z]',
  intraChars: '.',
  intraContr: '(?!)',
};

export class FieldIndex<Owner> {
  /** Folded text per field id, '' for a free slot: the array uFuzzy scans. */
  private readonly haystack: string[] = [];
  /** `charMask` per field id, 0 for a free slot; typed, because every fuzzy query scans it. */
  private masks = new Int32Array(64);
  private readonly fields: Array<Field<Owner> | undefined> = [];
  private readonly freeSlots: number[] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byCompact = new Map<string, number[]>();
  private readonly bigrams = new BigramIndex();
  private readonly fast = new uFuzzy({ ...UFUZZY_BASE, intraMode: 0, intraIns: 1 });
  private readonly typo = new uFuzzy({ ...UFUZZY_BASE, intraMode: 1 });
  private readonly wordStart: boolean;

  /**
   * `wordStart`: every term of a fuzzy match must begin a word, as for categories and layers,
   * which list many protocols at once ("infra" and "framework", not "structure" or "vacy").
   */
  constructor(options: { wordStart?: boolean } = {}) {
    this.wordStart = options.wordStart ?? false;
  }

  add(owner: Owner, tag: number, value: string): number {
    const folded = fold(value);
    const key = exactKey(folded.text);
    const field: Field<Owner> = { owner, tag, value, folded, key, compact: compactKey(key) };
    const id = this.freeSlots.pop() ?? this.fields.length;
    this.fields[id] = field;
    this.haystack[id] = folded.text;
    if (id >= this.masks.length) {
      const grown = new Int32Array(this.masks.length * 2);
      grown.set(this.masks);
      this.masks = grown;
    }
    this.masks[id] = charMask(folded.text);
    addTo(this.byKey, key, id);
    if (field.compact !== '') addTo(this.byCompact, field.compact, id);
    this.bigrams.add(id, folded.text);
    return id;
  }

  remove(id: number): void {
    const field = this.fields[id];
    if (!field) return;
    removeFrom(this.byKey, field.key, id);
    removeFrom(this.byCompact, field.compact, id);
    this.bigrams.remove(id);
    this.fields[id] = undefined;
    this.haystack[id] = '';
    this.masks[id] = 0;
    this.freeSlots.push(id);
  }

  search(query: PreparedQuery, options: FieldSearchOptions): Array<FieldHit<Owner>> {
    const hits = new Map<number, FieldHit<Owner>>();
    const owners = new Set<Owner>();
    const record = (id: number, score: number, foldedRanges: Iterable<TextRange>): void => {
      const field = this.fields[id];
      if (!field || hits.has(id)) return;
      const ranges = toOriginalRanges(field.folded, foldedRanges);
      hits.set(id, { owner: field.owner, tag: field.tag, value: field.value, score, ranges });
      owners.add(field.owner);
    };

    for (const id of this.byKey.get(query.key) ?? []) {
      record(id, tierScore('exact'), [[0, this.haystack[id].length]]);
    }
    if (query.compact !== '') {
      for (const id of this.byCompact.get(query.compact) ?? []) record(id, tierScore('compact'), wordRuns(this.haystack[id]));
    }
    // A name typed exactly is not a typo: its misspelt neighbours would only be noise.
    const forgiving = hits.size === 0 && options.forgiving !== false;

    if (query.needle !== '') {
      this.fuzzyPass(this.fast, 'fast', this.withAllLetters(query, 0, hits), query, options.budget, record);
      if (forgiving && owners.size < options.enough) {
        this.fuzzyPass(this.typo, 'typo', this.closeToTerms(query, hits), query, options.budget, record);
      }
    }
    // fuse.js is the slowest pass and the loosest: it only speaks when the others found nothing.
    if (forgiving && owners.size === 0 && query.typoPattern !== '') {
      this.typoPass(query.typoPattern, hits, record);
    }
    return [...hits.values()];
  }

  /** Fields lacking at most `missing` of the query's characters, not yet matched. */
  private withAllLetters(query: PreparedQuery, missing: number, hits: ReadonlyMap<number, unknown>): number[] {
    // This loop runs over every field on every query: no call unless a letter is lacking.
    const ids: number[] = [];
    const masks = this.masks;
    const needed = query.mask;
    const count = popcount;
    const end = this.fields.length;
    for (let id = 0; id < end; id++) {
      const mask = masks[id];
      if (mask === 0) continue;
      const lacking = needed & ~mask;
      if (lacking !== 0 && (missing === 0 || count(lacking) > missing)) continue;
      if (!hits.has(id)) ids.push(id);
    }
    return ids;
  }

  /** Fields that one error per term could still turn into a match. */
  private closeToTerms(query: PreparedQuery, hits: ReadonlyMap<number, unknown>): number[] {
    const errors = query.terms.length;
    const needed = bigramsNeededForSingleErrors(query.terms);
    if (needed < 1) return this.withAllLetters(query, errors, hits);
    return this.bigrams
      .candidates(query.terms, needed, Infinity, (id) => hits.has(id))
      .filter((id) => popcount(query.mask & ~this.masks[id]) <= errors)
      .sort((a, b) => a - b);
  }

  private fuzzyPass(
    matcher: uFuzzy,
    tier: Tier,
    candidates: number[],
    query: PreparedQuery,
    budget: number,
    record: (id: number, score: number, ranges: Iterable<TextRange>) => void,
  ): void {
    if (candidates.length === 0) return;
    const matched = matcher.filter(this.haystack, query.needle, candidates) ?? [];
    if (matched.length === 0) return;
    const ranked = matched.length > budget ? this.mostPromising(matched, query.terms[0], budget) : matched;
    const letters = query.terms.join('');
    for (const id of ranked) {
      const text = this.haystack[id];
      const alignment = tier === 'fast' ? alignTerms(text, query.terms) : alignApproximately(text, letters);
      if (!alignment || (this.wordStart && alignment.wordStarts < alignment.terms)) continue;
      const quality = matchQuality(text, alignment);
      record(id, tierScore(tier, quality), alignment.ranges);
    }
  }

  /**
   * Ranking every hit of a one-letter query would cost more than the search itself; a prefix
   * beats a substring beats a scattered match, and shorter values are closer to the query.
   */
  private mostPromising(ids: number[], firstTerm: string, budget: number): number[] {
    const keys = new Uint32Array(ids.length);
    const histogram = new Uint32Array(3 * PROMISE_LENGTHS);
    for (let i = 0; i < ids.length; i++) {
      const text = this.haystack[ids[i]];
      const at = text.indexOf(firstTerm);
      const key = (at === 0 ? 0 : at > 0 ? 1 : 2) * PROMISE_LENGTHS + Math.min(text.length, PROMISE_LENGTHS - 1);
      keys[i] = key;
      histogram[key]++;
    }
    // A counting pass finds the cut-off key in O(n); ids stay in haystack order within it.
    let cutoff = 0;
    for (let seen = 0; cutoff < histogram.length; cutoff++) {
      seen += histogram[cutoff];
      if (seen >= budget) break;
    }
    const chosen: number[] = [];
    for (let i = 0; i < ids.length && chosen.length < budget; i++) if (keys[i] < cutoff) chosen.push(ids[i]);
    for (let i = 0; i < ids.length && chosen.length < budget; i++) if (keys[i] === cutoff) chosen.push(ids[i]);
    return chosen.sort((a, b) => a - b);
  }

  private typoPass(
    pattern: string,
    hits: ReadonlyMap<number, unknown>,
    record: (id: number, score: number, ranges: Iterable<TextRange>) => void,
  ): void {
    const candidates = this.bigrams.candidates([pattern], bigramsNeeded(pattern), MAX_TYPO_CANDIDATES, (id) => hits.has(id));
    const letters = compactKey(pattern);
    for (const hit of typoMatches(pattern, candidates, (id) => this.haystack[id])) {
      // fuse.js's own match indices mark every pattern letter inside its window; the
      // edit-distance alignment marks the ones that actually line up.
      const alignment = alignApproximately(this.haystack[hit.field], letters);
      if (this.wordStart && !alignment?.wordStarts) continue;
      record(hit.field, tierScore('fallback', fallbackQuality(hit.score, TYPO_THRESHOLD)), alignment?.ranges ?? []);
    }
  }
}

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  const ids = map.get(key);
  if (ids) ids.push(id);
  else map.set(key, [id]);
}

function removeFrom(map: Map<string, number[]>, key: string, id: number): void {
  const ids = map.get(key);
  const at = ids ? ids.indexOf(id) : -1;
  if (!ids || at < 0) return;
  ids.splice(at, 1);
  if (ids.length === 0) map.delete(key);
}
