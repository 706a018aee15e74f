// Graph algorithms on adjacency lists of node numbers, none of them recursive (dependency chains
// can be tens of thousands deep): strongly connected components, and the peeling that leaves
// only the nodes that may be on a cycle. Both linear in nodes and edges.

export type Adjacency = readonly (readonly number[])[];

/**
 * Strongly connected components of `out` (adjacency lists of node indices), numbered so that a
 * component only reaches components with smaller numbers. Tarjan's algorithm with its own call stack.
 */
export function condense(out: Adjacency): { component: Int32Array; count: number } {
  const n = out.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const nextEdge = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const calls: number[] = [];
  let visited = 0;
  let count = 0;
  const enter = (v: number) => {
    order[v] = low[v] = visited++;
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (calls.length > 0) {
      const v = calls[calls.length - 1];
      if (nextEdge[v] < out[v].length) {
        const w = out[v][nextEdge[v]++];
        if (order[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v], order[w]);
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const parent = calls[calls.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
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
 * Which nodes may be on a cycle: the others (no edge in, or no edge out, once such nodes are
 * removed, repeatedly) are peeled away. Edges are given as two parallel lists of node numbers
 * without self loops. Linear, on flat arrays (compressed rows), so a 50,000-note tidy DAG costs
 * a few milliseconds.
 */
export function withoutAcyclicEnds(count: number, from: readonly number[], to: readonly number[]): Uint8Array {
  const edges = from.length;
  const outStart = new Int32Array(count + 1);
  const inStart = new Int32Array(count + 1);
  for (let e = 0; e < edges; e++) {
    outStart[from[e] + 1]++;
    inStart[to[e] + 1]++;
  }
  for (let i = 0; i < count; i++) {
    outStart[i + 1] += outStart[i];
    inStart[i + 1] += inStart[i];
  }
  const outs = new Int32Array(edges);
  const ins = new Int32Array(edges);
  const outFill = outStart.slice(0, count);
  const inFill = inStart.slice(0, count);
  for (let e = 0; e < edges; e++) {
    outs[outFill[from[e]]++] = to[e];
    ins[inFill[to[e]]++] = from[e];
  }
  const outDegree = new Int32Array(count);
  const inDegree = new Int32Array(count);
  const queue = new Int32Array(count);
  const alive = new Uint8Array(count).fill(1);
  let tail = 0;
  for (let i = 0; i < count; i++) {
    outDegree[i] = outStart[i + 1] - outStart[i];
    inDegree[i] = inStart[i + 1] - inStart[i];
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
