// One pass over the body's lines for the first H1, links to other notes and `#layer/<x>` tags.
// A full markdown lexer costs ~15x more per note, and a cold index parses thousands of notes,
// so this scanner knows just enough markdown: fenced code and inline code hold no links.
import type { Mention, Range } from '../vocabulary/model';
import { detach } from './detach';
import { wikilinkInner } from './names';

export interface BodyScan {
  heading?: { text: string; range: Range };
  mentions: Mention[];
  layerTags: Array<{ text: string; range: Range }>;
  /** True when the scan stopped at `limit` characters. */
  truncated: boolean;
}

const MAX_HEADING_LENGTH = 1_000;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX_H1 = /^( {0,3}#)(?:[ \t]+|$)(.*)$/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;
const NOT_PARAGRAPH = /^(?: {4}|\t| {0,3}(?:[#>]|[-*+][ \t]|\d+[.)][ \t]|<|$))/;
const LINK_DEFINITION = /^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)/;
const LAYER_TAG = /(?:^|[\s(,;])#layer\/([\p{L}\p{N}_-]+)/gu;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const NOTE_LINK = /\.(?:md|markdown)$/i;
const EMBEDDED_FILE = /\.(?:png|jpe?g|gif|svg|webp|bmp|pdf|mp3|mp4|webm|mov|wav|ogg|canvas|excalidraw)$/i;

export function scanBody(text: string, offset: number, firstLine: number, limit: number): BodyScan {
  const scan: BodyScan = { mentions: [], layerTags: [], truncated: false };
  const reader = new LineReader(scan);
  const stop = Math.min(text.length, offset + limit);
  let lineNumber = firstLine;
  let start = offset;
  // Once the H1 is found, only a line holding a `]` (every kind of link has one) or a layer tag
  // can add anything: the next of each is found by searching ahead, and the lines between them
  // are never cut out of the text (most of a note's lines, and most of a cold index's garbage).
  let nextBracket = -1;
  let nextTag = -1;
  while (start <= stop) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > stop) end = stop;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let busy = !(reader.inFence || scan.heading) || mayOpenFence(text, start, contentEnd);
    if (!busy && !reader.inFence) {
      if (nextBracket < start && nextBracket !== Infinity) nextBracket = orInfinity(text.indexOf(']', start));
      if (nextTag < start && nextTag !== Infinity) nextTag = orInfinity(text.indexOf('#layer/', start));
      busy = nextBracket < contentEnd || nextTag < contentEnd;
    }
    if (busy) reader.read(text.slice(start, contentEnd), lineNumber);
    if (end >= stop) break;
    start = end + 1;
    lineNumber++;
  }
  scan.truncated = stop < text.length;
  return scan;
}

/**
 * Reads the body line by line into a scan: code fences, the first H1 (ATX or setext), links and
 * layer tags. scanBody hands it only the lines that can matter; the tests hand it every line.
 */
export class LineReader {
  private fence: { marker: string; length: number } | undefined;
  private previous = '';
  private previousStartsParagraph = false;

  constructor(private readonly scan: BodyScan) {}

  get inFence(): boolean {
    return this.fence !== undefined;
  }

  /** One line, without its line break. */
  read(line: string, lineNumber: number): void {
    const fenceMatch = line.length >= 3 && (line.includes('```') || line.includes('~~~')) ? FENCE.exec(line) : null;
    if (this.fence) {
      if (fenceMatch && fenceMatch[2][0] === this.fence.marker && fenceMatch[2].length >= this.fence.length && !fenceMatch[3].trim()) {
        this.fence = undefined;
      }
    } else if (fenceMatch && !(fenceMatch[2][0] === '`' && fenceMatch[3].includes('`'))) {
      this.fence = { marker: fenceMatch[2][0], length: fenceMatch[2].length };
      this.previous = '';
    } else {
      scanLine(this.scan, line, lineNumber, this.previous, this.previousStartsParagraph);
      // Only a setext heading needs to know about paragraphs, and only until the H1 is found.
      if (!this.scan.heading) {
        this.previousStartsParagraph = !NOT_PARAGRAPH.test(line) && NOT_PARAGRAPH.test(this.previous);
        this.previous = line;
      }
    }
  }
}

const orInfinity = (index: number): number => (index < 0 ? Infinity : index);

/** Whether a line could be a code fence: up to three spaces, then a backtick or a tilde. */
function mayOpenFence(text: string, start: number, end: number): boolean {
  for (let index = start; index < end && index <= start + 3; index++) {
    const code = text.charCodeAt(index);
    if (code === 96 || code === 126) return end - start >= 3;
    if (code !== 32) return false;
  }
  return false;
}

function scanLine(scan: BodyScan, line: string, lineNumber: number, previous: string, previousStartsParagraph: boolean): void {
  if (!scan.heading) {
    if (line.includes('#')) {
      const atx = ATX_H1.exec(line);
      if (atx) {
        const content = withoutClosingHashes(atx[2]);
        const text = plainHeading(content);
        if (text) {
          const column = line.length - atx[2].length;
          scan.heading = { text: detach(text), range: on(lineNumber, column, column + content.length) };
        }
      }
    } else if (previousStartsParagraph && SETEXT_H1.test(line)) {
      const content = previous.trim();
      const text = plainHeading(content);
      if (text) {
        const column = previous.indexOf(content);
        scan.heading = { text: detach(text), range: on(lineNumber - 1, column, column + content.length) };
      }
    }
  }
  const hasWikilink = line.includes('[[');
  const hasLink = line.includes('](');
  const hasDefinition = line.includes(']:');
  const hasTag = line.includes('#layer/');
  if (!hasWikilink && !hasLink && !hasDefinition && !hasTag) return;
  const visible = line.includes('`') ? maskInlineCode(line) : line;
  let match: RegExpExecArray | null;
  if (hasWikilink) wikilinks(scan, visible, lineNumber);
  if (hasLink) markdownLinks(scan, visible, lineNumber);
  if (hasDefinition) {
    const definition = LINK_DEFINITION.exec(visible);
    const target = definition && noteLinkTarget(definition[2]);
    if (definition && target) scan.mentions.push({ target: detach(target), kind: 'link', range: on(lineNumber, 0, definition[0].length) });
  }
  if (hasTag) {
    LAYER_TAG.lastIndex = 0;
    while ((match = LAYER_TAG.exec(visible))) {
      const column = match.index + match[0].indexOf('#');
      scan.layerTags.push({ text: match[1], range: on(lineNumber, column, column + 7 + match[1].length) });
    }
  }
}

/** `[[target|label]]` and `![[target]]`: what sits between the brackets holds no bracket. */
function wikilinks(scan: BodyScan, line: string, lineNumber: number): void {
  let from = 0;
  for (;;) {
    const close = line.indexOf(']]', from);
    if (close < 0) return;
    from = close + 2;
    // Back to the nearest bracket only: a `]` in between rules the link out, and stopping there
    // keeps a line of `x]]x]]…` linear (the previous `]]` bounds each look back).
    let open = nearestBracketBefore(line, close);
    if (open < 1 || line[open] !== '[' || line[open - 1] !== '[' || open + 1 === close) continue;
    const target = wikilinkInner(line.slice(open + 1, close));
    open--;
    const embed = open > 0 && line[open - 1] === '!';
    if (!target || (embed && EMBEDDED_FILE.test(target))) continue;
    const start = embed ? open - 1 : open;
    scan.mentions.push({ target: detach(target), kind: 'wikilink', range: on(lineNumber, start, close + 2) });
  }
}

/** `[text](other.md "title")`; images and links that leave the workspace are not mentions. */
function markdownLinks(scan: BodyScan, line: string, lineNumber: number): void {
  let from = 0;
  for (;;) {
    const middle = line.indexOf('](', from);
    if (middle < 0) return;
    from = middle + 2;
    const open = nearestBracketBefore(line, middle);
    if (open < 0 || line[open] !== '[' || line[open - 1] === '!') continue;
    const close = line.indexOf(')', middle + 2);
    if (close < 0) return;
    const inside = line.slice(middle + 2, close).trim();
    const space = inside.search(/\s/);
    const target = noteLinkTarget(space < 0 ? inside : inside.slice(0, space));
    if (target) scan.mentions.push({ target: detach(target), kind: 'link', range: on(lineNumber, open, close + 1) });
    from = close + 1;
  }
}

/** The index of the last `[` or `]` before `end`, or -1. */
function nearestBracketBefore(line: string, end: number): number {
  let index = end - 1;
  while (index >= 0) {
    const code = line.charCodeAt(index);
    if (code === 91 || code === 93) return index;
    index--;
  }
  return -1;
}

/**
 * An ATX heading's text without its optional closing `#`s (CommonMark: a run of `#` at the end,
 * after a space or alone). A scan from the end: the pattern /(?:^|[ \t]+)#+[ \t]*$/ backtracks
 * quadratically on a line of spaces followed by `#`s.
 */
function withoutClosingHashes(content: string): string {
  let end = content.length;
  while (end > 0 && isBlank(content.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && content.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === 0 || isBlank(content.charCodeAt(hashes - 1)))) end = hashes;
  while (end > 0 && isBlank(content.charCodeAt(end - 1))) end--;
  return content.slice(0, end).trimEnd();
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** A link destination that points at another note, as a path relative to this one. */
function noteLinkTarget(destination: string): string | undefined {
  let target = destination.startsWith('<') ? destination.slice(1, -1) : destination;
  const cut = target.search(/[?#]/);
  if (cut >= 0) target = target.slice(0, cut);
  if (!NOTE_LINK.test(target) || SCHEME.test(target)) return undefined;
  if (!target.includes('%')) return target;
  try {
    return decodeURIComponent(target);
  } catch {
    return target; // a stray % is more likely part of a file name than an escape
  }
}

/** Blank out `code spans` (keeping columns) so links inside them are not read as links. */
function maskInlineCode(line: string): string {
  let result = '';
  let index = 0;
  while (index < line.length) {
    const open = line.indexOf('`', index);
    if (open < 0) break;
    let length = 1;
    while (line[open + length] === '`') length++;
    const fence = '`'.repeat(length);
    let close = line.indexOf(fence, open + length);
    while (close >= 0 && line[close + length] === '`') {
      let after = close + length;
      while (line[after] === '`') after++;
      close = line.indexOf(fence, after);
    }
    if (close < 0) {
      result += line.slice(index, open + length);
      index = open + length;
      continue;
    }
    result += line.slice(index, open) + ' '.repeat(close + length - open);
    index = close + length;
  }
  return result + line.slice(index);
}

/** The heading as plain words: `**Akash** [[Network]]` reads "Akash Network". */
function plainHeading(content: string): string {
  // Past this length a line is not a heading anyone reads as a name; the patterns below are not
  // linear on unclosed `[[`, so they only ever see this much.
  return content
    .slice(0, MAX_HEADING_LENGTH)
    .replace(/\[\[([^[\]|]*)\|?([^[\]]*)\]\]/g, (_, target: string, label: string) => label || target)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '')
    .trim();
}

function on(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
