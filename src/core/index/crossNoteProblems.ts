// The cross-note diagnostics of every note, kept per kind so each is replaced on its own, and the
// cycle each note is in (the cycle diagnostics are derived from it).
import type { Diagnostic, ProtocolNote } from '../vocabulary/model';
import { cycleDiagnostic, withSuggestions } from './crossNoteDiagnostics';
import type { Cycle, CycleLoop } from './cycles';

/** What working out cycle diagnostics needs to see of the index. */
export interface CycleContext {
  note(path: string): ProtocolNote | undefined;
  resolution(path: string): ReadonlyArray<string | undefined>;
  /** Called before a note's diagnostics change. */
  touch(path: string): void;
}

/**
 * A loop of up to SHOWN_FIRST + SHOWN_LAST + 1 notes is listed whole; a longer one by its ends,
 * which keeps a message to a line or two however large the cycle.
 */
const SHOWN_FIRST = 4;
const SHOWN_LAST = 3;

export class CrossNoteProblems {
  private readonly references = new Map<string, Diagnostic[]>();
  private readonly duplicates = new Map<string, Diagnostic[]>();
  private readonly cycles = new Map<string, Diagnostic>();
  /** The loop each cycle diagnostic shows, to tell whether a cycle found again changes it. */
  private readonly loops = new Map<string, { loop: CycleLoop; cycleSize: number }>();
  /** For each note on a dependency cycle, that cycle (one object shared by its members). */
  readonly cycleOf = new Map<string, Cycle>();

  setReferences(path: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length > 0) this.references.set(path, diagnostics);
    else this.references.delete(path);
  }

  setDuplicates(path: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length > 0) this.duplicates.set(path, diagnostics);
    else this.duplicates.delete(path);
  }

  /**
   * Work out again the cycle diagnostic of each of `paths`, in constant time each past its
   * cycle's first. With `wordingChanged` false only the cycles changed (an edit anywhere in a
   * large cycle finds all of its loops again): a note whose loop reads the same keeps its message
   * without its being written out again.
   */
  refreshCycleDiagnostics(paths: Iterable<string>, context: CycleContext, wordingChanged = true): void {
    const nameOf = (other: string): string => context.note(other)?.name.value ?? other;
    for (const path of paths) {
      const note = context.note(path);
      const cycle = this.cycleOf.get(path);
      if (!note || !cycle) {
        this.loops.delete(path);
        if (this.cycles.has(path)) {
          context.touch(path);
          this.cycles.delete(path);
        }
        continue;
      }
      const loop = cycle.loopThrough(path, SHOWN_FIRST, SHOWN_LAST);
      const before = this.loops.get(path);
      this.loops.set(path, { loop, cycleSize: cycle.size });
      if (!wordingChanged && before && this.cycles.has(path) && before.cycleSize === cycle.size && sameLoop(before.loop, loop)) continue;
      const diagnostic = cycleDiagnostic(note, loop, cycle.size, context.resolution(path), nameOf);
      if (sameDiagnostic(this.cycles.get(path), diagnostic)) continue;
      context.touch(path);
      this.cycles.set(path, diagnostic);
    }
  }

  /** The notes whose cycle message names `path` (itself included, when it is on a cycle). */
  cycleMessagesNaming(path: string): readonly string[] {
    return this.cycleOf.get(path)?.membersShowing(path, SHOWN_FIRST, SHOWN_LAST) ?? [];
  }

  forget(path: string): void {
    this.references.delete(path);
    this.duplicates.delete(path);
    this.cycles.delete(path);
    this.loops.delete(path);
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

function sameDiagnostic(old: Diagnostic | undefined, now: Diagnostic): boolean {
  if (!old || old.message !== now.message || old.file !== now.file) return false;
  const [a, b] = [old.range, now.range];
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameLoop(a: CycleLoop, b: CycleLoop): boolean {
  const same = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((path, i) => path === y[i]);
  return a.steps === b.steps && same(a.head, b.head) && same(a.tail, b.tail);
}
