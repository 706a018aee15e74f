// Switch Framework… and Compare Frameworks… against the workspace's framework files.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { atlasInternals, closeAllEditors, treeRow, waitFor, workspaceUri, writeText } from './atlasTestApi';

const ALL_MIXED = `id: all-mixed
title: Everything is mixed
source: { article: "Integration test thesis", author: "Test", date: "2026" }
rules:
  - id: infrastructure-mixed
    match: { layer: infrastructure }
    verdict: mixed
    rationale: "No layer is clearly ahead in this test thesis."
    section: "T1"
  - id: middleware-mixed
    match: { layer: middleware }
    verdict: mixed
    rationale: "No layer is clearly ahead in this test thesis."
    section: "T1"
  - id: model-mixed
    match: { layer: model }
    verdict: mixed
    rationale: "No layer is clearly ahead in this test thesis."
    section: "T1"
  - id: application-mixed
    match: { layer: application }
    verdict: mixed
    rationale: "No layer is clearly ahead in this test thesis."
    section: "T1"
`;
const BROKEN = `id: broken
title: Broken
rules: not-a-list
`;

describe('Frameworks', () => {
  afterEach(async () => {
    const api = await atlasInternals();
    await api.frameworks.choose('deepseek-2025');
    for (const file of ['all-mixed.yaml', 'broken.yaml', 'zero.yaml', 'pipe.yaml', 'copy.yaml']) {
      await vscode.workspace.fs.delete(workspaceUri(`.protocol-atlas/frameworks/${file}`)).then(undefined, () => undefined);
    }
    await vscode.workspace.fs.delete(workspaceUri('node_modules'), { recursive: true }).then(undefined, () => undefined);
    await closeAllEditors();
  });

  it('switches to the workspace framework: every verdict re-evaluates, the tree follows, the choice is remembered', async () => {
    const api = await atlasInternals();
    assert.strictEqual(api.service.atlas.verdictOf('infrastructure/io-net.md').value, 'negative');
    assert.ok(api.frameworks.all().some((each) => each.framework.id === 'compute-rebound'));

    assert.strictEqual(await vscode.commands.executeCommand('protocolAtlas.switchFramework', 'compute-rebound'), true);
    assert.strictEqual(api.service.atlas.framework.id, 'compute-rebound');
    assert.strictEqual(api.service.atlas.verdictOf('infrastructure/io-net.md').value, 'mixed');
    await waitFor('the tree to show io.net as mixed', async () => (await treeRow(api, 'io.net'))?.description.startsWith('mixed'));

    await api.frameworks.reload();
    assert.strictEqual(api.service.atlas.framework.id, 'compute-rebound', 'the choice survives re-reading the framework files');
  });

  it('picks up a framework file added to the workspace, and reports a broken one in Problems', async () => {
    const api = await atlasInternals();
    await writeText('.protocol-atlas/frameworks/all-mixed.yaml', ALL_MIXED);
    await writeText('.protocol-atlas/frameworks/broken.yaml', BROKEN);
    await waitFor('the new framework', () => api.frameworks.all().some((each) => each.framework.id === 'all-mixed'));
    await waitFor('the broken framework’s diagnostics', () => vscode.languages.getDiagnostics(workspaceUri('.protocol-atlas/frameworks/broken.yaml')).length > 0);
    assert.ok(!api.frameworks.all().some((each) => each.framework.id === 'broken'), 'a broken framework is left out');

    await vscode.commands.executeCommand('protocolAtlas.switchFramework', 'all-mixed');
    for (const path of api.service.atlas.index.paths()) {
      const verdict = api.service.atlas.verdictOf(path);
      if (verdict.source === 'framework' && api.service.atlas.index.protocol(path)?.layer.value !== 'unclassified') {
        assert.strictEqual(verdict.value, 'mixed', path);
      }
    }
    // Editing the active framework's file re-evaluates at once.
    await writeText('.protocol-atlas/frameworks/all-mixed.yaml', ALL_MIXED.replaceAll('verdict: mixed', 'verdict: positive'));
    await waitFor('the edited framework to apply', () => api.service.atlas.verdictOf('infrastructure/io-net.md').value === 'positive');
  });

  it('reads no device, pipe or dependency as a framework, and reports a reused built-in id', async function () {
    if (process.platform === 'win32') this.skip();
    const api = await atlasInternals();
    const frameworks = workspaceUri('.protocol-atlas/frameworks').fsPath;
    // Git carries links: a cloned repository can put these where a framework file should be.
    fs.symlinkSync('/dev/zero', `${frameworks}/zero.yaml`);
    execFileSync('mkfifo', [`${frameworks}/pipe.yaml`]);
    await writeText('.protocol-atlas/frameworks/copy.yaml', ALL_MIXED.replace('id: all-mixed', 'id: deepseek-2025'));
    await writeText('node_modules/some-package/.protocol-atlas/frameworks/theirs.yaml', ALL_MIXED.replace('id: all-mixed', 'id: theirs'));
    await api.frameworks.reload();
    const problem = (file: string) => vscode.languages.getDiagnostics(workspaceUri(`.protocol-atlas/frameworks/${file}`)).map((d) => d.message).join(' ');
    await waitFor('the reused id in Problems', () => problem('copy.yaml'));
    // VS Code's file search lists regular files only, so the device and the pipe are never even
    // found; if they were, reading them is refused (src/extension/safeWorkspaceRead.ts).
    for (const file of ['zero.yaml', 'pipe.yaml']) assert.match(problem(file), /^$|not a regular file/, file);
    assert.match(problem('copy.yaml'), /already has the id 'deepseek-2025'/);
    const ids = api.frameworks.all().map((each) => each.framework.id);
    assert.deepStrictEqual(ids, ['deepseek-2025', 'compute-rebound'], 'only the built-in and the workspace’s own framework');
    assert.strictEqual(api.service.atlas.verdictOf('infrastructure/io-net.md').value, 'negative', 'the built-in still judges');
  });

  it('compares two frameworks in a readable, read-only report', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('protocolAtlas.compareFrameworks', ['deepseek-2025', 'compute-rebound']);
    assert.ok(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    // As the preview shows it: escapes resolved, the invisible joiners that stop linkifying gone.
    const text = document.getText().replace(/\\(.)/g, '$1').replace(/\u2060/g, '');
    assert.match(text, /protocols change verdict/);
    const ionet = text.split('\n').find((line) => line.includes('| io.net |'));
    assert.match(ionet ?? '', /negative.*\| mixed/, text);
    assert.notStrictEqual(uri.scheme, 'file', 'the report is not a file in the workspace');
  });
});
