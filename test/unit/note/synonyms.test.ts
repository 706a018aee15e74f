// A researcher's own words for layers and categories (the `protocolAtlas.synonyms` setting): read
// wherever the built-in words are (front matter, tags, folder names, search, suggestions), and
// refused, with a reason, whenever they would change what a built-in word means or are hostile.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseNote } from '../../../src/core/note/parseNote';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import { Atlas } from '../../../src/core/atlas';
import { ProtocolSearch } from '../../../src/core/search/protocolSearch';
import { LAYERS } from '../../../src/core/vocabulary/model';
import { BUILTIN_VOCABULARY, CATEGORIES, LAYER_WORDS, type Vocabulary } from '../../../src/core/vocabulary/taxonomy';
import { SYNONYM_LIMITS, SYNONYMS_SETTING, readSynonyms, synonymProblemTexts } from '../../../src/core/vocabulary/synonyms';

const SETTING = { layers: { infrastructure: ['底层', 'infra layer'] }, categories: { compute: ['GPU网络', 'gpu marketplace'] } };

function vocabularyOf(value: unknown): Vocabulary {
  const read = readSynonyms(value);
  assert.deepEqual(synonymProblemTexts(read), [], 'no problems');
  return read.vocabulary;
}

const parse = (file: string, text: string, vocabulary: Vocabulary) => parseNote(file, text, { rootSegments: 0, vocabulary });

/** Every word the built-in vocabulary knows, with what it means there. */
function builtInWords(): Array<{ group: 'layers' | 'categories'; word: string; means: string }> {
  const words: Array<{ group: 'layers' | 'categories'; word: string; means: string }> = [];
  for (const layer of LAYERS) for (const word of LAYER_WORDS[layer].synonyms) words.push({ group: 'layers', word, means: layer });
  words.push({ group: 'layers', word: 'unclassified', means: 'unclassified' });
  for (const category of CATEGORIES) {
    for (const word of [category.id, category.label, category.chineseLabel, ...category.synonyms]) words.push({ group: 'categories', word, means: category.id });
  }
  return words;
}

