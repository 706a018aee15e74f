// The protocolAtlas.synonyms setting in the real extension host: changing it reads every note
// again in the new words (front matter, tags, folder names), the search finds them, the Problems
// lose the unknown layer and category, a conflicting or hostile entry is left out without harm,
// and the index cache of a reopened workspace is reused only under the synonyms it was made with.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { AtlasService } from '../../src/extension/atlasService';
import { atlasInternals, closeAllEditors, revertAll, waitFor, workspaceUri, writeText } from './atlasTestApi';

const NOTE = '底层/gpu-synonym.md';
const TAGGED = 'gpu-tagged.md';
const SYNONYMS = { layers: { infrastructure: ['底层', 'infra layer'] }, categories: { compute: ['GPU网络'] } };

async function setSynonyms(value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('protocolAtlas').update('synonyms', value, vscode.ConfigurationTarget.Workspace);
}

describe('protocolAtlas.synonyms', () => {
  afterEach(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('reads every note again in the new words, and the search and Problems follow', async () => {
    const api = await atlasInternals();
    const index = api.service.atlas.index;
    await writeText(NOTE, '---\nprotocol: GPU Synonym Net\ncategory: GPU网络\n---\n# GPU Synonym Net\n');
    await writeText(TAGGED, '---\nprotocol: Tagged GPU\ncategory: compute\n---\n#layer/infra-layer\n');
    try {
      await waitFor('the notes in the index', () => index.note(NOTE) && index.note(TAGGED));
      assert.strictEqual(index.note(NOTE)?.layer.value, 'unclassified', 'the built-in words only, to start');
      assert.ok(index.diagnostics(NOTE).some((d) => d.code === 'unknown-category'));

      await setSynonyms(SYNONYMS);
      await waitFor('the folder read as infrastructure', () => index.note(NOTE)?.layer.value === 'infrastructure' && index.note(TAGGED)?.layer.value === 'infrastructure');
      assert.strictEqual(index.note(NOTE)?.category?.value, 'compute');
      assert.strictEqual(index.note(TAGGED)?.layer.source, 'tag');
      assert.ok(!index.diagnostics(NOTE).some((d) => d.code === 'unknown-category' || d.code === 'unknown-layer'), 'no unknown layer or category left');
      await waitFor('no problem in the Problems view', () => !vscode.languages.getDiagnostics(workspaceUri(NOTE)).some((d) => /Unknown (layer|category)/.test(d.message)));
      assert.match(api.service.vocabulary.digest, /^[0-9a-f]{16}$/);
      assert.deepStrictEqual(api.service.atlas.search.search('GPU网络').map((result) => result.id).includes(NOTE), true, 'a synonym finds its category’s protocols');
      assert.ok(api.service.atlas.search.search('infra layer').some((result) => result.id === TAGGED));

      // A word taken by another id, an unknown id and junk are left out; the rest still counts.
      await setSynonyms({ layers: { infrastructure: ['底层'], middleware: ['底层', 'x'.repeat(500)], nowhere: ['y'] }, categories: { compute: 'GPU网络' } });
      await waitFor('the category word gone', () => index.note(NOTE)?.category?.value === 'GPU网络');
      assert.strictEqual(index.note(NOTE)?.layer.value, 'infrastructure', '底层 stays with infrastructure');

      await setSynonyms(undefined);
      await waitFor('the built-in words again', () => index.note(NOTE)?.layer.value === 'unclassified');
      assert.strictEqual(api.service.vocabulary.digest, '');
    } finally {
      await setSynonyms(undefined);
      await vscode.workspace.fs.delete(workspaceUri('底层'), { recursive: true }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(workspaceUri(TAGGED)).then(undefined, () => undefined);
      await waitFor('the test notes gone', () => !index.note(NOTE) && !index.note(TAGGED));
    }
  });

  it('a workspace framework with synonyms, switched to, reads every note again in its words, and switching back undoes it', async () => {
    const api = await atlasInternals();
    const index = api.service.atlas.index;
    const FILE = '.protocol-atlas/frameworks/own-words.yaml';
    const FRAMEWORK = [
      'id: own-words',
      'title: Own words',
      'source: { article: "Integration test thesis", author: "Test", date: "2026" }',
      'rules:',
      '  - id: compute-down',
      '    match: { layer: infrastructure, category: compute }',
      '    verdict: negative',
      '    rationale: "Prices fall."',
      '    section: "T1"',
      'synonyms:',
      '  layers:',
      '    infrastructure: [算力底座]',
      '    middleware: [基础设施层]',
      '  categories:',
      '    compute: [GPU网络]',
      '',
    ].join('\n');
    await writeText(NOTE, '---\nprotocol: GPU Synonym Net\nlayer: 算力底座\ncategory: GPU网络\n---\n');
    try {
      await waitFor('the note in the index', () => index.note(NOTE));
      assert.strictEqual(index.note(NOTE)?.layer.value, 'unclassified', 'the built-in words only, to start');
      assert.strictEqual(api.service.vocabulary.digest, '');
      await writeText(FILE, FRAMEWORK);
      await waitFor('the framework file read', () => api.frameworks.all().some((each) => each.framework.id === 'own-words'));
      // The refused word is a warning on its line; the framework is still offered.
      await waitFor('the refused word in Problems', () => vscode.languages.getDiagnostics(workspaceUri(FILE)).some((d) => d.range.start.line === 12 && /“基础设施层” already means infrastructure/.test(d.message)));

      assert.strictEqual(await vscode.commands.executeCommand('protocolAtlas.switchFramework', 'own-words'), true);
      await waitFor('the note read again in the framework’s words', () => index.note(NOTE)?.layer.value === 'infrastructure');
      assert.strictEqual(index.note(NOTE)?.category?.value, 'compute');
      assert.ok(!index.diagnostics(NOTE).some((d) => d.code === 'unknown-category' || d.code === 'unknown-layer'));
      assert.match(api.service.vocabulary.digest, /^[0-9a-f]{16}$/);
      assert.strictEqual(api.service.atlas.verdictOf(NOTE).value, 'negative', 'the framework’s rule applies to the note its words classify');
      assert.ok(api.service.atlas.search.search('算力底座').some((result) => result.id === NOTE), 'the search finds the framework’s word');

      await vscode.commands.executeCommand('protocolAtlas.switchFramework', 'deepseek-2025');
      await waitFor('the built-in words again', () => index.note(NOTE)?.layer.value === 'unclassified');
      assert.strictEqual(api.service.vocabulary.digest, '');
    } finally {
      await api.frameworks.choose('deepseek-2025');
      await vscode.workspace.fs.delete(workspaceUri(FILE)).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(workspaceUri('底层'), { recursive: true }).then(undefined, () => undefined);
      await waitFor('the test note gone', () => !index.note(NOTE));
    }
  });

  it('a reopened workspace reuses its index cache only under the same synonyms', async () => {
    const storage = vscode.Uri.file(path.join(os.tmpdir(), `protocol-atlas-synonyms-cache-${process.pid}-${Date.now()}`));
    const log = vscode.window.createOutputChannel('Protocol Atlas synonyms cache test', { log: true });
    const open = async (): Promise<AtlasService> => {
      const service = new AtlasService(log, { storageUri: storage });
      await service.ready;
      return service;
    };
    await writeText(NOTE, '---\nprotocol: GPU Synonym Net\ncategory: GPU网络\n---\n');
    try {
      await setSynonyms(SYNONYMS);
      const first = await open();
      const total = first.atlas.index.paths().length;
      assert.strictEqual(first.atlas.index.note(NOTE)?.layer.value, 'infrastructure');
      await first.flushCache();
      first.dispose();

      const same = await open();
      assert.deepStrictEqual(same.firstIndex, { fromCache: total, parsed: 0, cacheDiscarded: false });
      assert.strictEqual(same.atlas.index.note(NOTE)?.layer.value, 'infrastructure');
      same.dispose();

      await setSynonyms({ layers: { middleware: ['底层'] } });
      const other = await open();
      assert.deepStrictEqual(other.firstIndex, { fromCache: 0, parsed: total, cacheDiscarded: true });
      assert.strictEqual(other.atlas.index.note(NOTE)?.layer.value, 'middleware', 'read again under the new synonyms');
      other.dispose();
    } finally {
      await setSynonyms(undefined);
      log.dispose();
      await vscode.workspace.fs.delete(storage, { recursive: true }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(workspaceUri('底层'), { recursive: true }).then(undefined, () => undefined);
    }
  });
});
