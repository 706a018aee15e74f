// What a researcher types and what must come first, over the article's protocols alone and
// hidden among 10,000 synthetic names.
import * as assert from 'node:assert/strict';
import { ProtocolSearch, type SearchMatch, type SearchResult } from '../../../src/core/search/protocolSearch';
import { tierScore } from '../../../src/core/search/scoring';
import { crowd, REALISTIC } from './fixtures';

const idOf = (name: string): string => {
  const entry = REALISTIC.find((candidate) => candidate.name === name);
  assert.ok(entry, `fixture has ${name}`);
  return entry.id;
};

/** The characters a match highlights, lower-cased, in order. */
const highlighted = (match: SearchMatch): string =>
  match.ranges.map(([start, end]) => match.value.slice(start, end)).join('').toLowerCase();

const matchOn = (result: SearchResult | undefined, field: SearchMatch['field']): SearchMatch | undefined =>
  result?.matches.find((match) => match.field === field);

const sets: Array<[string, () => ProtocolSearch]> = [
  ['the article protocols', () => new ProtocolSearch(REALISTIC)],
  ['the article protocols among 10,000 synthetic names', () => new ProtocolSearch(crowd())],
];

for (const [label, build] of sets) {
  describe(`protocol search quality: ${label}`, function () {
    this.timeout(60_000);
    let search: ProtocolSearch;
    before(() => {
      search = build();
    });

    const first = (query: string, name: string): SearchResult => {
      const [top] = search.search(query);
      assert.equal(top?.name, name, `"${query}" should find ${name} first, got ${top?.name}`);
      return top;
    };

    it('finds a dropped-vowel abbreviation: "btensr" -> Bittensor, highlighting b, t, ens, r', () => {
      const top = first('btensr', 'Bittensor');
      const name = matchOn(top, 'name');
      assert.ok(name);
      assert.equal(highlighted(name), 'btensr');
      assert.deepEqual(name.ranges, [[0, 1], [2, 3], [4, 7], [8, 9]]);
    });

    it('finds swapped letters: "bittnesor" -> Bittensor', () => {
      const top = first('bittnesor', 'Bittensor');
      const name = matchOn(top, 'name');
      assert.ok(name && name.ranges.length > 0);
      assert.ok(highlighted(name).length >= 7, 'most letters highlighted');
    });

    // The uFuzzy passes keep the first letter, allow one slip a word and refuse a letter three
    // times over; only fuse.js finds these, and the score band says it did (bench/search.ts
    // counts how many such typos only this pass puts first).
    for (const [query, name, typo] of [
      ['vittensor', 'Bittensor', 'a wrong first letter (a neighbouring key)'],
      ['gilecoin', 'Filecoin', 'a wrong first letter'],
      ['qutonolas', 'Olas', 'a wrong first letter in an alias (Autonolas)'],
      ['bitttensor', 'Bittensor', 'a key held down'],
      ['bitensro', 'Bittensor', 'a dropped letter and a swap in one word'],
      ['ledgerscuot', 'Ledger Scout', 'two words run together, with a swap'],
      ['hivemindesk', 'Hivemind Desk', 'two words run together, one letter for both'],
      ['yieldpilto', 'Yield Pilot', 'two words run together, with a swap'],
      ['rendernetwrok', 'Render', 'an alias run together, with a swap (Render Network)'],
    ]) {
      it(`finds through the fuse.js fallback ${typo}: "${query}" -> ${name}`, () => {
        const top = first(query, name);
        assert.ok(top.score <= tierScore('fallback'), `found by the fallback (score ${top.score})`);
      });
    }

    it('ignores punctuation in names: "ionet" -> io.net, highlighting "io" and "net"', () => {
      const top = first('ionet', 'io.net');
      assert.deepEqual(matchOn(top, 'name')?.ranges, [[0, 2], [3, 6]]);
      first('fetchai', 'Fetch.ai');
    });

    it('ranks an exact alias first: "TAO" -> Bittensor, "fet" -> Fetch.ai, "AKT" -> Akash', () => {
      const tao = first('TAO', 'Bittensor');
      assert.deepEqual(matchOn(tao, 'alias'), { field: 'alias', value: 'TAO', ranges: [[0, 3]] });
      first('tao', 'Bittensor');
      first('fet', 'Fetch.ai');
      first('AKT', 'Akash');
      first('RNDR', 'Render');
    });

    it('finds multi-word aliases and names, and abbreviations of them', () => {
      first('render network', 'Render');
      first('rendr', 'Render');
      first('ai16z', 'Eliza');
      first('elizaos', 'Eliza');
      first('autonolas', 'Olas');
      first('ledger scout', 'Ledger Scout');
    });

    it('lists a category\'s protocols for "compute", with the category highlighted', () => {
      const results = search.search('compute', Infinity);
      for (const name of ['Render', 'Akash', 'io.net']) {
        const result = results.find((candidate) => candidate.id === idOf(name));
        assert.ok(result, `compute lists ${name}`);
        assert.deepEqual(matchOn(result, 'category'), { field: 'category', value: 'compute', ranges: [[0, 7]] });
      }
    });

    it('matches a layer by its beginning: "infra" highlights "infra" in infrastructure', () => {
      const results = search.search('infra', Infinity);
      assert.ok(results.length >= 9);
      for (const result of results) {
        assert.deepEqual(matchOn(result, 'layer'), { field: 'layer', value: 'infrastructure', ranges: [[0, 5]] });
      }
      const ids = new Set(results.map((result) => result.id));
      for (const entry of REALISTIC.filter((candidate) => candidate.layer === 'infrastructure')) assert.ok(ids.has(entry.id));
    });

    it('matches categories and layers from a word start only: "ture" and "vacy" list nothing', () => {
      assert.deepEqual(search.search('ture', Infinity).filter((result) => matchOn(result, 'layer')), []);
      assert.deepEqual(search.search('vacy', Infinity).filter((result) => matchOn(result, 'category')), []);
      assert.ok(search.search('training', Infinity).some((result) => matchOn(result, 'category')?.value === 'model-training'));
    });

    it('finds agent frameworks by the category words', () => {
      const names = new Set(search.search('agent framework', Infinity).map((result) => result.name));
      for (const name of ['Eliza', 'ARC', 'Swarms']) assert.ok(names.has(name), `lists ${name}`);
    });

    for (const junk of ['zzzzqqq', 'xqzjvw', 'qqqq', 'jjjjjjjj', 'vxkq wzj', '!!!', '🙂🙂', '.*+?', 'Ω≈ç√']) {
      it(`returns nothing for junk: ${JSON.stringify(junk)}`, () => {
        assert.deepEqual(search.search(junk, Infinity), []);
      });
    }

    it('sorts results best first, and never lists a protocol twice', () => {
      for (const query of ['bit', 'net', 'a', 'compute', 'btensr', 'agent']) {
        const results = search.search(query, 50);
        const scores = results.map((result) => result.score);
        assert.deepEqual(scores, [...scores].sort((a, b) => b - a), `"${query}" sorted`);
        assert.equal(new Set(results.map((result) => result.id)).size, results.length);
      }
    });
  });
}

