// The note in front of you tells you where it stands: its verdict in the status bar, following
// the active editor and the edits, read through the extension's own objects.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { atlasInternals, openNote, revertAll, typeOver, waitFor } from './noteEditing';

const tooltipOf = (item: vscode.StatusBarItem): string => (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '')).replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('The active note', function () {
  this.timeout(20000);

  afterEach(revertAll);

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
  });
});
