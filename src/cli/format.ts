// Plain-text formatting for the terminal: a table whose long cells wrap instead of running off, and
// one-line rows cut to the terminal's width. Widths are display widths (string-width), so a Chinese
// name, two columns a character, lines up with the Latin ones.
import { terminalText } from '../core/present/untrustedText';
import stringWidth from 'string-width';

const GAP = 2;
const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Columns a string takes in a terminal. Past `atMost` the exact figure does not matter (the cell
 * is cut anyway), so only a prefix is measured: a 999,000-character name costs what a short one does.
 */
export function displayWidth(text: string, atMost = Infinity): number {
  // A character takes at most two columns; most zero-width ones ride on another, hence the slack.
  const prefix = atMost === Infinity || text.length <= 4 * atMost + 16 ? text : text.slice(0, 4 * atMost + 16);
  return PRINTABLE_ASCII.test(prefix) || NARROW.test(prefix) ? prefix.length : stringWidth(prefix);
}

/** One column a character: the common case, measured without string-width's (much slower) tables. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Also one column a character (string-width agrees: test/unit/cli/format.test.ts): Latin letters,
 * general punctuation (the reasons' dashes and quotes), arrows (exposure paths), box drawing.
 * No combining marks, no East Asian wide characters.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f]*$/;

/**
 * Text in which every UTF-16 unit is a grapheme of its own: Latin, general punctuation (dashes,
 * quotes, …), arrows, box drawing, kana, CJK ideographs, Hangul syllables, full-width forms; none
 * of their combining marks, joiners or surrogates. Such text can be cut anywhere.
 */
const ONE_UNIT_GRAPHEMES = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f\u3000-\u3029\u3030-\u303f\u3040-\u3098\u309b-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff9d]*$/;

function graphemeWidth(segment: string): number {
  if (segment.length === 1) {
    const code = segment.charCodeAt(0);
    if (code >= 0x20 && code <= 0x7e) return 1;
  }
  return stringWidth(segment);
}

/** `text` cut to at most `width` columns, ending in "…" when something was cut. */
export function fitWidth(text: string, width: number): string {
  if (width <= 0) return '';
  // Every character is at most two columns wide: a short enough string fits without measuring.
  if (2 * text.length <= width || displayWidth(text, width + 1) <= width) return text;
  return takeWidth(text, width - 1, false) + ELLIPSIS;
}

/**
 * The longest start of `text`, in whole graphemes, at most `width` columns wide (at least one
 * grapheme when `atLeastOne`, so cutting always advances). Only a bounded prefix is segmented:
 * segmenting a whole 999,000-character name is slow, and the cut needs only its start.
 */
function takeWidth(text: string, width: number, atLeastOne: boolean): string {
  const prefix = text.slice(0, 4 * width + 16);
  const least = atLeastOne ? 1 : 0;
  // Printable ASCII is one column a character: no segmenting (an ICU call costs ~0.1 ms).
  if (PRINTABLE_ASCII.test(prefix)) return prefix.slice(0, Math.max(width, least));
  if (ONE_UNIT_GRAPHEMES.test(prefix)) {
    // Every code unit its own grapheme: the longest start that fits, by bisection on its width.
    let fits = 0;
    let over = prefix.length + 1;
    while (over - fits > 1) {
      const middle = (fits + over) >> 1;
      if (stringWidth(prefix.slice(0, middle)) <= width) fits = middle;
      else over = middle;
    }
    return prefix.slice(0, Math.max(fits, least));
  }
  let taken = '';
  let used = 0;
  for (const { segment } of graphemes.segment(prefix)) {
    const next = graphemeWidth(segment);
    if (used + next > width && (taken || !atLeastOne)) break;
    taken += segment;
    used += next;
  }
  return taken;
}

