import * as assert from 'node:assert/strict';
import { LAYERS, type Layer } from '../../../src/core/vocabulary/model';
import { editDistance, closestMatches } from '../../../src/core/vocabulary/closest';
import { BUILTIN_VOCABULARY, CATEGORIES, categoriesOf } from '../../../src/core/vocabulary/taxonomy';

const normalizeLayer = (text: string) => BUILTIN_VOCABULARY.layer(text);
const normalizeCategory = (text: string) => BUILTIN_VOCABULARY.category(text);
const closestLayers = (text: string) => BUILTIN_VOCABULARY.closestLayers(text);
const closestCategories = (text: string, layer?: Layer) => BUILTIN_VOCABULARY.closestCategories(text, layer);

describe('taxonomy', () => {
  it('reads every layer synonym, whatever the case and spacing', () => {
    const cases: Array<[string, string]> = [
      ['infra', 'infrastructure'],
      [' Infrastructure ', 'infrastructure'],
      ['MW', 'middleware'],
      ['middleware', 'middleware'],
      ['Models', 'model'],
      ['model', 'model'],
      ['app', 'application'],
      ['Apps', 'application'],
      ['applications', 'application'],
      ['unclassified', 'unclassified'],
    ];
    for (const [written, layer] of cases) assert.equal(normalizeLayer(written), layer, written);
    assert.equal(normalizeLayer('infrastruture'), undefined);
    assert.equal(normalizeLayer(''), undefined);
  });

  it('maps category synonyms to canonical ids with their layer', () => {
    const cases: Array<[string, string, string]> = [
      ['compute', 'compute', 'infrastructure'],
      ['Storage', 'storage', 'infrastructure'],
      ['L1', 'l1', 'infrastructure'],
      ['layer 1', 'l1', 'infrastructure'],
      ['Layer-1', 'l1', 'infrastructure'],
      ['data collection', 'data', 'middleware'],
      ['labelling', 'data', 'middleware'],
      ['Agent Frameworks', 'agent-framework', 'middleware'],
      ['framework', 'agent-framework', 'middleware'],
      ['agent_framework', 'agent-framework', 'middleware'],
      ['privacy computing', 'privacy', 'middleware'],
      ['open model training networks', 'model-training', 'model'],
      ['Open model training network', 'model-training', 'model'],
      ['training', 'model-training', 'model'],
      ['AI agents', 'ai-agents', 'application'],
      ['agents', 'ai-agents', 'application'],
      ['DeFAI', 'defai', 'application'],
      ['agent swarms', 'agent-swarm', 'application'],
      ['swarm', 'agent-swarm', 'application'],
    ];
    for (const [written, id, layer] of cases) assert.deepEqual(normalizeCategory(written), { id, layer }, written);
    assert.equal(normalizeCategory('gpu rental'), undefined);
  });

  it('lists every category once, each under one of the four layers', () => {
    assert.equal(new Set(CATEGORIES.map((category) => category.id)).size, CATEGORIES.length);
    for (const category of CATEGORIES) assert.ok(LAYERS.includes(category.layer));
    assert.deepEqual(
      categoriesOf('infrastructure').map((category) => category.id),
      ['compute', 'storage', 'l1'],
    );
    assert.deepEqual(categoriesOf('unclassified'), []);
  });

  it('suggests the nearest layers for a typo, and all four when nothing is near', () => {
    assert.equal(closestLayers('infrastruture')[0], 'infrastructure');
    assert.equal(closestLayers('midleware')[0], 'middleware');
    assert.equal(closestLayers('aplication')[0], 'application');
    assert.deepEqual(closestLayers('zzzzzzzzzzzz'), [...LAYERS]);
  });

  it('suggests the nearest categories, optionally within one layer', () => {
    assert.equal(closestCategories('compte')[0], 'compute');
    assert.equal(closestCategories('defi')[0], 'defai');
    assert.ok(closestCategories('storag', 'infrastructure').includes('storage'));
    assert.ok(!closestCategories('storag', 'application').includes('storage'));
  });
});

describe('closest', () => {
  it('computes edit distance and stops early past the limit', () => {
    assert.equal(editDistance('akash', 'akash'), 0);
    assert.equal(editDistance('akash', 'akahs'), 2);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('kitten', 'sitting', 1), 2);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('ranks near names first and finds names that contain what was typed', () => {
    assert.deepEqual(closestMatches('Akahs', ['Render', 'Akash', 'Arweave']), ['Akash']);
    assert.deepEqual(closestMatches('akash', ['Akash Network', 'Render']), ['Akash Network']);
    assert.deepEqual(closestMatches('', ['Akash']), []);
    assert.deepEqual(closestMatches('Qwerty', ['Akash', 'Render']), []);
  });
});
