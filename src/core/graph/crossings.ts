// Edge crossings of a layered picture, counted the way the sweeps see them: for every pair of
// bands, how many pairs of edges joining those two bands swap order between them. Every band spans
// the same width, so for straight segments that is exactly where two of them intersect. Crossings
// between edges of different band pairs, and edges inside one band, are not counted.
import { BAND_LAYERS, type LayoutIndex } from './layoutIndex';

/** The cross-band segments grouped by the two bands they join, so each group counts on its own. */
export interface SegmentGroups {
  lo: Int32Array[];
  hi: Int32Array[];
  /** Rank values in the upper band of the group lie in [0, hiSize). */
  hiSize: number[];
}

export function groupSegments(index: LayoutIndex): SegmentGroups {
  const bands = BAND_LAYERS.length;
  const lists = new Map<number, { lo: number[]; hi: number[] }>();
  for (let e = 0; e < index.pairLo.length; e++) {
    const groupKey = index.band[index.pairLo[e]] * bands + index.band[index.pairHi[e]];
    let list = lists.get(groupKey);
    if (!list) lists.set(groupKey, (list = { lo: [], hi: [] }));
    list.lo.push(index.pairLo[e]);
    list.hi.push(index.pairHi[e]);
  }
  const groups: SegmentGroups = { lo: [], hi: [], hiSize: [] };
  for (const [groupKey, list] of lists) {
    groups.lo.push(Int32Array.from(list.lo));
    groups.hi.push(Int32Array.from(list.hi));
    groups.hiSize.push(index.members[groupKey % bands].length);
  }
  return groups;
}

/**
 * Total crossings when node v sits at rank[v] within its band (rank -1: not placed, its edges
 * are skipped). Equal ranks share a point, so edges meeting there do not cross.
 */
export function crossingsOfRanks(groups: SegmentGroups, rank: Int32Array): number {
  let total = 0;
  for (let g = 0; g < groups.lo.length; g++) total += groupCrossings(groups.lo[g], groups.hi[g], groups.hiSize[g], rank);
  return total;
}

function groupCrossings(lo: Int32Array, hi: Int32Array, hiSize: number, rank: Int32Array): number {
  const codes: number[] = [];
  for (let e = 0; e < lo.length; e++) {
    const a = rank[lo[e]];
    const b = rank[hi[e]];
    if (a >= 0 && b >= 0) codes.push(a * hiSize + b);
  }
  // Sorted by lower rank, then upper rank: a crossing is then an inversion of the upper ranks,
  // counted with a Fenwick tree in O(E log V) instead of comparing every pair of edges.
  const sorted = Float64Array.from(codes).sort();
  const tree = new Int32Array(hiSize + 1);
  let crossings = 0;
  for (let i = 0; i < sorted.length; i++) {
    const b = sorted[i] % hiSize;
    let atOrBelow = 0;
    for (let j = b + 1; j > 0; j -= j & -j) atOrBelow += tree[j];
    crossings += i - atOrBelow;
    for (let j = b + 1; j <= hiSize; j += j & -j) tree[j]++;
  }
  return crossings;
}
