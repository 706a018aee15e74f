// A framework file may add synonyms (issue 14 item 1): the shape of the protocolAtlas.synonyms
// setting in its `synonyms` field, held to the same bounds and refusals (each a warning at the
// word's line), read in notes while the framework is in use, after the built-in words and the
// setting's (a word keeps its first meaning), and covered by the vocabulary's digest, which keys
// the index cache.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { parseFramework, type Framework } from '../../../src/core/framework';
import { parseNote } from '../../../src/core/note/parseNote';
import type { AtlasReport } from '../../../src/core/present/report';
import { leftOutWordText, readSynonyms, withFrameworkSynonyms } from '../../../src/core/vocabulary/synonyms';
import { BUILTIN_VOCABULARY, type Vocabulary } from '../../../src/core/vocabulary/taxonomy';

const HEAD = ['id: own-words', 'title: Own words', 'source: { article: An article, author: Someone, date: "2025" }', 'rules:', '  - id: infra-down', '    match: { layer: infrastructure }', '    verdict: negative', '    rationale: Prices fall.', '    section: "2"'];
const framework = (...synonyms: string[]) => parseFramework([...HEAD, 'synonyms:', ...synonyms].join('\n'), 'own.yaml');
const WITH_WORDS = ['  layers:', '    infrastructure: [底层, infra layer]', '  categories:', '    compute: [GPU网络]'];

const under = (vocabulary: Vocabulary, read: Framework | undefined) => withFrameworkSynonyms(vocabulary, read?.synonyms).vocabulary;
const note = (vocabulary: Vocabulary, text: string, file = 'x.md') => parseNote(file, `---\nprotocol: X\n${text}\n---\n`, { rootSegments: 0, vocabulary });

