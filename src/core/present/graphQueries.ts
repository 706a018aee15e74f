// What the graph panel asks the core while a researcher uses it: which protocols the search box
// matches and which dependency routes carry a selected protocol's exposure. The webview only
// draws the answers, so the graph, the Protocols view, the hover and Search Protocols… judge and
// search the same way.
import type { Atlas } from '../atlas';
import { MAX_LOCAL_DEPTH, type LocalDirection } from './graphModel';

/** Enough red routes to read; beyond this the card's count says how many more there are. */
const MAX_HIGHLIGHTED_ROUTES = 50;

/** Longer queries are cut: nobody types this much, and a search box must not be a way in. */
export const MAX_GRAPH_QUERY_LENGTH = 200;

/**
 * Every protocol the search box's `query` matches, by the product's typo-tolerant search (names,
 * aliases, pinyin, categories, layers), best first; undefined for a blank query, which hides nothing.
 */
export function graphSearch(atlas: Atlas, query: string): string[] | undefined {
  const text = query.slice(0, MAX_GRAPH_QUERY_LENGTH);
  if (text.trim() === '') return undefined;
  return atlas.search.search(text, Infinity).map((result) => result.id);
}

export interface ExposureHighlight {
  /** How many negatively affected protocols it depends on. */
  count: number;
  /** Dependency routes from it to the nearest of them, each starting at the protocol itself. */
  routes: string[][];
}

/**
 * The routes the graph lights in red for a selected protocol: first the nearest ones exactly as
 * the Protocols view, the hover and the report name them (the same route among equally short
 * ones), then further ones, nearest first, up to `limit`.
 */
export function exposureHighlight(atlas: Atlas, path: string, limit = MAX_HIGHLIGHTED_ROUTES): ExposureHighlight {
  const named = atlas.exposure(path);
  const routes = named.nearest.slice(0, limit).map((exposure) => exposure.path);
  if (routes.length < limit && routes.length < named.count) {
    const shown = new Set(routes.map((route) => route[route.length - 1]));
    for (const exposure of atlas.exposureOf(path, limit + shown.size)) {
      if (routes.length >= limit) break;
      if (!shown.has(exposure.path[exposure.path.length - 1])) routes.push(exposure.path);
    }
  }
  return { count: named.count, routes };
}

/**
 * The protocols within `depth` dependency steps of `path` (itself included): what it depends on,
 * what depends on it, or both, as in Obsidian's local graph. One breadth-first walk, so it stays
 * linear however large the vault; undefined for a protocol the index does not have.
 */
export function localGraph(atlas: Atlas, path: string, depth: number, direction: LocalDirection): string[] | undefined {
  const graph = atlas.index.graph;
  if (!graph.hasNode(path)) return undefined;
  const limit = Math.max(0, Math.min(MAX_LOCAL_DEPTH, Math.floor(depth)));
  const reached = new Set([path]);
  let frontier = [path];
  for (let step = 0; step < limit && frontier.length > 0; step++) {
    const next: string[] = [];
    const visit = (neighbour: string): void => {
      if (reached.has(neighbour)) return;
      reached.add(neighbour);
      next.push(neighbour);
    };
    for (const at of frontier) {
      if (direction !== 'dependents') graph.forEachOutNeighbor(at, visit);
      if (direction !== 'dependencies') graph.forEachInNeighbor(at, visit);
    }
    frontier = next;
  }
  return [...reached];
}
