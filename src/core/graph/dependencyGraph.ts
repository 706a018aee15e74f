// The dependency graph of protocols: one node per note (keyed by the note's path), one edge per
// resolved `depends_on` entry, pointing from the dependent to what it depends on.
import { DirectedGraph } from 'graphology';
import type { Layer } from '../vocabulary/model';

export interface ProtocolNodeAttributes {
  name: string;
  layer: Layer;
  category?: string;
}

export type DependencyGraph = DirectedGraph<ProtocolNodeAttributes>;

export function createDependencyGraph(): DependencyGraph {
  // Simple graph (no parallel edges): a note that names the same dependency twice is one edge.
  // Self loops are allowed so a note that depends on itself can be reported, not silently dropped.
  return new DirectedGraph<ProtocolNodeAttributes>({ allowSelfLoops: true });
}
