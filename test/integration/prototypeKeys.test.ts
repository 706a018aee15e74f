// Note text that names a property every JavaScript object has (`constructor`, `__proto__`,
// `toString`, ...) is text like any other in every view of the real host: the tree, its tooltip,
// diagnostics, the search, hovers, the graph's export and the index cache. Before the lookups keyed
// by note text became Maps, `verdict: constructor` threw in the tree and broke the cache.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { VERDICT_VALUES } from '../../src/core/vocabulary/model';
import { AtlasService } from '../../src/extension/atlasService';
import { INDEX_CACHE_FILE } from '../../src/extension/indexCacheStore';
import { atlasInternals, closeAllEditors, treeRows, waitFor, workspaceUri, writeText } from './atlasTestApi';

const CONSTRUCTOR = 'prototype-keys/constructor.md';
const TO_STRING = 'prototype-keys/to-string.md';
const NOTES: Record<string, string> = {
  [CONSTRUCTOR]: `---
protocol: constructor
aliases: [__proto__, hasOwnProperty, prototype]
layer: __proto__
category: toString
depends_on: ['[[toString]]', valueOf]
impact:
  verdict: constructor
  reason: hasOwnProperty
---

# constructor
`,
  [TO_STRING]: `---
protocol: toString
layer: infrastructure
category: constructor
depends_on: ['[[constructor]]']
impact: {verdict: __proto__, reason: prototype}
---
`,
};

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

const tooltipText = (tooltip: vscode.TreeItem['tooltip']): string => (typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''));

describe('Prototype keys in notes (real host)', function () {
  this.timeout(60000);
  let exportDir: string;

  before(async () => {
    exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-prototype-'));
    const api = await atlasInternals();
    for (const [file, text] of Object.entries(NOTES)) await writeText(file, text);
    await waitFor('both notes in the index', () => Object.keys(NOTES).every((file) => api.service.atlas.index.protocol(file)));
  });

  after(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.workspace.fs.delete(workspaceUri('prototype-keys'), { recursive: true });
    fs.rmSync(exportDir, { recursive: true, force: true });
  });

  it('are names, not verdicts, layers or categories, and each wrong value is a diagnostic on its line', async () => {
    const { service } = await atlasInternals();
    for (const file of Object.keys(NOTES)) {
      const verdict = service.atlas.verdictOf(file);
      assert.ok(VERDICT_VALUES.includes(verdict.value), `${file}: verdict ${String(verdict.value)}`);
      assert.ok(typeof verdict.rationale === 'string' && verdict.rationale.length > 0, `${file}: a reason in words`);
    }
    assert.strictEqual(service.atlas.index.protocol(CONSTRUCTOR)?.layer.value, 'unclassified');
    const diagnostics = await waitFor('the diagnostics of constructor.md', () => {
      const found = vscode.languages.getDiagnostics(workspaceUri(CONSTRUCTOR));
      return found.length >= 3 && found;
    });
    const lines = diagnostics.map((diagnostic) => `${diagnostic.range.start.line}: ${diagnostic.message}`).join('\n');
    assert.match(lines, /^3: .*__proto__/m, 'the layer line');
    assert.match(lines, /^4: .*toString/m, 'the category line');
    assert.match(lines, /^7: .*constructor/m, 'the verdict line');
  });

  it('show in the Protocols tree with an icon and a tooltip in words', async () => {
    const api = await atlasInternals();
    const rows = await treeRows(api);
    for (const name of ['constructor', 'toString']) {
      const row = rows.find((each) => each.label === name && each.element.kind === 'protocol');
      assert.ok(row, `${name} in the tree: ${rows.map((each) => each.label).join(', ')}`);
      assert.ok(row.item.iconPath, `${name} has an icon`);
      assert.match(tooltipText(row.item.tooltip), new RegExp(name), `${name}'s tooltip names it`);
    }
  });

  it('are found by the search, by name and by alias', async () => {
    const api = await atlasInternals();
    for (const [query, expected] of [
      ['constructor', 'constructor'],
      ['__proto__', 'constructor'],
      ['toString', 'toString'],
    ]) {
      void vscode.commands.executeCommand('protocolAtlas.search', { query });
      const items = await waitFor(`search items for ${query}`, () => {
        const current = api.search.current();
        return current?.[0]?.label === expected && current;
      });
      assert.ok(items[0].description?.length, `${expected} is described`);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  });

  it('hover as the names they are', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(TO_STRING));
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('depends_on:'));
    const character = document.lineAt(line).text.indexOf('constructor') + 3;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character));
    const text = hoverText(hovers);
    assert.match(text, /constructor/, text);
    assert.doesNotMatch(text, /function|native code|\[object/, text);
  });

  it('are drawn in the exported graph as text', async () => {
    const file = path.join(exportDir, 'graph.svg');
    await vscode.commands.executeCommand('protocolAtlas.showGraph');
    const svg = await waitFor(
      'the export',
      async () => {
        if (!fs.existsSync(file)) await vscode.commands.executeCommand('protocolAtlas.exportGraph', vscode.Uri.file(file));
        return fs.existsSync(file) && fs.readFileSync(file, 'utf8');
      },
      30000,
    );
    for (const name of ['>constructor<', '>toString<']) assert.ok(svg.includes(name), `${name} in the SVG`);
    assert.doesNotMatch(svg, /native code|\[object Object\]/);
  });

  it('survive the index cache of a reopened workspace', async () => {
    const storage = vscode.Uri.file(path.join(os.tmpdir(), `protocol-atlas-prototype-cache-${process.pid}-${Date.now()}`));
    const log = vscode.window.createOutputChannel('Protocol Atlas prototype cache test', { log: true });
    try {
      const first = new AtlasService(log, { storageUri: storage });
      await first.ready;
      const protocols = first.atlas.protocols();
      await first.flushCache();
      first.dispose();
      assert.ok((await vscode.workspace.fs.stat(vscode.Uri.joinPath(storage, INDEX_CACHE_FILE))).size > 0, 'the cache was written');
      const reopened = new AtlasService(log, { storageUri: storage });
      await reopened.ready;
      assert.strictEqual(reopened.firstIndex?.cacheDiscarded, false, 'the cache reads back');
      assert.strictEqual(reopened.firstIndex?.parsed, 0, 'every note from the cache');
      assert.deepStrictEqual(reopened.atlas.protocols(), protocols);
      reopened.dispose();
    } finally {
      log.dispose();
      await vscode.workspace.fs.delete(storage, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
