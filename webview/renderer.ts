// Sigma (WebGL) draws the protocols and edges at the core's layout positions; a 2D canvas behind
// it draws the layer bands, and one above it marks overrides and the keyboard focus. Both
// overlays redraw after each sigma frame, so they move with pan and zoom.
import * as l10n from '@vscode/l10n';
import Graph from 'graphology';
import Sigma from 'sigma';
import { createEdgeArrowProgram, EdgeRectangleProgram } from 'sigma/rendering';
import { createEdgeCurveProgram } from '@sigma/edge-curve';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { GraphState, NodeAttributes } from './graphState';
import { mix, withAlpha, type Palette } from './theme';
import { edgeCurvature, RowIndex, SKIPPING_EDGE_CURVATURE } from '../src/core/graph/edgeRouting';
import { placeAllNames, type BandNameSpot, type Disc, type LabelCandidate, type PlacedBandName, type PlacedLabel } from '../src/core/graph/labelPlacement';
import { panByBitmap, pickOnlyWhenStill } from './panning';
import { fieldColouring, type FieldColouring } from './colourBy';

const LABEL_SIZE = 13;
/** A band's name and the space under it that keeps it inside the band. */
const BAND_LABEL_HEIGHT = 22;
/** Zoomed out, the whole graph at two thirds of the view is as small as is useful. */
const MAX_CAMERA_RATIO = 1.5;
const LABEL_LINE_HEIGHT = 16;
/** A band's name is 12 px text drawn from its top: its box, descenders included. */
const BAND_NAME_HEIGHT = 15;
const BAND_NAME_FONT = (family: string): string => `600 12px ${family}`;
/** A dot's radius at most this share of the distance to its nearest neighbour when the whole graph is framed. */
const DOT_SHARE_OF_SPACING = 0.4;
/** Smaller than this a dot is hard to see and to hit with the mouse. */
const MIN_DOT_SIZE = 2;

const FIRST_FRAME_MARK = 'protocol-atlas:first-frame';

export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

