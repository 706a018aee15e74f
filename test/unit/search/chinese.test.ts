import * as assert from 'node:assert/strict';
import { ProtocolSearch } from '../../../src/core/search/protocolSearch';

const search = new ProtocolSearch([
  { id: 'infra/suanli.md', name: '算力网络', aliases: [], layer: 'infrastructure', category: 'compute' },
  { id: 'infra/akash.md', name: 'Akash', aliases: ['AKT'], layer: 'infrastructure', category: 'compute' },
  { id: 'infra/arweave.md', name: 'Arweave', aliases: [], layer: 'infrastructure', category: 'storage' },
  { id: 'model/mxxl.md', name: '模型训练网', aliases: [], layer: 'model', category: 'model-training' },
  { id: 'model/bittensor.md', name: 'Bittensor', aliases: ['TAO', '比特张量'], layer: 'model', category: 'model-training' },
  { id: 'app/pilot.md', name: 'Yield Pilot', aliases: [], layer: 'application', category: 'defai' },
]);
const first = (query: string) => search.search(query)[0]?.id;
const ids = (query: string) => search.search(query).map((result) => result.id);

describe('search: Chinese names, pinyin and Chinese category words', () => {
  it('finds a Chinese name by its characters, its full pinyin and its initials', () => {
    assert.equal(first('算力网络'), 'infra/suanli.md');
    assert.equal(first('suanli'), 'infra/suanli.md');
    assert.equal(first('suanliwangluo'), 'infra/suanli.md');
    assert.equal(first('slwl'), 'infra/suanli.md');
    assert.equal(first('mxxl'), 'model/mxxl.md');
    const match = search.search('slwl')[0].matches[0];
    assert.equal(match.field, 'pinyin');
  });

  it('finds an English protocol by the pinyin of its Chinese alias', () => {
    assert.equal(first('bitezhangliang'), 'model/bittensor.md');
    assert.equal(first('比特张量'), 'model/bittensor.md');
  });

  it('a Chinese category or layer word finds the protocols of that category or layer', () => {
    const compute = ids('算力');
    assert.equal(compute[0], 'infra/suanli.md', 'the name that holds the word first');
    assert.ok(compute.includes('infra/akash.md'), `算力 finds Akash (compute): ${compute.join(', ')}`);
    assert.ok(!compute.includes('infra/arweave.md'), 'but not storage');
    assert.deepEqual(ids('存储'), ['infra/arweave.md']);
    assert.ok(ids('应用层').includes('app/pilot.md'));
    assert.ok(ids('模型训练').includes('model/bittensor.md'));
  });

  it('English searches rank as before', () => {
    assert.equal(first('btensr'), 'model/bittensor.md');
    assert.equal(first('TAO'), 'model/bittensor.md');
    assert.equal(first('akash'), 'infra/akash.md');
  });
});
