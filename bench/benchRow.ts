// What every benchmark returns: one row per figure, printed next to its target.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** "<= 3", "<= 200 ms", … or "report" for a figure given for context only. */
  target: string;
  ok: boolean;
  /** Why a figure is missing or what it was measured on. */
  note?: string;
}

/** A small seeded PRNG (mulberry32): a benchmark must measure the same data every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
