// What the graph webview draws of one protocol, built from the atlas: its verdict, exposure and
// layered position. liveGraphView.ts keeps the whole model and its patches; the full build and the
// diff of two models it is tested against live in test/unit/graphView/wholeView.ts.
import type { Atlas } from '../atlas';
import type { Exposure } from '../vocabulary/model';
import { MAX_DRAWN_MENTIONS, type GraphNode } from './graphModel';
import type { LayeredLayoutOptions } from '../graph/layout';

/**
 * Wider than tall, like the panel it is drawn in: labels sit side by side in a band, and the
 * four bands still fit one screen. At most 4 times as wide as tall: the panel stretches a layout
 * upwards up to 4 times (webview/graphState.ts), so the bands then fill a panel beside a note (about
 * as tall as wide) and, stretched less, a full-width one. Without the limit a band of 200 made
 * one strip across a third of the panel, its dots touching.
 */
export const VIEW_LAYOUT: LayeredLayoutOptions = { nodeSpacing: 24, rowSpacing: 10, bandGap: 20, maxAspect: 4 };

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
