// The e2e fixture: a real VS Code (code-server) in headless Chromium, on a temporary copy of the
// example workspace, with Protocol Atlas installed from the packaged .vsix (PROTOCOL_ATLAS_VSIX,
// set by scripts/test-e2e.js) or, when that is unset, loaded from source as a development extension.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { installExtension, launchChromium, makeTempDir, startCodeServer, workbenchUrl, type CodeServer } from '../../scripts/code-server';
import { ROOT, copyExampleWorkspace } from '../../scripts/project';

export const ARTIFACTS_DIR = path.join(__dirname, 'artifacts');

export interface WorkbenchOptions {
  /** Changes the workspace copy before VS Code opens it (e.g. adds broken notes). */
  prepareWorkspace?: (dir: string) => void;
  /** Another folder of examples/ to open a copy of, instead of the default example workspace. */
  example?: string;
  /** VS Code's display language (`--locale`), with the test language pack that makes it switch offline. */
  locale?: 'zh-cn';
}

export class Workbench {
  private constructor(
    readonly page: Page,
    /** The temporary workspace folder VS Code has open. */
    readonly workspace: string,
    /** How the extension got in: 'vsix' (packaged and installed) or 'development' (from source). */
    readonly mode: 'vsix' | 'development',
    private readonly browser: Browser,
    private readonly server: CodeServer,
    private readonly cleanups: Array<() => void>,
  ) {}

  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const cleanups: Array<() => void> = [];
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      const workspace = copyExampleWorkspace('protocol-atlas-e2e-', options.example && path.join(ROOT, 'examples', options.example));
      cleanups.push(workspace.cleanup);
      options.prepareWorkspace?.(workspace.dir);
      const profile = makeTempDir('protocol-atlas-e2e-profile-');
      cleanups.push(profile.cleanup);
      const userDataDir = path.join(profile.dir, 'user-data');
      const extensionsDir = path.join(profile.dir, 'extensions');

      const vsix = process.env.PROTOCOL_ATLAS_VSIX;
      if (vsix) installExtension({ userDataDir, extensionsDir, vsix });
      if (options.locale) installLanguagePack({ userDataDir, extensionsDir, locale: options.locale, scratch: profile.dir });
      server = await startCodeServer({ userDataDir, extensionsDir, extraArgs: options.locale ? ['--locale', options.locale] : [] });
      const url = workbenchUrl({ port: server.port, folder: workspace.dir, extensionDevelopmentPaths: vsix ? [] : [ROOT] });

      browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(30000);
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      await page.locator('.statusbar').waitFor();
      // The explorer showing the folder means the remote connection and the workspace are up.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
      return new Workbench(page, workspace.dir, vsix ? 'vsix' : 'development', browser, server, cleanups);
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      for (const cleanup of cleanups.reverse()) cleanup();
      throw error;
    }
  }

  /** Runs a command from the Command Palette (F1) by its title, e.g. "Protocol Atlas: Show Layer Graph". */
  runCommand(title: string): Promise<void> {
    return runCommand(this.page, title);
  }

  /** The content frame of the visible webview (a webview is two iframes deep). */
  webviewFrame(): FrameLocator {
    return webviewFrame(this.page);
  }

  /** The editor tab with this exact title. */
  tab(title: string) {
    return this.page.locator('.tabs-container .tab', { has: this.page.locator('.label-name', { hasText: title }) });
  }

  /** Shows an output channel in the Output view and returns its text. */
  async outputChannelText(channel: string): Promise<string> {
    await this.runCommand('Output: Show Output Channels...');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(channel);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: channel }).first();
    await row.waitFor();
    await row.click();
    const lines = this.page.locator('.output-view .view-lines');
    await lines.waitFor();
    // Monaco renders spaces as non-breaking ones.
    return ((await lines.innerText()) ?? '').replace(/\u00a0/g, ' ');
  }

  /** Saves a screenshot of the whole window to test/e2e/artifacts/<name>.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    for (const cleanup of this.cleanups.reverse()) cleanup();
  }
}

/**
 * Makes `--locale` take effect without the Marketplace: VS Code switches its display language only
 * when a language pack for it is installed, and the real ones cannot be downloaded here. The
 * fixture test/fixtures/zh-cn-language-pack is the smallest one (it translates nothing of VS
 * Code's own), packaged and installed like any extension; the server then finds it through
 * languagepacks.json in the user data folder, which VS Code writes when a pack is installed from
 * the UI but not by `--install-extension`, so it is written here in the same shape.
 */
