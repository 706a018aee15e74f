import * as assert from 'node:assert/strict';
import { parseNote } from '../../../src/core/note/parseNote';
import { decodeNoteText } from '../../../src/core/note/noteText';
import { splitLines } from '../../../src/core/editing/ranges';

const NOTE = '---\nprotocol: Akash\nlayer: infrastructure\ncategory: compute\n---\n# Akash Network\n\nRuns [[io.net]] jobs.\n';

describe('notes as other editors save them', () => {
  it('lone CR line endings (old Mac) keep the front matter, the H1 and every position', () => {
    const lf = parseNote('a.md', NOTE);
    const cr = parseNote('a.md', NOTE.replace(/\n/g, '\r'));
    assert.equal(cr.name.value, 'Akash');
    assert.equal(cr.layer.value, 'infrastructure');
    assert.equal(cr.heading, 'Akash Network');
    assert.deepEqual(cr.mentions, lf.mentions);
    assert.deepEqual(cr.fieldRanges, lf.fieldRanges);
    assert.deepEqual(splitLines('a\rb\r\nc\nd'), ['a', 'b', 'c', 'd']);
  });

  it('UTF-16 with a byte order mark is read as text, in both byte orders', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTE, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) assert.deepEqual(decodeNoteText(bytes), { ok: true, text: NOTE });
    const truncated = le.subarray(0, le.length - 1);
    assert.equal(decodeNoteText(truncated).ok, false, 'half a character is not text');
    assert.equal(decodeNoteText(Buffer.from([0x89, 0x50, 0x00, 0x47])).ok, false, 'binary stays binary');
  });

  it('broken YAML is reported where it was written, in plain words', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['protocol: Akash\nlayer: [infra\ncategory: compute\n', 2, /`\[` is never closed/],
      ['protocol: "Akash\nlayer: infra\n', 1, /" is never closed/],
      ["protocol: 'Akash\nlayer: infra\n", 1, /' is never closed/],
      ['impact: {verdict: positive\nreason: x\n', 1, /`\{` is never closed/],
      ['protocol: Akash\ndepends_on:\n\t- a\n', 3, /tabs/],
      ['protocol: A\nprotocol: B\n', 2, /written twice/],
      ['protocol: Akash\nlayer infra\ncategory: c\n', 2, /add a colon/],
      ['protocol: Akash: the network\n', 1, /put the value in quotes/],
    ];
    for (const [frontMatter, line, message] of cases) {
      const [first] = parseNote('x.md', `---\n${frontMatter}---\n`).diagnostics;
      assert.equal(first?.code, 'invalid-yaml', frontMatter);
      assert.equal(first.range.start.line, line, `${JSON.stringify(frontMatter)}: ${first.message}`);
      assert.match(first.message, message);
    }
  });
});
