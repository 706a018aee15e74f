// Exposure: a protocol that depends, directly or through others, on negatively affected
// protocols carries their risk, even when its own flag is positive. Its own verdict stays its own;
// exposure is reported beside it, each with the dependency path that carries it.
//
// Paths go through negative protocols too: if a framework depends on io.net and io.net on another
// negative network, an app on that framework is exposed to both, and each is listed once with a
// shortest path. Among equally near targets, the smaller note path comes first, so the list and
// the summary's `nearest` agree on which negative protocol is nearest (their routes to it may be
// different ones of the same length).
import type { DependencyGraph } from '../graph/dependencyGraph';
import type { Exposure, Verdict } from '../model';
import { countReachableTargets } from './reach';

export type VerdictLookup = (path: string) => Verdict;

export interface ExposureSummary {
  /** How many distinct negatively affected protocols it depends on, directly or transitively. */
  count: number;
  /** One of the nearest of them; absent when `count` is 0. */
  nearest?: Exposure;
}

const isNegative = (verdict: Verdict) => verdict.value === 'negative';

/** Every negatively affected protocol `path` depends on, nearest first, each with a shortest path. */
export function exposureOf(graph: DependencyGraph, path: string, verdictOf: VerdictLookup): Exposure[] {
  if (!graph.hasNode(path)) return [];
  const cameFrom = new Map<string, string>([[path, path]]);
  const distance = new Map<string, number>([[path, 0]]);
  const queue = [path];
  const reached: Array<{ node: string; distance: number; verdict: Verdict }> = [];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const next = distance.get(node)! + 1;
    // Sorted, so the route chosen among equally short ones does not depend on insertion order.
    for (const dependency of graph.outNeighbors(node).sort(compareText)) {
      if (cameFrom.has(dependency)) continue;
      cameFrom.set(dependency, node);
      distance.set(dependency, next);
      queue.push(dependency);
      const verdict = verdictOf(dependency);
      if (isNegative(verdict)) reached.push({ node: dependency, distance: next, verdict });
    }
  }
  reached.sort((a, b) => a.distance - b.distance || compareText(a.node, b.node));
  return reached.map(({ node, verdict }) => {
    const route = [node];
    for (let at = node; at !== path; at = cameFrom.get(at)!) route.push(cameFrom.get(at)!);
    return { path: route.reverse(), verdict };
  });
}

/**
 * Exposure of every protocol at once, for colouring a large graph: the count of negatively
 * affected dependencies and the nearest one. The nearest comes from one breadth-first search
 * backwards from all negative protocols together, O(V + E); each protocol keeps its two nearest
 * distinct sources so a negative protocol can still find its nearest *other* negative one. The
 * count cannot come from the same search (see reach.ts for how it is made).
 */
export function exposureSummary(graph: DependencyGraph, verdictOf: VerdictLookup): Map<string, ExposureSummary> {
  // Sorted node and neighbour order makes every route independent of insertion order.
  const keys = graph.nodes().sort(compareText);
  const indexOf = new Map(keys.map((key, i) => [key, i]));
  const verdicts = keys.map((key) => verdictOf(key));
  const out = keys.map((key) => graph.outNeighbors(key).map((n) => indexOf.get(n)!).sort((a, b) => a - b));
  const counts = countReachableTargets(out, (v) => isNegative(verdicts[v]));
  const nearest = nearestTargets(out, keys, (v) => isNegative(verdicts[v]));

  const summary = new Map<string, ExposureSummary>();
  keys.forEach((key, v) => {
    const route = counts[v] > 0 ? nearest(v) : undefined;
    const last = route?.[route.length - 1];
    summary.set(key, {
      count: counts[v],
      ...(route && last !== undefined && { nearest: { path: route.map((i) => keys[i]), verdict: verdicts[last] } }),
    });
  });
  return summary;
}

/** Labels of the two-nearest-sources search: per node and slot, the source, and the next hop to it. */
function nearestTargets(out: number[][], keys: string[], isTarget: (v: number) => boolean): (v: number) => number[] | undefined {
  const n = out.length;
  const into: number[][] = Array.from({ length: n }, () => []);
  out.forEach((dependencies, v) => dependencies.forEach((w) => into[w].push(v)));
  const source = new Int32Array(2 * n).fill(-1);
  const hop = new Int32Array(2 * n).fill(-1);
  const queue = new Int32Array(2 * n);
  let tail = 0;
  // Seeding in note-path order makes ties between equally near targets go to the smaller path,
  // because the queue then stays ordered by (distance, source) level after level.
  const seeds = [...Array(n).keys()].filter(isTarget).sort((a, b) => compareText(keys[a], keys[b]));
  for (const s of seeds) {
    source[2 * s] = s;
    queue[tail++] = 2 * s;
  }
  for (let head = 0; head < tail; head++) {
    const label = queue[head];
    const from = label >> 1;
    const s = source[label];
    for (const p of into[from]) {
      if (source[2 * p] === s || source[2 * p + 1] === s) continue;
      const slot = source[2 * p] === -1 ? 2 * p : source[2 * p + 1] === -1 ? 2 * p + 1 : -1;
      if (slot === -1) continue;
      source[slot] = s;
      hop[slot] = from;
      queue[tail++] = slot;
    }
  }
  return (v) => {
    const slot = source[2 * v] !== -1 && source[2 * v] !== v ? 2 * v : source[2 * v + 1] !== -1 && source[2 * v + 1] !== v ? 2 * v + 1 : -1;
    if (slot === -1) return undefined;
    const target = source[slot];
    const route = [v];
    for (let at = v; at !== target; ) {
      at = hop[source[2 * at] === target ? 2 * at : 2 * at + 1];
      route.push(at);
    }
    return route;
  };
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
