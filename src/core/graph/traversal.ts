// Questions about reach in the dependency graph: what a protocol rests on, what rests on it, and
// the shortest chain between two. Breadth-first search comes from graphology-traversal, which walks
// with a queue and a Set, so deep chains and cycles cannot overflow the stack or loop forever.
//
// Results never depend on the order notes were indexed in: lists are sorted nearest first, then by
// path, and among several shortest chains the one with the smallest paths is chosen.
import { bfsFromNode } from 'graphology-traversal';
import type { DependencyGraph } from './dependencyGraph';
import { compareStrings } from './layoutIndex';

type Direction = 'outbound' | 'inbound';

/** Every node reachable from `path` in one direction, with its distance; the start is not included. */
function reach(graph: DependencyGraph, path: string, direction: Direction): Map<string, number> {
  const depths = new Map<string, number>();
  if (!graph.hasNode(path)) return depths;
  bfsFromNode(graph, path, (key, _attributes, depth) => {
    depths.set(key, depth);
  }, { mode: direction });
  // A cycle back to the start is a diagnostic elsewhere, not a dependency of itself.
  depths.delete(path);
  return depths;
}

function nearestFirst(depths: Map<string, number>): string[] {
  return [...depths.keys()].sort((a, b) => depths.get(a)! - depths.get(b)! || compareStrings(a, b));
}

/** What `path` depends on, directly or transitively: nearest first, then by path. [] for an unknown path. */
export function dependenciesOf(graph: DependencyGraph, path: string): string[] {
  return nearestFirst(reach(graph, path, 'outbound'));
}

/** What depends on `path`, directly or transitively: nearest first, then by path. [] for an unknown path. */
export function dependentsOf(graph: DependencyGraph, path: string): string[] {
  return nearestFirst(reach(graph, path, 'inbound'));
}

/**
 * The shortest chain of dependencies from `from` to `to`, both included (`[from]` when they are
 * the same note), or null when `from` does not depend on `to` or either is not in the graph.
 *
 * graphology-shortest-path's `bidirectional` would fit, but it keeps its bookkeeping in plain
 * objects and walks back with a truthiness test, so it misses chains through a node keyed "" and
 * picks among equal chains by insertion order. Distances from graphology-traversal's BFS are exact
 * whatever the order, so walking back through predecessors one step closer gives a stable answer.
 */
export function shortestDependencyPath(graph: DependencyGraph, from: string, to: string): string[] | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return [from];

  const depths = new Map<string, number>();
  let targetDepth = Infinity;
  bfsFromNode(graph, from, (key, _attributes, depth) => {
    depths.set(key, depth);
    if (key === to) targetDepth = depth;
    // Nothing past the target's distance can be on a shortest chain to it: do not expand.
    return depth >= targetDepth;
  }, { mode: 'outbound' });
  if (!Number.isFinite(targetDepth)) return null;

  const chain = [to];
  let current = to;
  for (let depth = targetDepth - 1; depth >= 0; depth--) {
    let step: string | undefined;
    graph.forEachInNeighbor(current, (neighbour) => {
      if (depths.get(neighbour) === depth && (step === undefined || compareStrings(neighbour, step) < 0)) step = neighbour;
    });
    // Cannot happen with exact BFS distances; return nothing rather than a broken chain.
    if (step === undefined) return null;
    chain.push(step);
    current = step;
  }
  return chain.reverse();
}
