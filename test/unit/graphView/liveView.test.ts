// The graph webview's model kept from the change detail: each patch, applied as the webview
// applies it, must give exactly the model a full build makes with the same (kept) positions,
// and an ordinary edit must resend only what it changed.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Atlas, defaultFramework } from '../../../src/core/atlas';
import type { Framework } from '../../../src/core/framework';
import { LiveGraphView } from '../../../src/core/present/liveGraphView';
import { applyGraphPatch, buildGraphView } from './wholeView';
import { isExtensionMessage, type GraphModel } from '../../../src/webviewProtocol';

const note = (name: string, layer: string, category: string | undefined, dependsOn: string[] = []): string =>
  `---\nprotocol: ${JSON.stringify(name)}\nlayer: ${layer}\n${category ? `category: ${category}\n` : ''}depends_on: [${dependsOn.map((d) => JSON.stringify(d)).join(', ')}]\n---\n\n# ${name}\n`;

function exampleAtlas(): Atlas {
  const atlas = new Atlas();
  atlas.index.build([
    { path: 'infrastructure/io-net.md', text: note('io.net', 'infrastructure', 'compute') },
    { path: 'infrastructure/akash.md', text: note('Akash', 'infrastructure', 'compute') },
    { path: 'infrastructure/arweave.md', text: note('Arweave', 'infrastructure', 'storage') },
    { path: 'middleware/eliza.md', text: note('Eliza', 'middleware', 'agent-framework', ['io.net']) },
    { path: 'application/pilot.md', text: note('Yield Pilot', 'application', 'defai', ['Eliza', 'Arweave']) },
    { path: 'application/scout.md', text: note('Ledger Scout', 'application', 'ai-agents') },
  ]);
  return atlas;
}

function live(atlas: Atlas): LiveGraphView {
  const view = new LiveGraphView(atlas);
  atlas.onDidChange((change) => view.noteChange(change));
  return view;
}

const sortedEdges = (model: GraphModel): GraphModel => ({
  ...model,
  edges: [...model.edges].sort((a, b) => (a.source + a.target < b.source + b.target ? -1 : 1)),
});

describe('live graph view', () => {
  it('starts as the full build', () => {
    const atlas = exampleAtlas();
    assert.deepEqual(sortedEdges(live(atlas).model()), sortedEdges(buildGraphView(atlas)));
  });

  it('sends one node and one edge for a typed dependency, and no other protocol', () => {
    const atlas = exampleAtlas();
    const view = live(atlas);
    const before = view.model();
    atlas.index.set('application/scout.md', note('Ledger Scout', 'application', 'ai-agents', ['Akash']));
    const patch = view.takePatch();
    assert.ok(patch);
    assert.deepEqual(patch.edgesAdded, [{ source: 'application/scout.md', target: 'infrastructure/akash.md' }]);
    assert.deepEqual(patch.edgesRemoved, []);
    assert.deepEqual(patch.upserted.map((node) => node.id), ['application/scout.md'], 'its exposure changed, nothing else did');
    assert.equal(patch.upserted[0].exposure.count, 1);
    const scoutBefore = before.nodes.find((node) => node.id === 'application/scout.md');
    assert.deepEqual([patch.upserted[0].x, patch.upserted[0].y], [scoutBefore?.x, scoutBefore?.y], 'a changed dependency moves nothing');
    assert.ok(isExtensionMessage({ type: 'patch', patch }));
    assert.equal(view.takePatch(), undefined, 'nothing left to send');
  });

  it('recolours everything on a framework switch, keeping positions', () => {
    const atlas = exampleAtlas();
    const view = live(atlas);
    const before = view.model();
    const framework: Framework = {
      id: 'all-good',
      title: 'All good',
      source: { article: 'a', author: 'b', date: 'c' },
      rules: [{ id: 'infra', match: { layer: 'infrastructure' }, verdict: 'positive', rationale: 'Cheap compute helps.', section: '1' }],
    };
    atlas.setFramework(framework);
    const patch = view.takePatch();
    assert.deepEqual(patch?.framework, { id: 'all-good', title: 'All good' });
    assert.equal(patch?.upserted.find((node) => node.id === 'infrastructure/io-net.md')?.verdict.value, 'positive');
    for (const node of patch?.upserted ?? []) {
      const old = before.nodes.find((each) => each.id === node.id);
      assert.deepEqual([node.x, node.y], [old?.x, old?.y]);
    }
  });

  it('after any edits, the patched model equals a full build with the kept positions (property)', () => {
    const names = ['io.net', 'Akash', 'Eliza', 'Pilot', 'Scout', 'Zeta', 'Grass'];
    const layers = ['infrastructure', 'middleware', 'model', 'application', 'unclassified'];
    const categories = [undefined, 'compute', 'storage', 'agent-framework', 'defai'];
    const paths = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'];
    const edit = fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant('set' as const),
          path: fc.constantFrom(...paths),
          name: fc.constantFrom(...names),
          layer: fc.constantFrom(...layers),
          category: fc.constantFrom(...categories),
          dependsOn: fc.subarray(names, { maxLength: 3 }),
        }),
        weight: 4,
      },
      fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths) }),
      fc.record({ kind: fc.constant('framework' as const) }),
    );
    const other: Framework = {
      id: 'other',
      title: 'Other',
      source: { article: 'a', author: 'b', date: 'c' },
      rules: [{ id: 'mw', match: { layer: 'middleware' }, verdict: 'negative', rationale: 'Squeezed.', section: '2' }],
    };
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (setup, bursts) => {
        const atlas = new Atlas();
        const apply = (step: (typeof setup)[number]): void => {
          if (step.kind === 'set') atlas.index.set(step.path, note(step.name, step.layer, step.category, step.dependsOn));
          else if (step.kind === 'delete') atlas.index.delete(step.path);
          else atlas.setFramework(atlas.framework.id === 'other' ? defaultFramework() : other);
        };
        setup.forEach(apply);
        const view = live(atlas);
        let shown = view.model();
        for (const burst of bursts) {
          burst.forEach(apply); // several changes before one patch, as a burst of events gives
          const patch = view.takePatch();
          if (patch) {
            assert.ok(isExtensionMessage({ type: 'patch', patch }));
            shown = applyGraphPatch(shown, patch);
          }
          assert.deepEqual(sortedEdges(shown), sortedEdges(buildGraphView(atlas, view.layoutSnapshot())));
        }
      }),
      { numRuns: 300 },
    );
  });
});
