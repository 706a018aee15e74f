import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDependencyGraph, type DependencyGraph } from '../../../src/core/graph/dependencyGraph';
import { affectedRegion, Cycle, findCycles, updateCycles, type Edge } from '../../../src/core/index/cycles';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import type { Diagnostic } from '../../../src/core/vocabulary/model';

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

const sortedCycles = (cycles: Cycle[]): string[][] => cycles.map((cycle) => [...cycle.members]).sort((a, b) => (a[0] < b[0] ? -1 : 1));

/** The reference: two notes share a cycle when each reaches the other (found by brute force). */
function cyclesByReachability(graph: DependencyGraph): string[][] {
  const reaches = new Map<string, Set<string>>();
  for (const start of graph.nodes()) {
    const seen = new Set<string>();
    const stack = graph.outNeighbors(start).filter((node) => node !== start);
    while (stack.length > 0) {
      const node = stack.pop() as string;
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...graph.outNeighbors(node));
    }
    reaches.set(start, seen);
  }
  const cycles: string[][] = [];
  const placed = new Set<string>();
  for (const node of graph.nodes().sort()) {
    if (placed.has(node)) continue;
    const members = graph.nodes().filter((other) => other === node || (reaches.get(node)?.has(other) && reaches.get(other)?.has(node)));
    members.forEach((member) => placed.add(member));
    if (members.length > 1) cycles.push(members.sort());
  }
  return cycles;
}

/** The fewest steps of any cycle through `node`, by breadth-first search (Infinity when none). */
function shortestCycleThrough(graph: DependencyGraph, node: string): number {
  const depth = new Map<string, number>([[node, 0]]);
  const queue = [node];
  for (let i = 0; i < queue.length; i++) {
    for (const next of graph.outNeighbors(queue[i])) {
      if (next === node && queue[i] !== node) return (depth.get(queue[i]) as number) + 1;
      if (depth.has(next)) continue;
      depth.set(next, (depth.get(queue[i]) as number) + 1);
      queue.push(next);
    }
  }
  return Infinity;
}

function assertClosedWalk(graph: DependencyGraph, walk: readonly string[], through: string, within: Cycle): void {
  assert.equal(walk[0], through);
  assert.equal(walk[walk.length - 1], through);
  assert.ok(walk.length >= 3, `a loop of at least two steps: ${walk.join(' → ')}`);
  for (let i = 0; i + 1 < walk.length; i++) {
    assert.ok(graph.hasEdge(walk[i], walk[i + 1]), `${walk[i]} → ${walk[i + 1]} is a real dependency`);
    assert.ok(within.has(walk[i]), `${walk[i]} is in the cycle`);
  }
}

/** Random graphs over `size` nodes: a ring through the first `ring` (so a cycle is likely) plus random edges. */
const ringAndChords = fc.integer({ min: 2, max: 60 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    ring: fc.integer({ min: 0, max: size }),
    chords: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 2 }),
    order: fc.infiniteStream(fc.nat()),
  }),
);

function edgesOf({ size, ring, chords }: { size: number; ring: number; chords: Array<[number, number]> }): Array<[string, string]> {
  const name = (i: number): string => `p${String(i).padStart(2, '0')}`;
  const edges: Array<[string, string]> = [];
  for (let i = 0; i < ring && ring > 1; i++) edges.push([name(i), name((i + 1) % ring)]);
  for (const [from, to] of chords) edges.push([name(from), name(to)]);
  for (let i = 0; i < size; i++) edges.push([name(i), name(i)]); // self loops: ignored by cycles
  return edges;
}

