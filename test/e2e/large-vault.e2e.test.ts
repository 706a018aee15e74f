// The graph on a vault ten times the article's: examples/web3-ai-500 (scripts/generate-example-vault.js),
// with a hub 150 protocols depend on, a 40-note cycle, a chain of 30 wrappers and a band of 200.
// What a researcher must still be able to read there, in the real VS Code at 1280×800 and beside
// a note: every protocol in its band, no name over another name or a dot, the hubs named, the
// band names apart, frames that keep up with the hand; more names zoomed in; the hub's
// dependents and routes lit when it is clicked.
import * as assert from 'assert';
import type { FrameLocator } from 'playwright-core';
import { Atlas } from '../../src/core/atlas';
import { indexFolder } from '../../src/node/indexFolder';
import { assertLegibleLabels, inGraph, nodeOnPage, openGraph, pixelOnPage, waitForGraph } from './graphView';
import { EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure } from './workbench';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe(`Layer Graph on the 500-protocol vault (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  let view: FrameLocator;
  let atlas: Atlas;
  /** The protocols most others depend on, most first, as the core counts them. */
  let hubs: Array<{ id: string; name: string; dependents: string[] }>;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open({ example: 'web3-ai-500' });
    atlas = new Atlas({ index: indexFolder(workbench.workspace).index });
    const graph = atlas.index.graph;
    hubs = graph
      .mapNodes((id) => ({ id, name: atlas.index.protocol(id)!.name.value, dependents: graph.inNeighbors(id) }))
      .sort((a, b) => b.dependents.length - a.dependents.length)
      .slice(0, 6);
    view = await openGraph(workbench, markdownFiles(workbench.workspace).length);
  });

  // Each test starts from the whole graph, whatever the one before left.
  beforeEach(async () => {
    await view.locator('[data-testid="fit"]').click();
    await waitForGraph(view, (graph) => {
      const camera = graph.camera();
      return !!camera && Math.abs(camera.ratio - 1) < 1e-6 && Math.abs(camera.x - 0.5) < 1e-6 && Math.abs(camera.y - 0.5) < 1e-6;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
  });

  after(async () => {
    atlas?.dispose();
    await workbench?.close();
  });

  /** Every check of what can be read at the current camera; returns the names drawn. */
  async function assertLegible(minimumShown: number): Promise<string[]> {
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    const bands = await inGraph(view, (graph) => graph.bands());
    const nodes = await inGraph(view, (graph) => graph.nodes().map((node) => ({ id: node.id, name: node.name, layer: node.layer, screen: graph.graphToViewport(node.x, node.y)! })));
    for (const node of nodes) {
      const band = bands.find((candidate) => candidate.layer === node.layer)!;
      assert.ok(node.screen.y >= band.top && node.screen.y <= band.bottom, `${node.name} is drawn inside the ${band.label} band (${node.screen.y} in ${band.top}–${band.bottom})`);
    }
    const names = await assertLegibleLabels(view, minimumShown);
    // A band's name is read like a protocol's: nothing may be drawn over it.
    const bandNames = await bandNameBoxes(view);
    assert.ok(bandNames.length >= 1, 'a band name is drawn');
    const { labels, discs } = await inGraph(view, (graph) => graph.drawnLabels());
    for (const band of bandNames) {
      assert.ok(band.x + band.width <= graphBox.width, `${band.text} fits the view`);
      for (const label of labels) assert.ok(!overlaps(band, label), `"${label.text}" is drawn over the band name ${band.text}`);
      for (const disc of discs) {
        assert.ok(!overlaps(band, { x: disc.x - disc.radius, y: disc.y - disc.radius, width: 2 * disc.radius, height: 2 * disc.radius }), `a protocol (${disc.id}) is drawn over the band name ${band.text}`);
      }
    }
    const tops = bandNames.map((band) => band.y).sort((a, b) => a - b);
    for (let i = 1; i < tops.length; i++) assert.ok(tops[i] - tops[i - 1] >= 14, `band names ${tops.join(', ')} px apart`);
    // The verdict legend sits over the graph's corner when the toolbar is compact: no name may hide under it.
    const legend = await view.locator('[data-testid="legend"]').boundingBox();
    if (legend) {
      const box = { x: legend.x - graphBox.x, y: legend.y - graphBox.y, width: legend.width, height: legend.height };
      for (const label of labels) assert.ok(!overlaps(box, label), `"${label.text}" is under the legend`);
    }
    return names;
  }

  it('at 1280×800: every protocol in its band, no name over a name or a dot, the hubs named, frames on time', async () => {
    assert.ok(hubs[0].dependents.length >= 140, `the vault has its big hub: ${hubs[0].name}, ${hubs[0].dependents.length} dependents`);
    const status = await view.locator('[data-testid="status"]').innerText();
    assert.match(status, /^500 protocols, 1\d{3} dependencies/);
    await workbench.page.locator('iframe.webview.ready').screenshot({ path: `${__dirname}/artifacts/graph-500.png` });
    const names = await assertLegible(60);
    for (const hub of hubs.slice(0, 4)) assert.ok(names.includes(hub.name), `${hub.name}, which ${hub.dependents.length} depend on, is named: ${names.slice(0, 40).join(', ')}`);

    // Dragging the graph around: the picture follows the hand, frame after frame.
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    const centre = { x: graphBox.x + graphBox.width / 2, y: graphBox.y + graphBox.height / 2 };
    await inWebview(view, `(() => {
      const frames = (window.__e2eFrames = []);
      window.__e2eCounting = true;
      let last = performance.now();
      requestAnimationFrame(function count(now) {
        frames.push(now - last);
        last = now;
        if (window.__e2eCounting) requestAnimationFrame(count);
      });
    })()`);
    const cameraBefore = (await inGraph(view, (graph) => graph.camera()))!;
    await workbench.page.mouse.move(centre.x + 80, centre.y);
    await workbench.page.mouse.down();
    const start = Date.now();
    while (Date.now() - start < 2000) {
      const angle = ((Date.now() - start) / 1000) * 2 * Math.PI;
      await workbench.page.mouse.move(centre.x + 80 * Math.cos(angle), centre.y + 80 * Math.sin(angle));
    }
    const frames = (await inWebview(view, '(() => { window.__e2eCounting = false; return window.__e2eFrames.slice(1); })()')) as number[];
    // The circle ends where it began: a last pull sideways, so the drop leaves the graph moved.
    await workbench.page.mouse.move(centre.x - 100, centre.y, { steps: 5 });
    await workbench.page.mouse.up();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mean = frames.reduce((sum, each) => sum + each, 0) / frames.length;
    assert.ok(frames.length >= 20 && mean <= 50, `frames while dragging: ${frames.length} in 2 s, ${mean.toFixed(1)} ms on average`);
    const cameraAfter = (await inGraph(view, (graph) => graph.camera()))!;
    assert.ok(Math.hypot(cameraAfter.x - cameraBefore.x, cameraAfter.y - cameraBefore.y) > 1e-3, 'and the graph moved with it');
  });

  it('zoomed in with the mouse wheel: more of the protocols on screen named, and still none over another', async () => {
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    // The protocols whose dot is within the view, and how many names are drawn.
    const share = () =>
      inGraph(
        view,
        (graph, size) => {
          const { labels, discs } = graph.drawnLabels();
          return { named: labels.length, onScreen: discs.filter((disc) => disc.x >= 0 && disc.y >= 0 && disc.x <= size.width && disc.y <= size.height).length };
        },
        { width: graphBox.width, height: graphBox.height },
      );
    const atFit = await share();
    // Over the application band, the fullest: one notch of the wheel, then another.
    const application = (await inGraph(view, (graph) => graph.bands())).find((band) => band.layer === 'application')!;
    await workbench.page.mouse.move(graphBox.x + graphBox.width / 2, graphBox.y + (application.top + application.bottom) / 2);
    for (let notch = 0; notch < 2; notch++) {
      await workbench.page.mouse.wheel(0, -100);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    await waitForGraph(view, (graph) => (graph.camera()?.ratio ?? 1) < 0.8);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await workbench.screenshot('graph-500-zoomed');
    const ratio = (await inGraph(view, (graph) => graph.camera()))!.ratio;
    const zoomed = await share();
    await assertLegible(1);
    assert.ok(
      zoomed.named / zoomed.onScreen > atFit.named / atFit.onScreen,
      `zoomed in (ratio ${ratio.toFixed(2)}) a larger share is named: ${zoomed.named} of ${zoomed.onScreen} on screen, at fit ${atFit.named} of ${atFit.onScreen}`,
    );
  });

  it('a click on the hub 150 depend on lights every dependent and its route, and shows its card', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const hub = hubs[0];
    const at = await nodeOnPage(workbench, view, hub.id);
    await workbench.page.mouse.move(at.x + 30, at.y + 30);
    await workbench.page.mouse.move(at.x, at.y, { steps: 5 });
    await workbench.page.mouse.click(at.x, at.y);
    await waitForGraph(view, (graph, id) => graph.selected === id && graph.highlight().exposureEdges.length > 0, hub.id);
    const card = view.locator('[data-testid="hover-card"]');
    await card.waitFor({ state: 'visible' });
    assert.strictEqual(await card.locator('[data-testid="card-name"]').innerText(), hub.name);
    await workbench.screenshot('graph-500-hub-selected');
    const highlight = await inGraph(view, (graph) => graph.highlight());
    for (const dependent of hub.dependents) assert.ok(highlight.nodes.includes(dependent), `${dependent}, which depends on ${hub.name}, is lit`);
    for (const { path: route } of atlas.exposureOf(hub.id)) {
      for (let i = 1; i < route.length; i++) assert.ok(highlight.exposureEdges.some(([s, t]) => s === route[i - 1] && t === route[i]), `the route ${route[i - 1]} → ${route[i]} is lit`);
    }
    // And a person sees the route once the pointer leaves the hub (the card goes with it): along
    // the edge to the first negative protocol, away from every dot and name, some pixel is the
    // negative verdict's colour.
    await workbench.page.mouse.move(1, 1);
    await card.waitFor({ state: 'hidden' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [source, target] = highlight.exposureEdges[0];
    const drawn = await inGraph(view, (graph) => graph.drawnLabels());
    const from = drawn.discs.find((disc) => disc.id === source)!;
    const to = drawn.discs.find((disc) => disc.id === target)!;
    const negative = await view.locator('[data-testid="legend-negative"] .swatch').first().evaluate((element) => (element as unknown as { style: { backgroundColor: string } }).style.backgroundColor);
    const wanted = (negative.match(/\d+/g) ?? []).map(Number);
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    // Along the edge as drawn: bent around protocols it does not join (y-down: the control point
    // is the chord's midpoint moved by curvature × (dy, −dx)).
    const curvature = (await inGraph(view, (graph, ends) => graph.edges().find((edge) => edge.source === ends[0] && edge.target === ends[1])?.curvature, [source, target])) ?? 0;
    const control = { x: (from.x + to.x) / 2 + (to.y - from.y) * curvature, y: (from.y + to.y) / 2 - (to.x - from.x) * curvature };
    let nearest = Infinity;
    for (let t = 0.15; t <= 0.85 && nearest > 60; t += 0.02) {
      const u = 1 - t;
      const point = { x: u * u * from.x + 2 * u * t * control.x + t * t * to.x, y: u * u * from.y + 2 * u * t * control.y + t * t * to.y };
      const free =
        drawn.discs.every((disc) => Math.hypot(disc.x - point.x, disc.y - point.y) > disc.radius + 3) &&
        drawn.labels.every((label) => !overlaps({ x: point.x - 3, y: point.y - 3, width: 6, height: 6 }, label));
      if (!free) continue;
      const pixel = await pixelOnPage(workbench.page, { x: graphBox.x + point.x, y: graphBox.y + point.y });
      nearest = Math.min(nearest, pixel.reduce((sum, channel, i) => sum + Math.abs(channel - wanted[i]), 0));
    }
    assert.ok(nearest <= 60, `the route ${source} → ${target} is drawn in the negative colour ${negative} (nearest pixel ${nearest} off)`);
    await view.locator('[data-testid="graph"]').focus();
    await workbench.page.keyboard.press('Escape');
    await waitForGraph(view, (graph) => graph.selected === undefined);
  });

  it('beside a note: every protocol in its band, no name over a name or a dot, the biggest hubs named', async () => {
    // A double-click opens a protocol's note beside the graph.
    const at = await nodeOnPage(workbench, view, hubs[5].id);
    await workbench.page.mouse.dblclick(at.x, at.y);
    await workbench.tab(hubs[5].id.split('/').pop()!).waitFor();
    const frame = (await workbench.page.locator('iframe.webview.ready').boundingBox())!;
    assert.ok(frame.width < 700, `the graph shares the window with the note: ${frame.width} px wide`);
    await view.locator('[data-testid="graph"]').focus();
    await workbench.page.keyboard.press('Escape');
    await view.locator('[data-testid="fit"]').click();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await workbench.screenshot('graph-500-beside-note');
    const names = await assertLegible(25);
    for (const hub of hubs.slice(0, 2)) assert.ok(names.includes(hub.name), `${hub.name} is named beside the note: ${names.slice(0, 30).join(', ')}`);
  });
});

/** Runs a script (source text, so no helper is wrapped in tsx's __name) in the webview. */
function inWebview(frame: FrameLocator, source: string): Promise<unknown> {
  return frame.locator('body').evaluate((_body, script) => (0, eval)(script), source);
}

/** The band names drawn in the last frame, as boxes in the graph's pixels. */
async function bandNameBoxes(frame: FrameLocator): Promise<Array<Box & { text: string }>> {
  const bands = await inGraph(frame, (graph) => graph.bands());
  return bands.flatMap((band) => (band.labelBox ? [{ text: band.label, ...band.labelBox }] : []));
}
