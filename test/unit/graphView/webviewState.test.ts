// The graph app's state and keyboard navigation, on the same model the extension sends.
import * as assert from 'assert';
import { Atlas } from '../../../src/core/atlas';
import { exposureHighlight, graphSearch } from '../../../src/core/present/graphQueries';
import { buildGraphView, diffGraphView } from './wholeView';
import { nextInDirection } from '../../../webview/navigation';
import { GraphState, MAX_STRETCH } from '../../../webview/graphState';

const note = (name: string, layer: string, category: string, dependsOn: string[] = []): string =>
  `---\nprotocol: ${name}\nlayer: ${layer}\ncategory: ${category}\ndepends_on: [${dependsOn.join(', ')}]\n---\n`;

function example(): Atlas {
  const atlas = new Atlas();
  atlas.index.build([
    { path: 'i/io.md', text: note('io.net', 'infrastructure', 'compute') },
    { path: 'i/akash.md', text: note('Akash', 'infrastructure', 'compute') },
    { path: 'i/arweave.md', text: note('Arweave', 'infrastructure', 'storage') },
    { path: 'm/eliza.md', text: note('Eliza', 'middleware', 'agent-framework', ['io.net']) },
    { path: 'a/scout.md', text: note('Ledger Scout', 'application', 'ai-agents', ['Eliza', 'Arweave']) },
  ]);
  return atlas;
}

describe('graph app state', () => {
  it('filters by layer, verdict and category', () => {
    const atlas = example();
    const state = new GraphState();
    state.load(buildGraphView(atlas));
    const visible = () => state.graph.filterNodes((id) => !state.isHidden(id)).sort();
    assert.strictEqual(visible().length, 5);
    state.hiddenLayers.add('infrastructure');
    assert.deepStrictEqual(visible(), ['a/scout.md', 'm/eliza.md']);
    state.hiddenLayers.clear();
    state.category = 'compute';
    assert.deepStrictEqual(visible(), ['i/akash.md', 'i/io.md']);
    state.category = '';
    state.hiddenVerdicts.clear();
    const ioVerdict = atlas.verdictOf('i/io.md').value;
    state.hiddenVerdicts.add(ioVerdict);
    assert.ok(state.isHidden('i/io.md'));
  });

  it("hides what the core's search does not match, keeps the last answer until the next, and drops stale ones", () => {
    const atlas = example();
    const state = new GraphState();
    state.load(buildGraphView(atlas));
    const visible = () => state.graph.filterNodes((id) => !state.isHidden(id)).sort();
    const answer = (query: string) => state.searchAnswered(query, graphSearch(atlas, query) ?? null);
    state.setSearch('elzia');
    assert.strictEqual(visible().length, 5, 'nothing is hidden before the answer');
    assert.ok(answer('elzia'));
    assert.deepStrictEqual(visible(), ['m/eliza.md'], 'a typo finds Eliza');
    assert.strictEqual(state.shownTotal, 1);
    assert.deepStrictEqual([...state.shownByLayer], [['middleware', 1]]);
    state.setSearch('storage');
    assert.deepStrictEqual(visible(), ['m/eliza.md'], 'the previous matches stay until the new answer');
    assert.ok(!answer('elzia'), 'an answer to an older query is dropped');
    assert.ok(answer('storage'));
    assert.deepStrictEqual(visible(), ['i/arweave.md'], 'a category matches');
    state.setSearch('qqxzqq');
    answer('qqxzqq');
    assert.strictEqual(state.matchCount, 0, 'the answered query matched nothing');
    assert.strictEqual(state.shownTotal, 0);
    state.setSearch('');
    assert.strictEqual(visible().length, 5, 'a cleared box hides nothing at once');
    assert.strictEqual(state.matchCount, undefined, 'no query, no count');
  });

  it("lights the selection, its neighbours and the exposure routes the extension sends, for the selection only", () => {
    const atlas = example();
    const state = new GraphState();
    state.load(buildGraphView(atlas));
    const lit = () => [...state.exposureEdges].map((edge) => state.graph.extremities(edge).join(' -> ')).sort();
    state.select('a/scout.md');
    for (const neighbour of ['m/eliza.md', 'i/arweave.md']) assert.ok(state.highlightedNodes.has(neighbour));
    assert.deepStrictEqual(lit(), [], 'no exposure of its own making before the answer');
    const { count, routes } = exposureHighlight(atlas, 'a/scout.md');
    assert.ok(!state.exposureAnswered('m/eliza.md', count, routes), 'an answer for another protocol is dropped');
    assert.ok(state.exposureAnswered('a/scout.md', count, routes));
    const expected = atlas.exposureOf('a/scout.md').flatMap(({ path }) => path.slice(1).map((to, i) => `${path[i]} -> ${to}`));
    assert.ok(expected.length > 0);
    assert.deepStrictEqual(lit(), [...new Set(expected)].sort());
    state.select(undefined);
    assert.strictEqual(state.highlightedNodes.size, 0);
    assert.strictEqual(state.exposureEdges.size, 0);
  });

  it('applies a patch in place: an added edge, a removed protocol, the selection dropped with it', () => {
    const atlas = example();
    const state = new GraphState();
    const before = buildGraphView(atlas);
    state.load(before);
    state.select('i/akash.md');
    atlas.index.batch(() => {
      atlas.index.set('i/arweave.md', note('Arweave', 'infrastructure', 'storage', ['io.net']));
      atlas.index.delete('i/akash.md');
    });
    state.patch(diffGraphView(before, buildGraphView(atlas)));
    assert.ok(state.graph.hasEdge('i/arweave.md', 'i/io.md'));
    assert.ok(!state.graph.hasNode('i/akash.md'));
    assert.strictEqual(state.selected, undefined);
  });

  it('stretches the layout upwards to a narrow view, within bounds, and keeps the stretch through a patch', () => {
    const atlas = example();
    const state = new GraphState();
    const before = buildGraphView(atlas);
    state.load(before);
    const layoutY = new Map(before.nodes.map((node) => [node.id, node.y]));
    assert.strictEqual(state.stretchFor(state.width * 4, state.height), 1, 'a wide view needs no stretch');
    const wanted = state.stretchFor(200, 600);
    assert.ok(wanted > 1 && wanted <= MAX_STRETCH, `a narrow view stretches: ${wanted}`);
    assert.strictEqual(state.stretchFor(1, 10000), MAX_STRETCH, 'and never beyond the bound');
    assert.ok(state.setStretch(wanted));
    assert.ok(!state.setStretch(wanted * 1.01), 'a change of 1% moves nothing');
    state.graph.forEachNode((id, node) => assert.ok(Math.abs(node.y - layoutY.get(id)! * wanted) < 1e-9, `${id} is stretched`));
    assert.deepStrictEqual(state.bands.map((band) => band.y), before.bands.map((band) => band.y * wanted));
    assert.ok(Math.abs(state.height - before.height * wanted) < 1e-9);
    // Every protocol stays inside its band, and left-to-right order is kept.
    for (const band of state.bands) {
      state.graph.forEachNode((_id, node) => {
        if (node.layer === band.layer) assert.ok(Math.abs(node.y - band.y) <= band.height / 2 + 1e-9);
      });
    }
    atlas.index.set('i/storj.md', note('Storj', 'infrastructure', 'storage'));
    const after = buildGraphView(atlas);
    state.patch(diffGraphView(before, after));
    const storj = after.nodes.find((node) => node.id === 'i/storj.md')!;
    assert.ok(Math.abs(state.graph.getNodeAttribute('i/storj.md', 'y') - storj.y * wanted) < 1e-9, 'a patched protocol is stretched too');
    assert.ok(state.setStretch(1));
    state.graph.forEachNode((id, node) => assert.strictEqual(node.y, node.layoutY, `${id} is back at the layout's y`));
  });

  it('restores saved filters and ignores a malformed saved state', () => {
    const state = new GraphState();
    const camera = state.restore({ hiddenLayers: ['model', 3], category: 'compute', camera: { x: 0.4, y: 0.6, ratio: 0.5, angle: 0 } });
    assert.deepStrictEqual([...state.hiddenLayers], ['model']);
    assert.strictEqual(state.category, 'compute');
    assert.deepStrictEqual(camera, { x: 0.4, y: 0.6, ratio: 0.5, angle: 0 });
    assert.strictEqual(state.restore({ camera: { x: 'a', ratio: -1 } }), undefined);
    assert.strictEqual(state.restore('nonsense'), undefined);
  });
});

