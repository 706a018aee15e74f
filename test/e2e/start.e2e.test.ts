// `npm start` as a developer uses it: the printed URL serves VS Code with the extension loaded,
// a taken port falls back to a free one, and Ctrl-C stops code-server with everything it started.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as net from 'net';
import * as path from 'path';
import { freePort, isPortFree, launchChromium, makeTempDir } from '../../scripts/code-server';
import { ROOT, copyExampleWorkspace } from '../../scripts/project';
import { waitForGraph } from './graphView';
import { runCommand, webviewFrame } from './workbench';

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no URL after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^\s*(http:\/\/127\.0\.0\.1:\d+\/\?\S+)\s*$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
}

describe('npm start (e2e)', () => {
  let workspace: { dir: string; cleanup(): void };
  let profile: { dir: string; cleanup(): void };
  let blocker: net.Server | undefined;
  let start: ChildProcess | undefined;

  before(() => {
    workspace = copyExampleWorkspace('protocol-atlas-start-');
    profile = makeTempDir('protocol-atlas-start-profile-');
  });

  after(async () => {
    // After a failure: ask start.js to stop (it kills code-server's process group), force if needed.
    if (start && start.exitCode === null && start.signalCode === null) {
      const child = start;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    }
    blocker?.close();
    workspace?.cleanup();
    profile?.cleanup();
  });

  it('serves VS Code with the extension at the printed URL and stops cleanly on Ctrl-C', async () => {
    // Occupy the requested port: start must pick another one.
    const takenPort = await freePort();
    blocker = net.createServer().listen(takenPort, '127.0.0.1');
    await new Promise((resolve) => blocker?.once('listening', resolve));

    start = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), workspace.dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PROTOCOL_ATLAS_PORT: String(takenPort), PROTOCOL_ATLAS_SKIP_BUILD: '1', PROTOCOL_ATLAS_PROFILE_DIR: profile.dir },
    });
    const url = await waitForUrl(start, 90000);
    const port = Number(new URL(url).port);
    assert.notStrictEqual(port, takenPort, 'a taken port is not reused');
    assert.match(url, /payload=.*extensionDevelopmentPath/, 'the URL loads the extension');

    const response = await fetch(url);
    assert.strictEqual(response.status, 200, 'the URL serves the workbench');

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
      await runCommand(page, 'Protocol Atlas: Show Layer Graph');
      const view = webviewFrame(page);
      // The graph app's test view lists the drawn protocols.
      await waitForGraph(view, (graph, id) => graph.nodes().some((node) => node.id === id), 'infrastructure/io-net.md');
    } finally {
      await browser.close();
    }

    const exited = new Promise<number | null>((resolve) => start?.once('exit', (code) => resolve(code)));
    start.kill('SIGINT');
    assert.strictEqual(await exited, 0, 'npm start exits 0 on Ctrl-C');
    assert.ok(await isPortFree(port), 'code-server is gone: its port is free again');
  });
});
