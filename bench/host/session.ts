// One code-server with one workbench page, as a researcher opens a vault: the benchmark's probe is
// copied into the extensions folder (so it runs in the same extension host), Protocol Atlas comes
// from source (extensionDevelopmentPath) or is installed from a .vsix, or is left out for the
// baseline. Closing stops Chromium and code-server's whole process group, whatever happened.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { installExtension, launchChromium, startCodeServer, workbenchUrl, type CodeServer } from '../../scripts/code-server';
import { commandLine, extensionHostPids } from './procStats';

const PROBE_SOURCE = path.join(__dirname, 'probe');
const PROBE_FOLDER = 'protocol-atlas-bench.host-probe-0.0.1';
const PAGE_SCRIPT = path.join(__dirname, 'page', 'workbench.js');
const GRAPH_SCRIPT = path.join(__dirname, 'page', 'graph.js');
export const VIEWPORT = { width: 1600, height: 900 };

/** How Protocol Atlas gets into the workbench. */
export type ExtensionSource = { kind: 'development'; path: string } | { kind: 'vsix'; file: string } | { kind: 'none' };

export interface SessionOptions {
  vault: string;
  /** Reused between the cold session and the one "from the cache". */
  profileDir: string;
  extension: ExtensionSource;
  /** The protocol count the status bar must show (unset for the baseline). */
  expectedCount?: number;
  /**
   * The same for the cold session and the one from the cache: the workspace's storage (where the
   * index cache lives) is keyed by the folder's URI, which holds code-server's host and port.
   */
  port: number;
  log?: boolean;
  /** --profile: CPU profiles of the start and of the first edit go into this folder. */
  cpuProfiles?: string;
}

export interface Block {
  /** When the block ended (epoch ms) and how long the host's thread was held. */
  end: number;
  ms: number;
}

export interface Marks {
  workbench?: number;
  explorer?: number;
  statusItem?: number;
  count?: number;
  lastCountText?: string;
}

export class HostSession {
  private commands = 0;

  private constructor(
    readonly options: SessionOptions,
    readonly server: CodeServer,
    readonly browser: Browser,
    readonly page: Page,
    readonly probeDir: string,
    private readonly url: string,
  ) {}

