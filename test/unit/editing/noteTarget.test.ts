import * as assert from 'node:assert/strict';
import { targetAt, targetRangeIn } from '../../../src/core/editing/noteTarget';
import { parseNote } from '../../../src/core/note/parseNote';
import { positionOf } from './applyEdits';

const text = '---\nprotocol: Bittensor\nlayer: model\ndepends_on: ["[[io.net|IO]]", Masa]\n---\n# Bittensor\n';
const note = parseNote('b.md', text);

describe('editing: what the cursor is on', () => {
  it('finds the dependency entry, including its quotes and edges', () => {
    for (const [needle, shift] of [['"[[io', 0], ['io.net', 3], ['IO]]"', 5], ['Masa', 0], ['Masa', 4]] as const) {
      const target = targetAt(note, positionOf(text, needle, shift));
      assert.equal(target?.kind, 'dependency', `${needle}+${shift}`);
    }
    const masa = targetAt(note, positionOf(text, 'Masa', 2));
    assert.ok(masa?.kind === 'dependency' && masa.ref.target === 'Masa' && masa.index === 1);
  });

  it('finds the name and other fields, and nothing in the body', () => {
    assert.equal(targetAt(note, positionOf(text, 'Bittensor', 3))?.kind, 'name');
    const layer = targetAt(note, positionOf(text, 'model', 1));
    assert.ok(layer?.kind === 'field' && layer.key === 'layer');
    assert.equal(targetAt(note, positionOf(text, '# Bittensor', 3)), undefined);
  });

  it('narrows an entry to the name written inside it', () => {
    const [ref] = note.dependsOn;
    assert.deepEqual(targetRangeIn(ref, '"[[io.net|IO]]"'), { start: { line: 3, character: 16 }, end: { line: 3, character: 22 } });
    assert.deepEqual(targetRangeIn(note.dependsOn[1], 'Masa'), note.dependsOn[1].range);
  });
});
