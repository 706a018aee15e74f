// Exports worth sharing, through the real command and save dialog in the real VS Code: a PNG at
// the chosen scale that has the SVG's title and legend, Mermaid and DOT text, and an HTML file
// that someone without VS Code opens in Chromium from a file, to pan, zoom, filter and hover,
// while two hostile notes' names stay text that runs nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/code-server';
import { Atlas } from '../../src/core/atlas';
import { indexFolder } from '../../src/node/indexFolder';
import { printColours } from '../../src/core/present/colours';
import { openGraph } from './graphView';
import { ARTIFACTS_DIR, EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure } from './workbench';

/** '#b3261e' → [179, 38, 30]. */
function rgb(hex: string): number[] {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
}

const SCRIPT_BREAKOUT = '</script><script>alert(1)</script>';
const IMG_HANDLER = '<img src=x onerror=alert(1)>';
const SCALE = 3;

/** The few DOM APIs the page-side functions use (this file compiles without the DOM library). */
interface PageElement {
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
}
interface PageGlobals {
  document: {
    title: string;
    querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
    querySelector(selector: string): PageElement | null;
  };
  getComputedStyle(element: PageElement): { display: string };
  createImageBitmap(blob: Blob): Promise<{ width: number; height: number }>;
  OffscreenCanvas: new (width: number, height: number) => {
    getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
  };
}

