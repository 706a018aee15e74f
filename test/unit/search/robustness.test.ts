// The search box gets whatever a researcher pastes or mistypes, and the index follows every edit
// of a note: nothing may throw, hang or leave a stale protocol behind.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_LIMIT, ProtocolSearch, type SearchEntry, type SearchResult } from '../../../src/core/search/protocolSearch';
import { REALISTIC, syntheticProtocols } from './fixtures';

/** Ranges are ascending, non-empty, inside the value, and never cut a surrogate pair. */
function assertWellFormed(results: readonly SearchResult[], limit: number): void {
  assert.ok(results.length <= limit);
  assert.equal(new Set(results.map((result) => result.id)).size, results.length, 'no protocol twice');
  for (let i = 1; i < results.length; i++) assert.ok(results[i - 1].score >= results[i].score, 'best first');
  for (const result of results) {
    for (const match of result.matches) {
      let previousEnd = -1;
      for (const [start, end] of match.ranges) {
        assert.ok(Number.isInteger(start) && Number.isInteger(end));
        assert.ok(start > previousEnd || (previousEnd === -1 && start >= 0), `ranges ascend and do not touch in ${match.value}`);
        assert.ok(start < end && end <= match.value.length, `range [${start}, ${end}) inside "${match.value}"`);
        assert.ok(!isLowSurrogate(match.value.charCodeAt(start)), 'starts on a whole character');
        assert.ok(end === match.value.length || !isLowSurrogate(match.value.charCodeAt(end)), 'ends on a whole character');
        previousEnd = end;
      }
    }
  }
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

describe('protocol search: odd queries', () => {
  const search = new ProtocolSearch([...REALISTIC, ...syntheticProtocols(2_000)]);

  const odd: Array<[string, unknown]> = [
    ['whitespace', ' \t\n '],
    ['regular expression metacharacters', '.*+?^${}()|[]\\/'],
    ['uFuzzy query syntax', '"bitt" -render \'s'],
    ['10,000 characters', 'bittensor '.repeat(1_000)],
    ['10,000 random letters', Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('')],
    ['emoji and a flag', '🤖🇫🇷 👩‍💻'],
    ['lone surrogates', '\ud800bit\udfff'],
    ['control characters', '\u0000\u0007bit\u001b'],
    ['right-to-left text', 'שלום عالم'],
    ['a non-string', 42],
    ['undefined', undefined],
  ];
  for (const [label, query] of odd) {
    it(`neither throws nor returns malformed results for ${label}`, () => {
      const results = search.search(query as string, 20);
      assertWellFormed(results, 20);
    });
  }

  it('treats an empty or blank query as "list everything by name", up to the limit', () => {
    const listed = search.search('', 5);
    assert.deepEqual(
      listed.map((result) => result.name),
      search
        .search('', Infinity)
        .slice(0, 5)
        .map((result) => result.name),
    );
    assert.equal(search.search('', Infinity).length, search.size);
    assert.deepEqual(search.search('   ', 5), listed);
    for (const result of listed) assert.deepEqual([result.score, result.matches], [0, []]);
    const small = new ProtocolSearch(REALISTIC);
    assert.deepEqual(
      small.search('').map((result) => result.name),
      ['Akash', 'ARC', 'Arweave', 'Bittensor', 'Eliza', 'Fetch.ai', 'Filecoin', 'Grass', 'Hivemind Desk', 'io.net']
        .concat(['Ledger Scout', 'Masa', 'NEAR', 'Olas', 'Phala', 'Render', 'Storj', 'Swarms', 'Vana', 'Yield Pilot']),
      'case-insensitive, by name',
    );
  });

  it('reads the limit leniently: 0 or negative gives nothing, NaN the default, Infinity everything', () => {
    assert.deepEqual(search.search('net', 0), []);
    assert.deepEqual(search.search('net', -3), []);
    assert.equal(search.search('', Number.NaN).length, DEFAULT_LIMIT);
    assert.equal(search.search('net', 2.9).length, 2);
    assert.ok(search.search('a', Infinity).length > DEFAULT_LIMIT);
  });

  it('stays fast on patterns built to make regular expressions backtrack', () => {
    const trap = new ProtocolSearch([
      { id: 'a.md', name: `b${'a'.repeat(80)}`, aliases: [`${'ab'.repeat(40)}x`], layer: 'model' },
      { id: 'b.md', name: 'aab'.repeat(30), aliases: [], layer: 'model' },
    ]);
    const traps = [`${'a'.repeat(31)}b`, `${'ab'.repeat(15)}c`, 'a a a b', 'a a a a a a a a b', `${'aab'.repeat(10)}c`];
    for (const query of traps) {
      const started = performance.now();
      assertWellFormed(trap.search(query), DEFAULT_LIMIT);
      assert.ok(performance.now() - started < 250, `"${query}" took ${performance.now() - started} ms`);
    }
  });

  it('keeps ranges well-formed for any names and any query (property)', function () {
    this.timeout(60_000);
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'e', 'é', 'E', '\u0301', ' ', '.', '-', '🤖', 'ﬁ', 'Ａ', 'ß', 'İ', '1', '\ud800'),
      maxLength: 12,
    });
    const entry = fc.record({ name: text, aliases: fc.array(text, { maxLength: 2 }), category: text });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), text, fc.integer({ min: 1, max: 10 }), (entries, query, limit) => {
        const index = new ProtocolSearch(
          entries.map((value, i): SearchEntry => ({ id: `n${i}.md`, ...value, layer: 'middleware' })),
        );
        assertWellFormed(index.search(query, limit), limit);
      }),
      { numRuns: 300 },
    );
  });

  it('finds every protocol first by its exact name or alias, unless another has the same one (property)', () => {
    const entries = syntheticProtocols(300, 5);
    const index = new ProtocolSearch(entries);
    const names = entries.map((entry) => entry.name.toLowerCase());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: entries.length - 1 }), (i) => {
        const [top] = index.search(entries[i].name);
        assert.equal(top.score, 1000);
        if (names.indexOf(names[i]) === names.lastIndexOf(names[i])) assert.equal(top.id, entries[i].id);
      }),
      { numRuns: 100 },
    );
  });
});

