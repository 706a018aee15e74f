import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packNote, unpackNote } from '../../../src/core/index/compactNote';
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

describe('compact notes (the folder cache format)', () => {
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
    const packed = packNote(parseNote(ODD_NOTES[1].path, ODD_NOTES[1].text));
    const variants: Array<[string, unknown]> = [
      ['not an array', { path: 'x.md' }],
      ['truncated', packed.slice(0, 6)],
      ['a number for the path', [42, ...packed.slice(1)]],
      ['a bad layer', packed.map((v, i) => (i === 3 ? ['basement', 'front-matter', null] : v))],
      ['a bad source', packed.map((v, i) => (i === 1 ? ['Pilot', 'rumour', null] : v))],
      ['a negative position', packed.map((v, i) => (i === 11 ? [0, -1, 2, 3] : v))],
      ['a mention cut short', packed.map((v, i) => (i === 6 ? (v as unknown[]).slice(0, 4) : v))],
      ['a bad mention kind', packed.map((v, i) => (i === 6 ? (v as unknown[]).map((m, j) => (j === 1 ? 'embed' : m)) : v))],
      ['a bad verdict', packed.map((v, i) => (i === 9 ? ['awful', 'fees', [6, 2, 7, 15]] : v))],
      ['a bad diagnostic code', packed.map((v, i) => (i === 13 ? [[null, [0, 0, 0, 0], 'error', 'made-up', 'x', null]] : v))],
    ];
    for (const [what, value] of variants) assert.equal(unpackNote(value), undefined, what);
  });
});
