import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinFrameworks, evaluate, exposureOf, type ExposureSummary } from '../../../src/core/framework';
import { exposureTable, summaryOf, type VerdictLookup } from '../../../src/core/framework/exposure';
import { createDependencyGraph, type DependencyGraph } from '../../../src/core/graph/dependencyGraph';
import type { Layer, Verdict } from '../../../src/core/vocabulary/model';

/** Every protocol's count and single nearest negative protocol, from one table: what the atlas colours a graph with. */
function exposureSummary(graph: DependencyGraph, verdictOf: VerdictLookup): Map<string, ExposureSummary> {
  return summaryOf(exposureTable(graph, verdictOf, 1), graph.nodes().sort());
}

const negative: Verdict = { value: 'negative', rationale: 'bad', source: 'framework', ruleId: 'bad' };
const positive: Verdict = { value: 'positive', rationale: 'good', source: 'framework', ruleId: 'good' };

/** A graph from edges "a>b" (a depends on b); nodes named in `negatives` are negatively affected. */
function atlasOf(edges: string[], negatives: string[], extraNodes: string[] = []) {
  const graph = createDependencyGraph();
  const add = (key: string) => graph.mergeNode(key, { name: key, layer: 'unclassified' });
  extraNodes.forEach(add);
  for (const edge of edges) {
    const [from, to] = edge.split('>');
    add(from);
    add(to);
    graph.mergeEdge(from, to);
  }
  const bad = new Set(negatives);
  return { graph, verdictOf: (path: string) => (bad.has(path) ? negative : positive) };
}

const paths = (exposures: Array<{ path: string[] }>) => exposures.map((exposure) => exposure.path.join(' > '));

