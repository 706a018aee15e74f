// A short closed walk through every node of a strongly connected graph, for cycle messages that
// show a loop through each note of a 29,000-note cycle: linear in the graph over all nodes, and
// never recursive.
import type { Adjacency } from './components';

/** A closed walk, whole when `tail` is empty, else its first and last nodes with the middle left out. */
export interface WalkSketch {
  /** Edges along the walk. */
  readonly steps: number;
  /** The walk from its start: all `steps + 1` nodes when `tail` is empty, else the first few. */
  readonly head: readonly number[];
  /** The last few nodes, ending back at the start; empty when `head` is the whole walk. */
  readonly tail: readonly number[];
}

/** How far a search for a short cycle through one node may look (edges), before the tree walk is used. */
const LOCAL_SEARCH_EDGES = 32;
/** The most nodes a sketch shows at either end; the near-root lists below hold this many. */
const MAX_END = 8;

/**
 * A closed walk through every node of one strongly connected graph (nodes 0..n-1, no self
 * loops), each node's found in amortised constant time. Two breadth-first trees from node 0, one
 * along the edges and one against them, give every node v the walk v → … → 0 → … → v. A bounded
 * search from v first looks for a shorter cycle nearby; when one is found it is a shortest
 * cycle through v. Ties always go to the smaller node number, so the walks depend only on the
 * graph and its numbering, never on the order edges were listed in.
 */
export class ClosedWalks {
  private readonly into: number[][];
  /** Distance 0 → v, and the node before v on the chosen shortest path 0 → v (against the edges). */
  private readonly fromRoot: Int32Array;
  private readonly before: Int32Array;
  /** Distance v → 0, and the node after v on the chosen shortest path v → 0. */
  private readonly toRoot: Int32Array;
  private readonly after: Int32Array;
  /** The first nodes after 0 on the path 0 → v, and the last before 0 on v → 0 (from 0 outward). */
  private readonly nearRootFrom: number[][];
  private readonly nearRootTo: number[][];
  /** The in-neighbour u of 0 with the shortest 0 → u: the root's own loop is 0 → … → u → 0. */
  private readonly rootReturn: number;
  // Scratch space for the bounded searches, stamped per search so it is never cleared.
  private readonly seen: Int32Array;
  private readonly layers = new Int32Array(LOCAL_SEARCH_EDGES + 1);
  private readonly starts = new Int32Array(LOCAL_SEARCH_EDGES + 3);
  private stamp = 0;

  constructor(private readonly out: Adjacency) {
    const n = out.length;
    this.into = Array.from({ length: n }, () => []);
    for (let v = 0; v < n; v++) for (const w of out[v]) this.into[w].push(v);
    const forward = treeFromRoot(out, this.into);
    const backward = treeFromRoot(this.into, out);
    this.fromRoot = forward.depth;
    this.before = forward.parent;
    this.nearRootFrom = forward.nearRoot;
    this.toRoot = backward.depth;
    this.after = backward.parent;
    this.nearRootTo = backward.nearRoot;
    let best = -1;
    for (const u of this.into[0]) if (best === -1 || this.fromRoot[u] < this.fromRoot[best] || (this.fromRoot[u] === this.fromRoot[best] && u < best)) best = u;
    if (best === -1) throw new RangeError('ClosedWalks needs a strongly connected graph of two or more nodes.');
    this.rootReturn = best;
    this.seen = new Int32Array(n);
  }

  /** The walk through `v`, whole when it has at most `headSize + tailSize + 1` nodes, else sketched. */
  sketch(v: number, headSize: number, tailSize: number): WalkSketch {
    if (headSize < 1 || tailSize < 1 || headSize > MAX_END || tailSize > MAX_END) throw new RangeError(`A sketch shows 1 to ${MAX_END} nodes at each end.`);
    const local = this.localCycle(v);
    const steps = local ? local.length - 1 : this.treeSteps(v);
    if (steps + 1 <= headSize + tailSize + 1) return { steps, head: local ?? this.treeWalk(v), tail: [] };
    if (local) return { steps, head: local.slice(0, headSize), tail: local.slice(-tailSize) };
    return { steps, head: this.treeHead(v, headSize), tail: this.treeTail(v, tailSize) };
  }

  /** The whole walk through `v`, from `v` back to it (as long as the walk: for checking and short walks). */
  walk(v: number): number[] {
    return this.localCycle(v) ?? this.treeWalk(v);
  }

  private treeSteps(v: number): number {
    return v === 0 ? this.fromRoot[this.rootReturn] + 1 : this.toRoot[v] + this.fromRoot[v];
  }

  /** v → … → 0 → … → v along the two trees (for 0 itself: 0 → … → u → 0). */
  private treeWalk(v: number): number[] {
    const walk: number[] = [];
    if (v === 0) {
      this.pathFromRoot(this.rootReturn, walk);
      walk.push(0);
      return walk;
    }
    for (let x = v; x !== 0; x = this.after[x]) walk.push(x);
    this.pathFromRoot(v, walk);
    return walk;
  }

  /** Appends 0 → … → v. */
  private pathFromRoot(v: number, walk: number[]): void {
    const start = walk.length;
    for (let x = v; x !== 0; x = this.before[x]) walk.push(x);
    walk.push(0);
    reverseFrom(walk, start);
  }

