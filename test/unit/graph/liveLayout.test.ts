// The layout kept in place while notes change: a new note takes a free spot near its neighbours
// and nothing else moves, until a band is too crowded and the whole layout is made again.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DependencyGraph } from '../../../src/core/graph/dependencyGraph';
import { layeredLayout, type GraphLayout } from '../../../src/core/graph/layout';
import { LiveLayout } from '../../../src/core/graph/liveLayout';
import type { Layer } from '../../../src/core/vocabulary/model';
import { graphOf, LAYER_CHOICES } from './fixtures';

const SPACING = { nodeSpacing: 10, rowSpacing: 10, bandGap: 20, maxRowNodes: 4 };

function addNote(graph: DependencyGraph, key: string, layer: Layer, dependsOn: string[] = []): void {
  graph.addNode(key, { name: key, layer });
  for (const target of dependsOn) graph.mergeEdge(key, target);
}

/** Every protocol inside its layer's band and within the width, row neighbours at least half a spacing apart. */
function assertWellPlaced(graph: DependencyGraph, layout: GraphLayout): void {
  const rows = new Map<number, number[]>();
  graph.forEachNode((key, attributes) => {
    const at = layout.positions[key];
    assert.ok(at, `${key} has a position`);
    const band = layout.bands.find((each) => each.layer === (attributes.layer ?? 'unclassified'));
    assert.ok(band, `a band for ${attributes.layer}`);
    assert.ok(at.y > band.y - band.height / 2 && at.y < band.y + band.height / 2, `${key} inside its band`);
    assert.ok(at.x >= 0 && at.x <= layout.width, `${key} at x ${at.x} within 0..${layout.width}`);
    rows.set(at.y, [...(rows.get(at.y) ?? []), at.x]);
  });
  for (const xs of rows.values()) {
    xs.sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i] - xs[i - 1] >= SPACING.nodeSpacing / 2 - 1e-9, `row neighbours ${xs[i - 1]} and ${xs[i]} too close`);
  }
  for (const band of layout.bands) {
    let count = 0;
    graph.forEachNode((_key, attributes) => void (attributes.layer === band.layer && count++));
    assert.equal(band.count, count, `${band.layer} count`);
  }
}

function base(): DependencyGraph {
  const nodes = [
    ...Array.from({ length: 6 }, (_, i) => ({ key: `infra/${i}.md`, layer: 'infrastructure' as Layer })),
    ...Array.from({ length: 3 }, (_, i) => ({ key: `mid/${i}.md`, layer: 'middleware' as Layer })),
    ...Array.from({ length: 5 }, (_, i) => ({ key: `app/${i}.md`, layer: 'application' as Layer })),
  ];
  const edges: Array<[string, string]> = [
    ['mid/0.md', 'infra/0.md'],
    ['mid/1.md', 'infra/3.md'],
    ['mid/2.md', 'infra/5.md'],
    ['app/0.md', 'mid/0.md'],
    ['app/4.md', 'mid/2.md'],
  ];
  return graphOf(nodes, edges);
}

