// Placing the graph's names: none covers another name or another protocol's dot, on any layout.
import * as assert from 'assert';
import fc from 'fast-check';
import { ELLIPSIS, placeLabels, type Disc, type LabelCandidate, type PlacedLabel } from '../../../src/core/graph/labelPlacement';

/** A monospace stand-in for canvas measureText: 7 px a character. */
const measure = (text: string): number => [...text].length * 7;
const OPTIONS = { lineHeight: 16, gap: 3, minCharacters: 4, width: 800, height: 600 };

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const discBox = (disc: Disc) => ({ x: disc.x - disc.radius, y: disc.y - disc.radius, width: 2 * disc.radius, height: 2 * disc.radius });

function assertLegible(labels: PlacedLabel[], discs: Disc[], candidates: LabelCandidate[]): void {
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    assert.ok(label.x >= 0 && label.y >= 0 && label.x + label.width <= OPTIONS.width && label.y + label.height <= OPTIONS.height, `${label.id} inside the view`);
    for (let j = i + 1; j < labels.length; j++) {
      assert.ok(!overlaps(label, labels[j]), `${label.id} and ${labels[j].id} overlap`);
      // Side by side, two names keep 8 px apart, or they read as one.
      const grown = { ...label, x: label.x - 8 + 1e-6, width: label.width + 16 - 2e-6 };
      assert.ok(!overlaps(grown, labels[j]), `${label.id} and ${labels[j].id} are closer than 8 px`);
    }
    for (const disc of discs) if (disc.id !== label.id) assert.ok(!overlaps(label, discBox(disc)), `${label.id} covers the dot of ${disc.id}`);
    const name = candidates.find((candidate) => candidate.id === label.id)!.text;
    assert.ok(label.text === name || (label.text.endsWith(ELLIPSIS) && name.startsWith(label.text.slice(0, -1).trimEnd())), `${label.text} is ${name} or its start`);
    assert.strictEqual(label.width, measure(label.text));
  }
  assert.strictEqual(new Set(labels.map((label) => label.id)).size, labels.length, 'one name per protocol');
}

describe('graph labels', () => {
  it('puts a name in a full band beside, above or below its dot, shortened, or not at all, never over the next dot', () => {
    // Ten protocols in a row 30 px apart, long names: the old picture read "Virtuals Protoc●Wayfinder".
    const discs: Disc[] = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, x: 100 + i * 30, y: 300, radius: 5 }));
    const candidates = discs.map((disc, i) => ({ ...disc, text: i === 3 ? 'Virtuals Protocol' : `Protocol number ${i}`, priority: i === 3 ? 100 : 10 - i }));
    const labels = placeLabels(candidates, discs, measure, OPTIONS);
    assertLegible(labels, discs, candidates);
    const virtuals = labels.find((label) => label.id === 'p3');
    assert.strictEqual(virtuals?.text, 'Virtuals Protocol', 'the most important name is drawn whole (above or below the row)');
    assert.ok(virtuals.y + virtuals.height <= 300 - 5 || virtuals.y >= 300 + 5, 'off the row');
    assert.ok(labels.length >= 3, `several names still fit: ${labels.map((label) => label.text).join(', ')}`);
  });

  it('draws every name whole when there is room, to the right of its dot', () => {
    const discs: Disc[] = [
      { id: 'a', x: 100, y: 100, radius: 6 },
      { id: 'b', x: 400, y: 100, radius: 6 },
    ];
    const candidates = discs.map((disc) => ({ ...disc, text: `Name ${disc.id}`, priority: 1 }));
    const labels = placeLabels(candidates, discs, measure, OPTIONS);
    assert.deepStrictEqual(
      labels.map((label) => [label.id, label.text, label.x]),
      [
        ['a', 'Name a', 100 + 6 + 3],
        ['b', 'Name b', 400 + 6 + 3],
      ],
    );
  });

  it('never overlaps on random layouts, dense or sparse, and is the same for the same input', () => {
    const layout = fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 800 }),
        y: fc.integer({ min: 0, max: 600 }),
        radius: fc.integer({ min: 2, max: 12 }),
        text: fc.string({ minLength: 0, maxLength: 40 }),
        priority: fc.integer({ min: 0, max: 50 }),
        labelled: fc.boolean(),
      }),
      { maxLength: 150 },
    );
    fc.assert(
      fc.property(layout, (nodes) => {
        const discs = nodes.map((node, i) => ({ id: `n${i}`, x: node.x, y: node.y, radius: node.radius }));
        const candidates = nodes.flatMap((node, i) => (node.labelled ? [{ id: `n${i}`, x: node.x, y: node.y, radius: node.radius, text: node.text, priority: node.priority }] : []));
        const labels = placeLabels(candidates, discs, measure, OPTIONS);
        assertLegible(labels, discs, candidates);
        assert.deepStrictEqual(placeLabels([...candidates].reverse(), discs, measure, OPTIONS), labels, 'independent of input order');
      }),
      { numRuns: 150 },
    );
  });
});
