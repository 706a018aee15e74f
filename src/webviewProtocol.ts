// The messages between the extension and the graph webview: one definition imported by both
// bundles, so the compiler catches drift. Free of `vscode` and Node imports on purpose.
// Whatever arrives from the other side is still validated: a webview is a separate origin
// that renders untrusted note content, so its messages are input, not commands.
//
// Each message, and the graph model it carries, is a valibot schema; its TypeScript type is
// inferred from the schema (v.InferOutput), so every field a type claims is a field the check
// checks. valibot builds its checks from plain closures (no eval, no new Function: the webview's
// CSP forbids both) and is tree-shaken to the few pieces used here.
//
// The core keeps its own interfaces for the graph model (src/core/present/graphModel.ts): this
// module depends on the core, never the reverse. At the end of the file the compiler checks that
// the schemas' types are exactly the core's.
import * as v from 'valibot';
import type * as core from './core/present/graphModel';
import { LOCAL_DIRECTIONS, MAX_DRAWN_MENTIONS, MAX_LOCAL_DEPTH } from './core/present/graphModel';
import { LAYERS, VERDICT_VALUES } from './core/vocabulary/model';
import { guardOf } from './schemaGuard';

/** How the graph colours its protocols: by verdict (the framework's reading) or by a note field. */
export type ColourBy = 'verdict' | 'category' | 'funding' | `tag:${string}`;

const MAX_PATH_LENGTH = 4096;
/** What the search box may send; the host cuts the query shorter still (see graphQueries.ts). */
const MAX_QUERY_LENGTH = 1000;
/** A PNG of the largest canvas the view draws (see webview/pngExport.ts) stays below this (base64 of ~48 MB). */
export const MAX_DATA_URL_LENGTH = 64 * 1024 * 1024;
/** The PNG export's scale: 1× to 4× the SVG's size (`protocolAtlas.export.pngScale`). */
export const PNG_SCALE = { min: 1, max: 4, default: 2 } as const;
/** The SVG of 10,000 protocols is a few megabytes; this is only a bound on a malformed message. */
const MAX_SVG_LENGTH = 256 * 1024 * 1024;
const MAX_ERROR_LENGTH = 1000;

// The pieces.
const text = v.string();
const texts = v.array(text);
const finite = v.pipe(v.number(), v.finite());
/** How many of something: 0, 1, 2 … */
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const requestId = v.pipe(v.number(), v.safeInteger());
/** A workspace-relative note path as the webview names it. */
const notePath = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PATH_LENGTH));
/** A drawn scale may be below the minimum: a canvas holds only so many pixels of a huge graph. */
const scale = v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(PNG_SCALE.max));
const layer = v.picklist([...LAYERS, 'unclassified']);
const verdictValue = v.picklist(VERDICT_VALUES);
const framework = v.object({ id: text, title: text });

/** A protocol as the graph draws it (core.GraphNode). */
const GraphNodeSchema = v.object({
  id: text,
  name: text,
  layer,
  category: v.optional(text),
  tags: v.optional(texts),
  funding: v.optional(text),
  mentions: v.optional(v.pipe(texts, v.maxLength(MAX_DRAWN_MENTIONS))),
  verdict: v.object({
    value: verdictValue,
    rationale: text,
    section: v.optional(text),
    source: v.picklist(['framework', 'override']),
    outlook: v.optional(v.object({ horizon: text, value: verdictValue, rationale: text })),
  }),
  override: v.boolean(),
  exposure: v.object({ count, nearest: v.optional(texts) }),
  x: finite,
  y: finite,
});

const GraphEdgeSchema = v.object({ source: text, target: text });

const GraphBandSchema = v.object({ layer, label: text, y: finite, height: finite, count });

const GraphModelSchema = v.object({
  framework,
  nodes: v.array(GraphNodeSchema),
  edges: v.array(GraphEdgeSchema),
  bands: v.array(GraphBandSchema),
  width: finite,
  height: finite,
});

const GraphPatchSchema = v.object({
  framework: v.optional(framework),
  upserted: v.array(GraphNodeSchema),
  removed: texts,
  edgesAdded: v.array(GraphEdgeSchema),
  edgesRemoved: v.array(GraphEdgeSchema),
  bands: v.array(GraphBandSchema),
  width: finite,
  height: finite,
});

/** A local graph: the protocols within `depth` steps of `id`, one way or both. */
const LocalGraphRequestSchema = v.strictObject({
  id: notePath,
  depth: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(MAX_LOCAL_DEPTH)),
  direction: v.picklist(LOCAL_DIRECTIONS),
});

export type GraphNode = v.InferOutput<typeof GraphNodeSchema>;
type GraphEdge = v.InferOutput<typeof GraphEdgeSchema>;
export type GraphBand = v.InferOutput<typeof GraphBandSchema>;
export type GraphModel = v.InferOutput<typeof GraphModelSchema>;
export type GraphPatch = v.InferOutput<typeof GraphPatchSchema>;
export type LocalGraphRequest = v.InferOutput<typeof LocalGraphRequestSchema>;

