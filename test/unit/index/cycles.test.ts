import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDependencyGraph, type DependencyGraph } from '../../../src/core/graph/dependencyGraph';
import { stronglyConnectedComponents } from 'graphology-components';
import { affectedRegion, cycleRoutes, findCycles, type Edge } from '../../../src/core/index/cycles';

function graphOf(edges: ReadonlyArray<readonly [string, string]>, nodes: string[] = []): DependencyGraph {
  const graph = createDependencyGraph();
  for (const node of nodes) graph.mergeNode(node, { name: node, layer: 'unclassified' });
  for (const [from, to] of edges) {
    graph.mergeNode(from, { name: from, layer: 'unclassified' });
    graph.mergeNode(to, { name: to, layer: 'unclassified' });
    graph.mergeEdge(from, to);
  }
  return graph;
}

const sortedCycles = (cycles: string[][]): string[][] => cycles.map((cycle) => [...cycle].sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('cycles', () => {
  it('finds each cycle once, ignoring self loops and the chains leading into cycles', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'a'],
      ['c', 'c'],
      ['d', 'a'],
      ['e', 'f'],
      ['f', 'g'],
      ['g', 'e'],
      ['g', 'h'],
    ]);
    assert.deepEqual(sortedCycles(findCycles(graph, graph.nodes())), [
      ['a', 'b'],
      ['e', 'f', 'g'],
    ]);
  });

  it('walks a 100,000-deep chain without recursion', () => {
    const edges = Array.from({ length: 100_000 }, (_, i) => [`n${i}`, `n${i + 1}`] as const);
    const graph = graphOf(edges);
    assert.deepEqual(findCycles(graph, graph.nodes()), []);
  });

  it('finds a cycle 50,000 notes long, where graphology alone would exhaust the stack', function () {
    this.timeout(30_000);
    const length = 50_000;
    const edges = Array.from({ length }, (_, i) => [`n${i}`, `n${(i + 1) % length}`] as const);
    const graph = graphOf(edges);
    const cycles = findCycles(graph, graph.nodes());
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0].length, length);
  });

  it('routes each note of a cycle along a shortest way round, the same whatever the insertion order', () => {
    const edges: Array<[string, string]> = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['b', 'a'],
      ['c', 'd'],
      ['d', 'a'],
    ];
    const forward = cycleRoutes(graphOf(edges), ['a', 'b', 'c', 'd']);
    const backward = cycleRoutes(graphOf([...edges].reverse()), ['d', 'c', 'b', 'a']);
    assert.deepEqual(forward.get('a'), ['a', 'b', 'a']);
    assert.deepEqual(forward.get('c'), ['c', 'a', 'b', 'c']);
    assert.deepEqual(forward.get('d'), ['d', 'a', 'b', 'c', 'd']);
    for (const node of ['a', 'b', 'c', 'd']) assert.deepEqual(backward.get(node), forward.get(node));
  });

  it('the whole-graph peeling and the peeling of a part find what strongly connected components find', () => {
    const node = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    fc.assert(
      fc.property(fc.array(fc.tuple(node, node), { maxLength: 20 }), fc.constantFrom('a', 'h'), (edges, outsider) => {
        const graph = graphOf(edges, [outsider]);
        const expected = sortedCycles(stronglyConnectedComponents(graph).filter((component) => component.length > 1));
        // Everything: the typed-array peeling. All but a node no edge touches: the per-node one.
        assert.deepEqual(sortedCycles(findCycles(graph, graph.nodes())), expected);
        if (graph.degree(outsider) === 0) assert.deepEqual(sortedCycles(findCycles(graph, graph.nodes().filter((n) => n !== outsider))), expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('recomputing only the affected region gives the same cycles as recomputing everything', () => {
    const node = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    const edge = fc.tuple(node, node);
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 14 }), fc.array(edge, { maxLength: 4 }), fc.array(edge, { maxLength: 4 }), fc.array(node, { maxLength: 2 }), (initial, added, removed, dropped) => {
        const graph = graphOf(initial);
        const cycleOf = new Map<string, string[]>();
        for (const cycle of findCycles(graph, graph.nodes())) for (const member of cycle) cycleOf.set(member, cycle);

        const addedEdges: Edge[] = [];
        const removedEdges: Edge[] = [];
        for (const [from, to] of removed) {
          if (!graph.hasEdge(from, to)) continue;
          graph.dropEdge(from, to);
          removedEdges.push([from, to]);
        }
        for (const gone of dropped) {
          if (!graph.hasNode(gone)) continue;
          graph.forEachEdge(gone, (_, __, from, to) => removedEdges.push([from, to]));
          graph.dropNode(gone);
        }
        for (const [from, to] of added) {
          graph.mergeNode(from, { name: from, layer: 'unclassified' });
          graph.mergeNode(to, { name: to, layer: 'unclassified' });
          if (graph.hasEdge(from, to)) continue;
          graph.addEdge(from, to);
          addedEdges.push([from, to]);
        }

        const region = affectedRegion(graph, addedEdges, removedEdges, cycleOf);
        const nodes = region === 'all' ? graph.nodes() : [...region];
        for (const path of [...cycleOf.keys()]) if (!graph.hasNode(path) || nodes.includes(path)) cycleOf.delete(path);
        for (const cycle of findCycles(graph, nodes)) for (const member of cycle) cycleOf.set(member, cycle);

        const expected = new Map<string, string[]>();
        for (const cycle of findCycles(graph, graph.nodes())) for (const member of cycle) expected.set(member, cycle);
        assert.deepEqual(new Map([...cycleOf].sort()), new Map([...expected].sort()));
      }),
      { numRuns: 1000 },
    );
  });
});
