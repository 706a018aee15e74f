// What researchers ask a graph tool for (issue 13, item 4), in the real VS Code UI: the graph
// follows the note in the editor, a right-click on a protocol opens VS Code's own context menu
// (open, reveal in the Protocols view, local graph, copy name), the local graph around a protocol
// to a chosen depth and direction, and the View menu: size by dependents, colour by a note
// field, body links as a dashed layer.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { Atlas } from '../../src/core/atlas';
import { localGraph } from '../../src/core/present/graphQueries';
import { indexFolder } from '../../src/node/indexFolder';
import { edgesOverProtocols, inGraph, nodeOnPage, openGraph, pixelOnPage, waitForGraph, webviewOrigin } from './graphView';
import { EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure, chooseMenuItem, quickOpen } from './workbench';

const ELIZA = 'middleware/eliza.md';
const AKASH = 'infrastructure/akash.md';

describe(`Graph tools (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  let view: FrameLocator;
  let atlas: Atlas;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open();
    atlas = new Atlas({ index: indexFolder(workbench.workspace).index });
    view = await openGraph(workbench, markdownFiles(workbench.workspace).length);
  });

  after(async () => {
    atlas?.dispose();
    await workbench?.close();
  });

  it('draws each protocol where the pointer finds it, from the first frame on', async () => {
    // Found by this suite: just after the first frame the toolbar's controls take their size and
    // the graph area shrinks, with no new frame drawn; the first hover then redrew it and every
    // protocol jumped about 20 px, so the double-click meant for Eliza landed on empty space.
    const page = workbench.page;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = await nodeOnPage(workbench, view, ELIZA);
    const origin = await webviewOrigin(page);
    assert.strictEqual(await inGraph(view, (graph, point) => graph.protocolAt(point.x, point.y), { x: before.x - origin.x, y: before.y - origin.y }), ELIZA, 'Eliza is drawn where the graph says');
    await page.mouse.move(before.x + 40, before.y + 40);
    await page.mouse.move(before.x, before.y, { steps: 5 });
    await waitForGraph(view, (graph, id) => graph.hovered === id, ELIZA, 5000);
    const after = await nodeOnPage(workbench, view, ELIZA);
    assert.ok(Math.hypot(after.x - before.x, after.y - before.y) < 1, `nothing moved on the first hover: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    await page.mouse.move(1, 1);
  });

  it("routes every dependency around the protocols it does not join, full width and beside a note", async () => {
    // Issue 13: an edge passed through Phala's ring; beside a note (the bands stretched upwards)
    // straight and bowed edges ran through other protocols.
    const { over, total } = await edgesOverProtocols(view);
    assert.ok(total >= 15, `the example's dependencies are drawn: ${total}`);
    assert.deepStrictEqual(over, [], 'no edge runs through a protocol');
  });

  it('selects the note opened in the editor', async () => {
    const page = workbench.page;
    // A double-click opens Eliza's note beside the graph, which stays in view.
    const eliza = await pointAt(workbench, view, ELIZA);
    await page.mouse.dblclick(eliza.x, eliza.y);
    await page.locator('.tabs-container .tab.active', { hasText: 'eliza.md' }).waitFor();
    await waitForGraph(view, (graph, id) => graph.selected === id, ELIZA, 15000);
    // Another note opened in the editor: the graph beside it follows.
    await quickOpen(page, 'akash.md');
    await page.locator('.tabs-container .tab.active', { hasText: 'akash.md' }).waitFor();
    await waitForGraph(view, (graph, id) => graph.selected === id, AKASH, 15000);
    // Beside a note now: the bands are stretched to the narrower panel, and the edges rerouted.
    await inGraph(view, (graph) => graph.firstFrame);
    const beside = await edgesOverProtocols(view);
    assert.deepStrictEqual(beside.over, [], `beside a note no edge runs through a protocol (of ${beside.total})`);
    // The selection is drawn (Akash's neighbours lit), not only recorded.
    const lit = await inGraph(view, (graph) => graph.highlight().nodes);
    assert.ok(lit.includes(AKASH) && lit.length > 1, `Akash and its neighbours are lit: ${lit.join(', ')}`);
    await workbench.screenshot('graph-follows-editor');
  });

  it("opens VS Code's context menu on a protocol, and its local graph from there", async () => {
    const page = workbench.page;
    await rightClickProtocol(workbench, view, ELIZA);
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    const items = (await menu.locator('.action-label').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    for (const item of ['Open Note', 'Reveal in Protocols View', 'Show Local Graph', 'Copy Name']) assert.ok(items.includes(item), `the menu offers ${item}: ${items.join(' | ')}`);
    assert.ok(!items.includes('Cut') && !items.includes('Paste'), `not the webview's default edit menu: ${items.join(' | ')}`);
    await chooseMenuItem(page, 'Show Local Graph');

    const expected = localGraph(atlas, ELIZA, 1, 'both')!.sort();
    await waitForGraph(view, (graph, members) => JSON.stringify(graph.local?.members) === JSON.stringify(members), expected);
    const shown = (await inGraph(view, (graph) => graph.nodes())).filter((node) => !node.hidden).map((node) => node.id).sort();
    assert.deepStrictEqual(shown, expected, "only Eliza and the protocols one step from it are drawn");
    assert.ok(expected.length > 2 && expected.length < markdownFiles(workbench.workspace).length, `a real neighbourhood: ${expected.join(', ')}`);
    const bar = view.locator('[data-testid="local-bar"]');
    assert.strictEqual(await bar.locator('[data-testid="local-title"]').innerText(), `Local graph of Eliza · ${expected.length} protocols`);
    assert.match(await view.locator('[data-testid="status"]').innerText(), new RegExp(`^${expected.length} of \\d+ protocols`));
    assert.strictEqual(await inGraph(view, (graph) => graph.selected), ELIZA, 'Eliza is selected');
    // Framed: every member on screen.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const box = (await view.locator('[data-testid="graph"]').boundingBox())!;
    for (const id of expected) {
      const at = await nodeOnPage(workbench, view, id);
      assert.ok(at.x > box.x && at.x < box.x + box.width && at.y > box.y && at.y < box.y + box.height, `${id} is on screen`);
    }
    await workbench.screenshot('graph-local');

    // Two steps, only what Eliza depends on: chosen with real clicks on the bar's lists.
    await choose(view, 'local-depth', '2 steps');
    const deeper = localGraph(atlas, ELIZA, 2, 'both')!.sort();
    await waitForGraph(view, (graph, members) => JSON.stringify(graph.local?.members) === JSON.stringify(members), deeper);
    await choose(view, 'local-direction', 'What it depends on');
    const dependencies = localGraph(atlas, ELIZA, 2, 'dependencies')!.sort();
    await waitForGraph(view, (graph, members) => JSON.stringify(graph.local?.members) === JSON.stringify(members), dependencies);
    assert.ok(!dependencies.some((id) => id.startsWith('application/')), 'nothing that depends on Eliza');

    // Back to the whole graph.
    await view.locator('[data-testid="local-close"]').click();
    await waitForGraph(view, (graph) => graph.local === undefined && graph.nodes().every((node) => !node.hidden));
    assert.ok(await bar.isHidden(), 'the bar is gone');
  });

  it('reveals a right-clicked protocol in the Protocols view, and opens its note', async () => {
    const page = workbench.page;
    await rightClickProtocol(workbench, view, ELIZA);
    await chooseMenuItem(page, 'Reveal in Protocols View');
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Protocols' }) });
    await tree.locator('.monaco-list-row.selected', { hasText: 'Eliza' }).waitFor({ timeout: 15000 });

    await rightClickProtocol(workbench, view, ELIZA);
    await chooseMenuItem(page, 'Open Note');
    await page.locator('.tabs-container .tab.active', { hasText: 'eliza.md' }).waitFor({ timeout: 15000 });
  });

  it('keeps every protocol where it was across a window reload, new notes included', async () => {
    // Issue 13: after a reload the layout was made afresh, so the notes written in a session
    // (placed among the others while the graph was open) reshuffled whole bands the next time.
    const count = markdownFiles(workbench.workspace).length;
    fs.writeFileSync(path.join(workbench.workspace, 'infrastructure', 'lone-storage.md'), '---\nprotocol: Lone Storage\nlayer: infrastructure\ncategory: storage\n---\n\n# Lone Storage\n');
    fs.writeFileSync(path.join(workbench.workspace, 'middleware', 'lone-agents.md'), '---\nprotocol: Lone Agents\nlayer: middleware\ncategory: agent-framework\ndepends_on: [Storj]\n---\n\n# Lone Agents\n');
    await waitForGraph(view, (graph, expected) => graph.nodes().length === expected, count + 2);
    const before = new Map((await inGraph(view, (graph) => graph.nodes())).map((node) => [node.id, [node.x, node.y]]));
    // The layout is kept a moment after the last change.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await workbench.runCommand('Developer: Reload Window');
    view = workbench.webviewFrame();
    await waitForGraph(view, (graph, expected) => graph.firstFrame && graph.nodes().length === expected, count + 2, 90000);
    const after = await inGraph(view, (graph) => graph.nodes());
    const moved = after.filter((node) => String(before.get(node.id)) !== String([node.x, node.y])).map((node) => `${node.name} ${String(before.get(node.id))} → ${node.x},${node.y}`);
    assert.deepStrictEqual(moved, [], 'no protocol moved');
  });

  it('sizes protocols by their dependents, colours them by category, and draws body links dashed', async () => {
    const page = workbench.page;
    view = workbench.webviewFrame();
    const radii = async (): Promise<Map<string, number>> => new Map((await inGraph(view, (graph) => graph.drawnLabels().discs)).map((disc) => [disc.id, disc.radius]));
    const before = await radii();
    const dependents = new Map<string, number>();
    atlas.index.graph.forEachNode((id) => dependents.set(id, atlas.index.graph.inDegree(id)));
    const [hub] = [...dependents].sort((a, b) => b[1] - a[1])[0];
    const leaf = [...dependents].find(([, count]) => count === 0)![0];
    assert.strictEqual(before.get(hub), before.get(leaf), 'by default every dot is one size');

    await openViewMenu(view);
    await view.locator('[data-testid="size-by-dependents"]').click();
    await waitForGraph(view, (graph, ids) => {
      const discs = new Map(graph.drawnLabels().discs.map((disc) => [disc.id, disc.radius]));
      return discs.get(ids[0])! > discs.get(ids[1])! * 1.3;
    }, [hub, leaf]);
    const sized = await radii();
    assert.strictEqual(sized.get(leaf), before.get(leaf), 'a protocol nothing depends on keeps its size');

    // Colour by category: the legend names the categories, and a dot takes its category's colour.
    await choose(view, 'colour-by', 'Category');
    const legend = view.locator('[data-testid="field-legend"]');
    await legend.waitFor({ state: 'visible' });
    const entries = await legend.locator('[data-testid="field-legend-entry"]').allInnerTexts();
    const computeCount = [...dependents.keys()].filter((id) => atlas.index.note(id)?.category?.value === 'compute').length;
    assert.ok(entries.includes(`Compute (${computeCount})`), `the legend counts the compute networks: ${entries.join(' | ')}`);
    assert.strictEqual(await inGraph(view, (graph) => graph.colourBy), 'category');
    // The legend sits over the graph's corner: no name is drawn under it.
    const legendBox = (await legend.boundingBox())!;
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    await waitForGraph(view, (graph, box) => graph.drawnLabels().labels.every((label) => label.x + label.width <= box.x || label.x >= box.x + box.width || label.y + label.height <= box.y || label.y >= box.y + box.height), { x: legendBox.x - graphBox.x, y: legendBox.y - graphBox.y, width: legendBox.width, height: legendBox.height }, 5000).catch(async () => {
      const under = (await inGraph(view, (graph) => graph.drawnLabels().labels)).filter((label) => label.y + label.height > legendBox.y - graphBox.y && label.x < legendBox.x - graphBox.x + legendBox.width).map((label) => label.text);
      assert.fail(`names under the field legend: ${under.join(', ')}`);
    });
    const swatch = await legend.locator('[data-testid="field-legend-entry"]', { hasText: 'Compute' }).locator('.swatch').evaluate((element) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(element).backgroundColor);
    const akash = await nodeOnPage(workbench, view, AKASH);
    await page.mouse.move(1, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pixel = await pixelOnPage(page, akash);
    const want = swatch.match(/\d+/g)!.slice(0, 3).map(Number);
    assert.ok(pixel.every((channel, i) => Math.abs(channel - want[i]) < 30), `Akash is drawn in Compute's colour: rgb(${pixel.join(', ')}) vs ${swatch}`);

    // Body links: off by default, dashed lines once asked for.
    assert.strictEqual(await inGraph(view, (graph) => graph.drawnMentions), 0);
    await openViewMenu(view);
    await view.locator('[data-testid="show-mentions"]').click();
    await waitForGraph(view, (graph) => graph.drawnMentions > 0);
    await workbench.screenshot('graph-view-menu');

    // The choices outlive a window reload.
    await workbench.runCommand('Developer: Reload Window');
    view = workbench.webviewFrame();
    await waitForGraph(view, (graph) => graph.firstFrame && graph.colourBy === 'category' && graph.drawnMentions > 0, undefined, 90000);
    await view.locator('[data-testid="field-legend"]').waitFor({ state: 'visible' });
  });

});

