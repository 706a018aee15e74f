// The graph both pages draw: the layout benchmark's synthetic atlas (5,000 protocols, 15,000
// dependencies), or the 500-protocol example vault, as the app gets it, placed by the core's
// layered layout with the app's settings, so the baseline and the app draw the very same positions.
import * as path from 'node:path';
import { syntheticAtlas } from '../layout';
import { appGraph, type AppGraph } from './appMessage';
import { Atlas } from '../../src/core/atlas';
import { layeredLayout } from '../../src/core/graph/layout';
import { VIEW_LAYOUT } from '../../src/core/present/graphNode';
import { buildGraphView } from '../../test/unit/graphView/wholeView';
import { indexFolder } from '../../src/node/indexFolder';
import type { ExtensionMessage } from '../../src/webviewProtocol';

export const NODES = 5_000;
export const EDGES = 15_000;
const SEED = 42;

export interface BareGraph {
  type: 'bench-graph';
  nodes: Array<{ key: string; label: string; x: number; y: number }>;
  edges: Array<[string, string]>;
}

export interface Fixture {
  /** What the baseline page gets: keys, labels, positions and edges, nothing else. */
  bare: BareGraph;
  /** What the app gets from the extension. */
  app: ExtensionMessage;
}

export function buildFixture(): Fixture {
  return fixtureOf(appGraph(syntheticAtlas(NODES, EDGES, SEED)));
}

/**
 * The 500-protocol example vault (examples/web3-ai-500) as the extension sends it: hubs, a
 * 40-note cycle and a band of 200, drawn with arrows and every name placed (the synthetic graph
 * is past the sizes where the app draws plain lines and hides names).
 */
export function buildExampleFixture(): Fixture {
  const atlas = new Atlas({ index: indexFolder(path.join(__dirname, '..', '..', 'examples', 'web3-ai-500')).index });
  const layout = layeredLayout(atlas.index.graph, VIEW_LAYOUT);
  return fixtureOf({ graph: atlas.index.graph, layout, message: { type: 'graph', model: buildGraphView(atlas, layout), skipped: 0 } });
}

function fixtureOf({ graph, layout, message }: AppGraph): Fixture {
  const nodes = graph.mapNodes((key, attributes) => ({ key, label: attributes.name, ...layout.positions[key] }));
  const edges = graph.mapEdges((_edge, _attributes, source, target): [string, string] => [source, target]);
  // The comparison means something only if both pages draw the same thing at the same places.
  if (message.type !== 'graph' || message.model.nodes.length !== nodes.length || message.model.edges.length !== edges.length) {
    throw new Error('the app graph and the baseline graph differ in size');
  }
  const bareAt = new Map(nodes.map((node) => [node.key, node]));
  for (const node of message.model.nodes) {
    const twin = bareAt.get(node.id);
    if (!twin || twin.x !== node.x || twin.y !== node.y) throw new Error(`${node.id} is not at the same position in both graphs`);
  }
  return { bare: { type: 'bench-graph', nodes, edges }, app: message };
}
