// The app's state apart from drawing: the protocols and edges as a graphology graph, the
// filters, the selection and what the selection highlights. The renderer reads it; controls,
// keyboard and messages change it and then ask for a refresh. It judges nothing itself: which
// protocols a search matches and which routes carry a selection's exposure are the extension's
// answers (the core's search and exposure), so the graph agrees with the Protocols view.
import Graph from 'graphology';
import { isLocalGraphRequest, type ColourBy, type GraphBand, type GraphModel, type GraphNode, type GraphPatch, type GraphViewState, type LocalGraphRequest } from '../src/webviewProtocol';

/** `y` is the layout's y times the state's stretch (see `setStretch`); `layoutY` the layout's own. */
export type NodeAttributes = GraphNode & { size: number; label: string; color: string; layoutY: number };

/** Taller than this the bands would read as a ladder of empty stripes around a few dots. */
export const MAX_STRETCH = 4;

export class GraphState {
  readonly graph = new Graph<NodeAttributes>({ type: 'directed', allowSelfLoops: false });
  /** The layout's bands, heights and positions stretched upwards by `stretch`. */
  bands: GraphBand[] = [];
  width = 0;
  height = 0;
  /**
   * How much taller than the layout the picture is drawn. The layout is wide (a band holds many
   * protocols side by side), a panel beside a note is narrow, and sigma keeps the proportions,
   * so the bands would be a thin strip; stretching only upwards keeps every protocol in its band
   * and its left-to-right order.
   */
  stretch = 1;
  private layoutBands: GraphBand[] = [];
  private layoutHeight = 0;
  framework = { id: '', title: '' };
  skipped = 0;
  hiddenLayers = new Set<string>();
  hiddenVerdicts = new Set<string>();
  category = '';
  search = '';
  /** The core's matches for `search`; undefined while the box is blank (or no answer came yet). */
  private searchMatches: Set<string> | undefined;
  selected: string | undefined;
  hovered: string | undefined;
  /** Protocols whose verdict is the researcher's override: few, and ringed on every frame. */
  readonly overrides = new Set<string>();
  /** Neighbours and exposure of the selection; empty when nothing is selected. */
  highlightedNodes = new Set<string>();
  exposureEdges = new Set<string>();
  /** The selection's exposure as the extension reported it: how many, and the routes to light. */
  private exposure: { id: string; count: number; routes: string[][] } | undefined;
  /** Drawing choices: node size by dependents, colour by a field, body links as dashed lines. */
  sizeByDependents = false;
  colourBy: ColourBy = 'verdict';
  showMentions = false;
  /** The local graph asked for, and the extension's answer for it (undefined until it came). */
  local: LocalGraphRequest | undefined;
  private localMembers: Set<string> | undefined;
  /** Protocols shown per layer under the filters, and in all (see `recount`). */
  shownByLayer = new Map<string, number>();
  shownTotal = 0;

  load(model: GraphModel): void {
    this.graph.clear();
    for (const node of model.nodes) this.graph.addNode(node.id, attributesOf(node, this.stretch));
    for (const edge of model.edges) if (this.graph.hasNode(edge.source) && this.graph.hasNode(edge.target)) this.graph.mergeEdge(edge.source, edge.target);
    this.overrides.clear();
    for (const node of model.nodes) if (node.override) this.overrides.add(node.id);
    this.setShape(model);
    this.framework = model.framework;
    this.refreshHighlight();
    this.recount();
  }

  /** Touches only what changed, so sigma redraws without a reset and the camera stays put. */
  patch(patch: GraphPatch): void {
    for (const id of patch.removed) {
      if (this.graph.hasNode(id)) this.graph.dropNode(id);
      this.overrides.delete(id);
    }
    for (const node of patch.upserted) {
      if (node.override) this.overrides.add(node.id);
      else this.overrides.delete(node.id);
      if (this.graph.hasNode(node.id)) this.graph.replaceNodeAttributes(node.id, attributesOf(node, this.stretch));
      else this.graph.addNode(node.id, attributesOf(node, this.stretch));
    }
    for (const edge of patch.edgesRemoved) if (this.graph.hasEdge(edge.source, edge.target)) this.graph.dropEdge(edge.source, edge.target);
    for (const edge of patch.edgesAdded) {
      if (this.graph.hasNode(edge.source) && this.graph.hasNode(edge.target)) this.graph.mergeEdge(edge.source, edge.target);
    }
    this.setShape(patch);
    if (patch.framework) this.framework = patch.framework;
    if (this.selected && !this.graph.hasNode(this.selected)) this.selected = undefined;
    if (this.hovered && !this.graph.hasNode(this.hovered)) this.hovered = undefined;
    this.refreshHighlight();
    this.recount();
  }