describe('LiveLayout', () => {
  it('starts as the full layered layout', () => {
    const graph = base();
    assert.deepEqual(new LiveLayout(graph, SPACING).snapshot(), layeredLayout(graph, SPACING));
  });

  it('places a new note near its dependencies and moves nothing else', () => {
    const graph = base();
    const live = new LiveLayout(graph, SPACING);
    const before = live.snapshot();
    addNote(graph, 'mid/new.md', 'middleware', ['infra/5.md']);
    const moved = live.update(['mid/new.md']);
    assert.deepEqual(moved, new Set(['mid/new.md']));
    const after = live.snapshot();
    for (const key of Object.keys(before.positions)) assert.deepEqual(after.positions[key], before.positions[key], `${key} stays put`);
    const target = after.positions['infra/5.md'].x;
    const distances = Object.keys(before.positions)
      .filter((key) => key.startsWith('mid/'))
      .map((key) => Math.abs(before.positions[key].x - target));
    assert.ok(Math.abs(after.positions['mid/new.md'].x - target) <= Math.min(...distances) + SPACING.nodeSpacing, 'as close to its dependency as the band allows');
    assert.equal(after.bands.find((band) => band.layer === 'middleware')?.count, 4);
    assertWellPlaced(graph, after);
  });

  it('leaves a removed note’s spot empty, and moves a note that changed layer into its new band', () => {
    const graph = base();
    const live = new LiveLayout(graph, SPACING);
    const before = live.snapshot();
    graph.dropNode('app/2.md');
    graph.replaceNodeAttributes('mid/1.md', { name: 'mid/1.md', layer: 'model' });
    assert.deepEqual(live.update(['app/2.md', 'mid/1.md']), new Set(['mid/1.md']));
    const after = live.snapshot();
    assert.equal(after.positions['app/2.md'], undefined);
    for (const key of Object.keys(after.positions)) if (key !== 'mid/1.md') assert.deepEqual(after.positions[key], before.positions[key]);
    assertWellPlaced(graph, after);
  });

  it('puts the unclassified band on top when its first note comes, and takes it away with the last, moving nothing', () => {
    const graph = base();
    const live = new LiveLayout(graph, SPACING);
    const before = live.snapshot();
    addNote(graph, 'odd.md', 'unclassified');
    live.update(['odd.md']);
    const withBand = live.snapshot();
    assert.deepEqual(withBand.bands.map((band) => band.layer), ['infrastructure', 'middleware', 'model', 'application', 'unclassified']);
    assert.ok(withBand.height > before.height);
    assertWellPlaced(graph, withBand);
    graph.dropNode('odd.md');
    live.update(['odd.md']);
    assert.deepEqual(live.snapshot(), before);
  });

  it('lays everything out again once a band has no gap left', () => {
    const graph = graphOf([{ key: 'a.md', layer: 'model' }, { key: 'b.md', layer: 'model' }], []);
    const live = new LiveLayout(graph, SPACING);
    let moves: Set<string> | 'all' = new Set();
    for (let i = 0; moves !== 'all' && i < 20; i++) {
      addNote(graph, `n${i}.md`, 'model');
      moves = live.update([`n${i}.md`]);
      assertWellPlaced(graph, live.snapshot());
    }
    assert.equal(moves, 'all');
    assert.deepEqual(live.snapshot(), layeredLayout(graph, SPACING));
  });

  it('keeps every note in its band, apart from its row neighbours, and the untouched ones in place, through any edits (property)', () => {
    const edit = fc.record({ key: fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `p${i}.md`)), layer: fc.option(fc.constantFrom(...LAYER_CHOICES), { nil: undefined }), to: fc.nat(13) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 10 }), (edits, start) => {
        const graph = graphOf(Array.from({ length: start }, (_, i) => ({ key: `p${i}.md`, layer: LAYER_CHOICES[i % 5] })), []);
        const live = new LiveLayout(graph, SPACING);
        for (const { key, layer, to } of edits) {
          const before = live.snapshot();
          if (layer === undefined) {
            if (graph.hasNode(key)) graph.dropNode(key);
          } else if (graph.hasNode(key)) {
            graph.replaceNodeAttributes(key, { name: key, layer });
          } else {
            addNote(graph, key, layer);
            if (graph.hasNode(`p${to}.md`)) graph.mergeEdge(key, `p${to}.md`);
          }
          const moves = live.update([key]);
          const after = live.snapshot();
          assertWellPlaced(graph, after);
          if (moves === 'all') continue;
          for (const other of Object.keys(after.positions)) if (other !== key) assert.deepEqual(after.positions[other], before.positions[other]);
        }
      }),
      { numRuns: 200 },
    );
  });

  describe('restored from a saved layout (a window reload)', () => {
    it('keeps every protocol where it was and places the notes written meanwhile among them', () => {
      const graph = base();
      const saved = JSON.parse(JSON.stringify(new LiveLayout(graph, SPACING).snapshot())) as GraphLayout;
      // While the window was closed: a new compute note next to infra/3, one note gone, one moved up a layer.
      addNote(graph, 'infra/new.md', 'infrastructure');
      graph.mergeEdge('mid/1.md', 'infra/new.md');
      graph.dropNode('app/2.md');
      graph.mergeNodeAttributes('infra/1.md', { layer: 'middleware' });
      const restored = new LiveLayout(graph, SPACING, saved).snapshot();
      assertWellPlaced(graph, restored);
      const moved = Object.keys(restored.positions).filter((key) => saved.positions[key] && (saved.positions[key].x !== restored.positions[key].x || saved.positions[key].y !== restored.positions[key].y));
      assert.deepEqual(moved, ['infra/1.md'], 'only the note that changed layer moved');
      assert.ok(!('app/2.md' in restored.positions));
      assert.ok(restored.positions['infra/new.md'], 'the new note is placed');
      // A fresh layout of the same notes would have moved others: that is what restoring avoids.
      const fresh = layeredLayout(graph, SPACING);
      const freshMoved = Object.keys(fresh.positions).filter((key) => saved.positions[key] && saved.positions[key].x !== fresh.positions[key].x);
      assert.ok(freshMoved.length > 1, `a layout made afresh moves ${freshMoved.length} protocols`);
    });

    it('lays out afresh when the saved layout is not one, or when most notes are new', () => {
      const graph = base();
      const fresh = layeredLayout(graph, SPACING);
      const hostile: unknown[] = [
        null,
        42,
        'layout',
        {},
        { width: NaN, positions: {}, bands: [] },
        { width: 100, positions: null, bands: [] },
        { width: 100, positions: {}, bands: [{ layer: 'constructor', y: 0, height: 10 }] },
        { ...fresh, bands: [...fresh.bands, fresh.bands[0]] },
        { ...fresh, bands: fresh.bands.map((band) => ({ ...band, y: 'high' })) },
      ];
      for (const seed of hostile) assert.deepEqual(new LiveLayout(graph, SPACING, seed).snapshot(), fresh, `seed ${JSON.stringify(seed)}`);
      // Broken positions are placed afresh one by one; the rest stay.
      const positions: Record<string, unknown> = { ...fresh.positions, 'infra/0.md': { x: 'left', y: 1 }, 'infra/1.md': null, 'mid/0.md': { x: -5000, y: 0 } };
      const repaired = new LiveLayout(graph, SPACING, { ...fresh, positions }).snapshot();
      assertWellPlaced(graph, repaired);
      assert.deepEqual(repaired.positions['app/3.md'], fresh.positions['app/3.md']);
      // 300 new notes on a saved 14: laid out afresh.
      for (let i = 0; i < 300; i++) addNote(graph, `infra/more-${i}.md`, 'infrastructure');
      const many = new LiveLayout(graph, SPACING, fresh).snapshot();
      assert.deepEqual(many, layeredLayout(graph, SPACING));
    });

    it('never throws on a saved layout of any shape (property)', () => {
      fc.assert(
        fc.property(fc.anything(), fc.dictionary(fc.string(), fc.anything()), (seed, positions) => {
          const graph = base();
          for (const candidate of [seed, { width: 90, bands: layeredLayout(graph, SPACING).bands, positions }]) {
            const layout = new LiveLayout(graph, SPACING, candidate).snapshot();
            assertWellPlaced(graph, layout);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});

