// What the cursor is on in a note's front matter: the protocol's own name, one `depends_on`
// entry, or another field. Hover, definition, references and rename all start here.
import type { DependencyRef, Position, ProtocolNote, Range } from '../vocabulary/model';
import { contains } from './ranges';

export type NoteTarget =
  | { kind: 'name'; range: Range }
  | { kind: 'dependency'; ref: DependencyRef; index: number }
  | { kind: 'field'; key: string; range: Range };

export function targetAt(note: ProtocolNote, position: Position): NoteTarget | undefined {
  if (!note.frontMatterRange || !contains(note.frontMatterRange, position)) return undefined;
  const index = note.dependsOn.findIndex((ref) => contains(ref.range, position));
  if (index >= 0) return { kind: 'dependency', ref: note.dependsOn[index], index };
  if (note.name.source === 'front-matter' && note.name.range && contains(note.name.range, position)) {
    return { kind: 'name', range: note.name.range };
  }
  for (const [key, range] of Object.entries(note.fieldRanges)) {
    if (contains(range, position)) return { kind: 'field', key, range };
  }
  return undefined;
}

/** Where the name is written inside a dependency entry: `"[[io.net|IO]]"` -> the `io.net` part. */
export function targetRangeIn(ref: DependencyRef, written: string): Range {
  const start = ref.range.start;
  if (ref.range.start.line !== ref.range.end.line) return ref.range;
  const offset = written.indexOf(ref.target, written.indexOf('[[') + 1);
  if (offset < 0) return ref.range;
  return {
    start: { line: start.line, character: start.character + offset },
    end: { line: start.line, character: start.character + offset + ref.target.length },
  };
}
