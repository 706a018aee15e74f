import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { createDependencyGraph } from '../../../src/core/graph/dependencyGraph';
import { dependenciesOf, dependentsOf, shortestDependencyPath } from '../../../src/core/graph/traversal';
import { graphOf, graphSpecArbitrary, shuffled } from './fixtures';

// defai -> agents -> eliza -> {akash, arweave}; defai -> bittensor -> akash; akash -> filecoin.
const atlas = graphOf(
  [
    { key: 'defai.md', layer: 'application' },
    { key: 'agents.md', layer: 'application' },
    { key: 'bittensor.md', layer: 'model' },
    { key: 'eliza.md', layer: 'middleware' },
    { key: 'akash.md', layer: 'infrastructure' },
    { key: 'arweave.md', layer: 'infrastructure' },
    { key: 'filecoin.md', layer: 'infrastructure' },
    { key: 'lonely.md', layer: 'unclassified' },
  ],
  [
    ['defai.md', 'agents.md'],
    ['defai.md', 'bittensor.md'],
    ['agents.md', 'eliza.md'],
    ['eliza.md', 'akash.md'],
    ['eliza.md', 'arweave.md'],
    ['bittensor.md', 'akash.md'],
    ['akash.md', 'filecoin.md'],
  ],
);

function chain(length: number) {
  const nodes = Array.from({ length }, (_, i) => ({ key: `c${i}.md`, layer: 'model' as const }));
  return graphOf(nodes, nodes.slice(1).map((node, i): [string, string] => [nodes[i].key, node.key]));
}

describe('dependenciesOf', () => {
  it('lists transitive dependencies nearest first, then by path', () => {
    assert.deepEqual(dependenciesOf(atlas, 'defai.md'), ['agents.md', 'bittensor.md', 'akash.md', 'eliza.md', 'arweave.md', 'filecoin.md']);
    assert.deepEqual(dependenciesOf(atlas, 'eliza.md'), ['akash.md', 'arweave.md', 'filecoin.md']);
    assert.deepEqual(dependenciesOf(atlas, 'filecoin.md'), []);
  });

  it('returns nothing for a path that is not in the graph, or an empty graph', () => {
    assert.deepEqual(dependenciesOf(atlas, 'missing.md'), []);
    assert.deepEqual(dependenciesOf(createDependencyGraph(), 'missing.md'), []);
  });

  it('terminates on cycles and self loops and never lists the start itself', () => {
    const graph = graphOf(
      [
        { key: 'a', layer: 'model' },
        { key: 'b', layer: 'model' },
        { key: 'c', layer: 'model' },
      ],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['b', 'b'],
      ],
    );
    assert.deepEqual(dependenciesOf(graph, 'a'), ['b', 'c']);
    assert.deepEqual(dependenciesOf(graph, 'b'), ['c', 'a']);
  });

  it('walks a 10,000-deep chain without recursion', () => {
    const deps = dependenciesOf(chain(10_000), 'c0.md');
    assert.equal(deps.length, 9_999);
    assert.equal(deps[0], 'c1.md');
    assert.equal(deps[9_998], 'c9999.md');
  });
});

describe('dependentsOf', () => {
  it('lists what rests on a protocol, transitively, nearest first', () => {
    assert.deepEqual(dependentsOf(atlas, 'akash.md'), ['bittensor.md', 'eliza.md', 'agents.md', 'defai.md']);
    assert.deepEqual(dependentsOf(atlas, 'filecoin.md'), ['akash.md', 'bittensor.md', 'eliza.md', 'agents.md', 'defai.md']);
    assert.deepEqual(dependentsOf(atlas, 'defai.md'), []);
    assert.deepEqual(dependentsOf(atlas, 'lonely.md'), []);
    assert.deepEqual(dependentsOf(atlas, 'missing.md'), []);
  });

  it('walks a 10,000-deep chain backwards', () => {
    const dependents = dependentsOf(chain(10_000), 'c9999.md');
    assert.equal(dependents.length, 9_999);
    assert.equal(dependents[0], 'c9998.md');
  });
});

