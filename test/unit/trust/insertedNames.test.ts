import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { completionCandidates } from '../../../src/core/editing/completion';
import { completionContextAt } from '../../../src/core/editing/completionContext';
import { doubleQuoted, yamlScalar } from '../../../src/core/editing/yamlText';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import { parseNote } from '../../../src/core/note/parseNote';

// Completion and rename write other notes' names into this note's front matter. A name is note
// text: one holding a newline and `---` must not close the front matter, a quote must not end one.
const HOSTILE = ['Evil\n---\nlayer: model', 'a"b', "it's", 'back\\slash', 'tab\there', 'line\u2028sep', 'a]]b', 'x, y', '# not a comment', 'null', '- dash', 'zero\u200bwidth'];

function dependencyAfterInsert(prefix: string, inserted: string, suffix: string) {
  return parseNote('app.md', `---\nprotocol: App\n${prefix}${inserted}${suffix}\n---\n`);
}

describe('names written into front matter', function () {
  this.timeout(30_000);
  it('read back as exactly themselves, for any text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30, unit: 'binary' }), fc.boolean(), (name, flow) => {
        fc.pre(name.trim() === name && name.length > 0);
        const written = yamlScalar(name, flow);
        const note = dependencyAfterInsert(flow ? 'depends_on: [' : 'depends_on:\n  - ', written, flow ? ']' : '');
        assert.deepEqual(note.dependsOn.map((d) => d.raw), [name], `${JSON.stringify(name)} written as ${written}`);
      }),
      { numRuns: 500 },
    );
    assert.equal(doubleQuoted('a\nb'), '"a\\nb"');
  });

  it('completion offers hostile names only as text that reads back as them', () => {
    const index = new ProtocolIndex();
    index.build(HOSTILE.map((name, i) => ({ path: `n${i}.md`, text: `---\nprotocol: ${JSON.stringify(name)}\n---\n` })));
    assert.deepEqual(index.protocols().map((p) => p.name.value).sort(), [...HOSTILE].sort());
    for (const [before, after] of [['depends_on: [', ']'], ['depends_on: ["', '"]'], ["depends_on: ['", "']"], ['depends_on: ["[[', ']]"]']]) {
      const text = `---\n${before}\n---\n`;
      const lines = text.split('\n');
      const context = completionContextAt(lines, { line: 1, character: before.length });
      assert.ok(context, before);
      for (const candidate of completionCandidates(context, { protocols: index.protocols() })) {
        const note = dependencyAfterInsert(before, candidate.insertText, candidate.insertText.endsWith(']]') ? after.slice(2) : after);
        assert.equal(note.diagnostics.filter((d) => d.code === 'invalid-yaml').length, 0, `${before}${candidate.insertText}${after}`);
        assert.equal(note.dependsOn.length, 1, `${before}${candidate.insertText}${after}`);
        assert.equal(note.dependsOn[0].target, candidate.label, `${before}${candidate.insertText}${after}`);
      }
    }
  });
});
