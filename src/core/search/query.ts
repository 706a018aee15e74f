// Turns whatever was typed into the forms each pass needs. The fuzzy passes only ever see
// letters and digits joined by spaces: uFuzzy gives quotes, "-" and apostrophes a meaning of
// its own, and a regular expression must never see a metacharacter the user typed.
import { charMask, compactKey, exactKey, fold } from './fold';

/**
 * Bounds for the regular-expression passes. Their patterns grow with the query and backtrack
 * on repeated letters, and no protocol name has more words or letters than this, so a longer
 * query can only be an exact name (looked up in O(1)) or a paste that should match nothing.
 */
const MAX_FUZZY_LENGTH = 32;
const MAX_FUZZY_TERMS = 4;
/** Three identical letters in a row never occur in a name but make the patterns backtrack. */
const REPEATED_LETTER = /(.)\1\1/u;

/**
 * Bitap (fuse.js) works on 32-bit masks. Below five characters one typo is a fifth of the word
 * or more: "neur" would find "NEAR"; the single-error uFuzzy pass covers swaps there.
 */
const MIN_TYPO_LENGTH = 5;
const MAX_TYPO_LENGTH = 32;

export interface PreparedQuery {
  /** Folded, trimmed, whitespace collapsed: '' means the researcher typed nothing yet. */
  readonly key: string;
  /** `key` without separators, for the compact-name map; '' when nothing is left. */
  readonly compact: string;
  /** Letter/digit terms joined by spaces, for uFuzzy; '' when the fuzzy passes must not run. */
  readonly needle: string;
  /** The needle's terms; empty when the fuzzy passes must not run. */
  readonly terms: readonly string[];
  /** Characters the needle needs (see `charMask`). */
  readonly mask: number;
  /** What fuse.js searches for; '' when the query is too short or too long for typo matching. */
  readonly typoPattern: string;
}

// Astral characters (emoji, rare letters) act as separators: uFuzzy splits terms into UTF-16
// units, which would turn one emoji into two lone surrogates inside a pattern.
const TERM_SEPARATOR = /(?:[^\p{L}\p{N}]|[\u{10000}-\u{10FFFF}])+/u;

export function prepareQuery(raw: unknown): PreparedQuery {
  const key = typeof raw === 'string' ? exactKey(fold(raw).text) : '';
  const terms = key.split(TERM_SEPARATOR).filter((term) => term !== '');
  const joined = terms.join(' ');
  const fuzzy =
    terms.length > 0 &&
    terms.length <= MAX_FUZZY_TERMS &&
    joined.length <= MAX_FUZZY_LENGTH &&
    !REPEATED_LETTER.test(joined);
  const needle = fuzzy ? joined : '';
  const typo =
    terms.length > 0 && key.length >= MIN_TYPO_LENGTH && key.length <= MAX_TYPO_LENGTH && joined.length >= MIN_TYPO_LENGTH;
  return {
    key,
    compact: compactKey(key),
    needle,
    terms: fuzzy ? terms : [],
    mask: charMask(needle),
    typoPattern: typo ? key : '',
  };
}
