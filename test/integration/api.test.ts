// The API another extension gets from activate(): only the documented, read-only members, the
// same protocols and verdicts the extension shows, and a change event. (The internals the other
// integration tests use come from the test build, outside this API.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { atlasApi, atlasInternals, waitFor, workspaceUri, writeText } from './atlasTestApi';

const PROBE = 'application/api-probe.md';

describe('The API for other extensions', () => {
  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri(PROBE)).then(undefined, () => undefined);
  });

  it('exposes only its documented members, frozen', async () => {
    const api = await atlasApi();
    assert.deepStrictEqual(Object.keys(api).sort(), ['framework', 'onDidChange', 'protocol', 'protocols', 'ready', 'version']);
    assert.strictEqual(api.version, 1);
    assert.ok(Object.isFrozen(api));
  });

  it('lists the protocols with the verdicts the extension shows, as copies', async () => {
    const api = await atlasApi();
    await api.ready;
    const { service } = await atlasInternals();
    const protocols = api.protocols();
    assert.deepStrictEqual(
      protocols.map((protocol) => vscode.workspace.asRelativePath(protocol.uri, false)),
      service.atlas.protocols().map((protocol) => protocol.path),
    );
    const eliza = api.protocol(workspaceUri('middleware/eliza.md'));
    assert.ok(eliza);
    assert.strictEqual(eliza.name, 'Eliza');
    assert.strictEqual(eliza.layer, 'middleware');
    assert.strictEqual(eliza.category, 'agent-framework');
    assert.deepStrictEqual(eliza.dependsOn.map((uri) => vscode.workspace.asRelativePath(uri, false)), ['infrastructure/akash.md', 'infrastructure/arweave.md']);
    const shown = service.atlas.verdictOf('middleware/eliza.md');
    assert.strictEqual(eliza.verdict.value, shown.value);
    assert.strictEqual(eliza.verdict.rationale, shown.rationale);
    eliza.tags.push('changed by a caller');
    eliza.verdict.value = 'negative';
    assert.deepStrictEqual(api.protocol(workspaceUri('middleware/eliza.md')), { ...eliza, tags: eliza.tags.slice(0, -1), verdict: { ...eliza.verdict, value: shown.value } });
    assert.strictEqual(api.protocol(workspaceUri('.protocol-atlas/frameworks/compute-rebound.yaml')), undefined);
    assert.strictEqual(api.protocol(workspaceUri('nowhere.md')), undefined);
  });

  it('names the active framework and tells when a note changes', async () => {
    const api = await atlasApi();
    await api.ready;
    const { frameworks } = await atlasInternals();
    assert.deepStrictEqual(api.framework, { id: frameworks.current.id, title: frameworks.current.title });
    let heard = 0;
    const subscription = api.onDidChange(() => heard++);
    try {
      await writeText(PROBE, '---\nprotocol: API Probe\nlayer: application\ndepends_on: [Eliza]\n---\n\n# API Probe\n');
      const probe = await waitFor('the new note in the API', () => api.protocol(workspaceUri(PROBE)));
      assert.ok(heard > 0, 'onDidChange fired');
      assert.deepStrictEqual(probe.dependsOn.map((uri) => vscode.workspace.asRelativePath(uri, false)), ['middleware/eliza.md']);
      await vscode.workspace.fs.delete(workspaceUri(PROBE));
      await waitFor('the deleted note to leave the API', () => api.protocol(workspaceUri(PROBE)) === undefined);
    } finally {
      subscription.dispose();
    }
  });
});