/** The pointer brought onto a protocol's dot in steps, as a person moves it, until the graph hovers it. */
async function pointAt(workbench: Workbench, view: FrameLocator, id: string): Promise<{ x: number; y: number }> {
  // Where it stays: just after the first frame the toolbar's controls take their size and the graph moves a little.
  let at = await nodeOnPage(workbench, view, id);
  for (let settled = 0; settled < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await nodeOnPage(workbench, view, id);
    settled = Math.hypot(now.x - at.x, now.y - at.y) < 0.5 ? settled + 1 : 0;
    at = now;
  }
  await workbench.page.mouse.move(at.x + 40, at.y + 40);
  await workbench.page.mouse.move(at.x, at.y, { steps: 5 });
  await waitForGraph(view, (graph, node) => graph.hovered === node, id, 5000);
  const where = await inGraph(view, (graph, node) => graph.nodeOnScreen(node), id);
  const origin = await webviewOrigin(workbench.page);
  assert.strictEqual(await inGraph(view, (graph, point) => graph.protocolAt(point.x, point.y), { x: at.x - origin.x, y: at.y - origin.y }), id, `the pointer is on ${id}'s dot: ${JSON.stringify(where)}`);
  return at;
}

/** A real right-click on a protocol's dot. */
async function rightClickProtocol(workbench: Workbench, view: FrameLocator, id: string): Promise<void> {
  const at = await pointAt(workbench, view, id);
  await workbench.page.mouse.click(at.x, at.y, { button: 'right' });
}

async function openViewMenu(view: FrameLocator): Promise<void> {
  const button = view.locator('[data-testid="view-menu"]');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await view.locator('[data-testid="view-panel"]').waitFor({ state: 'visible' });
}

/** Picks an option of a toolkit dropdown with the mouse, as a person does. */
async function choose(view: FrameLocator, testId: string, option: string): Promise<void> {
  const dropdown = view.locator(`[data-testid="${testId}"]`);
  await dropdown.click();
  await dropdown.locator('vscode-option', { hasText: option }).click();
}
