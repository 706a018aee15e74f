// The first index of a large vault takes seconds: the researcher sees a progress notification
// while it runs, and it goes away by itself once every note is in (the status bar counts them).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure } from './workbench';

const GENERATED = 12000;
const TITLE = 'Protocol Atlas: indexing protocol notes';

describe(`The first index of a large vault (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  let total = 0;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open({
      prepareWorkspace(dir) {
        const layers = ['infrastructure', 'middleware', 'model', 'application'];
        for (let i = 0; i < GENERATED; i++) {
          const folder = path.join(dir, 'bulk', String(i % 40));
          if (i < 40) fs.mkdirSync(folder, { recursive: true });
          const depends = i > 10 ? `depends_on: [Bulk ${i - 1 - (i % 7)}, Akash]` : 'depends_on: [Akash]';
          fs.writeFileSync(path.join(folder, `bulk-${i}.md`), `---\nprotocol: Bulk ${i}\nlayer: ${layers[i % 4]}\n${depends}\n---\n\n# Bulk ${i}\n\nGenerated.\n`);
        }
        total = markdownFiles(dir).length;
      },
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows a progress notification while indexing, which closes once every note is counted', async () => {
    const page = workbench.page;
    const notification = page.locator('.notification-toast', { hasText: TITLE });
    await notification.waitFor({ state: 'visible', timeout: 120000 });
    await workbench.screenshot('first-index-progress');
    const status = page.locator('.statusbar-item', { hasText: `${total} protocols` });
    await status.waitFor({ state: 'visible', timeout: 180000 });
    await notification.waitFor({ state: 'hidden', timeout: 30000 });
    assert.strictEqual(await page.locator('.notification-toast', { hasText: TITLE }).count(), 0, 'no progress notification is left behind');
  });
});