const GraphMessageSchema = v.object({ type: v.literal('graph'), model: GraphModelSchema, skipped: count });
const PatchMessageSchema = v.object({ type: v.literal('patch'), patch: GraphPatchSchema });

/** Extension → webview. Not strict: the webview checks shapes so that a stale or foreign message cannot break the drawing. */
export const ExtensionMessageSchema = v.variant('type', [
  GraphMessageSchema,
  PatchMessageSchema,
  v.object({ type: v.literal('reveal'), id: text }),
  /** The protocols the search box's `query` matches, by the core's search; null: the query hides nothing. */
  v.object({ type: v.literal('searchResult'), query: text, matches: v.nullable(texts) }),
  /** What the selected protocol `id` is exposed to and the dependency routes that carry it, nearest first. */
  v.object({ type: v.literal('highlight'), id: text, count, routes: v.array(texts) }),
  /**
   * Draw `svg` (the SVG export: title, framework, legend) on a canvas `scale` times its size and
   * answer with the PNG.
   */
  v.object({ type: v.literal('exportPng'), requestId, svg: v.pipe(v.string(), v.maxLength(MAX_SVG_LENGTH)), scale }),
  /** The researcher opened this note in an editor: the graph selects it (protocolAtlas.graph.followActiveEditor). */
  v.object({ type: v.literal('follow'), id: text }),
  /** Show the local graph of a protocol (from the context menu), or the whole graph again (null). */
  v.object({ type: v.literal('showLocal'), local: v.nullable(LocalGraphRequestSchema) }),
  /** The protocols of the local graph `local` asks for, by the core; answered again after every change. */
  v.object({ type: v.literal('localResult'), local: LocalGraphRequestSchema, members: texts }),
]);

/** Webview → extension: strict, an extra key is refused (a page that renders untrusted notes may be trying something). */
export const WebviewMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready') }),
  v.strictObject({ type: v.literal('openNote'), path: notePath }),
  v.strictObject({ type: v.literal('selection'), path: v.nullable(notePath) }),
  /** What the search box holds; answered by a `searchResult` now and after every change of the notes. */
  v.strictObject({ type: v.literal('search'), query: v.pipe(v.string(), v.maxLength(MAX_QUERY_LENGTH)) }),
  /** `scale`: what the PNG was drawn at, less than asked when a canvas cannot hold that many pixels. */
  v.strictObject({
    type: v.literal('exportResult'),
    requestId,
    dataUrl: v.nullable(v.pipe(v.string(), v.maxLength(MAX_DATA_URL_LENGTH), v.startsWith('data:image/png;base64,'))),
    error: v.optional(v.pipe(v.string(), v.maxLength(MAX_ERROR_LENGTH))),
    scale: v.optional(scale),
  }),
  /** The local graph the page shows now (null: the whole graph); answered by a `localResult`. */
  v.strictObject({ type: v.literal('local'), local: v.nullable(LocalGraphRequestSchema) }),
]);

export type ExtensionMessage = v.InferOutput<typeof ExtensionMessageSchema>;
export type WebviewMessage = v.InferOutput<typeof WebviewMessageSchema>;

export const isWebviewMessage = (value: unknown): value is WebviewMessage => v.is(WebviewMessageSchema, value);

/**
 * The graph and the patch, from the same schemas, by the fast path (src/schemaGuard.ts): v.is
 * copies the whole model as it checks it, half a second and more for 50,000 protocols before the
 * first frame, where this takes a few tens of milliseconds (`npm run bench -- messages`).
 */
const isGraphMessage = guardOf(GraphMessageSchema);
const isPatchMessage = guardOf(PatchMessageSchema);

/** The webview checks shapes too: a stale or foreign message must not break the drawing. */
export function isExtensionMessage(value: unknown): value is ExtensionMessage {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (type === 'graph') return isGraphMessage(value);
  if (type === 'patch') return isPatchMessage(value);
  return v.is(ExtensionMessageSchema, value);
}
export const isLocalGraphRequest = (value: unknown): value is LocalGraphRequest => v.is(LocalGraphRequestSchema, value);

/** Filters and viewport, saved with vscode.setState and restored field by field after a window reload (webview/state.ts). */
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

// Compile-time: the types the schemas give are exactly the core's, field for field (an optional
// field missing on either side fails too, which mutual assignability alone would let through).
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Holds<T extends true> = T;
type _SameNode = Holds<Same<GraphNode, core.GraphNode>>;
type _SameEdge = Holds<Same<GraphEdge, core.GraphEdge>>;
type _SameBand = Holds<Same<GraphBand, core.GraphBand>>;
type _SameModel = Holds<Same<GraphModel, core.GraphModel>>;
type _SamePatch = Holds<Same<GraphPatch, core.GraphPatch>>;
type _SameDirection = Holds<Same<LocalGraphRequest['direction'], core.LocalDirection>>;
