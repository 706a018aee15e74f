// Renaming a protocol: its `protocol:` value, every `depends_on` entry and every body wikilink
// that names it by that name, keeping each one's brackets, quotes, `#section` and `|label`, and
// the text of a markdown link to its note that reads that name. Entries and links that name it by
// an alias or file name still resolve after the rename, so they are left as written.
import type { DependencyRef, Position, ProtocolNote, Range } from '../vocabulary/model';
import { parseNote } from '../note/parseNote';
import { nameKey } from '../index/nameTable';
import { contains, splitLines, textIn } from './ranges';
import { targetAt, targetRangeIn } from './noteTarget';
import { doubleQuoted, yamlScalar } from './yamlText';
import { bodyLink, type ResolveMention } from './bodyLinks';

export interface NoteText {
  path: string;
  text: string;
  /** The text already parsed (an adapter's cache), so it is not parsed again. */
  note?: ProtocolNote;
}

const parsedOf = (each: NoteText): ProtocolNote => each.note ?? parseNote(each.path, each.text);

export interface TextEdit {
  path: string;
  range: Range;
  newText: string;
}

export type Resolve = (target: string) => string | undefined;

export type RenameTarget = { path: string; range: Range; placeholder: string } | { error: string };

/**
 * What a rename at `position` would rename: the note's own name, or the protocol an entry or a
 * body wikilink names.
 */
export function renameTargetAt(
  note: NoteText,
  position: Position,
  resolve: Resolve,
  nameOf: (path: string) => string | undefined,
  resolveMention?: ResolveMention,
): RenameTarget | undefined {
  const parsed = parsedOf(note);
  const target = targetAt(parsed, position);
  if (target?.kind === 'name') return { path: note.path, range: target.range, placeholder: parsed.name.value };
  let written: { target: string; range: Range; path: string | undefined };
  if (target?.kind === 'dependency') {
    const range = targetRangeIn(target.ref, textIn(splitLines(note.text), target.ref.range));
    written = { target: target.ref.target, range, path: resolve(target.ref.target) };
  } else {
    // A markdown link names a file, which a protocol's rename leaves where it is.
    const mention = resolveMention && !target ? parsed.mentions.find((each) => each.kind === 'wikilink' && contains(each.range, position)) : undefined;
    const link = mention && bodyLink(mention, splitLines(note.text));
    if (!link || !resolveMention) return undefined;
    written = { target: link.mention.target, range: link.targetRange, path: resolveMention(note.path, link.mention) };
  }
  const path = written.path;
  if (path === undefined) return { error: `No note is named "${written.target}", so there is nothing to rename.` };
  const placeholder = nameOf(path);
  if (!placeholder) return { error: `The note ${path} has no \`protocol:\` name to rename.` };
  return { path, range: written.range, placeholder };
}

/**
 * The edits that rename the protocol of `target` to `newName` across `notes` (the target and the
 * notes that depend on it or link to it, each with its current text), or why it cannot be
 * renamed. Without `resolveMention`, body wikilinks resolve as `depends_on` entries do and
 * markdown links are left alone.
 */
export function renameEdits(
  target: NoteText,
  newName: string,
  notes: readonly NoteText[],
  resolve: Resolve,
  resolveMention: ResolveMention = (_, mention) => (mention.kind === 'wikilink' ? resolve(mention.target) : undefined),
): TextEdit[] | { error: string } {
  const name = newName.trim();
  if (!name) return { error: 'A protocol name cannot be empty.' };
  if (/[[\]|#\r\n]/.test(name)) return { error: 'A protocol name cannot contain [, ], |, # or a line break: wikilinks could not name it.' };
  const note = parsedOf(target);
  if (note.name.source !== 'front-matter' || !note.name.range) {
    return { error: `${note.name.value || target.path} takes its name from its ${note.name.source}: add a \`protocol:\` field to rename it.` };
  }
  const owner = resolve(name);
  if (owner !== undefined && owner !== target.path && nameKey(name) !== nameKey(note.name.value)) {
    return { error: `"${name}" already names ${owner}.` };
  }
  const edits: TextEdit[] = [];
  const targetLines = splitLines(target.text);
  edits.push({ path: target.path, range: note.name.range, newText: rewriteScalar(textIn(targetLines, note.name.range), name, false) });

  const oldKey = nameKey(note.name.value);
  const seen = new Set<string>();
  for (const each of [target, ...notes]) {
    if (seen.has(each.path)) continue;
    seen.add(each.path);
    const parsed = each.path === target.path ? note : parsedOf(each);
    const lines = each.path === target.path ? targetLines : splitLines(each.text);
    const flow = parsed.fieldRanges.depends_on !== undefined && textIn(lines, parsed.fieldRanges.depends_on).startsWith('[');
    for (const ref of parsed.dependsOn) {
      if (nameKey(ref.target) !== oldKey || resolve(ref.target) !== target.path) continue;
      edits.push(entryEdit(each.path, lines, ref, name, flow));
    }
    for (const mention of parsed.mentions) {
      if (resolveMention(each.path, mention) !== target.path) continue;
      const link = bodyLink(mention, lines);
      if (!link) continue;
      // A wikilink names the protocol; a markdown link names the file, which keeps its name.
      if (mention.kind === 'wikilink' && nameKey(mention.target) === oldKey) edits.push({ path: each.path, range: link.targetRange, newText: name });
      else if (mention.kind === 'link' && link.label && nameKey(link.label.text) === oldKey) edits.push({ path: each.path, range: link.label.range, newText: name });
    }
  }
  return edits;
}

/** Every `depends_on` entry among `notes` that names the protocol of `path` (by any name). */
export function dependencyReferences(path: string, notes: readonly NoteText[], resolve: Resolve): Array<{ path: string; range: Range }> {
  const found: Array<{ path: string; range: Range }> = [];
  for (const each of notes) {
    for (const ref of parsedOf(each).dependsOn) {
      if (resolve(ref.target) === path) found.push({ path: each.path, range: ref.range });
    }
  }
  return found;
}

function entryEdit(path: string, lines: readonly string[], ref: DependencyRef, name: string, flow: boolean): TextEdit {
  const written = textIn(lines, ref.range);
  if (!ref.raw.startsWith('[[')) return { path, range: ref.range, newText: rewriteScalar(written, name, flow) };
  // Only the name inside the wikilink changes; a double-quoted entry needs its escapes.
  const range = targetRangeIn(ref, written);
  const newText = written.startsWith('"') ? doubleQuoted(name).slice(1, -1) : written.startsWith("'") ? name.replace(/'/g, "''") : name;
  return { path, range, newText };
}

/** The new value in the quoting style the old one was written in. */
function rewriteScalar(written: string, value: string, flow: boolean): string {
  if (written.startsWith('"')) return doubleQuoted(value);
  if (written.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return yamlScalar(value, flow);
}
