// Reading the graph webview the way a person sees it: the app's own state (window.__protocolAtlas,
// a read-only snapshot) for what is drawn where, and the pixels of a screenshot for whether
// anything is drawn at all.
import type { FrameLocator, Page } from 'playwright-core';
import type { TestView } from '../../webview/testView';
import type { Workbench } from './workbench';

/** The few browser APIs the page-side functions use (this file compiles without the DOM library). */
interface BrowserGlobals {
  createImageBitmap(blob: Blob): Promise<{ width: number; height: number }>;
  OffscreenCanvas: new (width: number, height: number) => {
    getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
  };
  getComputedStyle(element: unknown): { backgroundColor: string };
}

export type GraphNodeState = ReturnType<TestView['nodes']>[number];

/** Runs `fn(view)` inside the webview, where `view` is window.__protocolAtlas. */
export async function inGraph<T, A = undefined>(frame: FrameLocator, fn: (view: TestView, arg: A) => T, arg?: A): Promise<T> {
  return frame.locator('body').evaluate(
    (_body, [source, argument]) => {
      const view = (globalThis as unknown as { __protocolAtlas: TestView }).__protocolAtlas;
      return (0, eval)(`(${source})`)(view, argument);
    },
    [fn.toString(), arg] as [string, A | undefined],
  ) as Promise<T>;
}

/** Opens the graph and waits until it shows `expected` protocols and sigma drew its first frame. */
export async function openGraph(workbench: Workbench, expected?: number): Promise<FrameLocator> {
  await workbench.runCommand('Protocol Atlas: Show Layer Graph');
  const frame = workbench.webviewFrame();
  await frame.locator('[data-testid="graph"] canvas').first().waitFor();
  await waitForGraph(frame, (view, count) => view.firstFrame && (count === undefined ? view.nodes().length > 0 : view.nodes().length === count), expected);
  return frame;
}

export async function waitForGraph<A>(frame: FrameLocator, predicate: (view: TestView, arg: A) => boolean, arg?: A, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await inGraph(frame, predicate, arg).catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`The graph did not reach the expected state: ${predicate.toString().slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Where the webview's iframe sits in the page: the app's coordinates are relative to it. */
export async function webviewOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('iframe.webview.ready').boundingBox();
  if (!box) throw new Error('The webview is not on screen.');
  return { x: box.x, y: box.y };
}

/** A protocol's position in page coordinates, to move the real mouse onto it. */
export async function nodeOnPage(workbench: Workbench, frame: FrameLocator, id: string): Promise<{ x: number; y: number }> {
  const at = await inGraph(frame, (view, node) => view.nodeOnScreen(node), id);
  if (!at) throw new Error(`${id} is not drawn.`);
  const origin = await webviewOrigin(workbench.page);
  return { x: origin.x + at.x, y: origin.y + at.y };
}

/**
 * Counts the pixels of a screenshot of the graph area that differ from its most common colour
 * (the background), decoding the PNG in the browser so no image library is needed.
 */
export async function drawnPixels(page: Page, frame: FrameLocator): Promise<{ drawn: number; total: number; background: string }> {
  const png = await frame.locator('[data-testid="graph"]').screenshot();
  return page.evaluate(async (base64) => {
    const browser = globalThis as unknown as BrowserGlobals;
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const bitmap = await browser.createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new browser.OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [background] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const r = (background >> 16) & 255;
    const g = (background >> 8) & 255;
    const b = background & 255;
    let drawn = 0;
    // No helper functions in here: tsx's keepNames would wrap them in a __name() the page lacks.
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) >= 24) drawn++;
    return { drawn, total: data.length / 4, background: `#${background.toString(16).padStart(6, '0')}` };
  }, png.toString('base64'));
}

/** The colour a person sees at a point of the page: a 1×1 screenshot there, decoded in the browser. */
export async function pixelOnPage(page: Page, at: { x: number; y: number }): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: Math.round(at.x), y: Math.round(at.y), width: 1, height: 1 } });
  return page.evaluate(async (base64) => {
    const browser = globalThis as unknown as BrowserGlobals;
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const bitmap = await browser.createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new browser.OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, 1, 1);
    return [data[0], data[1], data[2]] as [number, number, number];
  }, png.toString('base64'));
}

/** The webview body's computed background colour. */
export function webviewBackground(frame: FrameLocator): Promise<string> {
  return frame.locator('body').evaluate((body) => (globalThis as unknown as BrowserGlobals).getComputedStyle(body).backgroundColor);
}

/**
 * What a person can read: the names drawn on the graph, checked box by box. None may cover
 * another name or another protocol's dot. Returns the drawn names.
 */
export async function assertLegibleLabels(frame: FrameLocator, minimumShown: number): Promise<string[]> {
  const { labels, discs } = await inGraph(frame, (view) => view.drawnLabels());
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlaps(labels[i], labels[j])) throw new Error(`"${labels[i].text}" and "${labels[j].text}" overlap`);
    }
    for (const disc of discs) {
      if (disc.id !== labels[i].id && overlaps(labels[i], { x: disc.x - disc.radius, y: disc.y - disc.radius, width: 2 * disc.radius, height: 2 * disc.radius })) {
        throw new Error(`"${labels[i].text}" covers the protocol ${disc.id}`);
      }
    }
  }
  if (labels.length < minimumShown) throw new Error(`only ${labels.length} names drawn (${labels.map((label) => label.text).join(', ')}), expected at least ${minimumShown}`);
  return labels.map((label) => label.text);
}

/**
 * The drawn dependencies that run through the middle of a protocol they do not join, as
 * "source → target over other", and how many are drawn: each edge is followed on screen as sigma
 * draws it (a quadratic curve whose control point is the chord's midpoint moved by curvature ×
 * (dy, −dx) in the y-down picture), against every drawn dot.
 */
export async function edgesOverProtocols(frame: FrameLocator): Promise<{ over: string[]; total: number }> {
  const drawn = await inGraph(frame, (view) => {
    const nodes = new Map(view.nodes().map((node) => [node.id, node]));
    return {
      discs: view.drawnLabels().discs,
      edges: view
        .edges()
        .filter((edge) => !edge.hidden)
        .map((edge) => {
          const [from, to] = [nodes.get(edge.source)!, nodes.get(edge.target)!];
          return { source: edge.source, target: edge.target, curvature: edge.curvature, a: view.graphToViewport(from.x, from.y)!, b: view.graphToViewport(to.x, to.y)! };
        }),
    };
  });
  const over: string[] = [];
  for (const edge of drawn.edges) {
    const [dx, dy] = [edge.b.x - edge.a.x, edge.b.y - edge.a.y];
    const c = edge.curvature ?? 0;
    const control = { x: (edge.a.x + edge.b.x) / 2 + dy * c, y: (edge.a.y + edge.b.y) / 2 - dx * c };
    for (let i = 1; i < 400; i++) {
      const t = i / 400;
      const u = 1 - t;
      const x = u * u * edge.a.x + 2 * u * t * control.x + t * t * edge.b.x;
      const y = u * u * edge.a.y + 2 * u * t * control.y + t * t * edge.b.y;
      // Through the middle of a dot: grazing its rim does not read as a step of a chain.
      const hit = drawn.discs.find((disc) => disc.id !== edge.source && disc.id !== edge.target && Math.hypot(disc.x - x, disc.y - y) < disc.radius * 0.6);
      if (hit) {
        over.push(`${edge.source} → ${edge.target} over ${hit.id}`);
        break;
      }
    }
  }
  return { over, total: drawn.edges.length };
}