describe('protocol search: updates', () => {
  const bittensor = REALISTIC.find((entry) => entry.name === 'Bittensor') as SearchEntry;

  it('replaces a protocol when its note changes: the old alias no longer finds it', () => {
    const search = new ProtocolSearch(REALISTIC);
    search.set({ ...bittensor, name: 'Bittensor Subnets', aliases: ['SN'] });
    assert.equal(search.size, REALISTIC.length);
    assert.notEqual(search.search('TAO')[0]?.id, bittensor.id);
    assert.equal(search.search('sn')[0]?.name, 'Bittensor Subnets');
    assert.equal(search.search('btensr')[0]?.id, bittensor.id);
  });

  it('forgets a deleted protocol, its aliases and, once empty, its category', () => {
    const search = new ProtocolSearch(REALISTIC);
    search.delete(bittensor.id);
    search.delete('no/such/note.md');
    assert.equal(search.size, REALISTIC.length - 1);
    assert.deepEqual(search.search('TAO'), []);
    assert.deepEqual(search.search('bittensor'), []);
    assert.deepEqual(search.search('model-training'), []);
    assert.ok(!search.search('', Infinity).some((result) => result.id === bittensor.id));
  });

  it('moves a protocol between categories and layers', () => {
    const search = new ProtocolSearch(REALISTIC);
    const render = REALISTIC.find((entry) => entry.name === 'Render') as SearchEntry;
    search.set({ ...render, category: 'storage' });
    assert.ok(!search.search('compute', Infinity).some((result) => result.id === render.id));
    assert.ok(search.search('storage', Infinity).some((result) => result.id === render.id));
  });

  it('replaces everything at once, and reuses freed slots without mixing up protocols', () => {
    const search = new ProtocolSearch(REALISTIC);
    search.replaceAll(syntheticProtocols(50, 3));
    assert.equal(search.size, 50);
    assert.deepEqual(search.search('TAO'), []);
    search.replaceAll(REALISTIC);
    assert.equal(search.search('TAO')[0]?.id, bittensor.id);
    for (let round = 0; round < 20; round++) search.set({ ...bittensor, aliases: ['TAO', `T${round}`] });
    assert.equal(search.search('TAO')[0]?.id, bittensor.id);
    assert.equal(search.search('t19')[0]?.id, bittensor.id);
    assert.deepEqual(search.search('t18'), []);
  });

  it('skips blank and duplicate aliases and tolerates a missing category', () => {
    const search = new ProtocolSearch([{ id: 'x.md', name: 'Xeno', aliases: ['', '  ', 'XENO', 'XN'], layer: 'unclassified' }]);
    const [result] = search.search('xeno');
    assert.deepEqual(
      result.matches.map((match) => match.field),
      ['name'],
    );
    assert.equal(search.search('unclassified')[0]?.id, 'x.md');
  });
});
