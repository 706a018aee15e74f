// How sure each pass is, as disjoint score bands. A stricter pass's evidence always outranks a
// more forgiving one's: an exact alias ("TAO") beats any prefix, a gapped abbreviation
// ("btensr") beats any single-typo match, which beats fuse.js's looser guesses. Within a band,
// the quality of the match (where it starts, how much of the value it covers, how tight it is)
// orders the results.

import { isWordChar, type Alignment } from './align';

export type Tier = 'exact' | 'compact' | 'fast' | 'typo' | 'fallback';

const BAND: Record<Tier, { floor: number; span: number }> = {
  exact: { floor: 1000, span: 0 },
  compact: { floor: 950, span: 0 },
  fast: { floor: 500, span: 300 },
  typo: { floor: 300, span: 150 },
  fallback: { floor: 100, span: 150 },
};

/** `quality` in [0, 1]; out-of-range values are clamped. */
export function tierScore(tier: Tier, quality = 1): number {
  const band = BAND[tier];
  return band.floor + band.span * Math.min(1, Math.max(0, quality));
}

/** A name is what the researcher calls the protocol; an alias, category or layer is weaker evidence. */
export const FIELD_WEIGHT = {
  name: { factor: 1, offset: 0 },
  alias: { factor: 1, offset: -20 },
  // The pinyin of a Chinese name or alias: what a researcher types without a Chinese keyboard.
  pinyin: { factor: 1, offset: -25 },
  // A category or layer match lists every protocol in it, so it must never bury a name match.
  category: { factor: 0.35, offset: 0 },
  layer: { factor: 0.3, offset: 0 },
} as const;

export function weighted(field: keyof typeof FIELD_WEIGHT, score: number): number {
  const weight = FIELD_WEIGHT[field];
  return score * weight.factor + weight.offset;
}

/**
 * Quality of a fuzzy match in `text` (folded): a match at the start, or on whole words, reads
 * like what was meant; a match covering most of the value is closer to it; every skipped
 * letter is a step away from it (a skipped space between words, much less so).
 */
export function matchQuality(text: string, alignment: Alignment): number {
  const { start, matched, skipped, between, wordStarts, wordEnds, terms } = alignment;
  const anchor = start === 0 ? 1 : isWordChar(text[start - 1]) ? 0 : 0.6;
  const words = terms === 0 ? 0 : (wordStarts + wordEnds) / (2 * terms);
  const coverage = text.length === 0 ? 0 : Math.min(1, matched / text.length);
  const tightness = 1 / (1 + skipped + between / 4);
  return 0.3 * anchor + 0.2 * words + 0.25 * coverage + 0.25 * tightness;
}

/** fuse.js scores 0 (perfect) to its threshold (worst it keeps). */
export function fallbackQuality(fuseScore: number, threshold: number): number {
  return 1 - Math.min(1, Math.max(0, fuseScore) / threshold);
}
