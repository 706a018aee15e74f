// Positions and ranges as the parser reports them (zero-based, end exclusive, UTF-16), compared
// the way an editor does: a cursor right after the last character still touches the range.
import type { Position, Range } from '../vocabulary/model';

export function contains(range: Range, position: Position): boolean {
  return !isBefore(position, range.start) && !isBefore(range.end, position);
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The text a range covers, from a note's full text split into lines. */
export function textIn(lines: readonly string[], range: Range): string {
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  const parts = [(lines[range.start.line] ?? '').slice(range.start.character)];
  for (let line = range.start.line + 1; line < range.end.line; line++) parts.push(lines[line] ?? '');
  parts.push((lines[range.end.line] ?? '').slice(0, range.end.character));
  return parts.join('\n');
}

export function splitLines(text: string): string[] {
  // VS Code breaks lines at LF, CRLF and a lone CR alike, and so must every position we compute.
  return text.split(/\r\n|\r|\n/);
}
