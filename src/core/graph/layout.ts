// The layered picture of the dependency graph, computed once in the core so the webview only draws.
//
// Coordinates follow sigma's convention: larger y is higher on screen. Infrastructure is the bottom
// band (y from 0), then middleware, model and application. Notes with no layer get a band of their
// own above application: putting them beside a layer would suggest they belong to it, and at the
// top they stay visible without shifting the article's four layers.
//
// Within a band, the order comes from barycenter sweeps (down, then up) that pull each node towards
// the mean position of its neighbours in the bands on the fixed side of the sweep. All of those
// bands count, not only the adjacent one: there are no dummy nodes, and edges that skip a layer
// (application -> compute) are common. The best order seen (fewest crossings) wins, so the result
// never has more crossings than the initial sorted order. Every band is spread over the same
// width, so a node's relative position means the same thing in every band.
import { layerTitle } from '../vocabulary/labels';
import type { Layer } from '../vocabulary/model';
import type { DependencyGraph } from './dependencyGraph';
import { crossingsOfRanks, groupSegments, type SegmentGroups } from './crossings';
import { BAND_LAYERS, indexGraph, UNCLASSIFIED_BAND, type LayoutIndex } from './layoutIndex';

export interface LayoutBand {
  layer: Layer;
  label: string;
  /** The band's centre; the band covers y - height / 2 to y + height / 2. */
  y: number;
  height: number;
  /** Protocols in the band (0 for an empty layer, which still gets a band so the four layers always show). */
  count: number;
}

export interface GraphLayout {
  /** Keyed by note path. x runs from 0 to `width`, y from 0 (bottom) to `height` (top). */
  positions: Record<string, { x: number; y: number }>;
  /** Bottom to top. The unclassified band is listed only when it has protocols. */
  bands: LayoutBand[];
  width: number;
  height: number;
}

export interface LayeredLayoutOptions {
  /** Minimum horizontal distance between neighbours in one row. Default 10. */
  nodeSpacing?: number;
  /** Vertical distance between the rows of a band. Default 10. */
  rowSpacing?: number;
  /** Empty space between two bands. Default 20. */
  bandGap?: number;
  /** A band with more protocols than this wraps into several rows. Default 100. */
  maxRowNodes?: number;
  /**
   * At most this many times as wide as tall: when one row a band (up to `maxRowNodes`) would make
   * the layout a long strip, every band wraps into rows of fewer protocols, as few as needed.
   * Default: no limit.
   */
  maxAspect?: number;
  /** Down-and-up sweep pairs; 0 keeps the initial sorted order. Default 8. */
  sweeps?: number;
}

const DEFAULTS: Required<LayeredLayoutOptions> = { nodeSpacing: 10, rowSpacing: 10, bandGap: 20, maxRowNodes: 100, maxAspect: Infinity, sweeps: 8 };

/** Sweep pairs that may fail to improve in a row before the sweeps stop early. */
const PATIENCE = 2;

export function layeredLayout(graph: DependencyGraph, options: LayeredLayoutOptions = {}): GraphLayout {
  const settings = sanitizeLayoutOptions(options);
  const index = indexGraph(graph);
  const rank = orderBands(index, groupSegments(index), settings.sweeps);
  const dependents = Int32Array.from(index.keys, (key) => graph.inDegree(key));
  return place(index, rank, dependents, settings);
}

