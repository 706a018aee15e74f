// The cross-note diagnostics of every note, kept per kind so each is replaced on its own, and the
// cycle each note is in (the cycle diagnostics are derived from it).
import type { DependencyGraph } from '../graph/dependencyGraph';
import type { Diagnostic, ProtocolNote } from '../model';
import { cycleDiagnostic, withSuggestions } from './crossNoteDiagnostics';
import { cycleRoutes } from './cycles';

/** What working out cycle diagnostics needs to see of the index. */
export interface CycleContext {
  graph: DependencyGraph;
  note(path: string): ProtocolNote | undefined;
  resolution(path: string): ReadonlyArray<string | undefined>;
  /** Called before a note's diagnostics change. */
  touch(path: string): void;
}

export class CrossNoteProblems {
  private readonly references = new Map<string, Diagnostic[]>();
  private readonly duplicates = new Map<string, Diagnostic[]>();
  private readonly cycles = new Map<string, Diagnostic>();
  /** For each note on a dependency cycle, that cycle's notes (sorted; shared by its members). */
  readonly cycleOf = new Map<string, string[]>();

  setReferences(path: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length > 0) this.references.set(path, diagnostics);
    else this.references.delete(path);
  }

  setDuplicates(path: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length > 0) this.duplicates.set(path, diagnostics);
    else this.duplicates.delete(path);
  }

  /** Work out again the cycle diagnostic of each of `paths` (routes computed once per cycle). */
  refreshCycleDiagnostics(paths: ReadonlySet<string>, context: CycleContext): void {
    const routes = new Map<string[], Map<string, string[] | undefined>>();
    const nameOf = (other: string): string => context.note(other)?.name.value ?? other;
    for (const path of paths) {
      const note = context.note(path);
      const cycle = this.cycleOf.get(path);
      if (!note || !cycle) {
        if (this.cycles.has(path)) {
          context.touch(path);
          this.cycles.delete(path);
        }
        continue;
      }
      let routesOfCycle = routes.get(cycle);
      if (!routesOfCycle) {
        routesOfCycle = cycleRoutes(context.graph, cycle, cycle.filter((member) => paths.has(member)));
        routes.set(cycle, routesOfCycle);
      }
      context.touch(path);
      this.cycles.set(path, cycleDiagnostic(note, routesOfCycle.get(path), cycle, context.resolution(path), nameOf));
    }
  }

  forget(path: string): void {
    this.references.delete(path);
    this.duplicates.delete(path);
    this.cycles.delete(path);
  }

  /** A note's own diagnostics followed by its cross-note ones, with name suggestions filled in. */
  of(note: ProtocolNote, suggest: (target: string) => string[]): Diagnostic[] {
    const cycle = this.cycles.get(note.path);
    return [
      ...note.diagnostics,
      ...(this.references.get(note.path) ?? []).map((diagnostic) => withSuggestions(diagnostic, suggest)),
      ...(this.duplicates.get(note.path) ?? []),
      ...(cycle ? [cycle] : []),
    ];
  }

  /**
   * How a note's diagnostics read, to tell whether an update changed them. No note and a note
   * without problems read the same: neither shows anything.
   */
  signature(note: ProtocolNote | undefined): string {
    if (!note) return '';
    const references = this.references.get(note.path);
    const duplicates = this.duplicates.get(note.path);
    const cycle = this.cycles.get(note.path);
    if (note.diagnostics.length === 0 && !references && !duplicates && !cycle) return '';
    return JSON.stringify([note.diagnostics, references, duplicates, cycle]);
  }
}
