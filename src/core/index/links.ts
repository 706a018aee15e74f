// Who names whom: every note's names, the names each note looks up, and what its `depends_on`
// entries resolve to. Kept with reverse maps (key -> notes waiting on it) so that a new, renamed
// or deleted note re-resolves exactly the notes that name it, and no others.
import type { Mention, ProtocolNote } from '../vocabulary/model';
import { keysOfNote, linkKey, NameTable, Rank, targetKey, type NameKey } from './nameTable';

/** What one note's new names may have changed for others. */
export interface NameChange {
  /** Notes that look up a key whose owners changed: their references must be resolved again. */
  toResolve: string[];
  /** Name and alias keys gained or lost: duplicates among their owners must be checked again. */
  nameKeys: string[];
  /** Other notes that shared one of those keys until now. */
  formerNamers: string[];
}

export class Links {
  readonly names = new NameTable();
  private readonly keysByPath = new Map<string, NameKey[]>();
  /**
   * Key -> the notes whose `depends_on` looks it up. Only updates after a build need it: a build
   * from empty skips it note by note and builds it in one pass at the end.
   */
  private lookers: Map<string, Set<string>> | undefined;
  private readonly resolutions = new Map<string, Array<string | undefined>>();
  /** Per note, the key each `depends_on` entry looks up (worked out once per note text). */
  private readonly dependencyKeys = new Map<string, string[]>();
  /** Per note, its body links (the note's own array, not a copy). */
  private readonly mentionSources = new Map<string, ReadonlyArray<Pick<Mention, 'kind' | 'target'>>>();
  /**
   * Body links are context, not edges: who mentions whom is worked out the first time someone asks
   * who mentions a note (a cold build never pays for it), then kept up to date note by note.
   */
  private mentionState: Mentions | undefined;
  /** The reverse map being worked out a slice at a time (prepareMentions), told every update meanwhile. */
  private mentionBuild: { state: Mentions; paths: string[]; next: number } | undefined;

  /**
   * Record a new note's names and lookups while building from empty: the caller then resolves
   * every note and looks for duplicates among all names, so what this note changes for others
   * need not be worked out (that bookkeeping was a third of a cold build).
   */
  addDuringBuild(path: string, note: ProtocolNote): void {
    this.mentionSources.set(path, note.mentions);
    this.mentionState = undefined;
    this.mentionBuild = undefined;
    const keys = keysOfNote(note);
    this.names.add(path, keys);
    this.keysByPath.set(path, keys);
    this.dependencyKeys.set(path, note.dependsOn.map((ref) => targetKey(ref.target)));
    this.lookers = undefined;
  }

  /** Record a note's names and lookups (or forget them, for `undefined`). */
  update(path: string, note: ProtocolNote | undefined): NameChange {
    const change: NameChange = { toResolve: [], nameKeys: [], formerNamers: [] };
    const lookers = this.lookersByKey();
    const keys = note ? keysOfNote(note) : [];
    const old = this.keysByPath.get(path) ?? [];
    const changed = old.length === 0 ? keys : symmetricDifference(old, keys);
    if (changed.length > 0) {
      (this.mentionState ?? this.mentionBuild?.state)?.namesChanged(changed);
      for (const { key, rank } of changed) {
        const waiting = lookers.get(key);
        if (waiting) for (const looker of waiting) change.toResolve.push(looker);
        if (rank > Rank.Alias) continue;
        change.nameKeys.push(key);
        if (this.names.isSharedName(key, path)) change.formerNamers.push(...this.names.namedBy(key));
      }
      this.names.remove(path, old);
      this.names.add(path, keys);
    }
    // Stored even when unchanged as a set: their order decides the order of diagnostics.
    if (keys.length > 0) this.keysByPath.set(path, keys);
    else this.keysByPath.delete(path);
    const dependencyKeys = note ? note.dependsOn.map((ref) => targetKey(ref.target)) : [];
    this.replaceLookups(lookers, path, this.dependencyKeys.get(path) ?? [], dependencyKeys);
    if (note) this.mentionSources.set(path, note.mentions);
    else this.mentionSources.delete(path);
    (this.mentionState ?? this.mentionBuild?.state)?.noteChanged(path, note?.mentions);
    if (note) this.dependencyKeys.set(path, dependencyKeys);
    else {
      this.resolutions.delete(path);
      this.dependencyKeys.delete(path);
    }
    return change;
  }

