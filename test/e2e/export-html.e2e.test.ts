// Exports worth sharing, through the real command and save dialog in the real VS Code: a PNG at
// the chosen scale that has the SVG's title and legend, Mermaid and DOT text, and an HTML file
// that someone without VS Code opens in Chromium from a file, to pan, zoom, filter and hover,
// while two hostile notes' names stay text that runs nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { openGraph } from './graphView';
import { EXTENSION_SOURCE, Workbench, markdownFiles, screenshotOnFailure } from './workbench';

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
    assert.strictEqual(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG file');
    assert.strictEqual(png.subarray(12, 16).toString('ascii'), 'IHDR');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [svgWidth * SCALE, svgHeight * SCALE], `${SCALE} × the SVG's ${svgWidth} × ${svgHeight}`);

    // Decoded in the browser: what a reader of the PNG sees, by region of the picture.
    const seen = await workbench.page.evaluate(
      async ([base64, scale]) => {
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
          const isRed = Math.abs(r - 0xc6) < 12 && Math.abs(g - 0x28) < 12 && Math.abs(b - 0x28) < 12;
          const isGreen = Math.abs(r - 0x2e) < 12 && Math.abs(g - 0x7d) < 12 && Math.abs(b - 0x32) < 12;
          if (isRed && y >= 38 && y <= 54) legendRed++;
          if (isRed && y > 60) red++;
          if (isGreen && y > 60) green++;
        }
        return { drawn, total: data.length / 4, titleInk, legendRed, red, green };
      },
      [png.toString('base64'), SCALE] as [string, number],
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
});
