import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_SUGGESTED_LENGTH, closestMatches, editDistance } from '../../../src/core/vocabulary/closest';
import { NameSuggestions } from '../../../src/core/index/nameSuggestions';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';

function levenshtein(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return rows[a.length][b.length];
}

describe('"did you mean" stays bounded on hostile names', () => {
  it('the banded edit distance equals the full one, up to the limit', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 14 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 16 }), (a, b, limit) => {
        assert.equal(editDistance(a, b, limit), Math.min(levenshtein(a, b), limit + 1));
        assert.equal(editDistance(a, b), levenshtein(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('suggests nothing for a pasted megabyte, without comparing it', () => {
    const huge = 'a'.repeat(1_000_000);
    assert.deepEqual(closestMatches(huge, [huge.slice(1), 'akash']), []);
    assert.deepEqual(closestMatches('x'.repeat(MAX_SUGGESTED_LENGTH + 1), ['x'.repeat(MAX_SUGGESTED_LENGTH)]), []);
    assert.deepEqual(closestMatches('akahs', ['Akash', 'Render']), ['Akash']);
  });

  it('messages share a budget per set of names; past it a quick fix still gets the nearest names', () => {
    const names = Array.from({ length: 50 }, (_, i) => `protocol-${i.toString().padStart(2, '0')}`);
    const suggestions = new NameSuggestions(() => [...names], names.length * 3);
    const asked = names.map((name) => suggestions.for(`${name}~`));
    assert.equal(asked.filter((found) => found.length > 0).length, 3, 'three targets fit the budget');
    assert.deepEqual(asked[0], ['protocol-00', 'protocol-01', 'protocol-02']);
    assert.deepEqual(asked[2], ['protocol-02', 'protocol-00', 'protocol-01']);
    assert.deepEqual(asked[10], [], 'past the budget, the message names none');
    assert.deepEqual(suggestions.nearest('protocol-17~'), ['protocol-17', 'protocol-07', 'protocol-10']);
    assert.deepEqual(suggestions.for('protocol-00~'), asked[0], 'an answer once given is kept');
    suggestions.forget();
    assert.ok(suggestions.for('protocol-45~').length > 0, 'new names, new budget');
  });

  it('a vault of near-miss names gets every unresolved dependency reported, with suggestions while the budget lasts', () => {
    const count = 3_000;
    const name = (i: number) => `protocol-${i.toString(36).padStart(3, '0')}`;
    const index = new ProtocolIndex();
    index.build(Array.from({ length: count }, (_, i) => ({ path: `n${i}.md`, text: `---\nprotocol: ${name(i)}\ndepends_on: [${name((i + 1) % count)}~]\n---\n` })));
    const unresolved = index.paths().flatMap((path) => index.diagnostics(path)).filter((d) => d.code === 'unresolved-dependency');
    assert.equal(unresolved.length, count);
    const withHints = unresolved.filter((d) => /Did you mean/.test(d.message)).length;
    assert.ok(withHints > 0 && withHints < count, `${withHints} of ${count} messages carry suggestions`);
    const last = unresolved[unresolved.length - 1];
    assert.ok(index.suggestNames(last.data!.target!).length > 0, 'the quick fix still has suggestions');
  });
});
