import * as assert from 'node:assert/strict';
import { completionContextAt } from '../../../src/core/editing/completionContext';
import { positionOf } from './applyEdits';

function contextAfter(text: string, needle: string) {
  return completionContextAt(text.split('\n'), positionOf(text, needle, needle.length));
}

describe('editing: completion context', () => {
  it('reads the prefix of a flow list entry, after the last comma', () => {
    const text = '---\nprotocol: X\ndepends_on: [Akash, Bitt\n---\n';
    const context = contextAfter(text, 'Bitt');
    assert.equal(context?.field, 'depends_on');
    assert.equal(context?.prefix, 'Bitt');
    assert.equal(context?.flow, true);
    assert.deepEqual(context?.range, { start: { line: 2, character: 20 }, end: { line: 2, character: 24 } });
  });

  it('reads the first entry of a flow list and an empty one', () => {
    assert.equal(contextAfter('---\ndepends_on: [Ak\n---\n', '[Ak')?.prefix, 'Ak');
    const empty = contextAfter('---\ndepends_on: [Akash, \n---\n', 'Akash, ');
    assert.equal(empty?.prefix, '');
    assert.equal(empty?.range.start.character, 20);
  });

  it('reads a block list item under depends_on, and not one under tags', () => {
    const text = '---\ndepends_on:\n  - Render\n  - Fi\ntags:\n  - gp\n---\n';
    const context = contextAfter(text, '- Fi');
    assert.equal(context?.field, 'depends_on');
    assert.equal(context?.prefix, 'Fi');
    assert.equal(context?.flow, false);
    assert.equal(contextAfter(text, '- gp'), undefined);
  });

  it('reads inside [[…]], knowing whether the link is already closed', () => {
    const open = contextAfter('---\ndepends_on: ["[[io\n---\n', '[[io');
    assert.equal(open?.prefix, 'io');
    assert.deepEqual(open?.wikilink, { closed: false });
    assert.equal(open?.quoted, true);
    const closed = completionContextAt(['---', 'depends_on: ["[[io]]"]', '---'], { line: 1, character: 18 });
    assert.deepEqual(closed?.wikilink, { closed: true });
    assert.equal(closed?.prefix, 'io');
    const block = contextAfter('---\ndepends_on:\n  - "[[Ak\n---\n', '[[Ak');
    assert.equal(block?.prefix, 'Ak');
  });

  it('reads quoted entries', () => {
    const context = contextAfter('---\ndepends_on: [Akash, "io.n\n---\n', '"io.n');
    assert.equal(context?.prefix, 'io.n');
    assert.equal(context?.quoted, true);
  });

  it('reads layer and category values', () => {
    const layer = contextAfter('---\nlayer: mid\n---\n', 'mid');
    assert.equal(layer?.field, 'layer');
    assert.equal(layer?.prefix, 'mid');
    assert.equal(layer?.range.start.character, 7);
    assert.equal(contextAfter('---\ncategory: \n---\n', 'category: ')?.field, 'category');
  });

  it('offers nothing outside the front matter, on a key, after a closed entry, or for other fields', () => {
    assert.equal(contextAfter('---\nprotocol: X\n---\nlayer: mid\n', 'layer: mid'), undefined, 'body');
    assert.equal(contextAfter('no front matter\nlayer: mid\n', 'layer: mid'), undefined);
    assert.equal(completionContextAt(['---', 'layer: mid', '---'], { line: 1, character: 3 }), undefined, 'on the key');
    assert.equal(contextAfter('---\ndepends_on: [Akash]\n---\n', 'Akash]'), undefined);
    assert.equal(contextAfter('---\nfunding: vc\n---\n', 'vc'), undefined);
  });

  it('still works in an unclosed front matter block while the note is being written', () => {
    assert.equal(contextAfter('---\nprotocol: X\nlayer: inf', 'inf')?.prefix, 'inf');
  });
});
