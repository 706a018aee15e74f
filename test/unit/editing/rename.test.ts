import * as assert from 'node:assert/strict';
import { dependencyReferences, renameEdits, renameTargetAt, type TextEdit } from '../../../src/core/editing/rename';
import { parseNote } from '../../../src/core/note/parseNote';
import { applyEdits, positionOf } from './applyEdits';
import { exampleNotes, indexOf, textOf } from './examples';

const notes = exampleNotes();
const index = indexOf(notes);
const resolve = (target: string): string | undefined => index.resolve(target);
const nameOf = (path: string): string | undefined => index.note(path)?.name.value;

function renamed(path: string, newName: string, extra: Array<{ path: string; text: string }> = []): Map<string, string> {
  const all = [...notes, ...extra];
  const edits = renameEdits({ path, text: textOf(all, path) }, newName, all, resolve);
  assert.ok(Array.isArray(edits), JSON.stringify(edits));
  const byPath = new Map<string, TextEdit[]>();
  for (const edit of edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
  return new Map([...byPath].map(([file, fileEdits]) => [file, applyEdits(textOf(all, file), fileEdits)]));
}

describe('editing: rename', () => {
  it('renames the protocol and every depends_on entry and body wikilink naming it, keeping brackets and quotes', () => {
    const texts = renamed('infrastructure/akash.md', 'Akash Network');
    // Eliza depends on it; the others (and Eliza too) write [[Akash]] in their text.
    assert.deepEqual([...texts.keys()].sort(), ['application/yield-pilot.md', 'infrastructure/akash.md', 'infrastructure/io-net.md', 'middleware/eliza.md', 'model/bittensor.md']);
    assert.match(texts.get('infrastructure/akash.md') ?? '', /^protocol: Akash Network$/m);
    assert.match(texts.get('middleware/eliza.md') ?? '', /^depends_on: \["\[\[Akash Network\]\]", Arweave\]$/m);
  });

  it('keeps entries that name it by alias, which still resolve, and the rest of each file', () => {
    const texts = renamed('infrastructure/io-net.md', 'IONET');
    // bittensor names it [[io.net]]; arc names it by the alias IO; ledger-scout by "io.net Cloud".
    // Only bittensor's text links it by that name too (`[[io.net|IO]]`, the label kept).
    const bittensor = texts.get('model/bittensor.md') ?? '';
    assert.equal(bittensor, textOf(notes, 'model/bittensor.md').replace('"[[io.net]]"', '"[[IONET]]"').replace('[[io.net|IO]]', '[[IONET|IO]]'));
    for (const [path, text] of texts) {
      if (path === 'infrastructure/io-net.md' || path === 'model/bittensor.md') continue;
      assert.equal(text, textOf(notes, path).replaceAll('[[io.net]]', '[[IONET]]'), `${path}: only its wikilinks`);
      assert.deepEqual(parseNote(path, text).dependsOn, parseNote(path, textOf(notes, path)).dependsOn, `${path}: its depends_on as written`);
    }
  });

  it('keeps a wikilink label and section, and quotes a name a flow list would misread', () => {
    const dependent = { path: 'x/dependent.md', text: '---\nprotocol: D\ndepends_on: ["[[Masa#Risks|data]]", Masa]\n---\n' };
    const extended = indexOf([...notes, dependent]);
    const all = [...notes, dependent];
    const edits = renameEdits({ path: 'middleware/masa.md', text: textOf(all, 'middleware/masa.md') }, 'Masa, the data net', all, (t) => extended.resolve(t));
    assert.ok(Array.isArray(edits));
    const text = applyEdits(dependent.text, edits.filter((edit) => edit.path === dependent.path));
    assert.match(text, /^depends_on: \["\[\[Masa, the data net#Risks\|data\]\]", "Masa, the data net"\]$/m);
    const reparsed = parseNote(dependent.path, text);
    assert.deepEqual(reparsed.dependsOn.map((ref) => ref.target), ['Masa, the data net', 'Masa, the data net']);
  });

  it('renames in block lists', () => {
    const texts = renamed('infrastructure/render.md', 'Render Network');
    assert.match(texts.get('middleware/swarms.md') ?? '', /^ {2}- Render Network$/m);
  });

  it('refuses empty names, wikilink characters and a name another note has', () => {
    const akash = { path: 'infrastructure/akash.md', text: textOf(notes, 'infrastructure/akash.md') };
    for (const bad of ['', '  ', 'a|b', 'a]]', 'a#b', 'two\nlines']) {
      assert.ok('error' in (renameEdits(akash, bad, notes, resolve) as object), JSON.stringify(bad));
    }
    const taken = renameEdits(akash, 'Arweave', notes, resolve);
    assert.ok(!Array.isArray(taken) && /already names infrastructure\/arweave\.md/.test(taken.error));
    const unnamed = renameEdits({ path: 'x/heading.md', text: '# Heading only\n' }, 'New', notes, resolve);
    assert.ok(!Array.isArray(unnamed) && /protocol:/.test(unnamed.error));
  });

  it('finds what to rename from the name or from a dependency entry', () => {
    const eliza = textOf(notes, 'middleware/eliza.md');
    const onEntry = renameTargetAt({ path: 'middleware/eliza.md', text: eliza }, positionOf(eliza, 'Akash', 2), resolve, nameOf);
    assert.ok(onEntry && 'path' in onEntry);
    assert.equal(onEntry.path, 'infrastructure/akash.md');
    assert.equal(onEntry.placeholder, 'Akash');
    assert.deepEqual(onEntry.range, { start: { line: 5, character: 16 }, end: { line: 5, character: 21 } });
    const onName = renameTargetAt({ path: 'middleware/eliza.md', text: eliza }, positionOf(eliza, 'protocol: ', 11), resolve, nameOf);
    assert.ok(onName && 'path' in onName && onName.path === 'middleware/eliza.md');
    const body = renameTargetAt({ path: 'middleware/eliza.md', text: eliza }, { line: 12, character: 3 }, resolve, nameOf);
    assert.equal(body, undefined);
    const unresolved = '---\nprotocol: U\ndepends_on: [Nowhere]\n---\n';
    const nothing = renameTargetAt({ path: 'u.md', text: unresolved }, positionOf(unresolved, 'Nowhere', 2), resolve, nameOf);
    assert.ok(nothing && 'error' in nothing);
  });
});

describe('editing: references', () => {
  it('lists every depends_on entry that names a protocol, by name, alias or wikilink', () => {
    const found = dependencyReferences('infrastructure/io-net.md', notes, resolve);
    assert.deepEqual(found.map((reference) => reference.path).sort(), ['application/ledger-scout.md', 'middleware/arc.md', 'model/bittensor.md']);
    const arc = found.find((reference) => reference.path === 'middleware/arc.md');
    assert.deepEqual(arc?.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 15 } });
    assert.deepEqual(dependencyReferences('application/yield-pilot.md', notes, resolve), []);
  });
});
