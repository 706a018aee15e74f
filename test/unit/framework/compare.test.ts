import * as assert from 'node:assert/strict';
import { builtinFrameworks, compareFrameworks, type ComparedProtocol, type Framework } from '../../../src/core/framework';

const deepseek = builtinFrameworks()[0];

/** The same thesis, except that compute comes out ahead (e.g. a later demand-boom article). */
const computeBoom: Framework = {
  ...deepseek,
  id: 'compute-boom',
  title: 'Compute boom',
  rules: deepseek.rules.map((rule) =>
    rule.id === 'compute-negative' ? { ...rule, verdict: 'positive', rationale: 'Demand outruns supply.' } : rule,
  ),
};

const atlas: ComparedProtocol[] = [
  { path: 'notes/render.md', name: 'Render', layer: 'infrastructure', category: 'compute' },
  { path: 'notes/io.net.md', name: 'io.net', layer: 'infrastructure', category: 'compute' },
  { path: 'notes/akash.md', name: 'Akash', layer: 'infrastructure', category: 'compute' },
  { path: 'notes/arweave.md', name: 'Arweave', layer: 'infrastructure', category: 'storage' },
  { path: 'notes/near.md', name: 'NEAR', layer: 'infrastructure', category: 'l1' },
  { path: 'notes/grass.md', name: 'Grass', layer: 'middleware', category: 'data' },
  { path: 'notes/bittensor.md', name: 'Bittensor', layer: 'model', category: 'model-training' },
  { path: 'notes/griffain.md', name: 'Griffain', layer: 'application', category: 'defai' },
  { path: 'notes/ai16z.md', name: 'ai16z', layer: 'application', category: 'ai-agents' },
  { path: 'notes/loose.md', name: 'Loose note', layer: 'unclassified' },
  {
    path: 'notes/gpu-dao.md',
    name: 'GPU DAO',
    layer: 'infrastructure',
    category: 'compute',
    override: { verdict: 'mixed', reason: 'Sells to both sides.' },
  },
];

describe('compareFrameworks', () => {
  it('lists exactly the compute protocols when a second framework flips compute to positive', () => {
    const comparison = compareFrameworks(deepseek, computeBoom, atlas);
    assert.deepEqual(comparison.a, { id: 'deepseek-2025', title: deepseek.title });
    assert.deepEqual(comparison.b, { id: 'compute-boom', title: 'Compute boom' });
    assert.deepEqual(
      comparison.changes.map((change) => [change.name, change.from.value, change.to.value]),
      [
        ['Akash', 'negative', 'positive'],
        ['io.net', 'negative', 'positive'],
        ['Render', 'negative', 'positive'],
      ],
    );
    assert.equal(comparison.unchanged, atlas.length - 3);
    assert.equal(comparison.changes[0].path, 'notes/akash.md');
    assert.equal(comparison.changes[0].to.rationale, 'Demand outruns supply.');
    assert.equal(comparison.changes[0].from.section, '2, 3 (negative)');
  });

  it('keeps an overridden protocol unchanged: the researcher flag is what they see under both', () => {
    const comparison = compareFrameworks(deepseek, computeBoom, atlas);
    assert.ok(!comparison.changes.some((change) => change.path === 'notes/gpu-dao.md'));
  });

  it('finds nothing to report when a framework is compared with itself', () => {
    assert.deepEqual(compareFrameworks(deepseek, deepseek, atlas).changes, []);
    assert.equal(compareFrameworks(deepseek, deepseek, []).unchanged, 0);
  });

  it('sorts changes by layer, bottom to top, then by name', () => {
    const everythingNegative: Framework = {
      ...deepseek,
      id: 'doom',
      title: 'Doom',
      rules: (['infrastructure', 'middleware', 'model', 'application'] as const).map((layer) => ({
        id: `${layer}-negative`,
        match: { layer },
        verdict: 'negative' as const,
        rationale: 'Everything falls.',
        section: '1',
      })),
    };
    const shuffled = [...atlas].reverse();
    const names = compareFrameworks(deepseek, everythingNegative, shuffled).changes.map((change) => change.name);
    // Compute stays negative; the agent market was already negative short-term but loses its horizon.
    assert.deepEqual(names, ['Arweave', 'NEAR', 'Grass', 'Bittensor', 'ai16z', 'Griffain']);
  });

  it('counts a change of horizon or outlook alone as a change, but not a new rationale or strength', () => {
    const reworded: Framework = {
      ...deepseek,
      id: 'reworded',
      rules: deepseek.rules.map((rule) => ({ ...rule, rationale: `${rule.rationale} (reworded)`, strength: 'weak' as const })),
    };
    assert.deepEqual(compareFrameworks(deepseek, reworded, atlas).changes, []);
    const agentsLater: Framework = {
      ...deepseek,
      id: 'agents-later',
      rules: deepseek.rules.map((rule) =>
        rule.outlook ? { ...rule, outlook: { ...rule.outlook, verdict: 'mixed' as const } } : rule,
      ),
    };
    const changes = compareFrameworks(deepseek, agentsLater, atlas).changes;
    assert.deepEqual(changes.map((change) => [change.name, change.from.outlook?.value, change.to.outlook?.value]), [['ai16z', 'positive', 'mixed']]);
  });
});
