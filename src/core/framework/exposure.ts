// Exposure: a protocol that depends, directly or through others, on negatively affected
// protocols carries their risk, even when its own flag is positive. Its own verdict stays its own;
// exposure is reported beside it: how many negatively affected protocols it depends on, and the
// nearest few, each with one shortest dependency path that carries it.
//
// Paths go through negative protocols too: if a framework depends on io.net and io.net on another
// negative network, an app on that framework is exposed to both. Among equally near targets, the
// smaller note path comes first, everywhere: the table, the summary and the single-protocol list
// agree on which negative protocols are nearest (their routes to one may be different ones of the
// same length).
import type { DependencyGraph } from '../graph/dependencyGraph';
import { graphSnapshot, type GraphSnapshot } from '../graph/graphSnapshot';
import type { Exposure, Verdict } from '../vocabulary/model';
import { countReachableTargets } from './reach';

export type VerdictLookup = (path: string) => Verdict;

/** How many nearest negatively affected protocols a protocol's exposure names unless asked otherwise. */
export const DEFAULT_NEAREST = 3;

export interface ExposureSummary {
  /** How many distinct negatively affected protocols it depends on, directly or transitively. */
  count: number;
  /** One of the nearest of them; absent when `count` is 0. */
  nearest?: Exposure;
}

export interface ProtocolExposure {
  /** How many distinct negatively affected protocols it depends on, directly or transitively. */
  count: number;
  /** The nearest of them (at most the table's `nearest`), nearest first, ties by note path. */
  nearest: Exposure[];
}

/** The exposure of every protocol, from one pass over the graph. */
export interface ExposureTable {
  /** How many nearest negative protocols it keeps per protocol (`Infinity`: all of them). */
  readonly nearest: number;
  /** A protocol's exposure, naming at most `nearest` (≤ the table's) of the nearest; empty for unknown paths. */
  of(path: string, nearest?: number): ProtocolExposure;
}

const isNegative = (verdict: Verdict) => verdict.value === 'negative';

/**
 * Every negatively affected protocol `path` depends on, nearest first, each with a shortest path:
 * one breadth-first search, for one protocol. For many protocols, ask an `exposureTable`.
 * `limit` bounds the routes built (the nearest first), not the search.
 */
export function exposureOf(graph: DependencyGraph, path: string, verdictOf: VerdictLookup, limit = Infinity): Exposure[] {
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
  return reached.slice(0, limit).map(({ node, verdict }) => {
    const route = [node];
    for (let at = node; at !== path; at = cameFrom.get(at)!) route.push(cameFrom.get(at)!);
    return { path: route.reverse(), verdict };
  });
}

/**
 * Exposure of every protocol at once, in time linear in the graph for a fixed `nearest`: the count
 * of negatively affected dependencies (see reach.ts) and the `nearest` nearest of them, from one
 * breadth-first search backwards from all negative protocols together (see `nearestSources`).
 * `nearest: Infinity` keeps all of them, in time and memory proportional to that output.
 * Paths are built only when a protocol's exposure is asked for. With `region`, only its protocols
 * are covered (see liveExposure.ts, which patches a table after an edit that way).
 */
export function exposureTable(graph: DependencyGraph, verdictOf: VerdictLookup, nearest = DEFAULT_NEAREST, region?: Iterable<string>): ExposureTable {
  const keep = nearest >= 1 ? Math.floor(nearest) : 1;
  // Sorted node and neighbour order makes every route independent of insertion order, and makes
  // a node's index its rank in note-path order, the tie-break between equally near sources.
  // A region (every protocol in it depends only on protocols in it) gives its protocols the same
  // exposure as the whole graph would: labels only ever travel from a protocol to its dependents,
  // and the relative rank of two protocols is the same in both.
  const snapshot = graphSnapshot(graph, (region ? [...region] : graph.nodes()).sort(compareText));
  const { keys, idOf } = snapshot;
  const verdicts = keys.map((key) => verdictOf(key));
  const negative = (v: number) => isNegative(verdicts[v]);
  const counts = countReachableTargets(snapshot, negative);
  const sources = nearestSources(snapshot, negative, keep);

  return {
    nearest: keep,
    of(path, wanted = keep) {
      const v = idOf.get(path);
      if (v === undefined) return { count: 0, nearest: [] };
      const routes = sources.routes(v, wanted >= 1 ? Math.min(keep, Math.floor(wanted)) : keep);
      return {
        count: counts[v],
        nearest: routes.map((route) => ({ path: route.map((i) => keys[i]), verdict: verdicts[route[route.length - 1]] })),
      };
    },
  };
}

/** The summary of the protocols at `paths`, read from a table computed once. */
export function summaryOf(table: ExposureTable, paths: Iterable<string>): Map<string, ExposureSummary> {
  const summary = new Map<string, ExposureSummary>();
  for (const path of paths) {
    const { count, nearest } = table.of(path, 1);
    summary.set(path, { count, ...(nearest.length > 0 && { nearest: nearest[0] }) });
  }
  return summary;
}

