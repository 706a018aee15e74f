// Graph algorithms on a snapshot's compressed rows, none of them recursive (dependency chains
// can be tens of thousands deep): strongly connected components, and the peeling that leaves
// only the nodes that may be on a cycle. Both linear in nodes and edges.
import type { GraphSnapshot } from './graphSnapshot';

/** Adjacency lists of node numbers, for algorithms on one small part of a graph (a cycle's loops). */
export type Adjacency = readonly (readonly number[])[];

type OutRows = Pick<GraphSnapshot, 'outStart' | 'outs'>;

/**
 * Strongly connected components, numbered so that a component only reaches components with
 * smaller numbers. With `within`, only the nodes it marks and the edges between them count (the
 * others get component -1). Tarjan's algorithm with its own call stack, on typed arrays.
 */
export function condense(graph: OutRows, within?: Uint8Array): { component: Int32Array; count: number } {
  const { outStart, outs } = graph;
  const n = outStart.length - 1;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const nextEdge = outStart.slice(0, n);
  const component = new Int32Array(n).fill(-1);
  // Each node enters each stack at most once, so n slots are enough for both.
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  let stackSize = 0;
  let depth = 0;
  let visited = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1 || (within && !within[root])) continue;
    order[root] = low[root] = visited++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    calls[depth++] = root;
    while (depth > 0) {
      const v = calls[depth - 1];
      if (nextEdge[v] < outStart[v + 1]) {
        const w = outs[nextEdge[v]++];
        if (within && !within[w]) continue;
        if (order[w] === -1) {
          order[w] = low[w] = visited++;
          stack[stackSize++] = w;
          onStack[w] = 1;
          calls[depth++] = w;
        } else if (onStack[w] && order[w] < low[v]) {
          low[v] = order[w];
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = calls[depth - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack[--stackSize];
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { component, count };
}

/**
 * Which nodes may be on a cycle of two or more: the others (no edge in, or no edge out, once such
 * nodes are removed, repeatedly; self-dependencies do not count) are peeled away. Linear, so a
 * 50,000-note tidy DAG costs a few milliseconds.
 */
export function withoutAcyclicEnds(graph: GraphSnapshot): Uint8Array {
  const { outStart, outs, inStart, ins } = graph;
  const count = outStart.length - 1;
  const outDegree = new Int32Array(count);
  const inDegree = new Int32Array(count);
  for (let v = 0; v < count; v++) {
    for (let k = outStart[v]; k < outStart[v + 1]; k++) {
      if (outs[k] === v) continue;
      outDegree[v]++;
      inDegree[outs[k]]++;
    }
  }
  const queue = new Int32Array(count);
  const alive = new Uint8Array(count).fill(1);
  let tail = 0;
  for (let i = 0; i < count; i++) {
    if (outDegree[i] === 0 || inDegree[i] === 0) {
      queue[tail++] = i;
      alive[i] = 0;
    }
  }
  for (let head = 0; head < tail; head++) {
    const node = queue[head];
    for (let k = outStart[node]; k < outStart[node + 1]; k++) {
      const next = outs[k];
      if (alive[next] && --inDegree[next] === 0) {
        alive[next] = 0;
        queue[tail++] = next;
      }
    }
    for (let k = inStart[node]; k < inStart[node + 1]; k++) {
      const previous = ins[k];
      if (alive[previous] && --outDegree[previous] === 0) {
        alive[previous] = 0;
        queue[tail++] = previous;
      }
    }
  }
  return alive;
}
