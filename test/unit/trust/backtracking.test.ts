import * as assert from 'node:assert/strict';
import { parseNote } from '../../../src/core/note/parseNote';

// One line of a note must not cost seconds: these lines made the old patterns backtrack for
// 16–40 s each. Each case also checks the answer, so a fast wrong scan fails too. The time limit
// is a hang detector two orders of magnitude above the linear scan's cost, not a speed target.
const HANG_LIMIT_MS = 3_000;

describe('lines built to make patterns backtrack', function () {
  this.timeout(HANG_LIMIT_MS);

  it('an H1 of spaces then a run of #, without the closing-hashes pattern', () => {
    const note = parseNote('x.md', '# Akash' + ' '.repeat(80_000) + '#'.repeat(80_000));
    assert.equal(note.heading, 'Akash');
    const unclosed = parseNote('y.md', '# Akash' + ' '.repeat(80_000) + '#'.repeat(80_000) + 'x');
    assert.ok(unclosed.heading?.startsWith('Akash'), 'an unclosed run is text; the name is read from the start');
  });

  it('an H1 that opens a wikilink and never closes it', () => {
    const note = parseNote('x.md', '# [[' + 'a'.repeat(200_000));
    assert.ok(note.heading?.startsWith('[[aaa'));
    assert.deepEqual(note.mentions, []);
  });

  it('a body line of [[ then x]] repeated', () => {
    const note = parseNote('x.md', 'Intro.\n\n[[' + 'x]]'.repeat(320_000));
    assert.deepEqual(note.mentions.map((m) => m.target), ['x']);
  });

  it('a body line of [ then ](x.md) repeated', () => {
    const note = parseNote('x.md', 'Intro.\n\n[' + '](x.md)'.repeat(140_000));
    assert.deepEqual(note.mentions.map((m) => [m.target, m.kind]), [['x.md', 'link']], 'only the first, `[](x.md)`, is a link');
    const linked = parseNote('y.md', 'Intro.\n\n[a' + '](x.md)'.repeat(140_000));
    assert.deepEqual(linked.mentions.map((m) => m.target), ['x.md']);
  });
});
