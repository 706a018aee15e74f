// The note in front of you tells you where it stands: its verdict in the status bar, the
// Connections view (what it depends on, what depends on it, its body links both ways, its
// exposure) and the CodeLens on its protocol: line, following the active editor and the edits,
// read through the extension's own objects and the commands the editor runs.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AtlasInternals } from '../../src/extension/testInternals';
import { atlasInternals, openNote, revertAll, typeOver, waitFor } from './noteEditing';

interface ConnectionRow {
  group: string;
  label: string;
  description: string;
  item: vscode.TreeItem;
}

/** Every row of the Connections view as VS Code would fetch it. */
function connectionRows(api: AtlasInternals): ConnectionRow[] {
  const view = api.connections;
  return view.getChildren().flatMap((group) => {
    const groupItem = view.getTreeItem(group);
    const title = String(groupItem.label);
    return view.getChildren(group).map((element) => {
      const item = view.getTreeItem(element);
      return { group: title, label: String(item.label), description: String(item.description ?? ''), item };
    });
  });
}

const labelsIn = (rows: ConnectionRow[], group: string): string[] => rows.filter((row) => row.group === group).map((row) => row.label);
const tooltipOf = (item: vscode.StatusBarItem): string => (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '')).replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('The active note', function () {
  this.timeout(20000);

  afterEach(revertAll);

  // The suites after this one read the same notes: leave none edited, in the editor or the index.
  after(async () => {
    const api = await atlasInternals();
    await waitFor('every note back as saved', () => vscode.workspace.textDocuments.every((document) => !document.isDirty));
    await api.service.settled();
    assert.deepStrictEqual(api.service.atlas.index.dependencies('model/bittensor.md'), ['infrastructure/io-net.md', 'middleware/masa.md', 'middleware/phala.md']);
    assert.strictEqual(api.service.atlas.index.note('infrastructure/io-net.md')?.layer.value, 'infrastructure');
  });

  it('shows its verdict in the status bar, with the reason in the tooltip, and follows the editor', async () => {
    const api = await atlasInternals();
    const verdict = api.statusBar.activeVerdict;
    await openNote('model/bittensor.md');
    await waitFor('the verdict of Bittensor', () => verdict.text === '$(arrow-circle-up) positive');
    assert.match(tooltipOf(verdict), /Bittensor/);
    assert.match(tooltipOf(verdict), /under DeepSeek|under .*:/i);
    assert.match(tooltipOf(verdict), /io\.net/, 'the exposure is in the tooltip');
    assert.deepStrictEqual(verdict.command && typeof verdict.command !== 'string' && verdict.command.arguments, ['model/bittensor.md']);

    await openNote('infrastructure/io-net.md');
    await waitFor('the verdict of io.net', () => verdict.text === '$(arrow-circle-down) negative');
    await openNote('middleware/phala.md');
    await waitFor('an override marked', () => verdict.text.endsWith(' ✎'));

    // An edit that changes the verdict: the layer of io.net becomes the model layer.
    const ionet = await openNote('infrastructure/io-net.md');
    await typeOver(ionet, 'layer: infrastructure', 'layer: model');
    await waitFor('the new verdict after the edit', () => verdict.text === '$(arrow-circle-up) positive', 5000);
    await revertAll();
    await openNote('infrastructure/io-net.md');
    await waitFor('the verdict back once the edit is reverted', () => verdict.text === '$(arrow-circle-down) negative', 5000);
  });

  it('lists the Connections of the note in the editor, each opening its note, and follows edits', async () => {
    const api = await atlasInternals();
    const document = await openNote('model/bittensor.md');
    const rows = await waitFor('the Connections of Bittensor', () => {
      const found = connectionRows(api);
      return labelsIn(found, 'Depends on').length > 0 && found;
    });
    assert.deepStrictEqual(api.connections.getChildren().map((group) => String(api.connections.getTreeItem(group).label)), ['Depends on', 'Dependents', 'Mentions', 'Mentioned by', 'Exposure']);
    assert.deepStrictEqual(labelsIn(rows, 'Depends on'), ['io.net', 'Masa', 'Phala']);
    const index = api.service.atlas.index;
    const nameOf = (path: string) => index.note(path)?.name.value;
    assert.deepStrictEqual(labelsIn(rows, 'Dependents').sort(), index.dependents('model/bittensor.md').map(nameOf).sort());
    assert.ok(labelsIn(rows, 'Mentions').includes('Akash'), labelsIn(rows, 'Mentions').join(', '));
    assert.ok(labelsIn(rows, 'Mentioned by').includes('Yield Pilot'), labelsIn(rows, 'Mentioned by').join(', '));
    assert.deepStrictEqual(labelsIn(rows, 'Mentioned by').sort(), index.mentioners('model/bittensor.md').map(nameOf).sort());
    const exposure = rows.find((row) => row.group === 'Exposure');
    assert.deepStrictEqual([exposure?.label, exposure?.description], ['io.net', 'via io.net']);
    const eliza = rows.find((row) => row.group === 'Mentions' && row.label === 'Eliza');
    assert.ok(eliza?.item.command);

    // A body link typed into the note shows up under Mentions once the edit is indexed.
    await typeOver(document, '## Open questions', 'Stored on [[Arweave]].\n\n## Open questions');
    await waitFor('Arweave among the mentions', () => labelsIn(connectionRows(api), 'Mentions').includes('Arweave'), 5000);
    await revertAll();
    await openNote('model/bittensor.md');

    // Each row opens its note; the view then follows to that note.
    await vscode.commands.executeCommand(eliza.item.command.command, ...(eliza.item.command.arguments ?? []));
    await waitFor('Eliza opened', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/middleware/eliza.md'));
    await waitFor('the Connections of Eliza', () => labelsIn(connectionRows(api), 'Mentioned by').includes('Bittensor') || undefined);

    // A text editor that is not a note empties the view (its welcome text says to open one).
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'not a note', language: 'plaintext' }));
    await waitFor('an empty view', () => api.connections.getChildren().length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('has a CodeLens on the protocol: line, which the setting turns off', async () => {
    const api = await atlasInternals();
    const document = await openNote('model/bittensor.md');
    const ours = async (): Promise<vscode.CodeLens[]> => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return lenses.filter((lens) => lens.command?.command === 'protocolAtlas.connections.focus');
    };
    const dependents = api.service.atlas.index.dependents('model/bittensor.md').length;
    const [lens] = await waitFor('the CodeLens', async () => {
      const found = await ours();
      return found.length > 0 && found;
    });
    assert.strictEqual(lens.command?.title, `${dependents === 1 ? "1 dependent" : `${dependents} dependents`} · exposed via io.net · positive under deepseek-2025`);
    assert.strictEqual(lens.range.start.line, document.getText().split('\n').findIndex((line) => line.startsWith('protocol:')));

    // It follows an edit: a second compute dependency that is negatively affected.
    await typeOver(document, 'depends_on: ["[[io.net]]"', 'depends_on: ["[[Akash]]", "[[io.net]]"');
    await waitFor('the lens after the edit', async () => (await ours())[0]?.command?.title.includes('exposed to 2 negatively affected protocols, nearest: Akash'), 5000);
    await revertAll();

    const phala = await openNote('middleware/phala.md');
    const [override] = await waitFor('the override lens', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', phala.uri);
      const found = lenses.filter((each) => each.command?.command === 'protocolAtlas.connections.focus');
      return found.length > 0 && found;
    });
    assert.match(override.command?.title ?? '', /\(your override\)$/);

    const settings = vscode.workspace.getConfiguration('protocolAtlas');
    try {
      await settings.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
      await waitFor('no lens once turned off', async () => (await ours()).length === 0);
    } finally {
      await settings.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the lens back', async () => (await ours()).length === 1);
  });
});
