import * as assert from 'node:assert/strict';
import { parseNote } from '../../../src/core/note/parseNote';
import { syntheticNotes } from '../../../bench/syntheticNotes';

// The benchmark's figures mean something only if its notes look like researchers' notes.
describe('benchmark notes', () => {
  const notes = syntheticNotes(400);
  const parsed = notes.map((note) => parseNote(note.path, note.text));

  it('are 2–4 KB each, with front matter the parser reads without problems', () => {
    for (const note of notes) {
      const bytes = Buffer.byteLength(note.text);
      assert.ok(bytes >= 2048 && bytes <= 4096 + 512, `${note.path}: ${bytes} bytes`);
    }
    for (const note of parsed) {
      assert.equal(note.name.source, 'front-matter');
      assert.equal(note.layer.source, 'front-matter');
      assert.ok(note.category);
      assert.deepEqual(note.diagnostics, []);
    }
  });

  it('have headings, code fences and inline code, whose brackets are not mentions', () => {
    for (const note of notes) {
      assert.match(note.text, /^# /m);
      assert.match(note.text, /^## /m);
      assert.match(note.text, /^```/m);
      assert.match(note.text, /`\[\[code\]\]`/);
    }
    assert.ok(parsed.every((note) => note.mentions.every((mention) => mention.target !== 'not a mention' && mention.target !== 'code')));
  });

  it('link about once every paragraph or two, and depend on a few notes below them', () => {
    const mentions = parsed.reduce((sum, note) => sum + note.mentions.length, 0) / parsed.length;
    assert.ok(mentions >= 5 && mentions <= 15, `${mentions} mentions a note`);
    const withDependencies = parsed.filter((note) => note.dependsOn.length > 0);
    assert.ok(withDependencies.length >= parsed.length * 0.7);
    assert.ok(withDependencies.every((note) => note.dependsOn.length <= 4));
  });

  it('are the same notes on every run', () => {
    assert.deepEqual(syntheticNotes(50), syntheticNotes(50));
  });
});
