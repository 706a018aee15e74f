// The layered layout, kept in place while the notes change. A full layout reorders whole bands
// to cut crossings, so one new dependency moved thousands of protocols (and cost 160-200 ms at
// 10,000 notes, then a diff of every node); a researcher watching the graph loses their place.
// Here a full layout is made once, and then:
//   - a new note takes the free spot nearest to the protocols it is connected to, in its band
//     (any row of it), and nothing else moves;
//   - a removed note leaves its spot empty;
//   - a note that changes layer leaves its band and is placed in the new one like a new note;
//   - a changed dependency or name moves nothing.
// Only when a band has no gap left of at least `nodeSpacing` (twice as dense as a full layout
// leaves it) is the whole layout made again.
import { layerTitle } from '../vocabulary/labels';
import type { DependencyGraph } from './dependencyGraph';
import { layeredLayout, sanitizeLayoutOptions, type GraphLayout, type LayeredLayoutOptions, type LayoutBand } from './layout';
import { BAND_LAYERS, bandOfLayer, compareStrings, UNCLASSIFIED_BAND } from './layoutIndex';

interface Spot {
  x: number;
  y: number;
  band: number;
  row: number;
}

/** One row of a band: the xs of its protocols, ascending, and who sits at each. */
interface Row {
  xs: number[];
  keys: string[];
}

interface Band {
  /** As drawn; `count` is kept current. */
  shape: LayoutBand;
  rows: Row[];
}

/** What `update` moved: these notes (new ones included), or every note after a full layout. */
export type LayoutMoves = Set<string> | 'all';

/** Restoring a saved layout, up to this many new notes are placed among the old ones (see RELAYOUT_ABOVE in present/liveGraphView.ts). */
const RESTORE_NEW_AT_MOST = 200;

function isLayout(value: unknown): value is GraphLayout {
  if (typeof value !== 'object' || value === null) return false;
  const layout = value as Partial<GraphLayout>;
  return (
    typeof layout.width === 'number' &&
    Number.isFinite(layout.width) &&
    typeof layout.positions === 'object' &&
    layout.positions !== null &&
    Array.isArray(layout.bands) &&
    layout.bands.every(
      (band) => typeof band === 'object' && band !== null && typeof band.layer === 'string' && Number.isFinite(band.y) && Number.isFinite(band.height),
    )
  );
}

export class LiveLayout {
  private readonly settings: Required<LayeredLayoutOptions>;
  private readonly spots = new Map<string, Spot>();
  /** Indexed by band (BAND_LAYERS); the unclassified band is undefined while it is not drawn. */
  private bands: Array<Band | undefined> = [];
  private currentWidth = 0;

  private readonly graphOf: () => DependencyGraph;

  /**
   * `graph`, or a function giving the index's graph as it is now (a first index built aside hands
   * over a new one). `seed`: a layout saved earlier (the graph before a window reload); every
   * protocol still in its band keeps its spot and the rest are placed as new notes, unless too
   * much changed, or the seed does not fit, for that to read well.
   */
  constructor(graph: DependencyGraph | (() => DependencyGraph), options: LayeredLayoutOptions = {}, seed?: unknown) {
    this.graphOf = typeof graph === 'function' ? graph : () => graph;
    this.settings = sanitizeLayoutOptions(options);
    if (seed === undefined || !this.restore(seed)) this.relayout();
  }

  /** Whether the layout was taken from `seed`; it is saved state, so anything in it may be wrong. */
  private restore(seed: unknown): boolean {
    if (!isLayout(seed) || !(seed.width > 0)) return false;
    const { rowSpacing } = this.settings;
    const bands: Array<Band | undefined> = BAND_LAYERS.map(() => undefined);
    for (const shape of seed.bands) {
      const band = BAND_LAYERS.indexOf(shape.layer);
      if (band < 0 || bands[band] || !(shape.height >= rowSpacing / 2)) return false;
      const rows = Math.max(1, Math.round(shape.height / rowSpacing));
      bands[band] = { shape: { layer: shape.layer, label: layerTitle(shape.layer), y: shape.y, height: shape.height, count: 0 }, rows: Array.from({ length: rows }, () => ({ xs: [], keys: [] })) };
    }
    const graph = this.graph;
    const spots = new Map<string, Spot>();
    const toPlace: string[] = [];
    graph.forEachNode((key, attributes) => {
      const band = bandOfLayer(attributes.layer);
      const saved = Object.prototype.hasOwnProperty.call(seed.positions, key) ? seed.positions[key] : undefined;
      const target = bands[band];
      if (!saved || !target || !Number.isFinite(saved.x) || !Number.isFinite(saved.y) || saved.x < 0 || saved.x > seed.width) {
        toPlace.push(key);
        return;
      }
      const row = Math.round((target.shape.y + target.shape.height / 2 - saved.y) / rowSpacing - 0.5);
      if (row < 0 || row >= target.rows.length) {
        toPlace.push(key);
        return;
      }
      spots.set(key, { x: saved.x, y: saved.y, band, row });
    });
    // Mostly new notes read better laid out afresh, as a large change while open would be.
    if (toPlace.length > RESTORE_NEW_AT_MOST && toPlace.length * 4 > graph.order) return false;
    const byX = [...spots].sort((a, b) => a[1].x - b[1].x || compareStrings(a[0], b[0]));
    for (const [key, spot] of byX) {
      const band = bands[spot.band] as Band;
      const row = band.rows[spot.row];
      // Two protocols saved on one spot (a hand-edited state): the second is placed afresh.
      if (row.xs.length > 0 && spot.x - row.xs[row.xs.length - 1] < this.settings.nodeSpacing / 2) {
        toPlace.push(key);
        continue;
      }
      row.xs.push(spot.x);
      row.keys.push(key);
      band.shape.count++;
      this.spots.set(key, spot);
    }
    this.bands = bands;
    this.currentWidth = seed.width;
    this.dropEmptyUnclassifiedBand();
    // A band saved with nobody left in it stays: the others do not move down for it.
    for (const key of toPlace.sort(compareStrings)) {
      if (!this.place(key)) {
        this.spots.clear();
        return false;
      }
    }
    return true;
  }

