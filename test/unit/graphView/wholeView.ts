// The graph model built whole from the atlas, the smallest patch between two models and a patch
// applied as the webview applies it: the reference the live view (core/present/liveGraphView.ts), which
// builds each patch from the change itself, is tested against. Too slow for the product at 10,000
// notes (every node stringified twice per edit); the tests, the e2e checks and the benchmark's
// fixtures use it to say what the panel should show.
import type { Atlas } from '../../../src/core/atlas';
import type { GraphEdge, GraphModel, GraphNode, GraphPatch } from '../../../src/core/present/graphModel';
import { layeredLayout, type GraphLayout } from '../../../src/core/graph/layout';
import { graphNode, VIEW_LAYOUT } from '../../../src/core/present/graphNode';

export function buildGraphView(atlas: Atlas, layout: GraphLayout = layeredLayout(atlas.index.graph, VIEW_LAYOUT)): GraphModel {
  const graph = atlas.index.graph;
  const exposure = atlas.exposureCounts();
  const nodes: GraphNode[] = [];
  graph.forEachNode((path) => nodes.push(graphNode(atlas, path, exposure.get(path), layout.positions[path])));
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edges: GraphEdge[] = [];
  graph.forEachEdge((_key, _attributes, source, target) => {
    // A self-dependency is reported as a diagnostic; drawn, it would be a dot on the node.
    if (source !== target) edges.push({ source, target });
  });
  return {
    framework: { id: atlas.framework.id, title: atlas.framework.title },
    nodes,
    edges,
    bands: layout.bands.map((band) => ({ ...band })),
    width: layout.width,
    height: layout.height,
  };
}

const edgeKey = (edge: GraphEdge): string => JSON.stringify([edge.source, edge.target]);

/** The smallest patch that turns `before` into `after`. */
export function diffGraphView(before: GraphModel, after: GraphModel): GraphPatch {
  const previous = new Map(before.nodes.map((node) => [node.id, node]));
  const current = new Set(after.nodes.map((node) => node.id));
  const upserted = after.nodes.filter((node) => {
    const old = previous.get(node.id);
    return !old || JSON.stringify(old) !== JSON.stringify(node);
  });
  const removed = before.nodes.filter((node) => !current.has(node.id)).map((node) => node.id);
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  const patch: GraphPatch = {
    upserted,
    removed,
    edgesAdded: after.edges.filter((edge) => !oldEdges.has(edgeKey(edge))),
    edgesRemoved: before.edges.filter((edge) => !newEdges.has(edgeKey(edge))),
    bands: after.bands,
    width: after.width,
    height: after.height,
  };
  if (before.framework.id !== after.framework.id || before.framework.title !== after.framework.title) patch.framework = after.framework;
  return patch;
}

export function isEmptyPatch(patch: GraphPatch): boolean {
  return (
    !patch.framework &&
    patch.upserted.length === 0 &&
    patch.removed.length === 0 &&
    patch.edgesAdded.length === 0 &&
    patch.edgesRemoved.length === 0
  );
}

/** A patch applied to a model, as the webview applies it to the graph it draws. */
export function applyGraphPatch(model: GraphModel, patch: GraphPatch): GraphModel {
  const nodes = new Map(model.nodes.map((node) => [node.id, node]));
  for (const id of patch.removed) nodes.delete(id);
  for (const node of patch.upserted) nodes.set(node.id, node);
  const removedEdges = new Set(patch.edgesRemoved.map(edgeKey));
  const edges = model.edges.filter((edge) => !removedEdges.has(edgeKey(edge)) && nodes.has(edge.source) && nodes.has(edge.target));
  const present = new Set(edges.map(edgeKey));
  for (const edge of patch.edgesAdded) if (!present.has(edgeKey(edge))) edges.push(edge);
  return {
    framework: patch.framework ?? model.framework,
    nodes: [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    edges,
    bands: patch.bands,
    width: patch.width,
    height: patch.height,
  };
}
