// New Protocol Note…, Rebuild Index and Show Output; and that the palette hides what does not apply.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { atlasInternals, closeAllEditors, exists, readText, waitFor, workspaceUri } from './atlasTestApi';

describe('Commands', () => {
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('model/gensyn.md')).then(undefined, () => undefined);
  });

  it('New Protocol Note writes a note from the template into the layer’s folder, opens and indexes it', async () => {
    const api = await atlasInternals();
    assert.strictEqual(await exists('model/gensyn.md'), false);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('protocolAtlas.newNote', { name: 'Gensyn', layer: 'model', category: 'model-training' });
    assert.strictEqual(uri?.toString(), workspaceUri('model/gensyn.md').toString());
    const text = await readText('model/gensyn.md');
    assert.match(text, /^---\nprotocol: Gensyn\n/);
    assert.match(text, /\nlayer: model\ncategory: model-training\n/);
    await waitFor('the editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString());
    const protocol = await waitFor('the new note in the index', () => api.service.atlas.index.protocol('model/gensyn.md'));
    assert.strictEqual(api.service.atlas.verdictOf(protocol.path).value, 'positive');
  });

  it('New Protocol Note never overwrites an existing note', async () => {
    const before = await readText('model/bittensor.md');
    const uri = await vscode.commands.executeCommand('protocolAtlas.newNote', { name: 'Bittensor', layer: 'model', category: 'model-training' });
    assert.strictEqual(uri, undefined, 'no note written');
    assert.strictEqual(await readText('model/bittensor.md'), before, 'the existing note is byte for byte the same');
  });

  it('New Protocol Note finds the layer’s folder by its Chinese name', async () => {
    const api = await atlasInternals();
    const english = workspaceUri('model').fsPath;
    const chinese = workspaceUri('模型层').fsPath;
    fs.renameSync(english, chinese);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('protocolAtlas.newNote', { name: 'Pluralis', layer: 'model', category: 'model-training' });
      assert.strictEqual(uri?.toString(), workspaceUri('模型层/pluralis.md').toString());
      const protocol = await waitFor('the new note in the index', () => api.service.atlas.index.protocol('模型层/pluralis.md'));
      assert.strictEqual(protocol.layer.value, 'model');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(workspaceUri('模型层/pluralis.md')).then(undefined, () => undefined);
      fs.renameSync(chinese, english);
    }
    await waitFor('the index to follow the folder back', () => {
      const paths = api.service.atlas.index.paths();
      return !paths.some((each) => each.startsWith('模型层/')) && paths.includes('model/bittensor.md');
    });
  });

  it('New Protocol Note never writes through a layer folder that links outside the workspace', async function () {
    if (process.platform === 'win32') this.skip();
    const api = await atlasInternals();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-outside-'));
    const layerFolder = workspaceUri('application').fsPath;
    fs.renameSync(layerFolder, `${layerFolder}.real`);
    fs.symlinkSync(outside, layerFolder);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('protocolAtlas.newNote', { name: 'Con', layer: 'application', category: 'ai-agents' });
      assert.deepStrictEqual(fs.readdirSync(outside), [], 'nothing was written outside');
      // At the top of the workspace instead; `con.md` is a device name on Windows, so it is renamed.
      assert.strictEqual(uri?.toString(), workspaceUri('con-protocol.md').toString());
      await waitFor('the new note in the index', () => api.service.atlas.index.protocol('con-protocol.md'));
    } finally {
      await closeAllEditors();
      fs.unlinkSync(layerFolder);
      fs.renameSync(`${layerFolder}.real`, layerFolder);
      fs.rmSync(outside, { recursive: true, force: true });
      await vscode.workspace.fs.delete(workspaceUri('con-protocol.md')).then(undefined, () => undefined);
    }
    // The folder renames happened behind VS Code's back; the index follows them from the watcher.
    await waitFor('the index to follow the folder back', () => {
      const paths = api.service.atlas.index.paths();
      return !paths.some((each) => each.startsWith('application.real/')) && paths.includes('application/yield-pilot.md') && !paths.includes('con-protocol.md');
    });
  });

  it('Rebuild Index reads every note again; Show Output opens the log', async () => {
    const api = await atlasInternals();
    const paths = api.service.atlas.index.paths();
    await vscode.commands.executeCommand('protocolAtlas.rebuildIndex');
    assert.deepStrictEqual(api.service.atlas.index.paths(), paths);
    await vscode.commands.executeCommand('protocolAtlas.showOutput');
  });

  it('contributes a Get Started walkthrough whose steps run real commands and have their pages', async () => {
    const extension = vscode.extensions.getExtension('protocol-atlas.protocol-atlas');
    const [walkthrough] = extension?.packageJSON.contributes.walkthroughs ?? [];
    assert.strictEqual(walkthrough?.title, 'Get Started with Protocol Atlas');
    const registered = await vscode.commands.getCommands(true);
    for (const step of walkthrough.steps as Array<{ description: string; media: { markdown: string } }>) {
      const command = /\(command:([\w.]+)\)/.exec(step.description)?.[1];
      assert.ok(command && registered.includes(command), `${step.description} runs a registered command`);
      const page = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension!.extensionUri, step.media.markdown));
      assert.ok(page.byteLength > 100, `${step.media.markdown} has content`);
    }
  });

  it('registers every contributed command, each with a category, and hides tree-only ones from the palette', async () => {
    const extension = vscode.extensions.getExtension('protocol-atlas.protocol-atlas');
    const contributes = extension?.packageJSON.contributes;
    const registered = await vscode.commands.getCommands(true);
    const mine = ['search', 'newNote', 'switchFramework', 'compareFrameworks', 'rebuildIndex', 'showOutput', 'revealInGraph', 'copyName'];
    for (const name of mine) {
      const command = `protocolAtlas.${name}`;
      assert.ok(registered.includes(command), `${command} is registered`);
      assert.strictEqual(contributes.commands.find((each: { command: string }) => each.command === command)?.category, 'Protocol Atlas');
      if (name === 'showOutput') continue; // always applies
      assert.ok(contributes.menus.commandPalette.some((each: { command: string; when: string }) => each.command === command && each.when), `${command} has a when clause`);
    }
  });
});
