// A normalised, order-free picture of an index, for comparing an incrementally updated index
// with a fresh build of the same notes.
import type { Diagnostic } from '../../../src/core/vocabulary/model';
import type { ProtocolIndex } from '../../../src/core/index/protocolIndex';

export interface IndexSnapshot {
  protocols: unknown[];
  edges: string[];
  nodes: unknown[];
  diagnostics: Record<string, Diagnostic[]>;
  dependents: Record<string, string[]>;
  mentioners: Record<string, string[]>;
  resolved: Record<string, string | undefined>;
}

export function snapshot(index: ProtocolIndex, names: readonly string[] = []): IndexSnapshot {
  const paths = index.paths();
  return {
    protocols: index.protocols(),
    edges: index.graph.mapEdges((_, __, source, target) => `${source} -> ${target}`).sort(),
    nodes: index.graph
      .mapNodes((node, attributes) => ({ node, ...attributes }))
      .sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0)),
    diagnostics: Object.fromEntries(paths.map((path) => [path, index.diagnostics(path)])),
    dependents: Object.fromEntries(paths.map((path) => [path, index.dependents(path)])),
    mentioners: Object.fromEntries(paths.map((path) => [path, index.mentioners(path)])),
    resolved: Object.fromEntries(names.map((name) => [name, index.resolve(name)])),
  };
}

/** A diagnostic without the parts computed on demand (name suggestions for unresolved targets). */
export function withoutSuggestions(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.code !== 'unresolved-dependency') return diagnostic;
  const { suggestions: _suggestions, ...data } = diagnostic.data ?? {};
  return { ...diagnostic, message: diagnostic.message.replace(/ Did you mean .*$/, ''), data };
}