describe('synonyms of your own (protocolAtlas.synonyms)', () => {
  const vocabulary = vocabularyOf(SETTING);

  it('are read in front matter, as the built-in words are, and leave those as they were', () => {
    const note = parse('x.md', '---\nprotocol: X\nlayer: 底层\ncategory: GPU网络\n---\n', vocabulary);
    assert.deepEqual([note.layer.value, note.layer.source, note.category?.value], ['infrastructure', 'front-matter', 'compute']);
    assert.deepEqual(note.diagnostics, []);
    const builtIn = parse('y.md', '---\nprotocol: Y\nlayer: 基础设施层\ncategory: 算力\n---\n', vocabulary);
    assert.deepEqual([builtIn.layer.value, builtIn.category?.value, builtIn.diagnostics.length], ['infrastructure', 'compute', 0]);
    // Without them the same note is an unknown layer and category, as before.
    const without = parseNote('x.md', '---\nprotocol: X\nlayer: 底层\ncategory: GPU网络\n---\n');
    assert.deepEqual(without.diagnostics.map((d) => d.code).sort(), ['unknown-category', 'unknown-layer']);
  });

  it('are read in #layer/ tags, layer/ tags and folder names, in any case and width', () => {
    assert.deepEqual([parse('a.md', '# A\n\n#layer/底层\n', vocabulary).layer.value, parse('a.md', '# A\n\n#layer/底层\n', vocabulary).layer.source], ['infrastructure', 'tag']);
    assert.equal(parse('b.md', '---\ntags: [layer/Infra-Layer]\n---\n', vocabulary).layer.value, 'infrastructure');
    const folder = parse('底层/c.md', '# C\n', vocabulary);
    assert.deepEqual([folder.layer.value, folder.layer.source], ['infrastructure', 'folder']);
    assert.equal(parse('notes/INFRA_LAYER/d.md', '# D\n', vocabulary).layer.value, 'infrastructure');
    assert.equal(parse('e.md', '---\ncategory: ＧＰＵ网络\n---\n', vocabulary).category?.value, 'compute', 'full-width letters fold');
    assert.equal(parse('f.md', '---\ncategory: GPU_Marketplace\n---\n', vocabulary).category?.value, 'compute');
    assert.equal(parseNote('底层/c.md', '# C\n').layer.value, 'unclassified', 'not without the setting');
  });

  it('reach the index through its placement, as multi-root keys do', () => {
    const index = new ProtocolIndex({ placement: () => ({ rootSegments: 1, vocabulary }) });
    index.build([
      { path: 'research/底层/gpu.md', text: '---\nprotocol: GPU Net\ncategory: GPU网络\n---\n' },
      { path: '底层/x.md', text: '# X\n' },
    ]);
    assert.equal(index.note('research/底层/gpu.md')?.layer.value, 'infrastructure');
    assert.equal(index.note('research/底层/gpu.md')?.category?.value, 'compute');
    assert.equal(index.note('底层/x.md')?.layer.value, 'unclassified', 'the first segment names a root folder, never a layer');
  });

  it('are proposed by "Did you mean" for a misspelt word', () => {
    const typo = parse('x.md', '---\nprotocol: X\nlayer: infrastructure\ncategory: gpu marketplce\n---\n', vocabulary);
    const diagnostic = typo.diagnostics.find((d) => d.code === 'unknown-category');
    assert.equal(diagnostic?.data?.suggestions?.[0], 'compute');
    assert.match(diagnostic?.message ?? '', /Did you mean compute/);
    assert.equal(vocabulary.closestLayers('infra layr')[0], 'infrastructure');
    assert.equal(vocabulary.closestCategories('GPU网路', 'infrastructure')[0], 'compute');
  });

  it('find the protocols of their category or layer in the search, in any language', () => {
    const entries = [
      { id: 'a.md', name: 'Akash', aliases: [], layer: 'infrastructure' as const, category: 'compute' },
      { id: 'b.md', name: 'Arweave', aliases: [], layer: 'infrastructure' as const, category: 'storage' },
      { id: 'c.md', name: 'Eliza', aliases: [], layer: 'middleware' as const, category: 'agent-framework' },
    ];
    const search = new ProtocolSearch(entries, vocabulary);
    assert.deepEqual(search.search('GPU网络').map((result) => result.id), ['a.md']);
    assert.deepEqual(search.search('gpu marketplace').map((result) => result.id), ['a.md']);
    assert.deepEqual(search.search('infra layer').map((result) => result.id).sort(), ['a.md', 'b.md']);
    assert.equal(search.search('GPU网络')[0].matches[0].field, 'category');
    assert.deepEqual(new ProtocolSearch(entries).search('GPU网络'), [], 'not without them');
  });

  it('the atlas builds its search again when the words change', () => {
    let words: Vocabulary = BUILTIN_VOCABULARY;
    const index = new ProtocolIndex();
    index.build([{ path: 'a.md', text: '---\nprotocol: Akash\nlayer: infrastructure\ncategory: compute\n---\n' }]);
    const atlas = new Atlas({ index, vocabulary: () => words });
    assert.deepEqual(atlas.search.search('GPU网络'), []);
    words = vocabulary;
    assert.deepEqual(atlas.search.search('GPU网络').map((result) => result.id), ['a.md']);
  });

  it('have a digest: none without extras, the same for the same words however written, another for others', () => {
    assert.equal(BUILTIN_VOCABULARY.digest, '');
    assert.match(vocabulary.digest, /^[0-9a-f]{16}$/);
    const reordered = vocabularyOf({ categories: { compute: ['gpu marketplace', 'GPU网络'] }, layers: { infrastructure: ['infra layer', ' 底层 ', 'INFRA LAYER'] } });
    assert.equal(reordered.digest, vocabulary.digest);
    assert.notEqual(vocabularyOf({ layers: { infrastructure: ['底层'] } }).digest, vocabulary.digest);
    assert.notEqual(vocabularyOf({ layers: { middleware: ['底层'] } }).digest, vocabularyOf({ layers: { infrastructure: ['底层'] } }).digest);
    assert.equal(readSynonyms({ layers: { infrastructure: ['infra', '基础设施'] } }).vocabulary, BUILTIN_VOCABULARY, 'only words it already has: the built-in vocabulary');
    assert.equal(readSynonyms(undefined).vocabulary, BUILTIN_VOCABULARY);
    assert.equal(readSynonyms({}).vocabulary, BUILTIN_VOCABULARY);
  });

  it('can never give a built-in word another meaning', () => {
    for (const { group, word, means } of builtInWords()) {
      const ids = group === 'layers' ? LAYERS : CATEGORIES.map((category) => category.id);
      const other = ids.find((id) => id !== means) as string;
      const read = readSynonyms({ [group]: { [other]: [word, `${word}\u3000`.toUpperCase()] } });
      const meaning = group === 'layers' ? read.vocabulary.layer(word) : read.vocabulary.category(word)?.id;
      assert.equal(meaning, means, `${word} still means ${means}`);
      assert.equal(read.vocabulary, BUILTIN_VOCABULARY, word);
      assert.equal(read.problems[0]?.kind, 'taken', word);
      assert.match(synonymProblemTexts(read)[0], new RegExp(`already means ${means}`), word);
    }
  });

  it('give a word to one id only, the first in the ids’ order whatever the order written', () => {
    for (const layers of [{ infrastructure: ['底层'], middleware: ['底层'] }, { middleware: ['底层'], infrastructure: ['底层'] }]) {
      const read = readSynonyms({ layers });
      assert.equal(read.vocabulary.layer('底层'), 'infrastructure');
      assert.deepEqual(synonymProblemTexts(read), [
        'protocolAtlas.synonyms.layers.middleware: “底层” is already one of the words for infrastructure; a word can mean one thing only, so it is not added here.',
      ]);
    }
    // Layers and categories are read in different places: one word may name one of each.
    const both = vocabularyOf({ layers: { infrastructure: ['硬件'] }, categories: { compute: ['硬件'] } });
    assert.deepEqual([both.layer('硬件'), both.category('硬件')?.id], ['infrastructure', 'compute']);
  });

  it('ignore unknown ids and entries, and say so', () => {
    // As a settings file gives it: JSON.parse makes `__proto__` an entry like any other.
    const read = readSynonyms(JSON.parse(`{
      "layers": { "unclassified": ["未分类"], "infra": ["x"], "__proto__": ["y"], "constructor": ["z"] },
      "categories": { "gpu": ["显卡"], "compute": "GPU网络", "storage": [42, "", "   ", null, "存储网络"] },
      "other": {}
    }`));
    const texts = synonymProblemTexts(read);
    assert.deepEqual(texts, [
      'protocolAtlas.synonyms has an entry “other”: only “layers” and “categories” are read.',
      'protocolAtlas.synonyms.layers: “unclassified” is not a layer (the layers are infrastructure, middleware, model, application); its words are ignored.',
      'protocolAtlas.synonyms.layers: “infra” is not a layer (the layers are infrastructure, middleware, model, application); its words are ignored.',
      'protocolAtlas.synonyms.layers: “__proto__” is not a layer (the layers are infrastructure, middleware, model, application); its words are ignored.',
      'protocolAtlas.synonyms.layers: “constructor” is not a layer (the layers are infrastructure, middleware, model, application); its words are ignored.',
      `protocolAtlas.synonyms.categories: “gpu” is not a category (the categories are ${CATEGORIES.map((c) => c.id).join(', ')}); its words are ignored.`,
      'protocolAtlas.synonyms.categories.compute should be a list of words; it is ignored.',
      'protocolAtlas.synonyms.categories.storage: entry 1 is not a word; it is ignored.',
      'protocolAtlas.synonyms.categories.storage: entry 2 is not a word; it is ignored.',
      'protocolAtlas.synonyms.categories.storage: entry 3 is not a word; it is ignored.',
      'protocolAtlas.synonyms.categories.storage: entry 4 is not a word; it is ignored.',
    ]);
    assert.equal(read.vocabulary.category('存储网络')?.id, 'storage', 'the good word of a list is kept');
    assert.equal(read.vocabulary.layer('未分类'), undefined);
    assert.equal(read.vocabulary.category('显卡'), undefined);
    assert.equal(read.vocabulary.layer('constructor'), undefined);
  });

  it('refuse hostile values: wrong types, long or invisible words, too many words or entries', () => {
    for (const value of [[], 'infra', 42, true, [['底层']]]) {
      const read = readSynonyms(value);
      assert.equal(read.vocabulary, BUILTIN_VOCABULARY);
      assert.match(synonymProblemTexts(read)[0], /^protocolAtlas\.synonyms should be an object/);
    }
    assert.match(synonymProblemTexts(readSynonyms({ layers: ['底层'] }))[0], /^protocolAtlas\.synonyms\.layers should be an object/);

    const long = 'x'.repeat(SYNONYM_LIMITS.wordLength + 1);
    const hidden = readSynonyms({ layers: { infrastructure: [long, 'in\u202Efra', 'zero\u200Bwidth', 'two\nlines', 'x'.repeat(SYNONYM_LIMITS.wordLength)] } });
    const texts = synonymProblemTexts(hidden);
    assert.match(texts[0], /is longer than 64 characters/);
    assert.ok(texts[0].length < 200, 'a long word is shortened in the message');
    assert.match(texts[1], /“in⟨U\+202E⟩fra” holds control or invisible characters/);
    assert.match(texts[2], /“zero⟨U\+200B⟩width” holds control or invisible/);
    assert.match(texts[3], /“two⟨U\+000A⟩lines” holds control or invisible/);
    assert.ok(texts.every((text) => !/[\u202E\u200B\n]/.test(text)), 'no message carries the characters themselves');
    assert.equal(hidden.vocabulary.layer('x'.repeat(SYNONYM_LIMITS.wordLength)), 'infrastructure', 'a word of the longest length is kept');

    const many = Array.from({ length: SYNONYM_LIMITS.wordsPerId + 10 }, (_, i) => `word ${i}`);
    const perId = readSynonyms({ layers: { infrastructure: many } });
    assert.deepEqual(synonymProblemTexts(perId), [`protocolAtlas.synonyms.layers.infrastructure: only the first ${SYNONYM_LIMITS.wordsPerId} words are used.`]);
    assert.equal(perId.vocabulary.layer(`word ${SYNONYM_LIMITS.wordsPerId - 1}`), 'infrastructure');
    assert.equal(perId.vocabulary.layer(`word ${SYNONYM_LIMITS.wordsPerId}`), undefined);

    const everywhere = Object.fromEntries(CATEGORIES.map((category) => [category.id, Array.from({ length: SYNONYM_LIMITS.wordsPerId }, (_, i) => `${category.id} ${i}`)]));
    const layers = Object.fromEntries(LAYERS.map((layer) => [layer, Array.from({ length: SYNONYM_LIMITS.wordsPerId }, (_, i) => `${layer} ${i}`)]));
    const total = readSynonyms({ layers, categories: everywhere });
    assert.deepEqual(synonymProblemTexts(total), [`protocolAtlas.synonyms: only the first ${SYNONYM_LIMITS.words} words in all are used.`]);
    assert.equal(LAYERS.length * SYNONYM_LIMITS.wordsPerId + 6 * SYNONYM_LIMITS.wordsPerId, SYNONYM_LIMITS.words, 'the test fills the budget exactly at the sixth category');
    assert.equal(total.vocabulary.category(`${CATEGORIES[5].id} 49`)?.id, CATEGORIES[5].id);
    assert.equal(total.vocabulary.category(`${CATEGORIES[6].id} 0`), undefined);

    const ids = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`id${i}`, ['w']]));
    const flood = readSynonyms({ layers: ids, categories: ids });
    assert.equal(flood.problems.length, SYNONYM_LIMITS.problems);
    assert.ok(flood.moreProblems > 0);
    assert.match(synonymProblemTexts(flood).at(-1) as string, /^protocolAtlas\.synonyms: \d+ more problems\.$/);
  });

  it('never throws, whatever the value', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const value = (depth: number): unknown => {
      const kind = pick(['string', 'number', 'null', 'list', 'object', 'id']);
      if (depth > 3 || kind === 'string') return pick(['底层', '', ' ', 'infra', '\u202E', 'constructor', '__proto__', 'x'.repeat(100)]);
      if (kind === 'number') return random() * 100;
      if (kind === 'null') return null;
      if (kind === 'list') return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      const keys = ['layers', 'categories', 'infrastructure', 'compute', 'model', '__proto__', 'toString', 'x'];
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(keys), value(depth + 1)]));
    };
    for (let i = 0; i < 2000; i++) {
      const input = value(0);
      const read = readSynonyms(input);
      synonymProblemTexts(read);
      for (const { word, group, means } of builtInWords()) {
        assert.equal(group === 'layers' ? read.vocabulary.layer(word) : read.vocabulary.category(word)?.id, means, JSON.stringify(input));
      }
    }
  });

  it('are described in package.json with the same ids and bounds the reader uses', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const schema = manifest.contributes.configuration.properties[SYNONYMS_SETTING];
    assert.equal(schema.type, 'object');
    assert.deepEqual(Object.keys(schema.properties), ['layers', 'categories']);
    assert.deepEqual(Object.keys(schema.properties.layers.properties), [...LAYERS]);
    assert.deepEqual(Object.keys(schema.properties.categories.properties), CATEGORIES.map((category) => category.id));
    for (const group of ['layers', 'categories']) {
      assert.equal(schema.properties[group].additionalProperties, false);
      for (const words of Object.values(schema.properties[group].properties) as Array<{ maxItems: number; items: { maxLength: number } }>) {
        assert.equal(words.maxItems, SYNONYM_LIMITS.wordsPerId);
        assert.equal(words.items.maxLength, SYNONYM_LIMITS.wordLength);
      }
    }
  });
});
