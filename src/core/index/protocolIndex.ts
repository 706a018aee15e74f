// The index of every protocol note: names resolved across notes, the dependency graph and the
// cross-note diagnostics, updated note by note. An update touches only what it can affect (the
// notes that name the changed note, the cycles its edges could close), and the result is always
// equal to a fresh build of the same notes; a property test holds the two together.
import { Emitter, type Disposable } from '../vocabulary/events';
import { createDependencyGraph, type DependencyGraph, type ProtocolNodeAttributes } from '../graph/dependencyGraph';
import type { Diagnostic, Mention, ProtocolNote } from '../vocabulary/model';
import { parseNote } from '../note/parseNote';
import { SINGLE_ROOT, type Placement } from '../note/placement';
import { ChangeRecorder } from './changeRecorder';
import { duplicateDiagnostics, referenceDiagnostics } from './crossNoteDiagnostics';
import { CrossNoteProblems } from './crossNoteProblems';
import { updateCycles } from './cycles';
import { definedOnce, Links } from './links';
import { NameSuggestions } from './nameSuggestions';
import { emptyChange, isEmptyChange, type IndexChange, type Protocol } from '../vocabulary/protocol';

export type { IndexChange, Protocol } from '../vocabulary/protocol';

export type NoteParser = (path: string, text: string) => ProtocolNote;

function nodeAttributes(note: ProtocolNote): ProtocolNodeAttributes {
  return { name: note.name.value, layer: note.layer.value, ...(note.category && { category: note.category.value }) };
}

export class ProtocolIndex {
  private readonly parse: NoteParser;
  private readonly placement: () => Placement;
  private notes = new Map<string, ProtocolNote>();
  private links = new Links();
  private problems = new CrossNoteProblems();
  private dependencyGraph = createDependencyGraph();
  private readonly emitter = new Emitter<IndexChange>();
  readonly onDidChange: (listener: (change: IndexChange) => void) => Disposable = this.emitter.event;

  // What an update has left to do at its end (once per batch, however many notes it touched).
  private recorder = new ChangeRecorder(false);
  private depth = 0;
  private readonly toResolve = new Set<string>();
  private readonly duplicateKeys = new Set<string>();
  private readonly duplicateCandidates = new Set<string>();
  private readonly cycleMessagesToRefresh = new Set<string>();
  private readonly suggestions = new NameSuggestions(() => [...this.notes.values()].flatMap((note) => [note.name.value, ...note.aliases]));

  /**
   * `placement` is asked at each parse: a workspace that gains a second root folder reads its
   * paths differently from then on (and rebuilds, since every key changes).
   */
  constructor(private readonly options: { placement?: () => Placement } = {}) {
    const placement = options.placement;
    this.placement = placement ?? (() => SINGLE_ROOT);
    this.parse = placement ? (path, text) => parseNote(path, text, placement()) : parseNote;
  }

  /** Add or update a note from its text. */
  set(path: string, text: string): IndexChange {
    return this.update(() => this.put(this.parse(path, text)));
  }

  delete(path: string): IndexChange {
    return this.update(() => this.remove(path));
  }

