// Which dependency edges bend, and how much: the panel and the SVG export draw the same picture.
// A straight edge that skips a band (application → compute), or that joins two protocols of one
// row with others between them, runs through those protocols and reads as a chain of
// dependencies that does not exist, so it bends: a row's edge always upwards. An edge between
// neighbouring bands, or between two rows of one band, that would still run over a protocol (a
// band of several rows, a dot just beside the line) bends too, to the side that clears it; so
// does a band-skipping edge whose usual bow lands on one.

/** How far a band-skipping edge bows out, as a share of its length (the control point's offset). */
export const SKIPPING_EDGE_CURVATURE = 0.35;
/** A row's edge rises about a tenth of its length: clear of the dots between, inside the band for nearby ones. */
const ROW_EDGE_CURVATURE = 0.2;

export interface PlacedProtocol {
  layer: string;
  x: number;
  /** Larger is higher, as in the layout. */
  y: number;
}

/** Each row's xs, sorted, by layer and y: "is anything between these two" in a binary search. */
export class RowIndex {
  private readonly rows = new Map<string, number[]>();
  /** Each band's rows' ys. */
  private readonly rowYs = new Map<string, Set<number>>();
  /** Every row, by y ascending: which rows a point of an edge is near. */
  private sortedRows: Array<{ y: number; xs: number[] }> | undefined;
  private spacing: number | undefined;

  constructor(protocols: Iterable<PlacedProtocol>) {
    for (const protocol of protocols) {
      const key = rowKey(protocol.layer, protocol.y);
      const row = this.rows.get(key);
      if (row) row.push(protocol.x);
      else this.rows.set(key, [protocol.x]);
      const ys = this.rowYs.get(protocol.layer);
      if (ys) ys.add(protocol.y);
      else this.rowYs.set(protocol.layer, new Set([protocol.y]));
    }
    for (const row of this.rows.values()) row.sort((a, b) => a - b);
  }

  /** The least distance between two protocols of a row, or between two rows of a band; Infinity when nothing is that close. */
  narrowestSpacing(): number {
    let narrowest = Infinity;
    for (const xs of this.rows.values()) for (let i = 1; i < xs.length; i++) if (xs[i] > xs[i - 1]) narrowest = Math.min(narrowest, xs[i] - xs[i - 1]);
    for (const ys of this.rowYs.values()) {
      const sorted = [...ys].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) narrowest = Math.min(narrowest, sorted[i] - sorted[i - 1]);
    }
    return narrowest;
  }

  /**
   * How close to a protocol an edge may pass: a share of the least spacing, which is about what
   * a dot takes of it on screen (the renderer fits dots to the spacing).
   */
  get clearance(): number {
    this.spacing ??= this.narrowestSpacing();
    return Number.isFinite(this.spacing) ? this.spacing * 0.4 : 0;
  }

  /** Whether a protocol other than the two at `ends` sits within `within` of (x, y). */
  dotNear(x: number, y: number, within: number, ends: readonly PlacedProtocol[]): boolean {
    if (!this.sortedRows) {
      this.sortedRows = [...this.rows].map(([key, xs]) => ({ y: Number(key.slice(key.indexOf('\u0000') + 1)), xs })).sort((a, b) => a.y - b.y);
    }
    const rows = this.sortedRows;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].y < y - within) lo = mid + 1;
      else hi = mid;
    }
    for (let r = lo; r < rows.length && rows[r].y <= y + within; r++) {
      const { xs, y: rowY } = rows[r];
      let a = 0;
      let b = xs.length;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (xs[mid] < x - within) a = mid + 1;
        else b = mid;
      }
      for (let i = a; i < xs.length && xs[i] <= x + within; i++) {
        if (Math.hypot(xs[i] - x, rowY - y) > within) continue;
        if (ends.some((end) => end.x === xs[i] && end.y === rowY)) continue;
        return true;
      }
    }
    return false;
  }

  /** Whether a protocol of that row sits strictly between x1 and x2. */
  between(layer: string, y: number, x1: number, x2: number): boolean {
    const xs = this.rows.get(rowKey(layer, y)) ?? [];
    const [low, high] = x1 < x2 ? [x1, x2] : [x2, x1];
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] <= low) lo = mid + 1;
      else hi = mid;
    }
    return lo < xs.length && xs[lo] < high;
  }
}

