import * as assert from 'node:assert/strict';
import { parseNote } from '../../../src/core/note/parseNote';
import { invalidProtocolName, noteFileName, protocolNoteTemplate } from '../../../src/core/note/template';

describe('protocolNoteTemplate (New Protocol Note…)', () => {
  it('writes a note the parser reads back with the given name, layer and category and no errors', () => {
    const text = protocolNoteTemplate({ name: 'Render', layer: 'infrastructure', category: 'compute' });
    const note = parseNote('infrastructure/render.md', text);
    assert.equal(note.name.value, 'Render');
    assert.equal(note.name.source, 'front-matter');
    assert.equal(note.layer.value, 'infrastructure');
    assert.equal(note.category?.value, 'compute');
    assert.deepEqual(note.dependsOn, []);
    assert.deepEqual(note.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(note.heading, 'Render');
  });

  it('quotes names YAML would otherwise read as something else', () => {
    for (const name of ['Fetch.ai: ASI', '#1 DeFAI', 'true', '2025', 'io.net', 'Grass [beta]', "O'Brien", 'ARC "v2"']) {
      const note = parseNote('x.md', protocolNoteTemplate({ name, layer: 'application', category: 'defai' }));
      assert.equal(note.name.value, name, `name ${name} survives the round trip`);
      assert.deepEqual(note.diagnostics.filter((d) => d.code === 'invalid-yaml'), [], `${name} is valid YAML`);
    }
  });

  it('leaves the layer to the folder when none is given', () => {
    const note = parseNote('model/new.md', protocolNoteTemplate({ name: 'Nous' }));
    assert.equal(note.name.value, 'Nous');
    assert.equal(note.layer.value, 'model');
    assert.equal(note.layer.source, 'folder');
  });
});

describe('noteFileName', () => {
  it('never names a note after a Windows device (CON, NUL, COM1, full-width ＣＯＮ)', () => {
    for (const name of ['CON', 'nul', 'Com1', 'LPT9', 'ＣＯＮ', 'aux']) assert.match(noteFileName(name), /^[a-z0-9]+-protocol\.md$/, name);
    assert.equal(noteFileName('Console'), 'console.md');
  });

  it('makes lower-case hyphenated file names', () => {
    assert.equal(noteFileName('io.net'), 'io-net.md');
    assert.equal(noteFileName('Fetch.ai'), 'fetch-ai.md');
    assert.equal(noteFileName('  Yield Pilot  '), 'yield-pilot.md');
    assert.equal(noteFileName('Ünïcodé Protocol'), 'unicode-protocol.md');
  });

  it('never produces an empty, hidden or path-escaping name', () => {
    for (const name of ['', '...', '../../etc/passwd', '/', '***']) {
      const file = noteFileName(name);
      assert.match(file, /^[\p{L}\p{N}][\p{L}\p{N}-]*\.md$/u, `${JSON.stringify(name)} → ${file}`);
    }
    assert.equal(noteFileName('a'.repeat(500)).length <= 83, true);
  });
});

describe('invalidProtocolName', () => {
  it('refuses blank and multi-line names and accepts ordinary ones', () => {
    assert.ok(invalidProtocolName('   '));
    assert.ok(invalidProtocolName('a\nb'));
    assert.equal(invalidProtocolName('Bittensor'), undefined);
  });
});