function cyclesOf(graph: DependencyGraph): Map<string, Cycle> {
  const cycleOf = new Map<string, Cycle>();
  updateCycles(graph, cycleOf, 'all', []);
  return cycleOf;
}

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

  it('finds a cycle 50,000 notes long, and a loop through each of its notes, without recursion', function () {
    this.timeout(30_000);
    const length = 50_000;
    const edges = Array.from({ length }, (_, i) => [`n${i}`, `n${(i + 1) % length}`] as const);
    const graph = graphOf(edges);
    const cycles = findCycles(graph, graph.nodes());
    assert.equal(cycles.length, 1);
    const [cycle] = cycles;
    assert.equal(cycle.size, length);
    const loop = cycle.loopThrough('n123', 6, 5);
    assert.equal(loop.steps, length);
    assert.deepEqual(loop.head, ['n123', 'n124', 'n125', 'n126', 'n127', 'n128']);
    assert.deepEqual(loop.tail, ['n119', 'n120', 'n121', 'n122', 'n123']);
  });

  it('finds the same cycles as a brute-force reachability partition, on any part of the graph', () => {
    fc.assert(
      fc.property(ringAndChords, fc.array(fc.nat(59), { maxLength: 5 }), (shape, left) => {
        const graph = graphOf(edgesOf(shape));
        assert.deepEqual(sortedCycles(findCycles(graph, graph.nodes())), cyclesByReachability(graph));
        // A part of the graph: only the edges among those notes count.
        const part = graph.nodes().filter((_, i) => !left.includes(i));
        const sub = graphOf(
          graph.mapEdges((_, __, from, to): [string, string] => [from, to]).filter(([from, to]) => part.includes(from) && part.includes(to)),
          part,
        );
        assert.deepEqual(sortedCycles(findCycles(graph, part)), cyclesByReachability(sub));
      }),
      { numRuns: 300 },
    );
  });

  it('gives each note of a cycle a real closed walk through it, shortest when short, sketched by its true ends, whatever the edge order', () => {
    fc.assert(
      fc.property(ringAndChords, (shape) => {
        const edges = edgesOf(shape);
        const graph = graphOf(edges);
        // The same graph with its edges added in another order: loops must not depend on it.
        const shuffled = [...edges];
        const order = shape.order.take(edges.length);
        let k = 0;
        for (const pick of order) {
          const j = k + (pick % (shuffled.length - k));
          [shuffled[k], shuffled[j]] = [shuffled[j], shuffled[k]];
          k++;
        }
        const other = graphOf(shuffled.reverse());
        const cycleOf = cyclesOf(graph);
        const otherCycleOf = cyclesOf(other);
        for (const node of graph.nodes()) {
          const cycle = cycleOf.get(node);
          const shortest = shortestCycleThrough(graph, node);
          if (!cycle) {
            assert.equal(shortest, Infinity, `${node} is on a cycle`);
            continue;
          }
          const walk = cycle.wholeLoopThrough(node);
          assertClosedWalk(graph, walk, node, cycle);
          // Small graphs lie within the local search: the loop is a shortest cycle through the note.
          if (graph.size <= 32) assert.equal(walk.length - 1, shortest, `shortest loop through ${node}: ${walk.join(' → ')}`);
          const loop = cycle.loopThrough(node, 6, 5);
          assert.equal(loop.steps, walk.length - 1);
          if (walk.length <= 12) assert.deepEqual([loop.head, loop.tail], [walk, []]);
          else assert.deepEqual([loop.head, loop.tail], [walk.slice(0, 6), walk.slice(-5)]);
          assert.deepEqual(otherCycleOf.get(node)?.wholeLoopThrough(node), walk);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sketches long tree walks by their true ends, from either side of the root', () => {
    // Two long rings through p0000 joined by a chord: most loops go round through the root.
    const size = 400;
    const name = (i: number): string => `p${String(i).padStart(4, '0')}`;
    const edges: Array<[string, string]> = [];
    for (let i = 0; i < 200; i++) edges.push([name(i), name((i + 1) % 200)]);
    for (let i = 200; i < size; i++) edges.push([name(i), name(i + 1 < size ? i + 1 : 0)]);
    edges.push([name(0), name(200)], [name(100), name(300)], [name(350), name(50)]);
    const graph = graphOf(edges);
    const cycle = cyclesOf(graph).get(name(0)) as Cycle;
    assert.equal(cycle.size, size);
    for (const node of graph.nodes()) {
      const walk = cycle.wholeLoopThrough(node);
      assertClosedWalk(graph, walk, node, cycle);
      for (const [first, last] of [[6, 5], [1, 1], [8, 8], [3, 7]]) {
        const loop = cycle.loopThrough(node, first, last);
        assert.deepEqual([loop.steps, loop.head, loop.tail], [walk.length - 1, walk.slice(0, first), walk.slice(-last)], `${node} ${first}/${last}`);
      }
    }
  });

  it('recomputing only the affected region gives the same cycles and loops as recomputing everything', () => {
    const node = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    const edge = fc.tuple(node, node);
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 14 }), fc.array(edge, { maxLength: 4 }), fc.array(edge, { maxLength: 4 }), fc.array(node, { maxLength: 2 }), (initial, added, removed, dropped) => {
        const graph = graphOf(initial);
        const cycleOf = cyclesOf(graph);

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

        const before = new Map(cycleOf);
        const region = affectedRegion(graph, addedEdges, removedEdges, cycleOf);
        const refreshed = updateCycles(graph, cycleOf, addedEdges, removedEdges);
        const expected = cyclesOf(graph);
        const picture = (cycles: Map<string, Cycle>): Array<[string, string[], string[]]> =>
          [...cycles].sort().map(([path, cycle]) => [path, [...cycle.members], cycle.wholeLoopThrough(path)]);
        assert.deepEqual(picture(cycleOf), picture(expected));
        // Whatever changed was refreshed: a note whose cycle object is kept had nothing to change.
        if (region !== 'all') {
          assert.deepEqual(new Set(refreshed), region);
          for (const [path, cycle] of cycleOf) if (!region.has(path)) assert.equal(cycle, before.get(path));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('looks only near an added edge that closes no cycle, however large the graph', () => {
    // A 20,000-note chain; a new note depends on its end. Nothing reaches the new note, so the
    // search against the edges stops at once instead of walking the whole chain.
    const edges = Array.from({ length: 20_000 }, (_, i) => [`n${i}`, `n${i + 1}`] as const);
    const graph = graphOf(edges);
    let visited = 0;
    const counting = new Proxy(graph, {
      get(target, key, receiver) {
        if (key === 'forEachOutNeighbor' || key === 'forEachInNeighbor') {
          return (node: string, callback: (neighbor: string) => void) => {
            visited++;
            (target[key] as (node: string, callback: (neighbor: string) => void) => void).call(target, node, callback);
          };
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    graph.mergeNode('fresh', { name: 'fresh', layer: 'unclassified' });
    graph.addEdge('fresh', 'n0');
    assert.deepEqual(affectedRegion(counting, [['fresh', 'n0']], [], new Map()), new Set());
    assert.ok(visited <= 3, `looked at ${visited} notes`);
  });
});

describe('cycle diagnostics', () => {
  const text = (name: string, depends: readonly string[]): string => `---\nprotocol: ${name}\nlayer: model\ndepends_on: [${depends.join(', ')}]\n---\n`;
  const cycleDiagnostics = (index: ProtocolIndex): Diagnostic[] => index.diagnostics().filter((d) => d.code === 'dependency-cycle');

  it('gives every note in a cycle exactly one diagnostic, on the entry that starts its loop, and no other note any', () => {
    fc.assert(
      fc.property(ringAndChords, (shape) => {
        const graph = graphOf(edgesOf(shape));
        const index = new ProtocolIndex();
        index.build(graph.nodes().map((node) => ({ path: `${node}.md`, text: text(node.toUpperCase(), graph.outNeighbors(node).filter((t) => t !== node).map((t) => t.toUpperCase())) })));
        const cycleOf = cyclesOf(graph);
        for (const node of graph.nodes()) {
          const diagnostics = index.diagnostics(`${node}.md`).filter((d) => d.code === 'dependency-cycle');
          const cycle = cycleOf.get(node);
          if (!cycle) {
            assert.deepEqual(diagnostics, []);
            continue;
          }
          assert.equal(diagnostics.length, 1);
          const [diagnostic] = diagnostics;
          const walk = cycle.wholeLoopThrough(node);
          const names = (paths: string[]): string => paths.map((path) => path.toUpperCase()).join(' → ');
          const expected =
            walk.length > 8
              ? `Dependency cycle of ${cycle.size.toLocaleString('en-US')} notes: ${names(walk.slice(0, 4))} → … → ${names(walk.slice(-3))} (loop of ${walk.length - 1})`
              : walk.length - 1 === cycle.size
                ? `Dependency cycle: ${names(walk)}`
                : `Dependency cycle of ${cycle.size} notes: ${names(walk)}`;
          assert.equal(diagnostic.message, expected);
          // The range is the depends_on entry naming the loop's second note.
          const entry = index.note(`${node}.md`)?.dependsOn.find((ref) => ref.target === walk[1].toUpperCase());
          assert.deepEqual(diagnostic.range, entry?.range);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps messages short on a single cycle of 20,000 notes', function () {
    this.timeout(60_000);
    const length = 20_000;
    const index = new ProtocolIndex();
    index.build(Array.from({ length }, (_, i) => ({ path: `n${i}.md`, text: text(`N${i}`, [`N${(i + 1) % length}`]) })));
    const diagnostics = cycleDiagnostics(index);
    assert.equal(diagnostics.length, length);
    assert.equal(new Set(diagnostics.map((d) => d.file)).size, length);
    for (const d of diagnostics) assert.ok(d.message.length <= 120, d.message);
    const onN7 = diagnostics.find((d) => d.file === 'n7.md');
    assert.equal(onN7?.message, 'Dependency cycle of 20,000 notes: N7 → N8 → N9 → N10 → … → N5 → N6 → N7 (loop of 20,000)');
  });

  it('shows two notes that depend on each other, inside a large cycle, their own short loop', () => {
    // A ring of 200 with two mutual pairs far from its first note: the ring's way round is 200 steps.
    const size = 200;
    const depends = Array.from({ length: size }, (_, i) => [(i + 1) % size]);
    depends[120].push(119);
    depends[151].push(150);
    const index = new ProtocolIndex();
    index.build(depends.map((targets, i) => ({ path: `n${String(i).padStart(3, '0')}.md`, text: text(`N${i}`, targets.map((t) => `N${t}`)) })));
    const message = (path: string): string | undefined => index.diagnostics(path).find((d) => d.code === 'dependency-cycle')?.message;
    assert.equal(message('n119.md'), 'Dependency cycle of 200 notes: N119 → N120 → N119');
    assert.equal(message('n120.md'), 'Dependency cycle of 200 notes: N120 → N119 → N120');
    assert.equal(message('n150.md'), 'Dependency cycle of 200 notes: N150 → N151 → N150');
    assert.equal(message('n007.md'), 'Dependency cycle of 200 notes: N7 → N8 → N9 → N10 → … → N5 → N6 → N7 (loop of 200)');
  });

  it('keeps messages short on a 9,000-note tangle, each naming a real loop through its note', function () {
    this.timeout(60_000);
    const size = 9_000;
    // A ring through every note plus two pseudo-random dependencies each: one giant cycle.
    let seed = 12345;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % size;
    const depends = Array.from({ length: size }, (_, i) => [(i + 1) % size, random(), random()].filter((t) => t !== i));
    const index = new ProtocolIndex();
    index.build(depends.map((targets, i) => ({ path: `p${i}.md`, text: text(`P${i}`, targets.map((t) => `P${t}`)) })));
    const diagnostics = cycleDiagnostics(index);
    assert.equal(diagnostics.length, size);
    assert.equal(new Set(diagnostics.map((d) => d.file)).size, size);
    const pathOf = (name: string): string => `p${name.slice(1)}.md`;
    for (const d of diagnostics) {
      assert.ok(d.message.length <= 150, d.message);
      const [, count, loop] = /^Dependency cycle of ([\d,]+) notes: (.*?)(?: \(loop of [\d,]+\))?$/.exec(d.message) ?? [];
      assert.equal(count, '9,000', d.message);
      // Every shown step that is not across the gap is a real dependency, and the loop starts and ends here.
      const names = loop.split(' → ');
      assert.equal(pathOf(names[0]), d.file);
      assert.equal(pathOf(names[names.length - 1]), d.file);
      for (let i = 0; i + 1 < names.length; i++) {
        if (names[i] === '…' || names[i + 1] === '…') continue;
        assert.ok(index.graph.hasEdge(pathOf(names[i]), pathOf(names[i + 1])), `${names[i]} → ${names[i + 1]} in ${d.message}`);
      }
    }
  });
});
