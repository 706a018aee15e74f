// Where each protocol's name goes on screen. Sigma's own labels sit to the right of every dot and
// only thin out by a coarse grid, so in a full band a name runs into the next protocol
// ("Virtuals Protoc●Wayfinder"). Here names are placed most important first (the selection, what
// it lights, then the protocols most others depend on), each beside, above or below its dot,
// shortened with an ellipsis when only that fits, and left out when nothing does: a drawn name
// never covers another name or another protocol. Pure and DOM-free: the panel and the SVG export
// both place their names with it, and it is tested in Node.

export interface LabelCandidate {
  id: string;
  text: string;
  /** The dot's centre and radius, in viewport pixels. */
  x: number;
  y: number;
  radius: number;
  /** Higher is placed first. */
  priority: number;
}

/** A drawn dot: names must keep off it (its own name may touch it). */
export interface Disc {
  id: string;
  x: number;
  y: number;
  radius: number;
}

export interface PlacedLabel {
  id: string;
  /** As drawn: the name, or its start and an ellipsis. */
  text: string;
  /** The box the text fills, in viewport pixels; text is drawn from (x, y + height / 2), middle baseline. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelOptions {
  /** The text's height in pixels (its line box). */
  lineHeight: number;
  /** Space between a dot and its name, and kept free of other dots around every name. */
  gap: number;
  /** Space kept between two names, so two short names never read as one ("Kaito Virtuals Protocol"); 8 unless given. */
  spacing?: number;
  /** A name shortened to fewer characters than this (before the ellipsis) is left out instead. */
  minCharacters: number;
  /** The viewport: names stay inside it. */
  width: number;
  height: number;
  /** Other text already drawn (a band's name): no name covers it. */
  keepOff?: ReadonlyArray<{ x: number; y: number; width: number; height: number }>;
  /** Names placed before (by an earlier call): the new ones keep as far off them as off each other. */
  placed?: readonly PlacedLabel[];
}

export const ELLIPSIS = '…';

interface Box {
  owner: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Boxes bucketed by a uniform grid: a look-up touches the few cells a box covers. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();

  constructor(private readonly cell: number) {}

  add(box: Box): void {
    this.forCells(box, (key) => {
      let bucket = this.cells.get(key);
      if (!bucket) this.cells.set(key, (bucket = []));
      bucket.push(box);
    });
  }

  /** Whether `box` overlaps any box but those owned by `except`. */
  hits(box: Box, except: string): boolean {
    let hit = false;
    this.forCells(box, (key) => {
      if (hit) return;
      for (const other of this.cells.get(key) ?? []) {
        if (other.owner === except) continue;
        if (box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height) {
          hit = true;
          return;
        }
      }
    });
    return hit;
  }

  private forCells(box: Box, each: (key: number) => void): void {
    const x0 = Math.floor(box.x / this.cell);
    const x1 = Math.floor((box.x + box.width) / this.cell);
    const y0 = Math.floor(box.y / this.cell);
    const y1 = Math.floor((box.y + box.height) / this.cell);
    // Keys stay exact for any viewport a screen can have (|cell index| < 2^15).
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) each(((cx + 32768) << 16) | (cy + 32768));
  }
}

/**
 * The names to draw. `measure` gives a text's width in pixels (canvas measureText, cached by the
 * caller). Deterministic: the same dots and names give the same placement.
 */