describe('shortestDependencyPath', () => {
  it('follows dependencies from the dependent to what it depends on', () => {
    assert.deepEqual(shortestDependencyPath(atlas, 'defai.md', 'filecoin.md'), ['defai.md', 'bittensor.md', 'akash.md', 'filecoin.md']);
    assert.deepEqual(shortestDependencyPath(atlas, 'agents.md', 'arweave.md'), ['agents.md', 'eliza.md', 'arweave.md']);
  });

  it('returns null against the direction of dependency, between unrelated notes, or for unknown notes', () => {
    assert.equal(shortestDependencyPath(atlas, 'filecoin.md', 'defai.md'), null);
    assert.equal(shortestDependencyPath(atlas, 'lonely.md', 'akash.md'), null);
    assert.equal(shortestDependencyPath(atlas, 'missing.md', 'akash.md'), null);
    assert.equal(shortestDependencyPath(atlas, 'akash.md', 'missing.md'), null);
    assert.equal(shortestDependencyPath(createDependencyGraph(), 'a', 'b'), null);
  });

  it('gives the note itself as the path from a note to itself', () => {
    assert.deepEqual(shortestDependencyPath(atlas, 'eliza.md', 'eliza.md'), ['eliza.md']);
  });

  it('finds chains through cycles, self loops and a node keyed by the empty string', () => {
    const graph = graphOf(
      [
        { key: 'a', layer: 'model' },
        { key: '', layer: 'model' },
        { key: 'z', layer: 'model' },
      ],
      [
        ['a', 'a'],
        ['a', ''],
        ['', 'a'],
        ['', 'z'],
      ],
    );
    assert.deepEqual(shortestDependencyPath(graph, 'a', 'z'), ['a', '', 'z']);
  });

  it('picks the same chain among equally short ones whatever the insertion order', () => {
    const nodes = ['top', 'm1', 'm2', 'm3', 'bottom'].map((key) => ({ key, layer: 'model' as const }));
    const edges: Array<[string, string]> = [
      ['top', 'm3'],
      ['top', 'm2'],
      ['top', 'm1'],
      ['m1', 'bottom'],
      ['m2', 'bottom'],
      ['m3', 'bottom'],
    ];
    for (let seed = 1; seed <= 20; seed++) {
      const graph = graphOf(shuffled(nodes, seed), shuffled(edges, seed * 7));
      assert.deepEqual(shortestDependencyPath(graph, 'top', 'bottom'), ['top', 'm1', 'bottom']);
    }
  });

  it('crosses a 10,000-deep chain', () => {
    const path = shortestDependencyPath(chain(10_000), 'c0.md', 'c9999.md');
    assert.equal(path?.length, 10_000);
  });

  it('agrees with graphology-shortest-path on length and with dependenciesOf on reachability', () => {
    fc.assert(
      fc.property(graphSpecArbitrary, fc.nat(), fc.nat(), (spec, i, j) => {
        if (spec.nodes.length === 0) return;
        const graph = graphOf(spec.nodes, spec.edges);
        const from = spec.nodes[i % spec.nodes.length].key;
        const to = spec.nodes[j % spec.nodes.length].key;
        const path = shortestDependencyPath(graph, from, to);
        assert.equal(path?.length ?? null, bidirectional(graph, from, to)?.length ?? null);
        if (from !== to) assert.equal(path !== null, dependenciesOf(graph, from).includes(to));
        if (path) {
          assert.equal(path[0], from);
          assert.equal(path[path.length - 1], to);
          for (let k = 1; k < path.length; k++) assert.ok(graph.hasDirectedEdge(path[k - 1], path[k]));
        }
      }),
      { numRuns: 300 },
    );
  });
});
