import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanBody } from '../../../src/core/note/body';
import { referenceScanBody } from './bodyScanReference';

// The scanner skips lines it can tell hold nothing; it must find exactly what reading every
// line finds. Bodies are built from the pieces that matter: fences, headings, links, tags.
const piece = fc.constantFrom(
  '# Title', '#  Spaced # ', '## Sub', 'Setext', '===', '---', '```', '```ts', '~~~~', '    ```', '  ~~~', '`', '``',
  '[[Akash]]', '![[io.net|IO]]', '![[chart.png]]', '[[a]b]]', '[x](other.md)', '[x](<a b.md> "t")', '![img](x.md)',
  '[ref]: ../infra/akash.md', 'see `[[code]]` and ``[[more]]``', '#layer/infra', '(#layer/apps)', 'x#layer/model',
  'text', ' ', '', '\r', '\t', ']', '[', '](', ']:', '> quote', '- item', '1. item', '<div>', 'é', '🙂',
);
const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(' '));
const body = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));

describe('body scan', () => {
  it('finds exactly what a line-by-line reading finds (heading, mentions, layer tags, ranges)', () => {
    fc.assert(
      fc.property(body, fc.nat(40), fc.nat(5), fc.integer({ min: 1, max: 2000 }), (text, cut, firstLine, limit) => {
        const offset = Math.min(cut, text.length);
        assert.deepEqual(scanBody(text, offset, firstLine, limit), referenceScanBody(text, offset, firstLine, limit));
      }),
      { numRuns: 3000 },
    );
  });

  it('skips fenced code and finds links after it', () => {
    const text = '# Akash\n```\n[[not a mention]]\n```\nSee [[io.net]] and #layer/infra.\n';
    const scan = scanBody(text, 0, 0, 1_000_000);
    assert.deepEqual(scan.mentions.map((m) => [m.target, m.range.start.line]), [['io.net', 4]]);
    assert.deepEqual(scan.layerTags.map((t) => t.text), ['infra']);
  });
});