describe('protocol search ranking rules', () => {
  const search = new ProtocolSearch([
    { id: 'a.md', name: 'Tao Net', aliases: [], layer: 'infrastructure', category: 'compute' },
    { id: 'b.md', name: 'Bittensor', aliases: ['TAO'], layer: 'model', category: 'model-training' },
    { id: 'c.md', name: 'Taoist', aliases: [], layer: 'application', category: 'ai-agents' },
    { id: 'd.md', name: 'Tao', aliases: [], layer: 'application', category: 'defai' },
  ]);

  it('puts an exact name first, then an exact alias, then prefixes', () => {
    assert.deepEqual(
      search.search('tao').map((result) => result.id),
      ['d.md', 'b.md', 'a.md', 'c.md'],
    );
  });

  it('lets a name match outrank the same match on a category', () => {
    const [top] = search.search('compute');
    assert.equal(top.id, 'a.md');
    assert.ok(top.score < 500, 'a category match stays below any name match');
  });

  it('finds a swap inside one word of a multi-word name (uFuzzy single-error pass)', () => {
    const names = new ProtocolSearch(
      ['Xeno Mind', 'Runeo Mind', 'Runeomind', 'Lyra Data', 'Aethera Data', 'Delta Data', 'Echoa Flow', 'Aethero Flow'].map(
        (name, i) => ({ id: `${i}.md`, name, aliases: [], layer: 'application' as const }),
      ),
    );
    for (const [query, name] of [['xneo mind', 'Xeno Mind'], ['lrya data', 'Lyra Data'], ['ecoha flow', 'Echoa Flow']]) {
      assert.equal(names.search(query)[0]?.name, name, query);
    }
  });
});
