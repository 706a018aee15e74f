// A folder's notes listed and read in one call, as (path, text) pairs for ProtocolIndex.build: the
// product lists and reads in two steps (src/node/indexFolder.ts parses as it reads); the tests
// check the listing and the reading together through this.
import { compare, listNotes, readNote, type LoadedNotes, type LoadOptions } from '../../../src/node/loadNotes';

export function loadNotes(folder: string, options: LoadOptions = {}): LoadedNotes {
  const listed = listNotes(folder, options);
  const result: LoadedNotes = { entries: [], skipped: listed.skipped };
  for (const relative of listed.paths) readNote(folder, relative, result);
  result.skipped.sort((a, b) => compare(a.path, b.path));
  return result;
}
