// How many negatively affected protocols each protocol reaches, for every protocol at once.
// Counting distinct reachable targets has no linear-time algorithm in general, so this condenses
// cycles (Tarjan, iteratively: dependency chains can be thousands deep) and unions bitsets of
// targets up the condensed graph: O((V + E) * T / 32) time and O(V * T / 32) words for T targets,
// a few megabytes for workspaces of thousands of notes.

import { condense } from '../graph/components';
import type { GraphSnapshot } from '../graph/graphSnapshot';

/** For each node, how many target nodes it reaches through at least one edge (itself excluded). */
export function countReachableTargets(graph: GraphSnapshot, isTarget: (node: number) => boolean): Int32Array {
  const { outStart, outs } = graph;
  const n = graph.keys.length;
  const targetBit = new Int32Array(n).fill(-1);
  let targets = 0;
  for (let v = 0; v < n; v++) if (isTarget(v)) targetBit[v] = targets++;
  const counts = new Int32Array(n);
  if (targets === 0) return counts;

  const { component, count } = condense(graph);
  const words = Math.ceil(targets / 32);
  const sets = new Uint32Array(count * words);
  const [memberStart, members] = groupByComponent(component, count);
  // Components are numbered dependencies first, so each one unions already finished sets.
  for (let c = 0; c < count; c++) {
    const base = c * words;
    for (let m = memberStart[c]; m < memberStart[c + 1]; m++) {
      const v = members[m];
      if (targetBit[v] !== -1) sets[base + (targetBit[v] >>> 5)] |= 1 << (targetBit[v] & 31);
      for (let k = outStart[v]; k < outStart[v + 1]; k++) {
        const other = component[outs[k]];
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

/** Each component's nodes, as compressed rows: members[memberStart[c] .. memberStart[c + 1]). */
function groupByComponent(component: Int32Array, count: number): [Int32Array, Int32Array] {
  const memberStart = new Int32Array(count + 1);
  for (let v = 0; v < component.length; v++) memberStart[component[v] + 1]++;
  for (let c = 0; c < count; c++) memberStart[c + 1] += memberStart[c];
  const fill = memberStart.slice(0, count);
  const members = new Int32Array(component.length);
  for (let v = 0; v < component.length; v++) members[fill[component[v]]++] = v;
  return [memberStart, members];
}

function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
