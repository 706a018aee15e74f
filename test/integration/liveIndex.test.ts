// The live index in the real extension host: unsaved edits, files and folders created, renamed and
// deleted, the include/exclude settings, and the persisted cache of a reopened workspace.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { AtlasService } from '../../src/extension/atlasService';
import { INDEX_CACHE_FILE } from '../../src/extension/indexCacheStore';
import { atlasInternals, closeAllEditors, readText, revertAll, treeRow, waitFor, workspaceUri, writeText } from './atlasTestApi';

const NEW_NOTE = `---
protocol: Gradient Lab
layer: middleware
category: data
depends_on: [Grass]
---

# Gradient Lab
`;

describe('Live index', () => {
  afterEach(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('indexes a depends_on entry typed into an unsaved note within a second, in the index and the tree', async () => {
    const api = await atlasInternals();
    const file = 'infrastructure/arweave.md';
    const before = await readText(file);
    assert.ok(!(await treeRow(api, 'Arweave'))?.description.includes('exposed'), 'Arweave starts unexposed');

    const editor = await vscode.window.showTextDocument(workspaceUri(file));
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('depends_on:'));
    const started = Date.now();
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 0, line, editor.document.lineAt(line).text.length), 'depends_on: [Akash]'));

    await waitFor('Arweave → Akash in the index', () => api.service.atlas.index.protocol(file)?.dependsOn.includes('infrastructure/akash.md'), 1000);
    const row = await waitFor('the tree to show the exposure', async () => {
      const found = await treeRow(api, 'Arweave');
      return found?.description.includes('exposed via Akash') && found;
    }, 1000 - (Date.now() - started));
    console.log(`      unsaved edit → index and tree in ${Date.now() - started} ms: "${row.description}"`);
    assert.ok(editor.document.isDirty, 'the note is still unsaved');
    assert.strictEqual(await readText(file), before, 'nothing was written to the file');

    // Reverting the buffer puts the saved text back in the index.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the reverted dependency to go', () => api.service.atlas.index.protocol(file)?.dependsOn.length === 0, 2000);
  });

  it('a note turned into a link to /dev/zero, or a named pipe called x.md, is skipped: the host stays small and the queue moves', async function () {
    if (process.platform === 'win32') this.skip();
    const api = await atlasInternals();
    const zero = 'infrastructure/zero-swap.md';
    const pipe = 'infrastructure/pipe.md';
    const after = 'infrastructure/after-the-pipe.md';
    await writeText(zero, '---\nprotocol: Zero Swap\nlayer: infrastructure\n---\n');
    await waitFor('the note in the index', () => api.service.atlas.index.protocol(zero));
    const heapBefore = process.memoryUsage().rss;
    try {
      // What a `git pull` can do to a tracked file: it becomes a link to a device.
      fs.unlinkSync(workspaceUri(zero).fsPath);
      fs.symlinkSync('/dev/zero', workspaceUri(zero).fsPath);
      execFileSync('mkfifo', [workspaceUri(pipe).fsPath]);
      await writeText(after, '---\nprotocol: After The Pipe\nlayer: infrastructure\n---\n');
      await waitFor('a note written after the pipe to be indexed', () => api.service.atlas.index.protocol(after));
      await waitFor('the device link to leave the index', () => !api.service.atlas.index.note(zero));
      assert.ok(!api.service.atlas.index.note(pipe), 'the pipe is not a note');
      const grown = (process.memoryUsage().rss - heapBefore) / (1024 * 1024);
      assert.ok(grown < 200, `the extension host grew by ${grown.toFixed(0)} MB`);
    } finally {
      for (const file of [zero, pipe, after]) fs.rmSync(workspaceUri(file).fsPath, { force: true });
      await waitFor('the index to forget them', () => !api.service.atlas.index.note(after));
    }
  });

  it('adds a created note and forgets a deleted one, in the index and the tree', async () => {
    const api = await atlasInternals();
    const file = 'middleware/gradient-lab.md';
    await writeText(file, NEW_NOTE);
    await waitFor('the created note in the index', () => api.service.atlas.index.protocol(file)?.dependsOn.includes('middleware/grass.md'));
    await waitFor('the created note in the tree', () => treeRow(api, 'Gradient Lab'));

    await vscode.workspace.fs.delete(workspaceUri(file));
    await waitFor('the deleted note to leave the index', () => !api.service.atlas.index.note(file));
    await waitFor('the deleted note to leave the tree', async () => !(await treeRow(api, 'Gradient Lab')));
  });

  it('follows a note renamed through a WorkspaceEdit (as the explorer does), keeping no stale path', async () => {
    const api = await atlasInternals();
    const from = 'infrastructure/storj.md';
    const to = 'infrastructure/storj-dcs.md';
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceUri(from), workspaceUri(to));
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor('the renamed note', () => api.service.atlas.index.note(to) && !api.service.atlas.index.note(from));
      assert.strictEqual(api.service.atlas.index.protocol(to)?.name.value, 'Storj');
      assert.strictEqual(api.service.uriOf(to)?.toString(), workspaceUri(to).toString());
      assert.strictEqual((await treeRow(api, 'Storj'))?.element.kind === 'protocol' && ((await treeRow(api, 'Storj'))?.element as { path: string }).path, to);
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.renameFile(workspaceUri(to), workspaceUri(from));
      await vscode.workspace.applyEdit(back);
      await waitFor('the note back under its name', () => api.service.atlas.index.note(from) && !api.service.atlas.index.note(to));
    }
  });

  it('keeps a note’s unsaved edits when it is renamed while open', async () => {
    const api = await atlasInternals();
    const from = 'infrastructure/filecoin.md';
    const to = 'infrastructure/filecoin-network.md';
    const editor = await vscode.window.showTextDocument(workspaceUri(from));
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('depends_on:'));
    await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, 'depends_on: [Render]'));
    await waitFor('the unsaved edit', () => api.service.atlas.index.protocol(from)?.dependsOn.includes('infrastructure/render.md'));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceUri(from), workspaceUri(to));
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor('the renamed note with its unsaved dependency', () =>
        !api.service.atlas.index.note(from) && api.service.atlas.index.protocol(to)?.dependsOn.includes('infrastructure/render.md'),
      );
    } finally {
      await revertAll();
      const back = new vscode.WorkspaceEdit();
      back.renameFile(workspaceUri(to), workspaceUri(from));
      await vscode.workspace.applyEdit(back);
      await waitFor('the note back, as saved', () => api.service.atlas.index.protocol(from)?.dependsOn.length === 0 && !api.service.atlas.index.note(to));
    }
  });

  it('leaves no stale notes when a folder is renamed on disk (the watcher sees only the folder)', async () => {
    const api = await atlasInternals();
    const middleware = api.service.atlas.index.paths().filter((p) => p.startsWith('middleware/'));
    assert.ok(middleware.length >= 5, `middleware notes: ${middleware.join(', ')}`);
    await vscode.workspace.fs.rename(workspaceUri('middleware'), workspaceUri('tooling'));
    try {
      await waitFor('no note left under middleware/ and all of them under tooling/', () => {
        const paths = api.service.atlas.index.paths();
        return !paths.some((p) => p.startsWith('middleware/')) && middleware.every((p) => paths.includes(p.replace(/^middleware\//, 'tooling/')));
      });
      // The layer is written in the front matter, so Eliza is still middleware, and still resolves.
      const eliza = api.service.atlas.index.protocol('tooling/eliza.md');
      assert.strictEqual(eliza?.layer.value, 'middleware');
      assert.strictEqual(api.service.atlas.index.resolve('Eliza'), 'tooling/eliza.md');
    } finally {
      await vscode.workspace.fs.rename(workspaceUri('tooling'), workspaceUri('middleware'));
      await waitFor('the folder back', () => {
        const paths = api.service.atlas.index.paths();
        return !paths.some((p) => p.startsWith('tooling/')) && middleware.every((p) => paths.includes(p));
      });
    }
  });

  it('after a folder of notes is renamed outside VS Code, follows edits inside it and notes in a new folder of the old name', async () => {
    // inotify keeps a renamed folder's old path: without a check against the disk, the edit below
    // is reported under research-a/ and the note in the new research-a/ is never reported.
    const api = await atlasInternals();
    const index = api.service.atlas.index;
    const root = workspaceUri('').fsPath;
    const at = (relative: string): string => path.join(root, ...relative.split('/'));
    fs.mkdirSync(at('research-a/deep'), { recursive: true });
    fs.writeFileSync(at('research-a/deep/alpha.md'), '# Alpha\n');
    try {
      await waitFor('alpha indexed', () => index.note('research-a/deep/alpha.md'), 10000);
      fs.renameSync(at('research-a'), at('research-b'));
      await waitFor('alpha under research-b', () => index.note('research-b/deep/alpha.md') && !index.note('research-a/deep/alpha.md'), 10000);
      fs.writeFileSync(at('research-b/deep/alpha.md'), '# Alpha Prime\n');
      fs.mkdirSync(at('research-a/deep'), { recursive: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
      fs.writeFileSync(at('research-a/deep/gamma.md'), '# Gamma\n');
      await waitFor('the edit inside the renamed folder', () => index.note('research-b/deep/alpha.md')?.name.value === 'Alpha Prime', 10000);
      await waitFor('the note in the new folder of the old name', () => index.note('research-a/deep/gamma.md'), 10000);
    } finally {
      fs.rmSync(at('research-a'), { recursive: true, force: true });
      fs.rmSync(at('research-b'), { recursive: true, force: true });
      await waitFor('the test notes gone', () => !index.paths().some((p) => p.startsWith('research-')), 10000);
    }
  });

  it('follows the protocolAtlas.exclude setting without a reload', async () => {
    const api = await atlasInternals();
    const config = vscode.workspace.getConfiguration('protocolAtlas');
    const total = api.service.atlas.index.paths().length;
    await config.update('exclude', ['**/node_modules/**', 'application/**'], vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('application notes excluded', () => !api.service.atlas.index.paths().some((p) => p.startsWith('application/')));
      assert.ok(api.service.atlas.index.paths().length < total);
      assert.strictEqual(api.service.isNote(workspaceUri('application/yield-pilot.md')), false);
    } finally {
      await config.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor('every note back', () => api.service.atlas.index.paths().length === total);
    }
  });

  it('never changes a note’s bytes by opening, indexing and graphing the workspace', async () => {
    const api = await atlasInternals();
    const paths = api.service.atlas.index.paths();
    const before = await Promise.all(paths.map((p) => readText(p)));
    for (const p of paths.slice(0, 6)) await vscode.window.showTextDocument(workspaceUri(p), { preview: false });
    await vscode.commands.executeCommand('protocolAtlas.rebuildIndex');
    await vscode.commands.executeCommand('protocolAtlas.showGraph');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await Promise.all(paths.map((p) => readText(p)));
    assert.deepStrictEqual(after, before);
    assert.ok(vscode.workspace.textDocuments.every((doc) => !doc.isDirty), 'no open note was changed');
  });
});

describe('Index cache (a reopened workspace)', () => {
  let storage: vscode.Uri;
  const log = vscode.window.createOutputChannel('Protocol Atlas cache test', { log: true });
  const open = async () => {
    const service = new AtlasService(log, { storageUri: storage });
    await service.ready;
    return service;
  };

  before(() => {
    storage = vscode.Uri.file(path.join(os.tmpdir(), `protocol-atlas-cache-${process.pid}-${Date.now()}`));
  });

  after(async () => {
    log.dispose();
    await vscode.workspace.fs.delete(storage, { recursive: true }).then(undefined, () => undefined);
  });

  it('is ready from the cache, parsing only the changed note, and discards a corrupt cache', async () => {
    const first = await open();
    const total = first.atlas.index.paths().length;
    const protocols = first.atlas.protocols();
    assert.deepStrictEqual(first.firstIndex, { fromCache: 0, parsed: total, cacheDiscarded: false });
    await first.flushCache();
    await first.dispose();
    const cacheFile = vscode.Uri.joinPath(storage, INDEX_CACHE_FILE);
    assert.ok((await vscode.workspace.fs.stat(cacheFile)).size > 0, 'the cache file was written');

    const reopened = await open();
    assert.deepStrictEqual(reopened.firstIndex, { fromCache: total, parsed: 0, cacheDiscarded: false });
    assert.deepStrictEqual(reopened.atlas.protocols(), protocols, 'the same protocols as a fresh index');
    await reopened.flushCache();
    await reopened.dispose();

    const file = 'model/bittensor.md';
    const text = await readText(file);
    await writeText(file, text.replace('aliases: [TAO]', 'aliases: [TAO, Bittensor Network]'));
    try {
      const changed = await open();
      assert.deepStrictEqual(changed.firstIndex, { fromCache: total - 1, parsed: 1, cacheDiscarded: false });
      assert.deepStrictEqual(changed.atlas.index.protocol(file)?.aliases, ['TAO', 'Bittensor Network'], 'the changed note was read again');
      await changed.flushCache();
      await changed.dispose();

      // The same size, another modification time: read again (the stamps, not the length, decide).
      const sameSize = text.replace('aliases: [TAO]', 'aliases: [TAO, Bittensor Nexwork]');
      await writeText(file, sameSize);
      const { size } = await vscode.workspace.fs.stat(workspaceUri(file));
      const cacheText = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(storage, INDEX_CACHE_FILE)));
      assert.ok(cacheText.includes('Bittensor Network'), 'the cache holds the earlier reading');
      assert.strictEqual(size, new TextEncoder().encode(text.replace('aliases: [TAO]', 'aliases: [TAO, Bittensor Network]')).length, 'the file kept its size');
      const touched = await open();
      assert.deepStrictEqual(touched.firstIndex, { fromCache: total - 1, parsed: 1, cacheDiscarded: false });
      assert.deepStrictEqual(touched.atlas.index.protocol(file)?.aliases, ['TAO', 'Bittensor Nexwork'], 'a same-size change was read again');
      await touched.flushCache();
      await touched.dispose();
    } finally {
      await writeText(file, text);
    }

    await vscode.workspace.fs.writeFile(cacheFile, new TextEncoder().encode('{"format":1,"stamps":{},"index":{"version":1,"notes":[{"path":'));
    const corrupt = await open();
    assert.deepStrictEqual(corrupt.firstIndex, { fromCache: 0, parsed: total, cacheDiscarded: true });
    assert.deepStrictEqual(corrupt.atlas.protocols(), protocols);
    corrupt.dispose();
  });
});
