// Graph algorithms on adjacency lists of node numbers, none of them recursive (dependency chains
// can be tens of thousands deep).

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
