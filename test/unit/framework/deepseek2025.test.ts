import * as assert from 'node:assert/strict';
import { builtinFrameworks, DEFAULT_FRAMEWORK_ID, evaluate, parseFramework } from '../../../src/core/framework';
import type { Layer } from '../../../src/core/vocabulary/model';
import { categoryById } from '../../../src/core/vocabulary/taxonomy';

const deepseek = builtinFrameworks().find((framework) => framework.id === DEFAULT_FRAMEWORK_ID)!;
const verdictFor = (layer: Layer, category?: string, tags?: string[]) => evaluate(deepseek, { layer, category, tags });

describe('built-in framework deepseek-2025', () => {
  it('is the default and reads as a valid framework file, with no warnings', () => {
    assert.ok(deepseek, 'deepseek-2025 is missing from builtinFrameworks');
    const { framework, diagnostics } = parseFramework(JSON.stringify(deepseek), 'deepseek-2025.json');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(framework, deepseek);
    assert.equal('$schema' in deepseek, false);
  });

  it('cites the BlockBooster article by Kevin, February 2025', () => {
    assert.deepEqual(deepseek.source, {
      article: 'The impact of DeepSeek on Web3 AI upstream and downstream protocols',
      author: 'Kevin',
      date: 'February 2025',
      publisher: 'BlockBooster',
    });
  });

  it('encodes exactly the five rules of the article, no more', () => {
    assert.deepEqual(
      deepseek.rules.map((rule) => [rule.id, rule.match, rule.verdict, rule.section]),
      [
        ['compute-negative', { layer: 'infrastructure', category: 'compute' }, 'negative', '2, 3 (negative)'],
        ['model-positive', { layer: 'model' }, 'positive', '3 (positive)'],
        ['application-positive', { layer: 'application' }, 'positive', '3 (positive), 4'],
        ['ai-agents-market-negative', { layer: 'application', category: 'ai-agents' }, 'negative', '4'],
        ['defai-positive', { layer: 'application', category: 'defai' }, 'positive', 'TLDR, 4'],
      ],
    );
  });

  it('matches only categories of the note taxonomy, in their own layer', () => {
    for (const { id, match } of deepseek.rules) {
      if (match.category) assert.equal(categoryById(match.category)?.layer, match.layer, id);
    }
  });

  for (const name of ['io.net', 'Render', 'Akash']) {
    it(`flags ${name} (infrastructure / compute) negative, citing sections 2 and 3 and the price war`, () => {
      const verdict = verdictFor('infrastructure', 'compute', [name.toLowerCase()]);
      assert.equal(verdict.value, 'negative');
      assert.equal(verdict.section, '2, 3 (negative)');
      assert.equal(verdict.ruleId, 'compute-negative');
      assert.equal(verdict.source, 'framework');
      for (const reason of ['price war', '4090', 'death spiral', 'latency', 'coordination']) {
        assert.match(verdict.rationale, new RegExp(reason), `rationale should mention ${reason}`);
      }
    });
  }

  it('flags Bittensor (model / model-training) positive: competition moves from compute to algorithms', () => {
    const verdict = verdictFor('model', 'model-training');
    assert.equal(verdict.value, 'positive');
    assert.equal(verdict.section, '3 (positive)');
    assert.match(verdict.rationale, /from compute to algorithms/);
    assert.match(verdict.rationale, /Bittensor/);
  });

  it('flags DeFAI positive with the strongest strength, citing the TLDR', () => {
    const verdict = verdictFor('application', 'defai');
    assert.deepEqual([verdict.value, verdict.strength, verdict.section, verdict.ruleId], ['positive', 'strongest', 'TLDR, 4', 'defai-positive']);
    assert.match(verdict.rationale, /give birth to new life/);
  });

  it('flags AI agents negative in the short term, with a positive long-term outlook', () => {
    const verdict = verdictFor('application', 'ai-agents');
    assert.equal(verdict.value, 'negative');
    assert.equal(verdict.horizon, 'short-term');
    assert.equal(verdict.section, '4');
    assert.match(verdict.rationale, /bubble/);
    assert.deepEqual(
      { horizon: verdict.outlook?.horizon, value: verdict.outlook?.value },
      { horizon: 'long-term', value: 'positive' },
    );
    assert.match(verdict.outlook!.rationale, /golden track/);
  });

  it('flags agent swarms and uncategorised applications by the general application rule', () => {
    for (const category of ['agent-swarm', undefined]) {
      const verdict = verdictFor('application', category);
      assert.deepEqual([verdict.value, verdict.ruleId, verdict.section], ['positive', 'application-positive', '3 (positive), 4']);
      assert.equal(verdict.strength, undefined);
    }
  });

  const notAssessed: Array<[Layer, string | undefined]> = [
    ['infrastructure', 'storage'],
    ['infrastructure', 'l1'],
    ['infrastructure', undefined],
    ['middleware', 'data'],
    ['middleware', 'agent-framework'],
    ['middleware', 'privacy'],
    ['unclassified', undefined],
    ['unclassified', 'compute'],
  ];
  for (const [layer, category] of notAssessed) {
    it(`does not assess ${layer}${category ? ` / ${category}` : ''}: no invented verdict, no section`, () => {
      const verdict = verdictFor(layer, category);
      assert.equal(verdict.value, 'not-assessed');
      assert.match(verdict.rationale, /^Not assessed by this framework/);
      assert.equal(verdict.section, undefined);
      assert.equal(verdict.ruleId, undefined);
      assert.equal(verdict.source, 'framework');
    });
  }
});
