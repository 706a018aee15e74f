import * as assert from 'node:assert/strict';
import { bodyLinkAt, bodyLinks, headingLine, looksExternal, mentionReferences, unresolvedBodyLinks } from '../../../src/core/editing/bodyLinks';
import { completionCandidates } from '../../../src/core/editing/completion';
import { bodyCompletionContextAt } from '../../../src/core/editing/completionContext';
import { textIn } from '../../../src/core/editing/ranges';
import { renameEdits, type TextEdit } from '../../../src/core/editing/rename';
import { parseNote } from '../../../src/core/note/parseNote';
import { applyEdits, positionOf } from './applyEdits';
import { exampleNotes, indexOf, textOf } from './examples';

const NOTE = [
  '---',
  'protocol: Linker',
  'layer: application',
  '---',
  '',
  '# Linker',
  '',
  'Runs on [[Akash#Risks|the cloud]] and [[ io.net ]]; see [Eliza](../middleware/eliza.md#what-the-article-says "E").',
  'Also [[Nowhere]], [[paper.pdf]], [[https://example.com/x]] and ![[Masa]].',
  '`[[Code]]` is code.',
  '',
  '[ref]: ../middleware/masa.md',
].join('\n');
const PATH = 'application/linker.md';
const notes = [...exampleNotes(), { path: PATH, text: NOTE }];
const index = indexOf(notes);
const resolve = (notePath: string, mention: { kind: 'wikilink' | 'link'; target: string }) => index.resolveMention(notePath, mention);
const lines = NOTE.split('\n');
const note = parseNote(PATH, NOTE);

describe('editing: body links', () => {
  it('finds the link under the cursor with its name, heading and label', () => {
    const link = bodyLinkAt(note, lines, positionOf(NOTE, '[[Akash', 3));
    assert.ok(link);
    assert.equal(textIn(lines, link.targetRange), 'Akash');
    assert.equal(link.heading, 'Risks');
    assert.equal(link.label?.text, 'the cloud');
    assert.equal(textIn(lines, link.label.range), 'the cloud');
    const spaced = bodyLinkAt(note, lines, positionOf(NOTE, 'io.net ]]'));
    assert.equal(spaced && textIn(lines, spaced.targetRange), 'io.net');
    assert.equal(bodyLinkAt(note, lines, positionOf(NOTE, 'Runs on')), undefined);
  });

  it('reads a markdown link and a link definition: text, path and heading', () => {
    const link = bodyLinkAt(note, lines, positionOf(NOTE, '[Eliza]', 2));
    assert.ok(link);
    assert.equal(link.label?.text, 'Eliza');
    assert.equal(textIn(lines, link.targetRange), '../middleware/eliza.md');
    assert.equal(link.heading, 'what-the-article-says');
    const definition = bodyLinkAt(note, lines, positionOf(NOTE, '[ref]'));
    assert.equal(definition && textIn(lines, definition.targetRange), '../middleware/masa.md');
  });

  it('resolves wikilinks by name and markdown links by path, relative to the note', () => {
    const resolved = bodyLinks(note, lines).map((link) => resolve(PATH, link.mention));
    assert.deepEqual(resolved, [
      'infrastructure/akash.md',
      'infrastructure/io-net.md',
      'middleware/eliza.md',
      undefined,
      undefined,
      undefined,
      'middleware/masa.md',
      'middleware/masa.md',
    ]);
    assert.ok(index.mentioners('middleware/masa.md').includes(PATH));
    assert.ok(index.mentioners('infrastructure/akash.md').includes('middleware/eliza.md'));
  });

  it('flags only the links that name no note and do not look like files or addresses', () => {
    assert.deepEqual(unresolvedBodyLinks(note, resolve).map((mention) => mention.target), ['Nowhere']);
    assert.ok(looksExternal({ kind: 'wikilink', target: 'report.PDF' }));
    assert.ok(!looksExternal({ kind: 'wikilink', target: 'io.net' }), 'a protocol name with a dot is a name');
    assert.ok(!looksExternal({ kind: 'wikilink', target: 'Render.network' }));
  });

  it('lists the body links naming a note among many', () => {
    const found = mentionReferences('middleware/masa.md', notes.map((each) => ({ path: each.path, note: parseNote(each.path, each.text) })), resolve);
    const linker = found.filter((each) => each.path === PATH).map((each) => textIn(lines, each.range));
    assert.deepEqual(linker, ['![[Masa]]', '[ref]: ../middleware/masa.md']);
    assert.ok(found.some((each) => each.path === 'model/bittensor.md'));
  });

  it('finds a heading line for a #heading, as anchors compare', () => {
    const eliza = textOf(notes, 'middleware/eliza.md').split('\n');
    const line = headingLine(eliza, 'what-the-article-says');
    assert.equal(line !== undefined && eliza[line], '## What the article says');
    assert.equal(headingLine(eliza, 'What the Article Says'), line);
    assert.equal(headingLine(eliza, 'nothing like it'), undefined);
  });
});