export class GraphRenderer {
  readonly sigma: Sigma<NodeAttributes>;
  private readonly bandsCanvas: HTMLCanvasElement;
  private readonly marksCanvas: HTMLCanvasElement;
  private readonly labelsCanvas: HTMLCanvasElement;
  /** The names drawn in the last frame and the dots they keep off (for tests: nothing overlaps). */
  drawnLabels: { labels: PlacedLabel[]; discs: Disc[] } = { labels: [], discs: [] };
  /** Where each band's name was drawn in the last frame (its box's top left, in pixels), by layer; names keep off it. */
  readonly bandLabels = new Map<string, { x: number; y: number; width: number; height: number }>();
  private readonly textWidths = new Map<string, number>();
  /** The band names wanted in this frame, placed once the dots are known (drawBandNames). */
  private bandNameSpots: Array<BandNameSpot & { text: string }> = [];
  /** The rows' positions; rebuilt after the positions change (see refresh). */
  private rows: RowIndex | undefined;
  /** Each edge's bend for the rows as they are (see bendOf): worked out once, not on every frame. */
  private readonly bends = new Map<string, number | undefined>();
  /** How much is drawn per protocol and edge: less of it when there are thousands (see levelOfDetail). */
  private detail = levelOfDetail(0, 0);
  /** Colour by a note field (see colourBy.ts); undefined: by verdict. */
  private colouring: FieldColouring | undefined;
  /** The body links drawn in the last frame (for tests: the dashed layer is there). */
  drawnMentions = 0;
  /** The dots' size: the level of detail's, or less where protocols sit closer (see fitDots). */
  private nodeSize = this.detail.nodeSize;
  /** The least distance between two protocols of a row or two rows of a band, in graph units (see fitDots). */
  private spacing: number | undefined;
  /** The node the keyboard is on: drawn with a focus ring. */
  focused: string | undefined;
  private firstFrameMarked = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly state: GraphState,
    private palette: Palette,
  ) {
    this.bandsCanvas = overlay('bands');
    const container = document.createElement('div');
    container.className = 'sigma-container';
    this.labelsCanvas = overlay('labels');
    this.marksCanvas = overlay('marks');
    this.detail = levelOfDetail(state.graph.order, state.graph.size);
    this.colouring = fieldColouring(state, palette);
    this.nodeSize = this.detail.nodeSize;
    host.append(this.bandsCanvas, container, this.labelsCanvas, this.marksCanvas);
    // Built on an empty graph so the theme and the layout's frame are set before the one full
    // indexation and draw (setGraph below): each extra pass costs seconds at thousands of protocols.
    this.sigma = new Sigma<NodeAttributes>(new Graph<NodeAttributes>(), container, {
      labelColor: { color: palette.foreground },
      labelFont: palette.fontFamily,
      defaultEdgeColor: palette.edge,
      defaultEdgeType: 'arrow',
      // Heads twice sigma's default size: the direction (who depends on whom) is the point of the picture.
      edgeProgramClasses: {
        arrow: createEdgeArrowProgram({ lengthToThicknessRatio: 5, widenessToThicknessRatio: 4 }),
        line: EdgeRectangleProgram,
        // A straight edge that skips a band (application → compute) runs through whatever sits on
        // the bands between and reads as a chain of dependencies that does not exist: it bends.
        curvedArrow: createEdgeCurveProgram({
          arrowHead: { extremity: 'target', lengthToThicknessRatio: 5, widenessToThicknessRatio: 4 },
          curvatureAttribute: 'curvature',
          defaultCurvature: SKIPPING_EDGE_CURVATURE,
        }),
      },
      renderEdgeLabels: false,
      // Names are placed by labels.ts on their own layer, so none covers another name or dot.
      renderLabels: false,
      labelRenderedSizeThreshold: this.detail.labelThreshold,
      hideEdgesOnMove: this.detail.hideEdgesOnMove,
      labelDensity: 1.5,
      labelGridCellSize: 80,
      labelSize: 13,
      zIndex: state.selected !== undefined,
      stagePadding: 40,
      minCameraRatio: zoomInLimit(state),
      maxCameraRatio: MAX_CAMERA_RATIO,
      // The hover card says more than sigma's default white box, which also ignores the theme.
      defaultDrawNodeHover: (context, data) => this.drawHoverRing(context, data),
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.sigma.on('afterRender', () => {
      if (this.fitDots()) this.sigma.refresh({ schedule: true });
      this.drawBands();
      this.drawLabels();
      this.drawMarks();
      if (!this.firstFrameMarked && this.state.graph.order > 0) {
        this.firstFrameMarked = true;
        // afterRender means the draw calls were issued; the next frame means they are on screen.
        requestAnimationFrame(() => performance.mark(FIRST_FRAME_MARK));
      }
    });
    this.sigma.on('resize', () => {
      this.sizeOverlays();
      this.rows = undefined;
      this.bends.clear();
      this.spacing = undefined;
      if (this.applyStretch()) this.sigma.refresh();
    });
    // Sigma measures its container only when it draws, and listens to the window alone: when the
    // graph area changes size by itself (the toolbar's controls taking their size just after the
    // first frame, a panel dragged), the old picture stayed, stretched, until the first hover
    // redrew it and every protocol jumped under the pointer.
    let drawnSize = { width: container.clientWidth, height: container.clientHeight };
    new ResizeObserver(() => {
      const size = { width: container.clientWidth, height: container.clientHeight };
      if (size.width === drawnSize.width && size.height === drawnSize.height) return;
      drawnSize = size;
      this.sigma.scheduleRefresh();
    }).observe(container);
    pickOnlyWhenStill(this.sigma, () => this.state.hovered);
    panByBitmap(this.sigma, this.bandsCanvas, [this.labelsCanvas, this.marksCanvas], () => this.detail.slideOnDrag);
    this.sizeOverlays();
    // Before the first draw: the graph is not sigma's yet, so stretching costs no redraw.
    this.applyStretch();
    this.fitBands();
    this.sigma.setGraph(state.graph);
  }

  setPalette(palette: Palette): void {
    this.palette = palette;
    this.applyPalette(palette);
    this.colouring = fieldColouring(this.state, palette);
    this.sigma.refresh();
  }

  /** Colour, size or the body links changed (the View menu): the same protocols, drawn anew. */
  restyle(): void {
    this.colouring = fieldColouring(this.state, this.palette);
    this.sigma.refresh({ skipIndexation: true });
  }

  /** The field colours' legend, or undefined when the verdict colours the graph. */
  get fieldLegend(): FieldColouring['legend'] | undefined {
    return this.colouring?.legend;
  }

  /** The protocol drawn at a point of the view (its dot, with a little slack), if any. */
  protocolAt(x: number, y: number): string | undefined {
    const ratio = this.sigma.getCamera().getState().ratio;
    let best: string | undefined;
    let bestDistance = Infinity;
    this.state.graph.forEachNode((id) => {
      const data = this.sigma.getNodeDisplayData(id);
      if (!data || data.hidden) return;
      const at = this.sigma.framedGraphToViewport(data);
      const distance = Math.hypot(at.x - x, at.y - y);
      if (distance <= this.sigma.scaleSize(data.size, ratio) + 3 && distance < bestDistance) {
        best = id;
        bestDistance = distance;
      }
    });
    return best;
  }

  /** Moves the camera so these protocols fill the view (a local graph), within the zoom limits. */
  frame(ids: Iterable<string>): void {
    const { width, height } = this.sigma.getDimensions();
    const padding = 60;
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const id of ids) {
      if (!this.state.graph.hasNode(id)) continue;
      const node = this.state.graph.getNodeAttributes(id);
      const at = this.sigma.graphToViewport({ x: node.x, y: node.y });
      [left, top, right, bottom] = [Math.min(left, at.x), Math.min(top, at.y), Math.max(right, at.x), Math.max(bottom, at.y)];
    }
    if (!Number.isFinite(left) || width <= 2 * padding || height <= 2 * padding) return;
    const camera = this.sigma.getCamera();
    const centre = this.sigma.viewportToFramedGraph({ x: (left + right) / 2, y: (top + bottom) / 2 });
    const scale = Math.max((right - left) / (width - 2 * padding), (bottom - top) / (height - 2 * padding));
    const limit = this.sigma.getSetting('minCameraRatio') ?? 0;
    const ratio = Math.min(1, Math.max(limit, camera.getState().ratio * scale));
    void camera.animate({ x: centre.x, y: centre.y, ratio }, { duration: 300 });
  }

  /** After load or a patch: the bands may have grown, the graph's data changed. */
  refresh(): void {
    this.rows = undefined;
    this.bends.clear();
    // A patch can change the field values (a new category) that the colours are shared out by.
    if (this.state.colourBy !== 'verdict' || this.colouring) this.colouring = fieldColouring(this.state, this.palette);
    this.spacing = undefined;
    this.applyStretch();
    this.fitBands();
    const detail = levelOfDetail(this.state.graph.order, this.state.graph.size);
    if (JSON.stringify(detail) !== JSON.stringify(this.detail)) {
      this.detail = detail;
      this.sigma.setSetting('labelRenderedSizeThreshold', detail.labelThreshold);
      this.sigma.setSetting('hideEdgesOnMove', detail.hideEdgesOnMove);
    }
    const ordered = this.state.selected !== undefined;
    if (this.sigma.getSetting('zIndex') !== ordered) this.sigma.setSetting('zIndex', ordered);
    const limit = zoomInLimit(this.state);
    if (this.sigma.getSetting('minCameraRatio') !== limit) this.sigma.setSetting('minCameraRatio', limit);
    this.fitDots();
    this.sigma.refresh();
  }

  /** Drawing order matters only while a selection lights some protocols above the rest. */
  selectionChanged(): void {
    const ordered = this.state.selected !== undefined;
    if (this.sigma.getSetting('zIndex') !== ordered) this.sigma.setSetting('zIndex', ordered);
    else this.sigma.refresh({ skipIndexation: true });
  }

  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  viewportOf(id: string): { x: number; y: number } | undefined {
    if (!this.state.graph.hasNode(id)) return undefined;
    const node = this.state.graph.getNodeAttributes(id);
    return this.sigma.graphToViewport({ x: node.x, y: node.y });
  }

  /**
   * Centres a node without changing the zoom. From the node's own position, not sigma's display
   * data: right after a selection change (the first arrow key) that data is being rebuilt and can
   * hold graph coordinates, and a camera sent there showed nothing at all.
   */
  centreOn(id: string): void {
    if (!this.state.graph.hasNode(id)) return;
    const { x, y } = this.state.graph.getNodeAttributes(id);
    const framed = this.sigma.viewportToFramedGraph(this.sigma.graphToViewport({ x, y }));
    void this.sigma.getCamera().animate({ x: framed.x, y: framed.y }, { duration: 300 });
  }

  private applyPalette(palette: Palette): void {
    this.sigma.setSetting('labelColor', { color: palette.foreground });
    this.sigma.setSetting('labelFont', palette.fontFamily);
    this.sigma.setSetting('defaultEdgeColor', palette.edge);
  }

  /** The layout stretched to the view's proportions (see GraphState.stretch); whether it changed. */
  private applyStretch(): boolean {
    const { width, height } = this.sigma.getDimensions();
    const padding = 2 * (this.sigma.getSetting('stagePadding') ?? 0);
    const stretched = this.state.setStretch(this.state.stretchFor(width - padding, height - padding));
    if (stretched) this.fitBands();
    return stretched;
  }

  /**
   * The layout's own frame (all bands, not only the occupied part) is what sigma fits to the
   * screen, so a band stays where it is when a protocol is added to it, and an empty band still
   * shows. With no protocols the layout has no width, and is framed as wide as it is tall, or
   * sigma would squeeze the bands to the height of a line of text.
   */
  private fitBands(): void {
    const { width, height } = this.state;
    if (height <= 0) return;
    const framed = width > 0 ? width : height;
    this.sigma.setCustomBBox({ x: [width / 2 - framed / 2, width / 2 + framed / 2], y: [0, height] });
  }

  private reduceNode(id: string, data: NodeAttributes): Partial<NodeDisplayData> {
    const state = this.state;
    if (state.isHidden(id)) return { ...data, hidden: true };
    const colour = this.colouring ? this.colouring.colourOf(id) : (this.palette.verdict[data.verdict.value] ?? this.palette.verdict['not-assessed']);
    const selecting = state.selected !== undefined;
    const lit = state.highlightedNodes.has(id) || id === this.focused || id === state.hovered;
    const size = this.sizeOf(id);
    if (selecting && !lit) return { ...data, size, color: mix(colour, this.palette.background, 0.75), label: '', zIndex: 0 };
    return { ...data, color: colour, zIndex: lit ? 2 : 1, forceLabel: lit, highlighted: id === state.selected, size: id === state.selected ? size + 3 : size };
  }

  private reduceEdge(edge: string, data: Record<string, unknown>): Record<string, unknown> {
    const state = this.state;
    const [source, target] = state.graph.extremities(edge);
    if (state.isHidden(source) || state.isHidden(target)) return { ...data, hidden: true };
    const bend = this.detail.arrows ? this.bendOf(edge, source, target) : undefined;
    const arrow = bend !== undefined ? 'curvedArrow' : 'arrow';
    const plain = this.detail.arrows ? arrow : 'line';
    if (bend !== undefined) data = { ...data, curvature: bend };
    if (state.selected === undefined) return { ...data, type: plain, size: this.detail.edgeSize, color: this.palette.edge };
    // Lit edges always show their direction, whatever the level of detail.
    if (state.exposureEdges.has(edge)) return { ...data, type: arrow, size: 3, color: this.palette.verdict.negative, zIndex: 2 };
    if (source === state.selected || target === state.selected) return { ...data, type: arrow, size: 2.5, color: this.palette.accent, zIndex: 1 };
    return { ...data, type: plain, size: Math.min(1, this.detail.edgeSize), color: this.palette.faded, zIndex: 0 };
  }

  /**
   * A dot's size: fitted to the spacing (fitDots), or with "Size by dependents" larger the more protocols
   * depend on it (by the logarithm, so a hub of thousands stays a dot, at most 2.5 times).
   */
  private sizeOf(id: string): number {
    const base = this.nodeSize;
    if (!this.state.sizeByDependents) return base;
    return base * Math.min(2.5, 1 + 0.3 * Math.log2(1 + this.state.graph.inDegree(id)));
  }

  /**
   * Dots that fit between their neighbours when the whole graph is framed: in a panel beside a
   * note, a band of 200 put 12 px dots 8 px apart, each over the next. Zoomed in, the gaps grow
   * faster than the dots (sigma scales sizes by the square root of the zoom), so they stay apart.
   * Returns whether the size changed (the next frame draws it).
   */
  private fitDots(): boolean {
    if (this.spacing === undefined) {
      this.rows ??= new RowIndex(this.state.graph.mapNodes((_id, node) => node));
      this.spacing = this.rows.narrowestSpacing();
    }
    // Pixels per graph unit with the whole graph framed (camera ratio 1).
    const scale = this.sigma.getGraphToViewportRatio() * this.sigma.getCamera().getState().ratio;
    const fitted = Number.isFinite(this.spacing) && scale > 0 ? DOT_SHARE_OF_SPACING * this.spacing * scale : Infinity;
    const size = Math.max(MIN_DOT_SIZE, Math.min(this.detail.nodeSize, Math.floor(fitted * 4) / 4));
    if (size === this.nodeSize) return false;
    this.nodeSize = size;
    return true;
  }

  /** How the edge is drawn: its curvature (see edgeRouting.ts), undefined when straight. */
  curvatureOf(edge: string): number | undefined {
    if (!this.detail.arrows) return undefined;
    const [source, target] = this.state.graph.extremities(edge);
    return this.bendOf(edge, source, target);
  }

  /** See core/graph/edgeRouting.ts: band-skipping edges, and a row's edges over protocols between, bend. */
  private bendOf(edge: string, source: string, target: string): number | undefined {
    if (this.bends.has(edge)) return this.bends.get(edge);
    this.rows ??= new RowIndex(this.state.graph.mapNodes((_id, node) => node));
    const bend = edgeCurvature(this.state.graph.getNodeAttributes(source), this.state.graph.getNodeAttributes(target), this.state.layers(), this.rows);
    this.bends.set(edge, bend);
    return bend;
  }


  private drawHoverRing(context: CanvasRenderingContext2D, data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>): void {
    context.beginPath();
    context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
    context.strokeStyle = this.palette.accent;
    context.lineWidth = 2;
    context.stroke();
  }

  private sizeOverlays(): void {
    const { width, height } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    for (const canvas of [this.bandsCanvas, this.labelsCanvas, this.marksCanvas]) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
  }

  private context(canvas: HTMLCanvasElement): CanvasRenderingContext2D | undefined {
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    return context;
  }

  /** Each band spans the view's width; its label sits at the left edge, inside the band. */
  private drawBands(): void {
    const context = this.context(this.bandsCanvas);
    if (!context) return;
    const { width, height } = this.sigma.getDimensions();
    this.bandLabels.clear();
    const gap = this.state.bands.length > 1 ? Math.max(0, this.state.bands[1].y - this.state.bands[1].height / 2 - (this.state.bands[0].y + this.state.bands[0].height / 2)) : 20;
    this.state.bands.forEach((band, i) => {
      const top = this.sigma.graphToViewport({ x: 0, y: band.y + band.height / 2 + gap / 2 }).y;
      const bottom = this.sigma.graphToViewport({ x: 0, y: band.y - band.height / 2 - gap / 2 }).y;
      context.fillStyle = this.palette.bandFill[i % 2];
      context.fillRect(0, top, width, bottom - top);
      context.strokeStyle = withAlpha(this.palette.foreground, this.palette.highContrast ? 0.8 : 0.15);
      context.lineWidth = 1;
      context.beginPath();
      context.moveTo(0, Math.round(bottom) + 0.5);
      context.lineTo(width, Math.round(bottom) + 0.5);
      context.stroke();
      // The name sticks to the top edge while its band is scrolled half off, and leaves with the
      // band: a band wholly off screen draws no name (they used to pile up at the top edge).
      if (bottom < 0 || top > height) return;
      const labelTop = Math.min(Math.max(top, 0), bottom - BAND_LABEL_HEIGHT) + 6;
      context.font = BAND_NAME_FONT(this.palette.fontFamily);
      const shown = this.state.shownByLayer.get(band.layer) ?? 0;
      const text = `${band.label.toLocaleUpperCase()} · ${shown === band.count ? band.count : l10n.t('{0} of {1}', shown, band.count)}`;
      // Drawn with the names, once the dots it must keep off are known (drawBandNames); it may
      // move up into the gap above its band, not below its band's bottom.
      const minY = Math.max(0, labelTop - 6 - BAND_NAME_HEIGHT);
      this.bandNameSpots.push({ id: band.layer, text, x: 10, y: labelTop, width: context.measureText(text).width, height: BAND_NAME_HEIGHT, minY, maxY: bottom - BAND_NAME_HEIGHT - 2 });
    });
    this.drawMentions(context);
  }

  /**
   * Body links as dashed lines under the dots: context the researcher wrote in prose, kept apart
   * from the arrows of declared dependencies. Only between protocols the filters show.
   */
  private drawMentions(context: CanvasRenderingContext2D): void {
    this.drawnMentions = 0;
    if (!this.state.showMentions) return;
    const state = this.state;
    context.save();
    context.setLineDash([5, 4]);
    context.lineWidth = 1.2;
    context.strokeStyle = withAlpha(this.palette.foreground, 0.55);
    context.beginPath();
    state.graph.forEachNode((id, node) => {
      if (!node.mentions || state.isHidden(id)) return;
      const from = this.sigma.graphToViewport({ x: node.x, y: node.y });
      for (const target of node.mentions) {
        if (!state.graph.hasNode(target) || state.isHidden(target)) continue;
        const other = state.graph.getNodeAttributes(target);
        const to = this.sigma.graphToViewport({ x: other.x, y: other.y });
        context.moveTo(from.x, from.y);
        context.lineTo(to.x, to.y);
        this.drawnMentions++;
      }
    });
    context.stroke();
    context.restore();
  }

  /**
   * Each band's name where no dot is under it (see placeBandNames), over the edges with the
   * names' halo: at 500 protocols the edges across a band's name made it unreadable.
   */
  private drawBandNames(context: CanvasRenderingContext2D, spots: ReadonlyArray<BandNameSpot & { text: string }>, placed: readonly PlacedBandName[]): void {
    context.save();
    context.font = BAND_NAME_FONT(this.palette.fontFamily);
    context.textBaseline = 'top';
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = withAlpha(this.palette.background, 0.85);
    context.fillStyle = this.palette.muted;
    for (const name of placed) {
      const text = spots.find((spot) => spot.id === name.id)!.text;
      context.strokeText(text, name.x, name.y);
      context.fillText(text, name.x, name.y);
      this.bandLabels.set(name.id, name);
    }
    context.restore();
  }

  /**
   * The names of the protocols on screen, placed so that none covers another name or dot (see
   * labels.ts): the selection and what it lights first, then the protocols most others depend on.
   * At thousands of protocols names appear only once the dots are drawn large enough (zoomed in).
   */
  private drawLabels(): void {
    const { width, height } = this.sigma.getDimensions();
    const ratio = this.sigma.getCamera().getState().ratio;
    const state = this.state;
    const candidates: LabelCandidate[] = [];
    const discs: Disc[] = [];
    const margin = 40;
    state.graph.forEachNode((id) => {
      const data = this.sigma.getNodeDisplayData(id);
      if (!data || data.hidden) return;
      const at = this.sigma.framedGraphToViewport(data);
      if (at.x < -margin || at.y < -margin || at.x > width + margin || at.y > height + margin) return;
      // An override's ring and the keyboard's focus ring are part of the dot (see drawMarks).
      const ring = id === this.focused ? 9 : state.overrides.has(id) ? 4 : 0;
      const radius = this.sigma.scaleSize(data.size, ratio) + ring;
      discs.push({ id, x: at.x, y: at.y, radius });
      if (!data.label || radius - ring < this.detail.labelThreshold) return;
      const priority =
        (id === state.selected ? 4e6 : 0) + (id === state.hovered || id === this.focused ? 2e6 : 0) + (state.highlightedNodes.has(id) ? 1e6 : 0) + state.graph.inDegree(id);
      candidates.push({ id, text: data.label, x: at.x, y: at.y, radius, priority });
    });
    const context = this.context(this.labelsCanvas);
    if (!context) return;
    const font = `${LABEL_SIZE}px ${this.palette.fontFamily}`;
    context.font = font;
    const measure = (text: string): number => {
      const key = `${font}\u0000${text}`;
      let measured = this.textWidths.get(key);
      if (measured === undefined) {
        if (this.textWidths.size > 20000) this.textWidths.clear();
        measured = context.measureText(text).width;
        this.textWidths.set(key, measured);
      }
      return measured;
    };
    // The hubs (a quarter of the most depended-on protocol's dependents or more) are named before
    // the band names move out of their way; see placeAllNames.
    let most = 0;
    for (const candidate of candidates) if (candidate.priority < 1e6) most = Math.max(most, candidate.priority);
    const spots = this.bandNameSpots;
    this.bandNameSpots = [];
    const options = { lineHeight: LABEL_LINE_HEIGHT, gap: 3, minCharacters: 4, width, height, keepOff: this.coveredBoxes() };
    const { labels, bandNames } = placeAllNames(candidates, discs, measure, options, spots, (candidate) => candidate.priority >= Math.max(2, most / 4));
    this.drawBandNames(context, spots, bandNames);
    this.drawnLabels = { labels, discs };
    this.labelsCanvas.hidden = labels.length === 0 && this.bandLabels.size === 0;
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    context.lineWidth = 3;
    // A halo in the background colour keeps a name legible over the edges it crosses.
    context.strokeStyle = withAlpha(this.palette.background, 0.85);
    context.fillStyle = this.palette.foreground;
    for (const label of labels) {
      context.strokeText(label.text, label.x, label.y + label.height / 2);
      context.fillText(label.text, label.x, label.y + label.height / 2);
    }
  }

  /**
   * What sits over the graph and would hide a name under it: the verdict legend in its corner
   * (zoomed in, names at the bottom edge went under it).
   */
  private coveredBoxes(): Array<{ x: number; y: number; width: number; height: number }> {
    const host = this.host.getBoundingClientRect();
    // Every legend shown over the graph: the verdicts' and, coloured by a field, the field's.
    const boxes = [...this.host.querySelectorAll<HTMLElement>(':scope > .legend')]
      .filter((legend) => legend.offsetParent !== null)
      .map((legend) => {
        const box = legend.getBoundingClientRect();
        return { x: box.left - host.left, y: box.top - host.top, width: box.width, height: box.height };
      });
    return boxes;
  }

  /** Overrides get a ring in the foreground colour: the researcher's reading, not the framework's. */
  private drawMarks(): void {
    // A layer with nothing on it still costs the compositor a full-screen blend on every frame.
    const marked = this.state.overrides.size > 0 || this.focused !== undefined;
    this.marksCanvas.hidden = !marked;
    if (!marked) return;
    const context = this.context(this.marksCanvas);
    if (!context) return;
    const ratio = this.sigma.getCamera().getState().ratio;
    const ids = this.focused ? [...this.state.overrides, this.focused] : this.state.overrides;
    for (const id of ids) {
      if (!this.state.graph.hasNode(id)) continue;
      const node = this.state.graph.getNodeAttributes(id);
      const overrideMark = node.override && !this.state.isHidden(id);
      if (!overrideMark && id !== this.focused) continue;
      const at = this.sigma.graphToViewport({ x: node.x, y: node.y });
      const radius = this.sigma.scaleSize(id === this.state.selected ? this.sizeOf(id) + 3 : this.sizeOf(id), ratio);
      if (overrideMark) {
        context.beginPath();
        context.arc(at.x, at.y, radius + 3, 0, Math.PI * 2);
        context.strokeStyle = this.palette.foreground;
        context.lineWidth = 2;
        context.stroke();
      }
      if (id === this.focused) {
        context.beginPath();
        context.setLineDash([4, 3]);
        context.arc(at.x, at.y, radius + 7, 0, Math.PI * 2);
        context.strokeStyle = this.palette.accent;
        context.lineWidth = 2;
        context.stroke();
        context.setLineDash([]);
      }
    }
  }
}

