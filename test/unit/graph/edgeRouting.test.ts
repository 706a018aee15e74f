// Which edges bend, and which way: none runs over a protocol it does not join, in the panel or the SVG.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { edgeCurvature, routeChoices, RowIndex, SKIPPING_EDGE_CURVATURE, type PlacedProtocol } from '../../../src/core/graph/edgeRouting';

const BANDS = ['infrastructure', 'middleware', 'model', 'application'];
const at = (layer: string, x: number, y: number): PlacedProtocol => ({ layer, x, y });

/** Whether the edge, drawn with that curvature, passes within `within` of a protocol other than its ends (dense sampling). */
function overDot(from: PlacedProtocol, to: PlacedProtocol, curvature: number | undefined, protocols: PlacedProtocol[], within: number): boolean {
  const c = curvature ?? 0;
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  const [cx, cy] = [(from.x + to.x) / 2 - dy * c, (from.y + to.y) / 2 + dx * c];
  for (let i = 1; i < 2000; i++) {
    const t = i / 2000;
    const u = 1 - t;
    const x = u * u * from.x + 2 * u * t * cx + t * t * to.x;
    const y = u * u * from.y + 2 * u * t * cy + t * t * to.y;
    if (protocols.some((p) => p !== from && p !== to && Math.hypot(p.x - x, p.y - y) < within * 0.9)) return true;
  }
  return false;
}

describe('edge routing', () => {
  it('keeps a clear edge between neighbouring bands straight', () => {
    const a = at('middleware', 0, 0);
    const b = at('infrastructure', 24, -30);
    const rows = new RowIndex([a, b, at('middleware', 24, 0), at('infrastructure', 0, -30)]);
    assert.equal(edgeCurvature(a, b, BANDS, rows), undefined);
  });

  it("bends an edge between neighbouring bands that would cross a protocol of a band's second row", () => {
    // Middleware has two rows; the edge from its top row to infrastructure runs through the second row's dot.
    const top = at('middleware', 48, 10);
    const blocker = at('middleware', 48, 0);
    const below = at('infrastructure', 48, -30);
    const protocols = [top, blocker, below, at('middleware', 24, 0), at('middleware', 72, 0), at('middleware', 24, 10)];
    const rows = new RowIndex(protocols);
    const curvature = edgeCurvature(top, below, BANDS, rows);
    assert.notEqual(curvature, undefined, 'it bends');
    assert.ok(!overDot(top, below, curvature, protocols, rows.clearance), `and clears the dot (curvature ${curvature})`);
  });

  it('bows a band-skipping edge the other way when its usual bow lands on a protocol', () => {
    const from = at('application', 0, 60);
    const to = at('infrastructure', 0, -30);
    const usual = SKIPPING_EDGE_CURVATURE;
    // Where the usual bow crosses the model and middleware rows (y 30 and 0), a protocol, with
    // neighbours a spacing (24) to the right; the left is empty.
    const curveX = (y: number): number => {
      const [cx, cy] = [-(to.y - from.y) * usual, (from.y + to.y) / 2];
      for (let i = 0; i <= 10000; i++) {
        const t = i / 10000;
        const u = 1 - t;
        if (Math.abs(u * u * from.y + 2 * u * t * cy + t * t * to.y - y) < 0.01) return 2 * u * t * cx;
      }
      throw new Error('no such y');
    };
    const protocols = [from, to];
    for (const [layer, y] of [['model', 30], ['middleware', 0]] as const) for (let k = 0; k < 4; k++) protocols.push(at(layer, curveX(y) + 24 * k, y));
    const rows = new RowIndex(protocols);
    assert.ok(overDot(from, to, usual, protocols, rows.clearance), 'the usual bow would hit');
    const curvature = edgeCurvature(from, to, BANDS, rows);
    assert.ok(!overDot(from, to, curvature, protocols, rows.clearance), `the chosen one does not (${curvature})`);
  });

  it('never leaves an edge over a protocol when a clear way among its choices exists (property)', () => {
    const protocol = fc.record({ band: fc.integer({ min: 0, max: 3 }), slot: fc.integer({ min: 0, max: 12 }), row: fc.integer({ min: 0, max: 1 }) });
    fc.assert(
      fc.property(fc.uniqueArray(protocol, { minLength: 2, maxLength: 30, selector: (p) => `${p.band}/${p.slot}/${p.row}` }), fc.nat(), fc.nat(), (cells, i, j) => {
        const protocols = cells.map((cell) => at(BANDS[cell.band], cell.slot * 24, cell.band * 40 + cell.row * 10));
        const [from, to] = [protocols[i % protocols.length], protocols[j % protocols.length]];
        if (from === to) return;
        const rows = new RowIndex(protocols);
        const chosen = edgeCurvature(from, to, BANDS, rows);
        if (!overDot(from, to, chosen, protocols, rows.clearance)) return;
        // Over a dot: then every choice the router has is (a row edge has one bow, not choices).
        if (from.layer === to.layer && from.y === to.y) return;
        for (const curvature of routeChoices(Math.abs(BANDS.indexOf(from.layer) - BANDS.indexOf(to.layer)))) {
          assert.ok(overDot(from, to, curvature, protocols, rows.clearance * 1.25), `curvature ${curvature} was clear, yet ${chosen} was chosen`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