function installLanguagePack({ userDataDir, extensionsDir, locale, scratch }: { userDataDir: string; extensionsDir: string; locale: string; scratch: string }): void {
  const fixture = path.join(ROOT, 'test', 'fixtures', `${locale}-language-pack`);
  const vsix = path.join(scratch, `${locale}-language-pack.vsix`);
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: fixture, stdio: 'ignore' });
  installExtension({ userDataDir, extensionsDir, vsix });
  const manifest = JSON.parse(fs.readFileSync(path.join(fixture, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  const folder = fs.readdirSync(extensionsDir).find((name) => name.toLowerCase().startsWith(`${id}-`.toLowerCase()));
  if (!folder) throw new Error(`the test language pack ${id} was not installed into ${extensionsDir}`);
  const languagePacks = {
    [locale]: {
      hash: `${manifest.name}-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      label: locale,
      translations: { vscode: path.join(extensionsDir, folder, 'translations', 'main.i18n.json') },
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks));
}

/**
 * Chooses an item of the open context menu as a person may: pointing at it, then Enter. A mouse
 * click on the item was lost now and then on a loaded machine (the menu stayed open, the item
 * highlighted); the keyboard runs the focused item every time.
 */
export async function chooseMenuItem(page: Page, label: string): Promise<void> {
  const menu = page.locator('.context-view .monaco-menu');
  const item = menu.locator('.action-item', { has: page.locator('.action-label', { hasText: label }) }).first();
  await item.hover();
  // Enter runs the focused item: make sure pointing at it focused this one.
  await menu.locator('.action-item.focused', { hasText: label }).waitFor({ timeout: 5000 });
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: 5000 });
}

/**
 * Runs a command from the Command Palette (F1) by its title. Retries for a while: early in startup
 * F1 can arrive before the keybindings exist, and a development extension's commands appear only
 * once the remote extension host has scanned it.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 45000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (;;) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${title}`);
      await row.waitFor({ timeout: 5000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Command "${title}" not found in the Command Palette: ${error}`);
      await page.keyboard.press('Escape');
    }
  }
  await row.click();
  // Done when the palette closed or the command opened its own picker in it.
  await page.waitForFunction(`(() => {
    const widget = document.querySelector('.quick-input-widget');
    const field = widget && widget.querySelector('input');
    return !widget || widget.style.display === 'none' || !field || !field.value.startsWith('>');
  })()`);
}

/** The content frame of the visible webview (a webview is two iframes deep). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** How the extension gets into the e2e workbench, for test titles. */
export const EXTENSION_SOURCE = process.env.PROTOCOL_ATLAS_VSIX ? 'installed from the packaged .vsix' : 'loaded from source';

/**
 * Registers an afterEach hook that saves a screenshot named after a failed test, to see what the
 * UI showed when it failed (test/e2e/artifacts/failed-<test>.png).
 */
export function screenshotOnFailure(workbench: () => Workbench | undefined): void {
  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const name = `failed-${test.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}`;
    const file = await workbench()?.screenshot(name).catch(() => undefined);
    if (file) console.log(`      screenshot: ${path.relative(process.cwd(), file)}`);
  });
}

/** Every markdown file under `dir`, workspace-relative with forward slashes. */
export function markdownFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return markdownFiles(path.join(dir, entry.name), relative);
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

/** Opens a file by name through Quick Open, retrying while the file search is still starting. */
export async function quickOpen(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first();
  const deadline = Date.now() + 45000;
  for (;;) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(file);
      await row.waitFor({ timeout: 5000 });
      break;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw error;
    }
  }
  await page.keyboard.press('Enter');
}
