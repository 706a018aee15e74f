// The webview's graph model and its live patches, built from a real Atlas on real note text.
import * as assert from 'assert';
import { Atlas } from '../../../src/core/atlas';
import { applyGraphPatch, buildGraphView, diffGraphView, isEmptyPatch } from './wholeView';
import type { Framework } from '../../../src/core/framework';
import { isExtensionMessage, isWebviewMessage } from '../../../src/webviewProtocol';

const note = (name: string, layer: string, category: string, dependsOn: string[] = [], extra = ''): string =>
  `---\nprotocol: ${name}\nlayer: ${layer}\ncategory: ${category}\ndepends_on: [${dependsOn.map((d) => JSON.stringify(d)).join(', ')}]\n${extra}---\n\n# ${name}\n`;

function exampleAtlas(): Atlas {
  const atlas = new Atlas();
  atlas.index.build([
    { path: 'infrastructure/io-net.md', text: note('io.net', 'infrastructure', 'compute') },
    { path: 'infrastructure/arweave.md', text: note('Arweave', 'infrastructure', 'storage') },
    { path: 'middleware/eliza.md', text: note('Eliza', 'middleware', 'agent-framework', ['io.net']) },
    { path: 'application/pilot.md', text: note('Yield Pilot', 'application', 'defai', ['Eliza', 'Arweave']) },
  ]);
  return atlas;
}

describe('graph view model', () => {
  it('has every protocol with its name, layer, verdict, position and the four bands', () => {
    const atlas = exampleAtlas();
    const model = buildGraphView(atlas);
    assert.deepStrictEqual(model.nodes.map((node) => node.name).sort(), ['Arweave', 'Eliza', 'Yield Pilot', 'io.net']);
    assert.deepStrictEqual(model.bands.map((band) => band.layer), ['infrastructure', 'middleware', 'model', 'application']);
    const io = model.nodes.find((node) => node.name === 'io.net')!;
    assert.strictEqual(io.verdict.value, atlas.verdictOf(io.id).value);
    assert.strictEqual(io.verdict.rationale, atlas.verdictOf(io.id).rationale);
    const pilot = model.nodes.find((node) => node.name === 'Yield Pilot')!;
    assert.ok(pilot.y > io.y, 'application is drawn above infrastructure');
    assert.deepStrictEqual(
      model.edges.map((edge) => `${edge.source}->${edge.target}`).sort(),
      ['application/pilot.md->infrastructure/arweave.md', 'application/pilot.md->middleware/eliza.md', 'middleware/eliza.md->infrastructure/io-net.md'],
    );
    assert.ok(isExtensionMessage({ type: 'graph', model, skipped: 0 }), 'the model passes the webview\'s own check');
  });

  it('reports exposure with the names along the path to the nearest negative protocol', () => {
    const atlas = exampleAtlas();
    const model = buildGraphView(atlas);
    const pilot = model.nodes.find((node) => node.name === 'Yield Pilot')!;
    const expected = atlas.exposureCounts().get('application/pilot.md')!;
    assert.strictEqual(pilot.exposure.count, expected.count);
    if (expected.nearest) assert.strictEqual(pilot.exposure.nearest?.[0], 'Yield Pilot');
  });

  it('marks an override and keeps its reason', () => {
    const atlas = new Atlas();
    atlas.index.build([
      { path: 'm/phala.md', text: note('Phala', 'middleware', 'tee', [], 'impact:\n  verdict: positive\n  reason: My own reading.\n') },
    ]);
    const [phala] = buildGraphView(atlas).nodes;
    assert.strictEqual(phala.override, true);
    assert.strictEqual(phala.verdict.rationale, 'My own reading.');
  });

  it('patches an added dependency as one new edge, and the patch rebuilds the new model exactly', () => {
    const atlas = exampleAtlas();
    const before = buildGraphView(atlas);
    atlas.index.set('infrastructure/arweave.md', note('Arweave', 'infrastructure', 'storage', ['io.net']));
    const after = buildGraphView(atlas);
    const patch = diffGraphView(before, after);
    assert.deepStrictEqual(patch.edgesAdded, [{ source: 'infrastructure/arweave.md', target: 'infrastructure/io-net.md' }]);
    assert.deepStrictEqual(patch.edgesRemoved, []);
    assert.ok(!patch.upserted.some((node) => node.id === 'middleware/eliza.md'), 'an untouched protocol is not resent');
    const rebuilt = applyGraphPatch(before, patch);
    assert.deepStrictEqual({ ...rebuilt, edges: [...rebuilt.edges].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) }, {
      ...after,
      edges: [...after.edges].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    });
  });

  it('patches removed and added notes', () => {
    const atlas = exampleAtlas();
    const before = buildGraphView(atlas);
    atlas.index.batch(() => {
      atlas.index.delete('middleware/eliza.md');
      atlas.index.set('model/new.md', note('New Model', 'model', 'model-network'));
    });
    const patch = diffGraphView(before, buildGraphView(atlas));
    assert.deepStrictEqual(patch.removed, ['middleware/eliza.md']);
    assert.ok(patch.upserted.some((node) => node.id === 'model/new.md'));
    assert.ok(patch.edgesRemoved.some((edge) => edge.source === 'middleware/eliza.md'));
    assert.ok(isExtensionMessage({ type: 'patch', patch }));
  });

  it('has nothing to patch when nothing changed, and recolours on a framework switch', () => {
    const atlas = exampleAtlas();
    const before = buildGraphView(atlas);
    assert.ok(isEmptyPatch(diffGraphView(before, buildGraphView(atlas))));
    const everythingPositive: Framework = {
      id: 'all-good',
      title: 'All good',
      source: { article: 'a', author: 'b', date: 'c' },
      rules: [{ id: 'infra', match: { layer: 'infrastructure' }, verdict: 'positive', rationale: 'Cheap compute helps.', section: '1' }],
    };
    atlas.setFramework(everythingPositive);
    const patch = diffGraphView(before, buildGraphView(atlas));
    assert.deepStrictEqual(patch.framework, { id: 'all-good', title: 'All good' });
    assert.strictEqual(patch.upserted.find((node) => node.id === 'infrastructure/io-net.md')?.verdict.value, 'positive');
  });
});

