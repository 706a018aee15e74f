// A folder's parsed notes persisted between runs, each keyed by its path, size and modification
// time: a warm start parses only the notes that changed. The cache is a convenience, never a
// source of truth: a missing, corrupt, foreign or old-version file is ignored (and rewritten).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProtocolNote } from '../core/model';
import { ProtocolIndex } from '../core/index/protocolIndex';
import { COMPACT_NOTE_VERSION, packNote, unpackNote } from '../core/index/compactNote';
import { compare, listNotes, messageOf } from './loadNotes';
import { parsePaths, type FolderOptions } from './indexFolder';

const KIND = 'protocol-atlas-folder-cache';

interface CachedFile {
  size: number;
  mtimeMs: number;
  packed: unknown;
}

interface Stat {
  size: number;
  mtimeMs: number;
}

export interface CachedFolderIndex {
  index: ProtocolIndex;
  skipped: Array<{ path: string; reason: string }>;
  /** Notes taken from the cache, and notes read and parsed because they were new or changed. */
  reused: number;
  parsed: number;
  /** Why the cache could not be written, if it could not (the index is complete regardless). */
  writeError?: string;
}

/** The cache's entries by path, or an empty map when there is no usable cache. */
export function readFolderCache(file: string): Map<string, CachedFile> {
  const entries = new Map<string, CachedFile>();
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return entries;
  }
  const { kind, version, files } = (value ?? {}) as { kind?: unknown; version?: unknown; files?: unknown };
  if (kind !== KIND || version !== COMPACT_NOTE_VERSION || !Array.isArray(files)) return entries;
  for (const entry of files as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) return new Map();
    const [notePath, size, mtimeMs, packed] = entry as unknown[];
    if (typeof notePath !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number' || entries.has(notePath)) return new Map();
    entries.set(notePath, { size, mtimeMs, packed });
  }
  return entries;
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a cache. */
export function writeFolderCache(file: string, notes: ReadonlyArray<{ note: ProtocolNote; stat: Stat }>): void {
  const files = notes.map(({ note, stat }) => [note.path, stat.size, stat.mtimeMs, packNote(note)]);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temporary, JSON.stringify({ kind: KIND, version: COMPACT_NOTE_VERSION, files }));
  fs.renameSync(temporary, file);
}

/**
 * The folder's index, reusing the cached notes whose size and modification time are unchanged;
 * the cache file is rewritten when anything differed.
 */
export function indexFolderCached(folder: string, cacheFile: string, options: FolderOptions & { index?: ProtocolIndex } = {}): CachedFolderIndex {
  const listed = listNotes(folder, options);
  const cache = readFolderCache(cacheFile);
  const kept: Array<{ note: ProtocolNote; stat: Stat }> = [];
  const stale: string[] = [];
  const stats = new Map<string, Stat>();
  const skipped = [...listed.skipped];
  for (const relative of listed.paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.join(folder, relative));
    } catch (error) {
      skipped.push({ path: relative, reason: `cannot be read (${messageOf(error)})` });
      continue;
    }
    const own = { size: stat.size, mtimeMs: stat.mtimeMs };
    stats.set(relative, own);
    const cached = cache.get(relative);
    const note = cached && cached.size === own.size && cached.mtimeMs === own.mtimeMs ? unpackNote(cached.packed) : undefined;
    if (note && note.path === relative) kept.push({ note, stat: own });
    else stale.push(relative);
  }
  const fresh = parsePaths(folder, stale, options.workers);
  skipped.push(...fresh.skipped);
  skipped.sort((a, b) => compare(a.path, b.path));
  const all = [...kept, ...fresh.notes.map((note) => ({ note, stat: stats.get(note.path) as Stat }))];
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
