// The dependency graph as integers, for the algorithms whose inner loops run over every edge
// (components and cycles, exposure, the layered layout): graphology looks nodes up by string key,
// several times slower than reading flat typed arrays. A snapshot is made when one of them runs
// and never kept in step with edits: each keeps its own incremental state, by path, and asks for
// a snapshot of the part of the graph an edit can change.
import type { DependencyGraph } from './dependencyGraph';

/** The graph (or part of it) at one moment: node i is `keys[i]`, neighbours in compressed rows. */
export interface GraphSnapshot {
  readonly keys: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
  /** Node v depends on outs[outStart[v] .. outStart[v + 1]), in ascending order. */
  readonly outStart: Int32Array;
  readonly outs: Int32Array;
  /** Node v's dependents are ins[inStart[v] .. inStart[v + 1]), in ascending order. */
  readonly inStart: Int32Array;
  readonly ins: Int32Array;
}

/**
 * The graph's nodes, numbered in the order of `nodes` (all of the graph, in its own order, when not
 * given), and the edges among them, self-dependencies included. `nodes` must be keys of the graph;
 * a key given twice keeps its first number. Neighbour lists are sorted by number, so whatever
 * depends on the order of neighbours depends only on the numbering, never on the order edges were
 * added in.
 */
export function graphSnapshot(graph: DependencyGraph, nodes?: Iterable<string>): GraphSnapshot {
  const idOf = new Map<string, number>();
  const keys: string[] = [];
  for (const key of nodes ?? graph.nodes()) {
    if (idOf.has(key)) continue;
    idOf.set(key, keys.length);
    keys.push(key);
  }
  // Typed arrays on both paths: a part of the graph (after an edit) then runs the code the whole
  // graph's first build optimised, instead of undoing it with another type of array.
  if (keys.length === graph.order) {
    // One pass over the edge list is several times cheaper than asking each node for its neighbours.
    const from = new Int32Array(graph.size);
    const to = new Int32Array(graph.size);
    let e = 0;
    graph.forEachEdge((_edge, _attributes, source, target) => {
      from[e] = idOf.get(source) as number;
      to[e++] = idOf.get(target) as number;
    });
    return { keys, idOf, ...sortedRows(keys.length, from, to, e) };
  }
  let most = 0;
  for (const key of keys) most += graph.outDegree(key);
  const from = new Int32Array(most);
  const to = new Int32Array(most);
  let e = 0;
  for (let v = 0; v < keys.length; v++) {
    graph.forEachOutNeighbor(keys[v], (target) => {
      const t = idOf.get(target);
      if (t === undefined) return;
      from[e] = v;
      to[e++] = t;
    });
  }
  return { keys, idOf, ...sortedRows(keys.length, from, to, e) };
}

/**
 * Both directions of the first `edges` edges `from[e] -> to[e]` as compressed rows, each row
 * sorted: bucketing the edges by target, then reading the buckets in order into rows by source,
 * sorts every out-row (and reading those back sorts every in-row), in linear time.
 */
function sortedRows(n: number, from: Int32Array, to: Int32Array, edges: number): Pick<GraphSnapshot, 'outStart' | 'outs' | 'inStart' | 'ins'> {
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < edges; e++) {
    outStart[from[e] + 1]++;
    inStart[to[e] + 1]++;
  }
  for (let v = 0; v < n; v++) {
    outStart[v + 1] += outStart[v];
    inStart[v + 1] += inStart[v];
  }
  const ins = new Int32Array(edges);
  const outs = new Int32Array(edges);
  const inFill = inStart.slice(0, n);
  for (let e = 0; e < edges; e++) ins[inFill[to[e]]++] = from[e];
  const outFill = outStart.slice(0, n);
  for (let t = 0; t < n; t++) for (let k = inStart[t]; k < inStart[t + 1]; k++) outs[outFill[ins[k]]++] = t;
  inFill.set(inStart.subarray(0, n));
  for (let s = 0; s < n; s++) for (let k = outStart[s]; k < outStart[s + 1]; k++) ins[inFill[outs[k]]++] = s;
  return { outStart, outs, inStart, ins };
}
