// A folder's notes into an index: listed, read and parsed in path order on this thread, then
// built once. Worker threads were tried and measured (README, Benchmarks): on two cores a cold
// index already keeps 1.5 cores busy with compiling and garbage collection, and a worker made it
// slower; without a four-core row that shows them winning, one thread is the honest choice.
import { ProtocolIndex } from '../core/index/protocolIndex';
import type { ProtocolNote } from '../core/vocabulary/model';
import { parseNote } from '../core/note/parseNote';
import type { Placement } from '../core/note/placement';
import type { Vocabulary } from '../core/vocabulary/taxonomy';
import { compare, listNotes, readNote, type LoadOptions, type LoadedNotes } from './loadNotes';

export interface FolderOptions extends LoadOptions {
  /** The words layers and categories are read in (the built-in ones when absent). */
  vocabulary?: Vocabulary;
}

export interface ParsedNotes {
  notes: ProtocolNote[];
  skipped: Array<{ path: string; reason: string }>;
}

/** Every note below a folder, parsed, in path order; unreadable files are listed with the reason. */
export function parseFolder(folder: string, options: FolderOptions = {}): ParsedNotes {
  const listed = listNotes(folder, options);
  const parsed = parsePaths(folder, listed.paths, options.vocabulary);
  const skipped = [...listed.skipped, ...parsed.skipped];
  skipped.sort((a, b) => compare(a.path, b.path));
  return { notes: parsed.notes, skipped };
}

/** Read and parse these notes (relative to `folder`), in the order given. */
export function parsePaths(folder: string, paths: readonly string[], vocabulary?: Vocabulary): ParsedNotes {
  const placement: Placement | undefined = vocabulary && { rootSegments: 0, vocabulary };
  const notes: ProtocolNote[] = [];
  const read: LoadedNotes = { entries: [], skipped: [] };
  for (const relative of paths) {
    readNote(folder, relative, read);
    const entry = read.entries.pop();
    if (entry) notes.push(parseNote(entry.path, entry.text, placement));
  }
  return { notes, skipped: read.skipped };
}

/** An index of every note below a folder (into `index`, which then holds exactly those notes). */
export function indexFolder(folder: string, options: FolderOptions & { index?: ProtocolIndex } = {}): { index: ProtocolIndex; skipped: ParsedNotes['skipped'] } {
  const { notes, skipped } = parseFolder(folder, options);
  const index = options.index ?? new ProtocolIndex();
  index.buildParsed(notes);
  return { index, skipped };
}
