// The messages between the extension and the graph webview: one definition imported by both
// bundles, so the compiler catches drift. Free of `vscode` and Node imports on purpose.
// Whatever arrives from the other side is still validated: a webview is a separate origin
// that renders untrusted note content, so its messages are input, not commands.
export type { GraphBand, GraphModel, GraphNode, GraphPatch } from './core/present/graphModel';
import type { GraphBand, GraphEdge, GraphModel, GraphNode, GraphPatch } from './core/present/graphModel';
import { LOCAL_DIRECTIONS, MAX_LOCAL_DEPTH, type LocalDirection } from './core/present/graphModel';

/** How the graph colours its protocols: by verdict (the framework's reading) or by a note field. */
export type ColourBy = 'verdict' | 'category' | 'funding' | `tag:${string}`;

/** A local graph: the protocols within `depth` steps of `id`, one way or both. */
export interface LocalGraphRequest {
  id: string;
  depth: number;
  direction: LocalDirection;
}

/** Filters and viewport, saved with vscode.setState and restored after a window reload. */
export interface GraphViewState {
  hiddenLayers: string[];
  hiddenVerdicts: string[];
  category: string;
  search: string;
  camera?: { x: number; y: number; ratio: number; angle: number };
  selected?: string;
  /** Node size by how many protocols depend on it. */
  sizeByDependents?: boolean;
  colourBy?: ColourBy;
  /** Body links drawn as dashed lines. */
  showMentions?: boolean;
  local?: LocalGraphRequest;
}

/** Extension → webview. */
export type ExtensionMessage =
  | { type: 'graph'; model: GraphModel; skipped: number }
  | { type: 'patch'; patch: GraphPatch }
  | { type: 'reveal'; id: string }
  /** The protocols the search box's `query` matches, by the core's search; null: the query hides nothing. */
  | { type: 'searchResult'; query: string; matches: string[] | null }
  /** What the selected protocol `id` is exposed to and the dependency routes that carry it, nearest first. */
  | { type: 'highlight'; id: string; count: number; routes: string[][] }
  /**
   * Draw `svg` (the SVG export: title, framework, legend) on a canvas `scale` times its size and
   * answer with the PNG.
   */
  | { type: 'exportPng'; requestId: number; svg: string; scale: number }
  /** The researcher opened this note in an editor: the graph selects it (protocolAtlas.graph.followActiveEditor). */
  | { type: 'follow'; id: string }
  /** Show the local graph of a protocol (from the context menu), or the whole graph again (null). */
  | { type: 'showLocal'; local: LocalGraphRequest | null }
  /** The protocols of the local graph `local` asks for, by the core; answered again after every change. */
  | { type: 'localResult'; local: LocalGraphRequest; members: string[] };

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'openNote'; path: string }
  | { type: 'selection'; path: string | null }
  /** What the search box holds; answered by a `searchResult` now and after every change of the notes. */
  | { type: 'search'; query: string }
  /** `scale`: what the PNG was drawn at, less than asked when a canvas cannot hold that many pixels. */
  | { type: 'exportResult'; requestId: number; dataUrl: string | null; error?: string; scale?: number }
  /** The local graph the page shows now (null: the whole graph); answered by a `localResult`. */
  | { type: 'local'; local: LocalGraphRequest | null };

const MAX_PATH_LENGTH = 4096;
/** What the search box may send; the host cuts the query shorter still (see graphQueries.ts). */
const MAX_QUERY_LENGTH = 1000;
/** A PNG of the largest canvas the view draws (see webview/pngExport.ts) stays below this (base64 of ~48 MB). */
export const MAX_DATA_URL_LENGTH = 64 * 1024 * 1024;
/** The PNG export's scale: 1× to 4× the SVG's size (`protocolAtlas.export.pngScale`). */
export const PNG_SCALE = { min: 1, max: 4, default: 2 } as const;
/** The SVG of 10,000 protocols is a few megabytes; this is only a bound on a malformed message. */
const MAX_SVG_LENGTH = 256 * 1024 * 1024;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPath = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_LENGTH;
const hasOnly = (message: Record<string, unknown>, keys: string[]): boolean => Object.keys(message).every((key) => keys.includes(key));

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isRecord(value)) return false;
  const message = value;
  switch (message.type) {
    case 'ready':
      return hasOnly(message, ['type']);
    case 'openNote':
      return hasOnly(message, ['type', 'path']) && isPath(message.path);
    case 'selection':
      return hasOnly(message, ['type', 'path']) && (message.path === null || isPath(message.path));
    case 'search':
      return hasOnly(message, ['type', 'query']) && typeof message.query === 'string' && message.query.length <= MAX_QUERY_LENGTH;
    case 'local':
      return hasOnly(message, ['type', 'local']) && (message.local === null || isLocalGraphRequest(message.local));
    case 'exportResult':
      return (
        hasOnly(message, ['type', 'requestId', 'dataUrl', 'error', 'scale']) &&
        Number.isSafeInteger(message.requestId) &&
        (message.dataUrl === null ||
          (typeof message.dataUrl === 'string' && message.dataUrl.length <= MAX_DATA_URL_LENGTH && message.dataUrl.startsWith('data:image/png;base64,'))) &&
        (message.error === undefined || (typeof message.error === 'string' && message.error.length <= 1000)) &&
        (message.scale === undefined || isScale(message.scale))
      );
    default:
      return false;
  }
}

