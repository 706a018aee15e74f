// The researcher's first step, through the real UI: open the Layer Graph from the Command Palette
// and see every note of the example workspace drawn as a protocol.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure } from './workbench';
import { drawnPixels, inGraph, openGraph, waitForGraph } from './graphView';

const PANEL_TITLE = 'Protocol Atlas: Layer Graph';

describe(`Layer Graph panel (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open();
  });

  after(async () => {
    await workbench?.close();
  });

  it('draws every example note as a protocol after "Protocol Atlas: Show Layer Graph"', async () => {
    const notes = markdownFiles(workbench.workspace);
    const refused: string[] = [];
    workbench.page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const view = await openGraph(workbench, notes.length);
    await workbench.tab(PANEL_TITLE).waitFor();

    const nodes = await inGraph(view, (graph) => graph.nodes());
    assert.deepStrictEqual(nodes.map((node) => node.id).sort(), [...notes].sort(), 'one protocol per note in the workspace');
    const names = nodes.map((node) => node.name);
    assert.ok(names.includes('io.net') && names.includes('Bittensor'), `the article's protocols are drawn: ${names.join(', ')}`);
    assert.match(await view.locator('[data-testid="status"]').innerText(), new RegExp(`^${notes.length} protocols`));
    const pixels = await drawnPixels(workbench.page, view);
    assert.ok(pixels.drawn > pixels.total * 0.01, `the graph is not blank: ${pixels.drawn} of ${pixels.total} pixels drawn`);
    assert.ok(path.isAbsolute(await workbench.screenshot('graph-panel')));
    // The strict policy (nonce scripts and styles only) holds for everything the app itself does.
    assert.deepStrictEqual(refused, [], 'no Content Security Policy violations');
  });
});

describe(`Layer Graph panel in an empty workspace (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  screenshotOnFailure(() => workbench);

  before(async () => {
    // The framework stays; every note goes, as in a researcher's new vault.
    workbench = await Workbench.open({
      prepareWorkspace: (dir) => {
        for (const note of markdownFiles(dir)) fs.rmSync(path.join(dir, note));
      },
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('draws the four bands apart, says how to start, and draws the first note written', async () => {
    // Issue 13: with nothing to lay out, the four band labels were printed on top of each other.
    await workbench.runCommand('Protocol Atlas: Show Layer Graph');
    const view = workbench.webviewFrame();
    await view.locator('[data-testid="graph"] canvas').first().waitFor();
    await view.locator('[data-testid="status"]', { hasText: 'No protocol notes yet' }).waitFor();
    // The category list said nothing at all until some note had a category.
    assert.match(await view.locator('[data-testid="category-filter"] .selected-value').innerText(), /All categories/);
    const graphBox = (await view.locator('[data-testid="graph"]').boundingBox())!;
    await waitForGraph(view, (graph) => graph.bands().length === 4);
    const bands = await inGraph(view, (graph) => graph.bands());
    assert.deepStrictEqual(bands.map((band) => band.label), ['Infrastructure', 'Middleware', 'Model', 'Application']);
    for (const band of bands) {
      assert.ok(band.bottom - band.top >= 20, `${band.label} is a band, not a line: ${band.top}–${band.bottom}`);
      assert.ok(band.top >= -1 && band.bottom <= graphBox.height + 1, `${band.label} is inside the view: ${band.top}–${band.bottom} of ${graphBox.height}`);
    }
    for (let i = 1; i < bands.length; i++) assert.ok(bands[i].bottom <= bands[i - 1].top + 1, `${bands[i].label} is above ${bands[i - 1].label}`);
    await workbench.screenshot('graph-empty');

    fs.mkdirSync(path.join(workbench.workspace, 'infrastructure'), { recursive: true });
    fs.writeFileSync(path.join(workbench.workspace, 'infrastructure', 'akash.md'), '---\nprotocol: Akash\nlayer: infrastructure\ncategory: compute\n---\n\n# Akash\n');
    await waitForGraph(view, (graph) => graph.nodes().length === 1 && graph.firstFrame);
    assert.match(await view.locator('[data-testid="status"]').innerText(), /^1 protocol,/);
    const akash = (await inGraph(view, (graph) => graph.nodes().map((node) => ({ ...node, screen: graph.graphToViewport(node.x, node.y)! }))))[0];
    const infrastructure = (await inGraph(view, (graph) => graph.bands())).find((band) => band.layer === 'infrastructure')!;
    assert.ok(akash.screen.y >= infrastructure.top && akash.screen.y <= infrastructure.bottom, 'Akash is drawn in the infrastructure band');
    assert.ok(akash.screen.x > 0 && akash.screen.x < graphBox.width, 'and on screen');
  });
});