  private get graph(): DependencyGraph {
    return this.graphOf();
  }

  get width(): number {
    return this.currentWidth;
  }

  /** Total height: the top of the highest band drawn. */
  get height(): number {
    const drawn = this.drawnBands();
    const top = drawn[drawn.length - 1];
    return top ? top.shape.y + top.shape.height / 2 : 0;
  }

  position(key: string): { x: number; y: number } | undefined {
    const spot = this.spots.get(key);
    return spot && { x: spot.x, y: spot.y };
  }

  /** Bottom to top, as `layeredLayout` lists them (copies). */
  shapes(): LayoutBand[] {
    return this.drawnBands().map((band) => ({ ...band.shape }));
  }

  /** The layout as a plain value (for a first model or an export). */
  snapshot(): GraphLayout {
    // fromEntries defines own properties, so a path such as "__proto__" stays an ordinary key.
    const positions = Object.fromEntries([...this.spots].map(([key, spot]) => [key, { x: spot.x, y: spot.y }]));
    return { positions, bands: this.shapes(), width: this.currentWidth, height: this.height };
  }

  /** Lays everything out again from scratch. */
  relayout(): void {
    const layout = layeredLayout(this.graph, this.settings);
    const { rowSpacing } = this.settings;
    this.spots.clear();
    this.currentWidth = layout.width;
    this.bands = BAND_LAYERS.map(() => undefined);
    for (const shape of layout.bands) {
      const band = bandOfLayer(shape.layer);
      const rows = Math.max(1, Math.round(shape.height / rowSpacing));
      this.bands[band] = { shape: { ...shape }, rows: Array.from({ length: rows }, () => ({ xs: [], keys: [] })) };
    }
    const byX = Object.keys(layout.positions).sort((a, b) => layout.positions[a].x - layout.positions[b].x || compareStrings(a, b));
    for (const key of byX) {
      const { x, y } = layout.positions[key];
      const band = bandOfLayer(this.graph.getNodeAttribute(key, 'layer'));
      const shape = (this.bands[band] as Band).shape;
      const row = Math.round((shape.y + shape.height / 2 - y) / rowSpacing - 0.5);
      const spot = { x, y, band, row };
      this.spots.set(key, spot);
      const { xs, keys } = (this.bands[band] as Band).rows[row];
      xs.push(x);
      keys.push(key);
    }
  }

  /**
   * Brings the layout in line with the graph for the notes that changed (added, removed,
   * updated): returns the notes that moved, or 'all' when the layout had to be made again.
   */
  update(changed: Iterable<string>): LayoutMoves {
    const moved = new Set<string>();
    const toPlace: string[] = [];
    for (const key of [...changed].sort(compareStrings)) {
      const spot = this.spots.get(key);
      if (!this.graph.hasNode(key)) {
        if (spot) this.unplace(key, spot);
        continue;
      }
      const band = bandOfLayer(this.graph.getNodeAttribute(key, 'layer'));
      if (spot && spot.band === band) continue;
      if (spot) this.unplace(key, spot);
      toPlace.push(key);
    }
    this.dropEmptyUnclassifiedBand();
    for (const key of toPlace) {
      if (!this.place(key)) {
        this.relayout();
        return 'all';
      }
      moved.add(key);
    }
    return moved;
  }

  private drawnBands(): Band[] {
    return this.bands.filter((band): band is Band => band !== undefined);
  }

  private unplace(key: string, spot: Spot): void {
    this.spots.delete(key);
    const band = this.bands[spot.band] as Band;
    band.shape.count--;
    const row = band.rows[spot.row];
    let at = lowerBound(row.xs, spot.x);
    while (at < row.keys.length && row.keys[at] !== key) at++;
    if (at < row.keys.length) {
      row.xs.splice(at, 1);
      row.keys.splice(at, 1);
    }
  }

