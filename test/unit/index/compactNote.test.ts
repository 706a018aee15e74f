import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { packNote, unpackNote } from '../../../src/core/persist/compactNote';
import { isProtocolNote } from './wellFormedNote';
import { parseNote } from '../../../src/core/note/parseNote';

const EXAMPLES = path.join(__dirname, '../../../examples/deepseek-2025');

function exampleNotes(): Array<{ path: string; text: string }> {
  const notes: Array<{ path: string; text: string }> = [];
  for (const layer of fs.readdirSync(EXAMPLES)) {
    const folder = path.join(EXAMPLES, layer);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const file of fs.readdirSync(folder)) {
      if (file.endsWith('.md')) notes.push({ path: `${layer}/${file}`, text: fs.readFileSync(path.join(folder, file), 'utf8') });
    }
  }
  return notes;
}

const ODD_NOTES = [
  { path: 'broken.md', text: '---\nprotocol: [unclosed\nlayer: infra\n---\n# Broken\n' },
  { path: 'apps/override.md', text: '---\nprotocol: Pilot\nlayer: apps\ncategory: defai\nfunding: vc\nimpact:\n  verdict: negative\n  reason: fees\ntags: [x]\n---\nSee [[A|b]] and [c](../c.md).\n' },
  { path: 'nothing.md', text: '' },
  { path: 'unknown.md', text: '---\nlayer: basement\ncategory: teleport\nimpact:\n  verdict: positive\n---\n#layer/nowhere\n' },
  { path: 'binary.md', text: 'a\0b' },
];

describe('compact notes (the index cache format)', () => {
  it('gives back every parsed note exactly, through JSON', () => {
    const notes = [...exampleNotes(), ...ODD_NOTES].map(({ path: notePath, text }) => parseNote(notePath, text));
    assert.ok(notes.length > 10);
    for (const note of notes) assert.deepEqual(unpackNote(JSON.parse(JSON.stringify(packNote(note)))), note, note.path);
  });

  it('is much smaller than the note as JSON', () => {
    const note = parseNote(ODD_NOTES[1].path, ODD_NOTES[1].text);
    assert.ok(JSON.stringify(packNote(note)).length < JSON.stringify(note).length * 0.6);
  });

  it('refuses truncated, mistyped or out-of-vocabulary entries instead of returning a malformed note', () => {
    const note = parseNote(ODD_NOTES[1].path, ODD_NOTES[1].text);
    const [notePath, strings, numbers, diagnostics] = packNote(note);
    const withNumber = (index: number, value: unknown): unknown => [notePath, strings, numbers.map((n, i) => (i === index ? value : n)), diagnostics];
    const variants: Array<[string, unknown]> = [
      ['not an array', { path: 'x.md' }],
      ['a part missing', [notePath, strings, numbers]],
      ['a number for the path', [42, strings, numbers, diagnostics]],
      ['a string cut off', [notePath, strings.slice(0, -1), numbers, diagnostics]],
      ['a number cut off', [notePath, strings, numbers.slice(0, -1), diagnostics]],
      ['a string left over', [notePath, [...strings, 'extra'], numbers, diagnostics]],
      ['a number left over', [notePath, strings, [...numbers, 0], diagnostics]],
      ['a bad layer', [notePath, strings.map((v) => (v === 'application' ? 'basement' : v)), numbers, diagnostics]],
      ['a source out of range', withNumber(1, 99)],
      ['a negative number', withNumber(3, -1)],
      ['a fraction', withNumber(3, 0.5)],
      ['a string among the numbers', withNumber(2, '1')],
      ['a number among the strings', [notePath, strings.map((v, i) => (i === 0 ? 7 : v)), numbers, diagnostics]],
      ['a bad diagnostic code', [notePath, strings, numbers, [[null, [0, 0, 0, 0], 'error', 'made-up', 'x', null]]]],
    ];
    for (const [what, value] of variants) assert.equal(unpackNote(value), undefined, what);
    assert.deepEqual(unpackNote([notePath, strings, numbers, diagnostics]), note, 'the untouched entry still reads');
  });

  it('never throws or lets a malformed note through, whatever is changed in an entry', () => {
    const packed = [...exampleNotes(), ...ODD_NOTES].map(({ path: notePath, text }) => packNote(parseNote(notePath, text)));
    const anyValue = fc.oneof(fc.integer({ min: -2, max: 40 }), fc.string({ maxLength: 4 }), fc.constant(null), fc.constant(0.5));
    fc.assert(
      fc.property(fc.nat(packed.length - 1), fc.boolean(), fc.nat(200), anyValue, (which, inStrings, at, value) => {
        const [notePath, strings, numbers, diagnostics] = packed[which];
        const target = inStrings ? [...strings] : [...numbers];
        if (target.length === 0) return;
        (target as unknown[])[at % target.length] = value;
        const changed = inStrings ? [notePath, target, numbers, diagnostics] : [notePath, strings, target, diagnostics];
        const note = unpackNote(changed);
        if (note) assert.ok(isProtocolNote(note), 'whatever unpacks is a well-formed note');
      }),
      { numRuns: 3000 },
    );
  });
});