describe('exposure', () => {
  it('exposes an application through the agent framework it runs on to io.net, with the rule behind it', () => {
    const graph = createDependencyGraph();
    const notes: Array<[string, Layer, string]> = [
      ['apps/swarm.md', 'application', 'defai'],
      ['middleware/eliza.md', 'middleware', 'agent-framework'],
      ['infra/io.net.md', 'infrastructure', 'compute'],
      ['infra/arweave.md', 'infrastructure', 'storage'],
    ];
    for (const [path, layer, category] of notes) graph.addNode(path, { name: path, layer, category });
    graph.addEdge('apps/swarm.md', 'middleware/eliza.md');
    graph.addEdge('middleware/eliza.md', 'infra/io.net.md');
    graph.addEdge('middleware/eliza.md', 'infra/arweave.md');
    const deepseek = builtinFrameworks()[0];
    const verdictOf = (path: string) => {
      const { layer, category } = graph.getNodeAttributes(path);
      return evaluate(deepseek, { layer, category });
    };

    const exposures = exposureOf(graph, 'apps/swarm.md', verdictOf);
    assert.deepEqual(paths(exposures), ['apps/swarm.md > middleware/eliza.md > infra/io.net.md']);
    assert.equal(exposures[0].verdict.ruleId, 'compute-negative');
    assert.equal(exposures[0].verdict.section, '2, 3 (negative)');
    // Exposure sits beside the protocol's own verdict; it does not replace it.
    assert.equal(verdictOf('apps/swarm.md').value, 'positive');
    assert.deepEqual(exposureOf(graph, 'infra/io.net.md', verdictOf), []);
    assert.deepEqual(exposureSummary(graph, verdictOf).get('apps/swarm.md'), { count: 1, nearest: exposures[0] });
  });

  it('lists each negative protocol once, by a shortest path, across a diamond', () => {
    const { graph, verdictOf } = atlasOf(['app>fw1', 'app>fw2', 'fw1>gpu', 'fw2>gpu', 'fw2>x', 'x>y', 'y>gpu'], ['gpu']);
    assert.deepEqual(paths(exposureOf(graph, 'app', verdictOf)), ['app > fw1 > gpu']);
  });

  it('continues through a negative protocol to the negative ones behind it, nearest first then by path', () => {
    const { graph, verdictOf } = atlasOf(['app>render', 'app>akash', 'render>ionet', 'akash>ionet'], ['render', 'akash', 'ionet']);
    assert.deepEqual(paths(exposureOf(graph, 'app', verdictOf)), ['app > akash', 'app > render', 'app > akash > ionet']);
    assert.deepEqual(paths(exposureOf(graph, 'render', verdictOf)), ['render > ionet']);
  });

  it('chooses the same routes whatever order notes and dependencies were added in', () => {
    const edges = ['app>b', 'app>a', 'a>gpu', 'b>gpu', 'b>tpu', 'a>tpu', 'tpu>gpu'];
    const forward = atlasOf(edges, ['gpu', 'tpu']);
    const backward = atlasOf([...edges].reverse(), ['gpu', 'tpu']);
    assert.deepEqual(paths(exposureOf(forward.graph, 'app', forward.verdictOf)), ['app > a > gpu', 'app > a > tpu']);
    assert.deepEqual(exposureOf(backward.graph, 'app', backward.verdictOf), exposureOf(forward.graph, 'app', forward.verdictOf));
    assert.deepEqual(
      [...exposureSummary(backward.graph, backward.verdictOf)],
      [...exposureSummary(forward.graph, forward.verdictOf)],
    );
  });

  it('survives cycles and self loops and never lists the protocol itself', () => {
    const { graph, verdictOf } = atlasOf(['a>b', 'b>c', 'c>a', 'a>a', 'c>c'], ['a', 'c']);
    assert.deepEqual(paths(exposureOf(graph, 'a', verdictOf)), ['a > b > c']);
    assert.deepEqual(paths(exposureOf(graph, 'b', verdictOf)), ['b > c', 'b > c > a']);
    const summary = exposureSummary(graph, verdictOf);
    assert.deepEqual([summary.get('a')?.count, summary.get('b')?.count, summary.get('c')?.count], [1, 2, 1]);
    assert.deepEqual(summary.get('a')?.nearest?.path, ['a', 'b', 'c']);
    assert.deepEqual(summary.get('c')?.nearest?.path, ['c', 'a']);
    const selfOnly = atlasOf(['solo>solo'], ['solo']);
    assert.deepEqual(exposureOf(selfOnly.graph, 'solo', selfOnly.verdictOf), []);
    assert.deepEqual(exposureSummary(selfOnly.graph, selfOnly.verdictOf).get('solo'), { count: 0 });
  });

  it('answers nothing for an unknown protocol or a graph without negative protocols', () => {
    const { graph, verdictOf } = atlasOf(['a>b'], []);
    assert.deepEqual(exposureOf(graph, 'missing', verdictOf), []);
    assert.deepEqual([...exposureSummary(graph, verdictOf)], [['a', { count: 0 }], ['b', { count: 0 }]]);
    assert.equal(exposureSummary(createDependencyGraph(), verdictOf).size, 0);
  });

  it('walks a 1,000-deep chain without overflowing the stack, in both functions', () => {
    const depth = 1000;
    const edges = Array.from({ length: depth }, (_, i) => `n${i}>n${i + 1}`);
    const { graph, verdictOf } = atlasOf(edges, ['n500', `n${depth}`]);
    const exposures = exposureOf(graph, 'n0', verdictOf);
    assert.deepEqual(exposures.map((e) => [e.path.length, e.path[0], e.path.at(-1)]), [[501, 'n0', 'n500'], [depth + 1, 'n0', `n${depth}`]]);
    const summary = exposureSummary(graph, verdictOf);
    assert.deepEqual([summary.get('n0')?.count, summary.get('n600')?.count, summary.get(`n${depth}`)?.count], [2, 1, 0]);
    assert.equal(summary.get('n0')?.nearest?.path.at(-1), 'n500');
  });

  it('summarises 20,000 protocols with a 20,000-deep cycle quickly', () => {
    const size = 20000;
    const edges = Array.from({ length: size }, (_, i) => `n${i}>n${(i + 1) % size}`);
    for (let i = 0; i < size; i += 7) edges.push(`n${i}>n${(i * 31) % size}`);
    const negatives = Array.from({ length: size / 10 }, (_, i) => `n${i * 10}`);
    const { graph, verdictOf } = atlasOf(edges, negatives);
    const started = performance.now();
    const summary = exposureSummary(graph, verdictOf);
    assert.ok(performance.now() - started < 2000);
    // One big cycle: everyone reaches every negative protocol but itself.
    assert.equal(summary.get('n1')?.count, size / 10);
    assert.equal(summary.get('n0')?.count, size / 10 - 1);
  });

  describe('properties on random graphs', () => {
    const randomAtlas = fc
      .integer({ min: 1, max: 12 })
      .chain((n) =>
        fc.record({
          n: fc.constant(n),
          edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }),
          negatives: fc.uniqueArray(fc.nat(n - 1)),
        }),
      );
    const build = ({ n, edges, negatives }: { n: number; edges: Array<[number, number]>; negatives: number[] }) =>
      atlasOf(edges.map(([a, b]) => `p${a}>p${b}`), negatives.map((i) => `p${i}`), Array.from({ length: n }, (_, i) => `p${i}`));

    /** Distances from `start` along dependencies, the slow and obvious way. */
    function distancesFrom(graph: DependencyGraph, start: string): Map<string, number> {
      const distance = new Map<string, number>();
      let frontier = graph.outNeighbors(start);
      for (let d = 1; frontier.length > 0; d++) {
        const next: string[] = [];
        for (const node of frontier) {
          if (distance.has(node)) continue;
          distance.set(node, d);
          next.push(...graph.outNeighbors(node));
        }
        frontier = next;
      }
      distance.delete(start);
      return distance;
    }

    it('lists exactly the negative protocols reachable, each by a real shortest path', () => {
      fc.assert(
        fc.property(randomAtlas, (spec) => {
          const { graph, verdictOf } = build(spec);
          graph.forEachNode((start) => {
            const distance = distancesFrom(graph, start);
            const expected = [...distance.keys()].filter((node) => verdictOf(node).value === 'negative').sort();
            const exposures = exposureOf(graph, start, verdictOf);
            assert.deepEqual(exposures.map((e) => e.path.at(-1)).sort(), expected);
            for (const { path, verdict } of exposures) {
              assert.equal(path[0], start);
              assert.equal(path.length - 1, distance.get(path.at(-1)!));
              assert.equal(verdict, verdictOf(path.at(-1)!));
              path.slice(1).forEach((node, i) => assert.ok(graph.hasDirectedEdge(path[i], node)));
            }
          });
        }),
      );
    });

    it('agrees with exposureOf on every count and on the nearest negative protocol', () => {
      fc.assert(
        fc.property(randomAtlas, (spec) => {
          const { graph, verdictOf } = build(spec);
          const summary = exposureSummary(graph, verdictOf);
          assert.equal(summary.size, graph.order);
          graph.forEachNode((node) => {
            const exposures = exposureOf(graph, node, verdictOf);
            const { count, nearest } = summary.get(node)!;
            assert.equal(count, exposures.length);
            if (count === 0) return assert.equal(nearest, undefined);
            assert.equal(nearest!.path.at(-1), exposures[0].path.at(-1));
            assert.equal(nearest!.path.length, exposures[0].path.length);
            assert.equal(nearest!.path[0], node);
            nearest!.path.slice(1).forEach((next, i) => assert.ok(graph.hasDirectedEdge(nearest!.path[i], next)));
          });
        }),
        { numRuns: 300 },
      );
    });

    const nearestCounts = [1, 3, Infinity];

    it('counts and names the K nearest negative protocols exactly as a brute force does, for K = 1, 3 and all', () => {
      const randomGraph = fc
        .integer({ min: 1, max: 14 })
        .chain((n) =>
          fc.record({
            n: fc.constant(n),
            // Self-loops and cycles are as likely as anything else.
            edges: fc.array(fc.oneof(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), fc.nat(n - 1).map((a): [number, number] => [a, a])), { maxLength: 40 }),
            negatives: fc.uniqueArray(fc.nat(n - 1)),
          }),
        );
      fc.assert(
        fc.property(randomGraph, fc.constantFrom(...nearestCounts), (spec, nearest) => {
          const { graph, verdictOf } = build(spec);
          const table = exposureTable(graph, verdictOf, nearest);
          graph.forEachNode((start) => {
            const distance = distancesFrom(graph, start);
            const reachable = [...distance.keys()].filter((node) => verdictOf(node).value === 'negative');
            // Nearest first, ties to the smaller note path (code-unit order, as the table uses).
            reachable.sort((a, b) => distance.get(a)! - distance.get(b)! || (a < b ? -1 : 1));
            const { count, nearest: exposures } = table.of(start);
            assert.equal(count, reachable.length);
            assert.deepEqual(exposures.map((e) => e.path.at(-1)), reachable.slice(0, nearest));
            for (const { path, verdict } of exposures) {
              assert.equal(path[0], start);
              assert.equal(path.length - 1, distance.get(path.at(-1)!), 'a shortest path');
              assert.equal(verdict, verdictOf(path.at(-1)!));
              path.slice(1).forEach((node, i) => assert.ok(graph.hasDirectedEdge(path[i], node), `${path[i]} depends on ${node}`));
            }
            // Asking for fewer gives the first of them.
            assert.deepEqual(table.of(start, 1).nearest, exposures.slice(0, 1));
          });
        }),
        { numRuns: 400 },
      );
    });
  });
});