  static async open(options: SessionOptions): Promise<HostSession> {
    const userDataDir = path.join(options.profileDir, 'user-data');
    const extensionsDir = path.join(options.profileDir, 'extensions');
    const probeDir = fs.mkdtempSync(path.join(options.profileDir, 'probe-'));
    fs.mkdirSync(extensionsDir, { recursive: true });
    if (options.extension.kind === 'vsix' && !fs.existsSync(path.join(userDataDir, '.protocol-atlas-installed'))) {
      installExtension({ userDataDir, extensionsDir, vsix: options.extension.file });
      fs.writeFileSync(path.join(userDataDir, '.protocol-atlas-installed'), '');
    }
    installProbe(extensionsDir);
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startCodeServer({ userDataDir, extensionsDir, port: options.port, env: { PROTOCOL_ATLAS_HOST_PROBE_DIR: probeDir, ...(options.cpuProfiles && { PROTOCOL_ATLAS_HOST_PROBE_PROFILE_DIR: options.cpuProfiles, PROTOCOL_ATLAS_HOST_PROBE_PROFILE_START_MS: '30000' }) }, log: options.log });
      browser = await launchChromium();
      const page = await browser.newPage({ viewport: VIEWPORT });
      page.setDefaultTimeout(60000);
      await page.addInitScript({ content: `window.__benchExpectedCount = ${JSON.stringify(options.expectedCount ?? -1)};\n${fs.readFileSync(PAGE_SCRIPT, 'utf8')}` });
      const developmentPaths = options.extension.kind === 'development' ? [options.extension.path] : [];
      const url = workbenchUrl({ port: server.port, folder: options.vault, extensionDevelopmentPaths: developmentPaths });
      return new HostSession(options, server, browser, page, probeDir, url);
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      throw error;
    }
  }

  /** Opens the workbench; returns when the navigation was started (epoch ms). */
  async navigate(): Promise<number> {
    const at = Date.now();
    await this.page.goto(this.url);
    return at;
  }

  marks(): Promise<Marks> {
    return this.page.evaluate('window.__benchMarks || {}') as Promise<Marks>;
  }

  async waitForMarks(keys: Array<keyof Marks>, timeoutMs: number): Promise<Marks> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const marks = await this.marks();
      if (keys.every((key) => marks[key] !== undefined)) return marks;
      if (Date.now() > deadline) {
        throw new Error(`Not shown within ${Math.round(timeoutMs / 1000)} s: ${keys.filter((key) => marks[key] === undefined).join(', ')} (status bar said "${marks.lastCountText ?? 'nothing'}")`);
      }
      await sleep(100);
    }
  }

  /** The extension host's pid, as the probe inside it reported, checked against /proc. */
  async hostPid(timeoutMs = 60000): Promise<number> {
    const file = path.join(this.probeDir, 'probe.json');
    const deadline = Date.now() + timeoutMs;
    while (!fs.existsSync(file)) {
      if (Date.now() > deadline) throw new Error('The probe did not start in the extension host.');
      await sleep(100);
    }
    const { pid } = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
    if (!commandLine(pid).includes('--type=extensionHost') || !extensionHostPids(this.server.child.pid as number).includes(pid)) {
      throw new Error(`The probe runs in pid ${pid}, which is not this code-server's extension host (${commandLine(pid).join(' ')}).`);
    }
    return pid;
  }

  probeInfo(): { pid: number; startedAt: number; protocolAtlas: { path: string; activeAtProbeStart: boolean } | null } {
    return JSON.parse(fs.readFileSync(path.join(this.probeDir, 'probe.json'), 'utf8'));
  }

  /** Every block of the host's thread the probe saw that overlaps [from, to]. */
  blocks(from: number, to: number): Block[] {
    const file = path.join(this.probeDir, 'blocks.jsonl');
    if (!fs.existsSync(file)) return [];
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Block)
      .filter((block) => block.end >= from && block.end - block.ms <= to);
  }

  /** Sends the probe a command and waits for its answer. */
  /** --profile: the probe's profile of the start is written 30 s after activation. */
  async waitForStartProfile(timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!fs.existsSync(path.join(this.probeDir, 'start-profile.json'))) {
      if (Date.now() > deadline) throw new Error(`The probe wrote no start profile within ${timeoutMs / 1000} s.`);
      await sleep(200);
    }
  }

  async probe<T>(command: { type: 'stopSampling' | 'startSampling' | 'profile'; ms?: number; name?: string }, timeoutMs = 30000): Promise<T> {
    const n = ++this.commands;
    const file = path.join(this.probeDir, `cmd-${n}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(command));
    fs.renameSync(`${file}.tmp`, file);
    const done = path.join(this.probeDir, `done-${n}.json`);
    const deadline = Date.now() + timeoutMs;
    while (!fs.existsSync(done)) {
      if (Date.now() > deadline) throw new Error(`The probe did not answer ${command.type} within ${timeoutMs / 1000} s.`);
      await sleep(100);
    }
    const answer = JSON.parse(fs.readFileSync(done, 'utf8')) as { ok: boolean; error?: string } & T;
    if (!answer.ok) throw new Error(`The probe failed ${command.type}: ${answer.error}`);
    return answer;
  }

  /** Installs the graph watcher into the webview's content frame (two iframes deep). */
  async prepareGraphFrame(): Promise<void> {
    await this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('body').evaluate((_body, source) => (0, eval)(source), fs.readFileSync(GRAPH_SCRIPT, 'utf8'));
  }

  /** The index cache Protocol Atlas keeps in its workspace storage, if written. */
  indexCacheFile(): string | undefined {
    const storage = path.join(this.options.profileDir, 'user-data', 'User', 'workspaceStorage');
    if (!fs.existsSync(storage)) return undefined;
    for (const workspace of fs.readdirSync(storage)) {
      const file = path.join(storage, workspace, 'protocol-atlas.protocol-atlas', 'index-cache.json');
      if (fs.existsSync(file)) return file;
    }
    return undefined;
  }

  /** What Protocol Atlas wrote to its log (the output channel) in this user-data folder. */
  protocolAtlasLog(): string {
    const logs = path.join(this.options.profileDir, 'user-data', 'logs');
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/Protocol Atlas\.log$/.test(entry.name)) found.push(full);
      }
    };
    if (fs.existsSync(logs)) walk(logs);
    return found.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file }).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
  }
}

/**
 * The probe goes in as an installed extension: the workbench's payload is read into a Map, so it
 * honours one extensionDevelopmentPath only. Once the folder has an extensions.json (after a .vsix
 * install), VS Code loads only what it lists, so the probe is listed there too.
 */
function installProbe(extensionsDir: string): void {
  const target = path.join(extensionsDir, PROBE_FOLDER);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(PROBE_SOURCE, target, { recursive: true });
  const manifestFile = path.join(extensionsDir, 'extensions.json');
  if (!fs.existsSync(manifestFile)) return;
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(PROBE_SOURCE, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const id = `${publisher}.${name}`;
  const manifest = (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Array<{ identifier: { id: string } }>).filter((entry) => entry.identifier.id !== id);
  const location = { $mid: 1, fsPath: target, external: `file://${target}`, path: target, scheme: 'file' };
  manifest.push({ identifier: { id }, version, location, relativeLocation: PROBE_FOLDER, metadata: { installedTimestamp: Date.now(), source: 'resource' } } as (typeof manifest)[number]);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A promise that rejects after `ms`: page calls have no timeout of their own. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