  keysOf(path: string): NameKey[] {
    return this.keysByPath.get(path) ?? [];
  }

  /** Resolve a note's `depends_on` entries; says whether what they name changed. */
  resolveDependencies(note: ProtocolNote): { resolution: Array<string | undefined>; changed: boolean } {
    const keys = this.dependencyKeys.get(note.path) ?? note.dependsOn.map((ref) => targetKey(ref.target));
    const resolution = keys.map((key) => this.names.winner(key));
    const previous = this.resolutions.get(note.path);
    this.resolutions.set(note.path, resolution);
    const changed = previous !== undefined && !(previous.length === resolution.length && previous.every((p, i) => p === resolution[i]));
    return { resolution, changed };
  }

  /** Per `depends_on` entry, the path it names (undefined: no note). */
  resolution(path: string): ReadonlyArray<string | undefined> {
    return this.resolutions.get(path) ?? [];
  }

  /** The notes a note's body links name, each once, in the order first linked. */
  mentionsOf(path: string): readonly string[] {
    // Until someone asks who mentions whom, one note's links are resolved on their own: every
    // verdict and tooltip reads a Protocol, and the first of them must not pay for all 10,000.
    if (!this.mentionState) {
      const mentions = this.mentionSources.get(path) ?? [];
      return definedOnce(mentions.map((mention) => this.resolveMention(path, mention)));
    }
    return this.mentions().of(path);
  }

  /** The notes whose body links name this one, not itself (unsorted). */
  mentionersOf(path: string): string[] {
    return this.mentions().by(path);
  }

  /**
   * Work out who mentions whom for about `budgetMs` (10,000 notes take a few hundred ms), so an
   * editor can do it in idle moments before anyone asks; true while there is more to do.
   */
  prepareMentions(budgetMs = Infinity, notesPerCheck = 256): boolean {
    if (this.mentionState) return false;
    const started = performance.now();
    const due = (): boolean => budgetMs !== Infinity && performance.now() - started >= budgetMs;
    const build = (this.mentionBuild ??= { state: new Mentions(this.mentionSources, this.names), paths: [...this.mentionSources.keys()], next: 0 });
    while (build.next < build.paths.length) {
      const path = build.paths[build.next++];
      // Updates meanwhile were told to the state already; a deleted note is told again, harmlessly.
      build.state.noteChanged(path, this.mentionSources.get(path));
      if (build.next % notesPerCheck === 0 && due()) return true;
    }
    if (!build.state.resolveStale(due, notesPerCheck)) return true;
    this.mentionState = build.state;
    this.mentionBuild = undefined;
    return false;
  }

  private mentions(): Mentions {
    this.prepareMentions();
    const state = this.mentionState as Mentions;
    state.resolveStale();
    return state;
  }

  /** A wikilink by any name; a markdown link by its path, relative to the note that holds it. */
  resolveMention(notePath: string, mention: Pick<Mention, 'kind' | 'target'>): string | undefined {
    return mention.kind === 'link' ? this.names.winner(linkKey(notePath, mention.target), Rank.Path) : this.names.winner(targetKey(mention.target));
  }

  resolve(text: string): string | undefined {
    return this.names.winner(targetKey(text));
  }

  /** Build what updates after a build need now, so the first edit is as quick as the others. */
  prepareForUpdates(): void {
    this.lookersByKey();
  }

  private lookersByKey(): Map<string, Set<string>> {
    if (this.lookers) return this.lookers;
    const lookers = new Map<string, Set<string>>();
    for (const [path, keys] of this.dependencyKeys) for (const key of keys) addLooker(lookers, key, path);
    this.lookers = lookers;
    return lookers;
  }

  private replaceLookups(lookers: Map<string, Set<string>>, path: string, oldKeys: readonly string[], newKeys: readonly string[]): void {
    for (const key of oldKeys) {
      if (newKeys.includes(key)) continue;
      const waiting = lookers.get(key);
      waiting?.delete(path);
      if (waiting?.size === 0) lookers.delete(key);
    }
    for (const key of newKeys) addLooker(lookers, key, path);
  }
}

type MentionSource = ReadonlyArray<Pick<Mention, 'kind' | 'target'>>;

/**
 * Who mentions whom, both ways. A note's body links are resolved again only when its text changed
 * or a name it looks up changed owners (the keys it looks up, like `depends_on`'s lookers), and
 * lazily: an update marks them stale, the next question resolves them.
 */
