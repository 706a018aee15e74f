// The benchmark's warm start (the CLI keeps no cache): a folder's parsed notes persisted between runs, in the same format as the extension's index
// cache (core/persist/indexCache.ts): each note under the size and modification time of its file, so a
// warm start parses only the notes that changed. The cache is a convenience, never a source of
// truth: a missing, corrupt, foreign or old-version file is ignored (and rewritten).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexCacheOf, readIndexCache, reusableNote, type CachedNote, type FileStamp } from '../src/core/persist/indexCache';
import { ProtocolIndex } from '../src/core/index/protocolIndex';
import type { ProtocolNote } from '../src/core/vocabulary/model';
import { compare, listNotes, messageOf } from '../src/node/loadNotes';
import { parsePaths, type FolderOptions } from '../src/node/indexFolder';

export interface CachedFolderIndex {
  index: ProtocolIndex;
  skipped: Array<{ path: string; reason: string }>;
  /** Notes taken from the cache, and notes read and parsed because they were new or changed. */
  reused: number;
  parsed: number;
  /** Why the cache could not be written, if it could not (the index is complete regardless). */
  writeError?: string;
}

/** The cache's notes by path, or an empty map when there is no usable cache. */
export function readFolderCache(file: string): Map<string, CachedNote> {
  try {
    return readIndexCache(JSON.parse(fs.readFileSync(file, 'utf8'))) ?? new Map();
  } catch {
    return new Map();
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a cache. */
export function writeFolderCache(file: string, notes: Iterable<CachedNote>): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temporary, JSON.stringify(indexCacheOf(notes)));
  fs.renameSync(temporary, file);
}

/**
 * The folder's index, reusing the cached notes whose size and modification time are unchanged;
 * the cache file is rewritten when anything differed.
 */
export function indexFolderCached(folder: string, cacheFile: string, options: FolderOptions & { index?: ProtocolIndex } = {}): CachedFolderIndex {
  const listed = listNotes(folder, options);
  const cache = readFolderCache(cacheFile);
  const kept: CachedNote[] = [];
  const stale: string[] = [];
  const stamps = new Map<string, FileStamp>();
  const skipped = [...listed.skipped];
  for (const relative of listed.paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.join(folder, relative));
    } catch (error) {
      skipped.push({ path: relative, reason: `cannot be read (${messageOf(error)})` });
      continue;
    }
    const stamp = { size: stat.size, mtime: stat.mtimeMs };
    stamps.set(relative, stamp);
    const note: ProtocolNote | undefined = reusableNote(cache, relative, stamp);
    if (note) kept.push({ note, stamp });
    else stale.push(relative);
  }
  const fresh = parsePaths(folder, stale);
  skipped.push(...fresh.skipped);
  skipped.sort((a, b) => compare(a.path, b.path));
  const all = [...kept, ...fresh.notes.map((note) => ({ note, stamp: stamps.get(note.path) as FileStamp }))];
  all.sort((a, b) => compare(a.note.path, b.note.path));
  const index = options.index ?? new ProtocolIndex();
  index.buildParsed(all.map((entry) => entry.note));
  const result: CachedFolderIndex = { index, skipped, reused: kept.length, parsed: fresh.notes.length };
  if (fresh.notes.length > 0 || kept.length !== cache.size) {
    try {
      writeFolderCache(cacheFile, all);
    } catch (error) {
      result.writeError = messageOf(error);
    }
  }
  return result;
}
