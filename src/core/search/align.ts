// Where a query lies in a value, for highlighting and ranking. uFuzzy's own `info` would say,
// but it compiles two more regular expressions per query, and on a fresh query (what typing
// produces) that compilation costs more than the whole search. So the passes only use uFuzzy
// to filter, and align what it kept here: `alignTerms` for the fast pass's pattern, and
// `alignApproximately` (an edit-distance alignment) for the typo passes.
import type { TextRange } from './fold';

export interface Alignment {
  /** Matched ranges in the text, ascending, non-overlapping. */
  ranges: TextRange[];
  start: number;
  /** Characters matched (the needle's letters). */
  matched: number;
  /** Characters skipped inside terms, or edits for an approximate alignment. */
  skipped: number;
  /** Characters between terms: a space or a dot there is natural, so it weighs less. */
  between: number;
  /** How many terms begin at a word start, out of `terms`. */
  wordStarts: number;
  /** How many terms end at a word end, out of `terms`: "tao" is a whole word in "Tao Net". */
  wordEnds: number;
  terms: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Letters and digits, with an ASCII shortcut: this runs for every character of every hit. */
export function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(char);
}

/** The best-looking alignment of `terms` in `text`, or undefined when the pattern does not match. */
export function alignTerms(text: string, terms: readonly string[]): Alignment | undefined {
  if (terms.length === 0) return undefined;
  if (terms.length === 1) {
    const contiguous = contiguousAt(text, terms[0]);
    if (contiguous >= 0) {
      const end = contiguous + terms[0].length;
      const wordStarts = contiguous === 0 || !isWordChar(text[contiguous - 1]) ? 1 : 0;
      const wordEnds = isWordChar(text[end]) ? 0 : 1;
      return { ranges: [[contiguous, end]], start: contiguous, matched: terms[0].length, skipped: 0, between: 0, wordStarts, wordEnds, terms: 1 };
    }
  }
  const walks = terms.map((term) => termWalks(text, term));
  // Past this position the remaining terms are known not to fit (see `place`).
  const failsFrom = terms.map(() => Infinity);
  const placed = place(walks, 0, 0, text, failsFrom);
  if (!placed) return undefined;
  const positions = placed.flat();
  let skipped = 0;
  let between = 0;
  let wordStarts = 0;
  let wordEnds = 0;
  placed.forEach((term, index) => {
    const last = term[term.length - 1];
    skipped += last + 1 - term[0] - term.length;
    if (index > 0) between += term[0] - placed[index - 1][placed[index - 1].length - 1] - 1;
    if (term[0] === 0 || !isWordChar(text[term[0] - 1])) wordStarts++;
    if (!isWordChar(text[last + 1])) wordEnds++;
  });
  const ranges = toRanges(positions);
  return { ranges, start: positions[0], matched: positions.length, skipped, between, wordStarts, wordEnds, terms: terms.length };
}

/** Ascending positions as ranges of neighbours. */
function toRanges(positions: readonly number[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const position of positions) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === position) last[1] = position + 1;
    else ranges.push([position, position + 1]);
  }
  return ranges;
}

type Walk = (start: number) => number[] | undefined;

function place(walks: readonly Walk[], term: number, from: number, text: string, failsFrom: number[]): number[][] | undefined {
  if (from >= failsFrom[term]) return undefined;
  for (const start of preferredStarts(text, from)) {
    const positions = walks[term](start);
    if (!positions) continue;
    if (term === walks.length - 1) return [positions];
    const rest = place(walks, term + 1, positions[positions.length - 1] + 1, text, failsFrom);
    if (rest) return [positions, ...rest];
  }
  // If the remaining terms cannot follow `from`, they cannot follow any later position either.
  failsFrom[term] = Math.min(failsFrom[term], from);
  return undefined;
}

/** Where a term occurs whole, at a word start if it can: the common case, without the table. */
function contiguousAt(text: string, term: string): number {
  let first = -1;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !isWordChar(text[at - 1])) return at;
    if (first < 0) first = at;
  }
  return first;
}

/** Word starts first (a match there reads like what was meant), then everything else. */
function preferredStarts(text: string, from: number): number[] {
  const starts: number[] = [];
  for (let i = from; i < text.length; i++) if (i === 0 || !isWordChar(text[i - 1])) starts.push(i);
  for (let i = from; i < text.length; i++) if (i !== 0 && isWordChar(text[i - 1])) starts.push(i);
  return starts;
}

