// A body [[wikilink]] is a link in the real editor: Ctrl+click it and the note it names opens.
import * as assert from 'assert';
import { EXTENSION_SOURCE, Workbench, quickOpen, screenshotOnFailure } from './workbench';

describe(`Body links in the editor (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open();
  });

  after(async () => {
    await workbench?.close();
  });

  it('Ctrl+click on [[Eliza]] in the body of Bittensor opens the Eliza note', async () => {
    const page = workbench.page;
    await quickOpen(page, 'bittensor.md');
    const bittensor = workbench.tab('bittensor.md');
    await bittensor.waitFor();
    // Bring the line into view (the last of the note), then find the link's text on screen.
    await workbench.runCommand('Go to Line/Column...');
    await page.keyboard.type('31');
    await page.keyboard.press('Enter');
    const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'frameworks such as [[Eliza]]' });
    await line.waitFor();
    // The index must hold the note before its links resolve (the status bar counts it).
    await page.locator('.statusbar-item', { hasText: /20 protocols/ }).waitFor();
    // Monaco draws in a monospace font: the link's column gives its place in the line's text.
    const content = line.locator('> span');
    const box = await content.boundingBox();
    const text = ((await content.textContent()) ?? '').replace(/\u00a0/g, ' ');
    assert.ok(box && text.length > 0, 'the line is on screen');
    const column = text.indexOf('[[Eliza]]') + 4;
    const x = box.x + ((column + 0.5) * box.width) / text.length;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.keyboard.down('Control');
    await page.mouse.move(x + 1, y);
    await page.locator('.monaco-editor .detected-link-active, .monaco-editor .goto-definition-link').first().waitFor({ timeout: 10000 });
    await page.mouse.click(x + 1, y);
    await page.keyboard.up('Control');

    const eliza = workbench.tab('eliza.md');
    await eliza.waitFor();
    await page.locator('.tabs-container .tab.active', { has: page.locator('.label-name', { hasText: 'eliza.md' }) }).waitFor({ timeout: 15000 });
    assert.match((await eliza.getAttribute('class')) ?? '', /\bactive\b/, 'the Eliza note is the active tab');
    await workbench.screenshot('body-link-ctrl-click');
  });
});
