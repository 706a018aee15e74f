// The cross-note diagnostics of every note, kept per kind so each is replaced on its own, and the
// cycle each note is in (the cycle diagnostics are derived from it).
import type { Diagnostic, ProtocolNote } from '../model';
import { cycleDiagnostic, withSuggestions } from './crossNoteDiagnostics';
import type { Cycle } from './cycles';

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

  /** Work out again the cycle diagnostic of each of `paths` (each in constant time, past its cycle's first). */
  refreshCycleDiagnostics(paths: Iterable<string>, context: CycleContext): void {
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
      const loop = cycle.loopThrough(path, SHOWN_FIRST, SHOWN_LAST);
      const diagnostic = cycleDiagnostic(note, loop, cycle.size, context.resolution(path), nameOf);
      // An edit inside a large cycle works out every member's loop again; most read as before.
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
