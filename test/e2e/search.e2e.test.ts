// The researcher's everyday moves through the real UI: find a protocol by a misspelt name from
// the Command Palette and land in its note; open the Protocols view and read the verdicts; write
// a new note by answering three questions.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../../scripts/project';
import { EXTENSION_SOURCE, Workbench, screenshotOnFailure } from './workbench';

describe(`Search, the Protocols view and New Protocol Note (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open();
  });

  after(async () => {
    await workbench?.close();
  });

  it('Search Protocols… with "btensr" lists Bittensor first, and Enter opens its note', async () => {
    const page = workbench.page;
    await workbench.runCommand('Protocol Atlas: Search Protocols…');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('btensr');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.first().filter({ hasText: 'Bittensor' }).waitFor();
    const first = (await rows.first().innerText()).replace(/\s+/g, ' ');
    assert.match(first, /Bittensor.*model · Open model training networks · positive/, first);
    await workbench.screenshot('search-btensr');

    await page.keyboard.press('Enter');
    const tab = workbench.tab('bittensor.md');
    await tab.waitFor();
    assert.match((await tab.getAttribute('class')) ?? '', /\bactive\b/, 'the note is the active tab');
  });

  it('shows the protocol count and the framework in the status bar, and opens the graph on click', async () => {
    const item = workbench.page.locator('.statusbar-item', { hasText: /\d+ protocols · deepseek-2025/ });
    await item.waitFor();
    assert.match(await item.innerText(), /20 protocols · deepseek-2025/);
    await item.click();
    await workbench.tab('Protocol Atlas: Layer Graph').waitFor();
  });

  it('shows the Protocols view with layers, categories and verdicts (screenshot for the README)', async () => {
    const page = workbench.page;
    await page.locator('.activitybar .action-item a[aria-label^="Protocol Atlas"]').click();
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Protocols' }) });
    const row = (label: string) => tree.locator('.monaco-list-row', { hasText: label }).first();
    await row('Infrastructure').waitFor();
    await row('io.net').waitFor();
    const description = (label: string) => row(label).locator('.label-description').innerText();
    assert.match(await description('io.net'), /^negative/);
    assert.match(await description('Bittensor'), /^positive · exposed via io\.net/);
    const labels = (await tree.locator('.monaco-list-row .label-name').allInnerTexts()).map((text) => text.trim());
    assert.deepStrictEqual(
      labels.filter((label) => ['Infrastructure', 'Middleware', 'Model', 'Application'].includes(label)),
      ['Infrastructure', 'Middleware', 'Model', 'Application'],
    );

    // Widen the side bar so the verdicts and exposure paths read in full, as a researcher would.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const x = sidebar.x + sidebar.width;
      await page.mouse.move(x + 1, sidebar.y + sidebar.height / 2);
      await page.mouse.down();
      await page.mouse.move(x + 200, sidebar.y + sidebar.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    // Hover a protocol so the screenshot shows a verdict's reason, as a researcher would see it.
    await row('Bittensor').hover();
    await page.locator('.monaco-hover', { hasText: 'positive' }).first().waitFor().catch(() => undefined);
    await page.waitForTimeout(800); // the hover fades in
    const file = await workbench.screenshot('protocols-tree');
    fs.copyFileSync(file, path.join(ROOT, 'media', 'screenshots', 'protocols-tree.png'));
  });
  it('New Protocol Note… asks name, layer and category, then writes and opens the note in the layer’s folder', async () => {
    const page = workbench.page;
    await workbench.runCommand('Protocol Atlas: New Protocol Note…');
    const input = page.locator('.quick-input-widget input');
    const answer = async (text: string, row?: string) => {
      await input.waitFor({ state: 'visible' });
      await input.fill(text);
      if (row) await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
      await page.keyboard.press('Enter');
    };
    await answer('Gensyn');
    await page.locator('.quick-input-widget', { hasText: 'New Protocol Note (2/3)' }).waitFor();
    await answer('model', 'open model training networks');
    await page.locator('.quick-input-widget', { hasText: 'New Protocol Note (3/3)' }).waitFor();
    await answer('Open model', 'Open model training networks');
    await workbench.tab('gensyn.md').waitFor();
    const text = fs.readFileSync(path.join(workbench.workspace, 'model', 'gensyn.md'), 'utf8');
    assert.match(text, /^---\nprotocol: Gensyn\n[\s\S]*\nlayer: model\ncategory: model-training\n/);
    await page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Protocols' }) }).locator('.monaco-list-row', { hasText: 'Gensyn' }).first().waitFor();
  });
});