export function isLocalGraphRequest(value: unknown): value is LocalGraphRequest {
  return (
    isRecord(value) &&
    hasOnly(value, ['id', 'depth', 'direction']) &&
    isPath(value.id) &&
    Number.isSafeInteger(value.depth) &&
    (value.depth as number) >= 1 &&
    (value.depth as number) <= MAX_LOCAL_DEPTH &&
    LOCAL_DIRECTIONS.includes(value.direction as LocalDirection)
  );
}

/** A drawn scale may be below the minimum: a canvas holds only so many pixels of a huge graph. */
const isScale = (value: unknown): value is number => isFiniteNumber(value) && value > 0 && value <= PNG_SCALE.max;
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isGraphNode(value: unknown): value is GraphNode {
  if (!isRecord(value) || !isRecord(value.verdict) || !isRecord(value.exposure)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.layer === 'string' &&
    typeof value.verdict.value === 'string' &&
    typeof value.verdict.rationale === 'string' &&
    isFiniteNumber(value.x) &&
    isFiniteNumber(value.y) &&
    (value.tags === undefined || isStrings(value.tags)) &&
    (value.funding === undefined || typeof value.funding === 'string') &&
    (value.mentions === undefined || isStrings(value.mentions))
  );
}

const isGraphEdge = (value: unknown): value is GraphEdge => isRecord(value) && typeof value.source === 'string' && typeof value.target === 'string';
const isBand = (value: unknown): value is GraphBand =>
  isRecord(value) && typeof value.label === 'string' && isFiniteNumber(value.y) && isFiniteNumber(value.height);

/** The webview checks shapes too: a stale or foreign message must not break the drawing. */
export function isExtensionMessage(value: unknown): value is ExtensionMessage {
  if (!isRecord(value)) return false;
  const message = value;
  switch (message.type) {
    case 'graph': {
      const model = message.model;
      return (
        isRecord(model) &&
        Array.isArray(model.nodes) &&
        model.nodes.every(isGraphNode) &&
        Array.isArray(model.edges) &&
        model.edges.every(isGraphEdge) &&
        Array.isArray(model.bands) &&
        model.bands.every(isBand) &&
        typeof message.skipped === 'number'
      );
    }
    case 'patch': {
      const patch = message.patch;
      return (
        isRecord(patch) &&
        Array.isArray(patch.upserted) &&
        patch.upserted.every(isGraphNode) &&
        Array.isArray(patch.removed) &&
        patch.removed.every((id) => typeof id === 'string') &&
        Array.isArray(patch.edgesAdded) &&
        patch.edgesAdded.every(isGraphEdge) &&
        Array.isArray(patch.edgesRemoved) &&
        patch.edgesRemoved.every(isGraphEdge) &&
        Array.isArray(patch.bands) &&
        patch.bands.every(isBand)
      );
    }
    case 'reveal':
      return typeof message.id === 'string';
    case 'searchResult':
      return typeof message.query === 'string' && (message.matches === null || isStrings(message.matches));
    case 'highlight':
      return typeof message.id === 'string' && isFiniteNumber(message.count) && Array.isArray(message.routes) && message.routes.every(isStrings);
    case 'exportPng':
      return Number.isSafeInteger(message.requestId) && typeof message.svg === 'string' && message.svg.length <= MAX_SVG_LENGTH && isScale(message.scale);
    case 'follow':
      return typeof message.id === 'string';
    case 'showLocal':
      return message.local === null || isLocalGraphRequest(message.local);
    case 'localResult':
      return isLocalGraphRequest(message.local) && isStrings(message.members);
    default:
      return false;
  }
}
