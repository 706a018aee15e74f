import * as assert from 'node:assert/strict';
import type { Diagnostic, Range } from '../../../src/core/vocabulary/model';
import { LARGE_NOTE_CHARACTERS, parseNote, parseNoteWith } from '../../../src/core/note/parseNote';

/** A range on one line. */
const on = (line: number, start: number, end: number): Range => ({
  start: { line, character: start },
  end: { line, character: end },
});

const lines = (...text: string[]): string => text.join('\n');
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((diagnostic) => diagnostic.code);
const only = (diagnostics: Diagnostic[], code: string): Diagnostic => {
  const found = diagnostics.filter((diagnostic) => diagnostic.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(diagnostics)}`);
  return found[0];
};

/** Both front matter readers must agree on every note in this file. */
function parseBoth(path: string, text: string) {
  const note = parseNote(path, text);
  assert.deepEqual(parseNoteWith(path, text, { frontMatter: 'yaml' }), note);
  return note;
}

describe('parseNote: fields', () => {
  it('reads the common fields with exact value ranges', () => {
    const note = parseBoth(
      'infra/akash.md',
      lines(
        '---',
        'protocol: Akash',
        'aliases: [AKT, "Akash Network"]',
        'layer: infra',
        'category: Compute',
        'depends_on:',
        '  - Render',
        '  - "[[io.net|IO]]"',
        'tags: [depin, gpu]',
        'funding: vc',
        '---',
        '# Akash Network',
      ),
    );
    assert.deepEqual(note.name, { value: 'Akash', source: 'front-matter', range: on(1, 10, 15) });
    assert.deepEqual(note.aliases, ['AKT', 'Akash Network']);
    assert.deepEqual(note.layer, { value: 'infrastructure', source: 'front-matter', range: on(3, 7, 12) });
    assert.deepEqual(note.category, { value: 'compute', source: 'front-matter', range: on(4, 10, 17) });
    assert.deepEqual(note.dependsOn, [
      { raw: 'Render', target: 'Render', range: on(6, 4, 10) },
      { raw: '[[io.net|IO]]', target: 'io.net', range: on(7, 4, 19) },
    ]);
    assert.deepEqual(note.tags, ['depin', 'gpu']);
    assert.equal(note.funding, 'vc');
    assert.equal(note.heading, 'Akash Network');
    assert.deepEqual(note.frontMatterRange, { start: { line: 0, character: 0 }, end: { line: 10, character: 3 } });
    assert.deepEqual(note.fieldRanges.aliases, on(2, 9, 31));
    assert.deepEqual(note.fieldRanges.depends_on, { start: { line: 6, character: 2 }, end: { line: 7, character: 19 } });
    assert.deepEqual(note.diagnostics, []);
  });

  it('accepts `name` or `title` when there is no `protocol`, and single strings for lists', () => {
    const byName = parseBoth('x.md', lines('---', 'name: Render', 'aliases: RNDR', 'depends_on: "[[Akash]]"', 'tags: gpu, depin', '---'));
    assert.equal(byName.name.value, 'Render');
    assert.deepEqual(byName.aliases, ['RNDR']);
    assert.deepEqual(byName.dependsOn, [{ raw: '[[Akash]]', target: 'Akash', range: on(3, 12, 23) }]);
    assert.deepEqual(byName.tags, ['gpu', 'depin']);
    assert.equal(parseBoth('x.md', lines('---', 'title: Storj', '---')).name.value, 'Storj');
  });

  it('reads an unquoted [[wikilink]] list item as the wikilink the researcher meant', () => {
    const note = parseBoth('x.md', lines('---', 'depends_on:', '  - [[Akash]]', '  - [[io.net|IO]]', '---'));
    assert.deepEqual(
      note.dependsOn.map((ref) => [ref.raw, ref.target]),
      [
        ['[[Akash]]', 'Akash'],
        ['[[io.net|IO]]', 'io.net'],
      ],
    );
    assert.deepEqual(note.dependsOn[0].range, on(2, 4, 13));
  });

  it('applies an impact override only with a valid verdict and a reason', () => {
    const valid = parseBoth('x.md', lines('---', 'impact:', '  verdict: Positive', '  reason: TEEs get cheap', '---'));
    assert.deepEqual(valid.override, {
      verdict: 'positive',
      reason: 'TEEs get cheap',
      range: { start: { line: 2, character: 2 }, end: { line: 3, character: 24 } },
    });
    assert.deepEqual(valid.diagnostics, []);

    const noReason = parseBoth('x.md', lines('---', 'impact:', '  verdict: negative', '---'));
    assert.equal(noReason.override, undefined);
    const warning = only(noReason.diagnostics, 'override-without-reason');
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.range.start.line, 2);

    const badVerdict = parseBoth('x.md', lines('---', 'impact:', '  verdict: great', '  reason: because', '---'));
    assert.equal(badVerdict.override, undefined);
    const invalid = only(badVerdict.diagnostics, 'invalid-override');
    assert.deepEqual(invalid.range, on(2, 11, 16));
    assert.ok(invalid.message.includes('"great"'));

    const notAMap = parseBoth('x.md', lines('---', 'impact: negative', '---'));
    assert.deepEqual(codes(notAMap.diagnostics), ['invalid-field']);
    assert.equal(parseBoth('x.md', lines('---', 'impact:', '  verdict: not assessed', '  reason: r', '---')).override?.verdict, 'not-assessed');
  });

  it('reports a field of the wrong type where its value is written', () => {
    const note = parseBoth('x.md', lines('---', 'protocol: [a, b]', 'layer:', '  deep: x', 'depends_on:', '  - ok', '  - {a: 1}', '---'));
    const problems = note.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-field');
    assert.deepEqual(
      problems.map((problem) => [problem.data?.field, problem.range.start.line]),
      [
        ['protocol', 1],
        ['layer', 3],
        ['depends_on', 6],
      ],
    );
    assert.deepEqual(
      note.dependsOn.map((ref) => ref.target),
      ['ok'],
    );
    assert.equal(note.name.source, 'file-name');
  });

  it('uses numbers and booleans as written where text is expected', () => {
    const note = parseBoth('x.md', lines('---', 'protocol: 404', 'aliases: [1e3, true]', 'funding: 0x10', '---'));
    assert.equal(note.name.value, '404');
    assert.deepEqual(note.aliases, ['1e3', 'true']);
    assert.equal(note.funding, '0x10');
  });

  it('reports an unknown layer or category with the closest valid values', () => {
    const note = parseBoth('x.md', lines('---', 'layer: infrastruture', 'category: compte', '---'));
    const layer = only(note.diagnostics, 'unknown-layer');
    assert.deepEqual(layer.range, on(1, 7, 20));
    assert.equal(layer.data?.suggestions?.[0], 'infrastructure');
    assert.ok(layer.message.includes('infrastructure'));
    const category = only(note.diagnostics, 'unknown-category');
    assert.deepEqual(category.range, on(2, 10, 16));
    assert.equal(category.data?.suggestions?.[0], 'compute');
    assert.equal(note.category?.value, 'compte');
    assert.deepEqual(note.layer, { value: 'unclassified', source: 'default' });
  });

  it('flags a known category that belongs to another layer', () => {
    const note = parseBoth('x.md', lines('---', 'layer: model', 'category: compute', '---'));
    const mismatch = only(note.diagnostics, 'unknown-category');
    assert.ok(mismatch.message.includes('infrastructure'));
    assert.deepEqual(mismatch.data?.suggestions, ['model-training']);
  });
});

describe('parseNote: fallbacks', () => {
  it('takes the name from the first H1, then from the file name', () => {
    const heading = parseBoth('notes/x.md', lines('Intro text', '', '## Not this', '# **Akash** Network #', 'more'));
    assert.deepEqual(heading.name, { value: 'Akash Network', source: 'heading', range: on(3, 2, 19) });
    const setext = parseBoth('notes/x.md', lines('Render', '======', '', 'text'));
    assert.deepEqual(setext.name, { value: 'Render', source: 'heading', range: on(0, 0, 6) });
    const file = parseBoth('notes/io.net.md', 'no heading here');
    assert.deepEqual(file.name, { value: 'io.net', source: 'file-name' });
  });

  it('takes the layer from a tag, then from the nearest layer folder, then unclassified', () => {
    const fromTags = parseBoth('apps/x.md', lines('---', 'tags: [gpu, layer/infra]', '---'));
    assert.deepEqual(fromTags.layer, { value: 'infrastructure', source: 'tag', range: on(1, 12, 23) });
    const fromBody = parseBoth('x.md', 'Filed under #layer/middleware for now.');
    assert.deepEqual(fromBody.layer, { value: 'middleware', source: 'tag', range: on(0, 12, 29) });
    assert.deepEqual(parseBoth('notes/infra/compute/akash.md', 'x').layer, { value: 'infrastructure', source: 'folder' });
    assert.deepEqual(parseBoth('Apps/agents/x.md', 'x').layer, { value: 'application', source: 'folder' });
    assert.deepEqual(parseBoth('research/x.md', 'x').layer, { value: 'unclassified', source: 'default' });
  });

  it('never takes a multi-root key\'s workspace folder (its first segment) for a layer folder', () => {
    const rooted = { rootSegments: 1 };
    assert.deepEqual(parseNote('apps/x.md', 'x', rooted).layer, { value: 'unclassified', source: 'default' });
    assert.deepEqual(parseNote('apps/research/x.md', 'x', rooted).layer, { value: 'unclassified', source: 'default' });
    assert.deepEqual(parseNote('apps/infra/x.md', 'x', rooted).layer, { value: 'infrastructure', source: 'folder' });
    assert.deepEqual(parseNote('notes/apps/x.md', 'x', rooted).layer, { value: 'application', source: 'folder' });
    // A single root (and the CLI) reads every folder: "apps/" there is a folder of notes.
    assert.deepEqual(parseNote('apps/x.md', 'x').layer, { value: 'application', source: 'folder' });
  });

  it('prefers the front matter layer over tags and folders, and reports an unknown layer tag', () => {
    const note = parseBoth('infra/x.md', lines('---', 'layer: model', 'tags: [layer/app]', '---'));
    assert.equal(note.layer.value, 'model');
    const tagged = parseBoth('infra/x.md', '#layer/nonsense');
    assert.deepEqual(tagged.layer, { value: 'infrastructure', source: 'folder' });
    assert.deepEqual(codes(tagged.diagnostics), ['unknown-layer']);
  });
});

describe('parseNote: body links', () => {
  it('keeps wikilinks (with labels and sections) and note links as mentions, not dependencies', () => {
    const note = parseBoth(
      'notes/a.md',
      lines('# A', 'Runs on [[Akash|the Akash cloud]] and [[io.net#Risks]], see [notes](../other%20note.md "t").', '![[diagram.png]] [site](https://x.io/a.md) [top](#top) ![img](pic.md)', '[ref]: ./refs/b.md'),
    );
    assert.deepEqual(note.dependsOn, []);
    assert.deepEqual(note.mentions, [
      { target: 'Akash', kind: 'wikilink', range: on(1, 8, 33) },
      { target: 'io.net', kind: 'wikilink', range: on(1, 38, 54) },
      { target: '../other note.md', kind: 'link', range: on(1, 60, 91) },
      { target: './refs/b.md', kind: 'link', range: on(3, 0, 18) },
    ]);
  });

  it('ignores links inside fenced code blocks and inline code', () => {
    const note = parseBoth(
      'x.md',
      lines('```text', '[[Inside Fence]]', '# Not a heading', '```', 'Use `[[not this]]` or ``[[nor `this`]]`` but [[This]].', '~~~~', '[[Tilde]]', '~~~', '~~~~', '# Title'),
    );
    assert.deepEqual(
      note.mentions.map((mention) => mention.target),
      ['This'],
    );
    assert.equal(note.heading, 'Title');
  });
});

