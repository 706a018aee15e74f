// Placing the graph's names: none covers another name or another protocol's dot, on any layout.
import * as assert from 'assert';
import fc from 'fast-check';
import { ELLIPSIS, placeAllNames, placeBandNames, placeLabels, type Disc, type LabelCandidate, type PlacedLabel } from '../../../src/core/graph/labelPlacement';

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

  it('keeps names off a band name drawn beside the row', () => {
    // Issue 13, the 500-protocol vault: "Kite Agent" was printed over "APPLICATION · 200".
    const band = { x: 10, y: 290, width: 130, height: 15 };
    const discs: Disc[] = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, x: 60 + i * 60, y: 310, radius: 5 }));
    const candidates = discs.map((disc, i) => ({ ...disc, text: `Agent ${i}`, priority: 12 - i }));
    const free = placeLabels(candidates, discs, measure, OPTIONS);
    assert.ok(free.some((label) => overlaps(label, band)), 'without it, a name lands where the band name is');
    const labels = placeLabels(candidates, discs, measure, { ...OPTIONS, keepOff: [band] });
    assertLegible(labels, discs, candidates);
    for (const label of labels) assert.ok(!overlaps(label, band), `${label.text} keeps off the band name`);
    assert.ok(labels.length >= 10, `the others are still named: ${labels.map((label) => label.text).join(', ')}`);
  });

  it('moves a band name off the dots under it, as little as it can, within its range', () => {
    // A band's first row came up to its name beside a note: dots over the letters.
    const row: Disc[] = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, x: 30 + i * 14, y: 112, radius: 4 }));
    const spot = { id: 'application', x: 10, y: 100, width: 120, height: 15, minY: 80, maxY: 140 };
    assert.deepStrictEqual(placeBandNames([spot], []), [{ id: 'application', x: 10, y: 100, width: 120, height: 15 }], 'where it is wanted when nothing is under it');
    const [moved] = placeBandNames([spot], row);
    assert.strictEqual(moved.y, 112 - 4 - 2 - 15, 'just above the row, 2 px clear');
    for (const disc of row) assert.ok(!overlaps(moved, discBox(disc)));
    // Nowhere to go: left out rather than drawn over the dots.
    assert.deepStrictEqual(placeBandNames([{ ...spot, minY: 100, maxY: 104 }], row), []);
    // Two band names never share a line.
    const [first, second] = placeBandNames([spot, { ...spot, id: 'model', y: 105 }], []);
    assert.ok(!overlaps(first, second), `${first.y} and ${second.y}`);
  });

  it('names a hub of a band’s first row before the band name, which moves out of its way', () => {
    // Issue 13, beside a note: "MIDDLEWARE · 110" took the room above Nexa Agent Kit, and the
    // hub 150 protocols depend on went unnamed.
    const rows: Disc[] = [130, 146].flatMap((y, row) => Array.from({ length: 20 }, (_, i) => ({ id: `r${row}-${i}`, x: 30 + i * 14 + row * 7, y, radius: 4 })));
    const hub = rows[5];
    const candidates = rows.map((disc) => ({ ...disc, text: disc === hub ? 'Nexa Agent Kit' : `P ${disc.id}`, priority: disc === hub ? 150 : 1 }));
    const band = { id: 'middleware', x: 10, y: 100, width: 130, height: 15, minY: 80, maxY: 140 };
    const [fixed] = placeBandNames([band], rows);
    const before = placeLabels(candidates, rows, measure, { ...OPTIONS, keepOff: [fixed] });
    assert.ok(!before.some((label) => label.id === hub.id), 'with the band name placed first, the hub has no room');
    const { labels, bandNames } = placeAllNames(candidates, rows, measure, OPTIONS, [band], (candidate) => candidate.priority >= 100);
    assert.strictEqual(labels.find((label) => label.id === hub.id)?.text, 'Nexa Agent Kit');
    assert.strictEqual(bandNames.length, 1, 'the band is still named');
    assertLegible(labels, rows, candidates);
    for (const label of labels) assert.ok(!overlaps(label, bandNames[0]), `${label.text} keeps off the band name`);
    for (const disc of rows) assert.ok(!overlaps(bandNames[0], discBox(disc)), 'the band name keeps off the dots');
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