class Mentions {
  // Arrays, not sets: a note is a looker of each key once and mentions each target once, and
  // 80,000 small sets for 10,000 notes cost twice the time of the resolving itself.
  private readonly resolved = new Map<string, string[]>();
  private readonly mentionedBy = new Map<string, string[]>();
  /** Per note, the key each body link looks up, in the note's order (worked out once per text). */
  private readonly keysByPath = new Map<string, string[]>();
  private readonly lookers = new Map<string, string[]>();
  private readonly stale = new Set<string>();

  constructor(
    private readonly sources: ReadonlyMap<string, MentionSource>,
    private readonly names: NameTable,
  ) {}

  /** A note's text changed (or it was deleted: `undefined`). */
  noteChanged(path: string, mentions: MentionSource | undefined): void {
    for (const key of this.keysByPath.get(path) ?? []) removeFrom(this.lookers, key, path);
    const keys = mentions ? mentions.map((mention) => mentionKey(path, mention)) : [];
    for (const key of keys) {
      const waiting = this.lookers.get(key);
      // A note's keys are added one after another: a key it looks up twice ends in its own path.
      if (!waiting) this.lookers.set(key, [path]);
      else if (waiting[waiting.length - 1] !== path) waiting.push(path);
    }
    if (keys.length > 0) this.keysByPath.set(path, keys);
    else this.keysByPath.delete(path);
    this.stale.add(path);
  }

  /** Name keys gained or lost: the notes that look them up resolve their links again. */
  namesChanged(keys: readonly NameKey[]): void {
    for (const { key } of keys) for (const looker of this.lookers.get(key) ?? []) this.stale.add(looker);
  }

  /** Resolve the links of the notes marked stale; false if `due` said to stop first. */
  resolveStale(due: () => boolean = () => false, notesPerCheck = 256): boolean {
    let done = 0;
    for (const path of this.stale) {
      this.stale.delete(path);
      const mentions = this.sources.get(path);
      const keys = this.keysByPath.get(path) ?? [];
      const before = this.resolved.get(path) ?? [];
      // As Links.resolveMention: a markdown link by its path only, a wikilink by any name.
      const after = mentions ? definedOnce(keys.map((key, i) => this.names.winner(key, mentions[i].kind === 'link' ? Rank.Path : undefined))) : [];
      for (const target of before) if (target !== path && !after.includes(target)) removeFrom(this.mentionedBy, target, path);
      for (const target of after) if (target !== path && !before.includes(target)) addTo(this.mentionedBy, target, path);
      if (after.length > 0) this.resolved.set(path, after);
      else this.resolved.delete(path);
      if (++done % notesPerCheck === 0 && due()) return this.stale.size === 0;
    }
    return true;
  }

  of(path: string): readonly string[] {
    return this.resolved.get(path) ?? [];
  }

  by(path: string): string[] {
    return [...(this.mentionedBy.get(path) ?? [])];
  }
}

function addTo(map: Map<string, string[]>, key: string, path: string): void {
  const paths = map.get(key);
  if (paths) paths.push(path);
  else map.set(key, [path]);
}

function removeFrom(map: Map<string, string[]>, key: string, path: string): void {
  const paths = map.get(key);
  if (!paths) return;
  const index = paths.indexOf(path);
  if (index >= 0) paths.splice(index, 1);
  if (paths.length === 0) map.delete(key);
}

/** The name key a body link looks up: a markdown link's path, relative to the note that holds it. */
function mentionKey(notePath: string, mention: Pick<Mention, 'kind' | 'target'>): string {
  return mention.kind === 'link' ? linkKey(notePath, mention.target) : targetKey(mention.target);
}

function addLooker(lookers: Map<string, Set<string>>, key: string, path: string): void {
  const waiting = lookers.get(key);
  if (waiting) waiting.add(path);
  else lookers.set(key, new Set([path]));
}

export function definedOnce(paths: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(paths.filter((path): path is string => path !== undefined))];
}

/** The keys in one list and not the other (sets, so a note's many aliases cost linear time). */
function symmetricDifference(a: readonly NameKey[], b: readonly NameKey[]): NameKey[] {
  const id = (k: NameKey) => `${k.rank}:${k.key}`;
  const inA = new Set(a.map(id));
  const inB = new Set(b.map(id));
  return [...a.filter((k) => !inB.has(id(k))), ...b.filter((k) => !inA.has(id(k)))];
}
