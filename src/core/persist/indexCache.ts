// The persisted index: parsed notes, each with the size and modification time of the file it was
// parsed from. A reopened workspace (or a CLI run with a cache file) reuses a note only while its
// file still has the same stamp, so only changed notes are parsed again, and only while the
// researcher's own synonyms are those the notes were parsed under. Notes are stored packed
// (compactNote.ts): a fifth of their size as objects, and far quicker to read back. Anything
// unexpected in a cache (another format, a malformed note, a bad stamp) makes the whole cache
// worthless: it is discarded, never trusted, and the notes are read again. The notes' diagnostics
// are stored worded, so a cache is only reused in the display language it was written in.
import type { ProtocolNote } from '../vocabulary/model';
import { displayLanguage } from '../vocabulary/labels';
import type { ProtocolIndex } from '../index/protocolIndex';
import { COMPACT_NOTE_VERSION, packNote, unpackNote } from './compactNote';

export const INDEX_CACHE_KIND = 'protocol-atlas-index-cache';
/** Bump when the cache's own shape changes (the packed notes carry their own version). */
export const INDEX_CACHE_FORMAT = 4;

export interface FileStamp {
  size: number;
  /** Milliseconds since the epoch, as the file system reports it. */
  mtime: number;
}

export interface IndexCacheFile {
  kind: typeof INDEX_CACHE_KIND;
  format: number;
  /** The version of the packed note layout. */
  noteVersion: number;
  /**
   * The digest of the extra words the notes were parsed with (Vocabulary.digest, '' for the
   * built-in ones alone): under other synonyms `layer: 底层` may mean another layer, so a cache
   * of other synonyms is discarded whole.
   */
  synonyms: string;
  /** The display language the notes' diagnostics are worded in (see displayLanguage). */
  language: string;
  /** One entry per note: the stamp of its file, then the packed note (which holds its path). */
  files: Array<[size: number, mtime: number, packed: unknown[]]>;
}

/** A cache entry ready for reuse. */
export interface CachedNote {
  note: ProtocolNote;
  stamp: FileStamp;
}

/** The cache of these notes, each under the stamp of the file it was parsed from, all under the synonyms of that digest. */
export function indexCacheOf(entries: Iterable<CachedNote>, synonyms = ''): IndexCacheFile {
  const files: IndexCacheFile['files'] = [];
  for (const { note, stamp } of entries) files.push([stamp.size, stamp.mtime, packNote(note)]);
  // `files` last: IndexCacheText writes the header up to its opening bracket, then the notes.
  return { kind: INDEX_CACHE_KIND, format: INDEX_CACHE_FORMAT, noteVersion: COMPACT_NOTE_VERSION, synonyms, language: displayLanguage(), files };
}

/**
 * The cache file's text, kept ready between saves: each note is packed and stringified once and
 * again only when its note or stamp changed, so saving after an edit costs a join, not a pack of
 * every note (0.36 s at 10,000 notes, in the extension host, after every edit). The text is
 * exactly the JSON of `indexCacheOf` over the index's notes whose stamp is known: a note indexed
 * from an unsaved buffer has none, so the next session reads its file again.
 */
export class IndexCacheText {
  private entries = new Map<string, { note: ProtocolNote; size: number; mtime: number; json: string }>();

  /**
   * The text in pieces of about `notesPerPiece` notes, for a writer that yields between them
   * (at 10,000 notes the whole text is ~100 ms of work). A note changed between two pieces is
   * written as it was when its piece was made; the next save has it as it is.
   */
  *pieces(index: ProtocolIndex, stamps: ReadonlyMap<string, FileStamp>, notesPerPiece = Infinity, synonyms = ''): Generator<string> {
    const header = JSON.stringify(indexCacheOf([], synonyms)); // ...,"files":[]}
    const kept = new Map<string, { note: ProtocolNote; size: number; mtime: number; json: string }>();
    let parts: string[] = [];
    let first = true;
    for (const path of index.paths()) {
      const stamp = stamps.get(path);
      const note = index.note(path);
      if (!stamp || !note) continue;
      let entry = this.entries.get(path);
      // Notes are replaced, never changed in place: the same object is the same note.
      if (!entry || entry.note !== note || entry.size !== stamp.size || entry.mtime !== stamp.mtime) {
        entry = { note, size: stamp.size, mtime: stamp.mtime, json: JSON.stringify([stamp.size, stamp.mtime, packNote(note)]) };
      }
      kept.set(path, entry);
      parts.push(entry.json);
      if (parts.length >= notesPerPiece) {
        yield `${first ? header.slice(0, -2) : ','}${parts.join(',')}`;
        first = false;
        parts = [];
      }
    }
    this.entries = kept;
    yield `${first ? header.slice(0, -2) : parts.length > 0 ? ',' : ''}${parts.join(',')}]}`;
  }
}

/**
 * The cached notes by path, or undefined when the cache is corrupt, of another format, of notes
 * parsed under other synonyms than those of the `synonyms` digest, or worded in another display
 * language than the current one (its diagnostics would speak that language).
 */
export function readIndexCache(value: unknown, synonyms = ''): Map<string, CachedNote> | undefined {
  if (!isObject(value) || value.kind !== INDEX_CACHE_KIND || value.format !== INDEX_CACHE_FORMAT) return undefined;
  if (value.synonyms !== synonyms || value.language !== displayLanguage()) return undefined;
  if (value.noteVersion !== COMPACT_NOTE_VERSION || !Array.isArray(value.files)) return undefined;
  const cached = new Map<string, CachedNote>();
  for (const entry of value.files as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) return undefined;
    const [size, mtime, packed] = entry as unknown[];
    if (!isStamp(size, mtime)) return undefined;
    const note = unpackNote(packed);
    if (!note || cached.has(note.path)) return undefined;
    cached.set(note.path, { note, stamp: { size, mtime: mtime as number } });
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

function isStamp(size: unknown, mtime: unknown): size is number {
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 && typeof mtime === 'number' && Number.isFinite(mtime);
}
