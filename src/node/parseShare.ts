// Reading and parsing a list of notes: the work a cold index shares out between threads.
import type { ProtocolNote } from '../core/model';
import { parseNote } from '../core/note/parseNote';
import { readNote, type LoadedNotes } from './loadNotes';

export interface ParsedShare {
  notes: ProtocolNote[];
  skipped: Array<{ path: string; reason: string }>;
}

export function readAndParse(root: string, paths: readonly string[]): ParsedShare {
  const notes: ProtocolNote[] = [];
  const read: LoadedNotes = { entries: [], skipped: [] };
  for (const relative of paths) {
    readNote(root, relative, read);
    const entry = read.entries.pop();
    if (entry) notes.push(parseNote(entry.path, entry.text));
  }
  return { notes, skipped: read.skipped };
}
