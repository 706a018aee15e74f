// How many negatively affected protocols each protocol reaches, for every protocol at once.
// Counting distinct reachable targets has no linear-time algorithm in general, so this condenses
// cycles (Tarjan, iteratively: dependency chains can be thousands deep) and unions bitsets of
// targets up the condensed graph: O((V + E) * T / 32) time and O(V * T / 32) words for T targets,
// a few megabytes for workspaces of thousands of notes.

import { condense } from '../graph/components';

/** For each node, how many target nodes it reaches through at least one edge (itself excluded). */
export function countReachableTargets(out: readonly (readonly number[])[], isTarget: (node: number) => boolean): Int32Array {
  const n = out.length;
  const targetBit = new Int32Array(n).fill(-1);
  let targets = 0;
  for (let v = 0; v < n; v++) if (isTarget(v)) targetBit[v] = targets++;
  const counts = new Int32Array(n);
  if (targets === 0) return counts;

  const { component, count } = condense(out);
  const words = Math.ceil(targets / 32);
  const sets = new Uint32Array(count * words);
  const members = groupByComponent(component, count);
  // Components are numbered dependencies first, so each one unions already finished sets.
  for (let c = 0; c < count; c++) {
    const base = c * words;
    for (const v of members[c]) {
      if (targetBit[v] !== -1) sets[base + (targetBit[v] >>> 5)] |= 1 << (targetBit[v] & 31);
      for (const w of out[v]) {
        const other = component[w];
        if (other === c) continue;
        for (let i = 0, from = other * words; i < words; i++) sets[base + i] |= sets[from + i];
      }
    }
  }
  for (let v = 0; v < n; v++) {
    let total = 0;
    for (let i = 0, from = component[v] * words; i < words; i++) total += popcount(sets[from + i]);
    // A component's set holds its own targets; a node reaches the others in it, never itself.
    counts[v] = total - (targetBit[v] !== -1 ? 1 : 0);
  }
  return counts;
}

function groupByComponent(component: Int32Array, count: number): number[][] {
  const members: number[][] = Array.from({ length: count }, () => []);
  component.forEach((c, v) => members[c].push(v));
  return members;
}

function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