/**
 * The K nearest distinct targets of every node along `out`, with one shortest route to each, by
 * one breadth-first search backwards from all targets at once. A label is (node, source, the label
 * one hop nearer the source); a node accepts at most K + 1 labels, one per source, so a target,
 * whose own label takes a slot at distance 0, still keeps its K nearest *other* targets.
 *
 * Why a node's accepted sources are exactly its K + 1 nearest, in (distance, rank) order, where
 * rank is the index, i.e. note-path order (a target counts as its own nearest, at distance 0):
 * 1. The queue is ordered by (distance, source rank). The seeds are pushed in rank order at
 *    distance 0; the labels at distance d + 1 are pushed while those at distance d are popped, in
 *    their order, each inheriting its parent's source; so they come out in rank order too.
 * 2. Hence the offers to one node arrive in (distance, rank) order, and no label's distance is
 *    below the true one (it is the length of a real route).
 * 3. Let s be among v's K + 1 nearest, at distance d, and take a shortest route v … w u … s with
 *    w the node nearest s on it not labelled with s at its true distance, if any. The next node u
 *    is so labelled (it is s, or lies after w), so when u's label was popped w was offered s at its
 *    true distance; w did not hold s already (a shorter label is impossible, an equal one is what w
 *    lacks), so it was full: K + 1 other sources t, offered earlier, so before s in (dist(w, ·),
 *    rank) order. Every such t is as near to v: dist(v, t) ≤ dist(v, w) + dist(w, t) ≤ dist(v, s),
 *    the smaller rank breaking a tie; so v has K + 1 sources before s, and s is not among its K + 1
 *    nearest. So there is no such w: v itself holds s, at distance d. (The argument needs the same
 *    capacity at w as at v, and a target spends a slot on itself: hence K + 1 slots everywhere.)
 * So a node's labels, in acceptance order, are its nearest sources in (distance, rank) order, each
 * at its true distance, and following the parent labels walks a shortest route to the source.
 * Work: at most K + 1 labels per node, each popped once and offered along its node's incoming
 * edges: O((K + 1) · (V + E)); for K = ∞ the labels are the output itself.
 */
function nearestSources(graph: GraphSnapshot, isTarget: (v: number) => boolean, keep: number): { routes(v: number, nearest: number): number[][] } {
  const { inStart, ins } = graph;
  const n = graph.keys.length;
  const slots = keep + 1;
  // Labels in the order they were queued: these arrays are the queue itself.
  const labelNode: number[] = [];
  const labelSource: number[] = [];
  const labelParent: number[] = [];
  // Each node's labels as a linked list in acceptance order, i.e. nearest first.
  const labelNext: number[] = [];
  const first = new Int32Array(n).fill(-1);
  const last = new Int32Array(n).fill(-1);
  const filled = new Int32Array(n);
  const has = sourceMembership(n, isTarget, slots, first, labelNext, labelSource);
  const accept = (v: number, s: number, parent: number) => {
    const label = labelNode.length;
    labelNode.push(v);
    labelSource.push(s);
    labelParent.push(parent);
    labelNext.push(-1);
    if (last[v] === -1) first[v] = label;
    else labelNext[last[v]] = label;
    last[v] = label;
    filled[v]++;
    has.add(v, s);
  };
  for (let v = 0; v < n; v++) if (isTarget(v)) accept(v, v, -1);
  for (let label = 0; label < labelNode.length; label++) {
    const from = labelNode[label];
    const s = labelSource[label];
    for (let k = inStart[from]; k < inStart[from + 1]; k++) {
      const p = ins[k];
      if (filled[p] >= slots || has.test(p, s)) continue;
      accept(p, s, label);
    }
  }
  return {
    routes(v, nearest) {
      const routes: number[][] = [];
      for (let label = first[v]; label !== -1 && routes.length < nearest; label = labelNext[label]) {
        if (labelSource[label] === v) continue;
        const route: number[] = [];
        for (let at = label; at !== -1; at = labelParent[at]) route.push(labelNode[at]);
        routes.push(route);
      }
      return routes;
    },
  };
}

/**
 * Whether a node already holds a source. A few slots are cheaper to scan than to index; many
 * (up to all) take a bitset per node over the targets, V · T / 32 words, as reach.ts does.
 */
function sourceMembership(
  n: number,
  isTarget: (v: number) => boolean,
  slots: number,
  first: Int32Array,
  labelNext: number[],
  labelSource: number[],
): { test(v: number, s: number): boolean; add(v: number, s: number): void } {
  if (slots <= 8) {
    return {
      test(v, s) {
        for (let label = first[v]; label !== -1; label = labelNext[label]) if (labelSource[label] === s) return true;
        return false;
      },
      add() {},
    };
  }
  const bit = new Int32Array(n).fill(-1);
  let targets = 0;
  for (let v = 0; v < n; v++) if (isTarget(v)) bit[v] = targets++;
  const words = Math.ceil(targets / 32);
  const sets = new Uint32Array(n * words);
  return {
    test: (v, s) => (sets[v * words + (bit[s] >>> 5)] & (1 << (bit[s] & 31))) !== 0,
    add(v, s) {
      sets[v * words + (bit[s] >>> 5)] |= 1 << (bit[s] & 31);
    },
  };
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