/** The options with every missing or nonsensical value replaced by its default. */
export function sanitizeLayoutOptions(options: LayeredLayoutOptions): Required<LayeredLayoutOptions> {
  const positive = (value: unknown, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  const count = (value: unknown, fallback: number, min: number, max: number): number =>
    typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback;
  return {
    nodeSpacing: positive(options?.nodeSpacing, DEFAULTS.nodeSpacing),
    rowSpacing: positive(options?.rowSpacing, DEFAULTS.rowSpacing),
    bandGap: typeof options?.bandGap === 'number' && Number.isFinite(options.bandGap) && options.bandGap >= 0 ? options.bandGap : DEFAULTS.bandGap,
    maxRowNodes: count(options?.maxRowNodes, DEFAULTS.maxRowNodes, 1, Number.MAX_SAFE_INTEGER),
    maxAspect: typeof options?.maxAspect === 'number' && options.maxAspect > 0 ? options.maxAspect : DEFAULTS.maxAspect,
    sweeps: count(options?.sweeps, DEFAULTS.sweeps, 0, 100),
  };
}

/** Returns each node's rank within its band in the best order found. */
function orderBands(index: LayoutIndex, groups: SegmentGroups, sweeps: number): Int32Array {
  const n = index.keys.length;
  const rank = new Int32Array(n);
  // Relative position in [0, 1], comparable across bands of different sizes.
  const position = new Float64Array(n);
  const order = index.members.map((members) => members.slice());
  const settle = (band: number): void => {
    const members = order[band];
    for (let i = 0; i < members.length; i++) {
      rank[members[i]] = i;
      position[members[i]] = (i + 0.5) / members.length;
    }
  };
  order.forEach((_members, band) => settle(band));

  let best = crossingsOfRanks(groups, rank);
  let bestRank = rank.slice();
  const consider = (): boolean => {
    const crossings = crossingsOfRanks(groups, rank);
    if (crossings >= best) return false;
    best = crossings;
    bestRank = rank.slice();
    return true;
  };

  const reorder = (band: number, start: Int32Array, neighbours: Int32Array): void => {
    const members = order[band];
    const size = members.length;
    if (size < 2) return;
    const barycenter = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const v = members[i];
      const from = start[v];
      const to = start[v + 1];
      if (to === from) {
        // No neighbour on that side: stay put rather than drift to one end.
        barycenter[i] = position[v];
        continue;
      }
      let sum = 0;
      for (let j = from; j < to; j++) sum += position[neighbours[j]];
      barycenter[i] = sum / (to - from);
    }
    const byBarycenter = new Int32Array(size);
    for (let i = 0; i < size; i++) byBarycenter[i] = i;
    // Ties keep the current order, which keeps the whole layout deterministic.
    byBarycenter.sort((a, b) => barycenter[a] - barycenter[b] || a - b);
    const next = new Int32Array(size);
    for (let i = 0; i < size; i++) next[i] = members[byBarycenter[i]];
    order[band] = next;
    settle(band);
  };

  let stale = 0;
  for (let sweep = 0; sweep < sweeps && best > 0 && stale < PATIENCE; sweep++) {
    for (let band = order.length - 2; band >= 0; band--) reorder(band, index.upperStart, index.upper);
    const downImproved = consider();
    for (let band = 1; band < order.length; band++) reorder(band, index.lowerStart, index.lower);
    const upImproved = consider();
    stale = downImproved || upImproved ? 0 : stale + 1;
  }
  return bestRank;
}

function place(index: LayoutIndex, rank: Int32Array, dependents: Int32Array, settings: Required<LayeredLayoutOptions>): GraphLayout {
  const { nodeSpacing, rowSpacing, bandGap } = settings;
  const maxRowNodes = rowLength(index.members.map((members) => members.length), settings);
  const widestRow = index.members.reduce((widest, members) => Math.max(widest, Math.min(members.length, maxRowNodes)), 0);
  const width = widestRow * nodeSpacing;

  const entries: Array<[string, { x: number; y: number }]> = [];
  const bands: LayoutBand[] = [];
  let bottom = 0;
  index.members.forEach((members, band) => {
    const count = members.length;
    if (count === 0 && band === UNCLASSIFIED_BAND) return;
    // A crowded band wraps into rows by dealing ranks round-robin (rank r goes to row r mod rows),
    // so x still grows with rank and neighbours in one row stay at least nodeSpacing apart.
    const rows = Math.max(1, Math.ceil(count / maxRowNodes));
    const height = rows * rowSpacing;
    const top = bottom + height;
    const byRank = new Int32Array(count);
    for (const v of members) byRank[rank[v]] = v;
    if (rows > 2) hubsToOuterRows(byRank, rows, dependents);
    byRank.forEach((v, r) => entries.push([index.keys[v], { x: ((r + 0.5) * width) / count, y: top - ((r % rows) + 0.5) * rowSpacing }]));
    const layer = BAND_LAYERS[band];
    bands.push({ layer, label: layerTitle(layer), y: bottom + height / 2, height, count });
    bottom = top + bandGap;
  });

  return {
    // fromEntries defines own properties, so a path such as "__proto__" cannot reach the prototype.
    positions: Object.fromEntries(entries),
    bands,
    width,
    height: bands.length > 0 ? bottom - bandGap : 0,
  };
}