describe('messages from the webview', () => {
  it('accepts the known messages', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'openNote', path: 'infrastructure/io-net.md' }));
    assert.ok(isWebviewMessage({ type: 'selection', path: null }));
    assert.ok(isWebviewMessage({ type: 'search', query: 'btensr' }));
    assert.ok(isWebviewMessage({ type: 'search', query: '' }));
    assert.ok(isWebviewMessage({ type: 'exportResult', requestId: 1, dataUrl: 'data:image/png;base64,AAAA' }));
    assert.ok(isWebviewMessage({ type: 'exportResult', requestId: 1, dataUrl: 'data:image/png;base64,AAAA', scale: 1.5 }));
  });

  it("checks the extension's search and exposure answers before drawing them", () => {
    assert.ok(isExtensionMessage({ type: 'searchResult', query: 'btensr', matches: ['model/bittensor.md'] }));
    assert.ok(isExtensionMessage({ type: 'searchResult', query: '', matches: null }));
    assert.ok(isExtensionMessage({ type: 'highlight', id: 'a.md', count: 1, routes: [['a.md', 'b.md']] }));
    for (const message of [
      { type: 'searchResult', query: 'x' },
      { type: 'searchResult', query: 'x', matches: [1] },
      { type: 'highlight', id: 'a.md', count: 'many', routes: [] },
      { type: 'highlight', id: 'a.md', count: 1, routes: ['a.md'] },
    ]) {
      assert.ok(!isExtensionMessage(message), JSON.stringify(message));
    }
  });

  it('asks for a PNG with the SVG to draw and a scale from 1× to 4×', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    assert.ok(isExtensionMessage({ type: 'exportPng', requestId: 1, svg, scale: 2 }));
    assert.ok(isExtensionMessage({ type: 'exportPng', requestId: 1, svg, scale: 4 }));
    for (const message of [
      { type: 'exportPng', requestId: 1 },
      { type: 'exportPng', requestId: 1, svg, scale: 0 },
      { type: 'exportPng', requestId: 1, svg, scale: 5 },
      { type: 'exportPng', requestId: 1, svg, scale: Number.NaN },
      { type: 'exportPng', requestId: 1, svg: 42, scale: 2 },
    ]) {
      assert.ok(!isExtensionMessage(message), JSON.stringify(message));
    }
  });

  it('rejects unknown, ill-formed and smuggling messages', () => {
    for (const message of [
      null,
      'ready',
      [],
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'openNote' },
      { type: 'openNote', path: '' },
      { type: 'openNote', path: 42 },
      { type: 'openNote', path: 'x'.repeat(5000) },
      { type: 'openNote', path: 'a.md', command: 'extra' },
      { type: 'selection', path: 7 },
      { type: 'search' },
      { type: 'search', query: ['a'] },
      { type: 'search', query: 'x'.repeat(5000) },
      { type: 'search', query: 'a', limit: 5 },
      { type: 'exportResult', requestId: 1, dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' },
      { type: 'exportResult', requestId: 'x', dataUrl: null },
      { type: 'exportResult', requestId: 1, dataUrl: null, scale: 'big' },
      { type: 'exportResult', requestId: 1, dataUrl: null, scale: 40 },
    ]) {
      assert.ok(!isWebviewMessage(message), `rejected: ${JSON.stringify(message)?.slice(0, 80)}`);
    }
  });
});
