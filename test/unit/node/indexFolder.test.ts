import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import { indexFolderCached, readFolderCache } from '../../../bench/folderCache';
import { indexFolder, parseFolder } from '../../../src/node/indexFolder';
import { loadNotes } from './readFolder';
import { syntheticNotes, writeNotes } from '../../../bench/syntheticNotes';

/** Everything a reader of the index can see, for comparing two indexes. */
function snapshot(index: ProtocolIndex): unknown {
  return {
    protocols: index.protocols(),
    diagnostics: index.diagnostics(),
    edges: index.graph.mapEdges((_, __, from, to) => `${from} -> ${to}`).sort(),
  };
}

function freshBuild(folder: string): ProtocolIndex {
  const index = new ProtocolIndex();
  index.build(loadNotes(folder).entries);
  return index;
}

describe('indexFolder and the folder cache', function () {
  // Worker threads load TypeScript through tsx here: slower to start than the bundled worker.
  this.timeout(60_000);
  let folder: string;
  let cacheFile: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-folder-'));
    cacheFile = path.join(folder, '.cache', 'index.json');
    writeNotes(folder, syntheticNotes(60, 7));
    fs.writeFileSync(path.join(folder, 'broken.md'), '---\nprotocol: [unclosed\nlayer: infra\n---\n# Broken\n');
    fs.writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x89, 0x50, 0x00, 0x47]));
    fs.writeFileSync(path.join(folder, 'override.md'), '---\nprotocol: Override\nlayer: apps\nimpact:\n  verdict: negative\n  reason: fees\n---\n');
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('builds the same index as reading the notes and building from their text', () => {
    const { index, skipped } = indexFolder(folder);
    assert.deepEqual(snapshot(index), snapshot(freshBuild(folder)));
    assert.deepEqual(
      skipped.map((file) => file.path),
      ['binary.md'],
    );
  });

  it('keeps notes in path order', () => {
    const { notes } = parseFolder(folder);
    const paths = notes.map((note) => note.path);
    assert.deepEqual(paths, [...paths].sort());
    assert.equal(paths.length, 62);
  });

  it('starts warm from the cache, parsing only notes whose size or time changed', () => {
    const first = indexFolderCached(folder, cacheFile);
    assert.equal(first.parsed, 62);
    assert.equal(first.reused, 0);
    assert.equal(readFolderCache(cacheFile).size, 62);

    const warm = indexFolderCached(folder, cacheFile);
    assert.equal(warm.reused, 62);
    assert.equal(warm.parsed, 0);
    assert.deepEqual(snapshot(warm.index), snapshot(first.index));

    const edited = path.join(folder, 'model', fs.readdirSync(path.join(folder, 'model'))[0]);
    fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace(/^protocol: .*$/m, 'protocol: Renamed Protocol'));
    fs.rmSync(path.join(folder, 'override.md'));
    const after = indexFolderCached(folder, cacheFile);
    assert.equal(after.parsed, 1);
    assert.equal(after.reused, 60);
    assert.deepEqual(snapshot(after.index), snapshot(freshBuild(folder)));
    assert.ok(after.index.resolve('Renamed Protocol'));
  });

  it('ignores a corrupt, foreign or old-version cache and rewrites it', () => {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const expected = snapshot(freshBuild(folder));
    const good = () => JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { format: number; files: unknown[][] };
    indexFolderCached(folder, cacheFile);
    const valid = good();
    const corruptions: Array<[string, string]> = [
      ['truncated', JSON.stringify(valid).slice(0, 5_000)],
      ['not JSON', 'garbage \u0000'],
      ['another format', JSON.stringify({ ...valid, format: valid.format + 1 })],
      ['a note with a wrong type', JSON.stringify({ ...valid, files: valid.files.map((f, i) => (i === 3 ? [f[0], f[1], [1, 2, 3]] : f)) })],
      ['an entry with a bad layer', JSON.stringify(valid).replace('"infrastructure"', '"basement"')],
      ['a duplicate path', JSON.stringify({ ...valid, files: [...valid.files, valid.files[0]] })],
    ];
    for (const [what, text] of corruptions) {
      fs.writeFileSync(cacheFile, text);
      const result = indexFolderCached(folder, cacheFile);
      assert.deepEqual(snapshot(result.index), expected, what);
      assert.ok(result.parsed >= 1, `${what}: parsed again`);
      assert.equal(readFolderCache(cacheFile).size, 62, `${what}: rewritten`);
    }
  });
});
