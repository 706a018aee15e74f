// Highlight ranges are UTF-16 offsets into the value the note holds, whatever folding the
// matchers did: accents, decomposed accents, ligatures, full-width letters and emoji.
import * as assert from 'node:assert/strict';
import { fold, toOriginalRanges } from '../../../src/core/search/fold';
import { ProtocolSearch, type SearchMatch } from '../../../src/core/search/protocolSearch';

const highlighted = (match: SearchMatch): string[] => match.ranges.map(([start, end]) => match.value.slice(start, end));

function matchFor(search: ProtocolSearch, query: string, field: SearchMatch['field'] = 'name'): SearchMatch {
  const [top] = search.search(query);
  const match = top?.matches.find((candidate) => candidate.field === field);
  assert.ok(match, `"${query}" matches a ${field}`);
  return match;
}

describe('search folding', () => {
  it('folds case, accents and compatibility forms, keeping where each unit came from', () => {
    const folded = fold('Fétch.ＡＩ');
    assert.equal(folded.text, 'fetch.ai');
    assert.deepEqual([...(folded.starts ?? [])], [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(toOriginalRanges(folded, [[1, 2], [6, 8]]), [[1, 2], [6, 8]]);
  });

  it('maps a ligature and a decomposed accent onto whole original characters', () => {
    const ligature = fold('ﬁnance');
    assert.equal(ligature.text, 'finance');
    assert.deepEqual(toOriginalRanges(ligature, [[0, 1]]), [[0, 1]], 'half of "fi" is all of "ﬁ"');
    const decomposed = fold('Cafe\u0301 Net');
    assert.equal(decomposed.text, 'cafe net');
    assert.deepEqual(toOriginalRanges(decomposed, [[0, 4]]), [[0, 5]], 'the accent goes with its letter');
  });

  it('never splits a surrogate pair', () => {
    const folded = fold('🤖bot');
    assert.equal(folded.text, '🤖bot');
    assert.deepEqual(toOriginalRanges(folded, [[1, 3]]), [[0, 3]]);
  });

  it('clamps and merges ranges, and drops empty ones', () => {
    const folded = fold('abcdef');
    assert.deepEqual(toOriginalRanges(folded, [[4, 9], [-3, 1], [1, 2], [3, 3]]), [[0, 2], [4, 6]]);
  });
});

describe('search highlight ranges', () => {
  const search = new ProtocolSearch([
    { id: 'cafe.md', name: 'Café Ñet', aliases: ['CAFÉ'], layer: 'infrastructure', category: 'compute' },
    { id: 'robo.md', name: '🤖 Robo Agents', aliases: ['🤖'], layer: 'application', category: 'ai-agents' },
    { id: 'fin.md', name: 'ﬁnance Hub', aliases: [], layer: 'application', category: 'defai' },
    { id: 'wide.md', name: 'Wide Tao', aliases: ['ＷＴＡＯ'], layer: 'model', category: 'model-training' },
    { id: 'accent.md', name: 'Cafe\u0301teria', aliases: [], layer: 'middleware', category: 'data' },
    { id: 'greek.md', name: 'Σοφία Labs', aliases: [], layer: 'middleware', category: 'privacy' },
  ]);

  it('highlights accented letters for an unaccented query', () => {
    assert.deepEqual(highlighted(matchFor(search, 'cafe ne')), ['Café', 'Ñe']);
    assert.deepEqual(highlighted(matchFor(search, 'NET')), ['Ñet']);
  });

  it('highlights the whole value of an exact match, however it was typed', () => {
    assert.deepEqual(highlighted(matchFor(search, 'CAFE  NET ')), ['Café Ñet']);
  });

  it('counts an emoji as two UTF-16 units before the match', () => {
    const match = matchFor(search, 'robo');
    assert.deepEqual(match.ranges, [[3, 7]]);
    assert.deepEqual(highlighted(match), ['Robo']);
  });

  it('matches an emoji alias exactly', () => {
    const match = matchFor(search, '🤖', 'alias');
    assert.deepEqual(match, { field: 'alias', value: '🤖', ranges: [[0, 2]] });
  });

  it('highlights a whole ligature and a full-width alias', () => {
    assert.deepEqual(highlighted(matchFor(search, 'fin')), ['ﬁn']);
    assert.deepEqual(matchFor(search, 'wtao', 'alias').ranges, [[0, 4]]);
  });

  it('keeps a combining accent with its letter', () => {
    assert.deepEqual(highlighted(matchFor(search, 'cafet')), ['Cafe\u0301t']);
  });

  it('matches non-Latin letters', () => {
    assert.deepEqual(highlighted(matchFor(search, 'σοφια')), ['Σοφία']);
  });

  it('highlights the letters a typo match shares, not the whole window', () => {
    const match = matchFor(search, 'robbo agents');
    assert.ok(match.ranges.length > 0);
    for (const part of highlighted(match)) assert.match(part, /^[RoboAgents ]+$/);
  });
});
