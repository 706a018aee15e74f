// Renaming a protocol: its `protocol:` value and every `depends_on` entry that names it by that
// name, keeping each entry's brackets, quotes, `#section` and `|label`. Entries that name it by
// an alias or file name still resolve after the rename, so they are left as written.
import type { DependencyRef, Position, Range } from '../vocabulary/model';
import { parseNote } from '../note/parseNote';
import { nameKey } from '../index/nameTable';
import { splitLines, textIn } from './ranges';
import { targetAt, targetRangeIn } from './noteTarget';
import { doubleQuoted, yamlScalar } from './yamlText';

export interface NoteText {
  path: string;
  text: string;
}

export interface TextEdit {
  path: string;
  range: Range;
  newText: string;
}

export type Resolve = (target: string) => string | undefined;

export type RenameTarget = { path: string; range: Range; placeholder: string } | { error: string };

/** What a rename at `position` would rename: the note's own name, or the protocol an entry names. */
export function renameTargetAt(note: NoteText, position: Position, resolve: Resolve, nameOf: (path: string) => string | undefined): RenameTarget | undefined {
  const parsed = parseNote(note.path, note.text);
  const target = targetAt(parsed, position);
  if (target?.kind === 'name') return { path: note.path, range: target.range, placeholder: parsed.name.value };
  if (target?.kind !== 'dependency') return undefined;
  const path = resolve(target.ref.target);
  if (path === undefined) return { error: `No note is named "${target.ref.target}", so there is nothing to rename.` };
  const placeholder = nameOf(path);
  if (!placeholder) return { error: `The note ${path} has no \`protocol:\` name to rename.` };
  return { path, range: targetRangeIn(target.ref, textIn(splitLines(note.text), target.ref.range)), placeholder };
}

/**
 * The edits that rename the protocol of `target` to `newName` across `notes` (the target and the
 * notes that depend on it, each with its current text), or why it cannot be renamed.
 */
export function renameEdits(target: NoteText, newName: string, notes: readonly NoteText[], resolve: Resolve): TextEdit[] | { error: string } {
  const name = newName.trim();
  if (!name) return { error: 'A protocol name cannot be empty.' };
  if (/[[\]|#\r\n]/.test(name)) return { error: 'A protocol name cannot contain [, ], |, # or a line break: wikilinks could not name it.' };
  const note = parseNote(target.path, target.text);
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
    const parsed = each.path === target.path ? note : parseNote(each.path, each.text);
    const lines = each.path === target.path ? targetLines : splitLines(each.text);
    const flow = parsed.fieldRanges.depends_on !== undefined && textIn(lines, parsed.fieldRanges.depends_on).startsWith('[');
    for (const ref of parsed.dependsOn) {
      if (nameKey(ref.target) !== oldKey || resolve(ref.target) !== target.path) continue;
      edits.push(entryEdit(each.path, lines, ref, name, flow));
    }
  }
  return edits;
}

/** Every `depends_on` entry among `notes` that names the protocol of `path` (by any name). */
export function dependencyReferences(path: string, notes: readonly NoteText[], resolve: Resolve): Array<{ path: string; range: Range }> {
  const found: Array<{ path: string; range: Range }> = [];
  for (const each of notes) {
    for (const ref of parseNote(each.path, each.text).dependsOn) {
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
