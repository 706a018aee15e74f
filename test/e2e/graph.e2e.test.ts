// The layer graph as a researcher uses it, in the real VS Code UI: the four bands and the
// article's protocols drawn, io.net's reason and section on hover, its note a double-click away,
// a layer filtered out, a dependency typed into a note appearing without a reload, keyboard
// navigation, and the dark theme.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { CHROMIUM_ARGS, launchChromium } from '../../scripts/code-server';
import { EXAMPLE_WORKSPACE, ROOT } from '../../scripts/project';
import { Atlas } from '../../src/core/atlas';
import { buildGraphView } from '../unit/graphView/wholeView';
import { categoryById } from '../../src/core/vocabulary/taxonomy';
import { indexFolder } from '../../src/node/indexFolder';
import { assertLegibleLabels, drawnPixels, inGraph, nodeOnPage, openGraph, pixelOnPage, waitForGraph, webviewBackground } from './graphView';
import { ARTIFACTS_DIR, EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure, chooseMenuItem } from './workbench';

const IO_NET = 'infrastructure/io-net.md';
const ARWEAVE = 'infrastructure/arweave.md';

describe(`Layer graph (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  let view: FrameLocator;
  let atlas: Atlas;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open();
    // The same notes through the core, for what the picture should say.
    atlas = new Atlas({ index: indexFolder(workbench.workspace).index });
    view = await openGraph(workbench, markdownFiles(workbench.workspace).length);
  });

  after(async () => {
    atlas?.dispose();
    await workbench?.close();
  });

  it('draws the four layer bands, bottom to top, with every protocol inside its own band', async () => {
    const bands = await inGraph(view, (graph) => graph.bands());
    assert.deepStrictEqual(
      bands.map((band) => band.label),
      ['Infrastructure', 'Middleware', 'Model', 'Application'],
    );
    for (let i = 1; i < bands.length; i++) assert.ok(bands[i].bottom < bands[i - 1].top, `${bands[i].label} is drawn above ${bands[i - 1].label}`);
    const nodes = await inGraph(view, (graph) => graph.nodes().map((node) => ({ ...node, screen: graph.graphToViewport(node.x, node.y)! })));
    for (const node of nodes) {
      const band = bands.find((candidate) => candidate.layer === node.layer)!;
      assert.ok(node.screen.y >= band.top && node.screen.y <= band.bottom, `${node.name} is inside the ${band.label} band`);
      assert.strictEqual(node.verdict, atlas.verdictOf(node.id).value, `${node.name} is coloured by its verdict`);
    }
    assert.ok(nodes.some((node) => node.name === 'io.net' && node.verdict === 'negative'), 'io.net is drawn, flagged negative');
    assert.ok(nodes.some((node) => node.name === 'Phala' && node.override), 'Phala is drawn as an override');
    const pixels = await drawnPixels(workbench.page, view);
    assert.ok(pixels.drawn > pixels.total * 0.01, `the graph is not blank: ${pixels.drawn} of ${pixels.total} pixels differ from ${pixels.background}`);
    // Every name drawn is readable: none covers another name or another protocol.
    const names = await assertLegibleLabels(view, nodes.length * 0.75);
    assert.ok(names.includes('io.net'), 'io.net, which most depend on, is named');
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await workbench.page.locator('iframe.webview.ready').screenshot({ path: path.join(ARTIFACTS_DIR, 'graph-webview.png') });
  });

  it("shows io.net's verdict, reason and section in the hover card", async () => {
    const at = await nodeOnPage(workbench, view, IO_NET);
    await workbench.page.mouse.move(at.x, at.y);
    const card = view.locator('[data-testid="hover-card"]');
    await card.waitFor({ state: 'visible' });
    const verdict = atlas.verdictOf(IO_NET);
    assert.strictEqual(await card.locator('[data-testid="card-name"]').innerText(), 'io.net');
    assert.match(await card.locator('[data-testid="card-verdict"]').innerText(), /Negative/);
    assert.strictEqual((await card.locator('[data-testid="card-reason"]').innerText()).replace(/^Reason:?\s*/, ''), verdict.rationale);
    assert.ok(verdict.section, 'the framework cites a section for io.net');
    assert.ok((await card.locator('[data-testid="card-section"]').innerText()).includes(verdict.section), 'the section is shown');
    // Its category by the title the Protocols view uses, not the id in the note.
    assert.match(await card.locator('[data-testid="card-layer"]').innerText(), /Infrastructure · Compute$/);
    assert.strictEqual(await inGraph(view, (graph) => graph.hovered), IO_NET);
    await workbench.screenshot('graph-hover');
  });

  it('filters out a layer, and brings it back', async () => {
    await openFilters(view);
    await view.locator('[data-testid="layer-middleware"]').click();
    await waitForGraph(view, (graph) => graph.filters.hiddenLayers.includes('middleware'));
    const nodes = await inGraph(view, (graph) => graph.nodes());
    assert.ok(nodes.filter((node) => node.layer === 'middleware').every((node) => node.hidden), 'every middleware protocol is hidden');
    assert.ok(nodes.filter((node) => node.layer !== 'middleware').every((node) => !node.hidden), 'the other layers stay');
    await workbench.screenshot('graph-filtered');
    await view.locator('[data-testid="layer-middleware"]').click();
    await waitForGraph(view, (graph) => graph.nodes().every((node) => !node.hidden));
    await closeFilters(workbench, view);
  });

  it('highlights the exposure of a selected protocol, and clears on a click on the background', async () => {
    const scout = 'application/ledger-scout.md';
    const at = await nodeOnPage(workbench, view, scout);
    await workbench.page.mouse.click(at.x, at.y);
    await waitForGraph(view, (graph, id) => graph.selected === id && graph.highlight().exposureEdges.length > 0, scout);
    const highlight = await inGraph(view, (graph) => graph.highlight());
    const exposure = atlas.exposureOf(scout);
    assert.ok(exposure.length > 0, 'Ledger Scout depends on a negatively affected protocol');
    for (const { path: route } of exposure) {
      for (let i = 1; i < route.length; i++) {
        assert.ok(highlight.exposureEdges.some(([s, t]) => s === route[i - 1] && t === route[i]), `the exposure edge ${route[i - 1]} → ${route[i]} is lit`);
      }
    }
    for (const dependency of atlas.index.graph.outNeighbors(scout)) assert.ok(highlight.nodes.includes(dependency), `${dependency} is lit`);
    await workbench.screenshot('graph-exposure');
    // An empty spot of the application band, left of its first protocol.
    const bands = await inGraph(view, (graph) => graph.bands());
    const application = bands.find((band) => band.layer === 'application')!;
    const box = (await workbench.page.locator('iframe.webview.ready').boundingBox())!;
    const graphTop = await view.locator('[data-testid="graph"]').boundingBox();
    // Two clicks within sigma's double-click timeout (300 ms) would be a double-click, which zooms.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await workbench.page.mouse.click(box.x + 30, graphTop!.y + (application.top + application.bottom) / 2);
    await waitForGraph(view, (graph) => graph.selected === undefined && graph.highlight().nodes.length === 0);
  });

  it("searches with the product's search: a typo and an alias find Bittensor, counts follow, and no match says so", async () => {
    const search = view.locator('[data-testid="search"]').locator('input');
    const status = view.locator('[data-testid="status"]');
    const total = atlas.protocols().length;
    const shownNames = () => inGraph(view, (graph) => graph.nodes().filter((node) => !node.hidden).map((node) => node.name));
    for (const query of ['btensr', 'TAO']) {
      await search.fill(query);
      await waitForGraph(view, (graph) => graph.nodes().filter((node) => !node.hidden).length === 1, undefined, 10000).catch(() => undefined);
      assert.deepStrictEqual(await shownNames(), ['Bittensor'], `"${query}" shows Bittensor alone`);
      assert.match(await status.innerText(), new RegExp(`^1 of ${total} protocols`), `the header counts what "${query}" shows`);
      const bands = await inGraph(view, (graph) => graph.bands());
      assert.deepStrictEqual(
        bands.map((band) => [band.layer, band.shown]),
        bands.map((band) => [band.layer, band.layer === 'model' ? 1 : 0]),
        'each band counts the protocols it shows',
      );
      assert.ok(!(await view.locator('[data-testid="no-matches"]').isVisible()), 'no "no matches" message while something matches');
    }
    await search.fill('qqxzqq');
    const message = view.locator('[data-testid="no-matches"]');
    await message.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await message.innerText(), /No protocol matches .qqxzqq./);
    assert.deepStrictEqual(await shownNames(), []);
    await search.fill('');
    await waitForGraph(view, (graph) => graph.nodes().every((node) => !node.hidden));
    await message.waitFor({ state: 'hidden' });
    assert.match(await status.innerText(), new RegExp(`^${total} protocols`));
  });

  it('moves between protocols with the arrow keys and announces each one', async () => {
    await view.locator('[data-testid="graph"]').focus();
    await workbench.page.keyboard.press('ArrowDown');
    await waitForGraph(view, (graph) => graph.focused !== undefined);
    const first = await inGraph(view, (graph) => graph.focused);
    await workbench.page.keyboard.press('ArrowRight');
    await waitForGraph(view, (graph, before) => graph.focused !== undefined && graph.focused !== before, first);
    const focused = (await inGraph(view, (graph) => graph.nodes().find((node) => node.id === graph.focused)))!;
    assert.ok((await view.locator('[data-testid="announcer"]').innerText()).startsWith(focused.name), 'the focused protocol is announced');
    await workbench.page.keyboard.press('Escape');
    await waitForGraph(view, (graph) => graph.focused === undefined && graph.selected === undefined);
    // Moving the focus pans to it; "Fit" brings the whole graph back.
    await view.locator('[data-testid="fit"]').click();
    await waitForGraph(view, (graph) => {
      const camera = graph.camera();
      return !!camera && Math.abs(camera.ratio - 1) < 1e-6 && Math.abs(camera.x - 0.5) < 1e-6 && Math.abs(camera.y - 0.5) < 1e-6;
    });
  });

  it('zooms within limits: band names never print over each other zoomed in, the graph never shrinks to a speck', async () => {
    // Issue 13: zoomed in, the names of bands above the screen all stuck to its top edge, one
    // over the other; zoomed out there was no end.
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    await workbench.page.mouse.move(graphBox.x + graphBox.width / 2, graphBox.y + graphBox.height / 2);
    for (let i = 0; i < 12; i++) {
      await workbench.page.mouse.wheel(0, -300);
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    const drawn = (await inGraph(view, (graph) => graph.bands())).filter((band) => band.labelY !== undefined).map((band) => band.labelY!);
    assert.ok(drawn.length >= 1, 'a band name is on screen');
    drawn.sort((a, b) => a - b);
    for (let i = 1; i < drawn.length; i++) assert.ok(drawn[i] - drawn[i - 1] >= 14, `band names ${drawn.join(', ')} px apart`);
    for (let i = 0; i < 30; i++) await workbench.page.mouse.wheel(0, 400);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const ratio = (await inGraph(view, (graph) => graph.camera()))!.ratio;
    assert.ok(ratio <= 1.5 + 1e-6, `zoomed out at most to 1.5 times the whole graph: ${ratio}`);
    await view.locator('[data-testid="fit"]').click();
    await waitForGraph(view, (graph) => Math.abs((graph.camera()?.ratio ?? 0) - 1) < 1e-6);
  });

  it('keeps the graph on screen when the first arrow key follows a click on an empty spot', async () => {
    // Issue 13: click an empty spot, press →, and every protocol and band vanished (the camera
    // glided to graph coordinates, far outside sigma's 0–1 frame); a second → brought them back.
    await view.locator('[data-testid="fit"]').click();
    const bands = await inGraph(view, (graph) => graph.bands());
    const application = bands.find((band) => band.layer === 'application')!;
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    await workbench.page.mouse.click(graphBox.x + 30, graphBox.y + (application.top + application.bottom) / 2);
    await waitForGraph(view, (graph) => graph.selected === undefined);
    await workbench.page.keyboard.press('ArrowRight');
    await waitForGraph(view, (graph) => graph.focused !== undefined);
    // The glide to the focused protocol lasts 300 ms.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const camera = (await inGraph(view, (graph) => graph.camera()))!;
    assert.ok(camera.x >= 0 && camera.x <= 1 && camera.y >= 0 && camera.y <= 1, `the camera stays on the graph: ${JSON.stringify(camera)}`);
    const focused = (await inGraph(view, (graph) => graph.focused))!;
    const at = await nodeOnPage(workbench, view, focused);
    assert.ok(at.x > graphBox.x && at.x < graphBox.x + graphBox.width && at.y > graphBox.y && at.y < graphBox.y + graphBox.height, 'the focused protocol is on screen');
    const pixels = await drawnPixels(workbench.page, view);
    assert.ok(pixels.drawn > pixels.total * 0.01, `the graph is not blank: ${pixels.drawn} of ${pixels.total} pixels drawn`);
    await workbench.page.keyboard.press('Escape');
    await waitForGraph(view, (graph) => graph.focused === undefined && graph.selected === undefined);
    await view.locator('[data-testid="fit"]').click();
    await waitForGraph(view, (graph) => {
      const fitted = graph.camera();
      return !!fitted && Math.abs(fitted.ratio - 1) < 1e-6 && Math.abs(fitted.x - 0.5) < 1e-6 && Math.abs(fitted.y - 0.5) < 1e-6;
    });
  });

  it('applies a category clicked with the mouse anywhere in the open list, the last option included', async () => {
    // Issue 13: the open list is drawn over the canvas, but a click on an option below the
    // toolbar landed on the canvas: the list closed and nothing was filtered.
    const dropdown = view.locator('[data-testid="category-filter"]');
    const pick = async (option: ReturnType<typeof dropdown.locator>): Promise<void> => {
      await dropdown.click();
      await option.waitFor({ state: 'visible' });
      const box = (await option.boundingBox())!;
      // A click at the point where the option is drawn: the browser decides what is hit there.
      await workbench.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };
    const options = dropdown.locator('vscode-option');
    const last = options.nth((await options.count()) - 1);
    const category = (await last.getAttribute('value'))!;
    assert.ok(category, 'the last option is a category');
    // Titled as in the Protocols view ("DeFAI", "Compute"), not by the ids notes use.
    for (const each of await options.all()) {
      const value = (await each.getAttribute('value')) ?? '';
      const known = categoryById(value);
      if (known) assert.strictEqual((await each.textContent())?.trim(), known.label, `the option for ${value}`);
    }
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    await dropdown.click();
    await last.waitFor({ state: 'visible' });
    assert.ok((await last.boundingBox())!.y > graphBox.y, 'the last option is drawn over the graph (the case that failed)');
    await dropdown.click();
    await pick(last);
    await waitForGraph(view, (graph, wanted) => graph.filters.category === wanted, category);
    const shown = (await inGraph(view, (graph) => graph.nodes())).filter((node) => !node.hidden);
    assert.ok(shown.length > 0 && shown.every((node) => node.category === category), `only ${category} protocols are shown`);
    await pick(options.first());
    await waitForGraph(view, (graph) => graph.filters.category === '' && graph.nodes().every((node) => !node.hidden));
  });

  it("opens io.net's note on double-click", async () => {
    const at = await nodeOnPage(workbench, view, IO_NET);
    await workbench.page.mouse.dblclick(at.x, at.y);
    await workbench.tab('io-net.md').waitFor();
  });

  it('adds a dependency typed into the note without reloading the graph, keeping the viewport', async () => {
    const marker = await view.locator('body').evaluate((body) => {
      body.dataset.e2eMarker = 'still the same page';
      return body.dataset.e2eMarker;
    });
    const cameraBefore = await inGraph(view, (graph) => graph.camera());
    assert.ok(!(await inGraph(view, (graph, edge) => graph.edges().some((e) => e.source === edge[0] && e.target === edge[1]), [IO_NET, ARWEAVE])));

    // Edit the open note's depends_on line in the editor, without saving.
    const editor = workbench.page.locator('.editor-instance .monaco-editor').filter({ has: workbench.page.locator('.view-lines') }).last();
    await editor.locator('.view-lines').click();
    const line = fs.readFileSync(path.join(workbench.workspace, IO_NET), 'utf8').split('\n').findIndex((text) => text.startsWith('depends_on:'));
    assert.ok(line > 0, 'io-net.md has a depends_on line');
    await workbench.page.keyboard.press('Control+Home');
    for (let i = 0; i < line; i++) await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('Home');
    await workbench.page.keyboard.press('Shift+End');
    await workbench.page.keyboard.type('depends_on: [Arweave]');

    await waitForGraph(view, (graph, edge) => graph.edges().some((e) => e.source === edge[0] && e.target === edge[1]), [IO_NET, ARWEAVE]);
    assert.strictEqual(await view.locator('body').evaluate((body) => body.dataset.e2eMarker), marker, 'the page was patched, not reloaded');
    assert.deepStrictEqual(await inGraph(view, (graph) => graph.camera()), cameraBefore, 'the viewport did not move');
    assert.match(await workbench.tab('io-net.md').innerText(), /io-net\.md/);
    await workbench.screenshot('graph-live-edit');
  });

  it('updates an open hover card when its note is edited', async () => {
    // Issue 13: the card kept the old layer and verdict after the note changed under it.
    const editor = workbench.page.locator('.editor-instance .monaco-editor').filter({ has: workbench.page.locator('.view-lines') }).last();
    await editor.locator('.view-lines').click();
    const line = fs.readFileSync(path.join(workbench.workspace, IO_NET), 'utf8').split('\n').findIndex((text) => text.startsWith('category:'));
    assert.ok(line > 0, 'io-net.md has a category line');
    const selectLine = async () => {
      await workbench.page.keyboard.press('Control+Home');
      for (let i = 0; i < line; i++) await workbench.page.keyboard.press('ArrowDown');
      await workbench.page.keyboard.press('Home');
      await workbench.page.keyboard.press('Shift+End');
    };
    await selectLine();
    // The mouse rests on io.net while the keyboard stays in the editor. (Coming from another
    // frame, a one-step move is not seen as a hover; a hand never moves in one step.)
    const at = await nodeOnPage(workbench, view, IO_NET);
    await workbench.page.mouse.move(at.x + 40, at.y + 40);
    await workbench.page.mouse.move(at.x, at.y, { steps: 5 });
    const card = view.locator('[data-testid="hover-card"]');
    await card.waitFor({ state: 'visible' });
    const layerLine = card.locator('[data-testid="card-layer"]');
    assert.match(await layerLine.innerText(), /Infrastructure · Compute$/);
    await workbench.page.keyboard.type('category: storage');
    await waitFor(async () => /Infrastructure · Storage$/.test(await layerLine.innerText()), 'the card shows the new category');
    assert.ok(await card.isVisible(), 'the card stays open');
    await selectLine();
    await workbench.page.keyboard.type('category: compute');
    await waitFor(async () => /Infrastructure · Compute$/.test(await layerLine.innerText()), 'and the old one again');
    await workbench.page.mouse.move(1, 1);
  });

  it('beside a note: the toolbar is one row, the bands fill the panel, and the hover card fits in it', async () => {
    // Issue 13: at half width the toolbar wrapped to six rows and the graph was a thin strip.
    const frame = (await workbench.page.locator('iframe.webview.ready').boundingBox())!;
    assert.ok(frame.width < 700, `the graph shares the window with the note: ${frame.width} px wide`);
    const toolbar = (await view.locator('[role="toolbar"]').boundingBox())!;
    assert.ok(toolbar.height <= 48, `one row of controls: ${toolbar.height} px high`);
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    assert.ok(graphBox.height >= frame.height * 0.75, `the graph gets most of the panel: ${graphBox.height} of ${frame.height} px`);
    await view.locator('[data-testid="fit"]').click();
    await new Promise((resolve) => setTimeout(resolve, 600));
    const bands = await inGraph(view, (graph) => graph.bands());
    const spanned = bands[0].bottom - bands[bands.length - 1].top;
    assert.ok(spanned >= graphBox.height * 0.75, `the bands fill the height: ${Math.round(spanned)} of ${graphBox.height} px`);
    // The layer and verdict filters are a click away, in a menu.
    await view.locator('[data-testid="filters-menu"]').click();
    await view.locator('[data-testid="layer-middleware"]').waitFor({ state: 'visible' });
    await view.locator('[data-testid="layer-middleware"]').click();
    await waitForGraph(view, (graph) => graph.filters.hiddenLayers.includes('middleware'));
    await view.locator('[data-testid="layer-middleware"]').click();
    await waitForGraph(view, (graph) => graph.filters.hiddenLayers.length === 0);
    await workbench.page.keyboard.press('Escape');
    await view.locator('[data-testid="layer-middleware"]').waitFor({ state: 'hidden' });
    assert.ok(await view.locator('[data-testid="legend"]').isVisible(), 'the verdict colours stay explained, over the graph');
    // With nothing selected every protocol may be named; at half width most still are, none overlapping.
    await view.locator('[data-testid="graph"]').focus();
    await workbench.page.keyboard.press('Escape');
    await waitForGraph(view, (graph) => graph.selected === undefined);
    await assertLegibleLabels(view, 12);
    assert.match(await view.locator('[data-testid="legend-framework"]').innerText(), /^DeepSeek/, 'under the framework named');
    await workbench.screenshot('graph-beside-note');
    // io.net's card, with its long reason, stays inside the graph.
    const at = await nodeOnPage(workbench, view, IO_NET);
    await workbench.page.mouse.move(at.x + 40, at.y + 40);
    await workbench.page.mouse.move(at.x, at.y, { steps: 5 });
    const card = view.locator('[data-testid="hover-card"]');
    await card.waitFor({ state: 'visible' });
    const box = (await card.boundingBox())!;
    assert.ok(box.y >= graphBox.y - 1 && box.y + box.height <= graphBox.y + graphBox.height + 1, `the card fits the graph's height: ${box.y}–${box.y + box.height} in ${graphBox.y}–${graphBox.y + graphBox.height}`);
    assert.ok(box.x >= graphBox.x - 1 && box.x + box.width <= graphBox.x + graphBox.width + 1, 'and its width');
    await workbench.page.mouse.move(1, 1);
  });

  it('recolours when the framework is switched, without a reload', async () => {
    const cameraBefore = await inGraph(view, (graph) => graph.camera());
    await workbench.runCommand('Protocol Atlas: Switch Framework…');
    const row = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Compute rebound' }).first();
    await row.click();
    await waitForGraph(view, (graph) => graph.framework.startsWith('Compute rebound'));
    const ioNet = (await inGraph(view, (graph) => graph.nodes())).find((node) => node.id === IO_NET)!;
    assert.strictEqual(ioNet.verdict, 'mixed', 'io.net is recoloured under the counter-thesis');
    assert.match(await view.locator('[data-testid="framework"]').innerText(), /Compute rebound/);
    assert.strictEqual(await view.locator('body').evaluate((body) => body.dataset.e2eMarker), 'still the same page', 'patched, not reloaded');
    assert.deepStrictEqual(await inGraph(view, (graph) => graph.camera()), cameraBefore, 'the viewport did not move');
    await workbench.screenshot('graph-framework');
  });

  it('follows the dark theme', async () => {
    const before = await webviewBackground(view);
    await workbench.runCommand('Preferences: Color Theme');
    const input = workbench.page.locator('.quick-input-widget input');
    await input.fill('Dark Modern');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
    await workbench.page.keyboard.press('Enter');
    const deadline = Date.now() + 15000;
    let after = before;
    while (after === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await webviewBackground(view);
    }
    assert.notStrictEqual(after, before, 'the webview background changed with the theme');
    const [r, g, b] = (after.match(/\d+/g) ?? []).map(Number);
    assert.ok(r + g + b < 3 * 80, `the background is dark: ${after}`);
    const pixels = await drawnPixels(workbench.page, view);
    assert.ok(pixels.drawn > pixels.total * 0.01, 'the graph is still drawn');
    await workbench.screenshot('graph-dark');
  });

  it("draws the verdicts in the protocolAtlas.* theme colours a researcher customises", async () => {
    // Issue 13: the graph read the charts colours and ignored the extension's own theme colours.
    await view.locator('[data-testid="graph"]').focus();
    await workbench.page.keyboard.press('Escape');
    await waitForGraph(view, (graph) => graph.selected === undefined);
    // io.net's verdict under the framework the earlier test switched to, and its colour's id.
    const verdict = (await inGraph(view, (graph) => graph.nodes())).find((node) => node.id === IO_NET)!.verdict;
    const colourId = `protocolAtlas.${verdict === 'not-assessed' ? 'notAssessed' : verdict}`;
    const settings = path.join(workbench.workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'workbench.colorCustomizations': { [colourId]: '#00e5ff' } }));
    // Beside the note the toolbar is compact, and the legend sits over the graph.
    const swatch = view.locator(`[data-testid="legend-${verdict}"] .swatch`);
    assert.ok(await swatch.isVisible(), 'the legend is on screen');
    const swatchColour = () => swatch.evaluate((element) => (element as unknown as { style: { backgroundColor: string } }).style.backgroundColor);
    await waitFor(async () => (await swatchColour()) === 'rgb(0, 229, 255)', 'the legend takes the customised colour');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [r, g, b] = await pixelOnPage(workbench.page, await nodeOnPage(workbench, view, IO_NET));
    assert.ok(r < 60 && g > 180 && b > 200, `io.net is drawn in the customised colour: rgb(${r}, ${g}, ${b})`);
    fs.rmSync(settings);
    await waitFor(async () => (await swatchColour()) !== 'rgb(0, 229, 255)', 'and leaves it when the customisation goes');
  });

  it('comes back after a window reload with its filters and viewport', async () => {
    await openFilters(view);
    await view.locator('[data-testid="verdict-not-assessed"]').click();
    await waitForGraph(view, (graph) => graph.filters.hiddenVerdicts.includes('not-assessed'));
    await closeFilters(workbench, view);
    // A search answered by the extension's search, which must be asked again after the reload.
    assert.notStrictEqual(atlas.verdictOf('model/bittensor.md').value, 'not-assessed');
    await view.locator('[data-testid="search"]').locator('input').fill('TAO');
    await waitForGraph(view, (graph) => graph.nodes().filter((node) => !node.hidden).length === 1);
    const graphBox = (await workbench.page.locator('iframe.webview.ready').boundingBox())!;
    await workbench.page.mouse.move(graphBox.x + graphBox.width / 2, graphBox.y + graphBox.height * 0.7);
    await workbench.page.mouse.wheel(0, -400);
    await waitForGraph(view, (graph) => (graph.camera()?.ratio ?? 1) < 0.95);
    // The camera settles (zoom animates), then the webview saves its state.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const camera = (await inGraph(view, (graph) => graph.camera()))!;

    await workbench.runCommand('Developer: Reload Window');
    await workbench.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    view = workbench.webviewFrame();
    await waitForGraph(view, (graph) => graph.firstFrame && graph.nodes().length > 0, undefined, 60000);
    await workbench.tab('Protocol Atlas: Layer Graph').waitFor();
    const filters = await inGraph(view, (graph) => graph.filters);
    assert.deepStrictEqual(filters.hiddenVerdicts, ['not-assessed'], 'the verdict filter is restored');
    const nodes = await inGraph(view, (graph) => graph.nodes());
    assert.ok(nodes.filter((node) => node.verdict === 'not-assessed').every((node) => node.hidden), 'and applied');
    assert.strictEqual(filters.search, 'TAO', 'the search is restored');
    await waitForGraph(view, (graph) => graph.nodes().filter((node) => !node.hidden).length === 1);
    assert.deepStrictEqual((await inGraph(view, (graph) => graph.nodes())).filter((node) => !node.hidden).map((node) => node.name), ['Bittensor'], 'and answered again');
    const restored = (await inGraph(view, (graph) => graph.camera()))!;
    for (const key of ['x', 'y', 'ratio'] as const) assert.ok(Math.abs(restored[key] - camera[key]) < 1e-6, `camera ${key} restored: ${restored[key]} vs ${camera[key]}`);
    await workbench.screenshot('graph-restored');
  });

  it('reveals a protocol from the Protocols view when the graph is a background tab', async () => {
    // Issue 13: with a note open over the graph, Reveal in Graph brought the panel forward with
    // the old selection; the protocol was neither selected nor centred.
    const page = workbench.page;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('bittensor.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'bittensor.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await workbench.tab('bittensor.md').waitFor();
    await page.locator('.tabs-container .tab.active', { hasText: 'bittensor.md' }).waitFor();
    await page.locator('.activitybar .action-item a[aria-label^="Protocol Atlas"]').click();
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Protocols' }) });
    const eliza = tree.locator('.monaco-list-row', { hasText: 'Eliza' }).first();
    await eliza.click({ button: 'right' });
    await chooseMenuItem(page, 'Reveal in Graph');
    await page.locator('.tabs-container .tab.active', { hasText: 'Layer Graph' }).waitFor();
    view = workbench.webviewFrame();
    const elizaPath = 'middleware/eliza.md';
    await waitForGraph(view, (graph, id) => graph.firstFrame && graph.selected === id, elizaPath, 60000);
    // The glide to it lasts 300 ms; then it is on screen.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const at = await nodeOnPage(workbench, view, elizaPath);
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    assert.ok(at.x > graphBox.x && at.x < graphBox.x + graphBox.width && at.y > graphBox.y && at.y < graphBox.y + graphBox.height, 'Eliza is on screen');
  });

  it('keeps every protocol in place when the graph comes back from a background tab with a new note', async () => {
    // Issue 13: adding one unconnected note reshuffled the whole layout. While the graph was a
    // background tab its page was discarded, and the page that replaced it got a layout afresh.
    const page = workbench.page;
    const before = new Map((await inGraph(view, (graph) => graph.nodes())).map((node) => [node.id, node.x]));
    await workbench.tab('Protocol Atlas: Layer Graph').click();
    // Quick Open in the graph's group; F1, as the palette helper does, reaches the workbench from the webview.
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'akash.md' }).first();
    await waitFor(async () => {
      try {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 5000 });
        await input.fill('akash.md');
        await row.waitFor({ timeout: 5000 });
        return true;
      } catch {
        await page.keyboard.press('Escape');
        return false;
      }
    }, 'Quick Open lists akash.md', 45000);
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'akash.md' }).waitFor();
    await waitFor(async () => !(await page.locator('.tabs-container .tab.active', { hasText: 'Layer Graph' }).isVisible()), 'the graph is a background tab');
    fs.writeFileSync(path.join(workbench.workspace, 'infrastructure', 'lone-compute.md'), '---\nprotocol: Lone Compute\nlayer: infrastructure\ncategory: compute\n---\n\n# Lone Compute\n');
    await page.locator('.statusbar', { hasText: `${before.size + 1} protocols` }).waitFor();
    await workbench.tab('Protocol Atlas: Layer Graph').click();
    view = workbench.webviewFrame();
    await waitForGraph(view, (graph, count) => graph.firstFrame && graph.nodes().length === count, before.size + 1, 60000);
    const after = await inGraph(view, (graph) => graph.nodes());
    const moved = after.filter((node) => before.has(node.id) && before.get(node.id) !== node.x).map((node) => node.name);
    assert.deepStrictEqual(moved, [], 'no protocol moved');
    assert.ok(after.some((node) => node.name === 'Lone Compute'), 'the new note is drawn');
  });
});

