// The shape of window.__protocolAtlas, shared with the e2e tests and the benchmark. No DOM types
// here, so Node-side code can import it.
export interface TestView {
  nodes(): Array<{ id: string; name: string; layer: string; category?: string; verdict: string; override: boolean; x: number; y: number; hidden: boolean }>;
  /** `curvature`: how far the drawn edge bows (see core/graph/edgeRouting.ts); absent when straight. */
  edges(): Array<{ source: string; target: string; hidden: boolean; curvature?: number }>;
  /** Whether the graph has the dependency source → target: one look, where edges() lists them all. */
  hasEdge(source: string, target: string): boolean;
  /**
   * `count`: the band's protocols; `shown`: how many of them the filters leave on screen;
   * `labelY`: where its name was drawn in the last frame (undefined: not drawn), `labelBox` the box it fills.
   */
  bands(): Array<{ layer: string; label: string; count: number; shown: number; top: number; bottom: number; labelY?: number; labelBox?: { x: number; y: number; width: number; height: number } }>;
  camera(): { x: number; y: number; ratio: number; angle: number } | undefined;
  graphToViewport(x: number, y: number): { x: number; y: number } | undefined;
  /** A node's position on screen, relative to the webview's top left. */
  nodeOnScreen(id: string): { x: number; y: number } | undefined;
  /** The protocol whose dot is at a point of the webview (relative to its top left), as a click finds it. */
  protocolAt(x: number, y: number): string | undefined;
  /**
   * The names drawn in the last frame (their boxes, in pixels from the graph's top left) and the
   * drawn dots they keep off.
   */
  drawnLabels(): {
    labels: Array<{ id: string; text: string; x: number; y: number; width: number; height: number }>;
    discs: Array<{ id: string; x: number; y: number; radius: number }>;
  };
  /** What the selection lights up: its neighbours and the dependency paths to negatively affected protocols. */
  highlight(): { nodes: string[]; exposureEdges: Array<[string, string]> };
  readonly hovered: string | undefined;
  readonly selected: string | undefined;
  readonly focused: string | undefined;
  readonly filters: { hiddenLayers: string[]; hiddenVerdicts: string[]; category: string; search: string };
  readonly framework: string;
  /** The body links drawn as dashed lines in the last frame. */
  readonly drawnMentions: number;
  /** The local graph shown, and its protocols once the extension answered. */
  readonly local: { id: string; depth: number; direction: string; members?: string[] } | undefined;
  readonly colourBy: string;
  readonly webgl: boolean;
  readonly firstFrame: boolean;
}