/**
 * How far in the camera may zoom: until about six protocols of the fullest band span the view.
 * Further in there is nothing to read, only an edge across an empty band (and a small graph
 * needs less than a large one).
 */
function zoomInLimit(state: GraphState): number {
  const fullest = Math.max(1, ...state.bands.map((band) => band.count));
  return Math.min(0.2, Math.max(0.002, 6 / fullest));
}

/**
 * At the article's scale (tens of protocols) every protocol is a labelled dot with arrowed edges.
 * At thousands that would be an unreadable, slow smear: dots shrink, labels appear as you zoom in,
 * edges become plain lines (a selection still shows its edges' direction) and hide while panning.
 */
function levelOfDetail(protocols: number, dependencies: number) {
  const large = protocols > 1000 || dependencies > 3000;
  const medium = protocols > 200;
  const nodeSize = large ? 3 : medium ? 6 : 9;
  return {
    nodeSize,
    edgeSize: large ? 0.5 : medium ? 1 : 2,
    arrows: !large,
    // Rendered size grows as 1/sqrt(zoom ratio): large graphs show labels from about 6x zoom.
    labelThreshold: large ? nodeSize * 2.5 : 0,
    hideEdgesOnMove: large,
    // Past a few hundred protocols a full frame (arrows, curves, names) takes longer than a frame
    // under software WebGL: 500 protocols panned at 4 frames a second. A drag slides the picture.
    slideOnDrag: medium || dependencies > 500,
  };
}

function overlay(name: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = `overlay overlay-${name}`;
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}
