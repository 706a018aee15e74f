// Each kind of problem in a note appears in the Problems panel on the right line, follows the
// researcher's typing, goes away with its note, and its quick fix repairs it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { atlasInternals, openNote, ourDiagnostics, positionOf, rangeOf, revertAll, typeOver, waitFor, workspaceUri } from './noteEditing';

const FOLDER = 'zz-diagnostics';

async function writeNote(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(`${FOLDER}/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function diagnosticOn(uri: vscode.Uri, code: string, line: number): Promise<vscode.Diagnostic> {
  return waitFor(`a ${code} diagnostic on line ${line + 1} of ${uri.path}`, () =>
    ourDiagnostics(uri, code).find((each) => each.range.start.line === line),
  );
}

/** The quick fixes offered on the diagnostic's range (asked again while the editor is still opening). */
async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return waitFor(`quick fixes for ${diagnostic.code}`, async () => {
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return actions.length > 0 ? actions : undefined;
    } catch {
      return undefined;
    }
  });
}

describe('Diagnostics and quick fixes', function () {
  this.timeout(20000);

  before(async () => {
    await atlasInternals();
  });

  afterEach(revertAll);

  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true, useTrash: false });
    await (await atlasInternals()).service.settled();
  });

  it('shows an unknown layer on its line, and the quick fix changes it to the closest layer', async () => {
    const uri = await writeNote('unknown-layer.md', '---\nprotocol: Layer Typo\nlayer: middlware\ncategory: data\n---\n# Layer Typo\n');
    const diagnostic = await diagnosticOn(uri, 'unknown-layer', 2);
    assert.deepStrictEqual([diagnostic.range.start.character, diagnostic.range.end.character], [7, 16]);
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    const document = await openNote(`${FOLDER}/unknown-layer.md`);
    const [fix] = await quickFixes(uri, diagnostic);
    assert.ok(fix?.edit, 'a quick fix with an edit');
    assert.strictEqual(fix.title, 'Change layer to "middleware"');
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(document.lineAt(2).text, 'layer: middleware');
    assert.ok(document.isDirty, 'the fix is an unsaved, undoable edit');
    await waitFor('the diagnostic to clear as the buffer changes', () => ourDiagnostics(uri, 'unknown-layer').length === 0);
  });

  it('shows an unknown category, fixed to the closest category of the layer', async () => {
    const uri = await writeNote('unknown-category.md', '---\nprotocol: Category Typo\nlayer: infrastructure\ncategory: compte\n---\n');
    const diagnostic = await diagnosticOn(uri, 'unknown-category', 3);
    const document = await openNote(`${FOLDER}/unknown-category.md`);
    const [fix] = await quickFixes(uri, diagnostic);
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(document.lineAt(3).text, 'category: compute');
    await waitFor('the diagnostic to clear', () => ourDiagnostics(uri, 'unknown-category').length === 0);
  });

  it('shows a dependency that names no note on its entry, with "Create note" and the nearest name', async () => {
    const uri = await writeNote('unresolved.md', '---\nprotocol: Unresolved Deps\nlayer: application\ndepends_on: [Akahs, Nowhere Protocol]\n---\n');
    const document = await openNote(`${FOLDER}/unresolved.md`);
    const missing = await waitFor('the Nowhere Protocol diagnostic', () =>
      ourDiagnostics(uri, 'unresolved-dependency').find((each) => each.range.isEqual(rangeOf(document, 'Nowhere Protocol'))),
    );
    const create = (await quickFixes(uri, missing)).find((action) => action.command);
    assert.strictEqual(create?.title, "Create note 'Nowhere Protocol'");
    assert.strictEqual(create?.command?.command, 'protocolAtlas.newNote');
    assert.deepStrictEqual(create?.command?.arguments, [{ name: 'Nowhere Protocol' }]);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('protocolAtlas.newNote'), 'the command the fix runs exists');

    const typo = await waitFor('the Akahs diagnostic', () =>
      ourDiagnostics(uri, 'unresolved-dependency').find((each) => each.range.isEqual(rangeOf(document, 'Akahs'))),
    );
    const change = (await quickFixes(uri, typo)).find((action) => action.title === 'Change to "Akash"');
    assert.ok(change?.edit, 'a fix to the nearest name');
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    assert.strictEqual(document.lineAt(3).text, 'depends_on: [Akash, Nowhere Protocol]');
    await waitFor('only Nowhere Protocol left unresolved', () => ourDiagnostics(uri, 'unresolved-dependency').length === 1);
  });

  it('shows an override without a reason, and the fix inserts reason: "" under impact:', async () => {
    const uri = await writeNote('override.md', '---\nprotocol: Override Only\nlayer: model\nimpact:\n    verdict: negative\ntags: [x]\n---\n');
    const diagnostic = await diagnosticOn(uri, 'override-without-reason', 4);
    const document = await openNote(`${FOLDER}/override.md`);
    const [fix] = await quickFixes(uri, diagnostic);
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(document.getText(), '---\nprotocol: Override Only\nlayer: model\nimpact:\n    verdict: negative\n    reason: ""\ntags: [x]\n---\n');
    // The researcher types the reason between the quotes; then the override counts.
    await vscode.window.activeTextEditor?.edit((builder) => builder.insert(positionOf(document, 'reason: "', 9), 'our own reading'));
    await waitFor('the diagnostic to clear once there is a reason', () => ourDiagnostics(uri, 'override-without-reason').length === 0);
  });

  it('shows invalid YAML as an error on the broken line', async () => {
    const uri = await writeNote('invalid-yaml.md', '---\nprotocol: Broken\nlayer: model\ndepends_on: [Akash, "unclosed\n---\n');
    const diagnostic = await waitFor('an invalid-yaml diagnostic', () => ourDiagnostics(uri, 'invalid-yaml')[0]);
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(diagnostic.range.start.line >= 3 && diagnostic.range.start.line <= 4, `line ${diagnostic.range.start.line + 1}`);
  });

  it('shows a name another note already has, on the protocol line of both notes', async () => {
    const uri = await writeNote('duplicate.md', '---\nprotocol: Akash\nlayer: infrastructure\n---\n');
    const diagnostic = await diagnosticOn(uri, 'duplicate-name', 1);
    assert.match(diagnostic.message, /infrastructure\/akash\.md/);
    await diagnosticOn(workspaceUri('infrastructure/akash.md'), 'duplicate-name', 1);
  });

  it('shows a dependency cycle on the entry that closes it', async () => {
    const first = await writeNote('cycle-a.md', '---\nprotocol: Cycle A\nlayer: middleware\ndepends_on: [Cycle B]\n---\n');
    await writeNote('cycle-b.md', '---\nprotocol: Cycle B\nlayer: middleware\ndepends_on: [Cycle A]\n---\n');
    const diagnostic = await diagnosticOn(first, 'dependency-cycle', 3);
    assert.match(diagnostic.message, /Cycle A → Cycle B → Cycle A/);
  });

  it('follows the unsaved buffer as the researcher types, then clears when the note is deleted', async () => {
    const document = await openNote('middleware/eliza.md');
    await typeOver(document, 'layer: middleware', 'layer: midleware');
    const started = Date.now();
    await diagnosticOn(document.uri, 'unknown-layer', positionOf(document, 'layer:').line);
    assert.ok(Date.now() - started < 1500, `shown ${Date.now() - started} ms after typing`);
    await revertAll();
    await waitFor('the diagnostic to clear after revert', () => ourDiagnostics(document.uri, 'unknown-layer').length === 0);

    const uri = await writeNote('deleted.md', '---\nprotocol: Soon Gone\nlayer: nowhere\n---\n');
    await diagnosticOn(uri, 'unknown-layer', 2);
    await vscode.workspace.fs.delete(uri);
    await waitFor('the deleted note\'s diagnostics to clear', () => ourDiagnostics(uri).length === 0);
  });
});
