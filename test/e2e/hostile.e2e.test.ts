// Note content is untrusted: a note whose every field tries to run script, load an image, follow a
// javascript: link or inject CSS must show up as those literal characters and run nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { inGraph, nodeOnPage, openGraph } from './graphView';
import { EXTENSION_SOURCE, Workbench, screenshotOnFailure } from './workbench';

const HOSTILE = 'infrastructure/hostile.md';
// Every payload, if it ever ran, leaves a mark the test looks for: a global or a body attribute.
const NAME = `<img src=x onerror="window.__pwned='name';document.body.dataset.pwned='name'">`;
const CATEGORY = `</style><style>*{display:none}</style>`;
const REASON = `<script>window.__pwned='reason'</script> [click](javascript:window.__pwned='link') <img src=x onerror=window.__pwned='img'>`;
/** A YAML single-quoted scalar: the only escape is a doubled quote. */
const yaml = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const NOTE = `---
protocol: ${yaml(NAME)}
aliases: ['<script>window.__pwned="alias"</script>']
layer: infrastructure
category: ${yaml(CATEGORY)}
depends_on: ['[[io.net]]', '<svg onload=window.__pwned=1>']
impact:
  verdict: negative
  reason: ${yaml(REASON)}
---

# <script>window.__pwned='heading'</script>

<img src=x onerror="window.__pwned='body'"> [run](javascript:window.__pwned='body-link')
<style>*{display:none}</style> <iframe src="javascript:parent.__pwned='iframe'"></iframe>
`;

describe(`A hostile note (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open({
      prepareWorkspace(dir) {
        fs.writeFileSync(path.join(dir, HOSTILE), NOTE);
      },
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('is drawn and described as plain text, and none of its markup runs', async () => {
    const view = await openGraph(workbench);
    const hostile = (await inGraph(view, (graph) => graph.nodes())).find((node) => node.id === HOSTILE);
    assert.ok(hostile, 'the hostile note is in the graph');
    assert.strictEqual(hostile.name, NAME, 'its name is kept exactly, as text');
    assert.strictEqual(hostile.category, CATEGORY);

    const at = await nodeOnPage(workbench, view, HOSTILE);
    await workbench.page.mouse.move(at.x, at.y);
    const card = view.locator('[data-testid="hover-card"]');
    await card.waitFor({ state: 'visible' });
    assert.strictEqual(await card.locator('[data-testid="card-name"]').innerText(), NAME, 'the card shows the literal name');
    assert.ok((await card.locator('[data-testid="card-reason"]').innerText()).includes(REASON), 'the card shows the literal reason');
    assert.ok((await card.locator('[data-testid="card-layer"]').innerText()).includes(CATEGORY), 'the card shows the literal category');
    // The injected stylesheet did not hide the page: the controls are still on screen.
    assert.ok(await view.locator('[role="toolbar"]').isVisible(), 'the toolbar is still visible');
    assert.ok(await view.locator('[data-testid="search"]').isVisible(), 'the search box is still visible');
    await workbench.screenshot('hostile-card');

    const traces = await view.locator('body').evaluate((body) => ({
      pwned: (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null,
      bodyMark: body.dataset.pwned ?? null,
      images: body.ownerDocument.querySelectorAll('img, iframe, svg:not([class]), a[href^="javascript:"]').length,
      styles: [...body.ownerDocument.querySelectorAll('style')].filter((style) => (style.textContent ?? '').includes('display:none')).length,
    }));
    assert.deepStrictEqual(traces, { pwned: null, bodyMark: null, images: 0, styles: 0 }, 'nothing from the note became markup or ran');
    const outer = await workbench.page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null);
    assert.strictEqual(outer, null, 'nothing ran in the workbench either');
  });
});
