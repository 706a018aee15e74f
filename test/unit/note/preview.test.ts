import * as assert from 'node:assert/strict';
import { notePreview } from '../../../src/core/note/preview';

describe('notePreview', () => {
  it('gives the opening prose as plain text, without front matter, headings or code', () => {
    const text = [
      '---',
      'protocol: Akash',
      '---',
      '# Akash',
      '',
      'Akash is a **GPU** marketplace running on [[Cosmos|its own chain]], see [docs](https://akash.network).',
      '',
      '```ts',
      'secret();',
      '```',
      '',
      '- cheap',
      '- open',
    ].join('\n');
    assert.equal(notePreview(text), 'Akash is a GPU marketplace running on its own chain, see docs.\n• cheap • open');
  });

  it('never lets markup through: HTML is dropped and entities are decoded to text', () => {
    const preview = notePreview('Hello <img src=x onerror=alert(1)> <b>bold</b> &lt;tag&gt; &amp; &#65;\n\n<script>alert(1)</script>');
    // Entities become the characters they stand for: safe, since callers set text, not HTML.
    assert.equal(preview, 'Hello bold <tag> & A');
  });

  it('cuts long text at a word, marked with an ellipsis', () => {
    const preview = notePreview(`${'alpha beta gamma '.repeat(40)}`, 50);
    assert.ok(preview.length <= 50, String(preview.length));
    assert.ok(preview.endsWith('…'));
    assert.ok(!preview.slice(0, -1).endsWith(' '));
  });

  it('returns an empty preview for empty, binary or odd input instead of throwing', () => {
    assert.equal(notePreview(''), '');
    assert.equal(notePreview('---\nprotocol: X\n---\n'), '');
    assert.equal(notePreview('a\u0000b'), '');
    assert.equal(notePreview(undefined as unknown as string), '');
    assert.equal(notePreview('text', 0), '');
  });
});
