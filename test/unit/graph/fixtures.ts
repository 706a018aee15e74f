// Small builders shared by the graph tests: graphs from plain lists, in any insertion order.
import fc from 'fast-check';
import { createDependencyGraph, type DependencyGraph } from '../../../src/core/graph/dependencyGraph';
import type { Layer } from '../../../src/core/vocabulary/model';

export interface NodeSpec {
  key: string;
  layer: Layer;
  name?: string;
  category?: string;
}

export function graphOf(nodes: NodeSpec[], edges: Array<[string, string]>): DependencyGraph {
  const graph = createDependencyGraph();
  for (const node of nodes) {
    graph.addNode(node.key, { name: node.name ?? node.key, layer: node.layer, ...(node.category ? { category: node.category } : {}) });
  }
  for (const [source, target] of edges) graph.mergeEdge(source, target);
  return graph;
}

/** A deterministic Fisher-Yates shuffle, so a failing property replays exactly. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export const LAYER_CHOICES: Layer[] = ['infrastructure', 'middleware', 'model', 'application', 'unclassified'];

export interface GraphSpec {
  nodes: NodeSpec[];
  edges: Array<[string, string]>;
}

/** Random layered graphs, self loops, cycles and same-layer edges included. */
export const graphSpecArbitrary: fc.Arbitrary<GraphSpec> = fc
  .array(fc.record({ layer: fc.constantFrom(...LAYER_CHOICES), category: fc.constantFrom('a', 'b', '') }), { maxLength: 40 })
  .chain((specs) => {
    const nodes = specs.map((spec, i) => ({ key: `notes/p${i}.md`, layer: spec.layer, category: spec.category || undefined }));
    const index = fc.nat({ max: Math.max(0, nodes.length - 1) });
    const edges = nodes.length === 0 ? fc.constant([]) : fc.array(fc.tuple(index, index), { maxLength: 120 });
    return edges.map((pairs) => ({ nodes, edges: pairs.map(([s, t]): [string, string] => [nodes[s].key, nodes[t].key]) }));
  });