describe('parseNote: bad input', () => {
  it('reports invalid YAML at its line and column, and keeps the note', () => {
    const note = parseBoth('akash.md', lines('---', 'protocol: Akash', 'depends_on: [Render', 'layer: infra', '---', '# Heading'));
    assert.ok(note.diagnostics.length >= 1);
    for (const diagnostic of note.diagnostics) {
      assert.equal(diagnostic.code, 'invalid-yaml');
      assert.equal(diagnostic.severity, 'error');
      assert.ok(diagnostic.range.start.line >= 1 && diagnostic.range.start.line <= 4, JSON.stringify(diagnostic.range));
    }
    assert.deepEqual(note.name, { value: 'Heading', source: 'heading', range: on(5, 2, 9) });

    const duplicate = parseBoth('x.md', lines('---', 'layer: model', 'layer: app', '---'));
    assert.deepEqual(duplicate.diagnostics[0].range.start, { line: 2, character: 0 });
  });

  it('reports front matter that never closes', () => {
    const note = parseBoth('x.md', lines('---', 'protocol: Akash', '# Title'));
    assert.deepEqual(codes(note.diagnostics), ['invalid-yaml']);
    assert.equal(note.name.value, 'Title');
  });

  it('turns NUL bytes into an unreadable note that is still indexed by file name', () => {
    const note = parseNote('infra/blob.md', 'abc\u0000\u0001\u00ff');
    assert.deepEqual(note.name, { value: 'blob', source: 'file-name' });
    assert.deepEqual(note.layer, { value: 'unclassified', source: 'default' });
    assert.equal(only(note.diagnostics, 'unreadable-note').severity, 'error');
  });

  it('reads the front matter of a 5 MB note and limits the body scan', () => {
    const filler = `${'word '.repeat(15)}[[Filler]]\n`.repeat(Math.ceil(5_000_000 / 80));
    const text = lines('---', 'protocol: Huge', '---', '# Huge', filler, '[[Past The Limit]]');
    assert.ok(text.length > 5_000_000);
    const started = performance.now();
    const note = parseNote('huge.md', text);
    assert.ok(performance.now() - started < 2_000);
    assert.equal(note.name.value, 'Huge');
    const large = only(note.diagnostics, 'note-too-large');
    assert.equal(large.severity, 'information');
    assert.ok(note.mentions.length > 0 && note.mentions.length < 5_000_000 / 87);
    assert.ok(!note.mentions.some((mention) => mention.target === 'Past The Limit'));
    assert.ok(LARGE_NOTE_CHARACTERS < text.length);
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [undefined, null, 42, {}, '---\n---', '---', '\ufeff---\nprotocol: X\n---', '---\n: :\n---', '---\n- a\n---', '\r\n\r\n'];
    for (const text of odd) {
      const note = parseNote('odd.md', text as string);
      assert.equal(note.path, 'odd.md');
      assert.equal(typeof note.name.value, 'string');
    }
    assert.equal(parseNote('x.md', '\ufeff---\nprotocol: X\n---').name.value, 'X');
  });

  it('keeps positions exact in CRLF notes', () => {
    const note = parseBoth('x.md', '---\r\nprotocol: Akash\r\ndepends_on: [Render]\r\n---\r\n# Title\r\nSee [[Render]].\r\n');
    assert.deepEqual(note.name.range, on(1, 10, 15));
    assert.deepEqual(note.dependsOn[0].range, on(2, 13, 19));
    assert.equal(note.heading, 'Title');
    assert.deepEqual(note.mentions[0].range, on(5, 4, 14));
  });
});
