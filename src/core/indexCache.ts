// The persisted index: parsed notes, each with the size and modification time of the file it was
// parsed from. A reopened workspace reuses a note only while its file still has the same stamp,
// so only changed notes are parsed again. Anything unexpected in a cache (another format, a
// malformed note, a missing stamp) makes the whole cache worthless: it is discarded, not trusted.
import type { ProtocolNote } from './model';
import { ProtocolIndex, type SerializedIndex } from './index/protocolIndex';

/** Bump when the cache's own shape changes (the index's notes carry their own version). */
export const INDEX_CACHE_FORMAT = 1;

export interface FileStamp {
  size: number;
  /** Milliseconds since the epoch, as the file system reports it. */
  mtime: number;
}

export interface IndexCacheFile {
  format: number;
  /** Path → stamp of the file each cached note was parsed from. */
  stamps: Record<string, FileStamp>;
  index: SerializedIndex;
}

/** A cache entry ready for reuse. */
export interface CachedNote {
  note: ProtocolNote;
  stamp: FileStamp;
}

/**
 * The cache of an index: only notes whose stamp is known (read from a saved file) are kept; a note
 * indexed from an unsaved buffer has no stamp, so the next session reads its file again.
 */
export function createIndexCache(index: ProtocolIndex, stamps: ReadonlyMap<string, FileStamp>): IndexCacheFile {
  const serialized = index.toJSON();
  const notes = serialized.notes.filter((note) => stamps.has(note.path));
  const kept: Record<string, FileStamp> = {};
  for (const note of notes) kept[note.path] = stamps.get(note.path) as FileStamp;
  return { format: INDEX_CACHE_FORMAT, stamps: kept, index: { ...serialized, notes } };
}

/** The cached notes by path, or undefined when the cache is corrupt or of another format. */
export function readIndexCache(value: unknown): Map<string, CachedNote> | undefined {
  if (!isObject(value) || value.format !== INDEX_CACHE_FORMAT || !isObject(value.stamps)) return undefined;
  const stamps = value.stamps;
  // fromJSON checks every note's shape and the index version; a failure there is a corrupt cache.
  const index = ProtocolIndex.fromJSON(value.index);
  if (!index) return undefined;
  const paths = index.paths();
  if (paths.length !== Object.keys(stamps).length) return undefined;
  const cached = new Map<string, CachedNote>();
  for (const path of paths) {
    const stamp = Object.prototype.hasOwnProperty.call(stamps, path) ? stamps[path] : undefined;
    if (!isStamp(stamp)) return undefined;
    cached.set(path, { note: index.note(path) as ProtocolNote, stamp: { size: stamp.size, mtime: stamp.mtime } });
  }
  return cached;
}

/** The cached note for a file, only if the file is exactly as it was when the note was parsed. */
export function reusableNote(cached: ReadonlyMap<string, CachedNote> | undefined, path: string, stamp: FileStamp): ProtocolNote | undefined {
  const entry = cached?.get(path);
  return entry && entry.stamp.size === stamp.size && entry.stamp.mtime === stamp.mtime ? entry.note : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStamp(value: unknown): value is FileStamp {
  return (
    isObject(value) &&
    Number.isFinite(value.size) &&
    (value.size as number) >= 0 &&
    Number.isFinite(value.mtime)
  );
}
