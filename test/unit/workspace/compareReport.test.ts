import * as assert from 'node:assert/strict';
import { compareReportMarkdown, verdictLabel } from '../../../src/core/compareReport';
import { BUILTIN_FRAMEWORKS, compareFrameworks, type Framework } from '../../../src/core/framework';

const deepseek = BUILTIN_FRAMEWORKS[0];
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
    const markdown = compareReportMarkdown(compareFrameworks(deepseek, rebound, subjects), () => 'infrastructure');
    assert.match(markdown, /\*\*2\*\* protocols change verdict, 1 keep it/);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| infrastructure |'));
    assert.equal(rows.length, 2);
    assert.ok(rows.some((row) => row.startsWith('| infrastructure | io.net | negative') && row.includes('| positive |')), rows.join('\n'));
    assert.match(markdown, /Jevons: cheaper inference, more demand\. \(section 2\)/);
    assert.ok(!markdown.includes('Bittensor'), 'unchanged protocols are only counted');
  });

  it('escapes note text so a name cannot break the table or become markup', () => {
    const markdown = compareReportMarkdown(compareFrameworks(deepseek, rebound, subjects), () => 'infrastructure');
    assert.ok(markdown.includes('Render \\| \\*GPU\\*'), markdown);
    const row = markdown.split('\n').find((line) => line.includes('Render'));
    assert.equal(row?.split(/(?<!\\)\|/).length, 6, 'still five cells');
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