describe('editing: completion of body wikilinks', () => {
  const at = (text: string, needle: string) => bodyCompletionContextAt(text.split('\n'), positionOf(text, needle, needle.length));

  it('completes names and aliases after [[ in the body, closing the link', () => {
    const text = '---\nprotocol: X\n---\n\nRuns on [[Ak and more';
    const context = at(text, '[[Ak');
    assert.ok(context);
    assert.equal(context.prefix, 'Ak');
    assert.deepEqual(context.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 12 } });
    const candidates = completionCandidates(context, { protocols: index.protocols(), path: PATH });
    const akash = candidates.find((candidate) => candidate.label === 'Akash');
    assert.equal(akash?.insertText, 'Akash]]');
    assert.ok(candidates.some((candidate) => candidate.label === 'IO' && candidate.kind === 'alias'));
    assert.ok(!candidates.some((candidate) => candidate.label === 'Linker'), 'not the note itself');
    const closed = at('Runs on [[Ak]] too', '[[Ak');
    assert.equal(closed?.wikilink?.closed, true);
  });

  it('stays out of front matter, code, labels, headings and closed links', () => {
    assert.equal(at('---\ndepends_on: [[Ak\n---\n', '[[Ak'), undefined);
    assert.equal(at('```\n[[Ak\n```\n', '[[Ak'), undefined);
    assert.equal(at('a `[[Ak', '[[Ak'), undefined);
    assert.equal(at('[[Akash|the', '|the'), undefined);
    assert.equal(at('[[Akash#Ri', '#Ri'), undefined);
    assert.equal(at('[[Akash]] x', ']] x'), undefined);
    assert.ok(at('```\ncode\n```\n[[Ak', '[[Ak'), 'after a closed fence');
  });

  it('offers names a YAML entry could not take, but none that would end the link', () => {
    const context = at('[[', '[[');
    assert.ok(context);
    const protocols = [{ ...index.protocol('infrastructure/akash.md')!, name: { value: 'Akash "Cloud"', source: 'front-matter' as const }, aliases: ['a|b'] }];
    assert.deepEqual(completionCandidates(context, { protocols }).map((candidate) => candidate.label), ['Akash "Cloud"']);
  });
});

describe('editing: rename across body links', () => {
  function renamed(path: string, newName: string): Map<string, string> {
    const edits = renameEdits({ path, text: textOf(notes, path) }, newName, notes, (name) => index.resolve(name), resolve);
    assert.ok(Array.isArray(edits), JSON.stringify(edits));
    const byPath = new Map<string, TextEdit[]>();
    for (const edit of edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
    return new Map([...byPath].map(([file, fileEdits]) => [file, applyEdits(textOf(notes, file), fileEdits)]));
  }

  it('renames wikilinks by that name, keeping headings and labels, and a markdown link reading the name', () => {
    const texts = renamed('infrastructure/akash.md', 'Akash Network');
    const linker = texts.get(PATH) ?? '';
    assert.match(linker, /Runs on \[\[Akash Network#Risks\|the cloud\]\]/);
    const eliza = texts.get('middleware/eliza.md') ?? '';
    assert.match(eliza, /deployed on\n\[\[Akash Network\]\] and keeping/);
    assert.match(eliza, /"\[\[Akash Network\]\]"/, 'and depends_on as before');
    assert.ok(!/\[\[Akash\]\]/.test(texts.get('model/bittensor.md') ?? ''));

    const elizaRenamed = renamed('middleware/eliza.md', 'elizaOS Framework').get(PATH) ?? '';
    assert.match(elizaRenamed, /\[elizaOS Framework\]\(\.\.\/middleware\/eliza\.md#what-the-article-says "E"\)/, 'the text; the path stays');
  });

  it('leaves links by alias, file name or another text as written', () => {
    const texts = renamed('infrastructure/io-net.md', 'IONET');
    // [[ io.net ]] names it by name (spaces are not part of it); [[IO]] would be an alias.
    assert.match(texts.get(PATH) ?? '', /\[\[ IONET \]\]/);
    const masa = renamed('middleware/masa.md', 'Masa Data').get(PATH) ?? '';
    assert.match(masa, /!\[\[Masa Data\]\]/);
    assert.match(masa, /\[ref\]: \.\.\/middleware\/masa\.md/, 'a definition whose text is not the name');
  });
});
