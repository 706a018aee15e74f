// Every way a note can be named (protocol name, alias, path, file name), case-insensitive, and
// which note a written name means. The answer depends only on the current notes, never on the
// order they arrived in, so an index updated note by note equals one built from scratch.
import type { ProtocolNote } from '../model';
import { noteBaseName, referenceTarget } from '../note/names';

/** How strongly a key names a note: a protocol name beats an alias beats a path or file name. */
export const Rank = { Name: 0, Alias: 1, Path: 2, FileName: 3 } as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

export interface NameKey {
  key: string;
  rank: Rank;
}

const NOTE_EXTENSION = /\.(?:md|markdown|mdx)$/i;

/** "  Akash   Network " and "akash network" are the same name. */
export function nameKey(text: string): string {
  // Most names are plain ASCII words: skip the normalising work they do not need.
  const normalized = NON_ASCII.test(text) ? text.normalize('NFC') : text;
  const spaced = ODD_SPACING.test(normalized) ? normalized.trim().replace(/\s+/g, ' ') : normalized;
  return spaced.toLowerCase();
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
const ODD_SPACING = /^\s|\s$|\s\s|[^\S ]/;

/** The key a written reference looks up: `[[Akash#Risks|the cloud]]` and "akash.md" mean "akash". */
export function targetKey(target: string): string {
  const text = referenceTarget(target);
  return nameKey(NOTE_EXTENSION.test(text) ? text.slice(0, text.lastIndexOf('.')) : text);
}

/** A link's destination, relative to the note that holds it, as a path key. */
export function linkKey(notePath: string, destination: string): string {
  const segments = notePath.replace(/\\/g, '/').split('/');
  segments.pop();
  for (const segment of destination.replace(/\\/g, '/').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return pathKey(segments.join('/'));
}

/** A path as a key: forward slashes, no markdown extension, case-insensitive. */
export function pathKey(path: string): string {
  const slashed = path.includes('\\') ? path.replace(/\\/g, '/') : path;
  return nameKey(NOTE_EXTENSION.test(slashed) ? slashed.slice(0, slashed.lastIndexOf('.')) : slashed);
}

/** The keys under which a note can be found. */
export function keysOfNote(note: ProtocolNote): NameKey[] {
  const keys: NameKey[] = [];
  const add = (key: string, rank: Rank): void => {
    if (key && !keys.some((existing) => existing.key === key && existing.rank === rank)) keys.push({ key, rank });
  };
  add(nameKey(note.name.value), Rank.Name);
  for (const alias of note.aliases) add(nameKey(alias), Rank.Alias);
  add(pathKey(note.path), Rank.Path);
  add(nameKey(noteBaseName(note.path)), Rank.FileName);
  return keys;
}

export class NameTable {
  private readonly byKey = new Map<string, Array<{ path: string; rank: Rank }>>();

  add(path: string, keys: readonly NameKey[]): void {
    for (const { key, rank } of keys) {
      const entries = this.byKey.get(key);
      if (entries) entries.push({ path, rank });
      else this.byKey.set(key, [{ path, rank }]);
    }
  }

  remove(path: string, keys: readonly NameKey[]): void {
    for (const { key, rank } of keys) {
      const entries = this.byKey.get(key);
      if (!entries) continue;
      const index = entries.findIndex((entry) => entry.path === path && entry.rank === rank);
      if (index >= 0) entries.splice(index, 1);
      if (entries.length === 0) this.byKey.delete(key);
    }
  }

  /** The note a key means: the strongest rank wins, then the first path in sort order. */
  winner(key: string, onlyRank?: Rank): string | undefined {
    const entries = this.byKey.get(key);
    if (!entries) return undefined;
    let best: { path: string; rank: Rank } | undefined;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (onlyRank !== undefined && entry.rank !== onlyRank) continue;
      if (!best || entry.rank < best.rank || (entry.rank === best.rank && entry.path < best.path)) best = entry;
    }
    return best?.path;
  }

  /** Every note that shares a protocol name or alias with another note (for a fresh build). */
  sharedNamers(): Set<string> {
    const namers = new Set<string>();
    for (const [key, entries] of this.byKey) {
      if (entries.length < 2) continue;
      const named = this.namedBy(key);
      if (named.length > 1) for (const path of named) namers.add(path);
    }
    return namers;
  }

  /** The notes that use a key as their protocol name or an alias (duplicates when more than one). */
  namedBy(key: string): string[] {
    const entries = this.byKey.get(key);
    if (!entries) return [];
    // Nearly every key has one owner: no set, no sort.
    if (entries.length === 1) return entries[0].rank <= Rank.Alias ? [entries[0].path] : [];
    const paths = new Set<string>();
    for (const entry of entries) if (entry.rank <= Rank.Alias) paths.add(entry.path);
    return [...paths].sort();
  }

  /** Whether a note other than `path` uses the key as protocol name or alias (cheap, no copies). */
  isSharedName(key: string, path: string): boolean {
    const entries = this.byKey.get(key);
    if (!entries || entries.length < 2) return false;
    return entries.some((entry) => entry.rank <= Rank.Alias && entry.path !== path);
  }
}