  isHidden(id: string): boolean {
    const node = this.graph.getNodeAttributes(id);
    if (this.hiddenLayers.has(node.layer) || this.hiddenVerdicts.has(node.verdict.value)) return true;
    if (this.category && node.category !== this.category) return true;
    if (this.localMembers !== undefined && !this.localMembers.has(id)) return true;
    return this.searchMatches !== undefined && !this.searchMatches.has(id);
  }

  /** A local graph to show (null: the whole graph); its members come from the extension. */
  setLocal(local: LocalGraphRequest | null): void {
    this.local = local ?? undefined;
    this.localMembers = undefined;
    this.recount();
  }

  /** The extension's members of a local graph; an answer for one no longer shown is dropped. */
  localAnswered(local: LocalGraphRequest, members: readonly string[]): boolean {
    const shown = this.local;
    if (!shown || shown.id !== local.id || shown.depth !== local.depth || shown.direction !== local.direction) return false;
    this.localMembers = new Set(members);
    this.recount();
    return true;
  }

  /** The protocols of the local graph shown, once the extension answered. */
  get localProtocols(): ReadonlySet<string> | undefined {
    return this.localMembers;
  }

  /** A search was typed: the previous matches stay shown until the extension answers this one. */
  setSearch(query: string): void {
    this.search = query;
    if (query.trim() === '') this.searchMatches = undefined;
    this.recount();
  }

  /** The extension's answer; one for a query no longer in the box is dropped. */
  searchAnswered(query: string, matches: readonly string[] | null): boolean {
    if (query !== this.search) return false;
    this.searchMatches = matches === null ? undefined : new Set(matches);
    this.recount();
    return true;
  }

  /** How many protocols the current query matches, shown or hidden by the other filters. */
  get matchCount(): number | undefined {
    return this.searchMatches?.size;
  }

  select(id: string | undefined): void {
    this.selected = id && this.graph.hasNode(id) ? id : undefined;
    if (this.exposure?.id !== this.selected) this.exposure = undefined;
    this.refreshHighlight();
  }

  /** The extension's exposure for a selection; one for a protocol no longer selected is dropped. */
  exposureAnswered(id: string, count: number, routes: string[][]): boolean {
    if (id !== this.selected) return false;
    this.exposure = { id, count, routes };
    this.refreshHighlight();
    return true;
  }

  /** After any filter change: the band labels and the header say how many protocols are shown. */
  recount(): void {
    const counts = new Map<string, number>();
    let total = 0;
    this.graph.forEachNode((id, node) => {
      if (this.isHidden(id)) return;
      counts.set(node.layer, (counts.get(node.layer) ?? 0) + 1);
      total++;
    });
    this.shownByLayer = counts;
    this.shownTotal = total;
  }

  /** Every tag some protocol has, for "Colour by tag". */
  tags(): string[] {
    const seen = new Set<string>();
    this.graph.forEachNode((_id, node) => node.tags?.forEach((tag) => seen.add(tag)));
    return [...seen].sort();
  }

  /** Whether any protocol says how it is funded, for "Colour by funding". */
  hasFunding(): boolean {
    return this.graph.someNode((_id, node) => node.funding !== undefined);
  }

  categories(): string[] {
    const seen = new Set<string>();
    this.graph.forEachNode((_id, node) => node.category && seen.add(node.category));
    return [...seen].sort();
  }

  layers(): string[] {
    return this.bands.map((band) => band.layer);
  }

  viewState(camera?: GraphViewState['camera']): GraphViewState {
    return {
      hiddenLayers: [...this.hiddenLayers],
      hiddenVerdicts: [...this.hiddenVerdicts],
      category: this.category,
      search: this.search,
      ...(camera && { camera }),
      ...(this.selected && { selected: this.selected }),
      ...(this.sizeByDependents && { sizeByDependents: true }),
      ...(this.colourBy !== 'verdict' && { colourBy: this.colourBy }),
      ...(this.showMentions && { showMentions: true }),
      ...(this.local && { local: this.local }),
    };
  }

