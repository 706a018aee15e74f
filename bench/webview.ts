// Benchmark of the graph webview in headless Chromium (software WebGL through SwiftShader): time to
// the first drawn frame of a 5,000-protocol / 15,000-dependency graph in the real app, as a ratio to
// a bare sigma render of the same positions in the same browser, and frame times while panning;
// then the same on the 500-protocol example vault (hubs, a cycle, arrows and names on every frame).
// Run alone with `npx tsx bench/webview.ts` (prints JSON), or through the bench runner.
// PROTOCOL_ATLAS_BENCH_RUNS sets the timed runs per page (default 5); PROTOCOL_ATLAS_BENCH_NO_WEBGL=1
// turns WebGL off to check what is reported (and what the app shows) without it.
//
// Both pages are timed by bench/webview/probe.js from the moment the graph is posted to the page:
// "drawn" is the page's own first-frame mark (sigma's drawing calls done), "on screen" the first
// frame the compositor begins after it. Under software WebGL the two are a second or more apart.
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { testHooksDefine } from '../scripts/bundles';
import { CHROMIUM_ARGS, launchChromium } from '../scripts/code-server';
import { buildExampleFixture, buildFixture, EDGES, NODES, type Fixture } from './webview/fixture';
import { appPage, barePage, BARE_CSS, graphScript, servePages, THEME_CSS, type StaticFile } from './webview/server';
import type { BenchRow } from './benchRow';


type Kind = 'bare' | 'app';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.PROTOCOL_ATLAS_BENCH_RUNS) || 5;
const RATIO_TARGET = 1.2;
const FRAME_TARGET_MS = 33;
const PAN_MS = 2_000;
const SETTLE_MS = 2_000;
const VIEWPORT = { width: 1280, height: 800 };
const READY_TIMEOUT_MS = 20_000;
const FRAME_TIMEOUT_MS = 60_000;
const SIZE = `${NODES.toLocaleString('en')} nodes / ${EDGES.toLocaleString('en')} edges`;

interface Probe {
  __bench: {
    handOver(): void;
    graph: unknown;
    webgl(): { version: string; renderer: string } | null;
    graphCentre(): { x: number; y: number; width: number; height: number } | null;
    startFrames(): void;
    stopFrames(): number[];
    shownMs(): number | null;
    ready: boolean;
    errors: string[];
  };
}

/** Both bundles built now, minified as they ship: the app from webview/main.ts (what dist/webview.js is built from). */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // As it ships: this benchmark reads the page through its own probe, not the test view.
    define: testHooksDefine(false),
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

async function pageFiles(origin: string, fixture: Fixture): Promise<Map<string, StaticFile>> {
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  const [bare, app] = await Promise.all([bundle('bench/webview/bareSigma.js'), bundle('webview/main.ts')]);
  const graphCss = path.join(ROOT, 'media', 'graph.css');
  return new Map<string, StaticFile>([
    ['/bare.html', { type: 'text/html; charset=utf-8', body: barePage(origin) }],
    ['/app.html', { type: 'text/html; charset=utf-8', body: appPage(origin) }],
    ['/bench/probe.js', { type: js, body: fs.readFileSync(path.join(__dirname, 'webview', 'probe.js')) }],
    ['/bench/bareSigma.js', { type: js, body: bare }],
    ['/bench/bare-graph.js', { type: js, body: graphScript(fixture.bare) }],
    ['/bench/app-graph.js', { type: js, body: graphScript(fixture.app) }],
    ['/dist/webview.js', { type: js, body: app }],
    ['/bench/theme.css', { type: css, body: THEME_CSS }],
    ['/bench/bare.css', { type: css, body: BARE_CSS }],
    ['/media/graph.css', { type: css, body: fs.existsSync(graphCss) ? fs.readFileSync(graphCss) : '' }],
  ]);
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (globalThis as unknown as Partial<Probe>).__bench?.ready === true, undefined, { timeout: READY_TIMEOUT_MS, polling: 50 });
  return page;
}

async function pageErrors(page: Page): Promise<string> {
  const errors = await page.evaluate(() => (globalThis as unknown as Probe).__bench.errors).catch(() => []);
  return errors.length ? ` Page errors: ${errors.slice(0, 3).join(' | ').slice(0, 400)}` : '';
}

interface FirstFrame {
  /** Navigation start to ready (the page's script loaded and started). */
  ready: number;
  /** Handover to the page's first-frame mark (its drawing calls done). */
  drawn: number;
  /** Handover to the first frame begun after the mark: the drawing is on screen. */
  shown: number;
}

