// The researcher's first step, through the real UI: open the Layer Graph from the Command Palette
// and see every note of the example workspace drawn as a protocol.
import * as assert from 'assert';
import * as path from 'path';
import { EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure } from './workbench';
import { drawnPixels, inGraph, openGraph } from './graphView';

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
