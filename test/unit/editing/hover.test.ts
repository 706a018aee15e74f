import * as assert from 'node:assert/strict';
import { dependencyHover, escapeMarkdown, hoverMarkdown } from '../../../src/core/editing/hover';
import { Atlas } from '../../../src/core/atlas';
import { exampleNotes, indexOf } from './examples';

describe('editing: dependency hover', () => {
  const atlas = new Atlas({ index: indexOf(exampleNotes()) });

  it("shows the protocol's layer, category, verdict, reason and section", () => {
    const path = 'infrastructure/io-net.md';
    const protocol = atlas.index.protocol(path);
    assert.ok(protocol);
    const verdict = atlas.verdictOf(path);
    const hover = dependencyHover(protocol, verdict, atlas.framework.title);
    assert.equal(hover.layer, 'infrastructure');
    assert.equal(hover.category, 'Compute');
    // The word joiners that keep linkifiers off note text are invisible: read past them.
    const markdown = hoverMarkdown(hover).replace(/\u2060/g, '');
    assert.match(markdown, /\*\*io\\\.net\*\*/);
    assert.match(markdown, /Layer: infrastructure · Category: Compute/);
    assert.ok(verdict.value !== 'not-assessed', 'the example framework assesses compute');
    assert.ok(markdown.includes(`Verdict: **${verdict.value === 'negative' ? 'Negative' : verdict.value === 'positive' ? 'Positive' : 'Mixed'}**`));
    const escaped = (text: string) => escapeMarkdown(text).replace(/\u2060/g, '');
    assert.ok(markdown.includes(escaped(verdict.rationale)), 'the reason');
    assert.ok(verdict.section && markdown.includes(`Section: §${escaped(verdict.section)}`), 'the section');
  });

  it('escapes note text so it cannot turn into links, images or HTML', () => {
    const escaped = escapeMarkdown('[x](command:evil) <img src=x> **b** `c`\nline');
    assert.ok(!/(^|[^\\])[[\]()<>*`]/.test(escaped), escaped);
    assert.ok(!escaped.includes('\n'));
    const hover = hoverMarkdown({
      name: '<script>alert(1)</script>',
      path: 'a`b.md',
      layer: 'model',
      verdict: { value: 'positive', rationale: '[click](https://evil)', source: 'override' },
      framework: 'F',
    });
    assert.ok(!hover.includes('<script>') && !hover.includes('[click]('), hover);
    assert.match(hover, /override in the note/);
  });
});