  /** Remove every note under a folder (deleted or renamed); `""` is the root: every note. */
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
        this.put(this.parse(path, text));
      }
      for (const path of [...this.notes.keys()]) if (!seen.has(path)) this.remove(path);
    });
  }

  /**
   * Make the index hold exactly these notes, parsed by `parseNote` elsewhere (the CLI, the cache):
   * they are not checked again (parseNote never throws and is tested to return well-formed notes;
   * the cache's reader checks every value it decodes), which keeps a cold build of thousands cheap.
   */
  buildParsed(notes: Iterable<ProtocolNote>): IndexChange {
    return this.update(() => {
      const seen = new Set<string>();
      for (const note of notes) {
        seen.add(note.path);
        this.put(note);
      }
      for (const path of [...this.notes.keys()]) if (!seen.has(path)) this.remove(path);
    });
  }

  /**
   * buildParsed for a first index, in steps of `notesPerStep` notes: a caller that yields between
   * them (the extension host, shared with every other extension) never runs one long task. The
   * work is done in an index aside and handed over in the last step, so whatever reads this index
   * in between sees a whole one, never a half-resolved one. An index that is not empty (a rebuild)
   * or that changed meanwhile is built in one step, as buildParsed does.
   */
  *buildParsedInSteps(notes: readonly ProtocolNote[], notesPerStep = 250): Generator<void, IndexChange> {
    if (this.notes.size > 0 || this.depth > 0) return this.buildParsed(notes);
    const aside = new ProtocolIndex(this.options);
    aside.recorder = new ChangeRecorder(true);
    for (let i = 0; i < notes.length; i++) {
      aside.put(notes[i]);
      if ((i + 1) % notesPerStep === 0) yield;
    }
    const change = yield* aside.finishing(notesPerStep);
    if (this.notes.size > 0 || this.depth > 0) return this.buildParsed(notes);
    this.notes = aside.notes;
    this.links = aside.links;
    this.problems = aside.problems;
    this.dependencyGraph = aside.dependencyGraph;
    this.suggestions.forget();
    if (!isEmptyChange(change)) this.emitter.fire(change);
    return change;
  }

  /** Several updates as one: one event, one combined change (the inner calls return empty ones). */
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
    if (!note) return undefined;
    const resolution = this.links.resolution(path);
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
      mentions: [...this.links.mentionsOf(path)],
    };
  }

  /** The note a name, alias, file name or `[[wikilink]]` means, if any. */
  resolve(nameOrAliasOrWikilinkTarget: string): string | undefined {
    return typeof nameOrAliasOrWikilinkTarget === 'string' ? this.links.resolve(nameOrAliasOrWikilinkTarget) : undefined;
  }

  /** The note a body link in the note at `notePath` names, if any. */
  resolveMention(notePath: string, mention: Pick<Mention, 'kind' | 'target'>): string | undefined {
    return this.links.resolveMention(notePath, mention);
  }

  /**
   * Work out who mentions whom for about `budgetMs` ahead of the first `mentioners()`, which would
   * otherwise do all of it at once; true while there is more to do.
   */
  prepareMentions(budgetMs: number, notesPerCheck?: number): boolean {
    return this.links.prepareMentions(budgetMs, notesPerCheck);
  }

  /** The notes whose body links name this one (sorted): kept both ways, so this costs what it finds. */
  mentioners(path: string): string[] {
    return this.links.mentionersOf(path).sort();
  }

  /** The names nearest to a target that names no note, for a quick fix (not bounded by the messages' budget). */
  suggestNames(target: string): string[] {
    return this.suggestions.nearest(target);
  }

  /** The notes this one depends on, in its order: Protocol.dependsOn without building the rest. */
  dependencies(path: string): string[] {
    return this.notes.has(path) ? definedOnce(this.links.resolution(path)) : [];
  }

  /** The notes that depend on this one. */
  dependents(path: string): string[] {
    return this.dependencyGraph.hasNode(path) ? this.dependencyGraph.inNeighbors(path).sort() : [];
  }

  /**
   * A note's diagnostics (its own, then cross-note), or every note's when no path is given.
   * Name suggestions for unresolved dependencies are worked out here, from the current names.
   */
  diagnostics(path?: string): Diagnostic[] {
    if (path === undefined) return this.paths().flatMap((each) => this.diagnostics(each));
    const note = this.notes.get(path);
    return note ? this.problems.of(note, (target) => this.suggestions.for(target)) : [];
  }

  /** The dependency graph, kept up to date in place. Read it; never change it. */
  get graph(): DependencyGraph {
    return this.dependencyGraph;
  }

  private update(apply: () => void): IndexChange {
    const outermost = this.depth === 0;
    if (outermost) this.recorder = new ChangeRecorder(this.notes.size === 0);
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

  private put(note: ProtocolNote): void {
    const path = note.path;
    const old = this.notes.get(path);
    if (!old && this.recorder.startedEmpty) {
      // Building from empty: finish() resolves every note and checks every name anyway.
      this.notes.set(path, note);
      this.dependencyGraph.addNode(path, nodeAttributes(note));
      this.links.addDuringBuild(path, note);
      this.suggestions.forget();
      return;
    }
    this.recorder.noteTouched(path, old !== undefined);
    this.touchDiagnostics(path);
    this.recorder.updated.add(path); // reported only if it existed before the update, too
    this.notes.set(path, note);
    const attributes = nodeAttributes(note);
    if (old) this.dependencyGraph.replaceNodeAttributes(path, attributes);
    else this.dependencyGraph.addNode(path, attributes);
    this.namesChanged(path, note);
    this.toResolve.add(path);
    // Duplicate diagnostics point at where the name is written; others' messages quote it.
    this.duplicateCandidates.add(path);
    const renamed = old !== undefined && old.name.value !== note.name.value;
    if (!old || renamed || old.aliases.join('\n') !== note.aliases.join('\n')) this.suggestions.forget();
    if (renamed) for (const { key } of this.links.keysOf(path)) this.duplicateKeys.add(key);
    if (this.problems.cycleOf.has(path)) for (const member of renamed ? this.problems.cycleMessagesNaming(path) : [path]) this.cycleMessagesToRefresh.add(member);
  }

  private remove(path: string): void {
    if (!this.notes.has(path)) return;
    this.recorder.noteTouched(path, true);
    this.touchDiagnostics(path);
    for (const target of this.dependencyGraph.outNeighbors(path)) this.dropEdge(path, target);
    for (const source of this.dependencyGraph.inNeighbors(path)) this.dropEdge(source, path);
    this.dependencyGraph.dropNode(path);
    this.namesChanged(path, undefined);
    this.suggestions.forget();
    this.notes.delete(path);
    this.problems.forget(path);
    this.toResolve.delete(path);
  }

  private namesChanged(path: string, note: ProtocolNote | undefined): void {
    const change = this.links.update(path, note);
    for (const looker of change.toResolve) this.toResolve.add(looker);
    for (const key of change.nameKeys) this.duplicateKeys.add(key);
    for (const namer of change.formerNamers) this.duplicateCandidates.add(namer);
  }

  /** Resolve what one note names, and bring its edges and reference diagnostics in line. */
  private resolveNote(path: string): void {
    const note = this.notes.get(path);
    if (!note) return;
    const { resolution, changed } = this.links.resolveDependencies(note);
    if (changed) this.recorder.updated.add(path);
    // A note new to the graph has no edges yet: listing them would allocate for nothing.
    const hadEdges = this.dependencyGraph.outDegree(path) > 0;
    if (hadEdges) {
      const wanted = new Set(resolution);
      for (const target of this.dependencyGraph.outNeighbors(path)) if (!wanted.has(target)) this.dropEdge(path, target);
    }
    // In depends_on order, each target once (without edges yet, its own earlier entries tell).
    for (let i = 0; i < resolution.length; i++) {
      const target = resolution[i];
      if (target === undefined) continue;
      if (hadEdges ? this.dependencyGraph.hasEdge(path, target) : resolution.indexOf(target) < i) continue;
      this.recorder.edgeTouched(path, target, false);
      this.dependencyGraph.addEdge(path, target);
    }
    this.touchDiagnostics(path);
    this.problems.setReferences(path, referenceDiagnostics(note, resolution));
    if (this.problems.cycleOf.has(path)) this.cycleMessagesToRefresh.add(path);
  }

  private dropEdge(from: string, to: string): void {
    this.recorder.edgeTouched(from, to, true);
    this.dependencyGraph.dropEdge(from, to);
  }

  /** The deferred work of an update, in dependency order, then the net change. */
  private finish(): IndexChange {
    const steps = this.finishing(Infinity);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** finish(), pausing after every `notesPerStep` notes resolved or checked (never, for Infinity). */
  private *finishing(notesPerStep: number): Generator<void, IndexChange> {
    const recorder = this.recorder;
    let done = 0;
    // From empty, put() recorded nothing per note: every note is resolved and checked here.
    if (recorder.startedEmpty) {
      for (const path of this.notes.keys()) {
        this.resolveNote(path);
        if (++done % notesPerStep === 0) yield;
      }
      for (const path of this.links.names.sharedNamers()) this.duplicateCandidates.add(path);
      this.links.prepareForUpdates();
      yield;
    } else {
      for (const path of this.toResolve) this.resolveNote(path);
    }
    this.toResolve.clear();

    for (const key of this.duplicateKeys) {
      const namers = this.links.names.namedBy(key);
      if (namers.length > 1) for (const namer of namers) this.duplicateCandidates.add(namer);
    }
    for (const path of this.duplicateCandidates) {
      this.refreshDuplicates(path);
      if (++done % notesPerStep === 0) yield;
    }
    this.duplicateKeys.clear();
    this.duplicateCandidates.clear();

    const graph = this.dependencyGraph;
    const hasEdge = (from: string, to: string): boolean => graph.hasEdge(from, to);
    const edges = recorder.startedEmpty ? undefined : recorder.edgeChanges(hasEdge);
    const cyclesFoundAgain = !edges || edges.added.length > 0 || edges.removed.length > 0 ? updateCycles(graph, this.problems.cycleOf, edges?.added ?? 'all', edges?.removed ?? []) : [];
    yield;
    this.refreshCycleMessages(cyclesFoundAgain);
    yield;

    this.recorder = new ChangeRecorder(false);
    return recorder.finish({
      exists: (path) => this.notes.has(path),
      hasEdge,
      signature: (path) => this.problems.signature(this.notes.get(path)),
      paths: () => [...this.notes.keys()],
      edges: () => graph.mapEdges((_, __, from, to): [string, string] => [from, to]),
    });
  }

  private refreshDuplicates(path: string): void {
    const note = this.notes.get(path);
    if (!note) return;
    this.touchDiagnostics(path);
    const nameOf = (other: string): string => this.notes.get(other)?.name.value ?? other;
    this.problems.setDuplicates(path, duplicateDiagnostics(note, this.links.keysOf(path), this.links.names, nameOf));
  }

  /** The cycle messages of notes changed in this update, and of notes whose cycle was found again. */
  private refreshCycleMessages(cyclesFoundAgain: readonly string[]): void {
    const context = {
      note: (path: string) => this.notes.get(path),
      resolution: (path: string) => this.links.resolution(path),
      touch: (path: string) => this.touchDiagnostics(path),
    };
    const changed = this.cycleMessagesToRefresh;
    this.problems.refreshCycleDiagnostics(changed, context);
    this.problems.refreshCycleDiagnostics(
      cyclesFoundAgain.filter((path) => !changed.has(path)),
      context,
      false,
    );
    changed.clear();
  }

  private touchDiagnostics(path: string): void {
    this.recorder.diagnosticsTouched(path, () => this.problems.signature(this.notes.get(path)));
  }
}
