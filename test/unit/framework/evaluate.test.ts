import * as assert from 'node:assert/strict';
import { builtinFrameworks, evaluate, type Framework, type FrameworkRule } from '../../../src/core/framework';

function frameworkOf(...rules: Array<Pick<FrameworkRule, 'id' | 'match' | 'verdict'>>): Framework {
  return {
    id: 'test',
    title: 'Test',
    source: { article: 'A', author: 'B', date: '2025' },
    rules: rules.map((rule) => ({ rationale: `because ${rule.id}`, section: rule.id, ...rule })),
  };
}

describe('evaluate', () => {
  const layered = frameworkOf(
    { id: 'any-compute', match: { category: 'compute' }, verdict: 'mixed' },
    { id: 'infra', match: { layer: 'infrastructure' }, verdict: 'positive' },
    { id: 'infra-compute', match: { layer: 'infrastructure', category: 'compute' }, verdict: 'negative' },
    { id: 'infra-compute-gpu', match: { layer: 'infrastructure', category: 'compute', tags: ['gpu'] }, verdict: 'positive' },
    { id: 'two-tags', match: { tags: ['gpu', 'depin'] }, verdict: 'mixed' },
  );

  it('lets the most specific matching rule win, whatever the rule order', () => {
    assert.equal(evaluate(layered, { layer: 'infrastructure' }).ruleId, 'infra');
    assert.equal(evaluate(layered, { layer: 'infrastructure', category: 'compute' }).ruleId, 'infra-compute');
    assert.equal(evaluate(layered, { layer: 'infrastructure', category: 'compute', tags: ['gpu'] }).ruleId, 'infra-compute-gpu');
    const reversed = { ...layered, rules: [...layered.rules].reverse() };
    assert.equal(evaluate(reversed, { layer: 'infrastructure', category: 'compute' }).ruleId, 'infra-compute');
  });

  it('counts each tag towards specificity', () => {
    // layer + category + 1 tag (3) beats 2 tags (2); 2 tags beat a bare category (1).
    assert.equal(evaluate(layered, { layer: 'infrastructure', category: 'compute', tags: ['gpu', 'depin'] }).ruleId, 'infra-compute-gpu');
    assert.equal(evaluate(layered, { layer: 'middleware', category: 'compute', tags: ['depin', 'gpu'] }).ruleId, 'two-tags');
  });

  it('breaks ties between equally specific rules by rule order', () => {
    const tie = frameworkOf(
      { id: 'by-layer', match: { layer: 'model' }, verdict: 'positive' },
      { id: 'by-category', match: { category: 'model-training' }, verdict: 'negative' },
    );
    assert.equal(evaluate(tie, { layer: 'model', category: 'model-training' }).ruleId, 'by-layer');
    const swapped = { ...tie, rules: [...tie.rules].reverse() };
    assert.equal(evaluate(swapped, { layer: 'model', category: 'model-training' }).ruleId, 'by-category');
  });

  it('requires every field a rule sets to match', () => {
    assert.equal(evaluate(layered, { layer: 'middleware', category: 'compute', tags: ['gpu'] }).ruleId, 'any-compute');
    assert.equal(evaluate(layered, { layer: 'middleware', category: 'data' }).value, 'not-assessed');
  });

  it('matches categories and tags case-insensitively, ignoring a leading #', () => {
    assert.equal(evaluate(layered, { layer: 'infrastructure', category: 'Compute', tags: ['#GPU'] }).ruleId, 'infra-compute-gpu');
  });

  it('matches a category written as any of its words, in a rule or a subject, as the notes read it', () => {
    const chinese = frameworkOf({ id: 'compute-zh', match: { layer: 'infrastructure', category: '算力' }, verdict: 'negative' });
    assert.equal(evaluate(chinese, { layer: 'infrastructure', category: 'compute' }).ruleId, 'compute-zh');
    assert.equal(evaluate(layered, { layer: 'infrastructure', category: 'ＣＯＭＰＵＴＥ' }).ruleId, 'infra-compute');
    assert.equal(evaluate(chinese, { layer: 'infrastructure', category: 'storage' }).value, 'not-assessed');
    // A category the taxonomy does not know still matches itself, folded the same way.
    const own = frameworkOf({ id: 'own', match: { category: 'Restaking_Layer' }, verdict: 'mixed' });
    assert.equal(evaluate(own, { layer: 'middleware', category: 'restaking layer' }).ruleId, 'own');
  });

  it('never assesses an unclassified protocol, even when a rule matches its category', () => {
    const verdict = evaluate(layered, { layer: 'unclassified', category: 'compute', tags: ['gpu', 'depin'] });
    assert.equal(verdict.value, 'not-assessed');
  });

  it('copies the rule into the verdict: rationale, section, rule id, strength, horizon, outlook', () => {
    const framework: Framework = {
      ...frameworkOf(),
      rules: [
        {
          id: 'agents',
          match: { layer: 'application' },
          verdict: 'negative',
          strength: 'strong',
          horizon: 'short-term',
          outlook: { horizon: 'long-term', verdict: 'positive', rationale: 'later' },
          rationale: 'now',
          section: '4',
        },
      ],
    };
    assert.deepEqual(evaluate(framework, { layer: 'application' }), {
      value: 'negative',
      rationale: 'now',
      section: '4',
      source: 'framework',
      ruleId: 'agents',
      strength: 'strong',
      horizon: 'short-term',
      outlook: { horizon: 'long-term', value: 'positive', rationale: 'later' },
    });
  });

  describe('overrides', () => {
    const deepseek = builtinFrameworks()[0];

    it("puts the researcher's verdict and reason on top and keeps the framework's verdict visible", () => {
      const underlying = evaluate(deepseek, { layer: 'infrastructure', category: 'compute' });
      const verdict = evaluate(deepseek, {
        layer: 'infrastructure',
        category: 'compute',
        override: { verdict: 'positive', reason: 'Pivoted to serving inference for DeFAI swarms.' },
      });
      assert.equal(verdict.value, 'positive');
      assert.equal(verdict.source, 'override');
      assert.equal(verdict.rationale, 'Pivoted to serving inference for DeFAI swarms.');
      assert.equal(verdict.section, undefined);
      assert.equal(verdict.ruleId, undefined);
      assert.deepEqual(verdict.frameworkVerdict, underlying);
      assert.equal(verdict.frameworkVerdict?.value, 'negative');
    });

    it('applies to protocols the framework does not assess, including unclassified ones', () => {
      const verdict = evaluate(deepseek, { layer: 'unclassified', override: { verdict: 'negative', reason: 'Runs on io.net only.' } });
      assert.equal(verdict.value, 'negative');
      assert.equal(verdict.frameworkVerdict?.value, 'not-assessed');
    });

    it('still says it is an override when the researcher gave no reason', () => {
      const verdict = evaluate(deepseek, { layer: 'model', override: { verdict: 'mixed', reason: '  ' } });
      assert.equal(verdict.source, 'override');
      assert.match(verdict.rationale, /no reason given/);
    });
  });
});
