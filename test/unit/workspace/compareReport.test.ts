import * as assert from 'node:assert/strict';
import { compareReportMarkdown } from '../../../src/core/present/compareReport';
import { describeVerdict as verdictLabel } from '../../../src/core/vocabulary/labels';
import { builtinFrameworks, compareFrameworks, type Framework } from '../../../src/core/framework';

// marked ships only as an ES module; Node >= 20.19 and tsx load it through require.
const { marked } = require('marked') as typeof import('marked', { with: { 'resolution-mode': 'import' } });

/** Rendered HTML as the text a reader sees: tags dropped, entities decoded, invisible joiners removed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '')
    .replace(/\u2060/g, '')
    .trim();
}

/** The report's table as a reader sees it: one array of cell texts per body row. */
function tableRows(markdown: string): string[][] {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return (body.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).map((row) => (row.match(/<td[^>]*>[\s\S]*?<\/td>/g) ?? []).map(textOf));
}

const deepseek = builtinFrameworks()[0];
const rebound: Framework = {
  ...deepseek,
  id: 'compute-rebound',
  title: 'Compute rebound',
  rules: deepseek.rules.map((rule) => (rule.id === 'compute-negative' ? { ...rule, verdict: 'positive', rationale: 'Jevons: cheaper inference, more demand.', section: '2' } : rule)),
};
const subjects = [
  { path: 'infrastructure/io-net.md', name: 'io.net', layer: 'infrastructure' as const, category: 'compute' },
  { path: 'infrastructure/render.md', name: 'Render | *GPU*', layer: 'infrastructure' as const, category: 'compute' },
  { path: 'model/bittensor.md', name: 'Bittensor', layer: 'model' as const, category: 'model-training' },
];

describe('Compare Frameworks report', () => {
  it('lists each changed protocol once in the table, from → to, with both reasons and sections', () => {
    const source = compareReportMarkdown(compareFrameworks(deepseek, rebound, subjects), () => 'infrastructure');
    const markdown = textOf(marked.parse(source, { async: false, gfm: true }));
    assert.match(markdown, /2 protocols change verdict, 1 keep it/);
    const rows = tableRows(source);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows.find((row) => row[1] === 'io.net'), ['infrastructure', 'io.net', 'negative', 'positive']);
    assert.match(markdown, /Jevons: cheaper inference, more demand\. \(section 2\)/);
    assert.ok(!markdown.includes('Bittensor'), 'unchanged protocols are only counted');
  });

  it('escapes note text so a name cannot break the table or become markup', () => {
    const source = compareReportMarkdown(compareFrameworks(deepseek, rebound, subjects), () => 'infrastructure');
    const html = marked.parse(source, { async: false, gfm: true });
    assert.ok(!/<em>|<strong>GPU/.test(html), 'no emphasis from the name');
    const row = tableRows(source).find((cells) => cells[1].startsWith('Render'));
    assert.deepEqual(row, ['infrastructure', 'Render | *GPU*', 'negative', 'positive'], 'the name whole in its own cell');
    assert.equal((html.match(/<tr>/g) ?? []).length, 3, 'a header and two rows: the name broke no row');
  });

  it('says so when nothing changes', () => {
    const markdown = compareReportMarkdown(compareFrameworks(deepseek, deepseek, subjects), () => 'model');
    assert.match(markdown, /No protocol changes verdict/);
    assert.ok(!markdown.includes('| layer |'));
  });

  it('labels verdicts with strength, horizon, override and outlook', () => {
    assert.equal(verdictLabel({ value: 'not-assessed', rationale: '', source: 'framework' }), 'not assessed');
    assert.equal(
      verdictLabel({ value: 'negative', rationale: '', source: 'override', horizon: 'short-term', outlook: { horizon: 'long-term', value: 'positive', rationale: '' } }),
      'negative (short-term, override); positive (long-term)',
    );
  });
});