describe('Layer graph without WebGL (e2e, the webview bundle in Chromium with --disable-3d-apis)', () => {
  it('says that WebGL is missing instead of drawing nothing', async () => {
    const browser = await launchChromium({ args: [...CHROMIUM_ARGS, '--disable-3d-apis'] });
    try {
      const page = await browser.newPage();
      await page.setContent('<!DOCTYPE html><html><body><main id="app"></main></body></html>');
      await page.evaluate('window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState() {} })');
      await page.addScriptTag({ path: path.join(ROOT, 'dist', 'webview.js') });
      const model = buildGraphView(new Atlas({ index: indexFolder(EXAMPLE_WORKSPACE).index }));
      await page.evaluate((message) => (globalThis as unknown as { postMessage(data: unknown, origin: string): void }).postMessage(message, '*'), {
        type: 'graph',
        model,
        skipped: 0,
      });
      const status = page.locator('[data-testid="status"]');
      await status.filter({ hasText: 'WebGL' }).waitFor();
      assert.match(await status.innerText(), /needs WebGL, which is not available/);
      assert.strictEqual(await page.evaluate('window.__protocolAtlas.webgl'), false);
    } finally {
      await browser.close();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The layer and verdict filters: in the toolbar when it is wide, behind "Filters" when compact. */
async function openFilters(view: FrameLocator): Promise<void> {
  const button = view.locator('[data-testid="filters-menu"]');
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

async function closeFilters(workbench: Workbench, view: FrameLocator): Promise<void> {
  if ((await view.locator('[data-testid="filters-menu"]').getAttribute('aria-expanded')) === 'true') await workbench.page.keyboard.press('Escape');
}