/** Hands the graph over and waits until its first frame is on screen. */
async function firstFrame(page: Page): Promise<FirstFrame> {
  await page.evaluate(() => (globalThis as unknown as Probe).__bench.handOver());
  try {
    await page.waitForFunction(() => (globalThis as unknown as Probe).__bench.shownMs() !== null, undefined, { timeout: FRAME_TIMEOUT_MS, polling: 100 });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    const reason = timedOut ? `no first frame within ${FRAME_TIMEOUT_MS / 1000} s` : (error as Error).message.split('\n')[0];
    throw new Error(`${reason}.${await pageErrors(page)}`);
  }
  return (await page.evaluate('({ ready: window.__bench.readyMs, drawn: window.__bench.firstFrameMs(), shown: window.__bench.shownMs() })')) as FirstFrame;
}

/** Drags the graph around in a circle for PAN_MS and returns the page's frame intervals. */
async function pan(page: Page): Promise<number[]> {
  const centre = await page.evaluate(() => (globalThis as unknown as Probe).__bench.graphCentre());
  if (!centre) throw new Error('no canvas to drag');
  const radius = Math.min(centre.width, centre.height) / 6;
  await page.mouse.move(centre.x + radius, centre.y);
  await page.mouse.down();
  await page.evaluate(() => (globalThis as unknown as Probe).__bench.startFrames());
  const start = Date.now();
  for (let elapsed = 0; elapsed < PAN_MS; elapsed = Date.now() - start) {
    const angle = (elapsed / 1000) * 2 * Math.PI;
    await page.mouse.move(centre.x + radius * Math.cos(angle), centre.y + radius * Math.sin(angle));
  }
  const intervals = await page.evaluate(() => (globalThis as unknown as Probe).__bench.stopFrames());
  await page.mouse.up();
  return intervals;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

interface Measured {
  firstFrames: FirstFrame[];
  frames: number[];
  failure?: string;
}

/**
 * The untimed first run of each page also checks that the mark means something: the screen after
 * it must show far more than before the handover (a blank canvas compresses to almost nothing; the
 * graph's thousands of marks do not), and about what it shows once everything has settled (a mark
 * set on an early, partial frame would be flattering).
 */
async function drawsTheGraph(page: Page, before: Buffer): Promise<void> {
  const shown = await page.screenshot();
  if (shown.length < 2 * before.length + 50_000) throw new Error(`the page marked its first frame, but the screen looks blank (${before.length} -> ${shown.length} bytes of PNG)`);
  await page.waitForTimeout(SETTLE_MS);
  const settled = await page.screenshot();
  if (Math.abs(settled.length - shown.length) > 0.15 * settled.length) {
    throw new Error(`the screen kept changing after the first-frame mark (${shown.length} -> ${settled.length} bytes of PNG ${SETTLE_MS / 1000} s later): the mark comes before the graph is drawn`);
  }
}

/**
 * A fast pan is only worth something if the picture follows the pointer and the drop shows the
 * graph where the drag left it: the screen mid-drag must differ from before it, and the settled
 * screen after the drop must have no layer left shifted by CSS and be exactly what a full redraw at
 * that camera (a window resize) shows.
 */
async function pansTheGraph(page: Page): Promise<void> {
  const centre = await page.evaluate(() => (globalThis as unknown as Probe).__bench.graphCentre());
  if (!centre) throw new Error('no canvas to drag');
  const before = await page.screenshot();
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(centre.x + step * 12, centre.y + step * 8);
  await page.waitForTimeout(300);
  const dragged = await page.screenshot();
  await page.mouse.up();
  if (dragged.equals(before)) throw new Error('the screen did not move while the graph was dragged');
  await page.waitForTimeout(SETTLE_MS);
  const dropped = await page.screenshot();
  const slid = (await page.evaluate('[...document.querySelectorAll("canvas")].filter((canvas) => getComputedStyle(canvas).transform !== "none").length')) as number;
  if (slid > 0) throw new Error(`after the drop ${slid} canvas layer(s) are still moved by CSS, not drawn where they belong`);
  await page.evaluate('window.dispatchEvent(new Event("resize"))');
  await page.waitForTimeout(SETTLE_MS);
  if (!dropped.equals(await page.screenshot())) throw new Error('after the drop the screen differs from a full redraw at the same camera');
}

async function measure(browser: Browser, origin: string, kind: Kind, mode: 'warm-up' | 'timed', into: Measured): Promise<void> {
  if (into.failure) return;
  const page = await openPage(browser, `${origin}/${kind}.html`).catch((error: Error) => {
    into.failure = `page did not get ready: ${error.message.split('\n')[0]}`;
  });
  if (!page) return;
  try {
    if (mode === 'warm-up') {
      const before = await page.screenshot();
      await firstFrame(page);
      await drawsTheGraph(page, before);
      await pansTheGraph(page);
      return;
    }
    into.firstFrames.push(await firstFrame(page));
    await page.waitForTimeout(300);
    into.frames.push(...(await pan(page)));
  } catch (error) {
    into.failure = (error as Error).message;
  } finally {
    await page.context().close();
  }
}

/** Which graph a set of rows is about: the 5,000-node benchmark names its rows as it always has. */
interface Subject {
  /** Ends the first-frame ratio's name. */
  size: string;
  /** Ends every other row's name ('' for the benchmark graph). */
  suffix: string;
  /** Whether the first-frame ratio is held to its target or only reported. */
  ratioTarget: boolean;
}

function results(bare: Measured, app: Measured, webgl: string, subject: Subject): BenchRow[] {
  const rows: BenchRow[] = [];
  const median = (measured: Measured, key: keyof FirstFrame): number => percentile(measured.firstFrames.map((run) => run[key]), 0.5);
  const info = (name: string, value: number, unit: string, note?: string): BenchRow => ({ name, value: round(value), unit, target: 'report', ok: true, ...(note ? { note } : {}) });
  const load = os.loadavg()[0].toFixed(1);
  const runs = `median of ${RUNS} runs, fresh page each, timed from the graph's handover as a message; ${webgl}; load average ${load} on ${os.cpus().length} CPUs`;
  const appFailure = app.failure;
  const ratioName = `webview first frame on screen, app / bare sigma, ${subject.size}`;
  const ratioTarget = subject.ratioTarget ? `<= ${RATIO_TARGET}` : 'report';
  const { suffix } = subject;
  if (bare.failure || bare.firstFrames.length === 0) {
    rows.push({ name: ratioName, value: NaN, unit: 'ratio', target: ratioTarget, ok: false, note: `bare sigma: ${bare.failure ?? 'no runs'}` });
  } else if (appFailure || app.firstFrames.length === 0) {
    rows.push({ name: ratioName, value: NaN, unit: 'ratio', target: ratioTarget, ok: false, note: `${appFailure ?? 'no runs'}` });
  } else {
    // Each run times both pages back to back, so a per-run ratio shares the machine's load of the
    // moment; their median holds up better than a ratio of medians when the load drifts.
    const paired = (key: keyof FirstFrame): number => percentile(app.firstFrames.map((run, i) => run[key] / bare.firstFrames[i][key]), 0.5);
    const ratio = paired('shown');
    const note = `median of ${app.firstFrames.length} per-run ratios (the two pages back to back, order alternating)`;
    rows.push({ name: ratioName, value: round(ratio, 2), unit: 'ratio', target: ratioTarget, ok: !subject.ratioTarget || ratio <= RATIO_TARGET, note });
    rows.push({ name: `webview first frame drawn (JS done), app / bare sigma${suffix}`, value: round(paired('drawn'), 2), unit: 'ratio', target: 'report', ok: true, note });
  }
  for (const [label, measured] of [['bare sigma', bare], ['app', app]] as const) {
    if (measured.firstFrames.length === 0) continue;
    rows.push(info(`webview first frame on screen, ${label}${suffix}`, median(measured, 'shown'), 'ms', runs));
    rows.push(info(`webview first frame drawn (JS done), ${label}${suffix}`, median(measured, 'drawn'), 'ms'));
    rows.push(info(`webview page ready (navigation to script started), ${label}${suffix}`, median(measured, 'ready'), 'ms'));
  }
  const panRows = (label: string, measured: Measured, failure: string | undefined, target: boolean): void => {
    const name = `webview frame time while panning, ${label}${suffix}`;
    const targetText = target ? `<= ${FRAME_TARGET_MS}` : 'report';
    if (failure || measured.frames.length === 0) {
      if (target) rows.push({ name: `${name}, mean`, value: NaN, unit: 'ms', target: targetText, ok: false, note: failure ?? 'no frames' });
      return;
    }
    // The mean, not the median: under software WebGL a slow frame is often followed by a quick one
    // that only starts it, so the median of intervals hides how rarely the picture changes.
    const mean = measured.frames.reduce((sum, interval) => sum + interval, 0) / measured.frames.length;
    const seconds = (mean * measured.frames.length) / 1000;
    const note = `${measured.frames.length} frames in ${seconds.toFixed(1)} s of dragging the canvas, ${RUNS} drag${RUNS === 1 ? '' : 's'} of ${PAN_MS / 1000} s or more (mean = 1000 / frames per second)`;
    rows.push({ name: `${name}, mean`, value: round(mean), unit: 'ms', target: targetText, ok: !target || mean <= FRAME_TARGET_MS, note });
    rows.push(info(`${name}, median`, percentile(measured.frames, 0.5), 'ms'));
    rows.push(info(`${name}, p95`, percentile(measured.frames, 0.95), 'ms'));
  };
  panRows('app', app, appFailure, true);
  panRows('bare sigma', bare, bare.failure, false);
  return rows;
}

/** What the app shows when it cannot draw: it should say so rather than stay blank. */
async function appWithoutWebgl(browser: Browser, origin: string): Promise<string> {
  const page = await openPage(browser, `${origin}/app.html`);
  try {
    await page.evaluate(() => (globalThis as unknown as Probe).__bench.handOver());
    await page.waitForTimeout(1_000);
    // The app's status line when it has one (as the e2e tests read it), else the whole page.
    const status = page.locator('[data-testid="status"]');
    const text = (await status.count()) > 0 ? await status.first().innerText() : await page.locator('body').innerText();
    return text.replace(/\s+/g, ' ').trim().slice(0, 200);
  } finally {
    await page.context().close();
  }
}

function withoutWebgl(appText: string): BenchRow {
  const says = appText ? `the app shows: "${appText}"` : 'the app shows nothing';
  return {
    name: `webview first frame on screen, app / bare sigma, ${SIZE}`,
    value: NaN,
    unit: 'ratio',
    target: `<= ${RATIO_TARGET}`,
    ok: false,
    note: `WebGL is not available in this Chromium, so sigma cannot draw (Chromium needs --enable-unsafe-swiftshader for software WebGL); ${says}`,
  };
}

/** Both pages on one graph: an untimed run of each, then RUNS timed ones, alternating which goes first. */
async function benchGraph(browser: Browser, fixture: Fixture, subject: Subject): Promise<BenchRow[]> {
  // The pages name the server's origin (CSP, script URLs), so they are filled in once it listens.
  const files = new Map<string, StaticFile>();
  const server = await servePages(files);
  try {
    for (const [route, file] of await pageFiles(server.origin, fixture)) files.set(route, file);
    const probe = await openPage(browser, `${server.origin}/bare.html`);
    const gl = await probe.evaluate(() => (globalThis as unknown as Probe).__bench.webgl());
    await probe.context().close();
    if (!gl) return [withoutWebgl(await appWithoutWebgl(browser, server.origin))];
    const bare: Measured = { firstFrames: [], frames: [] };
    const app: Measured = { firstFrames: [], frames: [] };
    const run = (kind: Kind, mode: 'warm-up' | 'timed'): Promise<void> => measure(browser, server.origin, kind, mode, kind === 'bare' ? bare : app);
    // One untimed run of each first, then alternate which page goes first so neither always gets a warmer browser.
    await run('bare', 'warm-up');
    await run('app', 'warm-up');
    for (let i = 0; i < RUNS; i++) {
      const order: Kind[] = i % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
      for (const kind of order) await run(kind, 'timed');
    }
    return results(bare, app, gl.renderer, subject);
  } finally {
    await server.close();
  }
}

export async function benchWebview(): Promise<BenchRow[]> {
  let browser: Browser | undefined;
  try {
    // PROTOCOL_ATLAS_BENCH_NO_WEBGL=1 checks the no-WebGL path on a machine that has WebGL.
    const noWebgl = process.env.PROTOCOL_ATLAS_BENCH_NO_WEBGL === '1';
    browser = await launchChromium(noWebgl ? { args: [...CHROMIUM_ARGS, '--disable-3d-apis'] } : {});
    const rows = await benchGraph(browser, buildFixture(), { size: SIZE, suffix: '', ratioTarget: true });
    if (noWebgl) return rows;
    // The example vault's shape (hubs, a 40-note cycle, a band of 200) at the size where every
    // edge has its arrow and every name is placed on every frame: panning redraws it all.
    const example = buildExampleFixture();
    const exampleSize = `${example.bare.nodes.length.toLocaleString('en')} nodes / ${example.bare.edges.length.toLocaleString('en')} edges`;
    const subject = { size: `examples/web3-ai-500 (${exampleSize})`, suffix: ', examples/web3-ai-500', ratioTarget: false };
    return [...rows, ...(await benchGraph(browser, example, subject))];
  } finally {
    await browser?.close();
  }
}

if (require.main === module) {
  benchWebview().then(
    (rows) => console.log(JSON.stringify(rows, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
