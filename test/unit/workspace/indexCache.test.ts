import * as assert from 'node:assert/strict';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import { COMPACT_NOTE_VERSION, unpackNote } from '../../../src/core/persist/compactNote';
import { isProtocolNote } from '../index/wellFormedNote';
import { IndexCacheText, indexCacheOf, INDEX_CACHE_FORMAT, INDEX_CACHE_KIND, readIndexCache, reusableNote, type FileStamp, type IndexCacheFile } from '../../../src/core/persist/indexCache';
import { DIAGNOSTIC_CODES, LAYERS, MENTION_KINDS, SEVERITIES, VALUE_SOURCES, VERDICT_VALUES, type Diagnostic, type Layer, type ProtocolNote, type Range } from '../../../src/core/vocabulary/model';
import { createIndexCache } from './indexCacheReference';
import { readSynonyms } from '../../../src/core/vocabulary/synonyms';
import { inChinese } from '../present/chineseBundle';

const notes = {
  'model/bittensor.md': '---\nprotocol: Bittensor\naliases: [TAO]\nlayer: model\ncategory: model-training\ndepends_on: ["[[io.net]]"]\n---\n',
  'infrastructure/io-net.md': '---\nprotocol: io.net\nlayer: infrastructure\ncategory: compute\n---\n',
  'application/draft.md': '---\nprotocol: Draft\nlayer: application\n---\n',
};
const stamps = new Map<string, FileStamp>([
  ['model/bittensor.md', { size: 120, mtime: 1_700_000_000_000 }],
  ['infrastructure/io-net.md', { size: 70, mtime: 1_700_000_000_500 }],
  // application/draft.md came from an unsaved buffer: no stamp.
]);

function indexed(): ProtocolIndex {
  const index = new ProtocolIndex();
  index.build(Object.entries(notes).map(([path, text]) => ({ path, text })));
  return index;
}