/**
 * For one term, a function giving the tightest walk that starts at a position. `fits[i][p]`
 * (flattened) says whether the term's letters from i on can be matched starting at text
 * position p; computing it backwards keeps the cost at term × text, with no backtracking.
 */
function termWalks(text: string, term: string): Walk {
  const width = text.length + 2;
  const fits = new Uint8Array((term.length + 1) * width);
  for (let p = 0; p < width; p++) fits[term.length * width + p] = 1;
  for (let i = term.length - 1; i >= 0; i--) {
    for (let p = text.length - 1; p >= 0; p--) {
      if (text[p] !== term[i] || isLineBreak(text[p])) continue;
      const next = (i + 1) * width;
      const last = i === term.length - 1;
      if (last || fits[next + p + 1] || (fits[next + p + 2] && !isLineBreak(text[p + 1]))) fits[i * width + p] = 1;
    }
  }
  return (start) => {
    if (!fits[start]) return undefined;
    const positions = [start];
    let p = start;
    for (let i = 1; i < term.length; i++) {
      p = fits[i * width + p + 1] ? p + 1 : p + 2;
      positions.push(p);
    }
    return positions;
  };
}

/** uFuzzy's patterns skip characters with `.`, which does not match line terminators. */
function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029';
}

/** Moves in the edit-distance table, for the traceback. */
const MATCH = 1;
const DROP_PATTERN = 2;
const SKIP_TEXT = 3;
const SWAP = 4;

/**
 * The cheapest alignment of `pattern` (letters and digits) with a stretch of `text`, counting
 * substitutions, insertions, deletions and swaps of neighbours as one edit each (optimal string
 * alignment), while separators in the text cost nothing ("ionet" in "io.net"). `skipped` is the
 * number of edits; ranges cover the text characters that match a pattern letter.
 */
export function alignApproximately(text: string, pattern: string): Alignment | undefined {
  const rows = pattern.length + 1;
  const width = text.length + 1;
  if (pattern.length === 0 || text.length === 0) return undefined;
  const cost = new Uint16Array(rows * width);
  const move = new Uint8Array(rows * width);
  for (let i = 1; i < rows; i++) {
    cost[i * width] = i;
    move[i * width] = DROP_PATTERN;
  }
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < width; j++) {
      const here = i * width + j;
      const same = pattern[i - 1] === text[j - 1];
      let best = cost[here - width - 1] + (same ? 0 : 1);
      let how = MATCH;
      if (i > 1 && j > 1 && pattern[i - 1] === text[j - 2] && pattern[i - 2] === text[j - 1] && !same) {
        const swapped = cost[here - 2 * width - 2] + 1;
        if (swapped < best) [best, how] = [swapped, SWAP];
      }
      const skip = cost[here - 1] + (isWordChar(text[j - 1]) ? 1 : 0);
      if (skip < best) [best, how] = [skip, SKIP_TEXT];
      const drop = cost[here - width] + 1;
      if (drop < best) [best, how] = [drop, DROP_PATTERN];
      cost[here] = best;
      move[here] = how;
    }
  }
  let end = 1;
  for (let j = 2; j < width; j++) if (cost[(rows - 1) * width + j] < cost[(rows - 1) * width + end]) end = j;
  const matchedAt: number[] = [];
  let i = rows - 1;
  let j = end;
  while (i > 0 && j > 0) {
    const how = move[i * width + j];
    if (how === MATCH) {
      if (pattern[i - 1] === text[j - 1]) matchedAt.push(j - 1);
      i--;
      j--;
    } else if (how === SWAP) {
      matchedAt.push(j - 1, j - 2);
      i -= 2;
      j -= 2;
    } else if (how === SKIP_TEXT) j--;
    else i--;
  }
  if (matchedAt.length === 0) return undefined;
  matchedAt.sort((a, b) => a - b);
  const start = matchedAt[0];
  const wordStarts = start === 0 || !isWordChar(text[start - 1]) ? 1 : 0;
  const wordEnds = isWordChar(text[matchedAt[matchedAt.length - 1] + 1]) ? 0 : 1;
  const edits = cost[(rows - 1) * width + end];
  return { ranges: toRanges(matchedAt), start, matched: matchedAt.length, skipped: edits, between: 0, wordStarts, wordEnds, terms: 1 };
}
