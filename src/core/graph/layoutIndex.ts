// A numeric snapshot of the dependency graph for the layered layout and the crossing count.
// Graphology lookups by string key are too slow for the inner loops of the sweeps, so nodes become
// integers and neighbours become flat typed arrays (CSR). Every order here derives from sorted keys,
// never from insertion order, so two graphs with the same nodes and edges index identically.
import { LAYER_ORDER } from '../labels';
import type { Layer } from '../model';
import type { DependencyGraph } from './dependencyGraph';

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
  keys: string[];
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
  const keys = nodes.map((node) => node.key);
  const band = Uint8Array.from(nodes, (node) => node.band);
  const indexOf = new Map<string, number>();
  keys.forEach((key, i) => indexOf.set(key, i));

  const bandSizes = new Int32Array(BAND_LAYERS.length);
  for (let v = 0; v < n; v++) bandSizes[band[v]]++;
  const members = Array.from(bandSizes, (size) => new Int32Array(size));
  const filled = new Int32Array(BAND_LAYERS.length);
  for (let v = 0; v < n; v++) members[band[v]][filled[band[v]]++] = v;

  // lo * n + hi fits a double exactly for any realistic n (below 2^26 nodes), and sorting the
  // codes numerically both orders and deduplicates the segments.
  const codes: number[] = [];
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = indexOf.get(source);
    const t = indexOf.get(target);
    if (s === undefined || t === undefined || band[s] === band[t]) return;
    codes.push(band[s] < band[t] ? s * n + t : t * n + s);
  });
  const sorted = Float64Array.from(codes).sort();
  const lo: number[] = [];
  const hi: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    lo.push(Math.floor(sorted[i] / n));
    hi.push(sorted[i] % n);
  }
  const pairLo = Int32Array.from(lo);
  const pairHi = Int32Array.from(hi);

  const [upperStart, upper] = adjacency(n, pairLo, pairHi);
  const [lowerStart, lower] = adjacency(n, pairHi, pairLo);
  return { keys, band, members, pairLo, pairHi, lowerStart, lower, upperStart, upper };
}

/** CSR adjacency from `from[e]` to `to[e]`; neighbours keep the (sorted) order of the pairs. */
function adjacency(n: number, from: Int32Array, to: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) start[from[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const next = start.slice(0, n);
  const list = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) list[next[from[e]]++] = to[e];
  return [start, list];
}
