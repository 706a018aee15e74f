// Body links are first class: definition, Ctrl+click links, hover, completion after `[[`,
// references, rename, and the problem (with its quick fixes) for a link that names no note,
// through the commands the editor runs, against the example workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { atlasInternals, openNote, ourDiagnostics, positionOf, rangeOf, revertAll, typeOver, waitFor, workspaceUri } from './noteEditing';

const relative = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri, false);
const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

async function definitions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.LocationLink[]> {
  const links = await vscode.commands.executeCommand<Array<vscode.LocationLink | vscode.Location>>('vscode.executeDefinitionProvider', document.uri, position);
  return links.filter((link): link is vscode.LocationLink => 'targetUri' in link);
}

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return waitFor(`quick fixes for ${diagnostic.code}`, async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    return actions.length > 0 ? actions : undefined;
  });
}

describe('Body links', function () {
  this.timeout(20000);

  before(async () => {
    await atlasInternals();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('protocolAtlas').update('diagnostics.unresolvedBodyLinks', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAll();
  });

  it('goes to the definition of a body wikilink and of a markdown link, at the #heading when there is one', async () => {
    const document = await openNote('middleware/eliza.md');
    const [akash] = await definitions(document, positionOf(document, '[[Akash]] and keeping', 3));
    assert.strictEqual(relative(akash.targetUri), 'infrastructure/akash.md');
    assert.ok(akash.originSelectionRange?.isEqual(rangeOf(document, '[[Akash]] and keeping').with({ end: positionOf(document, '[[Akash]] and keeping', 9) })));
    assert.strictEqual(akash.targetSelectionRange?.start.line, 1, 'the protocol: line');

    await typeOver(document, '[[Akash]] and keeping', '[[Bittensor#What the article says|TAO]] and [it](../model/bittensor.md) and keeping');
    const bittensor = await vscode.workspace.openTextDocument(workspaceUri('model/bittensor.md'));
    const heading = bittensor.getText().split('\n').findIndex((line) => line === '## What the article says');
    assert.ok(heading > 0);
    const [toHeading] = await definitions(document, positionOf(document, '|TAO', 2));
    assert.strictEqual(relative(toHeading.targetUri), 'model/bittensor.md');
    assert.strictEqual(toHeading.targetSelectionRange?.start.line, heading);
    const [byPath] = await definitions(document, positionOf(document, '[it]', 1));
    assert.strictEqual(relative(byPath.targetUri), 'model/bittensor.md');
  });

  it('makes body wikilinks Ctrl+click links to their notes, and leaves links to nothing alone', async () => {
    const document = await openNote('middleware/eliza.md');
    await typeOver(document, '[[Yield Pilot]]', '[[Yield Pilot]] [[No Such Protocol]] [[Bittensor#What the article says]]');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri, 10);
    const at = (needle: string) => links.find((link) => link.range.isEqual(rangeOf(document, needle)));
    assert.strictEqual(at('[[Yield Pilot]]')?.target && relative(at('[[Yield Pilot]]')!.target!), 'application/yield-pilot.md');
    assert.strictEqual(at('[[No Such Protocol]]'), undefined);
    const toHeading = at('[[Bittensor#What the article says]]');
    assert.ok(toHeading?.target, 'resolved when asked');
    assert.strictEqual(relative(toHeading.target.with({ fragment: '' })), 'model/bittensor.md');
    assert.match(toHeading.target.fragment, /^L\d+$/);
  });

  it('hovers a body link with the layer, category, verdict and reason of its protocol', async () => {
    const document = await openNote('middleware/eliza.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '[[Akash]] and keeping', 4));
    const text = hoverText(hovers);
    assert.match(text, /\*\*Akash\*\*/);
    assert.match(text, /Layer: infrastructure · Category: Compute/);
    assert.match(text, /Verdict: \*\*Negative\*\*/);
    assert.match(text, /Reason: \S/);
  });

  it('completes protocol names and aliases after [[ in the body', async () => {
    const document = await openNote('middleware/eliza.md');
    await typeOver(document, '[[Yield Pilot]]', '[[Bitt');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, '[[Bitt', 6));
    const bittensor = list.items.find((item) => labelOf(item) === 'Bittensor');
    assert.strictEqual(bittensor?.insertText, 'Bittensor]]');
    assert.ok(list.items.some((item) => labelOf(item) === 'TAO' && /alias of Bittensor/.test(item.detail ?? '')), 'aliases too');
    assert.ok(!list.items.some((item) => labelOf(item) === 'Eliza'), 'not the note itself');
  });

  it('finds the body links to a protocol from its protocol: line, after its dependents', async () => {
    const document = await openNote('infrastructure/akash.md');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'protocol: Akash', 11));
    const found = locations.map((location) => `${relative(location.uri)}:${location.range.start.line}:${location.range.start.character}`).sort();
    assert.deepStrictEqual(found, [
      'application/yield-pilot.md:26:81',
      'infrastructure/akash.md:1:10',
      'infrastructure/io-net.md:31:39',
      'middleware/eliza.md:23:0',
      'middleware/eliza.md:5:13',
      'model/bittensor.md:29:2',
    ]);
  });

  it('renames from a body wikilink: every wikilink, entry and the protocol: line in one edit, labels kept', async () => {
    const document = await openNote('model/bittensor.md');
    const position = positionOf(document, '[[Masa]] for data', 3);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', document.uri, position);
    assert.strictEqual(prepared?.placeholder, 'Masa');
    assert.ok(prepared.range.isEqual(rangeOf(document, 'Masa]] for data').with({ end: positionOf(document, 'Masa]] for data', 4) })));
    await typeOver(document, '[[Masa]] for data', '[[Masa|the data net]] for data');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, '[[Masa|', 3), 'Masa Network');
    const { service } = await atlasInternals();
    const expected = [...new Set(['middleware/masa.md', ...service.atlas.index.dependents('middleware/masa.md'), ...service.atlas.index.mentioners('middleware/masa.md')])].sort();
    assert.deepStrictEqual(edit.entries().map(([uri]) => relative(uri)).sort(), expected);
    assert.ok(await vscode.workspace.applyEdit(edit), 'one WorkspaceEdit, applied at once');
    assert.match(document.getText(), /\[\[Masa Network\|the data net\]\] for data/);
    const masa = await vscode.workspace.openTextDocument(workspaceUri('middleware/masa.md'));
    assert.strictEqual(masa.lineAt(1).text, 'protocol: Masa Network');
    await waitFor('the rename in the index', () => service.atlas.index.note('middleware/masa.md')?.name.value === 'Masa Network');
    await service.settled();
    assert.ok(service.atlas.index.mentioners('middleware/masa.md').includes('model/bittensor.md'), 'the renamed wikilinks still name it');
    assert.ok(expected.every((path) => vscode.workspace.textDocuments.some((each) => relative(each.uri) === path && each.isDirty)), 'every file changed, none saved');
  });

  it('shows a body link that names no note as a hint, with "Did you mean" and "Create note"; the setting turns it off', async () => {
    const document = await openNote('middleware/eliza.md');
    await typeOver(document, '[[Yield Pilot]]', '[[Yeld Pilot|the vault]] [[Brand New Protocol]] [[whitepaper.pdf]] [x](https://example.com/a.md)');
    const typo = await waitFor('the hint on [[Yeld Pilot…]]', () =>
      ourDiagnostics(document.uri, 'unresolved-body-link').find((each) => each.range.isEqual(rangeOf(document, '[[Yeld Pilot|the vault]]'))),
    );
    assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Hint);
    assert.deepStrictEqual(ourDiagnostics(document.uri, 'unresolved-body-link').length, 2, 'not the PDF, not the URL');
    const fix = (await quickFixes(document.uri, typo)).find((action) => action.title === 'Did you mean "Yield Pilot"?');
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /\[\[Yield Pilot\|the vault\]\]/, 'the label kept');

    const missing = await waitFor('the hint on [[Brand New Protocol]]', () => ourDiagnostics(document.uri, 'unresolved-body-link').find((each) => each.range.isEqual(rangeOf(document, '[[Brand New Protocol]]'))));
    const create = (await quickFixes(document.uri, missing)).find((action) => action.command?.command === 'protocolAtlas.newNote');
    assert.strictEqual(create?.title, "Create note 'Brand New Protocol'");
    assert.deepStrictEqual(create.command?.arguments, [{ name: 'Brand New Protocol' }]);
    await waitFor('only the new protocol left', () => ourDiagnostics(document.uri, 'unresolved-body-link').length === 1);

    await vscode.workspace.getConfiguration('protocolAtlas').update('diagnostics.unresolvedBodyLinks', 'warning', vscode.ConfigurationTarget.Workspace);
    await waitFor('a warning now', () => ourDiagnostics(document.uri, 'unresolved-body-link')[0]?.severity === vscode.DiagnosticSeverity.Warning);
    await vscode.workspace.getConfiguration('protocolAtlas').update('diagnostics.unresolvedBodyLinks', 'off', vscode.ConfigurationTarget.Workspace);
    await waitFor('no body-link problems when off', () => ourDiagnostics(document.uri, 'unresolved-body-link').length === 0);
  });

  it('parses an open note once per version, whichever features ask', async () => {
    const document = await openNote('middleware/eliza.md');
    const { service } = await atlasInternals();
    const position = positionOf(document, '[[Akash]] and keeping', 3);
    await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
    const first = service.parsed(document);
    await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, position);
    await vscode.commands.executeCommand('vscode.executeLinkProvider', document.uri);
    await vscode.commands.executeCommand('vscode.executeReferenceProvider', document.uri, position);
    assert.strictEqual(service.parsed(document), first, 'the same parse');
    await typeOver(document, '[[Akash]] and keeping', '[[Akash]] and still keeping');
    assert.notStrictEqual(service.parsed(document), first, 'a new version, a new parse');
    assert.ok(service.documents.size <= 32);
  });
});
