// Every way a note can be named (protocol name, alias, path, file name), case-insensitive, and
// which note a written name means. The answer depends only on the current notes, never on the
// order they arrived in, so an index updated note by note equals one built from scratch.
import type { ProtocolNote } from '../vocabulary/model';
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
function pathKey(path: string): string {
  const slashed = path.includes('\\') ? path.replace(/\\/g, '/') : path;
  return nameKey(NOTE_EXTENSION.test(slashed) ? slashed.slice(0, slashed.lastIndexOf('.')) : slashed);
}

/** The keys under which a note can be found. */
export function keysOfNote(note: ProtocolNote): NameKey[] {
  const keys: NameKey[] = [];
  const seen = new Set<string>();
  const add = (key: string, rank: Rank): void => {
    if (!key || seen.has(`${rank}:${key}`)) return;
    seen.add(`${rank}:${key}`);
    keys.push({ key, rank });
  };
  add(nameKey(note.name.value), Rank.Name);
  for (const alias of note.aliases) add(nameKey(alias), Rank.Alias);
  add(pathKey(note.path), Rank.Path);
  add(nameKey(noteBaseName(note.path)), Rank.FileName);
  return keys;
}

/** The notes holding one key at one rank: a single path (nearly always), or several. */
type Holders = string | string[];

export class NameTable {
  // One map per rank, each key to its holders: a build stores a string per key, no array and no
  // entry object, for the 40,000 keys of 10,000 notes.
  private readonly byRank: Array<Map<string, Holders>> = [new Map(), new Map(), new Map(), new Map()];

  add(path: string, keys: readonly NameKey[]): void {
    for (const { key, rank } of keys) {
      const holders = this.byRank[rank];
      const current = holders.get(key);
      if (current === undefined) holders.set(key, path);
      else if (typeof current === 'string') holders.set(key, [current, path]);
      else current.push(path);
    }
  }

  remove(path: string, keys: readonly NameKey[]): void {
    for (const { key, rank } of keys) {
      const holders = this.byRank[rank];
      const current = holders.get(key);
      if (current === path) holders.delete(key);
      else if (Array.isArray(current)) {
        const index = current.indexOf(path);
        if (index >= 0) current.splice(index, 1);
        if (current.length === 1) holders.set(key, current[0]);
      }
    }
  }

  /** The note a key means: the strongest rank wins, then the first path in sort order. */
  winner(key: string, onlyRank?: Rank): string | undefined {
    if (onlyRank !== undefined) return first(this.byRank[onlyRank].get(key));
    for (let rank = 0; rank < this.byRank.length; rank++) {
      const found = first(this.byRank[rank].get(key));
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Every note that shares a protocol name or alias with another note (for a fresh build). */
  sharedNamers(): Set<string> {
    const namers = new Set<string>();
    const [names, aliases] = this.byRank;
    for (const [key, holders] of names) {
      if (typeof holders === 'string' && !aliases.has(key)) continue;
      const named = this.namedBy(key);
      if (named.length > 1) for (const path of named) namers.add(path);
    }
    for (const [key, holders] of aliases) {
      if (typeof holders === 'string' || names.has(key)) continue;
      const named = this.namedBy(key);
      if (named.length > 1) for (const path of named) namers.add(path);
    }
    return namers;
  }

  /** The notes that use a key as their protocol name or an alias (duplicates when more than one). */
  namedBy(key: string): string[] {
    const names = this.byRank[Rank.Name].get(key);
    const aliases = this.byRank[Rank.Alias].get(key);
    // Nearly every key has one owner: no set, no sort.
    if (aliases === undefined && typeof names === 'string') return [names];
    if (names === undefined && typeof aliases === 'string') return [aliases];
    const paths = new Set<string>();
    for (const holders of [names, aliases]) {
      if (typeof holders === 'string') paths.add(holders);
      else if (holders) for (const path of holders) paths.add(path);
    }
    return [...paths].sort();
  }

  /** Whether a note other than `path` uses the key as protocol name or alias (cheap, no copies). */
  isSharedName(key: string, path: string): boolean {
    for (const rank of [Rank.Name, Rank.Alias]) {
      const holders = this.byRank[rank].get(key);
      if (holders === undefined) continue;
      if (typeof holders === 'string' ? holders !== path : holders.some((holder) => holder !== path)) return true;
    }
    return false;
  }
}

/** The first holder in sort order. */
function first(holders: Holders | undefined): string | undefined {
  if (holders === undefined || typeof holders === 'string') return holders;
  let best = holders[0];
  for (let i = 1; i < holders.length; i++) if (holders[i] < best) best = holders[i];
  return best;
}
