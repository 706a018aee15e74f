// Applies zero-based line/character edits to a text, as an editor would (non-overlapping).
import type { Range } from '../../../src/core/vocabulary/model';

export function applyEdits(text: string, edits: ReadonlyArray<{ range: Range; newText: string }>): string {
  const lines = text.split('\n');
  const offset = (line: number, character: number): number =>
    lines.slice(0, line).reduce((sum, each) => sum + each.length + 1, 0) + character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character));
  let result = text;
  for (const edit of sorted) {
    const start = offset(edit.range.start.line, edit.range.start.character);
    const end = offset(edit.range.end.line, edit.range.end.character);
    result = result.slice(0, start) + edit.newText + result.slice(end);
  }
  return result;
}

/** The position of the first occurrence of `needle` (plus `shift` characters) in `text`. */
export function positionOf(text: string, needle: string, shift = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, index + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
