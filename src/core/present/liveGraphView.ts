// The graph webview's model, kept in step with the atlas from the change detail: a patch names
// the notes that changed, the notes whose exposure they can change (what depends on them), the
// notes the layout moved and the edges added or removed, and nothing else. At 10,000 notes the
// old way (a whole new view, its layout, then a diff stringifying every node) took 0.5 s per edit
// and resent thousands of protocols the layout had reshuffled.
import type { Atlas, AtlasChange } from '../atlas';
import type { IndexChange } from '../vocabulary/protocol';
import type { GraphEdge, GraphModel, GraphNode, GraphPatch } from './graphModel';
import { changedPaths, dependentsClosure } from '../graph/changeReach';
import type { GraphLayout } from '../graph/layout';
import { LiveLayout } from '../graph/liveLayout';
import { graphNode, sameGraphNode, VIEW_LAYOUT } from './graphNode';

/** A change touching more notes than this, and a quarter of them, is laid out from scratch. */
const RELAYOUT_ABOVE = 200;

export class LiveGraphView {
  private readonly layout: LiveLayout;
  private readonly nodes = new Map<string, GraphNode>();
  private framework: { id: string; title: string };
  private pending: IndexChange[] = [];
  private frameworkChanged = false;

  /** `savedLayout`: a `layoutSnapshot()` of an earlier session, so protocols come back where they were. */
  constructor(
    private readonly atlas: Atlas,
    savedLayout?: unknown,
  ) {
    this.layout = new LiveLayout(() => atlas.index.graph, VIEW_LAYOUT, savedLayout);
    this.framework = { id: atlas.framework.id, title: atlas.framework.title };
    const exposure = atlas.exposureCounts();
    atlas.index.graph.forEachNode((path) => this.nodes.set(path, graphNode(atlas, path, exposure.get(path), this.layout.position(path))));
  }

  /** Remembers a change; `takePatch` turns every change since the last one into one patch. */
  noteChange(change: AtlasChange): void {
    if (change.frameworkChanged) this.frameworkChanged = true;
    if (change.index) this.pending.push(change.index);
  }

  /** The whole model as it stands (a first drawing, an export). */
  model(): GraphModel {
    const nodes = [...this.nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const edges: GraphEdge[] = [];
    this.atlas.index.graph.forEachEdge((_key, _attributes, source, target) => {
      if (source !== target) edges.push({ source, target });
    });
    return { framework: { ...this.framework }, nodes, edges, bands: this.layout.shapes(), width: this.layout.width, height: this.layout.height };
  }

  /** The positions as they stand (for a full build to compare with). */
  layoutSnapshot(): GraphLayout {
    return this.layout.snapshot();
  }

  /** What changed since the last patch, or undefined when nothing the webview draws did. */
  takePatch(): GraphPatch | undefined {
    const changes = this.pending;
    const frameworkChanged = this.frameworkChanged;
    this.pending = [];
    this.frameworkChanged = false;
    const graph = this.atlas.index.graph;
    const touched = changedPaths(changes);

    let moved: Set<string> | 'all' = new Set();
    if (touched.size > RELAYOUT_ABOVE && touched.size * 4 > this.nodes.size) {
      this.layout.relayout();
      moved = 'all';
    } else if (touched.size > 0) {
      moved = this.layout.update(touched);
    }

    // Which nodes to build again: all of them after a framework switch or a new layout; else the
    // changed notes, what depends on them (exposure) and what the layout moved.
    const everything = frameworkChanged || moved === 'all';
    const candidates = everything ? new Set(graph.nodes()) : dependentsClosure(graph, touched);
    if (!everything) for (const path of moved as Set<string>) candidates.add(path);
    const removed: string[] = [];
    for (const path of touched) {
      if (graph.hasNode(path) || !this.nodes.has(path)) continue;
      this.nodes.delete(path);
      removed.push(path);
    }
    const upserted: GraphNode[] = [];
    if (candidates.size > 0) {
      const exposure = this.atlas.exposureCounts();
      for (const path of candidates) {
        const summary = exposure.get(path);
        // In a large cycle nearly everything depends on the change: most of it reads the same.
        if (!everything && !touched.has(path) && !(moved as Set<string>).has(path) && this.sameExposure(path, summary)) continue;
        const node = graphNode(this.atlas, path, summary, this.layout.position(path));
        const shown = this.nodes.get(path);
        if (shown && sameGraphNode(shown, node)) continue;
        this.nodes.set(path, node);
        upserted.push(node);
      }
    }

    const { added: edgesAdded, removed: edgesRemoved } = netEdges(changes);
    const framework = { id: this.atlas.framework.id, title: this.atlas.framework.title };
    const frameworkMoved = framework.id !== this.framework.id || framework.title !== this.framework.title;
    this.framework = framework;
    if (!frameworkMoved && upserted.length === 0 && removed.length === 0 && edgesAdded.length === 0 && edgesRemoved.length === 0) return undefined;
    return {
      ...(frameworkMoved && { framework }),
      upserted,
      removed,
      edgesAdded,
      edgesRemoved,
      bands: this.layout.shapes(),
      width: this.layout.width,
      height: this.layout.height,
    };
  }

  /** Whether the drawn node already shows this exposure (a cheap check before building it again). */
  private sameExposure(path: string, summary: { count: number; nearest?: { path: string[] } } | undefined): boolean {
    const shown = this.nodes.get(path)?.exposure;
    if (!shown) return false;
    if (shown.count !== (summary?.count ?? 0)) return false;
    const nearest = summary?.nearest?.path;
    const names = shown.nearest;
    if (!nearest || !names) return nearest === undefined && names === undefined;
    const graph = this.atlas.index.graph;
    return names.length === nearest.length && nearest.every((each, i) => (graph.hasNode(each) ? graph.getNodeAttribute(each, 'name') : each) === names[i]);
  }
}

/** The edges added and removed over a run of changes, each change's net effect applied in turn. */
function netEdges(changes: readonly IndexChange[]): { added: GraphEdge[]; removed: GraphEdge[] } {
  const state = new Map<string, { edge: GraphEdge; present: boolean; before: boolean }>();
  const touch = (from: string, to: string, present: boolean): void => {
    // A self-dependency is a diagnostic, never drawn.
    if (from === to) return;
    const key = `${from}\u0000${to}`;
    const known = state.get(key);
    if (known) known.present = present;
    else state.set(key, { edge: { source: from, target: to }, present, before: !present });
  };
  for (const change of changes) {
    for (const [from, to] of change.edgesRemoved) touch(from, to, false);
    for (const [from, to] of change.edgesAdded) touch(from, to, true);
  }
  const added: GraphEdge[] = [];
  const removed: GraphEdge[] = [];
  for (const { edge, present, before } of state.values()) {
    if (present && !before) added.push(edge);
    else if (!present && before) removed.push(edge);
  }
  return { added, removed };
}
