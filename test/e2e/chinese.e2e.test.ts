// The article's own language in the real VS Code: the Chinese example workspace opened with the
// display language switched to zh-CN (`--locale zh-cn` and the test language pack, see
// workbench.ts). What a Chinese researcher sees: the status bar, the Protocols view and the layer
// graph in Chinese, with the article's verdicts on notes whose front matter is Chinese too.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { Atlas } from '../../src/core/atlas';
import { indexFolder } from '../../src/node/indexFolder';
import { inGraph, nodeOnPage, waitForGraph } from './graphView';
import { ARTIFACTS_DIR, EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure } from './workbench';

const IO_NET = '基础设施层/io-net.md';
const BITTENSOR = '模型层/bittensor.md';

describe(`zh-CN display language on the Chinese example (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  let atlas: Atlas;
  let view: FrameLocator;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open({ example: 'deepseek-2025-zh', locale: 'zh-cn' });
    atlas = new Atlas({ index: indexFolder(workbench.workspace).index });
  });

  after(async () => {
    atlas?.dispose();
    await workbench?.close();
  });

  it('counts the protocols in Chinese in the status bar, and lists them by Chinese layers and categories with their verdicts', async () => {
    const page = workbench.page;
    const count = markdownFiles(workbench.workspace).length;
    await page.locator('.statusbar-item', { hasText: `${count} 个协议` }).waitFor({ timeout: 60000 });
    assert.strictEqual(atlas.verdictOf(IO_NET).value, 'negative', 'the core flags io.net negative from its Chinese front matter');
    assert.strictEqual(atlas.verdictOf(BITTENSOR).value, 'positive');

    await page.locator('.activitybar .action-item a[aria-label^="Protocol Atlas"]').click();
    // The view's name comes from package.nls.zh-cn.json, the rows from the runtime bundle.
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: '协议' }) });
    for (const title of ['基础设施层', '中间件层', '模型层', '应用层', '算力', '开源模型训练网络']) {
      await tree.locator('.monaco-list-row', { hasText: title }).first().waitFor();
    }
    const ionet = tree.locator('.monaco-list-row', { hasText: 'io.net' }).first();
    assert.match((await ionet.innerText()).replace(/\s+/g, ' '), /io\.net ?利空/);
    const bittensor = tree.locator('.monaco-list-row', { hasText: 'Bittensor' }).first();
    assert.match((await bittensor.innerText()).replace(/\s+/g, ' '), /Bittensor ?利好/);
    await workbench.screenshot('protocols-tree-zh-cn');
  });

  it('draws the layer graph in Chinese: bands, toolbar, status line and the hover card', async () => {
    const page = workbench.page;
    // The status bar item opens the graph, whatever the palette calls the command.
    await page.locator('.statusbar-item', { hasText: '个协议' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Protocol Atlas: 分层图' }).waitFor();
    view = workbench.webviewFrame();
    const count = markdownFiles(workbench.workspace).length;
    await waitForGraph(view, (graph, expected) => graph.firstFrame && graph.nodes().length === expected, count);

    const bands = await inGraph(view, (graph) => graph.bands().map((band) => band.label));
    assert.deepStrictEqual(bands, ['基础设施层', '中间件层', '模型层', '应用层']);
    const verdicts = await inGraph(view, (graph) => Object.fromEntries(graph.nodes().map((node) => [node.id, node.verdict])));
    for (const [id, verdict] of Object.entries(verdicts)) assert.strictEqual(verdict, atlas.verdictOf(id).value, `${id}: the graph's verdict is the core's`);
    assert.match(await view.locator('[data-testid="status"]').innerText(), new RegExp(`^${count} 个协议，\\d+ 条依赖`));
    assert.strictEqual((await view.locator('[data-testid="search"]').getAttribute('placeholder')) ?? '', '搜索协议');

    const at = await nodeOnPage(workbench, view, IO_NET);
    await page.mouse.move(at.x + 40, at.y + 40);
    await page.mouse.move(at.x, at.y, { steps: 5 });
    const card = view.locator('[data-testid="hover-card"]');
    await card.waitFor({ state: 'visible' });
    assert.strictEqual(await card.locator('[data-testid="card-name"]').innerText(), 'io.net');
    assert.match(await card.locator('[data-testid="card-verdict"]').innerText(), /利空/);
    assert.match(await card.locator('[data-testid="card-layer"]').innerText(), /层:?\s*基础设施层 · 算力$/);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'graph-zh-cn.png') });
  });
});