  /** The first `size` nodes of the (long) tree walk through v, without walking all of it. */
  private treeHead(v: number, size: number): number[] {
    if (v === 0) return [0, ...this.nearRootFrom[this.rootReturn].slice(0, size - 1)];
    const head: number[] = [];
    let x = v;
    while (head.length < size && x !== 0) {
      head.push(x);
      x = this.after[x];
    }
    if (head.length < size) head.push(0);
    // Past the root the walk follows 0 → … → v, whose first nodes are kept for every v.
    if (head.length < size) head.push(...this.nearRootFrom[v].slice(0, size - head.length));
    return head;
  }

  /** The last `size` nodes of the (long) tree walk through v, ending at v. */
  private treeTail(v: number, size: number): number[] {
    const tail: number[] = [];
    if (v === 0) {
      tail.push(0);
      for (let x = this.rootReturn; tail.length < size; x = this.before[x]) tail.push(x);
      return tail.reverse();
    }
    for (let x = v; tail.length < size && x !== 0; x = this.before[x]) tail.push(x);
    // Before 0 → … → v the walk came v → … → 0, whose last nodes before 0 are kept for every v.
    if (tail.length < size) tail.push(0);
    const nearRoot = this.nearRootTo[v];
    for (let i = 0; tail.length < size; i++) tail.push(nearRoot[i]);
    return tail.reverse();
  }

  /**
   * A shortest cycle through v, if one shorter than the tree walk lies within a small search.
   * Breadth-first, a whole layer at a time; the path back is then chosen by node number, so
   * neither where the search stops nor the cycle it finds depends on the adjacency lists' order.
   */
  private localCycle(v: number): number[] | undefined {
    const limit = this.treeSteps(v);
    if (limit <= 2) return undefined; // no cycle is shorter than two steps
    const stamp = ++this.stamp;
    // Every node but v is found through an edge the budget paid for, and every layer holds one.
    const { seen, layers, starts, out } = this;
    seen[v] = stamp;
    layers[0] = v;
    starts[0] = 0;
    starts[1] = 1;
    let found = 1;
    let budget = LOCAL_SEARCH_EDGES;
    // A cycle found from layer `depth` has depth + 1 steps: worth it only below the tree walk's.
    for (let depth = 0; depth + 1 < limit; depth++) {
      const start = starts[depth];
      const end = starts[depth + 1];
      if (start === end) return undefined;
      for (let i = start; i < end; i++) budget -= out[layers[i]].length;
      if (budget < 0) return undefined;
      let last = -1;
      for (let i = start; i < end; i++) {
        const x = layers[i];
        const targets = out[x];
        for (let k = 0; k < targets.length; k++) {
          const w = targets[k];
          if (w === v) {
            if (last === -1 || x < last) last = x;
          } else if (seen[w] !== stamp) {
            seen[w] = stamp;
            layers[found++] = w;
          }
        }
      }
      if (last !== -1) return this.cycleBack(v, last, depth);
      starts[depth + 2] = found;
    }
    return undefined;
  }

  /** v → … → last → v, `last` in layer `depth`; each earlier step the smallest node of its layer with an edge to the next. */
  private cycleBack(v: number, last: number, depth: number): number[] {
    const cycle = new Array<number>(depth + 2);
    cycle[0] = v;
    cycle[depth] = last;
    cycle[depth + 1] = v;
    for (let k = depth - 1; k >= 1; k--) {
      let best = -1;
      for (let i = this.starts[k]; i < this.starts[k + 1]; i++) {
        const y = this.layers[i];
        if ((best === -1 || y < best) && this.out[y].includes(cycle[k + 1])) best = y;
      }
      cycle[k] = best;
    }
    return cycle;
  }

}

/**
 * A breadth-first tree from node 0 along `edges`: each node's depth, its parent (the smallest
 * node one step nearer 0 with an edge to it, so ties never depend on list order) and the nodes
 * at depths 1..MAX_END on its path from 0 (shared with its parent once deeper than that).
 */
function treeFromRoot(edges: Adjacency, reverse: Adjacency): { depth: Int32Array; parent: Int32Array; nearRoot: number[][] } {
  const n = edges.length;
  const depth = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  depth[0] = 0;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const x = queue[head];
    for (const w of edges[x]) {
      if (depth[w] !== -1) continue;
      depth[w] = depth[x] + 1;
      queue[tail++] = w;
    }
  }
  const none: number[] = [];
  const nearRoot: number[][] = new Array<number[]>(n).fill(none);
  for (let i = 1; i < tail; i++) {
    const x = queue[i];
    let best = -1;
    for (const u of reverse[x]) if (depth[u] === depth[x] - 1 && (best === -1 || u < best)) best = u;
    parent[x] = best;
    // Parents come earlier in the queue (one layer nearer), so theirs are already filled in.
    nearRoot[x] = depth[x] <= MAX_END ? [...nearRoot[best], x] : nearRoot[best];
  }
  if (tail !== n) throw new RangeError('ClosedWalks needs a strongly connected graph.');
  return { depth, parent, nearRoot };
}

function reverseFrom(list: number[], start: number): void {
  for (let i = start, j = list.length - 1; i < j; i++, j--) [list[i], list[j]] = [list[j], list[i]];
}