export function placeLabels(candidates: readonly LabelCandidate[], discs: readonly Disc[], measure: (text: string) => number, options: LabelOptions): PlacedLabel[] {
  const { lineHeight, gap, width: viewWidth, height: viewHeight } = options;
  const grid = new BoxGrid(64);
  // A name keeps `gap` clear of every dot: the dots go in grown by it.
  for (const disc of discs) {
    const r = disc.radius + gap;
    grid.add({ owner: disc.id, x: disc.x - r, y: disc.y - r, width: 2 * r, height: 2 * r });
  }
  // Owned by no protocol, so every name keeps off them.
  for (const box of options.keepOff ?? []) grid.add({ owner: '', x: box.x - gap, y: box.y - gap, width: box.width + 2 * gap, height: box.height + 2 * gap });
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: PlacedLabel[] = [];
  const fits = (box: Box): boolean =>
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewWidth && box.y + box.height <= viewHeight && !grid.hits(box, box.owner);
  const spacing = options.spacing ?? 8;
  // Grown by the whole spacing each way: a later name is tested as it is, so it then stays that
  // far off (grown by half, two names above a row came 4 px apart).
  const reserve = (owner: string, box: { x: number; y: number; width: number; height: number }): void =>
    grid.add({ owner, x: box.x - spacing, y: box.y - gap / 2, width: box.width + 2 * spacing, height: box.height + gap });
  for (const label of options.placed ?? []) reserve(label.id, label);
  const accept = (candidate: LabelCandidate, text: string, box: Box): void => {
    placed.push({ id: candidate.id, text, x: box.x, y: box.y, width: box.width, height: box.height });
    reserve(candidate.id, box);
  };
  for (const candidate of order) {
    if (candidate.text === '') continue;
    const { x, y, radius } = candidate;
    const textWidth = measure(candidate.text);
    const beside = (left: number, w: number): Box => ({ owner: candidate.id, x: left, y: y - lineHeight / 2, width: w, height: lineHeight });
    const above = y - radius - gap - lineHeight;
    const below = y + radius + gap;
    const over = (left: number, top: number): Box => ({ owner: candidate.id, x: left, y: top, width: textWidth, height: lineHeight });
    // Above and below: centred, else starting at the dot's left edge, else ending at its right
    // edge. In a band of many rows the names of its outer rows go there, side by side, and a
    // centred one often just misses: a hub's name was left out beside the note.
    const positions: Box[] = [
      beside(x + radius + gap, textWidth),
      beside(x - radius - gap - textWidth, textWidth),
      over(x - textWidth / 2, above),
      over(x - textWidth / 2, below),
      over(x - radius, above),
      over(x - radius, below),
      over(x + radius - textWidth, above),
      over(x + radius - textWidth, below),
    ];
    const whole = positions.find(fits);
    if (whole) {
      accept(candidate, candidate.text, whole);
      continue;
    }
    // Shortened, to the right: the longest start of the name that fits there.
    const characters = [...candidate.text];
    let low = options.minCharacters;
    let high = characters.length - 1;
    let best: { text: string; box: Box } | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const text = characters.slice(0, middle).join('').trimEnd() + ELLIPSIS;
      const box = beside(x + radius + gap, measure(text));
      if (fits(box)) {
        best = { text, box };
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (best) accept(candidate, best.text, best.box);
  }
  return placed;
}

/** A band's name as drawn: its box, in viewport pixels. */
export interface PlacedBandName {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A band's name, as its band would have it drawn, and how far up or down it may move. */
export interface BandNameSpot {
  id: string;
  x: number;
  /** Where the band wants its name (its top). */
  y: number;
  width: number;
  height: number;
  /** The highest and lowest tops it may take and still name its band. */
  minY: number;
  maxY: number;
}

/**
 * Where each band's name goes: where its band wants it when no dot is under it, else the nearest
 * top within its range that clears every dot and every name in `avoid` by `clearance` (and the
 * band names placed before it); left out when there is none. Beside a note, a band's first row came up to its name and
 * printed dots over the letters; zoomed in, the name sticking to the top edge sat on protocols.
 */
export function placeBandNames(
  spots: readonly BandNameSpot[],
  discs: readonly Disc[],
  avoid: ReadonlyArray<{ x: number; y: number; width: number; height: number }> = [],
  clearance = 2,
): PlacedBandName[] {
  const placed: PlacedBandName[] = [];
  for (const spot of spots) {
    if (spot.maxY < spot.minY) continue;
    // Each obstacle in the name's columns rules out the tops that would overlap it.
    const blocked: Array<[number, number]> = [];
    const block = (x: number, y: number, width: number, height: number): void => {
      if (x + width + clearance <= spot.x || x - clearance >= spot.x + spot.width) return;
      blocked.push([y - clearance - spot.height, y + height + clearance]);
    };
    for (const disc of discs) block(disc.x - disc.radius, disc.y - disc.radius, 2 * disc.radius, 2 * disc.radius);
    for (const name of [...avoid, ...placed]) block(name.x, name.y, name.width, name.height);
    blocked.sort((a, b) => a[0] - b[0]);
    // The free tops are the gaps between the merged blocked intervals, within [minY, maxY].
    let best: number | undefined;
    const consider = (low: number, high: number): void => {
      const from = Math.max(low, spot.minY);
      const to = Math.min(high, spot.maxY);
      if (from > to) return;
      const y = Math.min(to, Math.max(from, spot.y));
      if (best === undefined || Math.abs(y - spot.y) < Math.abs(best - spot.y)) best = y;
    };
    let free = -Infinity;
    for (const [start, end] of blocked) {
      // Open at both ends: a top exactly at an interval's end touches nothing.
      if (start > free) consider(free, start);
      free = Math.max(free, end);
    }
    consider(free, Infinity);
    if (best !== undefined) placed.push({ id: spot.id, x: spot.x, y: best, width: spot.width, height: spot.height });
  }
  return placed;
}

/**
 * The protocols' names and the bands' names of one frame. The names that matter most (`first`:
 * the selection, what it lights, the hubs) are placed before the band names, which move up or
 * down to keep off them; the other names then keep off both. Placed the other way round, a band's
 * name took the room above a hub in its first row, and the hub went unnamed.
 */
export function placeAllNames(
  candidates: readonly LabelCandidate[],
  discs: readonly Disc[],
  measure: (text: string) => number,
  options: LabelOptions,
  bandSpots: readonly BandNameSpot[],
  first: (candidate: LabelCandidate) => boolean,
): { labels: PlacedLabel[]; bandNames: PlacedBandName[] } {
  const leading = placeLabels(candidates.filter(first), discs, measure, options);
  const bandNames = placeBandNames(bandSpots, discs, leading);
  const rest = placeLabels(
    candidates.filter((candidate) => !first(candidate)),
    discs,
    measure,
    { ...options, keepOff: [...(options.keepOff ?? []), ...bandNames], placed: [...(options.placed ?? []), ...leading] },
  );
  return { labels: [...leading, ...rest], bandNames };
}