/** `text` followed by spaces up to `width` columns. */
function padTo(text: string, width: number): string {
  const missing = width - displayWidth(text, width);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** Line breaks as single spaces and invisible characters shown: a row stays one line, and note text cannot drive the terminal or reorder itself. */
export function oneLine(text: string): string {
  // Whitespace of any kind becomes one space; what is left that a reader cannot see (ESC, other
  // controls, direction overrides, zero-width characters) is shown instead (terminalText).
  return terminalText(text.replace(/\s+/g, ' ')).trim();
}

/** The first sentence of a reason: up to the first full stop that ends a sentence. */
export function firstSentence(text: string): string {
  const flat = oneLine(text.length > 4000 ? text.slice(0, 4000) : text);
  // A stop followed by a space and a lower-case word ("e.g. the") or by a letter ("io.net") ends nothing.
  const end = /[.!?]["'”’)]?(?=\s+[^\s\p{Ll}]|$)|[。！？]/u.exec(flat);
  return end ? flat.slice(0, end.index + end[0].length) : flat;
}

export interface LineColumn {
  title: string;
  /** At most this many columns wide; the last column takes whatever the line has left. */
  cap?: number;
}

/**
 * One line per row: each column as wide as its widest cell (up to its cap), the last column the
 * rest of `width`, and every line cut to `width` with "…".
 */
export function formatLines(columns: LineColumn[], rows: string[][], width: number): string {
  const cells = rows.map((row) => row.map(oneLine));
  const widths = columns.map((column, i) => {
    // The last column is never padded: it runs to the end of the line.
    const cap = i === columns.length - 1 ? 0 : (column.cap ?? width);
    let widest = displayWidth(column.title, cap);
    for (const row of cells) if (widest < cap) widest = Math.max(widest, displayWidth(row[i] ?? '', cap));
    return Math.min(widest, cap);
  });
  // The columns before the last are padded to known widths: only what is left needs measuring.
  const lead = widths.slice(0, -1).reduce((sum, each) => sum + each + GAP, 0);
  const render = (row: string[]) => {
    const cells = row.slice(0, -1).map((cell, i) => padTo(fitWidth(cell, widths[i]), widths[i]));
    const line = lead <= width ? [...cells, fitWidth(row[row.length - 1] ?? '', width - lead)].join(' '.repeat(GAP)) : fitWidth(cells.join(' '.repeat(GAP)), width);
    return line.trimEnd();
  };
  return [render(columns.map((column) => column.title)), ...cells.map(render)].join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  // Our own line breaks separate a cell's paragraphs; within each, note text is made visible.
  for (const paragraph of text.split('\n').map((part) => terminalText(part))) {
    let line = '';
    let used = 0;
    for (const unit of breakUnits(paragraph)) {
      let rest = unit.text;
      let size = displayWidth(rest);
      const gap = unit.spaced ? 1 : 0;
      if (line && used + gap + size > width) {
        lines.push(line);
        line = '';
        used = 0;
      }
      // A single word wider than the column is cut rather than breaking the table.
      if (size > width) {
        if (line) lines.push(line);
        const pieces = cutInto(rest, width);
        lines.push(...pieces.slice(0, -1));
        rest = pieces[pieces.length - 1];
        size = displayWidth(rest);
        line = '';
        used = 0;
      }
      const joined = line && unit.spaced;
      line = joined ? `${line} ${rest}` : line + rest;
      used += (joined ? 1 : 0) + size;
    }
    lines.push(line);
  }
  return lines;
}

/** Chinese, Japanese and Korean script, and the full-width punctuation written with it. */
const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
/** Never at the start of a line (the closing half of a pair, a comma, a full stop: 禁则). */
const NO_BREAK_BEFORE = new Set([...'，。、：；！？）」』》〉】〕｝］…—·％,.:;!?)]}%\u201d\u2019']);
/** Never at the end of a line (the opening half of a pair). */
const NO_BREAK_AFTER = new Set([...'（「『《〈【〔｛［([{\u201c\u2018']);

/**
 * A paragraph as the pieces a line may break between: its words, each `spaced` from the one
 * before, and inside a word, Chinese text written without spaces between any two characters
 * (as terminals and browsers break it), keeping punctuation on the right line. "4090", "io.net"
 * and other Latin runs stay whole.
 */
function breakUnits(paragraph: string): Array<{ text: string; spaced: boolean }> {
  const units: Array<{ text: string; spaced: boolean }> = [];
  for (const word of paragraph.split(/\s+/)) {
    if (!word) continue;
    if (!CJK.test(word)) {
      units.push({ text: word, spaced: true });
      continue;
    }
    // The word's first piece follows a space; the pieces inside it do not.
    let spaced = true;
    let piece = '';
    let previous = '';
    for (const character of word) {
      if (piece && (CJK.test(previous) || CJK.test(character)) && !NO_BREAK_BEFORE.has(character) && !NO_BREAK_AFTER.has(previous)) {
        units.push({ text: piece, spaced });
        spaced = false;
        piece = '';
      }
      piece += character;
      previous = character;
    }
    units.push({ text: piece, spaced });
  }
  return units;
}

/** A word in pieces of at most `width` columns (a wide character never splits). */
function cutInto(word: string, width: number): string[] {
  const pieces: string[] = [];
  for (let rest = word; rest; ) {
    const piece = takeWidth(rest, width, true);
    pieces.push(piece);
    rest = rest.slice(piece.length);
  }
  return pieces;
}

/**
 * Columns get their natural width (capped, so one absurd name does not pad every row), except
 * those listed in `flexible`, which share the rest. Long cells wrap.
 */
export function formatTable(header: string[], rows: string[][], options: { width?: number; flexible?: number[] } = {}): string {
  const totalWidth = Math.max(options.width ?? 120, 60);
  const flexible = new Set(options.flexible ?? []);
  const cap = Math.max(16, Math.floor(totalWidth / 3));
  const natural = header.map((title, column) => {
    const atMost = flexible.has(column) ? totalWidth : cap;
    let widest = displayWidth(title);
    for (const row of rows) if (widest < atMost) widest = Math.max(widest, longestLine(row[column] ?? '', atMost));
    return widest;
  });
  const fixedWidths = natural.map((width, column) => (flexible.has(column) ? 0 : Math.min(width, Math.max(cap, displayWidth(header[column])))));
  // The flexible columns keep at least 16 each: the widest fixed columns give way, down to 12.
  const fixedTotal = () => fixedWidths.reduce((sum, width, column) => sum + (flexible.has(column) ? 0 : width + GAP), 0);
  let overflow = fixedTotal() + flexible.size * (16 + GAP) - totalWidth;
  while (overflow > 0) {
    const widest = fixedWidths.reduce((best, width, column) => (width > fixedWidths[best] ? column : best), 0);
    const floor = Math.max(12, displayWidth(header[widest]));
    if (fixedWidths[widest] <= floor) break;
    const give = Math.min(overflow, fixedWidths[widest] - floor);
    fixedWidths[widest] -= give;
    overflow -= give;
  }
  const fixed = fixedTotal();
  const share = flexible.size ? Math.max(16, Math.floor((totalWidth - fixed) / flexible.size) - GAP) : 0;
  const widths = natural.map((width, column) => (flexible.has(column) ? Math.min(width, share) : fixedWidths[column]));
  const render = (cells: string[]) => {
    const wrapped = cells.map((cell, column) => wrap(cell ?? '', widths[column]));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    const out: string[] = [];
    for (let line = 0; line < height; line++) {
      out.push(wrapped.map((lines, column) => padTo(lines[line] ?? '', widths[column])).join(' '.repeat(GAP)).trimEnd());
    }
    return out.join('\n');
  };
  const rule = widths.map((width) => '─'.repeat(width)).join(' '.repeat(GAP));
  return [render(header), rule, ...rows.map(render)].join('\n');
}

function longestLine(text: string, atMost: number): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line, atMost));
  return Math.min(widest, atMost);
}
