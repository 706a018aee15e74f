// The index of every protocol note: names resolved across notes, the dependency graph and the
// cross-note diagnostics, updated note by note. An update touches only what it can affect (the
// notes that name the changed note, the cycles its edges could close), and the result is always
// equal to a fresh build of the same notes; a property test holds the two together.
import { Emitter, type Disposable } from '../events';
import { createDependencyGraph, type DependencyGraph } from '../graph/dependencyGraph';
import type { Diagnostic, ProtocolNote } from '../model';
import { closestMatches } from '../note/closest';
import { parseNote, unreadableNote } from '../note/parseNote';
import { relocateNote } from '../note/placement';
import { ChangeRecorder } from './changeRecorder';
import { cycleDiagnostic, duplicateDiagnostics, referenceDiagnostics, withSuggestions } from './crossNoteDiagnostics';
import { affectedRegion, cycleRoutes, findCycles } from './cycles';
import { keysOfNote, linkKey, NameTable, Rank, targetKey, type NameKey } from './nameTable';
import { emptyChange, isEmptyChange, type IndexChange, type Protocol, type SerializedIndex } from './protocol';
import { isProtocolNote, SERIALIZED_INDEX_VERSION } from './serialize';

export type { IndexChange, Protocol, SerializedIndex } from './protocol';


export class ProtocolIndex {
  private readonly parse: (path: string, text: string) => ProtocolNote;
  private readonly notes = new Map<string, ProtocolNote>();
  private readonly names = new NameTable();
  private readonly keysByPath = new Map<string, NameKey[]>();
  /** Which keys each note looks up, and the reverse: who waits on a key. */
  private readonly lookupsByPath = new Map<string, string[]>();
  private readonly lookers = new Map<string, Set<string>>();
  /** Per note, per `depends_on` entry, the path it names (undefined: no note). */
  private readonly resolutions = new Map<string, Array<string | undefined>>();
  /** Body links are context, not edges: resolved when asked, remembered until a name changes. */
  private readonly mentionCache = new Map<string, { namesVersion: number; paths: string[] }>();
  private namesVersion = 0;
  private readonly referenceProblems = new Map<string, Diagnostic[]>();
  private readonly duplicateProblems = new Map<string, Diagnostic[]>();
  private readonly cycleProblems = new Map<string, Diagnostic>();
  private readonly cycleOf = new Map<string, string[]>();
  private readonly dependencyGraph = createDependencyGraph();
  private readonly emitter = new Emitter<IndexChange>();
  readonly onDidChange: (listener: (change: IndexChange) => void) => Disposable = this.emitter.event;

  // Work deferred to the end of an update, so a batch does it once.
  private recorder: ChangeRecorder | undefined;
  private depth = 0;
  private readonly toResolve = new Set<string>();
  private readonly duplicateKeys = new Set<string>();
  private readonly duplicateCandidates = new Set<string>();
  private readonly cycleMessagesToRefresh = new Set<string>();
  private suggestionCache: { names: string[]; byTarget: Map<string, string[]> } | undefined;

  constructor(options: { parse?: (path: string, text: string) => ProtocolNote } = {}) {
    this.parse = options.parse ?? parseNote;
  }

  /** Add or update a note from its text. */
  set(path: string, text: string): IndexChange {
    return this.update(() => this.put(this.parseSafely(path, text)));
  }

  /** Add or update a note parsed elsewhere (a worker, the persisted cache). */
  setParsed(note: ProtocolNote): IndexChange {
    const path: unknown = (note as Partial<ProtocolNote> | null)?.path;
    if (typeof path !== 'string') return emptyChange();
    const checked = isProtocolNote(note) ? note : unreadableNote(path, 'The parsed note was malformed and was not indexed.');
    return this.update(() => this.put(checked));
  }

  delete(path: string): IndexChange {
    return this.update(() => this.remove(path));
  }