describe('synonyms from a framework file', () => {
  it('are read in a note’s layer:, category:, tags and folders while the framework is in use', () => {
    const { framework: read, diagnostics } = framework(...WITH_WORDS);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(read?.synonyms, { layers: { infrastructure: ['底层', 'infra layer'] }, categories: { compute: ['GPU网络'] } });
    const vocabulary = under(BUILTIN_VOCABULARY, read);
    const parsed = note(vocabulary, 'layer: 底层\ncategory: GPU网络');
    assert.deepEqual([parsed.layer.value, parsed.layer.source, parsed.category?.value, parsed.diagnostics], ['infrastructure', 'front-matter', 'compute', []]);
    assert.equal(parseNote('底层/y.md', '# Y\n', { rootSegments: 0, vocabulary }).layer.value, 'infrastructure');
    assert.equal(note(vocabulary, 'tags: [layer/Infra-Layer]').layer.value, 'infrastructure');
    // Without the framework's words the same note has an unknown layer and category.
    assert.deepEqual(note(BUILTIN_VOCABULARY, 'layer: 底层\ncategory: GPU网络').diagnostics.map((d) => d.code).sort(), ['unknown-category', 'unknown-layer']);
  });

  it('refuse a word that already means something, with a warning at its line, and keep the rest of the framework', () => {
    const lines = [...HEAD, 'synonyms:', '  layers:', '    infrastructure: [底层]', '    middleware:', '      - 中间层', '      - 基础设施层', '      - 底层', '  categories:', '    storage: [算力, "x\u200by", "' + 'y'.repeat(65) + '"]'];
    const { framework: read, diagnostics } = parseFramework(lines.join('\n'), 'own.yaml');
    assert.ok(read, 'warnings only: the framework is used');
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.range.start.line, d.message, d.data?.field]),
      [
        ['warning', lines.indexOf('      - 基础设施层'), 'synonyms.layers.middleware: “基础设施层” already means infrastructure; it is not added.', 'synonyms.layers.middleware[1]'],
        ['warning', lines.indexOf('      - 底层'), 'synonyms.layers.middleware: “底层” is already one of the words for infrastructure; a word can mean one thing only, so it is not added here.', 'synonyms.layers.middleware[2]'],
        ['warning', lines.length - 1, 'synonyms.categories.storage: “算力” already means compute; it is not added.', 'synonyms.categories.storage[0]'],
        ['warning', lines.length - 1, 'synonyms.categories.storage: “x⟨U+200B⟩y” holds control or invisible characters; it is ignored.', 'synonyms.categories.storage[1]'],
        ['warning', lines.length - 1, `synonyms.categories.storage: “${'y'.repeat(65)}” is longer than 64 characters; it is ignored.`, 'synonyms.categories.storage[2]'],
      ],
    );
    assert.equal(diagnostics[0].range.start.character, '      - '.length, 'at the word itself');
    const vocabulary = under(BUILTIN_VOCABULARY, read);
    assert.equal(vocabulary.layer('中间层'), 'middleware');
    assert.equal(vocabulary.layer('底层'), 'infrastructure');
    assert.equal(vocabulary.layer('基础设施层'), 'infrastructure', 'nothing built in changes meaning');
    assert.equal(vocabulary.category('算力')?.id, 'compute');
  });

  it('of the wrong shape are errors, as any field of the file', () => {
    // The lines after `synonyms:`, and which of them the error is on.
    const cases: Array<[string[], number, string]> = [
      [['  layers:', '    infra: [底层]'], 1, "synonyms.layers: unknown field 'infra' (expected infrastructure, middleware, model, application)"],
      [['  layers:', '    infrastructure: 底层'], 1, 'synonyms.layers.infrastructure must be a list of words'],
      [['  layers:', '    infrastructure: [12]'], 1, 'synonyms.layers.infrastructure[0] must be text (put it in quotes)'],
      [['  words: [底层]'], 0, "synonyms: unknown field 'words' (expected layers, categories)"],
      [['  - 底层'], 0, 'synonyms must be a mapping of fields'],
    ];
    for (const [lines, at, message] of cases) {
      const { framework: read, diagnostics } = framework(...lines);
      assert.equal(read, undefined, message);
      assert.deepEqual(diagnostics.map((d) => [d.severity, d.range.start.line, d.message]), [['error', HEAD.length + 1 + at, message]]);
    }
  });

  it('come after the setting’s words: a word the setting gives to another id keeps the setting’s meaning, and that is said', () => {
    const setting = readSynonyms({ layers: { middleware: ['底层'] } }).vocabulary;
    const { framework: read } = framework(...WITH_WORDS);
    const { vocabulary, leftOut } = withFrameworkSynonyms(setting, read?.synonyms);
    assert.equal(note(vocabulary, 'layer: 底层').layer.value, 'middleware');
    assert.equal(note(vocabulary, 'layer: infra layer').layer.value, 'infrastructure', 'the framework’s other words still count');
    assert.deepEqual(leftOut, [{ group: 'layers', id: 'infrastructure', word: '底层', owner: 'middleware' }]);
    assert.equal(leftOutWordText('own-words', leftOut[0]), 'Framework own-words: synonyms.layers.infrastructure: “底层” is already one of your protocolAtlas.synonyms words for middleware, which come first; the framework’s is not added.');
    assert.deepEqual(vocabulary.extraLayerWords('middleware'), ['底层'], 'the setting’s words are kept beside the framework’s');
    assert.deepEqual(vocabulary.extraLayerWords('infrastructure'), ['infra layer']);
  });

  it('change the vocabulary’s digest, which keys the index cache; a framework without synonyms does not', () => {
    const { framework: read } = framework(...WITH_WORDS);
    const withWords = under(BUILTIN_VOCABULARY, read);
    assert.equal(BUILTIN_VOCABULARY.digest, '');
    assert.match(withWords.digest, /^[0-9a-f]{16}$/);
    assert.equal(under(BUILTIN_VOCABULARY, { ...(read as Framework), synonyms: undefined }), BUILTIN_VOCABULARY);
    assert.notEqual(under(BUILTIN_VOCABULARY, framework('  layers:', '    infrastructure: [底层]').framework).digest, withWords.digest);
    assert.equal(under(BUILTIN_VOCABULARY, framework('  categories:', '    compute: [GPU网络]', '  layers:', '    infrastructure: [infra layer, 底层]').framework).digest, withWords.digest, 'the same words in another order');
    const setting = readSynonyms({ categories: { storage: ['硬盘'] } }).vocabulary;
    const both = under(setting, read);
    assert.notEqual(both.digest, setting.digest);
    assert.notEqual(both.digest, withWords.digest);
    assert.equal(both.digest, readSynonyms({ ...read?.synonyms, categories: { compute: ['GPU网络'], storage: ['硬盘'] } }).vocabulary.digest, 'the same words from the setting alone: the same digest');
  });

  it('are read by the CLI with --framework <file>', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-framework-synonyms-'));
    fs.writeFileSync(path.join(folder, 'gpu.md'), '---\nprotocol: GPU Net\nlayer: 底层\ncategory: GPU网络\n---\n');
    const file = path.join(folder, 'own.yaml');
    fs.writeFileSync(file, [...HEAD, 'synonyms:', ...WITH_WORDS].join('\n'));
    let out = '';
    let err = '';
    const code = runCli(['report', folder, '--framework', file, '--json', '--lang', 'en'], { out: (text) => (out += text), err: (text) => (err += text) });
    assert.equal(code, 0, err);
    const gpu = (JSON.parse(out) as AtlasReport).protocols.find((protocol) => protocol.name === 'GPU Net');
    assert.deepEqual([gpu?.layer, gpu?.category, gpu?.verdict.value], ['infrastructure', 'compute', 'negative']);
    let plain = '';
    runCli(['report', folder, '--json', '--lang', 'en'], { out: (text) => (plain += text), err: () => undefined });
    assert.equal((JSON.parse(plain) as AtlasReport).protocols[0].layer, 'unclassified', 'not under the built-in framework');
  });
});