  restore(saved: unknown): GraphViewState['camera'] | undefined {
    if (typeof saved !== 'object' || saved === null) return undefined;
    const state = saved as Partial<GraphViewState>;
    const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
    this.hiddenLayers = new Set(strings(state.hiddenLayers));
    this.hiddenVerdicts = new Set(strings(state.hiddenVerdicts));
    this.category = typeof state.category === 'string' ? state.category : '';
    this.setSearch(typeof state.search === 'string' ? state.search : '');
    if (typeof state.selected === 'string') this.selected = state.selected;
    this.sizeByDependents = state.sizeByDependents === true;
    this.showMentions = state.showMentions === true;
    const colourBy = state.colourBy;
    this.colourBy = colourBy === 'category' || colourBy === 'funding' || (typeof colourBy === 'string' && colourBy.startsWith('tag:')) ? colourBy : 'verdict';
    this.setLocal(isLocalGraphRequest(state.local) ? state.local : null);
    const camera = state.camera;
    const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
    return camera && finite(camera.x) && finite(camera.y) && finite(camera.ratio) && camera.ratio > 0 && finite(camera.angle) ? camera : undefined;
  }

  /**
   * The stretch that makes the layout as tall, relative to its width, as a view of `viewWidth` ×
   * `viewHeight` pixels, between 1 and MAX_STRETCH.
   */
  stretchFor(viewWidth: number, viewHeight: number): number {
    if (this.width <= 0 || this.layoutHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) return 1;
    const wanted = (this.width / this.layoutHeight) * (viewHeight / viewWidth);
    return Math.min(MAX_STRETCH, Math.max(1, wanted));
  }

  /**
   * Stretches every position and band; returns whether anything moved. A change of under 2% is
   * ignored, so a resize by a few pixels does not move every protocol.
   */
  setStretch(stretch: number): boolean {
    if (Math.abs(stretch - this.stretch) <= this.stretch * 0.02) return false;
    this.stretch = stretch;
    this.graph.updateEachNodeAttributes((_id, node) => ({ ...node, y: node.layoutY * stretch }), { attributes: ['y'] });
    this.stretchBands();
    return true;
  }

  private setShape(shape: { bands: GraphBand[]; width: number; height: number }): void {
    this.layoutBands = shape.bands;
    this.width = shape.width;
    this.layoutHeight = shape.height;
    this.stretchBands();
  }

  private stretchBands(): void {
    const stretch = this.stretch;
    this.bands = this.layoutBands.map((band) => ({ ...band, y: band.y * stretch, height: band.height * stretch }));
    this.height = this.layoutHeight * stretch;
  }

  /**
   * The selection's neighbours, and the routes of its exposure the extension sent. Until the
   * answer comes (and for a route an edit has since broken) only what is still drawn is lit.
   */
  private refreshHighlight(): void {
    this.highlightedNodes = new Set();
    this.exposureEdges = new Set();
    const start = this.selected;
    if (!start || !this.graph.hasNode(start)) return;
    this.highlightedNodes.add(start);
    this.graph.forEachNeighbor(start, (neighbour) => this.highlightedNodes.add(neighbour));
    if (this.exposure?.id !== start) return;
    for (const route of this.exposure.routes) {
      for (let i = 1; i < route.length; i++) {
        const edge = this.graph.hasNode(route[i - 1]) && this.graph.hasNode(route[i]) ? this.graph.edge(route[i - 1], route[i]) : undefined;
        if (edge === undefined) break;
        this.exposureEdges.add(edge);
        this.highlightedNodes.add(route[i]);
      }
    }
  }
}

/** Labels longer than this are cut with an ellipsis on the canvas; the card shows the full name. */
const LABEL_LENGTH = 28;

function attributesOf(node: GraphNode, stretch: number): NodeAttributes {
  const label = [...node.name].length > LABEL_LENGTH ? `${[...node.name].slice(0, LABEL_LENGTH - 1).join('')}…` : node.name;
  return { ...node, label, size: 9, color: '#888', layoutY: node.y, y: node.y * stretch };
}