  /** A moved or renamed note; without `text`, its path-derived fields are re-derived. */
  rename(oldPath: string, newPath: string, text?: string): IndexChange {
    return this.update(() => {
      const old = this.notes.get(oldPath);
      if (text === undefined && !old) return;
      const note = text !== undefined ? this.parseSafely(newPath, text) : relocateNote(old as ProtocolNote, newPath);
      if (oldPath !== newPath) this.remove(oldPath);
      this.put(note);
    });
  }

  /** Remove every note under a folder (deleted or renamed): `""` means every note. */
  deleteUnder(folderPrefix: string): IndexChange {
    const prefix = folderPrefix === '' || folderPrefix.endsWith('/') ? folderPrefix : `${folderPrefix}/`;
    return this.update(() => {
      for (const path of [...this.notes.keys()]) if (path.startsWith(prefix)) this.remove(path);
    });
  }

  /** Make the index hold exactly these notes (notes not among them are removed). */
  build(entries: Iterable<{ path: string; text: string }>): IndexChange {
    return this.update(() => {
      const seen = new Set<string>();
      for (const { path, text } of entries) {
        seen.add(path);
        this.put(this.parseSafely(path, text));
      }
      for (const path of [...this.notes.keys()]) if (!seen.has(path)) this.remove(path);
    });
  }

  /** Run several updates as one: one event, one combined change (inner calls return empty ones). */
  batch(fn: () => void): IndexChange {
    return this.update(fn);
  }

  paths(): string[] {
    return [...this.notes.keys()].sort();
  }

  note(path: string): ProtocolNote | undefined {
    return this.notes.get(path);
  }

  protocols(): Protocol[] {
    return this.paths().map((path) => this.protocol(path) as Protocol);
  }

  protocol(path: string): Protocol | undefined {
    const note = this.notes.get(path);
    const resolution = this.resolutions.get(path);
    if (!note || !resolution) return undefined;
    return {
      path,
      name: note.name,
      aliases: note.aliases,
      layer: note.layer,
      ...(note.category && { category: note.category }),
      tags: note.tags,
      ...(note.funding !== undefined && { funding: note.funding }),
      ...(note.override && { override: note.override }),
      dependsOn: definedOnce(resolution),
      unresolvedDependencies: note.dependsOn.filter((_, i) => resolution[i] === undefined).map((ref) => ref.target),
      mentions: this.mentionsOf(note),
    };
  }

  private mentionsOf(note: ProtocolNote): string[] {
    const cached = this.mentionCache.get(note.path);
    if (cached?.namesVersion === this.namesVersion) return cached.paths;
    const paths = definedOnce(
      note.mentions.map((mention) =>
        mention.kind === 'link'
          ? this.names.winner(linkKey(note.path, mention.target), Rank.Path)
          : this.names.winner(targetKey(mention.target)),
      ),
    );
    this.mentionCache.set(note.path, { namesVersion: this.namesVersion, paths });
    return paths;
  }

  /** The note a name, alias, file name or `[[wikilink]]` means, if any. */
  resolve(nameOrAliasOrWikilinkTarget: string): string | undefined {
    if (typeof nameOrAliasOrWikilinkTarget !== 'string') return undefined;
    return this.names.winner(targetKey(nameOrAliasOrWikilinkTarget));
  }

  /** The notes that depend on this one. */
  dependents(path: string): string[] {
    return this.dependencyGraph.hasNode(path) ? this.dependencyGraph.inNeighbors(path).sort() : [];
  }

  /** A note's diagnostics (its own and cross-note), or every note's when no path is given. */
  diagnostics(path?: string): Diagnostic[] {
    if (path === undefined) return this.paths().flatMap((each) => this.diagnostics(each));
    const note = this.notes.get(path);
    if (!note) return [];
    const suggest = (target: string): string[] => this.suggestNames(target);
    const cycle = this.cycleProblems.get(path);
    return [
      ...note.diagnostics,
      ...(this.referenceProblems.get(path) ?? []).map((diagnostic) => withSuggestions(diagnostic, suggest)),
      ...(this.duplicateProblems.get(path) ?? []),
      ...(cycle ? [cycle] : []),
    ];
  }

