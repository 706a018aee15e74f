// Runs inside a real VS Code extension host with the example workspace (a temporary copy of
// examples/deepseek-2025) open: the extension is loaded from source, as a developer would run it.
import * as assert from 'assert';
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
});
