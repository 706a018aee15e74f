import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stronglyConnectedComponents } from 'graphology-components';
import { condense, withoutAcyclicEnds } from '../../../src/core/graph/components';
import { createDependencyGraph, type DependencyGraph } from '../../../src/core/graph/dependencyGraph';
import { graphSnapshot, type GraphSnapshot } from '../../../src/core/graph/graphSnapshot';

function graphOf(size: number, edges: ReadonlyArray<readonly [number, number]>): DependencyGraph {
  const graph = createDependencyGraph();
  for (let i = 0; i < size; i++) graph.addNode(`n${i}`, { name: `N${i}`, layer: 'unclassified' });
  for (const [from, to] of edges) graph.mergeEdge(`n${from}`, `n${to}`);
  return graph;
}

/** Compressed rows straight from an edge list, without a graphology graph (for the largest graphs). */
function rowsOf(size: number, edges: ReadonlyArray<readonly [number, number]>): GraphSnapshot {
  const outStart = new Int32Array(size + 1);
  const inStart = new Int32Array(size + 1);
  for (const [from, to] of edges) {
    outStart[from + 1]++;
    inStart[to + 1]++;
  }
  for (let v = 0; v < size; v++) {
    outStart[v + 1] += outStart[v];
    inStart[v + 1] += inStart[v];
  }
  const outs = new Int32Array(edges.length);
  const ins = new Int32Array(edges.length);
  const outFill = outStart.slice(0, size);
  const inFill = inStart.slice(0, size);
  for (const [from, to] of edges) {
    outs[outFill[from]++] = to;
    ins[inFill[to]++] = from;
  }
  const keys = Array.from({ length: size }, (_, i) => `n${i}`);
  return { keys, idOf: new Map(keys.map((key, i) => [key, i])), outStart, outs, inStart, ins };
}

/** The partition into components, as sorted lists of keys, sorted: comparable whatever the numbering. */
function partition(keys: readonly string[], component: Int32Array): string[][] {
  const groups = new Map<number, string[]>();
  component.forEach((c, v) => {
    if (c === -1) return;
    const group = groups.get(c);
    if (group) group.push(keys[v]);
    else groups.set(c, [keys[v]]);
  });
  return [...groups.values()].map((group) => group.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Every edge goes to the same component or one with a smaller number: dependencies come first. */
function assertDependenciesFirst(snapshot: GraphSnapshot, component: Int32Array): void {
  for (let v = 0; v < snapshot.keys.length; v++) {
    for (let k = snapshot.outStart[v]; k < snapshot.outStart[v + 1]; k++) {
      const w = snapshot.outs[k];
      if (component[v] === -1 || component[w] === -1) continue;
      assert.ok(component[w] <= component[v], `${snapshot.keys[v]} → ${snapshot.keys[w]}`);
    }
  }
}

const randomGraph = fc.integer({ min: 0, max: 40 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    edges: size === 0 ? fc.constant<Array<[number, number]>>([]) : fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 }),
  }),
);

