// The layer graph as a model: protocols with positions, dependency edges, layer bands, and the
// patch between two models. The core builds it (graphNode.ts, liveGraphView.ts, graphSvg.ts); the
// webview protocol (src/webviewProtocol.ts) carries it to the graph panel.
import type { Layer, VerdictValue } from '../vocabulary/model';

/** A protocol as the graph draws it; `id` is the note's workspace-relative path. */
export interface GraphNode {
  id: string;
  name: string;
  layer: Layer;
  category?: string;
  /** Front-matter fields the graph can colour by. */
  tags?: string[];
  funding?: string;
  /**
   * The notes its body links to that it does not depend on: context, drawn as a dashed layer when
   * asked for. At most MAX_DRAWN_MENTIONS, so a note of a thousand links stays one message.
   */
  mentions?: string[];
  verdict: {
    value: VerdictValue;
    rationale: string;
    section?: string;
    source: 'framework' | 'override';
    outlook?: { horizon: string; value: VerdictValue; rationale: string };
  };
  /** The researcher overrode the framework's verdict in the note. */
  override: boolean;
  /** Negatively affected protocols it depends on; `nearest` names the path to the nearest one. */
  exposure: { count: number; nearest?: string[] };
  /** From the core's layered layout: larger y is higher (sigma's convention). */
  x: number;
  y: number;
}

export const MAX_DRAWN_MENTIONS = 100;

export interface GraphEdge {
  /** The dependent. */
  source: string;
  /** The dependency. */
  target: string;
}

export interface GraphBand {
  layer: Layer;
  label: string;
  y: number;
  height: number;
  count: number;
}

export interface GraphModel {
  framework: { id: string; title: string };
  nodes: GraphNode[];
  edges: GraphEdge[];
  bands: GraphBand[];
  width: number;
  height: number;
}

/** What changed between two models: only these are touched in the drawn graph. */
export interface GraphPatch {
  framework?: { id: string; title: string };
  /** New nodes, and nodes whose data or position changed (replaced whole). */
  upserted: GraphNode[];
  removed: string[];
  edgesAdded: GraphEdge[];
  edgesRemoved: GraphEdge[];
  bands: GraphBand[];
  width: number;
  height: number;
}

/** Which way a local graph reaches out from its protocol. */
export type LocalDirection = 'dependencies' | 'dependents' | 'both';
export const LOCAL_DIRECTIONS: readonly LocalDirection[] = ['dependencies', 'dependents', 'both'];
/** Deeper than this a local graph is most of a connected vault: the whole graph says it better. */
export const MAX_LOCAL_DEPTH = 5;
