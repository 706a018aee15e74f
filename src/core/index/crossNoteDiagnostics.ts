// The problems only visible across notes, worded for the researcher: a dependency that names no
// note, two notes claiming one name, a note that depends on itself, a dependency cycle.
import * as l10n from '@vscode/l10n';
import type { Diagnostic, ProtocolNote, Range } from '../vocabulary/model';
import { quotedList, wordList } from '../vocabulary/labels';
import type { CycleLoop } from './cycles';
import { nameKey, Rank, type NameKey, type NameTable } from './nameTable';

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const NONE: Diagnostic[] = [];

/** Unresolved and self dependencies; suggestions are added when asked (see withSuggestions). */
export function referenceDiagnostics(note: ProtocolNote, resolved: ReadonlyArray<string | undefined>): Diagnostic[] {
  // Nearly every note resolves cleanly: say so without building anything.
  if (resolved.every((target) => target !== undefined && target !== note.path)) return NONE;
  const diagnostics: Diagnostic[] = [];
  note.dependsOn.forEach((ref, index) => {
    const target = resolved[index];
    if (target === undefined) {
      diagnostics.push({
        file: note.path,
        range: ref.range,
        severity: 'warning',
        code: 'unresolved-dependency',
        message: l10n.t('No note is named "{0}".', ref.target),
        data: { target: ref.target },
      });
    } else if (target === note.path) {
      diagnostics.push({
        file: note.path,
        range: ref.range,
        severity: 'warning',
        code: 'self-dependency',
        message: l10n.t('{0} depends on itself.', note.name.value),
        data: { target: ref.target },
      });
    }
  });
  return diagnostics;
}

/** A copy of an unresolved-dependency diagnostic that offers the nearest names. */
export function withSuggestions(diagnostic: Diagnostic, suggest: (target: string) => string[]): Diagnostic {
  const target = diagnostic.data?.target;
  if (diagnostic.code !== 'unresolved-dependency' || target === undefined) return diagnostic;
  const suggestions = suggest(target);
  if (suggestions.length === 0) return diagnostic;
  return {
    ...diagnostic,
    message: l10n.t('No note is named "{0}". Did you mean {1}?', target, quotedList(suggestions)),
    data: { ...diagnostic.data, suggestions },
  };
}

/** One diagnostic per name or alias of `note` that another note also uses. */
export function duplicateDiagnostics(
  note: ProtocolNote,
  keys: readonly NameKey[],
  names: NameTable,
  nameOf: (path: string) => string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const { key, rank } of keys) {
    if (rank > Rank.Alias || reported.has(key) || !names.isSharedName(key, note.path)) continue;
    reported.add(key);
    const others = names.namedBy(key).filter((path) => path !== note.path);
    if (others.length === 0) continue;
    const written = rank === Rank.Name ? note.name.value : (note.aliases.find((alias) => nameKey(alias) === key) ?? key);
    const range = rank === Rank.Name ? (note.name.range ?? START) : (note.fieldRanges.aliases ?? START);
    const listed = others.slice(0, 3).map((path) => `${nameOf(path)} (${path})`);
    diagnostics.push({
      file: note.path,
      range,
      severity: 'warning',
      code: 'duplicate-name',
      message:
        others.length > 3
          ? l10n.t('"{0}" also names {1} and {2} more; links to it may go to the wrong note.', written, wordList(listed), others.length - 3)
          : l10n.t('"{0}" also names {1}; links to it may go to the wrong note.', written, wordList(listed)),
      data: { target: written },
    });
  }
  return diagnostics;
}

/**
 * The cycle through `note` on the depends_on entry that starts its loop: "Dependency cycle:
 * A → B → A" when the loop is the whole cycle, else the cycle's size and the loop, its middle left
 * out when long: "Dependency cycle of 9,214 notes: A → B → … → Z → A (loop of 14)".
 */
export function cycleDiagnostic(
  note: ProtocolNote,
  loop: CycleLoop,
  cycleSize: number,
  resolved: ReadonlyArray<string | undefined>,
  nameOf: (path: string) => string,
): Diagnostic {
  const whole = loop.tail.length === 0;
  const names = (paths: readonly string[]): string => paths.map(nameOf).join(' → ');
  const shown = whole ? names(loop.head) : l10n.t('{0} → … → {1} (loop of {2})', names(loop.head), names(loop.tail), count(loop.steps));
  const message = whole && loop.steps === cycleSize ? l10n.t('Dependency cycle: {0}', shown) : l10n.t('Dependency cycle of {0} notes: {1}', count(cycleSize), shown);
  // The first step is one of the note's own dependencies: over all notes, this scans each edge once.
  const entry = note.dependsOn.find((_, index) => resolved[index] === loop.head[1]);
  return {
    file: note.path,
    range: entry?.range ?? note.fieldRanges.depends_on ?? START,
    severity: 'warning',
    code: 'dependency-cycle',
    message,
  };
}

/** 9214 -> "9,214" (toLocaleString costs a formatter per call, thousands of times per build). */
function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}
