// The dependency graph as the layered layout and the crossing count read it: the graph's snapshot
// (graphSnapshot.ts) numbered in the layout's own order, with the edges between bands as segments.
// Every order here derives from sorted keys, never from insertion order, so two graphs with the
// same nodes and edges index identically.
import { LAYER_ORDER } from '../vocabulary/labels';
import type { Layer } from '../vocabulary/model';
import type { DependencyGraph } from './dependencyGraph';
import { graphSnapshot } from './graphSnapshot';

/** Bands from the bottom of the picture to the top; 'unclassified' sits above application. */
/** The bands, bottom to top, in the one layer order (labels.ts). */
export const BAND_LAYERS: readonly Layer[] = LAYER_ORDER;
export const UNCLASSIFIED_BAND = BAND_LAYERS.length - 1;

const BAND_OF = new Map<string, number>(BAND_LAYERS.map((layer, band) => [layer, band]));

/** Anything that is not a known layer (a typo that slipped past the parser, a missing attribute) is unclassified. */
export function bandOfLayer(layer: unknown): number {
  return (typeof layer === 'string' ? BAND_OF.get(layer) : undefined) ?? UNCLASSIFIED_BAND;
}

export function compareStrings(a: string, b: string): number {
  // Code-unit order rather than localeCompare: the result must not depend on the machine's locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface LayoutIndex {
  /** Node keys; index i is node i. Sorted by band, then category, then key. */
  keys: readonly string[];
  band: Uint8Array;
  /** Node indices of each band, in the initial (sorted) order. */
  members: Int32Array[];
  /**
   * Edges between different bands as unordered segments, with pairLo[e] in the lower band.
   * Deduplicated: A -> B and B -> A are one segment on screen, so they count once.
   */
  pairLo: Int32Array;
  pairHi: Int32Array;
  /** For node v, its neighbours in lower bands are lower[lowerStart[v] .. lowerStart[v + 1]). */
  lowerStart: Int32Array;
  lower: Int32Array;
  upperStart: Int32Array;
  upper: Int32Array;
}

export function indexGraph(graph: DependencyGraph): LayoutIndex {
  const nodes: Array<{ key: string; band: number; category: string }> = [];
  graph.forEachNode((key, attributes) => {
    const category = typeof attributes?.category === 'string' ? attributes.category : '';
    nodes.push({ key, band: bandOfLayer(attributes?.layer), category });
  });
  // Category first so protocols of one kind start side by side; the key makes the order total.
  nodes.sort((a, b) => a.band - b.band || compareStrings(a.category, b.category) || compareStrings(a.key, b.key));

  const n = nodes.length;
  const { keys, outStart, outs, inStart, ins } = graphSnapshot(graph, nodes.map((node) => node.key));
  const band = Uint8Array.from(nodes, (node) => node.band);

  const bandSizes = new Int32Array(BAND_LAYERS.length);
  for (let v = 0; v < n; v++) bandSizes[band[v]]++;
  const members = Array.from(bandSizes, (size) => new Int32Array(size));
  const filled = new Int32Array(BAND_LAYERS.length);
  for (let v = 0; v < n; v++) members[band[v]][filled[band[v]]++] = v;

  // A node's neighbours in other bands, either way round, once each: the merge of its two sorted
  // rows. Read in node order they are the segments sorted by (lower end, upper end): pairHi is upper.
  const upperStart = new Int32Array(n + 1);
  const lowerStart = new Int32Array(n + 1);
  const upperList: number[] = [];
  const lowerList: number[] = [];
  for (let v = 0; v < n; v++) {
    let i = outStart[v];
    let j = inStart[v];
    let previous = -1;
    while (i < outStart[v + 1] || j < inStart[v + 1]) {
      const w = j === inStart[v + 1] || (i < outStart[v + 1] && outs[i] <= ins[j]) ? outs[i++] : ins[j++];
      if (w === previous) continue;
      previous = w;
      if (band[w] > band[v]) upperList.push(w);
      else if (band[w] < band[v]) lowerList.push(w);
    }
    upperStart[v + 1] = upperList.length;
    lowerStart[v + 1] = lowerList.length;
  }
  const upper = Int32Array.from(upperList);
  const lower = Int32Array.from(lowerList);
  const pairLo = new Int32Array(upper.length);
  for (let v = 0; v < n; v++) pairLo.fill(v, upperStart[v], upperStart[v + 1]);
  return { keys, band, members, pairLo, pairHi: upper, lowerStart, lower, upperStart, upper };
}