/**
 * The curvature of the edge from → to (positive bows to the left of its direction, in y-up
 * coordinates), or undefined for a straight one. `bandOrder` lists the layers bottom to top.
 */
export function edgeCurvature(from: PlacedProtocol, to: PlacedProtocol, bandOrder: readonly string[], rows: RowIndex): number | undefined {
  const distance = Math.abs(bandOrder.indexOf(from.layer) - bandOrder.indexOf(to.layer));
  if (distance === 0 && from.y === to.y) {
    if (!rows.between(from.layer, from.y, from.x, to.x)) return undefined;
    // Left of a rightwards edge is up.
    return to.x > from.x ? ROW_EDGE_CURVATURE : -ROW_EDGE_CURVATURE;
  }
  const candidates = routeChoices(distance);
  const within = rows.clearance;
  if (within <= 0) return candidates[0];
  let best = candidates[0];
  let fewest = Infinity;
  for (const curvature of candidates) {
    const hits = dotsOnPath(from, to, curvature, rows, within, fewest);
    if (hits === 0) return curvature;
    if (hits < fewest) [best, fewest] = [curvature, hits];
  }
  return best;
}

/**
 * Straight first; then bowed one way and the other, a little, then more. In a wide layout a long
 * edge is nearly flat, and a slight bow is what threads it between two rows.
 */
const NEIGHBOUR_CANDIDATES: ReadonlyArray<number | undefined> = [undefined, 0.05, -0.05, 0.1, -0.1, 0.2, -0.2, 0.35, -0.35];
const SKIPPING_CANDIDATES: ReadonlyArray<number | undefined> = [SKIPPING_EDGE_CURVATURE, -SKIPPING_EDGE_CURVATURE, 0.15, -0.15, 0.25, -0.25, 0.5, -0.5, 0.1, -0.1];

/** The curvatures tried, in order, for an edge between bands `distance` apart (not a row edge). */
export function routeChoices(distance: number): ReadonlyArray<number | undefined> {
  return distance > 1 ? SKIPPING_CANDIDATES : NEIGHBOUR_CANDIDATES;
}

/**
 * How many points along the edge (straight, or the quadratic curve of `curvature`, in the
 * layout's y-up coordinates) pass over a protocol other than its ends; stops counting at `enough`.
 */
function dotsOnPath(from: PlacedProtocol, to: PlacedProtocol, curvature: number | undefined, rows: RowIndex, within: number, enough: number): number {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return 0;
  // y-up: the left normal of (dx, dy) is (-dy, dx).
  const c = curvature ?? 0;
  const cx = (from.x + to.x) / 2 - dy * c;
  const cy = (from.y + to.y) / 2 + dx * c;
  const steps = Math.min(MAX_SAMPLES, Math.ceil(((1 + 2 * Math.abs(c)) * length) / within));
  let hits = 0;
  let lastHit = -Infinity;
  for (let i = 1; i < steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const x = u * u * from.x + 2 * u * t * cx + t * t * to.x;
    const y = u * u * from.y + 2 * u * t * cy + t * t * to.y;
    // One dot is one hit, however many samples land on it.
    if (i - lastHit > 1 && rows.dotNear(x, y, within, [from, to])) {
      hits++;
      if (hits >= enough) return hits;
      lastHit = i;
    } else if (i - lastHit === 1 && rows.dotNear(x, y, within, [from, to])) lastHit = i;
  }
  return hits;
}

/** Enough samples for the longest edge of a wide vault; beyond this a miss is a near one. */
const MAX_SAMPLES = 150;

/**
 * The quadratic curve's control point for an edge of `curvature` between two points of a y-down
 * picture (SVG), matching what the panel's curve program draws: the chord's midpoint moved along
 * its left normal (in y-up terms) by curvature times its length.
 */
export function controlPoint(x1: number, y1: number, x2: number, y2: number, curvature: number): { x: number; y: number } {
  const dx = x2 - x1;
  const dy = y2 - y1;
  return { x: (x1 + x2) / 2 + dy * curvature, y: (y1 + y2) / 2 - dx * curvature };
}

const rowKey = (layer: string, y: number): string => `${layer}\u0000${y}`;
