// Body links (`[[Akash#Risks|the cloud]]`, `[Eliza](eliza.md)`, `[ref]: eliza.md`) as the editing
// features see them: the link under the cursor, where its name or path and its label are
// written, which note it names, and the ones that name none. The parser records each link as a
// mention (note/body.ts); this reads the mention's own text again for the parts inside it.
import type { Mention, Position, ProtocolNote, Range } from '../vocabulary/model';
import { contains, textIn } from './ranges';

export interface BodyLink {
  mention: Mention;
  /** Where the name (a wikilink) or the destination path (a markdown link) is written. */
  targetRange: Range;
  /** A wikilink's `|label`, or a markdown link's `[text]`. */
  label?: { text: string; range: Range };
  /** The `#heading` part of the link, when there is one. */
  heading?: string;
}

/** The note a body link names: the index's `resolveMention` for the note holding it. */
export type ResolveMention = (notePath: string, mention: Pick<Mention, 'kind' | 'target'>) => string | undefined;

export function bodyLinkAt(note: ProtocolNote, lines: readonly string[], position: Position): BodyLink | undefined {
  const mention = note.mentions.find((each) => contains(each.range, position));
  return mention && bodyLink(mention, lines);
}

export function bodyLinks(note: ProtocolNote, lines: readonly string[]): BodyLink[] {
  return note.mentions.map((mention) => bodyLink(mention, lines)).filter((link) => link !== undefined);
}

/** The parts of one mention, read from its line (a mention never spans lines). */
export function bodyLink(mention: Mention, lines: readonly string[]): BodyLink | undefined {
  if (mention.range.start.line !== mention.range.end.line) return undefined;
  const written = textIn(lines, mention.range);
  const at = (from: number, to: number): Range => ({
    start: { line: mention.range.start.line, character: mention.range.start.character + from },
    end: { line: mention.range.start.line, character: mention.range.start.character + to },
  });
  if (mention.kind === 'wikilink') {
    const open = written.indexOf('[[') + 2;
    const close = written.lastIndexOf(']]');
    if (open < 2 || close < open) return undefined;
    const inner = written.slice(open, close);
    const bar = inner.indexOf('|');
    const beforeBar = bar < 0 ? inner : inner.slice(0, bar);
    const hash = beforeBar.indexOf('#');
    const name = hash < 0 ? beforeBar : beforeBar.slice(0, hash);
    const start = open + (name.length - name.trimStart().length);
    const link: BodyLink = { mention, targetRange: at(start, start + name.trim().length) };
    if (hash >= 0) link.heading = beforeBar.slice(hash + 1).trim();
    if (bar >= 0) link.label = { text: inner.slice(bar + 1), range: at(open + bar + 1, close) };
    return link;
  }
  // `[text](destination "title")` or a definition `[text]: destination`.
  const middle = written.search(/\]\(|\]:/);
  if (!written.startsWith('[') || middle < 0) return undefined;
  const label = { text: written.slice(1, middle), range: at(1, middle) };
  let start = middle + 2;
  while (written[start] === ' ' || written[start] === '\t') start++;
  if (written[start] === '<') start++;
  let end = start;
  while (end < written.length && !/[\s>)#?]/.test(written[end])) end++;
  const link: BodyLink = { mention, targetRange: at(start, end), label };
  if (written[end] === '#') {
    const headingEnd = written.slice(end + 1).search(/[\s>)]|$/);
    const heading = written.slice(end + 1, end + 1 + headingEnd);
    if (heading) link.heading = safeDecode(heading);
  }
  return link;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Files and addresses a wikilink may name that are not notes, so a missing one is no problem of
 * the atlas: a URL, an e-mail address, a document, picture, sheet or code file. `[[io.net]]`
 * keeps its `.net`: only these extensions count.
 */
const NOT_A_NOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:)|\.(?:png|jpe?g|gif|svg|webp|bmp|ico|tiff?|pdf|docx?|xlsx?|pptx?|odt|ods|csv|tsv|json|ya?ml|toml|xml|txt|html?|zip|gz|tar|mp3|mp4|webm|mov|wav|ogg|canvas|excalidraw|ipynb|py|js|ts|rs|go|sol|sh)$/i;

export function looksExternal(mention: Pick<Mention, 'kind' | 'target'>): boolean {
  return mention.kind === 'wikilink' && NOT_A_NOTE.test(mention.target.trim());
}

/** The body links of a note that name no note, leaving out those that look external. */
export function unresolvedBodyLinks(note: ProtocolNote, resolve: ResolveMention): Mention[] {
  return note.mentions.filter((mention) => !looksExternal(mention) && resolve(note.path, mention) === undefined);
}

/** Every body link among `notes` that names the note at `path`, as a range of its note. */
export function mentionReferences(path: string, notes: ReadonlyArray<{ path: string; note: ProtocolNote }>, resolve: ResolveMention): Array<{ path: string; range: Range }> {
  const found: Array<{ path: string; range: Range }> = [];
  for (const each of notes) {
    for (const mention of each.note.mentions) if (resolve(each.path, mention) === path) found.push({ path: each.path, range: mention.range });
  }
  return found;
}

/** A markdown link from the note at `from` to the note at `to` (index keys: `/`-separated paths). */
export function relativeLink(from: string, to: string): string {
  const base = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  const path = [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
  // A destination ends at a space or a parenthesis: those are escaped as a URL escapes them.
  return path.replace(/[ ()%]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The line of a `#heading` in a note's text (any level; compared without case), or undefined. */
export function headingLine(lines: readonly string[], heading: string): number | undefined {
  const wanted = slug(heading);
  if (!wanted) return undefined;
  const index = lines.findIndex((line) => {
    const match = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(line);
    return match !== null && slug(match[1]) === wanted;
  });
  return index < 0 ? undefined : index;
}

/** Headings compare as GitHub's anchors do, near enough: case, spaces and dashes alike. */
function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '-');
}