  /** The dependency graph, kept up to date in place. Read it; never modify it. */
  get graph(): DependencyGraph {
    return this.dependencyGraph;
  }

  toJSON(): SerializedIndex {
    return { version: SERIALIZED_INDEX_VERSION, notes: this.paths().map((path) => this.notes.get(path) as ProtocolNote) };
  }

  /** An index from a persisted cache, or undefined when the value is corrupt or from another version. */
  static fromJSON(value: unknown, options?: { parse?: (path: string, text: string) => ProtocolNote }): ProtocolIndex | undefined {
    try {
      if (!value || typeof value !== 'object') return undefined;
      const { version, notes } = value as Partial<SerializedIndex>;
      if (version !== SERIALIZED_INDEX_VERSION || !Array.isArray(notes) || !notes.every(isProtocolNote)) return undefined;
      if (new Set(notes.map((note) => note.path)).size !== notes.length) return undefined;
      const index = new ProtocolIndex(options);
      index.batch(() => notes.forEach((note) => index.put(note)));
      return index;
    } catch {
      return undefined;
    }
  }

  private parseSafely(path: string, text: string): ProtocolNote {
    try {
      const note = this.parse(path, text);
      // Our own parser's output needs no checking (it is tested); an injected one's does.
      if (this.parse === parseNote || (isProtocolNote(note) && note.path === path)) return note;
      return unreadableNote(path, 'The parser returned a malformed note.');
    } catch (error) {
      return unreadableNote(path, `Protocol Atlas could not read this note: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private update(apply: () => void): IndexChange {
    const outermost = this.depth === 0;
    if (outermost) this.recorder = new ChangeRecorder();
    this.depth++;
    let failure: { error: unknown } | undefined;
    try {
      apply();
    } catch (error) {
      // Only a batch's own callback can throw; what it changed so far is still finished and told.
      failure = { error };
    } finally {
      this.depth--;
    }
    if (!outermost) {
      if (failure) throw failure.error;
      return emptyChange();
    }
    const change = this.finish();
    if (!isEmptyChange(change)) this.emitter.fire(change);
    if (failure) throw failure.error;
    return change;
  }

  private get record(): ChangeRecorder {
    this.recorder ??= new ChangeRecorder();
    return this.recorder;
  }

  private put(note: ProtocolNote): void {
    const path = note.path;
    const old = this.notes.get(path);
    this.record.noteTouched(path, old !== undefined);
    this.touchDiagnostics(path);
    this.record.updated.add(path); // reported only if it existed before the update, too
    this.notes.set(path, note);
    this.mentionCache.delete(path);
    const attributes = { name: note.name.value, layer: note.layer.value, ...(note.category && { category: note.category.value }) };
    if (this.dependencyGraph.hasNode(path)) this.dependencyGraph.replaceNodeAttributes(path, attributes);
    else this.dependencyGraph.addNode(path, attributes);

    const keys = keysOfNote(note);
    this.replaceKeys(path, keys);
    // Duplicate diagnostics point at where the name is written, and other notes' quote it.
    this.duplicateCandidates.add(path);
    if (old && old.name.value !== note.name.value) {
      for (const { key, rank } of keys) if (rank <= Rank.Alias) for (const member of this.names.namedBy(key)) this.duplicateCandidates.add(member);
    }
    this.replaceLookups(path, this.lookupKeys(note));
    this.toResolve.add(path);
    const cycle = this.cycleOf.get(path);
    if (cycle) for (const member of old?.name.value !== note.name.value ? cycle : [path]) this.cycleMessagesToRefresh.add(member);
  }

  private remove(path: string): void {
    if (!this.notes.has(path)) return;
    this.record.noteTouched(path, true);
    this.touchDiagnostics(path);
    const graph = this.dependencyGraph;
    for (const target of graph.outNeighbors(path)) this.dropEdge(path, target);
    for (const source of graph.inNeighbors(path)) this.dropEdge(source, path);
    graph.dropNode(path);
    this.replaceKeys(path, []);
    this.replaceLookups(path, []);
    this.notes.delete(path);
    this.resolutions.delete(path);
    this.mentionCache.delete(path);
    this.referenceProblems.delete(path);
    this.duplicateProblems.delete(path);
    this.cycleProblems.delete(path);
    this.toResolve.delete(path);
  }

  private replaceKeys(path: string, keys: NameKey[]): void {
    const old = this.keysByPath.get(path) ?? [];
    const same = (a: NameKey, b: NameKey): boolean => a.key === b.key && a.rank === b.rank;
    const changed = [...old.filter((k) => !keys.some((n) => same(k, n))), ...keys.filter((k) => !old.some((o) => same(k, o)))];
    if (changed.length === 0) {
      if (keys.length > 0) this.keysByPath.set(path, keys); // same keys, maybe in another order
      return;
    }
    this.namesVersion++;
    for (const { key, rank } of changed) {
      // Whoever looks this key up may now mean another note (or none).
      for (const looker of this.lookers.get(key) ?? []) this.toResolve.add(looker);
      if (rank <= Rank.Alias) {
        this.duplicateKeys.add(key);
        if (this.names.isSharedName(key, path)) for (const member of this.names.namedBy(key)) this.duplicateCandidates.add(member);
        this.suggestionCache = undefined;
      }
    }
    this.names.remove(path, old);
    this.names.add(path, keys);
    if (keys.length > 0) this.keysByPath.set(path, keys);
    else this.keysByPath.delete(path);
  }

  private lookupKeys(note: ProtocolNote): string[] {
    return [...new Set(note.dependsOn.map((ref) => targetKey(ref.target)))];
  }

  private replaceLookups(path: string, keys: string[]): void {
    for (const key of this.lookupsByPath.get(path) ?? []) {
      const lookers = this.lookers.get(key);
      lookers?.delete(path);
      if (lookers?.size === 0) this.lookers.delete(key);
    }
    for (const key of keys) {
      const lookers = this.lookers.get(key);
      if (lookers) lookers.add(path);
      else this.lookers.set(key, new Set([path]));
    }
    if (keys.length > 0) this.lookupsByPath.set(path, keys);
    else this.lookupsByPath.delete(path);
  }

  /** Resolve what one note names, and bring its edges and reference diagnostics in line. */
  private resolveNote(path: string): void {
    const note = this.notes.get(path);
    if (!note) return;
    const resolution = note.dependsOn.map((ref) => this.names.winner(targetKey(ref.target)));
    const previous = this.resolutions.get(path);
    if (previous && !sameList(previous, resolution)) this.record.updated.add(path);
    this.resolutions.set(path, resolution);

    const wanted = new Set(resolution.filter((target): target is string => target !== undefined));
    for (const target of this.dependencyGraph.outNeighbors(path)) if (!wanted.has(target)) this.dropEdge(path, target);
    for (const target of wanted) {
      if (!this.dependencyGraph.hasEdge(path, target)) {
        this.record.edgeTouched(path, target, false);
        this.dependencyGraph.addEdge(path, target);
      }
    }
    this.touchDiagnostics(path);
    const problems = referenceDiagnostics(note, resolution);
    if (problems.length > 0) this.referenceProblems.set(path, problems);
    else this.referenceProblems.delete(path);
    if (this.cycleOf.has(path)) this.cycleMessagesToRefresh.add(path);
  }

  private dropEdge(from: string, to: string): void {
    this.record.edgeTouched(from, to, true);
    this.dependencyGraph.dropEdge(from, to);
  }

  /** The deferred work of an update, in dependency order, then the net change. */
  private finish(): IndexChange {
    const recorder = this.record;
    for (const path of this.toResolve) this.resolveNote(path);
    this.toResolve.clear();

    for (const key of this.duplicateKeys) {
      const entries = this.names.namedBy(key);
      if (entries.length > 1) for (const member of entries) this.duplicateCandidates.add(member);
    }
    for (const path of this.duplicateCandidates) this.refreshDuplicates(path);
    this.duplicateKeys.clear();
    this.duplicateCandidates.clear();

    const hasEdge = (from: string, to: string): boolean => this.dependencyGraph.hasEdge(from, to);
    const edges = recorder.edgeChanges(hasEdge);
    if (edges.added.length > 0 || edges.removed.length > 0) this.refreshCycles(edges.added, edges.removed);
    this.refreshCycleMessages();

    this.recorder = undefined;
    return recorder.finish((path) => this.notes.has(path), hasEdge, (path) => this.signature(path));
  }

  private refreshDuplicates(path: string): void {
    const note = this.notes.get(path);
    if (!note) return;
    this.touchDiagnostics(path);
    const nameOf = (other: string): string => this.notes.get(other)?.name.value ?? other;
    const problems = duplicateDiagnostics(note, this.keysByPath.get(path) ?? [], this.names, nameOf);
    if (problems.length > 0) this.duplicateProblems.set(path, problems);
    else this.duplicateProblems.delete(path);
  }

  private refreshCycles(added: Array<[string, string]>, removed: Array<[string, string]>): void {
    for (const path of [...this.cycleOf.keys()]) if (!this.notes.has(path)) this.cycleOf.delete(path);
    const region = affectedRegion(this.dependencyGraph, added, removed, this.cycleOf);
    const nodes = region === 'all' ? this.dependencyGraph.nodes() : [...region];
    for (const node of nodes) {
      this.cycleOf.delete(node);
      this.cycleMessagesToRefresh.add(node);
    }
    for (const cycle of findCycles(this.dependencyGraph, nodes)) for (const member of cycle) this.cycleOf.set(member, cycle);
  }

  private refreshCycleMessages(): void {
    const routes = new Map<string[], Map<string, string[] | undefined>>();
    for (const path of this.cycleMessagesToRefresh) {
      const note = this.notes.get(path);
      const cycle = this.cycleOf.get(path);
      if (!note || !cycle) {
        if (this.cycleProblems.has(path)) {
          this.touchDiagnostics(path);
          this.cycleProblems.delete(path);
        }
        continue;
      }
      let routesOfCycle = routes.get(cycle);
      if (!routesOfCycle) {
        const wanted = cycle.filter((member) => this.cycleMessagesToRefresh.has(member));
        routesOfCycle = cycleRoutes(this.dependencyGraph, cycle, wanted);
        routes.set(cycle, routesOfCycle);
      }
      const nameOf = (other: string): string => this.notes.get(other)?.name.value ?? other;
      const resolved = this.resolutions.get(path) ?? [];
      this.touchDiagnostics(path);
      this.cycleProblems.set(path, cycleDiagnostic(note, routesOfCycle.get(path), cycle, resolved, nameOf));
    }
    this.cycleMessagesToRefresh.clear();
  }

  private touchDiagnostics(path: string): void {
    this.record.diagnosticsTouched(path, () => this.signature(path));
  }

  /** How a note's diagnostics read, to tell whether an update changed them. */
  private signature(path: string): string {
    const note = this.notes.get(path);
    const references = this.referenceProblems.get(path);
    const duplicates = this.duplicateProblems.get(path);
    const cycle = this.cycleProblems.get(path);
    // No note and a note without problems read the same: neither shows anything.
    if (!note || (note.diagnostics.length === 0 && !references && !duplicates && !cycle)) return '';
    return JSON.stringify([note.diagnostics, references, duplicates, cycle]);
  }

  private suggestNames(target: string): string[] {
    if (!this.suggestionCache) {
      const names = [...this.notes.values()].flatMap((note) => [note.name.value, ...note.aliases]).sort();
      this.suggestionCache = { names, byTarget: new Map() };
    }
    const cache = this.suggestionCache;
    let suggestions = cache.byTarget.get(target);
    if (!suggestions) {
      suggestions = closestMatches(target, cache.names);
      cache.byTarget.set(target, suggestions);
    }
    return suggestions;
  }
}

function definedOnce(paths: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(paths.filter((path): path is string => path !== undefined))];
}

function sameList(a: ReadonlyArray<string | undefined>, b: ReadonlyArray<string | undefined>): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
