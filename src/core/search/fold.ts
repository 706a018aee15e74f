// Researchers type names without caring about case, accents or compatibility forms ("fetch.ai"
// for "Fétch.ai", "TAO" for "ＴＡＯ"), yet the QuickPick and the webview highlight UTF-16 ranges
// of the text the note really holds. So every folded unit remembers the source code point it
// came from, and ranges found in folded text map back exactly, never splitting a surrogate pair.

export interface FoldedText {
  /** Lower-case, accent-free NFKD text: what the matchers compare. */
  readonly text: string;
  /** For each unit of `text`, the start of the original code point it came from; absent when every unit maps to itself. */
  readonly starts?: Uint32Array;
  /** For each unit of `text`, the end (exclusive) of that original code point; absent likewise. */
  readonly ends?: Uint32Array;
}

export type TextRange = [start: number, endExclusive: number];

const COMBINING_MARK = /\p{M}/gu;

/** Folds one code point; ASCII takes a shortcut because names are overwhelmingly ASCII. */
function foldCodePoint(codePoint: string): string {
  const code = codePoint.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : codePoint;
  return codePoint.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
}

const NON_ASCII = /[\u0080-\uffff]/;

export function fold(value: string): FoldedText {
  // Most names are ASCII, where folding is lower-casing and every offset maps to itself.
  if (!NON_ASCII.test(value)) return { text: value.toLowerCase() };
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  // Folding per code point (not per string) keeps the offset map trivially correct; the price is
  // context-sensitive casing (Greek final sigma), which query and haystack then share alike.
  for (const codePoint of value) {
    const end = offset + codePoint.length;
    const folded = foldCodePoint(codePoint);
    // A code point that folds to nothing (a combining accent) belongs to the letter before it,
    // so a highlight over "e" in "e\u0301" takes its accent along.
    if (folded === '' && ends.length > 0 && ends[ends.length - 1] === offset) {
      for (let i = ends.length - 1; i >= 0 && ends[i] === offset; i--) ends[i] = end;
    }
    text += folded;
    for (let i = 0; i < folded.length; i++) {
      starts.push(offset);
      ends.push(end);
    }
    offset = end;
  }
  return { text, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** Whitespace runs collapse so that "Render  Network " is the same key as "render network". */
export function exactKey(folded: string): string {
  return folded.trim().replace(/\s+/g, ' ');
}

const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Without separators, so "ionet" finds "io.net" and "fetchai" finds "Fetch.ai" in O(1). */
export function compactKey(folded: string): string {
  return folded.replace(SEPARATORS, '');
}

/**
 * Maps ranges over folded text back onto the original value, merging the ones that touch
 * (one ligature or decomposed letter may yield several folded units).
 */
export function toOriginalRanges(folded: FoldedText, ranges: Iterable<TextRange>): TextRange[] {
  const out: TextRange[] = [];
  const length = folded.text.length;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  for (const [from, to] of sorted) {
    const start = Math.max(0, from);
    const end = Math.min(length, to);
    if (end <= start) continue;
    const original: TextRange = folded.starts && folded.ends ? [folded.starts[start], folded.ends[end - 1]] : [start, end];
    const last = out[out.length - 1];
    if (last && original[0] <= last[1]) last[1] = Math.max(last[1], original[1]);
    else out.push(original);
  }
  return out;
}

/** The runs of letters and digits, as folded ranges: how a compact-key match is highlighted. */
export function wordRuns(folded: string): TextRange[] {
  const runs: TextRange[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    runs.push([match.index, match.index + match[0].length]);
  }
  return runs;
}

/**
 * A 32-bit summary of which characters a text contains. A field lacking more of the query's
 * characters than a pass tolerates cannot match it, and that is decided without running a
 * regular expression: it keeps the fast pass fast on 10,000 names.
 */
export function charMask(folded: string): number {
  let mask = 0;
  for (let i = 0; i < folded.length; i++) mask |= charBit(folded.charCodeAt(i));
  return mask;
}

function charBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << (26 + (code % 3));
  // Separators must not count as characters a query needs; other scripts share three bits.
  if (code === 32 || (code < 128 && !(code >= 65 && code <= 90))) return 0;
  return 1 << (29 + (code % 3));
}

export function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
