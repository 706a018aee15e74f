import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { renameEdits, type TextEdit } from '../../../src/core/editing/rename';
import { isPlainSafe, yamlScalar } from '../../../src/core/editing/yamlText';
import { parseNote } from '../../../src/core/note/parseNote';
import { applyEdits } from './applyEdits';
import { exampleNotes, indexOf } from './examples';

const notes = exampleNotes();
const index = indexOf(notes);

describe('editing: rename keeps the graph (property)', () => {
  it('renames any protocol to any writable name without changing who depends on whom', () => {
    const protocols = index.protocols().filter((protocol) => index.dependents(protocol.path).length > 0);
    const name = fc
      .stringMatching(/^[A-Za-z0-9 ,:'"&*!%@`{}.?-]{1,20}$/)
      .filter((text) => text.trim() !== '' && index.resolve(text.trim()) === undefined);
    fc.assert(
      fc.property(fc.constantFrom(...protocols), name, (protocol, newName) => {
        const target = notes.find((note) => note.path === protocol.path);
        assert.ok(target);
        const edits = renameEdits(target, newName, notes, (text) => index.resolve(text));
        assert.ok(Array.isArray(edits), JSON.stringify(edits));
        const byPath = new Map<string, TextEdit[]>();
        for (const edit of edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
        const renamed = indexOf(notes.map((note) => ({ path: note.path, text: applyEdits(note.text, byPath.get(note.path) ?? []) })));
        assert.equal(renamed.note(protocol.path)?.name.value, newName.trim());
        for (const each of index.protocols()) {
          assert.deepEqual(renamed.protocol(each.path)?.dependsOn, each.dependsOn, `${each.path} after renaming to ${JSON.stringify(newName)}`);
        }
        assert.equal(renamed.diagnostics().filter((d) => d.code === 'invalid-yaml').length, 0);
      }),
      { numRuns: 60 },
    );
  });
});

describe('editing: writing YAML scalars', () => {
  it('writes plain only what YAML reads back as the same text', () => {
    for (const [text, flow, plain] of [
      ['Akash', true, true],
      ['io.net Cloud', true, true],
      ['a, b', true, false],
      ['a, b', false, true],
      ['key: value', false, false],
      ['true', false, false],
      ['123', false, false],
      [' padded', false, false],
      ['- dash', false, false],
      ['"quoted"', false, false],
    ] as const) {
      assert.equal(isPlainSafe(text, flow), plain, `${JSON.stringify(text)} in a ${flow ? 'flow' : 'block'} list`);
    }
  });

  it('round-trips any text through the parser (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ,:#'"\\&*!%@`{}[\].?-]{1,16}$/).filter((text) => text.trim() === text && text !== ''), (text) => {
        const note = parseNote('n.md', `---\nprotocol: ${yamlScalar(text, false)}\n---\n`);
        assert.equal(note.name.value, text);
      }),
      { numRuns: 300 },
    );
  });
});