describe('strongly connected components (condense)', () => {
  it('partitions every graph as graphology does, numbering dependencies first (property)', () => {
    fc.assert(
      fc.property(randomGraph, ({ size, edges }) => {
        const graph = graphOf(size, edges);
        const snapshot = graphSnapshot(graph);
        const { component, count } = condense(snapshot);
        assert.equal(new Set(component).size, count);
        assert.deepEqual(partition(snapshot.keys, component), stronglyConnectedComponents(graph).map((group) => group.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
        assertDependenciesFirst(snapshot, component);
      }),
      { numRuns: 500 },
    );
  });

  it('within a set of nodes, partitions only them, following only the edges between them (property)', () => {
    fc.assert(
      fc.property(randomGraph, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), ({ size, edges }, kept) => {
        const graph = graphOf(size, edges);
        const snapshot = graphSnapshot(graph);
        const within = Uint8Array.from(snapshot.keys, (_, v) => (kept[v] ? 1 : 0));
        const { component } = condense(snapshot, within);
        const sub = graphOf(size, edges.filter(([from, to]) => kept[from] && kept[to]));
        for (const key of sub.nodes()) if (!kept[Number(key.slice(1))]) sub.dropNode(key);
        snapshot.keys.forEach((key, v) => assert.equal(component[v] === -1, !within[v], key));
        assert.deepEqual(partition(snapshot.keys, component), stronglyConnectedComponents(sub).map((group) => group.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
        assertDependenciesFirst(snapshot, component);
      }),
      { numRuns: 300 },
    );
  });

  it('has nothing to do on an empty graph', () => {
    assert.deepEqual(condense(graphSnapshot(createDependencyGraph())), { component: new Int32Array(0), count: 0 });
  });

  it('leaves a self-dependency a component of its own, and joins nothing by it', () => {
    const snapshot = graphSnapshot(graphOf(3, [[0, 0], [0, 1], [1, 1], [2, 2]]));
    const { component, count } = condense(snapshot);
    assert.equal(count, 3);
    assert.ok(component[1] < component[0], 'n1 is a dependency of n0');
  });

  it('walks a 100,000-long chain without recursion, one component a note, dependencies first', () => {
    const length = 100_000;
    const rows = rowsOf(length, Array.from({ length: length - 1 }, (_, i) => [i, i + 1] as const));
    const { component, count } = condense(rows);
    assert.equal(count, length);
    for (let i = 0; i + 1 < length; i++) assert.equal(component[i], component[i + 1] + 1);
  });

  it('finds one component in a 100,000-long ring, and in a 9,000-note tangle inside a 50,000-note vault', function () {
    this.timeout(30_000);
    const ring = 100_000;
    const around = condense(rowsOf(ring, Array.from({ length: ring }, (_, i) => [i, (i + 1) % ring] as const)));
    assert.equal(around.count, 1);
    assert.ok(around.component.every((c) => c === 0));

    // Notes 0..8,999 on a ring with two pseudo-random chords each; the other 41,000 depend on them.
    const size = 50_000;
    const tangle = 9_000;
    let seed = 7;
    const random = (below: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below;
    const edges: Array<[number, number]> = [];
    for (let i = 0; i < tangle; i++) edges.push([i, (i + 1) % tangle], [i, random(tangle)], [i, random(tangle)]);
    for (let i = tangle; i < size; i++) edges.push([i, random(i)], [i, random(i)]);
    const rows = rowsOf(size, edges);
    const { component, count } = condense(rows);
    assert.equal(count, size - tangle + 1);
    for (let i = 1; i < tangle; i++) assert.equal(component[i], component[0]);
    assertDependenciesFirst(rows, component);
  });
});

describe('peeling acyclic ends (withoutAcyclicEnds)', () => {
  it('keeps exactly the notes on a cycle of two or more (property)', () => {
    fc.assert(
      fc.property(randomGraph, ({ size, edges }) => {
        const graph = graphOf(size, edges);
        const snapshot = graphSnapshot(graph);
        const onCycle = withoutAcyclicEnds(snapshot);
        // Peeling may keep notes between cycles, never one whose component is a single note.
        const { component } = condense(snapshot);
        const sizes = new Map<number, number>();
        component.forEach((c) => sizes.set(c, (sizes.get(c) ?? 0) + 1));
        snapshot.keys.forEach((key, v) => {
          if ((sizes.get(component[v]) ?? 0) > 1) assert.equal(onCycle[v], 1, `${key} is on a cycle`);
        });
        const kept = partition(snapshot.keys, condense(snapshot, onCycle).component).filter((group) => group.length > 1);
        assert.deepEqual(kept, partition(snapshot.keys, component).filter((group) => group.length > 1));
      }),
      { numRuns: 300 },
    );
  });

  it('peels a 100,000-long chain with self-dependencies down to nothing', () => {
    const length = 100_000;
    const edges = Array.from({ length: length - 1 }, (_, i) => [i, i + 1] as const);
    const rows = rowsOf(length, [...edges, ...Array.from({ length }, (_, i) => [i, i] as const)]);
    assert.ok(withoutAcyclicEnds(rows).every((alive) => alive === 0));
  });
});

describe('graph snapshot', () => {
  it('numbers the nodes in the order given and lists each edge once each way, rows sorted, self-dependencies kept', () => {
    const graph = createDependencyGraph();
    for (const key of ['c', 'a', 'b', 'd']) graph.addNode(key, { name: key, layer: 'unclassified' });
    for (const [from, to] of [['c', 'a'], ['a', 'b'], ['c', 'b'], ['b', 'b'], ['d', 'c'], ['b', 'a']]) graph.addEdge(from, to);
    const rows = (snapshot: GraphSnapshot, start: Int32Array, list: Int32Array): string[][] =>
      snapshot.keys.map((_, v) => [...list.subarray(start[v], start[v + 1])].map((w) => snapshot.keys[w]));

    const all = graphSnapshot(graph, ['a', 'b', 'c', 'd', 'a']);
    assert.deepEqual(all.keys, ['a', 'b', 'c', 'd']);
    assert.deepEqual([...all.idOf], [['a', 0], ['b', 1], ['c', 2], ['d', 3]]);
    assert.deepEqual(rows(all, all.outStart, all.outs), [['b'], ['a', 'b'], ['a', 'b'], ['c']]);
    assert.deepEqual(rows(all, all.inStart, all.ins), [['b', 'c'], ['a', 'b', 'c'], ['d'], []]);

    assert.deepEqual(graphSnapshot(graph).keys, ['c', 'a', 'b', 'd'], "the graph's own order when none is given");

    const part = graphSnapshot(graph, ['d', 'c', 'b']);
    assert.deepEqual(rows(part, part.outStart, part.outs), [['c'], ['b'], ['b']], 'only the edges among the nodes given');
    assert.deepEqual(rows(part, part.inStart, part.ins), [[], ['d'], ['c', 'b']]);
  });

  it('is the same whatever order nodes and edges were added in (property)', () => {
    fc.assert(
      fc.property(randomGraph, fc.infiniteStream(fc.nat()), ({ size, edges }, picks) => {
        const shuffled = [...edges];
        const order = picks.take(shuffled.length);
        let k = 0;
        for (const pick of order) {
          const j = k + (pick % (shuffled.length - k));
          [shuffled[k], shuffled[j]] = [shuffled[j], shuffled[k]];
          k++;
        }
        const one = graphOf(size, edges);
        const other = createDependencyGraph();
        for (let i = size - 1; i >= 0; i--) other.addNode(`n${i}`, { name: `N${i}`, layer: 'unclassified' });
        for (const [from, to] of shuffled) other.mergeEdge(`n${from}`, `n${to}`);
        const keys = one.nodes().sort();
        assert.deepEqual(graphSnapshot(other, keys), graphSnapshot(one, keys));
        // A part asks each node for its neighbours instead of reading the edge list: the same rows.
        const part = keys.filter((_, i) => i % 3 !== 1);
        const expected = graphSnapshot(one, part);
        const sub = one.copy();
        for (const key of keys) if (!part.includes(key)) sub.dropNode(key);
        assert.deepEqual(expected, graphSnapshot(sub, part));
      }),
      { numRuns: 300 },
    );
  });
});
