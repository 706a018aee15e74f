// The graph both pages draw: the layout benchmark's synthetic atlas (5,000 protocols, 15,000
// dependencies), placed by the core's layered layout, so the baseline and the app get the very
// same positions.
import { layeredLayout, type GraphLayout } from '../../src/core/graph/layout';
import type { DependencyGraph } from '../../src/core/graph/dependencyGraph';
import { syntheticAtlas } from '../layout';

export const NODES = 5_000;
export const EDGES = 15_000;
const SEED = 42;

export interface BareGraph {
  type: 'bench-graph';
  nodes: Array<{ key: string; label: string; x: number; y: number }>;
  edges: Array<[string, string]>;
}

export interface Fixture {
  graph: DependencyGraph;
  layout: GraphLayout;
  /** What the baseline page gets: keys, labels, positions and edges, nothing else. */
  bare: BareGraph;
}

export function buildFixture(): Fixture {
  const graph = syntheticAtlas(NODES, EDGES, SEED);
  const layout = layeredLayout(graph);
  const nodes = graph.mapNodes((key, attributes) => ({ key, label: attributes.name, ...layout.positions[key] }));
  const edges = graph.mapEdges((_edge, _attributes, source, target): [string, string] => [source, target]);
  return { graph, layout, bare: { type: 'bench-graph', nodes, edges } };
}
