// Completion, hover, definition, references and rename in notes' front matter, through the
// same commands the editor runs, against the example workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { atlasInternals, openNote, positionOf, rangeOf, revertAll, typeOver, waitFor, workspaceUri } from './noteEditing';

async function completions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

const relative = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri, false);

describe('Language features in front matter', function () {
  this.timeout(20000);

  before(async () => {
    await atlasInternals();
  });

  afterEach(revertAll);

  it('completes protocol names and aliases in a flow list of depends_on', async () => {
    const document = await openNote('application/hivemind-desk.md');
    await typeOver(document, 'depends_on: [Swarms, TAO]', 'depends_on: [Swarms, TAO, Ak]');
    const items = await completions(document, positionOf(document, 'TAO, Ak', 7));
    const akash = items.find((item) => labelOf(item) === 'Akash');
    assert.ok(akash, `Akash among ${items.map(labelOf).join(', ')}`);
    assert.strictEqual(akash.insertText, 'Akash');
    assert.ok(akash.range instanceof vscode.Range && akash.range.isEqual(rangeOf(document, 'Ak]').with({ end: positionOf(document, 'Ak]', 2) })));
    assert.ok(items.some((item) => labelOf(item) === 'IO' && /alias of io\.net/.test(item.detail ?? '')), 'aliases too');
    assert.ok(!items.some((item) => labelOf(item) === 'Hivemind Desk'), 'not the note itself');
  });

  it('completes in a block list and inside [[…]]', async () => {
    const swarms = await openNote('middleware/swarms.md');
    await typeOver(swarms, '  - FIL\n', '  - FIL\n  - Bitt\n');
    const block = await completions(swarms, positionOf(swarms, '- Bitt', 6));
    assert.ok(block.some((item) => labelOf(item) === 'Bittensor'));

    const eliza = await openNote('middleware/eliza.md');
    await typeOver(eliza, '"[[Akash]]"', '"[[Ak');
    const link = await completions(eliza, positionOf(eliza, '[[Ak', 4));
    const akash = link.find((item) => labelOf(item) === 'Akash');
    assert.strictEqual(akash?.insertText, 'Akash]]', 'closes the wikilink');
  });

  it('completes layers after layer: and categories after category:, the layer\'s own first', async () => {
    const document = await openNote('model/bittensor.md');
    await typeOver(document, 'layer: model', 'layer: ');
    const layers = await completions(document, positionOf(document, 'layer: ', 7));
    assert.deepStrictEqual(layers.map(labelOf).filter((label) => ['infrastructure', 'middleware', 'model', 'application'].includes(label)).sort(), [
      'application',
      'infrastructure',
      'middleware',
      'model',
    ]);
    await revertAll();
    const again = await openNote('model/bittensor.md');
    await typeOver(again, 'category: model-training', 'category: ');
    const categories = await completions(again, positionOf(again, 'category: ', 10));
    const sorted = [...categories].filter((item) => item.sortText).sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1));
    assert.strictEqual(labelOf(sorted[0]), 'model-training');
    assert.ok(categories.some((item) => labelOf(item) === 'compute'), 'other layers\' categories too');
  });

  it('offers no protocol completions in the body', async () => {
    const document = await openNote('model/bittensor.md');
    const items = await completions(document, positionOf(document, '# Bittensor', 11));
    assert.ok(!items.some((item) => labelOf(item) === 'Akash' && item.detail?.includes('infrastructure')));
  });

  it('hovers a dependency with its layer, category, verdict, reason and section', async () => {
    const document = await openNote('model/bittensor.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '[[io.net]]', 4));
    const text = hoverText(hovers);
    assert.match(text, /\*\*io\\\.net\*\*/);
    assert.match(text, /Layer: infrastructure · Category: Compute/);
    assert.match(text, /Verdict: \*\*Negative\*\*/);
    assert.match(text, /Reason: \S/);
    assert.match(text, /Section: §/);
    const hover = hovers.find((each) => hoverText([each]).includes('io\\.net'));
    assert.ok(hover?.range?.isEqual(rangeOf(document, '"[[io.net]]"')), 'the hover covers the entry, quotes included');
  });

  it('goes to the definition: the dependency\'s note, from the whole entry', async () => {
    const document = await openNote('model/bittensor.md');
    const links = await vscode.commands.executeCommand<Array<vscode.LocationLink | vscode.Location>>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionOf(document, 'Masa', 1),
    );
    const ours = links.filter((link): link is vscode.LocationLink => 'targetUri' in link);
    assert.deepStrictEqual(ours.map((link) => relative(link.targetUri)), ['middleware/masa.md']);
    assert.ok(ours[0].originSelectionRange?.isEqual(rangeOf(document, 'Masa')));
    assert.strictEqual(ours[0].targetSelectionRange?.start.line, 1, 'the protocol: line');
  });

  it('finds the references to a protocol: every depends_on entry naming it, by name, alias or wikilink, then the body links', async () => {
    const document = await openNote('infrastructure/io-net.md');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, 'protocol: io.net', 12),
    );
    const found = locations.map((location) => `${relative(location.uri)}:${location.range.start.line}:${location.range.start.character}`);
    // VS Code sorts the locations by file; the depends_on entries are all in front matter (line < 10).
    const entries = found.filter((each) => Number(each.split(':')[1]) < 10).sort();
    assert.deepStrictEqual(entries, [
      'application/ledger-scout.md:4:24',
      'infrastructure/io-net.md:1:10',
      'middleware/arc.md:5:13',
      'model/bittensor.md:5:13',
    ]);
    const bodyLinks = found.filter((each) => !entries.includes(each)).sort();
    assert.deepStrictEqual(bodyLinks, [
      'application/hivemind-desk.md:24:33',
      'application/ledger-scout.md:13:26',
      'application/yield-pilot.md:27:44',
      'infrastructure/render.md:24:65',
      'middleware/arc.md:21:56',
      'middleware/phala.md:32:2',
      'model/bittensor.md:23:16',
    ]);
  });

  it('renames a protocol and every entry and body wikilink that names it, as one edit of exactly those files', async () => {
    const document = await openNote('infrastructure/akash.md');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      positionOf(document, 'protocol: Akash', 11),
      'Akash Network',
    );
    const files = edit.entries().map(([uri]) => relative(uri)).sort();
    assert.deepStrictEqual(files, ['application/yield-pilot.md', 'infrastructure/akash.md', 'infrastructure/io-net.md', 'middleware/eliza.md', 'model/bittensor.md']);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(document.lineAt(1).text, 'protocol: Akash Network');
    const eliza = await vscode.workspace.openTextDocument(workspaceUri('middleware/eliza.md'));
    assert.strictEqual(eliza.lineAt(5).text, 'depends_on: ["[[Akash Network]]", Arweave]');
    assert.ok(document.isDirty && eliza.isDirty, 'unsaved: undoable, and nothing written to disk');
    const { service } = await atlasInternals();
    await waitFor('the renamed dependency to resolve', () => service.atlas.index.protocol('middleware/eliza.md')?.dependsOn.includes('infrastructure/akash.md'));
    assert.deepStrictEqual(service.atlas.index.protocol('middleware/eliza.md')?.unresolvedDependencies, []);
  });

  it('renames the target protocol from a depends_on entry, keeping the wikilink label', async () => {
    const document = await openNote('application/ledger-scout.md');
    await typeOver(document, '"[[ARC]]"', '"[[ARC|the ARC runtime]]"');
    const position = positionOf(document, '[[ARC', 3);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', document.uri, position);
    assert.strictEqual(prepared?.placeholder, 'ARC');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, position, 'ARC Agents');
    assert.deepStrictEqual(edit.entries().map(([uri]) => relative(uri)).sort(), [
      'application/ledger-scout.md',
      'infrastructure/io-net.md',
      'infrastructure/storj.md',
      'middleware/arc.md',
      'middleware/eliza.md',
    ]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(document.getText(), /depends_on: \["\[\[ARC Agents\|the ARC runtime\]\]", io\.net Cloud\]/);
    const arc = await vscode.workspace.openTextDocument(workspaceUri('middleware/arc.md'));
    assert.strictEqual(arc.lineAt(1).text, 'protocol: ARC Agents');
  });

  it('refuses to rename to a name another protocol has', async () => {
    const document = await openNote('infrastructure/akash.md');
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'protocol: Akash', 11), 'Arweave'),
      ),
      /already names/,
    );
  });
});
