import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { countCrossings } from '../../../bench/crossings';
import { createDependencyGraph } from '../../../src/core/graph/dependencyGraph';
import { layeredLayout, type GraphLayout } from '../../../src/core/graph/layout';
import type { Layer } from '../../../src/core/vocabulary/model';
import { syntheticAtlas } from '../../../bench/layout';
import { graphOf, graphSpecArbitrary, shuffled, type GraphSpec } from './fixtures';

function bandOf(layout: GraphLayout, layer: Layer) {
  const band = layout.bands.find((candidate) => candidate.layer === layer);
  assert.ok(band, `no band for ${layer}`);
  return band;
}

function insideBand(layout: GraphLayout, key: string, layer: Layer): boolean {
  const band = bandOf(layout, layer);
  const { y } = layout.positions[key];
  return y > band.y - band.height / 2 && y < band.y + band.height / 2;
}

const stack = graphOf(
  [
    { key: 'notes/render.md', layer: 'infrastructure', name: 'Render' },
    { key: 'notes/grass.md', layer: 'middleware', name: 'Grass' },
    { key: 'notes/bittensor.md', layer: 'model', name: 'Bittensor' },
    { key: 'notes/defai.md', layer: 'application', name: 'DeFAI bot' },
    { key: 'notes/mystery.md', layer: 'unclassified', name: 'Mystery' },
  ],
  [
    ['notes/defai.md', 'notes/bittensor.md'],
    ['notes/bittensor.md', 'notes/grass.md'],
    ['notes/bittensor.md', 'notes/render.md'],
    ['notes/mystery.md', 'notes/render.md'],
  ],
);