/** Runs Export Graph… from the Command Palette and types `file` into VS Code's own save dialog. */
async function exportThroughDialog(workbench: Workbench, file: string): Promise<void> {
  await workbench.runCommand('Protocol Atlas: Export Graph…');
  const input = workbench.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  // The dialog writes its default path once it has listed the folder: typing before that is lost.
  await workbench.page.waitForFunction(() => {
    const field = (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('.quick-input-widget input');
    return field !== null && field.value.endsWith('protocol-graph.png');
  });
  await input.fill(file);
  await workbench.page.waitForFunction((expected) => {
    const field = (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('.quick-input-widget input');
    return field?.value === expected;
  }, file);
  await input.press('Enter');
  await workbench.page.locator('.notifications-toasts', { hasText: `Exported the layer graph to ${path.basename(file)}` }).waitFor({ timeout: 60000 });
  assert.ok(fs.existsSync(file), `${file} was written`);
}

describe(`Exports worth sharing (e2e, extension ${EXTENSION_SOURCE})`, () => {
  let workbench: Workbench;
  let browser: Browser | undefined;
  let notes: string[];
  screenshotOnFailure(() => workbench);

  before(async () => {
    workbench = await Workbench.open({
      prepareWorkspace: (dir) => {
        fs.writeFileSync(path.join(dir, 'application', 'breakout.md'), `---\nprotocol: ${JSON.stringify(SCRIPT_BREAKOUT)}\nlayer: application\ndepends_on: [io.net]\n---\n`);
        fs.writeFileSync(path.join(dir, 'application', 'handler.md'), `---\nprotocol: ${JSON.stringify(IMG_HANDLER)}\nlayer: application\n---\n`);
        fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
        fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'protocolAtlas.export.pngScale': SCALE }));
      },
    });
    notes = markdownFiles(workbench.workspace);
    await openGraph(workbench, notes.length);
  });

  after(async () => {
    await browser?.close();
    await workbench?.close();
  });

  it(`draws the PNG from the SVG at ${SCALE}× (protocolAtlas.export.pngScale): its title, legend and dots, not the screen`, async () => {
    const svgFile = path.join(workbench.workspace, 'shared-graph.svg');
    const pngFile = path.join(workbench.workspace, 'shared-graph.png');
    await exportThroughDialog(workbench, svgFile);
    await exportThroughDialog(workbench, pngFile);
    const svg = fs.readFileSync(svgFile, 'utf8');
    const [, svgWidth, svgHeight] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    const png = fs.readFileSync(pngFile);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    fs.copyFileSync(pngFile, path.join(ARTIFACTS_DIR, `exported-png-${SCALE}x.png`));
    assert.strictEqual(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG file');
    assert.strictEqual(png.subarray(12, 16).toString('ascii'), 'IHDR');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [svgWidth * SCALE, svgHeight * SCALE], `${SCALE} × the SVG's ${svgWidth} × ${svgHeight}`);

    // Decoded in the browser: what a reader of the PNG sees, by region of the picture.
    const seen = await workbench.page.evaluate(
      async ([base64, scale, negative, positive]) => {
        const browser = globalThis as unknown as PageGlobals;
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const bitmap = await browser.createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new browser.OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
        let drawn = 0;
        let titleInk = 0;
        let legendRed = 0;
        let red = 0;
        let green = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          const y = Math.floor(i / 4 / bitmap.width) / scale;
          if (r + g + b < 735) drawn++;
          // The title's dark text sits in the top 30 px of the SVG, the legend's dots at 40–52.
          if (y < 30 && r < 80 && g < 80 && b < 80) titleInk++;
          const isRed = Math.abs(r - negative[0]) < 12 && Math.abs(g - negative[1]) < 12 && Math.abs(b - negative[2]) < 12;
          const isGreen = Math.abs(r - positive[0]) < 12 && Math.abs(g - positive[1]) < 12 && Math.abs(b - positive[2]) < 12;
          if (isRed && y >= 38 && y <= 54) legendRed++;
          if (isRed && y > 60) red++;
          if (isGreen && y > 60) green++;
        }
        return { drawn, total: data.length / 4, titleInk, legendRed, red, green };
      },
      [png.toString('base64'), SCALE, rgb(printColours('negative').stroke), rgb(printColours('positive').stroke)] as [string, number, number[], number[]],
    );
    assert.ok(seen.drawn > seen.total * 0.05, `the PNG is not blank: ${seen.drawn} of ${seen.total} pixels drawn`);
    assert.ok(seen.titleInk > 500 * SCALE, `the title is drawn across the top: ${seen.titleInk} dark pixels`);
    assert.ok(seen.legendRed > 50 * SCALE * SCALE, `the legend's Negative dot is drawn: ${seen.legendRed} red pixels`);
    assert.ok(seen.red > 100 * SCALE * SCALE && seen.green > 100 * SCALE * SCALE, `protocols' dots in verdict colours: ${seen.red} red, ${seen.green} green pixels`);
  });

  it('writes Mermaid (.mmd) and Graphviz DOT (.gv) from the same dialog', async () => {
    const mermaid = path.join(workbench.workspace, 'shared-graph.mmd');
    const dot = path.join(workbench.workspace, 'shared-graph.gv');
    await exportThroughDialog(workbench, mermaid);
    await exportThroughDialog(workbench, dot);
    const mermaidText = fs.readFileSync(mermaid, 'utf8');
    assert.match(mermaidText, /^flowchart BT\n/);
    assert.match(mermaidText, /\["Bittensor"\]/);
    assert.match(mermaidText, /classDef negative /, 'coloured by the framework');
    assert.ok(!mermaidText.includes('<script') && !mermaidText.includes('<img'), 'the hostile names are entities');
    const dotText = fs.readFileSync(dot, 'utf8');
    assert.match(dotText, /^digraph protocols \{\n/);
    assert.match(dotText, /label="Bittensor"/);
    assert.strictEqual((dotText.match(/ -> /g) ?? []).length, (mermaidText.match(/ --> /g) ?? []).length, 'the same dependencies');
  });

  it('exports one HTML file that pans, zooms, filters and shows each reason, and runs nothing from a note', async () => {
    const file = path.join(workbench.workspace, 'shared-graph.html');
    await exportThroughDialog(workbench, file);
    const index = indexFolder(workbench.workspace).index;
    const atlas = new Atlas({ index });
    const akash = atlas.verdictOf('infrastructure/akash.md');
    const infrastructure = atlas.protocols().filter((protocol) => protocol.layer.value === 'infrastructure').length;
    atlas.dispose();

    browser = await launchChromium();
    const page: Page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const dialogs: string[] = [];
    const refused: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) refused.push(message.text());
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`file://${file}`);
    // tsx's keepNames wraps the helpers below in a __name() the page lacks.
    await page.evaluate('window.__name = (f) => f');
    const picture = () =>
      page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
        return {
          title: document.title,
          svgTitle: document.querySelector('text.title')?.textContent,
          legend: document.querySelector('g.legend')?.textContent,
          bands: [...document.querySelectorAll('text.band-label')].map((element) => element.textContent),
          names: [...document.querySelectorAll('text.name')].map((element) => element.textContent),
          shownProtocols: [...document.querySelectorAll('g.protocol')].filter((element) => getComputedStyle(element).display !== 'none').length,
          count: document.querySelector('.count')?.textContent,
          scripts: [...document.querySelectorAll('script')].map((element) => `${element.getAttribute('type') ?? ''}|${element.getAttribute('src') ?? ''}`),
          foreign: document.querySelectorAll('img, iframe, object, embed, foreignObject, a').length,
          svgBox: document.querySelector('.stage svg')!.getBoundingClientRect(),
        };
      });
    const before = await picture();
    assert.match(before.title, /^Protocol Atlas · layer graph · DeepSeek/);
    assert.strictEqual(before.svgTitle, before.title, 'the picture carries the title with the framework');
    for (const word of ['Positive', 'Negative', 'Mixed', 'Not assessed', 'your override']) assert.ok(before.legend?.includes(word), `the legend says ${word}`);
    assert.deepStrictEqual(before.bands.map((label) => label?.replace(/ · \d+$/, '')), ['INFRASTRUCTURE', 'MIDDLEWARE', 'MODEL', 'APPLICATION']);
    for (const name of ['Akash', 'Bittensor', 'io.net']) assert.ok(before.names.includes(name), `${name} is named: ${before.names.join(', ')}`);
    assert.strictEqual(before.shownProtocols, notes.length);
    assert.strictEqual(before.count, `${notes.length} of ${notes.length} shown`);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'exported-html.png') });

    // Hover: the card says the protocol's name, layer, verdict and the framework's reason.
    const akashDot = page.locator('g.protocol', { has: page.locator('text.name', { hasText: /^Akash$/ }) }).locator('circle');
    await akashDot.hover();
    const card = page.locator('.card');
    await card.waitFor({ state: 'visible' });
    const cardText = await card.innerText();
    assert.ok(cardText.startsWith('Akash'), cardText);
    assert.ok(cardText.includes('Infrastructure · Compute'), cardText);
    assert.ok(cardText.includes('Negative'), cardText);
    assert.ok(akash.rationale.length > 20 && cardText.includes(akash.rationale), `the card gives the framework's reason "${akash.rationale}": ${cardText}`);
    // The hostile names are text in the card too.
    const breakoutDot = page.locator('g.protocol', { has: page.locator('text.name', { hasText: 'alert(1)</script>' }) }).locator('circle');
    await breakoutDot.hover();
    assert.strictEqual(await page.locator('.card .card-name').textContent(), SCRIPT_BREAKOUT);

    // A layer's checkbox hides its protocols, and the count says so.
    await page.mouse.move(5, 995);
    await page.locator('label', { hasText: 'Infrastructure' }).locator('input').uncheck();
    const filtered = await picture();
    assert.strictEqual(filtered.shownProtocols, notes.length - infrastructure);
    assert.strictEqual(filtered.count, `${notes.length - infrastructure} of ${notes.length} shown`);
    assert.ok(!(await akashDot.isVisible()), 'Akash is hidden with its layer');
    await page.locator('label', { hasText: 'Infrastructure' }).locator('input').check();
    // The text box matches aliases too: AKT is Akash's.
    await page.locator('input.search').fill('akt');
    assert.strictEqual((await picture()).count, `1 of ${notes.length} shown`);
    assert.ok(await akashDot.isVisible(), 'Akash, found by its alias');
    await page.locator('input.search').fill('');

    // Wheel zooms in where the pointer is; a drag pans.
    await page.mouse.move(800, 500);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((width) => (globalThis as unknown as PageGlobals).document.querySelector('.stage svg')!.getBoundingClientRect().width > width * 1.5, before.svgBox.width);
    const zoomed = (await picture()).svgBox;
    await page.mouse.move(800, 500);
    await page.mouse.down();
    await page.mouse.move(600, 420, { steps: 5 });
    await page.mouse.up();
    const panned = (await picture()).svgBox;
    assert.ok(Math.abs(panned.x - (zoomed.x - 200)) < 2 && Math.abs(panned.y - (zoomed.y - 80)) < 2, `dragged by (-200, -80): ${JSON.stringify(zoomed)} → ${JSON.stringify(panned)}`);

    const after = await picture();
    assert.deepStrictEqual(after.scripts, ['application/json|', '|'], "only the product's data block and script");
    assert.strictEqual(after.foreign, 0, 'no element from a note');
    assert.deepStrictEqual(dialogs, [], 'no alert or other dialog');
    assert.deepStrictEqual(refused, [], 'the CSP refused nothing: the one script is the hashed one');
    assert.deepStrictEqual(errors, [], 'the script ran without errors');
    await page.close();
  });
});
