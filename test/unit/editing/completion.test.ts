import * as assert from 'node:assert/strict';
import { completionCandidates } from '../../../src/core/editing/completion';
import { completionContextAt } from '../../../src/core/editing/completionContext';
import { LAYERS } from '../../../src/core/vocabulary/model';
import { CATEGORIES } from '../../../src/core/vocabulary/taxonomy';
import { positionOf } from './applyEdits';
import { exampleNotes, indexOf } from './examples';

const index = indexOf(exampleNotes());

function candidatesAfter(text: string, needle: string, options: { path?: string; layer?: 'model' } = {}) {
  const context = completionContextAt(text.split('\n'), positionOf(text, needle, needle.length));
  assert.ok(context, `a completion context after "${needle}"`);
  return completionCandidates(context, { protocols: index.protocols(), ...options });
}

describe('editing: completion candidates', () => {
  it('offers every protocol name and alias in depends_on, except the note itself', () => {
    const candidates = candidatesAfter('---\ndepends_on: [\n---\n', '[', { path: 'model/bittensor.md' });
    const labels = candidates.map((candidate) => candidate.label);
    assert.ok(labels.includes('io.net') && labels.includes('IO') && labels.includes('io.net Cloud'));
    assert.ok(!labels.includes('Bittensor') && !labels.includes('TAO'), 'not the note itself');
    const names = candidates.filter((candidate) => candidate.kind === 'protocol');
    assert.equal(names.length, index.protocols().length - 1);
    const alias = candidates.find((candidate) => candidate.label === 'IO');
    assert.equal(alias?.kind, 'alias');
    assert.equal(alias?.path, 'infrastructure/io-net.md');
    assert.match(alias?.detail ?? '', /alias of io\.net · infrastructure · compute/);
    assert.ok(names.every((name) => name.sortText < (alias?.sortText ?? '')), 'names before aliases');
  });

  it('quotes a name YAML would misread, and only where it would', () => {
    const flow = candidatesAfter('---\ndepends_on: [\n---\n', '[');
    assert.equal(flow.find((candidate) => candidate.label === 'Storj DCS')?.insertText, 'Storj DCS');
    const quoted = candidatesAfter('---\ndepends_on: ["\n---\n', '"');
    assert.equal(quoted.find((candidate) => candidate.label === 'Storj DCS')?.insertText, 'Storj DCS');
  });

  it('closes a wikilink that is not closed yet', () => {
    const open = candidatesAfter('---\ndepends_on: ["[[Ak\n---\n', '[[Ak');
    assert.equal(open.find((candidate) => candidate.label === 'Akash')?.insertText, 'Akash]]');
    const text = '---\ndepends_on: ["[[Ak]]"]\n---\n';
    const closed = candidatesAfter(text, '[[Ak');
    assert.equal(closed.find((candidate) => candidate.label === 'Akash')?.insertText, 'Akash');
  });

  it('offers the four layers after layer:', () => {
    const candidates = candidatesAfter('---\nlayer: \n---\n', 'layer: ');
    assert.deepEqual(candidates.map((candidate) => candidate.label), [...LAYERS]);
    assert.match(candidates.find((candidate) => candidate.label === 'infrastructure')?.detail ?? '', /infra/);
  });

  it("offers every category after category:, the note's layer's first", () => {
    const candidates = candidatesAfter('---\ncategory: \n---\n', 'category: ', { layer: 'model' });
    assert.equal(candidates.length, CATEGORIES.length);
    const sorted = [...candidates].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
    assert.equal(sorted[0].label, 'model-training');
    assert.match(sorted[0].detail, /Open model training networks · model/);
  });
});
