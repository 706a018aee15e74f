import * as assert from 'node:assert/strict';
import { parseNote } from '../../../src/core/note/parseNote';
import { BUILTIN_VOCABULARY, CATEGORIES, LAYER_WORDS } from '../../../src/core/vocabulary/taxonomy';
import { Atlas } from '../../../src/core/atlas';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import { LAYERS, type Layer } from '../../../src/core/vocabulary/model';

const normalizeLayer = (text: string) => BUILTIN_VOCABULARY.layer(text);
const normalizeCategory = (text: string) => BUILTIN_VOCABULARY.category(text);
const closestLayers = (text: string) => BUILTIN_VOCABULARY.closestLayers(text);
const closestCategories = (text: string, layer?: Layer) => BUILTIN_VOCABULARY.closestCategories(text, layer);

// The framework's article is Chinese; its readers write 基础设施层 and 算力, not infrastructure and compute.
describe('notes written in Chinese', () => {
  it('every layer and category synonym, in any case or width, names its id', () => {
    for (const layer of LAYERS) {
      for (const word of [...LAYER_WORDS[layer].synonyms, LAYER_WORDS[layer].chineseLabel]) assert.equal(normalizeLayer(word), layer, word);
    }
    for (const category of CATEGORIES) {
      for (const word of [category.id, category.label, category.chineseLabel, ...category.synonyms]) assert.equal(normalizeCategory(word)?.id, category.id, word);
    }
    const expected: Array<[string, string]> = [
      ['算力', 'compute'], ['计算', 'compute'], ['存储', 'storage'], ['公链', 'l1'], ['L1', 'l1'], ['数据', 'data'],
      ['智能体框架', 'agent-framework'], ['Agent框架', 'agent-framework'], ['隐私计算', 'privacy'], ['模型训练', 'model-training'],
      ['开源模型训练网络', 'model-training'], ['AI代理', 'ai-agents'], ['智能体', 'ai-agents'], ['AI Agent', 'ai-agents'],
      ['DeFAI', 'defai'], ['智能体集群', 'agent-swarm'], ['Swarm', 'agent-swarm'],
    ];
    for (const [word, id] of expected) assert.equal(normalizeCategory(word)?.id, id, word);
    for (const [word, layer] of [['基础设施层', 'infrastructure'], ['基础设施', 'infrastructure'], ['中间件层', 'middleware'], ['模型层', 'model'], ['应用层', 'application']]) {
      assert.equal(normalizeLayer(word), layer, word);
    }
    assert.equal(normalizeLayer('ＩＮＦＲＡ'), 'infrastructure', 'full-width letters fold');
    assert.equal(normalizeCategory('ＡＩ代理')?.id, 'ai-agents');
    assert.equal(normalizeCategory('Ｌａｙｅｒ－１')?.id, 'l1');
  });

  it('an override’s verdict in the article’s words: 利好, 利空, 影响不一, 未评估', () => {
    const verdictOf = (word: string) => parseNote('x.md', `---\nprotocol: X\nlayer: model\nimpact:\n  verdict: ${word}\n  reason: 我的判断\n---\n`).override?.verdict;
    assert.equal(verdictOf('利好'), 'positive');
    assert.equal(verdictOf('利空'), 'negative');
    assert.equal(verdictOf('影响不一'), 'mixed');
    assert.equal(verdictOf('未评估'), 'not-assessed');
    assert.equal(verdictOf('ＰＯＳＩＴＩＶＥ'), 'positive', 'full-width letters fold');
  });

  it('front matter, #layer/ tags, layer/ tags and folder names in Chinese all place the note', () => {
    const front = parseNote('a.md', '---\nprotocol: 某算力网络\nlayer: 基础设施层\ncategory: 算力\n---\n');
    assert.equal(front.layer.value, 'infrastructure');
    assert.equal(front.category?.value, 'compute');
    assert.deepEqual(front.diagnostics, []);
    assert.equal(parseNote('b.md', '# 某模型\n\n#layer/模型层\n').layer.value, 'model');
    assert.equal(parseNote('c.md', '---\ntags: [layer/应用层]\n---\n').layer.value, 'application');
    const folder = parseNote('基础设施层/某存储.md', '# 某存储\n');
    assert.deepEqual([folder.layer.value, folder.layer.source], ['infrastructure', 'folder']);
    assert.equal(parseNote('中间件层/数据/x.md', '').layer.value, 'middleware');
  });

  it('compute written in Chinese gets the article’s negative verdict, and its dependents are exposed', () => {
    const index = new ProtocolIndex();
    index.build([
      { path: '基础设施层/gpu.md', text: '---\nprotocol: 某GPU网络\ncategory: 算力\n---\n' },
      { path: '应用层/app.md', text: '---\nprotocol: 某DeFAI应用\ncategory: DeFAI\ndepends_on: [某GPU网络]\n---\n' },
    ]);
    const atlas = new Atlas({ index });
    assert.equal(atlas.verdictOf('基础设施层/gpu.md').value, 'negative');
    assert.equal(atlas.verdictOf('应用层/app.md').value, 'positive');
    assert.equal(atlas.exposureCounts().get('应用层/app.md')?.count, 1);
  });

  it('"did you mean" never proposes an unrelated value; when nothing is near it lists the valid ones', () => {
    assert.ok(!closestCategories('算力x', 'infrastructure').includes('l1'));
    assert.deepEqual(closestCategories('区块链存档', 'infrastructure'), ['compute', 'storage', 'l1'], 'nothing near: the layer’s categories');
    assert.deepEqual(closestCategories('storag', 'infrastructure'), ['storage']);
    assert.deepEqual(closestLayers('modle'), ['model']);
    assert.deepEqual(closestLayers('区块链网络'), [...LAYERS], 'nothing near: every layer');
    const unknown = parseNote('x.md', '---\nlayer: 基础设施层\ncategory: 奇怪的东西\n---\n').diagnostics.find((d) => d.code === 'unknown-category');
    assert.deepEqual(unknown?.data?.suggestions, ['compute', 'storage', 'l1']);
    assert.doesNotMatch(unknown?.message ?? '', /Did you mean l1\?/);
  });

  it('a note with a layer but no category says the category is what is missing', () => {
    const index = new ProtocolIndex();
    index.build([{ path: 'x.md', text: '---\nprotocol: X\nlayer: infrastructure\n---\n' }]);
    const verdict = new Atlas({ index }).verdictOf('x.md');
    assert.equal(verdict.value, 'not-assessed');
    assert.match(verdict.rationale, /no category/);
    assert.match(verdict.rationale, /compute/);
  });
});