  /** The unclassified band is drawn only while it has protocols; it is the top one, so nothing moves. */
  private dropEmptyUnclassifiedBand(): void {
    if (this.bands[UNCLASSIFIED_BAND]?.shape.count === 0) this.bands[UNCLASSIFIED_BAND] = undefined;
  }

  private bandFor(band: number): Band {
    const existing = this.bands[band];
    if (existing) return existing;
    // Only the unclassified band is ever missing: it goes on top of the others.
    const { rowSpacing, bandGap } = this.settings;
    const bottom = this.drawnBands().length > 0 ? this.height + bandGap : 0;
    const layer = BAND_LAYERS[band];
    const created: Band = {
      shape: { layer, label: layerTitle(layer), y: bottom + rowSpacing / 2, height: rowSpacing, count: 0 },
      rows: [{ xs: [], keys: [] }],
    };
    this.bands[band] = created;
    return created;
  }

  /** Puts a note at the free spot nearest its neighbours; false when its band has no room. */
  private place(key: string): boolean {
    if (this.currentWidth <= 0) return false;
    const bandIndex = bandOfLayer(this.graph.getNodeAttribute(key, 'layer'));
    const band = this.bandFor(bandIndex);
    const wanted = this.wantedX(key, bandIndex);
    const { nodeSpacing, rowSpacing } = this.settings;
    let best: { row: number; x: number; cost: number } | undefined;
    band.rows.forEach((row, index) => {
      const found = nearestGap(row.xs, wanted, nodeSpacing, this.currentWidth, best?.cost ?? Infinity);
      if (!found) return;
      const cost = found.cost;
      // Equal distance: the row with fewer protocols, so rows fill evenly.
      if (!best || cost < best.cost || (cost === best.cost && row.xs.length < band.rows[best.row].xs.length)) best = { row: index, x: found.x, cost };
    });
    if (!best) return false;
    const row = band.rows[best.row];
    const at = lowerBound(row.xs, best.x);
    row.xs.splice(at, 0, best.x);
    row.keys.splice(at, 0, key);
    const top = band.shape.y + band.shape.height / 2;
    this.spots.set(key, { x: best.x, y: top - (best.row + 0.5) * rowSpacing, band: bandIndex, row: best.row });
    band.shape.count++;
    return true;
  }

  /** Where a note would like to be: among its dependencies and dependents, else among its kind. */
  private wantedX(key: string, band: number): number {
    let sum = 0;
    let count = 0;
    this.graph.forEachNeighbor(key, (neighbour) => {
      const spot = this.spots.get(neighbour);
      if (!spot) return;
      sum += spot.x;
      count++;
    });
    if (count > 0) return sum / count;
    const category = this.graph.getNodeAttribute(key, 'category');
    if (category !== undefined) {
      for (const [other, spot] of this.spots) {
        if (spot.band !== band || this.graph.getNodeAttribute(other, 'category') !== category) continue;
        sum += spot.x;
        count++;
      }
    }
    return count > 0 ? sum / count : this.currentWidth / 2;
  }
}

/** The first index whose x is not below `x`. */
function lowerBound(xs: readonly number[], x: number): number {
  let low = 0;
  let high = xs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (xs[middle] < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The spot nearest `wanted` in a row whose gap to both neighbours is at least half the spacing
 * (a gap of one spacing or more takes a note in its middle; a wider one lets it sit a full
 * spacing from each side). The row's ends count as neighbours half a spacing outside [0, width].
 * Stops looking once gaps are farther than `within`.
 */
function nearestGap(xs: readonly number[], wanted: number, spacing: number, width: number, within: number): { x: number; cost: number } | undefined {
  const target = Math.min(width, Math.max(0, wanted));
  const edge = (i: number): number => (i < 0 ? -spacing / 2 : i >= xs.length ? width + spacing / 2 : xs[i]);
  const spotIn = (i: number): number | undefined => {
    // The gap between edge(i - 1) and edge(i).
    const left = edge(i - 1);
    const right = edge(i);
    if (right - left < spacing) return undefined;
    if (right - left < 2 * spacing) return (left + right) / 2;
    return Math.min(right - spacing, Math.max(left + spacing, target));
  };
  let best: { x: number; cost: number } | undefined;
  const start = lowerBound(xs, target);
  for (let i = start; i <= xs.length; i++) {
    if (edge(i - 1) - target > Math.min(within, best?.cost ?? Infinity)) break;
    const x = spotIn(i);
    if (x !== undefined && (!best || Math.abs(x - target) < best.cost)) best = { x, cost: Math.abs(x - target) };
  }
  for (let i = start - 1; i >= 0; i--) {
    if (target - edge(i) > Math.min(within, best?.cost ?? Infinity)) break;
    const x = spotIn(i);
    if (x !== undefined && (!best || Math.abs(x - target) < best.cost)) best = { x, cost: Math.abs(x - target) };
  }
  return best && best.cost <= within ? best : undefined;
}
