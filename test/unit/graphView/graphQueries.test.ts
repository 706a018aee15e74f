// What the graph panel asks the core: its search box's matches and a selection's red routes.
import * as assert from 'assert';
import { Atlas } from '../../../src/core/atlas';
import { MAX_LOCAL_DEPTH } from '../../../src/core/present/graphModel';
import { exposureHighlight, graphSearch, localGraph, MAX_GRAPH_QUERY_LENGTH } from '../../../src/core/present/graphQueries';

const note = (name: string, layer: string, category: string, dependsOn: string[] = [], extra = ''): string =>
  `---\nprotocol: ${name}\nlayer: ${layer}\ncategory: ${category}\ndepends_on: [${dependsOn.join(', ')}]\n${extra}---\n`;

describe('graph queries', () => {
  it('searches as Search Protocols… does: typos, aliases and categories; a blank box hides nothing', () => {
    const atlas = new Atlas();
    atlas.index.build([
      { path: 'm/bittensor.md', text: note('Bittensor', 'model', 'model-training', [], 'aliases: [TAO]\n') },
      { path: 'i/io.md', text: note('io.net', 'infrastructure', 'compute') },
      { path: 'i/akash.md', text: note('Akash', 'infrastructure', 'compute') },
    ]);
    assert.deepStrictEqual(graphSearch(atlas, 'btensr'), ['m/bittensor.md']);
    assert.deepStrictEqual(graphSearch(atlas, 'TAO'), ['m/bittensor.md']);
    assert.deepStrictEqual(graphSearch(atlas, 'compute')?.sort(), ['i/akash.md', 'i/io.md']);
    assert.deepStrictEqual(graphSearch(atlas, 'qqxzqq'), []);
    assert.strictEqual(graphSearch(atlas, '   '), undefined);
    assert.deepStrictEqual(graphSearch(atlas, 'Bittensor' + ' '.repeat(MAX_GRAPH_QUERY_LENGTH * 10) + 'x'), ['m/bittensor.md'], 'a huge query is cut, not searched whole');
    atlas.dispose();
  });

  it('lights the route the Protocols view names when two are equally short, whatever the notes list first', () => {
    const atlas = new Atlas();
    // The app lists Zeta before Alpha; both reach io.net (negative for compute) in two steps.
    atlas.index.build([
      { path: 'a/app.md', text: note('App', 'application', 'ai-agents', ['Zeta', 'Alpha']) },
      { path: 'm/zeta.md', text: note('Zeta', 'middleware', 'agent-framework', ['io.net']) },
      { path: 'm/alpha.md', text: note('Alpha', 'middleware', 'agent-framework', ['io.net']) },
      { path: 'i/io.md', text: note('io.net', 'infrastructure', 'compute') },
    ]);
    assert.strictEqual(atlas.verdictOf('i/io.md').value, 'negative');
    const named = atlas.exposureCounts().get('a/app.md')!.nearest!.path;
    const { count, routes } = exposureHighlight(atlas, 'a/app.md');
    assert.strictEqual(count, 1);
    assert.deepStrictEqual(routes, [named]);
    assert.deepStrictEqual(routes[0], ['a/app.md', 'm/alpha.md', 'i/io.md'], 'ties go by note path, as everywhere in the core');
    atlas.dispose();
  });

  it('bounds the routes for a protocol exposed to many, nearest first, the named ones first', () => {
    const atlas = new Atlas();
    const notes = [{ path: 'a/app.md', text: note('App', 'application', 'ai-agents', ['Hub', ...Array.from({ length: 30 }, (_, i) => `Near ${i}`)]) }];
    notes.push({ path: 'm/hub.md', text: note('Hub', 'middleware', 'agent-framework', Array.from({ length: 90 }, (_, i) => `Far ${i}`)) });
    for (let i = 0; i < 30; i++) notes.push({ path: `i/near-${String(i).padStart(2, '0')}.md`, text: note(`Near ${i}`, 'infrastructure', 'compute') });
    for (let i = 0; i < 90; i++) notes.push({ path: `i/far-${String(i).padStart(2, '0')}.md`, text: note(`Far ${i}`, 'infrastructure', 'compute') });
    atlas.index.build(notes);
    const { count, routes } = exposureHighlight(atlas, 'a/app.md', 50);
    assert.strictEqual(count, 120);
    assert.strictEqual(routes.length, 50);
    const named = atlas.exposure('a/app.md').nearest.map((exposure) => exposure.path);
    assert.deepStrictEqual(routes.slice(0, named.length), named);
    assert.strictEqual(new Set(routes.map((route) => route[route.length - 1])).size, 50, 'one route per negatively affected protocol');
    assert.ok(routes.slice(0, 30).every((route) => route.length === 2), 'the thirty direct ones first');
    for (const route of routes) {
      assert.strictEqual(route[0], 'a/app.md');
      for (let i = 1; i < route.length; i++) assert.ok(atlas.index.graph.hasEdge(route[i - 1], route[i]), `${route[i - 1]} → ${route[i]} is a dependency`);
    }
    assert.deepStrictEqual(exposureHighlight(atlas, 'i/near-00.md'), { count: 0, routes: [] });
    atlas.dispose();
  });

  it('gives the local graph of a protocol: what it depends on, what depends on it, or both, to a depth', () => {
    const atlas = new Atlas();
    // app → eliza → akash → eth, and goat ↔ eliza (a cycle), plus an unrelated note.
    atlas.index.build([
      { path: 'a/app.md', text: note('App', 'application', 'ai-agents', ['Eliza']) },
      { path: 'm/eliza.md', text: note('Eliza', 'middleware', 'agent-framework', ['Akash', 'GOAT']) },
      { path: 'm/goat.md', text: note('GOAT', 'middleware', 'agent-framework', ['Eliza']) },
      { path: 'i/akash.md', text: note('Akash', 'infrastructure', 'compute', ['Ethereum']) },
      { path: 'i/eth.md', text: note('Ethereum', 'infrastructure', 'l1') },
      { path: 'i/other.md', text: note('Other', 'infrastructure', 'storage') },
    ]);
    const sorted = (paths: string[] | undefined): string[] | undefined => paths?.sort();
    assert.deepStrictEqual(sorted(localGraph(atlas, 'm/eliza.md', 1, 'both')), ['a/app.md', 'i/akash.md', 'm/eliza.md', 'm/goat.md']);
    assert.deepStrictEqual(sorted(localGraph(atlas, 'm/eliza.md', 1, 'dependencies')), ['i/akash.md', 'm/eliza.md', 'm/goat.md']);
    assert.deepStrictEqual(sorted(localGraph(atlas, 'm/eliza.md', 1, 'dependents')), ['a/app.md', 'm/eliza.md', 'm/goat.md']);
    assert.deepStrictEqual(sorted(localGraph(atlas, 'm/eliza.md', 2, 'dependencies')), ['i/akash.md', 'i/eth.md', 'm/eliza.md', 'm/goat.md']);
    assert.deepStrictEqual(sorted(localGraph(atlas, 'i/eth.md', 3, 'dependents')), ['a/app.md', 'i/akash.md', 'i/eth.md', 'm/eliza.md', 'm/goat.md']);
    assert.deepStrictEqual(localGraph(atlas, 'i/other.md', 3, 'both'), ['i/other.md'], 'an unconnected protocol is its own local graph');
    assert.deepStrictEqual(localGraph(atlas, 'i/eth.md', 0, 'both'), ['i/eth.md']);
    assert.strictEqual(localGraph(atlas, 'nowhere.md', 1, 'both'), undefined);
    atlas.dispose();
  });

  it('keeps a local graph linear on a long chain, and caps its depth', () => {
    const atlas = new Atlas();
    const count = 2000;
    atlas.index.build(Array.from({ length: count }, (_, i) => ({ path: `c/${i}.md`, text: note(`Step ${i}`, 'middleware', 'agent-framework', i > 0 ? [`Step ${i - 1}`] : []) })));
    assert.strictEqual(localGraph(atlas, 'c/1000.md', 1000, 'both')?.length, 2 * MAX_LOCAL_DEPTH + 1);
    assert.strictEqual(localGraph(atlas, 'c/0.md', 3, 'dependents')?.length, 4);
    atlas.dispose();
  });
});
