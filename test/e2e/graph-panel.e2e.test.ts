// The researcher's first step, through the real UI: open the Layer Graph from the Command Palette
// and see every note of the example workspace listed.
import * as assert from 'assert';
import { EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure } from './workbench';

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

  it('lists the example notes after "Protocol Atlas: Show Layer Graph"', async () => {
    await workbench.runCommand('Protocol Atlas: Show Layer Graph');
    await workbench.tab(PANEL_TITLE).waitFor();

    const view = workbench.webviewFrame();
    await view.locator('[data-testid="title"]').waitFor();
    const items = view.locator('[data-testid="note-list"] > li');
    await items.filter({ hasText: 'infrastructure/io-net.md' }).waitFor();
    const listed = (await items.allTextContents()).map((text) => text.trim());

    assert.ok(listed.includes('infrastructure/io-net.md'), `io-net listed: ${listed.join(', ')}`);
    assert.ok(listed.includes('model/bittensor.md'), `bittensor listed: ${listed.join(', ')}`);
    assert.deepStrictEqual([...listed].sort(), markdownFiles(workbench.workspace).sort(), 'one item per note in the workspace');
    await workbench.screenshot('graph-panel');
  });
});
