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
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: PlacedLabel[] = [];
  const fits = (box: Box): boolean =>
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewWidth && box.y + box.height <= viewHeight && !grid.hits(box, box.owner);
  const accept = (candidate: LabelCandidate, text: string, box: Box): void => {
    placed.push({ id: candidate.id, text, x: box.x, y: box.y, width: box.width, height: box.height });
    // Grown by half the spacing each way, so two names are never closer than it.
    const spacing = options.spacing ?? 8;
    grid.add({ owner: candidate.id, x: box.x - spacing / 2, y: box.y - gap / 2, width: box.width + spacing, height: box.height + gap });
  };
  for (const candidate of order) {
    if (candidate.text === '') continue;
    const { x, y, radius } = candidate;
    const textWidth = measure(candidate.text);
    const beside = (left: number, w: number): Box => ({ owner: candidate.id, x: left, y: y - lineHeight / 2, width: w, height: lineHeight });
    const positions: Box[] = [
      beside(x + radius + gap, textWidth),
      beside(x - radius - gap - textWidth, textWidth),
      { owner: candidate.id, x: x - textWidth / 2, y: y - radius - gap - lineHeight, width: textWidth, height: lineHeight },
      { owner: candidate.id, x: x - textWidth / 2, y: y + radius + gap, width: textWidth, height: lineHeight },
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
