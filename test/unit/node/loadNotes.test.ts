import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { decodeNoteText } from '../../../src/core/note/noteText';
import { decodeNoteBytes, readNote, type LoadedNotes } from '../../../src/node/loadNotes';
import { loadNotes } from './readFolder';

describe('loadNotes', () => {
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-notes-'));
    const write = (relative: string, content: string | Buffer): void => {
      fs.mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
      fs.writeFileSync(path.join(folder, relative), content);
    };
    write('infra/akash.md', '---\nprotocol: Akash\n---\n');
    write('infra/compute/Render.MD', '# Render');
    write('apps/drafts/idea.md', 'draft');
    write('readme.txt', 'not a note');
    write('node_modules/pkg/readme.md', 'dependency docs');
    write('.git/notes.md', 'git internals');
    write('binary.md', Buffer.from([0x89, 0x50, 0x00, 0x47]));
    write('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    try {
      fs.symlinkSync(path.join(folder, 'infra'), path.join(folder, 'loop'));
    } catch {
      // Symbolic links may be unavailable (Windows without privileges): that case is skipped.
    }
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reads every markdown note below the folder as relative posix paths, in order', () => {
    const { entries } = loadNotes(folder);
    assert.deepEqual(
      entries.map((entry) => entry.path),
      ['apps/drafts/idea.md', 'infra/akash.md', 'infra/compute/Render.MD'],
    );
    assert.equal(entries[1].text, '---\nprotocol: Akash\n---\n');
  });

  it('reports binary and non-UTF-8 files instead of failing, and does not follow folder links', () => {
    const { skipped } = loadNotes(folder);
    const reasons = Object.fromEntries(skipped.map((file) => [file.path, file.reason]));
    assert.match(reasons['binary.md'], /NUL/);
    assert.match(reasons['latin1.md'], /UTF-8/);
    if (fs.existsSync(path.join(folder, 'loop'))) assert.match(reasons.loop, /not followed/);
  });

  it('narrows to included globs and leaves out excluded ones', () => {
    const included = loadNotes(folder, { include: ['infra/**'] }).entries.map((entry) => entry.path);
    assert.deepEqual(included, ['infra/akash.md', 'infra/compute/Render.MD']);
    const excluded = loadNotes(folder, { exclude: ['apps/drafts', '**/Render.MD'] }).entries.map((entry) => entry.path);
    assert.deepEqual(excluded, ['infra/akash.md']);
  });

  it('reports a folder that does not exist as skipped', () => {
    const { entries, skipped } = loadNotes(path.join(folder, 'missing'));
    assert.deepEqual(entries, []);
    assert.equal(skipped.length, 1);
    assert.match(skipped[0].reason, /ENOENT/);
  });
});

describe('readNote', () => {
  // Reading decodes as it goes and only re-reads the bytes of odd files; the outcome must be
  // exactly the portable decoder's, for any file.
  it('reads any file exactly as decodeNoteText decodes its bytes', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-read-'));
    const pieces = fc.oneof(
      fc.uint8Array({ maxLength: 24 }),
      fc.constantFrom(Uint8Array.from([0xef, 0xbb, 0xbf]), Buffer.from('\ufffd'), Buffer.from('é🙂'), Uint8Array.from([0]), Uint8Array.from([0xe9])),
      fc.string({ maxLength: 16 }).map((text) => Buffer.from(text, 'utf8')),
    );
    try {
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 5 }), (parts) => {
          const bytes = Buffer.concat(parts.map((part) => Buffer.from(part)));
          fs.writeFileSync(path.join(folder, 'note.md'), bytes);
          const read: LoadedNotes = { entries: [], skipped: [] };
          readNote(folder, 'note.md', read);
          const expected = decodeNoteText(bytes);
          if (expected.ok) assert.deepEqual(read, { entries: [{ path: 'note.md', text: expected.text }], skipped: [] });
          else assert.deepEqual(read, { entries: [], skipped: [{ path: 'note.md', reason: expected.reason }] });
        }),
        { numRuns: 500 },
      );
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('decodeNoteBytes', () => {
  // The fast path must never disagree with the portable decoder the extension uses.
  it('gives exactly what decodeNoteText gives, for any bytes', () => {
    const withBom = fc.uint8Array({ maxLength: 64 }).map((bytes) => Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]));
    const utf8Text = fc.string({ unit: 'grapheme', maxLength: 64 }).map((text) => new Uint8Array(Buffer.from(text, 'utf8')));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), withBom, utf8Text), (bytes) => {
        assert.deepEqual(decodeNoteBytes(Buffer.from(bytes)), decodeNoteText(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('drops a byte order mark and keeps the rest', () => {
    assert.deepEqual(decodeNoteBytes(Buffer.from('\ufeff# Akash', 'utf8')), { ok: true, text: '# Akash' });
    assert.equal(decodeNoteBytes(Buffer.from([0x63, 0xe9])).ok, false);
  });
});
