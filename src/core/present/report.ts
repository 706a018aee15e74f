// The report a researcher reads (CLI table) or a script consumes (CLI --json): every protocol
// with its verdict, the reason and the section behind it, and its exposure: how many negatively
// affected protocols it depends on and the nearest few, so a hub's dependents stay a few lines each.
import type { Atlas } from '../atlas';
import { DEFAULT_NEAREST } from '../framework';
import type { Layer, ProtocolNote, Severity, Verdict } from '../vocabulary/model';
import { LAYER_ORDER } from '../vocabulary/labels';

export interface ReportVerdict {
  value: Verdict['value'];
  rationale: string;
  section?: string;
  source: Verdict['source'];
  strength?: Verdict['strength'];
  horizon?: Verdict['horizon'];
  outlook?: Verdict['outlook'];
}

export interface ReportProtocol {
  name: string;
  /** The note's path as the index knows it (relative to the folder for the CLI). */
  file: string;
  layer: Layer;
  category?: string;
  dependsOn: string[];
  verdict: ReportVerdict;
  /** How many distinct negatively affected protocols it depends on, directly or transitively. */
  exposureCount: number;
  /** The nearest of them (at most the report's `nearest`), each by one shortest path of names. */
  exposure: ReportExposure[];
}

interface ReportExposure {
  /** Names from this protocol (first) to the negatively affected one (last). */
  path: string[];
  /**
   * The last one's verdict without its reason, which its own entry carries: repeated on every
   * path it would make a hub's dependents kilobytes each.
   */
  verdict: Pick<ReportVerdict, 'value' | 'section' | 'source' | 'strength' | 'horizon'>;
}

export interface ReportDiagnostic {
  file: string;
  /** One-based, as editors and compilers print it. */
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface AtlasReport {
  framework: { id: string; title: string };
  protocols: ReportProtocol[];
  diagnostics: ReportDiagnostic[];
}


/** The order of `localeCompare` without arguments, from one collator instead of one per comparison. */
const collator = new Intl.Collator();

export interface ReportOptions {
  /** How many of the nearest negatively affected protocols each protocol lists (`Infinity`: all). */
  nearest?: number;
}

export function buildReport(atlas: Atlas, options: ReportOptions = {}): AtlasReport {
  const nearest = options.nearest ?? DEFAULT_NEAREST;
  // The parsed notes and their resolved dependencies only: a whole Protocol per note also resolves
  // every body mention, which the report does not print (a third of `report`'s time at 10,000 notes).
  const all = atlas.index.paths().map((path) => atlas.index.note(path) as ProtocolNote);
  // One lookup table for every name on every path, rather than a fresh Protocol per lookup.
  const names = new Map(all.map((note) => [note.path, note.name.value]));
  const nameOf = (path: string) => names.get(path) ?? path;
  const protocols = all
    .map((note): ReportProtocol => {
      const { count, nearest: exposures } = atlas.exposure(note.path, nearest);
      return {
        name: note.name.value,
        file: note.path,
        layer: note.layer.value,
        category: note.category?.value,
        dependsOn: atlas.index.dependencies(note.path).map(nameOf),
        verdict: reportVerdict(atlas.verdictOf(note.path)),
        exposureCount: count,
        exposure: exposures.map((exposure): ReportExposure => {
          const { value, section, source, strength, horizon } = exposure.verdict;
          return { path: exposure.path.map(nameOf), verdict: { value, section, source, strength, horizon } };
        }),
      };
    })
    .sort(byLayerThenName);
  return { framework: { id: atlas.framework.id, title: atlas.framework.title }, protocols, diagnostics: reportDiagnostics(atlas) };
}

/** The index's problems, in file and position order: all `check` needs (no verdicts, no exposure). */
export function reportDiagnostics(atlas: Atlas): ReportDiagnostic[] {
  return atlas.index
    .diagnostics()
    .map((diagnostic): ReportDiagnostic => ({
      file: diagnostic.file,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message,
    }))
    .sort((a, b) => collator.compare(a.file, b.file) || a.line - b.line || a.column - b.column);
}

export function reportVerdict(verdict: Verdict): ReportVerdict {
  const { value, rationale, section, source, strength, horizon, outlook } = verdict;
  return { value, rationale, section, source, strength, horizon, outlook };
}

export function byLayerThenName<T extends { layer: Layer; name: string }>(a: T, b: T): number {
  return LAYER_ORDER.indexOf(a.layer) - LAYER_ORDER.indexOf(b.layer) || collator.compare(a.name, b.name);
}
