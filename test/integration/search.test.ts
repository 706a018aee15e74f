// Search Protocols…: the QuickPick's items come from the core's typo-tolerant search, in its order.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { atlasInternals, closeAllEditors, waitFor, workspaceUri, writeText } from './atlasTestApi';

const KEY = 'ctrl+alt+p';

describe('Search Protocols', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  it('lists Bittensor first for "btensr", with its layer, category and verdict', async () => {
    const api = await atlasInternals();
    void vscode.commands.executeCommand('protocolAtlas.search', { query: 'btensr' });
    const items = await waitFor('search items', () => {
      const current = api.search.current();
      return current && current.length > 0 && current;
    });
    assert.strictEqual(items[0].label, 'Bittensor', items.map((item) => item.label).join(', '));
    assert.strictEqual(items[0].path, 'model/bittensor.md');
    assert.strictEqual(items[0].description, 'model · Open model training networks · positive');
    assert.ok(items.every((item) => item.alwaysShow), 'the QuickPick does not filter the core’s results away');
  });

  it('finds by alias and says what matched, and Enter opens the note', async () => {
    const api = await atlasInternals();
    void vscode.commands.executeCommand('protocolAtlas.search', { query: 'TAO' });
    const items = await waitFor('search items', () => api.search.current()?.[0]?.label === 'Bittensor' && api.search.current());
    assert.strictEqual(items[0].detail, 'matched alias: TAO');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('Bittensor to open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/model/bittensor.md'));
  });

  it('shows a name like "$(warning) Urgent" as those characters, not as an icon', async () => {
    const api = await atlasInternals();
    await writeText('urgent.md', '---\nprotocol: "$(warning) Urgent"\naliases: ["$(zap)"]\n---\n');
    try {
      await waitFor('the note in the index', () => api.service.atlas.index.protocol('urgent.md'));
      void vscode.commands.executeCommand('protocolAtlas.search', { query: 'Urgent' });
      const items = await waitFor('search items', () => api.search.current()?.find((item) => item.path === 'urgent.md') && api.search.current());
      const urgent = items.find((item) => item.path === 'urgent.md')!;
      // VS Code's own escape: a backslash before `$(` renders the text as typed.
      assert.strictEqual(urgent.label, '\\$(warning) Urgent');
      void vscode.commands.executeCommand('protocolAtlas.search', { query: '$(zap)' });
      const byAlias = await waitFor('alias items', () => api.search.current()?.find((item) => item.path === 'urgent.md'));
      assert.ok(!byAlias.detail || byAlias.detail.includes('\\$(zap)'), byAlias.detail);
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('urgent.md'));
    }
  });

  it('updates the results as the query changes', async () => {
    const api = await atlasInternals();
    void vscode.commands.executeCommand('protocolAtlas.search', { query: 'defai' });
    const items = await waitFor('DeFAI results', () => (api.search.current()?.length ? api.search.current() : undefined));
    assert.ok(items.some((item) => item.label === 'Yield Pilot'), items.map((item) => item.label).join(', '));
    assert.ok(items.every((item) => item.description?.includes('DeFAI') || item.detail !== undefined));
  });

  it(`is bound to ${KEY}, which no default VS Code key binding uses`, async () => {
    const extension = vscode.extensions.getExtension('protocol-atlas.protocol-atlas');
    const bindings = extension?.packageJSON.contributes.keybindings as Array<{ command: string; key: string }>;
    assert.deepStrictEqual(bindings.find((binding) => binding.command === 'protocolAtlas.search')?.key, KEY);
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const text = await waitFor('the default key bindings', () => {
      const document = vscode.window.activeTextEditor?.document;
      return document && document.getText().includes('"key"') && document.getText();
    });
    // The file lists extensions' bindings too (ours among them): only the others count.
    const keys = [...text.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)]
      .filter((match) => !match[2].startsWith('protocolAtlas.'))
      .map((match) => match[1]);
    assert.ok(keys.length > 300, `read ${keys.length} default bindings`);
    const clashes = keys.filter((key) => key === KEY || key.startsWith(`${KEY} `));
    assert.deepStrictEqual(clashes, [], `default bindings on ${KEY}`);
  });
});
