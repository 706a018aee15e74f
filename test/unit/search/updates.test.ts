// The search index follows every edit of a note, and Rebuild Index re-sets every protocol: after
// any sequence of sets and deletes it must answer exactly as a fresh build of the same protocols.
// (How the update cost grows with the vault is measured in bench/searchUpdates.ts, not here.)
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ProtocolSearch, type SearchEntry } from '../../../src/core/search/protocolSearch';
import { BigramIndex } from '../../../src/core/search/typoFallback';
import { syntheticProtocols } from './fixtures';

// Few letters, so names share bigrams and typo queries find several of them.
const letters = fc.constantFrom('a', 'b', 'e', 'n', 'o', 'r', 't', ' ', '.');
const text = fc.string({ unit: letters, minLength: 0, maxLength: 12 });

describe('search index updates', () => {
  it('bigram candidates after adds and removes equal those of a fresh index (property)', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), field: fc.nat(5), text }),
      fc.record({ kind: fc.constant('remove' as const), field: fc.nat(5) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { minLength: 5, maxLength: 60, size: 'medium' }), fc.nat(3), (operations, needed) => {
        const updated = new BigramIndex();
        const texts = new Map<number, string>();
        for (const op of operations) {
          if (op.kind === 'add') {
            // FieldIndex never adds a live id twice; the index must still treat it as a replacement.
            updated.add(op.field, op.text);
            texts.set(op.field, op.text);
          } else {
            updated.remove(op.field);
            texts.delete(op.field);
          }
        }
        const fresh = new BigramIndex();
        for (const [field, value] of [...texts].sort((a, b) => a[0] - b[0])) fresh.add(field, value);
        const none = (): boolean => false;
        // Every text ever added as a pattern: a removed field left behind in a list shows up.
        for (const op of operations) {
          if (op.kind !== 'add') continue;
          assert.deepEqual(updated.candidates([op.text], needed, Infinity, none), fresh.candidates([op.text], needed, Infinity, none));
          assert.deepEqual(updated.candidates([op.text, 'ab'], needed, 2, none), fresh.candidates([op.text, 'ab'], needed, 2, none));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('search results after many sets and deletes equal a fresh build of the same protocols (property)', () => {
    const layers = ['infrastructure', 'middleware', 'model', 'application', 'unclassified'] as const;
    const entry = fc.record({
      id: fc.constantFrom('a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md', 'g.md', 'h.md'),
      name: text,
      aliases: fc.array(text, { maxLength: 2 }),
      category: fc.option(fc.constantFrom('compute', 'storage', 'defai'), { nil: undefined }),
      layer: fc.constantFrom(...layers),
    });
    const operation = fc.oneof(
      { arbitrary: entry.map((value) => ({ kind: 'set' as const, entry: value as SearchEntry })), weight: 3 },
      fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('a.md', 'c.md', 'e.md', 'g.md') }),
    );
    fc.assert(
      fc.property(fc.array(operation, { minLength: 5, maxLength: 60, size: 'medium' }), fc.array(text, { minLength: 1, maxLength: 6 }), (operations, queries) => {
        const updated = new ProtocolSearch();
        const current = new Map<string, SearchEntry>();
        for (const op of operations) {
          if (op.kind === 'set') {
            updated.set(op.entry);
            current.set(op.entry.id, op.entry);
          } else {
            updated.delete(op.id);
            current.delete(op.id);
          }
        }
        const fresh = new ProtocolSearch(current.values());
        assert.equal(updated.size, fresh.size);
        // The names themselves and typos of them (a letter dropped, one doubled) besides the random queries.
        const names = [...current.values()].flatMap((each) => [each.name, each.name.slice(1), `${each.name}${each.name.slice(-1)}`]);
        for (const query of [...queries, ...names, '', 'compute', 'model']) {
          assert.deepEqual(updated.search(query, Infinity), fresh.search(query, Infinity), `query ${JSON.stringify(query)}`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('indexes pending protocols in slices when asked, and a search sees every one of them', () => {
    const entries = syntheticProtocols(500, 7);
    const search = new ProtocolSearch(entries);
    let slices = 0;
    while (search.indexPending(0)) slices++;
    assert.ok(slices > 1, `indexed in ${slices + 1} slices, not at once`);
    assert.equal(search.indexPending(), false, 'nothing left');
    const lazy = new ProtocolSearch(entries);
    for (const query of [entries[3].name, entries[40].aliases[0] ?? 'x', 'defai', 'nuer']) assert.deepEqual(lazy.search(query, Infinity), search.search(query, Infinity));
    search.delete(entries[3].id);
    assert.ok(!search.search(entries[3].name, Infinity).some((result) => result.id === entries[3].id), 'a delete is seen by the next search');
  });
});