/** What the cache looks like after being written to disk and read back. */
function roundTrip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('index cache', () => {
  it('round-trips: every saved note comes back equal to a fresh parse, under its stamp', () => {
    const index = indexed();
    const cached = readIndexCache(roundTrip(createIndexCache(index, stamps)));
    assert.ok(cached, 'the cache is accepted');
    assert.deepEqual([...cached.keys()].sort(), ['infrastructure/io-net.md', 'model/bittensor.md']);
    for (const [path, entry] of cached) {
      assert.deepEqual(entry.note, index.note(path));
      assert.deepEqual(entry.stamp, stamps.get(path));
    }
  });

  it('never caches a note that came from an unsaved buffer', () => {
    const cache = createIndexCache(indexed(), stamps);
    const paths = cache.files.map(([, , packed]) => unpackNote(packed)?.path);
    assert.deepEqual(paths, ['infrastructure/io-net.md', 'model/bittensor.md']);
  });

  it('reuses a note only while its file has the same size and modification time', () => {
    const cached = readIndexCache(roundTrip(createIndexCache(indexed(), stamps)));
    const stamp = stamps.get('model/bittensor.md') as FileStamp;
    assert.equal(reusableNote(cached, 'model/bittensor.md', stamp)?.name.value, 'Bittensor');
    assert.equal(reusableNote(cached, 'model/bittensor.md', { ...stamp, mtime: stamp.mtime + 1 }), undefined, 'touched file');
    assert.equal(reusableNote(cached, 'model/bittensor.md', { ...stamp, size: stamp.size + 1 }), undefined, 'resized file');
    assert.equal(reusableNote(cached, 'model/other.md', stamp), undefined, 'unknown path');
    assert.equal(reusableNote(undefined, 'model/bittensor.md', stamp), undefined, 'no cache');
  });

  it('an index rebuilt from reused notes equals a fresh build (names resolved again)', () => {
    const fresh = indexed();
    const cached = readIndexCache(roundTrip(createIndexCache(fresh, stamps)));
    const reopened = new ProtocolIndex();
    reopened.batch(() => {
      reopened.buildParsed([...stamps].map(([path, stamp]) => reusableNote(cached, path, stamp) ?? assert.fail(path)));
      reopened.set('application/draft.md', notes['application/draft.md']);
    });
    assert.deepEqual(reopened.protocols(), fresh.protocols());
    assert.deepEqual(reopened.protocol('model/bittensor.md')?.dependsOn, ['infrastructure/io-net.md']);
    assert.deepEqual(reopened.diagnostics(), fresh.diagnostics());
  });

  it('discards a corrupt cache, an old format, a bad stamp, and a malformed or repeated note', () => {
    const good = roundTrip(createIndexCache(indexed(), stamps)) as IndexCacheFile;
    const withFile = (index: number, entry: unknown): unknown => ({ ...good, files: good.files.map((file, i) => (i === index ? entry : file)) });
    const [size, mtime, packed] = good.files[0];
    const variants: Array<[string, unknown]> = [
      ['null', null],
      ['a string', 'not a cache'],
      ['an array', []],
      ['another kind of file', { ...good, kind: 'something-else' }],
      ['another cache format', { ...good, format: INDEX_CACHE_FORMAT + 1 }],
      ['the old format (1)', { format: 1, stamps: {}, index: { version: 1, notes: [] } }],
      ['another note layout', { ...good, noteVersion: COMPACT_NOTE_VERSION + 1 }],
      ['the format before synonyms and display language (3)', { ...good, format: 3, synonyms: undefined, language: undefined }],
      ['notes parsed under synonyms', { ...good, synonyms: '0123456789abcdef' }],
      ['another display language', { ...good, language: 'zh-cn' }],
      ['no files', { ...good, files: undefined }],
      ['an entry that is not a list', withFile(0, { size, mtime, packed })],
      ['an entry without its stamp', withFile(0, [packed])],
      ['a negative size', withFile(0, [-1, mtime, packed])],
      ['a string mtime', withFile(0, [size, 'yesterday', packed])],
      ['a note without a name', withFile(0, [size, mtime, packed.map((value, i) => (i === 1 ? null : value))])],
      ['a note that is not a list', withFile(0, [size, mtime, 42])],
      ['the same note twice', { ...good, files: [...good.files, good.files[0]] }],
    ];
    for (const [what, value] of variants) assert.equal(readIndexCache(value), undefined, `discarded: ${what}`);
    assert.ok(readIndexCache(good), 'the unmodified cache is still accepted');
  });

  it('is reused only under the synonyms its notes were parsed with', () => {
    const vocabulary = readSynonyms({ layers: { infrastructure: ['底层'] } }).vocabulary;
    const other = readSynonyms({ layers: { middleware: ['底层'] } }).vocabulary;
    const index = new ProtocolIndex({ placement: () => ({ rootSegments: 0, vocabulary }) });
    index.build([{ path: '底层/gpu.md', text: '# GPU\n' }]);
    assert.equal(index.note('底层/gpu.md')?.layer.value, 'infrastructure');
    const gpu = new Map([['底层/gpu.md', { size: 6, mtime: 1_700_000_000_000 }]]);
    const cache = roundTrip(createIndexCache(index, gpu, vocabulary.digest));
    assert.equal((cache as IndexCacheFile).synonyms, vocabulary.digest);
    assert.equal(readIndexCache(cache, vocabulary.digest)?.get('底层/gpu.md')?.note.layer.value, 'infrastructure', 'the same synonyms: reused');
    assert.equal(readIndexCache(cache), undefined, 'none now: discarded');
    assert.equal(readIndexCache(cache, other.digest), undefined, 'others: discarded');
    assert.equal(readIndexCache(roundTrip(createIndexCache(indexed(), stamps)), vocabulary.digest), undefined, 'a cache of the built-in words only, under synonyms: discarded');
    assert.equal(readIndexCache({ ...(cache as IndexCacheFile), synonyms: undefined }, vocabulary.digest), undefined, 'no digest: discarded');
    // The text kept between saves carries the digest as the whole cache does.
    assert.equal([...new IndexCacheText().pieces(index, gpu, 1, vocabulary.digest)].join(''), JSON.stringify(createIndexCache(index, gpu, vocabulary.digest)));
  });

  it('is plain JSON: its kind, format, note layout version, synonyms digest, display language and one entry per stamped note', () => {
    const cache = createIndexCache(indexed(), stamps);
    assert.equal(cache.kind, INDEX_CACHE_KIND);
    assert.equal(cache.format, INDEX_CACHE_FORMAT);
    assert.equal(cache.noteVersion, COMPACT_NOTE_VERSION);
    assert.equal(cache.synonyms, '', 'parsed with the built-in words only');
    assert.equal(cache.language, 'en');
    assert.equal(cache.files.length, stamps.size);
    assert.deepEqual(roundTrip(cache), cache);
  });

  it('is reused only in the display language it was written in: its diagnostics are worded', () => {
    const broken = { 'broken.md': '---\nprotocol: Broken\nlayer: modle\n---\n' };
    const stamped = new Map([['broken.md', { size: 40, mtime: 1_700_000_000_000 }]]);
    const written = (language: 'en' | 'zh-cn') => {
      const write = () => {
        const index = new ProtocolIndex();
        index.build(Object.entries(broken).map(([path, text]) => ({ path, text })));
        return roundTrip(createIndexCache(index, stamped)) as IndexCacheFile;
      };
      return language === 'en' ? write() : inChinese(write);
    };
    const english = written('en');
    const chinese = written('zh-cn');
    assert.equal(chinese.language, 'zh-cn');
    const message = (cache: Map<string, { note: ProtocolNote }> | undefined) => cache?.get('broken.md')?.note.diagnostics[0]?.message;
    assert.match(message(readIndexCache(english)) ?? '', /^Unknown layer "modle"/);
    assert.equal(inChinese(() => readIndexCache(english)), undefined, 'an English cache is not reused under zh-CN');
    assert.equal(readIndexCache(chinese), undefined, 'nor a Chinese one in English');
    assert.match(inChinese(() => message(readIndexCache(chinese))) ?? '', /^未知的层“modle”/);
    // Its text kept between saves says the language it was written in, header and all.
    const text = new IndexCacheText();
    const index = new ProtocolIndex();
    index.build(Object.entries(broken).map(([path, text]) => ({ path, text })));
    assert.equal((JSON.parse([...text.pieces(index, stamped)].join('')) as IndexCacheFile).language, 'en');
  });

  it('keeps the cache text ready between saves, always exactly the cache of the index as it is', () => {
    const index = indexed();
    const current = new Map(stamps);
    const text = new IndexCacheText();
    const same = () => {
      const expected = JSON.stringify(createIndexCache(index, current));
      assert.equal([...text.pieces(index, current)].join(''), expected);
      // Written in slices (a piece per slice), the file is the same text.
      for (const notesPerPiece of [1, 2, 3]) assert.equal([...text.pieces(index, current, notesPerPiece)].join(''), expected);
    };
    same();
    same(); // nothing changed: every entry reused
    index.set('infrastructure/io-net.md', `${notes['infrastructure/io-net.md']}\n# io.net\n`);
    same(); // a note replaced under the same stamp
    current.set('infrastructure/io-net.md', { size: 71, mtime: 1_700_000_001_000 });
    same(); // a new stamp
    current.set('application/draft.md', { size: 40, mtime: 1_700_000_002_000 });
    same(); // saved at last
    index.delete('model/bittensor.md');
    same();
    current.delete('application/draft.md');
    same(); // back to an unsaved buffer
    index.set('model/bittensor.md', notes['model/bittensor.md']);
    same();
  });

  describe('every value of the model', () => {
    const range = (line: number): Range => ({ start: { line, character: 2 }, end: { line: line + (line % 2), character: 9 } });
    const layers: readonly Layer[] = [...LAYERS, 'unclassified'];
    const lists: ReadonlyArray<readonly unknown[]> = [DIAGNOSTIC_CODES, SEVERITIES, VALUE_SOURCES, layers, VERDICT_VALUES, MENTION_KINDS];
    const count = Math.max(...lists.map((list) => list.length));

    /**
     * Note i takes the i-th value of every vocabulary (round again for the shorter ones). Typed as
     * Required, so a field added to the model fails to compile here until this note has it, and
     * then fails below until the cache carries it.
     */
    function noteWithEveryField(i: number): Required<ProtocolNote> {
      const path = `notes/note-${i}.md`;
      const pick = <T>(list: readonly T[], offset = 0): T => list[(i + offset) % list.length];
      const data: Required<NonNullable<Diagnostic['data']>> = { suggestions: [`s${i}`, 'other'], target: `t${i}`, field: 'layer' };
      const full: Required<Diagnostic> = { file: path, range: range(0), severity: pick(SEVERITIES), code: pick(DIAGNOSTIC_CODES), message: 'one', data };
      return {
        path,
        name: { value: `Protocol ${i}`, source: pick(VALUE_SOURCES), range: range(1) },
        aliases: [`P${i}`],
        layer: { value: pick(layers), source: pick(VALUE_SOURCES, 1), range: range(2) },
        category: { value: 'compute', source: pick(VALUE_SOURCES, 2), range: range(3) },
        dependsOn: [{ raw: `[[Dep ${i}]]`, target: `Dep ${i}`, range: range(4) }],
        mentions: MENTION_KINDS.map((kind, k) => ({ target: `M${k}`, kind, range: range(5 + k) })),
        tags: ['ai'],
        funding: 'vc',
        override: { verdict: pick(VERDICT_VALUES), reason: `because ${i}`, range: range(8) },
        heading: `Protocol ${i}`,
        frontMatterRange: range(0),
        fieldRanges: { protocol: range(1), layer: range(2) },
        diagnostics: [
          full,
          { file: 'elsewhere.md', range: range(1), severity: pick(SEVERITIES, 1), code: pick(DIAGNOSTIC_CODES, 1), message: 'two', data: { target: 'x' } },
          { file: path, range: range(2), severity: pick(SEVERITIES, 2), code: pick(DIAGNOSTIC_CODES, 2), message: 'three' },
        ],
      };
    }

    it('gives back every diagnostic code, severity, value source, layer, verdict and mention kind, and every field of a note', () => {
      const all = Array.from({ length: count }, (_, i) => noteWithEveryField(i));
      for (const [list, seen] of [
        [DIAGNOSTIC_CODES, all.flatMap((note) => note.diagnostics.map((d) => d.code))],
        [SEVERITIES, all.flatMap((note) => note.diagnostics.map((d) => d.severity))],
        [VALUE_SOURCES, all.map((note) => note.name.source)],
        [layers, all.map((note) => note.layer.value)],
        [VERDICT_VALUES, all.map((note) => note.override.verdict)],
        [MENTION_KINDS, all.flatMap((note) => note.mentions.map((mention) => mention.kind))],
      ] as const) {
        assert.deepEqual(new Set(seen), new Set(list), 'the notes hold every value');
      }
      for (const note of all) assert.ok(isProtocolNote(note), `${note.path} is a well-formed note`);
      const stamp = { size: 100, mtime: 1_700_000_000_000 };
      const cached = readIndexCache(roundTrip(indexCacheOf(all.map((note) => ({ note, stamp })))));
      assert.ok(cached, 'the cache is accepted');
      for (const note of all) assert.deepEqual(cached.get(note.path)?.note, note);
    });

    it('stores value sources, verdicts and mention kinds by their place in the model: this is the order note layout 3 reads', () => {
      // Appending a value keeps every cache readable: add it here. Any other change to these lists
      // must bump COMPACT_NOTE_VERSION, or old caches would read as other values: write the new order here.
      assert.deepEqual(
        { version: COMPACT_NOTE_VERSION, sources: VALUE_SOURCES.slice(0, 6), verdicts: VERDICT_VALUES.slice(0, 4), mentions: MENTION_KINDS.slice(0, 2) },
        {
          version: 3,
          sources: ['front-matter', 'heading', 'file-name', 'tag', 'folder', 'default'],
          verdicts: ['positive', 'negative', 'mixed', 'not-assessed'],
          mentions: ['wikilink', 'link'],
        },
      );
    });
  });
});
