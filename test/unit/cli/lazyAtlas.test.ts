// The CLI pays only for what a command prints: `graph`, `report` and `check` never build the search
// index, `check` computes no verdict and no exposure; and an atlas whose search is built late still
// finds what was edited before and after.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { Atlas } from '../../../src/core/atlas';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import { ProtocolSearch } from '../../../src/core/search/protocolSearch';

const EXAMPLES = path.resolve(__dirname, '../../../examples/deepseek-2025');

const silent = { out: () => {}, err: () => {} };

/** Counts calls of `object[name]` while `body` runs. */
function counting<T extends object>(object: T, name: keyof T & string, body: () => void): number {
  const original = object[name] as (...args: unknown[]) => unknown;
  let calls = 0;
  (object as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  };
  try {
    body();
  } finally {
    (object as Record<string, unknown>)[name] = original;
  }
  return calls;
}

const note = (name: string, layer = 'infrastructure', category = 'compute', dependsOn: string[] = []) =>
  `---\nprotocol: ${name}\nlayer: ${layer}\ncategory: ${category}\ndepends_on: [${dependsOn.join(', ')}]\n---\n`;

describe('what each command computes', () => {
  for (const argv of [['graph', EXAMPLES], ['report', EXAMPLES], ['report', EXAMPLES, '--json'], ['check', EXAMPLES]]) {
    it(`${argv.join(' ').replace(EXAMPLES, '<examples>')} builds no search index`, () => {
      const built = counting(ProtocolSearch.prototype, 'set', () => assert.equal(runCli(argv, silent), 0));
      assert.equal(built, 0);
    });
  }

  it('search builds it, and finds', () => {
    let out = '';
    const built = counting(ProtocolSearch.prototype, 'set', () => runCli(['search', EXAMPLES, 'btensr', '--json'], { out: (text) => (out += text), err: () => {} }));
    assert.ok(built >= 20);
    assert.equal(JSON.parse(out)[0].name, 'Bittensor');
  });

  it('check evaluates no verdict and computes no exposure', () => {
    // A verdict starts from the protocol's fields; exposure from the atlas's table.
    const exposures = counting(Atlas.prototype, 'exposure', () => {
      const protocols = counting(ProtocolIndex.prototype, 'protocol', () => assert.equal(runCli(['check', EXAMPLES], silent), 0));
      assert.equal(protocols, 0);
    });
    assert.equal(exposures, 0);
    // The same counters do see a report's work.
    assert.ok(counting(Atlas.prototype, 'exposure', () => runCli(['report', EXAMPLES], silent)) >= 20);
  });
});

describe('the atlas computes search and exposure on first use and keeps them in step', () => {
  it('a search built after edits finds them, and follows edits made after it was built', () => {
    const index = new ProtocolIndex();
    index.set('io.md', note('io.net'));
    const atlas = new Atlas({ index });
    index.set('akash.md', note('Akash'));
    assert.deepEqual(atlas.search.search('akash').map((result) => result.id), ['akash.md']);
    index.set('render.md', note('Render'));
    index.delete('akash.md');
    assert.deepEqual(atlas.search.search('render').map((result) => result.id), ['render.md']);
    assert.deepEqual(atlas.search.search('akash'), []);
    assert.equal(atlas.search.size, 2);
  });

  it('exposure follows an edit: count, nearest paths and the summary from the same pass', () => {
    const index = new ProtocolIndex();
    index.set('io.md', note('io.net'));
    index.set('akash.md', note('Akash'));
    index.set('eliza.md', note('Eliza', 'middleware', 'agent-framework', ['io.net']));
    index.set('app.md', note('Pilot', 'application', 'defai', ['Eliza']));
    const atlas = new Atlas({ index });
    assert.deepEqual(atlas.exposure('app.md').nearest.map((each) => each.path), [['app.md', 'eliza.md', 'io.md']]);
    index.set('eliza.md', note('Eliza', 'middleware', 'agent-framework', ['io.net', 'Akash']));
    const { count, nearest } = atlas.exposure('app.md');
    assert.equal(count, 2);
    assert.deepEqual(nearest.map((each) => each.path), [['app.md', 'eliza.md', 'akash.md'], ['app.md', 'eliza.md', 'io.md']]);
    assert.deepEqual(atlas.exposure('app.md', 1).nearest, nearest.slice(0, 1));
    assert.deepEqual(atlas.exposureCounts().get('app.md'), { count: 2, nearest: nearest[0] });
    assert.equal(atlas.exposure('app.md', Infinity).nearest.length, 2);
    assert.deepEqual(atlas.exposure('missing.md'), { count: 0, nearest: [] });
  });
});