describe('layeredLayout', () => {
  it('lays out an empty graph as the four empty layer bands, bottom to top', () => {
    const layout = layeredLayout(createDependencyGraph());
    assert.deepEqual(layout.positions, {});
    assert.equal(layout.width, 0);
    assert.deepEqual(
      layout.bands.map((band) => [band.layer, band.count]),
      [['infrastructure', 0], ['middleware', 0], ['model', 0], ['application', 0]],
    );
    assert.ok(layout.height > 0);
  });

  it('stacks infrastructure lowest, then middleware, model, application, and unclassified on top', () => {
    const layout = layeredLayout(stack);
    assert.deepEqual(layout.bands.map((band) => band.layer), ['infrastructure', 'middleware', 'model', 'application', 'unclassified']);
    assert.deepEqual(layout.bands.map((band) => band.label), ['Infrastructure', 'Middleware', 'Model', 'Application', 'Unclassified']);
    const ys = layout.bands.map((band) => band.y);
    assert.deepEqual([...ys].sort((a, b) => a - b), ys, 'larger y is higher, so band centres must increase');
    for (let i = 1; i < layout.bands.length; i++) {
      const below = layout.bands[i - 1];
      const above = layout.bands[i];
      assert.ok(below.y + below.height / 2 < above.y - above.height / 2, `${below.layer} overlaps ${above.layer}`);
    }
    assert.ok(layout.positions['notes/render.md'].y < layout.positions['notes/grass.md'].y);
    assert.ok(layout.positions['notes/defai.md'].y < layout.positions['notes/mystery.md'].y);
    assert.ok(insideBand(layout, 'notes/bittensor.md', 'model'));
    assert.ok(insideBand(layout, 'notes/mystery.md', 'unclassified'));
    assert.equal(bandOf(layout, 'unclassified').count, 1);
    assert.equal(layout.bands[0].y - layout.bands[0].height / 2, 0, 'the picture starts at y = 0');
    assert.equal(layout.height, layout.bands[4].y + layout.bands[4].height / 2);
  });

  it('leaves out the unclassified band when every note has a layer', () => {
    const layout = layeredLayout(graphOf([{ key: 'a.md', layer: 'model' }], []));
    assert.deepEqual(layout.bands.map((band) => band.layer), ['infrastructure', 'middleware', 'model', 'application']);
    assert.deepEqual(layout.positions['a.md'], { x: layout.width / 2, y: bandOf(layout, 'model').y });
  });

  it('puts a node whose layer attribute is not a known layer in the unclassified band', () => {
    const graph = createDependencyGraph();
    graph.addNode('odd.md', { name: 'Odd', layer: 'Infrastructure ' as Layer });
    graph.addNode('none.md', {} as never);
    const layout = layeredLayout(graph);
    assert.equal(bandOf(layout, 'unclassified').count, 2);
    assert.ok(insideBand(layout, 'odd.md', 'unclassified'));
  });

  it('removes the crossings of a crafted twisted example', () => {
    // Sorted by path, the three application notes point at the infrastructure notes in reverse order.
    const graph = graphOf(
      [
        { key: 'infra/a.md', layer: 'infrastructure' },
        { key: 'infra/b.md', layer: 'infrastructure' },
        { key: 'infra/c.md', layer: 'infrastructure' },
        { key: 'app/x.md', layer: 'application' },
        { key: 'app/y.md', layer: 'application' },
        { key: 'app/z.md', layer: 'application' },
      ],
      [
        ['app/x.md', 'infra/c.md'],
        ['app/y.md', 'infra/b.md'],
        ['app/z.md', 'infra/a.md'],
      ],
    );
    assert.equal(countCrossings(graph, layeredLayout(graph, { sweeps: 0 })), 3);
    const layout = layeredLayout(graph);
    assert.equal(countCrossings(graph, layout), 0);
    const x = (key: string) => layout.positions[key].x;
    assert.equal(Math.sign(x('app/x.md') - x('app/z.md')), Math.sign(x('infra/c.md') - x('infra/a.md')));
  });

  it('reduces crossings on a realistic 500-protocol atlas', () => {
    const graph = syntheticAtlas(500, 1500, 7);
    const before = countCrossings(graph, layeredLayout(graph, { sweeps: 0 }));
    const after = countCrossings(graph, layeredLayout(graph));
    assert.ok(before > 0);
    assert.ok(after < before * 0.8, `expected a clear reduction, got ${after} from ${before}`);
  });

  it('wraps a crowded band into rows, keeping x in rank order and row neighbours apart', () => {
    const nodes = Array.from({ length: 250 }, (_, i) => ({ key: `app/${String(i).padStart(3, '0')}.md`, layer: 'application' as Layer }));
    const layout = layeredLayout(graphOf(nodes, []), { maxRowNodes: 100, nodeSpacing: 10, rowSpacing: 10 });
    const band = bandOf(layout, 'application');
    assert.equal(band.height, 30);
    assert.equal(layout.width, 1000);
    const placed = nodes.map((node) => layout.positions[node.key]);
    const rows = new Map<number, number[]>();
    for (const { x, y } of placed) rows.set(y, [...(rows.get(y) ?? []), x]);
    assert.equal(rows.size, 3);
    for (const xs of rows.values()) {
      assert.ok(xs.length <= 100);
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) assert.ok(xs[i] - xs[i - 1] >= 10 - 1e-9);
    }
    assert.ok(placed.every(({ x }) => x > 0 && x < layout.width));
    assert.equal(new Set(placed.map(({ x }) => x)).size, 250, 'no two nodes share an x, so none overlap');
    const otherBand = bandOf(layout, 'model');
    assert.equal(otherBand.height, 10, 'an empty band keeps one row');
  });

  it('wraps every band into shorter rows when one row a band would be wider than maxAspect allows', () => {
    // The 500-protocol example's bands: one row a band up to 100 made it 16 times as wide as tall.
    const sizes: Array<[Layer, number]> = [['infrastructure', 100], ['middleware', 110], ['model', 70], ['application', 200], ['unclassified', 20]];
    const nodes = sizes.flatMap(([layer, count]) => Array.from({ length: count }, (_, i) => ({ key: `${layer}/${String(i).padStart(3, '0')}.md`, layer })));
    const options = { nodeSpacing: 24, rowSpacing: 10, bandGap: 20 };
    const strip = layeredLayout(graphOf(nodes, []), options);
    assert.ok(strip.width / strip.height > 15, `without a limit: ${strip.width} × ${strip.height}`);
    const wrapped = layeredLayout(graphOf(nodes, []), { ...options, maxAspect: 7 });
    const aspect = wrapped.width / wrapped.height;
    assert.ok(aspect <= 7 && aspect > 6, `at most 7 times as wide, and no narrower than needed: ${wrapped.width} × ${wrapped.height}`);
    for (const [layer, count] of sizes) {
      const ys = new Set(nodes.filter((node) => node.layer === layer).map((node) => wrapped.positions[node.key].y));
      assert.equal(bandOf(wrapped, layer).height, ys.size * 10, `${layer}: a row of its height for each row it has`);
      assert.ok(Math.ceil(count / ys.size) * 24 <= wrapped.width, `${layer}'s rows fit the width`);
      assert.ok(nodes.every((node) => node.layer !== layer || insideBand(wrapped, node.key, layer)));
    }
    // A layout narrow enough already is left as it was.
    const small = graphOf(nodes.filter((node) => node.layer === 'unclassified'), []);
    assert.deepEqual(layeredLayout(small, { ...options, maxAspect: 7 }), layeredLayout(small, options));
  });

  it('puts the protocols most others depend on in a band’s top or bottom row, where their names fit', () => {
    // Issue 13: between two full rows a name has no room, so a hub there went unnamed.
    const infrastructure = Array.from({ length: 300 }, (_, i) => ({ key: `infra/${String(i).padStart(3, '0')}.md`, layer: 'infrastructure' as Layer }));
    const applications = Array.from({ length: 60 }, (_, i) => ({ key: `app/${String(i).padStart(2, '0')}.md`, layer: 'application' as Layer }));
    // Twenty hubs spread over the band, hub k with k + 2 dependents.
    const hubs = Array.from({ length: 20 }, (_, k) => infrastructure[k * 15 + 7].key);
    const edges = hubs.flatMap((hub, k) => applications.slice(0, k + 2).map((app): [string, string] => [app.key, hub]));
    const layout = layeredLayout(graphOf([...infrastructure, ...applications], edges), { maxRowNodes: 100, nodeSpacing: 10, rowSpacing: 10 });
    const ys = [...new Set(infrastructure.map((node) => layout.positions[node.key].y))].sort((a, b) => a - b);
    assert.equal(ys.length, 3);
    for (const hub of hubs) assert.ok(layout.positions[hub].y !== ys[1], `${hub} is on an outer row`);
    assert.ok(infrastructure.some((node) => !hubs.includes(node.key) && layout.positions[node.key].y === ys[1]), 'the middle row keeps the others');
    assert.equal(new Set(infrastructure.map((node) => layout.positions[node.key].x)).size, 300, 'every protocol still has a spot of its own');
  });

  it('survives cycles, self loops and a 1,000-deep dependency chain', () => {
    const layers: Layer[] = ['application', 'model', 'middleware', 'infrastructure'];
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ key: `chain/${i}.md`, layer: layers[i % 4] }));
    const edges: Array<[string, string]> = nodes.slice(1).map((node, i) => [nodes[i].key, node.key]);
    edges.push(['chain/999.md', 'chain/0.md'], ['chain/5.md', 'chain/5.md'], ['chain/1.md', 'chain/0.md']);
    const layout = layeredLayout(graphOf(nodes, edges));
    assert.equal(Object.keys(layout.positions).length, 1000);
    assert.ok(Object.values(layout.positions).every(({ x, y }) => Number.isFinite(x) && Number.isFinite(y)));
  });

  it('ignores nonsensical options instead of failing', () => {
    const layout = layeredLayout(stack, { nodeSpacing: -1, rowSpacing: Number.NaN, bandGap: -5, maxRowNodes: 0, sweeps: Infinity });
    assert.deepEqual(layout, layeredLayout(stack, { maxRowNodes: 1 }));
  });

  it('keeps paths such as "__proto__" as ordinary keys of positions', () => {
    const layout = layeredLayout(graphOf([{ key: '__proto__', layer: 'model' }], []));
    assert.ok(Object.prototype.hasOwnProperty.call(layout.positions, '__proto__'));
    assert.equal(JSON.parse(JSON.stringify(layout)).positions.__proto__.y, layout.positions.__proto__.y);
  });

  describe('properties on random layered graphs', () => {
    const build = (spec: GraphSpec, seed: number) => graphOf(shuffled(spec.nodes, seed), shuffled(spec.edges, seed + 1));

    it('never has more crossings than the initial sorted order', () => {
      fc.assert(
        fc.property(graphSpecArbitrary, (spec) => {
          const graph = build(spec, 1);
          return countCrossings(graph, layeredLayout(graph)) <= countCrossings(graph, layeredLayout(graph, { sweeps: 0 }));
        }),
        { numRuns: 300 },
      );
    });

    it('gives the same positions whatever order nodes and edges were added in', () => {
      fc.assert(
        fc.property(graphSpecArbitrary, fc.integer(), fc.integer(), (spec, seedA, seedB) => {
          assert.deepEqual(layeredLayout(build(spec, seedA)), layeredLayout(build(spec, seedB)));
        }),
        { numRuns: 200 },
      );
    });

    it('places every node inside the band of its layer', () => {
      fc.assert(
        fc.property(graphSpecArbitrary, (spec) => {
          const layout = layeredLayout(build(spec, 3));
          for (const node of spec.nodes) assert.ok(insideBand(layout, node.key, node.layer), node.key);
          assert.equal(layout.bands.reduce((sum, band) => sum + band.count, 0), spec.nodes.length);
        }),
        { numRuns: 200 },
      );
    });
  });
});
