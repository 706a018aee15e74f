// The hand-written message checks src/webviewProtocol.ts had before its valibot schemas (issue 11),
// kept only as the benchmark's baseline (bench/messageCheck.ts): the schema's check is timed as a
// ratio to this one, on the same message in the same run. Verbatim but for the imports and the
// exports. Not used by the product: it left fields unchecked (override, exposure, category, the
// model's framework, width and height …), which is why it was replaced.
import type { GraphBand, GraphEdge, GraphNode } from '../src/core/present/graphModel';
import { LOCAL_DIRECTIONS, MAX_LOCAL_DEPTH, type LocalDirection } from '../src/core/present/graphModel';
import type { ExtensionMessage, LocalGraphRequest } from '../src/webviewProtocol';

const MAX_PATH_LENGTH = 4096;
const PNG_SCALE = { max: 4 } as const;
const MAX_SVG_LENGTH = 256 * 1024 * 1024;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPath = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_LENGTH;
const hasOnly = (message: Record<string, unknown>, keys: string[]): boolean => Object.keys(message).every((key) => keys.includes(key));
function isLocalGraphRequest(value: unknown): value is LocalGraphRequest {
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
