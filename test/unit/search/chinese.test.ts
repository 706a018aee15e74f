import * as assert from 'node:assert/strict';
import { ProtocolSearch } from '../../../src/core/search/protocolSearch';
import { tierScore } from '../../../src/core/search/scoring';
import { CHINESE, chineseProtocols, crowd } from './fixtures';

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

  // Full pinyin is one long word, where the uFuzzy passes allow a single slip and keep the first
  // letter: two slips, a blurred sound (模糊音: zh/z, ng/n, n/l) and a slip, or a wrong first key
  // are left to the fuse.js fallback.
  it('finds pinyin with two slips or a wrong first letter through the fuse.js fallback', () => {
    for (const [query, id] of [
      ['suanliwnaglou', 'infra/suanli.md'],
      ['duanliwangluo', 'infra/suanli.md'],
      ['suanniwanglou', 'infra/suanli.md'],
      ['moxinxunlainwang', 'model/mxxl.md'],
      ['noxingxunlianwang', 'model/mxxl.md'],
      ['bitezanglaing', 'model/bittensor.md'],
    ]) {
      const [top] = search.search(query);
      assert.equal(top?.id, id, query);
      assert.ok(top.score <= tierScore('fallback'), `${query}: found by the fallback (score ${top.score})`);
    }
  });

  it('English searches rank as before', () => {
    assert.equal(first('btensr'), 'model/bittensor.md');
    assert.equal(first('TAO'), 'model/bittensor.md');
    assert.equal(first('akash'), 'infra/akash.md');
  });
});

describe('search: pinyin typos among 10,000 names and 300 Chinese ones', function () {
  this.timeout(60_000);
  let search: ProtocolSearch;
  before(() => {
    search = new ProtocolSearch([...crowd(), ...chineseProtocols(300), ...CHINESE]);
  });

  it('puts the Chinese protocol first through the fuse.js fallback', () => {
    for (const [query, name] of [
      ['shouyilinhanyaun', '收益领航员'],
      ['lainshangzhenchabnig', '链上侦察兵'],
      ['fengcaoyanjiutia', '蜂巢研究台'],
    ]) {
      const [top] = search.search(query);
      assert.equal(top?.name, name, query);
      assert.ok(top.score <= tierScore('fallback'), `${query}: found by the fallback (score ${top.score})`);
    }
  });
});
