// The exported SVG as someone without VS Code opens it: in Chromium, from a file. Every band is
// inside the picture, no drawn name covers another, the title and legend are there, and a
// hostile note's name is text that runs nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium, makeTempDir } from '../../scripts/code-server';
import { EXAMPLE_WORKSPACE } from '../../scripts/project';
import { Atlas } from '../../src/core/atlas';
import { buildGraphView } from '../unit/graphView/wholeView';
import { graphViewToSvg } from '../../src/core/present/graphSvg';
import { indexFolder } from '../../src/node/indexFolder';
import { ARTIFACTS_DIR } from './workbench';

/** The few DOM APIs the page-side function uses (this file compiles without the DOM library). */
interface PageElement {
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  textContent: string | null;
}
interface PageGlobals {
  document: {
    documentElement: { width: { baseVal: { value: number } }; height: { baseVal: { value: number } } };
    querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
    querySelector(selector: string): PageElement | null;
  };
  __pwned?: number;
}

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

describe('The exported SVG, opened in Chromium (e2e)', () => {
  let browser: Browser;
  let folder: { dir: string; cleanup(): void };

  before(async () => {
    browser = await launchChromium();
    folder = makeTempDir('protocol-atlas-svg-');
  });

  after(async () => {
    await browser?.close();
    folder?.cleanup();
  });

  it('shows every band, the title, the legend and names that never overlap, and runs nothing from a note', async () => {
    const index = indexFolder(EXAMPLE_WORKSPACE).index;
    index.set('application/hostile.md', `---\nprotocol: ${JSON.stringify(HOSTILE)}\nlayer: application\ndepends_on: [io.net]\n---\n`);
    const atlas = new Atlas({ index });
    const file = path.join(folder.dir, 'graph.svg');
    fs.writeFileSync(file, graphViewToSvg(buildGraphView(atlas)));
    atlas.dispose();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`file://${file}`);
    // tsx's keepNames wraps the helpers below in a __name() the page lacks.
    await page.evaluate('window.__name = (f) => f');
    const seen = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const svg = document.documentElement;
      const boxes = (selector: string) =>
        [...document.querySelectorAll(selector)].map((element) => {
          const rect = element.getBoundingClientRect();
          return { x: rect.x, y: rect.y, width: rect.width, height: rect.height, text: element.textContent ?? '' };
        });
      return {
        size: { width: svg.width.baseVal.value, height: svg.height.baseVal.value },
        bands: boxes('rect.band'),
        bandLabels: [...document.querySelectorAll('text.band-label')].map((element) => element.textContent),
        names: boxes('text.name'),
        dots: boxes('g.protocol circle'),
        title: document.querySelector('text.title')?.textContent,
        legend: document.querySelector('g.legend')?.textContent,
        scripts: document.querySelectorAll('script, img, foreignObject').length,
        pwned: (globalThis as unknown as PageGlobals).__pwned,
      };
    });
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'exported-svg.png') });
    await page.close();

    assert.deepStrictEqual(seen.bandLabels.map((label) => label?.replace(/ · \d+$/, '')), ['INFRASTRUCTURE', 'MIDDLEWARE', 'MODEL', 'APPLICATION']);
    for (const band of seen.bands) assert.ok(band.y >= 0 && band.y + band.height <= seen.size.height + 0.5, `a band is inside the picture: ${band.y}–${band.y + band.height} of ${seen.size.height}`);
    assert.match(seen.title ?? '', /^Protocol Atlas · layer graph · DeepSeek/);
    for (const word of ['Positive', 'Negative', 'Mixed', 'Not assessed', 'your override']) assert.ok(seen.legend?.includes(word), `the legend says ${word}`);
    assert.ok(seen.names.length >= seen.dots.length * 0.75, `most protocols are named: ${seen.names.length} of ${seen.dots.length}`);
    const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (let i = 0; i < seen.names.length; i++) {
      for (let j = i + 1; j < seen.names.length; j++) assert.ok(!overlaps(seen.names[i], seen.names[j]), `"${seen.names[i].text}" and "${seen.names[j].text}" overlap`);
    }
    assert.strictEqual(seen.scripts, 0, 'no element from a note');
    assert.strictEqual(seen.pwned, undefined, 'nothing from a note ran');
    assert.ok(seen.names.some((name) => name.text.includes('<img src=x')) || seen.dots.length === 21, 'the hostile name is drawn as text, or left out for room');
  });
});
