// Which protocols an index change can touch, so the tree and the graph redraw those and no
// others. A protocol's exposure (how many negatively affected protocols it depends on, the
// nearest one and the names along the way) is a function of what it can reach: only a changed
// note and the notes that depend on it, directly or transitively, can see a different exposure.
// The same holds for how ties between equally near protocols are broken, as long as the exposure
// search only ever looks downstream (a multi-source search from the negative protocols over the
// reversed edges discovers a protocol only from protocols it depends on).
import type { IndexChange } from '../vocabulary/protocol';
import type { DependencyGraph } from './dependencyGraph';

/**
 * The notes whose own data or dependencies a change altered: added, updated and removed notes,
 * and the dependent end of each added or removed edge (what it points to reaches as before).
 */
export function changedPaths(changes: Iterable<IndexChange>): Set<string> {
  const paths = new Set<string>();
  for (const change of changes) {
    for (const path of change.added) paths.add(path);
    for (const path of change.updated) paths.add(path);
    for (const path of change.removed) paths.add(path);
    for (const [from] of change.edgesAdded) paths.add(from);
    for (const [from] of change.edgesRemoved) paths.add(from);
  }
  return paths;
}

/**
 * The seeds and every protocol that depends on one of them, in the graph as it is now. A removed
 * note is no longer in the graph; the notes that depended on it are seeds themselves (they are
 * the sources of the edges the change removed).
 */
export function dependentsClosure(graph: DependencyGraph, seeds: Iterable<string>): Set<string> {
  return closure(graph, seeds, (path, visit) => graph.forEachInNeighbor(path, visit));
}

/** The seeds and every protocol one of them depends on, directly or transitively. */
export function dependenciesClosure(graph: DependencyGraph, seeds: Iterable<string>): Set<string> {
  return closure(graph, seeds, (path, visit) => graph.forEachOutNeighbor(path, visit));
}

function closure(graph: DependencyGraph, seeds: Iterable<string>, neighbours: (path: string, visit: (next: string) => void) => void): Set<string> {
  const reached = new Set<string>();
  const queue: string[] = [];
  const visit = (path: string): void => {
    if (reached.has(path)) return;
    reached.add(path);
    queue.push(path);
  };
  for (const seed of seeds) if (graph.hasNode(seed)) visit(seed);
  for (let head = 0; head < queue.length; head++) neighbours(queue[head], visit);
  return reached;
}
