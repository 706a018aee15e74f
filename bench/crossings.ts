// Edge crossings of a drawn layout, for the benchmark's figure and the layout tests: the layout's
// own sweeps count crossings on ranks (src/core/graph/crossings.ts); this reads them back from the
// positions a finished layout gives.
import type { DependencyGraph } from '../src/core/graph/dependencyGraph';
import { crossingsOfRanks, groupSegments } from '../src/core/graph/crossings';
import { indexGraph } from '../src/core/graph/layoutIndex';

/**
 * Crossings between edges that join the same two bands in a drawn layout, read from the x
 * coordinates in `layout.positions` (nodes without a position are left out). Bands come from the
 * graph's layer attributes, as in `layeredLayout`.
 */
export function countCrossings(graph: DependencyGraph, layout: { positions: Record<string, { x: number; y: number }> }): number {
  const index = indexGraph(graph);
  const rank = new Int32Array(index.keys.length).fill(-1);
  for (const members of index.members) {
    const placed: Array<{ v: number; x: number }> = [];
    for (const v of members) {
      const position = Object.prototype.hasOwnProperty.call(layout.positions, index.keys[v]) ? layout.positions[index.keys[v]] : undefined;
      if (position && Number.isFinite(position.x)) placed.push({ v, x: position.x });
    }
    placed.sort((a, b) => a.x - b.x);
    let dense = -1;
    placed.forEach((node, i) => {
      if (i === 0 || node.x !== placed[i - 1].x) dense++;
      rank[node.v] = dense;
    });
  }
  return crossingsOfRanks(groupSegments(index), rank);
}