describe('keyboard navigation', () => {
  it('starts at the top and moves to the nearest visible protocol in each direction', () => {
    const state = new GraphState();
    state.load(buildGraphView(example()));
    const start = nextInDirection(state, undefined, 'down');
    assert.strictEqual(start, 'a/scout.md', 'application, the top band, first');
    const down = nextInDirection(state, start, 'down')!;
    assert.strictEqual(state.graph.getNodeAttribute(down, 'layer'), 'middleware');
    const bottom = nextInDirection(state, down, 'down')!;
    assert.strictEqual(state.graph.getNodeAttribute(bottom, 'layer'), 'infrastructure');
    const right = nextInDirection(state, bottom, 'right');
    const left = nextInDirection(state, bottom, 'left');
    assert.ok(right === undefined || state.graph.getNodeAttribute(right, 'x') > state.graph.getNodeAttribute(bottom, 'x'));
    assert.ok(left === undefined || state.graph.getNodeAttribute(left, 'x') < state.graph.getNodeAttribute(bottom, 'x'));
    assert.ok(right !== undefined || left !== undefined, 'three protocols in the band: one is beside it');
    assert.strictEqual(nextInDirection(state, start, 'up'), undefined, 'nothing above the top band');
  });

  it('skips hidden protocols', () => {
    const state = new GraphState();
    state.load(buildGraphView(example()));
    state.hiddenLayers.add('middleware');
    const below = nextInDirection(state, 'a/scout.md', 'down')!;
    assert.strictEqual(state.graph.getNodeAttribute(below, 'layer'), 'infrastructure');
  });
});
