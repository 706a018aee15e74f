// A read-only window onto the app for tests and benchmarks (window.__protocolAtlas): what is
// drawn, where, and what is hovered, selected and filtered. Snapshots only; nothing here changes
// the app. In the test build only (PROTOCOL_ATLAS_TEST_HOOKS, scripts/bundles.js).
import type { GraphRenderer } from './renderer';
import type { GraphState } from './graphState';
import type { TestView } from './testView';


export function exposeForTests(state: GraphState, renderer: () => GraphRenderer | undefined, webgl: boolean): void {
  const hostOffset = (): { left: number; top: number } => {
    const element = document.querySelector('.graph');
    const box = element?.getBoundingClientRect();
    return { left: box?.left ?? 0, top: box?.top ?? 0 };
  };
  const view: TestView = {
    nodes: () =>
      state.graph.mapNodes((id, node) => ({
        id,
        name: node.name,
        layer: node.layer,
        ...(node.category && { category: node.category }),
        verdict: node.verdict.value,
        override: node.override,
        x: node.x,
        y: node.y,
        hidden: state.isHidden(id),
      })),
    edges: () =>
      state.graph.mapEdges((edge, _attributes, source, target) => {
        const curvature = renderer()?.curvatureOf(edge);
        return { source, target, hidden: state.isHidden(source) || state.isHidden(target), ...(curvature !== undefined && { curvature }) };
      }),
    hasEdge: (source, target) => state.graph.hasNode(source) && state.graph.hasNode(target) && state.graph.hasEdge(source, target),
    bands: () =>
      state.bands.map((band) => {
        const sigma = renderer()?.sigma;
        const top = sigma?.graphToViewport({ x: 0, y: band.y + band.height / 2 }).y ?? NaN;
        const bottom = sigma?.graphToViewport({ x: 0, y: band.y - band.height / 2 }).y ?? NaN;
        const name = renderer()?.bandLabels.get(band.layer);
        return {
          layer: band.layer,
          label: band.label,
          count: band.count,
          shown: state.shownByLayer.get(band.layer) ?? 0,
          top,
          bottom,
          ...(name && { labelY: name.y, labelBox: { ...name } }),
        };
      }),
    camera: () => renderer()?.sigma.getCamera().getState(),
    graphToViewport: (x, y) => renderer()?.sigma.graphToViewport({ x, y }),
    nodeOnScreen: (id) => {
      const at = renderer()?.viewportOf(id);
      if (!at) return undefined;
      const offset = hostOffset();
      return { x: at.x + offset.left, y: at.y + offset.top };
    },
    protocolAt: (x, y) => {
      const offset = hostOffset();
      return renderer()?.protocolAt(x - offset.left, y - offset.top);
    },
    drawnLabels: () => {
      const drawn = renderer()?.drawnLabels ?? { labels: [], discs: [] };
      return { labels: drawn.labels.map((label) => ({ ...label })), discs: drawn.discs.map((disc) => ({ ...disc })) };
    },
    highlight: () => ({
      nodes: [...state.highlightedNodes].sort(),
      exposureEdges: [...state.exposureEdges].map((edge) => state.graph.extremities(edge) as [string, string]),
    }),
    get hovered() {
      return state.hovered;
    },
    get selected() {
      return state.selected;
    },
    get focused() {
      return renderer()?.focused;
    },
    get filters() {
      return { hiddenLayers: [...state.hiddenLayers], hiddenVerdicts: [...state.hiddenVerdicts], category: state.category, search: state.search };
    },
    get framework() {
      return state.framework.title;
    },
    get drawnMentions() {
      return renderer()?.drawnMentions ?? 0;
    },
    get local() {
      const members = state.localProtocols;
      return state.local && { ...state.local, ...(members && { members: [...members].sort() }) };
    },
    get colourBy() {
      return state.colourBy;
    },
    webgl,
    get firstFrame() {
      return performance.getEntriesByName('protocol-atlas:first-frame').length > 0;
    },
  };
  Object.defineProperty(window, '__protocolAtlas', { value: Object.freeze(view), configurable: false, writable: false });
}
