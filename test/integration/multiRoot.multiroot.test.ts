// A multi-root workspace (scripts/test-integration.js builds it): root folders `apps` and
// `research`. The index keys notes by "<root folder>/<path>", and the root's own name is not a
// folder of notes: `apps/eliza.md` sits in a workspace folder called apps, not in a layer folder.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { atlasInternals, closeAllEditors, revertAll, treeRows, waitFor } from './atlasTestApi';

function rootUri(root: string, relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((each) => each.name === root);
  if (!folder) throw new Error(`no workspace folder named ${root}`);
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** The tree's layer group a protocol row sits under. */
async function layerGroupOf(label: string): Promise<string | undefined> {
  const rows = await treeRows(await atlasInternals());
  let group: string | undefined;
  for (const row of rows) {
    if (row.depth === 0) group = row.label;
    if (row.label === label && row.element.kind === 'protocol') return group;
  }
  return undefined;
}

describe('Multi-root workspace', () => {
  afterEach(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('opens both root folders and keys every note by its root folder', async () => {
    assert.deepStrictEqual(vscode.workspace.workspaceFolders?.map((folder) => folder.name), ['apps', 'research']);
    const api = await atlasInternals();
    assert.deepStrictEqual(api.service.atlas.index.paths().sort(), ['apps/eliza.md', 'apps/infra/akash.md', 'research/agent.md', 'research/model/bittensor.md']);
  });

  it('takes layers from folders inside a root, never from the root folder\'s own name', async () => {
    const api = await atlasInternals();
    const index = api.service.atlas.index;
    assert.deepStrictEqual(index.note('apps/eliza.md')?.layer, { value: 'unclassified', source: 'default' }, 'the root folder "apps" is not a layer folder');
    assert.deepStrictEqual(index.note('apps/infra/akash.md')?.layer, { value: 'infrastructure', source: 'folder' });
    assert.deepStrictEqual(index.note('research/model/bittensor.md')?.layer, { value: 'model', source: 'folder' });
    assert.strictEqual(await layerGroupOf('Eliza'), 'Unclassified');
    assert.strictEqual(await layerGroupOf('Akash'), 'Infrastructure');
    assert.strictEqual(await layerGroupOf('Bittensor'), 'Model');
  });

  it('resolves dependencies across root folders, and the hover reads the target as the index does', async () => {
    const api = await atlasInternals();
    assert.deepStrictEqual(api.service.atlas.index.dependencies('research/agent.md').sort(), ['apps/eliza.md', 'apps/infra/akash.md']);
    const agent = rootUri('research', 'agent.md');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(agent).map((diagnostic) => diagnostic.message), []);

    const document = await vscode.workspace.openTextDocument(agent);
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('depends_on:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', agent, new vscode.Position(line, document.lineAt(line).text.indexOf('Eliza') + 1));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.ok(text.includes('Eliza'), `the hover names Eliza: ${text}`);
    assert.ok(/unclassified/i.test(text) && !/application/i.test(text), `the hover reads Eliza as unclassified: ${text}`);
  });

  it('places notes created and moved live by the same rule', async () => {
    const api = await atlasInternals();
    const index = api.service.atlas.index;
    const atRoot = rootUri('apps', 'render.md');
    const inFolder = rootUri('research', 'apps/virtuals.md');
    try {
      await vscode.workspace.fs.writeFile(atRoot, new TextEncoder().encode('# Render\n'));
      await vscode.workspace.fs.writeFile(inFolder, new TextEncoder().encode('# Virtuals\n'));
      await waitFor('both new notes in the index', () => index.note('apps/render.md') && index.note('research/apps/virtuals.md'), 10000);
      assert.strictEqual(index.note('apps/render.md')?.layer.value, 'unclassified');
      assert.strictEqual(index.note('research/apps/virtuals.md')?.layer.value, 'application', 'a folder called apps inside a root is a layer folder');

      const moved = rootUri('apps', 'infra/render.md');
      await vscode.workspace.fs.rename(atRoot, moved);
      await waitFor('the moved note', () => index.note('apps/infra/render.md')?.layer.value === 'infrastructure', 10000);
      await vscode.workspace.fs.rename(moved, atRoot);
      await waitFor('the note moved back', () => index.note('apps/render.md')?.layer.value === 'unclassified', 10000);
    } finally {
      await vscode.workspace.fs.delete(atRoot).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(rootUri('research', 'apps'), { recursive: true }).then(undefined, () => undefined);
      await waitFor('the test notes gone', () => !index.note('apps/render.md') && !index.note('research/apps/virtuals.md'), 10000);
    }
  });
});
