// Which dependency edges bend, and how much: the panel and the SVG export draw the same picture.
// A straight edge that skips a band (application → compute), or that joins two protocols of one
// row with others between them, runs through those protocols and reads as a chain of
// dependencies that does not exist, so it bends: a row's edge always upwards.

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
  if (distance > 1) return SKIPPING_EDGE_CURVATURE;
  if (distance === 1 || from.y !== to.y || !rows.between(from.layer, from.y, from.x, to.x)) return undefined;
  // Left of a rightwards edge is up.
  return to.x > from.x ? ROW_EDGE_CURVATURE : -ROW_EDGE_CURVATURE;
}

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
