// The report a researcher reads (CLI table) or a script consumes (CLI --json): every protocol
// with its verdict, the reason and the section behind it, and its exposure.
import type { Atlas } from './atlas';
import { LAYERS, type Layer, type Severity, type Verdict } from './model';

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
  exposure: Array<{ path: string[]; verdict: ReportVerdict }>;
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

export const LAYER_ORDER: readonly Layer[] = [...LAYERS, 'unclassified'];

export function buildReport(atlas: Atlas): AtlasReport {
  const nameOf = (path: string) => atlas.index.protocol(path)?.name.value ?? path;
  const protocols = atlas
    .protocols()
    .map((protocol): ReportProtocol => ({
      name: protocol.name.value,
      file: protocol.path,
      layer: protocol.layer.value,
      category: protocol.category?.value,
      dependsOn: protocol.dependsOn.map(nameOf),
      verdict: reportVerdict(atlas.verdictOf(protocol.path)),
      exposure: atlas.exposureOf(protocol.path).map((exposure) => ({
        path: exposure.path.map(nameOf),
        verdict: reportVerdict(exposure.verdict),
      })),
    }))
    .sort(byLayerThenName);
  const diagnostics = atlas.index
    .diagnostics()
    .map((diagnostic): ReportDiagnostic => ({
      file: diagnostic.file,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message,
    }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { framework: { id: atlas.framework.id, title: atlas.framework.title }, protocols, diagnostics };
}

export function reportVerdict(verdict: Verdict): ReportVerdict {
  const { value, rationale, section, source, strength, horizon, outlook } = verdict;
  return { value, rationale, section, source, strength, horizon, outlook };
}

export function byLayerThenName<T extends { layer: Layer; name: string }>(a: T, b: T): number {
  return LAYER_ORDER.indexOf(a.layer) - LAYER_ORDER.indexOf(b.layer) || a.name.localeCompare(b.name);
}