/**
 * The most protocols a row holds: `maxRowNodes`, or fewer when that would make the layout wider
 * than `maxAspect` times its height. Fewer a row means fewer columns and more rows, so the
 * aspect only falls as the rows shorten: the longest row that is narrow enough is found by
 * bisection. `counts` are the bands' sizes, bottom to top, the unclassified band last.
 */
function rowLength(counts: readonly number[], settings: Required<LayeredLayoutOptions>): number {
  const { nodeSpacing, rowSpacing, bandGap, maxRowNodes, maxAspect } = settings;
  const aspect = (length: number): number => {
    let widest = 0;
    let height = 0;
    let bands = 0;
    counts.forEach((count, band) => {
      if (count === 0 && band === UNCLASSIFIED_BAND) return;
      widest = Math.max(widest, Math.min(count, length));
      height += Math.max(1, Math.ceil(count / length)) * rowSpacing;
      bands++;
    });
    return (widest * nodeSpacing) / (height + (bands - 1) * bandGap);
  };
  let high = Math.min(maxRowNodes, Math.max(1, ...counts));
  if (aspect(high) <= maxAspect) return maxRowNodes;
  let low = 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (aspect(middle) <= maxAspect) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * In a band of three rows or more, the protocols most others depend on trade places with a
 * nearby protocol of the top or bottom row. A name needs room above or below its dot, and
 * between two full rows there is none: the hubs, the names a researcher looks for first, would
 * go unnamed. Each moves to the nearest outer spot (a rank or two away, so the order barely
 * changes), most depended on first; up to a quarter of the outer spots, as names above a row
 * need about four dots' width each. `byRank` is the band's members by rank, changed in place.
 */
function hubsToOuterRows(byRank: Int32Array, rows: number, dependents: Int32Array): void {
  const count = byRank.length;
  const outer = (r: number): boolean => r % rows === 0 || r % rows === rows - 1;
  const hubs = Array.from(byRank).filter((v) => dependents[v] > 0);
  hubs.sort((a, b) => dependents[b] - dependents[a] || a - b);
  let outerSpots = 0;
  for (let r = 0; r < count; r++) if (outer(r)) outerSpots++;
  const rankOf = new Int32Array(dependents.length);
  byRank.forEach((v, r) => (rankOf[v] = r));
  const settled = new Uint8Array(count);
  for (const v of hubs.slice(0, Math.floor(outerSpots / 4))) {
    const r = rankOf[v];
    if (outer(r)) {
      settled[r] = 1;
      continue;
    }
    for (let distance = 1; distance < rows; distance++) {
      const spot = [r - distance, r + distance].find((q) => q >= 0 && q < count && outer(q) && !settled[q] && dependents[byRank[q]] < dependents[v]);
      if (spot === undefined) continue;
      const other = byRank[spot];
      byRank[spot] = v;
      byRank[r] = other;
      rankOf[v] = spot;
      rankOf[other] = r;
      settled[spot] = 1;
      break;
    }
  }
}
