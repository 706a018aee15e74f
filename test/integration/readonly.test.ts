// Nothing Protocol Atlas does on its own writes a researcher's file: opening the workspace,
// indexing it, reading notes in editors, hovering, completing, navigating, graphing, searching,
// switching and comparing frameworks leave every file's bytes and modification time as they were;
// an export writes the one new file asked for and nothing else.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { atlasInternals, openNote, positionOf, revertAll, waitFor } from './noteEditing';

/** Every file under the workspace folder: its content hash and modification time. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const hash = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
        files.set(path.relative(root, full), `${hash} ${fs.statSync(full).mtimeMs}`);
      }
    }
  };
  walk(root);
  return files;
}

describe('Nothing writes a researcher\'s files', function () {
  this.timeout(120000);

  after(revertAll);

  it('changes only the file asked for after indexing, opening, hovering, completing, navigating, graphing, searching, switching and comparing frameworks, and exporting', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'a workspace folder on disk');
    const before = snapshot(root);
    assert.ok([...before.keys()].filter((file) => file.endsWith('.md')).length >= 20, 'the example notes are there');

    const { service } = await atlasInternals();
    await service.rebuild();
    for (const note of ['model/bittensor.md', 'middleware/eliza.md', 'application/ledger-scout.md', 'middleware/swarms.md']) {
      const document = await openNote(note);
      const entry = positionOf(document, 'depends_on:', 14);
      await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, entry);
      await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, entry);
      await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, entry);
      await vscode.commands.executeCommand('vscode.executeReferenceProvider', document.uri, positionOf(document, 'protocol: ', 11));
      await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 8, 0));
    }
    await vscode.commands.executeCommand('protocolAtlas.showGraph');
    await waitFor('the graph tab', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview),
    );
    const exported = path.join(root, 'layer-graph.svg');
    await waitFor(
      'the export',
      async () => {
        if (!fs.existsSync(exported)) await vscode.commands.executeCommand('protocolAtlas.exportGraph', vscode.Uri.file(exported));
        return fs.existsSync(exported);
      },
      30000,
    );
    const api = await atlasInternals();
    void vscode.commands.executeCommand('protocolAtlas.search', { query: 'btensr' });
    await waitFor('search items', () => api.search.current()?.[0]?.label === 'Bittensor');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('Bittensor to open from the search', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/model/bittensor.md'));
    await api.frameworks.ready;
    const chosen = api.frameworks.current.id;
    assert.strictEqual(await vscode.commands.executeCommand('protocolAtlas.switchFramework', 'compute-rebound'), true);
    const report = await vscode.commands.executeCommand<vscode.Uri>('protocolAtlas.compareFrameworks', ['deepseek-2025', 'compute-rebound']);
    assert.ok(report && (await vscode.workspace.openTextDocument(report)).getText().length > 0, 'the compare report opened');
    assert.strictEqual(await vscode.commands.executeCommand('protocolAtlas.switchFramework', chosen), true);
    // Give the graph, the index and its cache time to do whatever they would do on their own.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await service.settled();
    await service.flushCache();

    assert.ok(!vscode.workspace.textDocuments.some((document) => document.isDirty), 'no editor holds an unsaved change');
    const after = snapshot(root);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
    try {
      assert.deepStrictEqual(changed, ['layer-graph.svg'], 'files whose bytes or modification time changed, appeared or disappeared');
    } finally {
      fs.rmSync(exported, { force: true });
    }
  });
});
