import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { countCrossings } from '../../../bench/crossings';
import { layeredLayout } from '../../../src/core/graph/layout';
import type { Layer } from '../../../src/core/vocabulary/model';
import { graphOf, graphSpecArbitrary, LAYER_CHOICES } from './fixtures';

const twoBands = graphOf(
  [
    { key: 'i1', layer: 'infrastructure' },
    { key: 'i2', layer: 'infrastructure' },
    { key: 'a1', layer: 'application' },
    { key: 'a2', layer: 'application' },
  ],
  [
    ['a1', 'i2'],
    ['a2', 'i1'],
  ],
);

const at = (positions: Record<string, number>) =>
  ({ positions: Object.fromEntries(Object.entries(positions).map(([key, x]) => [key, { x, y: 0 }])) });

describe('countCrossings', () => {
  it('counts an X between two bands as one crossing and parallel edges as none', () => {
    assert.equal(countCrossings(twoBands, at({ i1: 0, i2: 1, a1: 0, a2: 1 })), 1);
    assert.equal(countCrossings(twoBands, at({ i1: 1, i2: 0, a1: 0, a2: 1 })), 0);
  });

  it('does not count edges that share an endpoint or a position', () => {
    const fan = graphOf(
      [
        { key: 'i', layer: 'infrastructure' },
        { key: 'a1', layer: 'application' },
        { key: 'a2', layer: 'application' },
      ],
      [
        ['a1', 'i'],
        ['a2', 'i'],
      ],
    );
    assert.equal(countCrossings(fan, at({ i: 0, a1: 5, a2: -5 })), 0);
    assert.equal(countCrossings(twoBands, at({ i1: 0, i2: 0, a1: 0, a2: 1 })), 0);
  });

  it('counts a dependency in both directions once', () => {
    const graph = graphOf(
      [
        { key: 'i1', layer: 'infrastructure' },
        { key: 'i2', layer: 'infrastructure' },
        { key: 'a1', layer: 'application' },
        { key: 'a2', layer: 'application' },
      ],
      [
        ['a1', 'i2'],
        ['i2', 'a1'],
        ['a2', 'i1'],
      ],
    );
    assert.equal(countCrossings(graph, at({ i1: 0, i2: 1, a1: 0, a2: 1 })), 1);
  });

  it('skips nodes without a position and edges inside one band', () => {
    assert.equal(countCrossings(twoBands, at({ i1: 0, i2: 1, a1: 0 })), 0);
    const flat = graphOf(
      [
        { key: 'm1', layer: 'middleware' },
        { key: 'm2', layer: 'middleware' },
        { key: 'm3', layer: 'middleware' },
      ],
      [
        ['m1', 'm3'],
        ['m2', 'm2'],
      ],
    );
    assert.equal(countCrossings(flat, at({ m1: 0, m2: 1, m3: 2 })), 0);
  });

  it('matches a pairwise count of swapped segments on random graphs and positions', () => {
    const layerOf = new Map<string, Layer>();
    fc.assert(
      fc.property(graphSpecArbitrary, fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 40, maxLength: 40 }), (spec, xs) => {
        const graph = graphOf(spec.nodes, spec.edges);
        spec.nodes.forEach((node) => layerOf.set(node.key, node.layer));
        const x = new Map(spec.nodes.map((node, i) => [node.key, xs[i]]));
        const band = (key: string) => LAYER_CHOICES.indexOf(layerOf.get(key) ?? 'unclassified');
        // Segments as (lower end, upper end), one per unordered pair of nodes in different bands.
        const segments = new Map<string, [string, string]>();
        for (const [s, t] of spec.edges) {
          if (band(s) === band(t)) continue;
          const [lo, hi] = band(s) < band(t) ? [s, t] : [t, s];
          segments.set(`${lo}\n${hi}`, [lo, hi]);
        }
        const list = [...segments.values()];
        let expected = 0;
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const [a1, b1] = list[i];
            const [a2, b2] = list[j];
            if (band(a1) !== band(a2) || band(b1) !== band(b2)) continue;
            if ((x.get(a1)! - x.get(a2)!) * (x.get(b1)! - x.get(b2)!) < 0) expected++;
          }
        }
        const positions = Object.fromEntries([...x].map(([key, value]) => [key, value]));
        assert.equal(countCrossings(graph, at(positions)), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the crossings of a real layout', () => {
    const layout = layeredLayout(twoBands, { sweeps: 0 });
    assert.equal(countCrossings(twoBands, layout), 1);
    assert.equal(countCrossings(twoBands, layeredLayout(twoBands)), 0);
  });
});
