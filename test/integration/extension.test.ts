// Runs inside a real VS Code extension host with the example workspace (a temporary copy of
// examples/deepseek-2025) open: the extension is loaded from source, as a developer would run it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'protocol-atlas.protocol-atlas';
const SHOW_GRAPH = 'protocolAtlas.showGraph';
const PANEL_TITLE = 'Protocol Atlas: Layer Graph';

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function graphTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === PANEL_TITLE);
}

describe('Protocol Atlas extension', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the example workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'one workspace folder');
    const notes = await vscode.workspace.findFiles('**/*.md');
    const paths = notes.map((uri) => vscode.workspace.asRelativePath(uri, false));
    assert.ok(paths.includes('infrastructure/io-net.md'), `infrastructure/io-net.md among ${paths.join(', ')}`);
  });

  it('is installed and activates by itself on a workspace of markdown notes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is present`);
    // No explicit activate(): the workspaceContains:**/*.md activation event must do it.
    await waitFor('the extension to activate', () => extension.isActive);
  });

  it('registers the Show Layer Graph command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(SHOW_GRAPH), `${SHOW_GRAPH} is registered`);
  });

  it(`opens a webview tab titled "${PANEL_TITLE}"`, async () => {
    assert.strictEqual(graphTabs().length, 0, 'no graph tab before the command');
    await vscode.commands.executeCommand(SHOW_GRAPH);
    const [tab] = await waitFor('the graph tab', () => (graphTabs().length > 0 ? graphTabs() : undefined));
    const input = tab.input as vscode.TabInputWebview;
    assert.match(input.viewType, /protocolAtlas\.graph$/, 'the tab shows the extension\'s graph webview');
    assert.ok(tab.isActive, 'the graph tab is the active one');
  });

  it('reveals the same panel when run twice', async () => {
    await vscode.commands.executeCommand(SHOW_GRAPH);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(graphTabs().length, 1, 'still one graph tab');
  });

  describe('Export Graph…', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-export-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** The panel answers once its page has loaded and drawn; until then the command says so and writes nothing. */
    async function exportTo(file: string): Promise<Buffer> {
      await vscode.commands.executeCommand(SHOW_GRAPH);
      return waitFor(
        `the export to ${path.basename(file)}`,
        async () => {
          if (!fs.existsSync(file)) await vscode.commands.executeCommand('protocolAtlas.exportGraph', vscode.Uri.file(file));
          return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
        },
        30000,
      );
    }

    it('writes an SVG of every protocol, built from the model', async () => {
      const svg = (await exportTo(path.join(dir, 'graph.svg'))).toString('utf8');
      const notes = await vscode.workspace.findFiles('**/*.md');
      assert.match(svg, /^<\?xml[^>]*>\s*<svg /);
      assert.strictEqual(svg.match(/<g class="protocol">/g)?.length, notes.length, 'one protocol per note');
      for (const label of ['INFRASTRUCTURE', 'MIDDLEWARE', 'MODEL', 'APPLICATION', '>io.net<', '>Bittensor<']) assert.ok(svg.includes(label), `${label} in the SVG`);
    });

    it('writes a PNG of the drawn graph', async () => {
      const png = await exportTo(path.join(dir, 'graph.png'));
      assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
      // Width and height from the IHDR chunk: the size of the drawn view, not an empty image.
      assert.ok(png.readUInt32BE(16) > 100 && png.readUInt32BE(20) > 100, `a real picture: ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`);
      assert.ok(png.length > 5000, `with something drawn in it: ${png.length} bytes`);
    });
  });
});
