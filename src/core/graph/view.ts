// What the graph webview draws, built from the atlas: every protocol with its verdict, exposure
// and layered position, and the bands. The webview only draws; all judgement happens here.
//
// Live updates come from liveView.ts, which builds the patch from the change itself; the diff of
// two whole views here is the reference it is tested against (and too slow for 10,000 notes:
// every node stringified twice per edit).
import type { Atlas } from '../atlas';
import type { Exposure } from '../model';
import { MAX_DRAWN_MENTIONS, type GraphEdge, type GraphModel, type GraphNode, type GraphPatch } from './graphModel';
import { layeredLayout, type GraphLayout, type LayeredLayoutOptions } from './layout';

/**
 * Wider than tall, like the panel it is drawn in: labels sit side by side in a band, and the
 * four bands still fit one screen. At most 4 times as wide as tall: the panel stretches a layout
 * upwards up to 4 times (webview/state.ts), so the bands then fill a panel beside a note (about
 * as tall as wide) and, stretched less, a full-width one. Without the limit a band of 200 made
 * one strip across a third of the panel, its dots touching.
 */
export const VIEW_LAYOUT: LayeredLayoutOptions = { nodeSpacing: 24, rowSpacing: 10, bandGap: 20, maxAspect: 4 };

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

/** One protocol as the webview draws it. */
export function graphNode(
  atlas: Atlas,
  path: string,
  summary: { count: number; nearest?: Exposure } | undefined,
  position: { x: number; y: number } | undefined,
): GraphNode {
  const graph = atlas.index.graph;
  const attributes = graph.getNodeAttributes(path);
  const nameOf = (each: string): string => (graph.hasNode(each) ? graph.getNodeAttribute(each, 'name') : undefined) ?? each;
  const verdict = atlas.verdictOf(path);
  const note = atlas.index.note(path);
  const dependencies = new Set(graph.outNeighbors(path));
  const mentions = (atlas.index.protocol(path)?.mentions ?? []).filter((each) => each !== path && !dependencies.has(each)).slice(0, MAX_DRAWN_MENTIONS);
  return {
    id: path,
    name: attributes.name ?? path,
    layer: attributes.layer,
    ...(attributes.category !== undefined && { category: attributes.category }),
    ...(note && note.tags.length > 0 && { tags: [...note.tags] }),
    ...(note?.funding !== undefined && { funding: note.funding }),
    ...(mentions.length > 0 && { mentions }),
    verdict: {
      value: verdict.value,
      rationale: verdict.rationale,
      ...(verdict.section !== undefined && { section: verdict.section }),
      source: verdict.source,
      ...(verdict.outlook && { outlook: { ...verdict.outlook } }),
    },
    override: verdict.source === 'override',
    exposure: {
      count: summary?.count ?? 0,
      ...(summary?.nearest && { nearest: summary.nearest.path.map(nameOf) }),
    },
    x: position?.x ?? 0,
    y: position?.y ?? 0,
  };
}

/** Whether two nodes draw the same, field by field (cheaper than comparing their JSON). */
export function sameGraphNode(a: GraphNode, b: GraphNode): boolean {
  const va = a.verdict;
  const vb = b.verdict;
  const oa = va.outlook;
  const ob = vb.outlook;
  const na = a.exposure.nearest;
  const nb = b.exposure.nearest;
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.layer === b.layer &&
    a.category === b.category &&
    a.funding === b.funding &&
    sameStrings(a.tags, b.tags) &&
    sameStrings(a.mentions, b.mentions) &&
    a.x === b.x &&
    a.y === b.y &&
    a.override === b.override &&
    va.value === vb.value &&
    va.rationale === vb.rationale &&
    va.section === vb.section &&
    va.source === vb.source &&
    (oa === ob || (oa !== undefined && ob !== undefined && oa.horizon === ob.horizon && oa.value === ob.value && oa.rationale === ob.rationale)) &&
    a.exposure.count === b.exposure.count &&
    (na === nb || (na !== undefined && nb !== undefined && na.length === nb.length && na.every((name, i) => name === nb[i])))
  );
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === b || ((a?.length ?? 0) === (b?.length ?? 0) && (a ?? []).every((item, i) => item === b?.[i]));
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

/** Applies a patch to a model: what the webview does, kept here so both sides agree (and are tested). */
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
