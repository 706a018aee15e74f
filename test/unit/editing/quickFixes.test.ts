import * as assert from 'node:assert/strict';
import { quickFixesFor } from '../../../src/core/editing/quickFixes';
import { parseNote } from '../../../src/core/note/parseNote';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import type { Diagnostic } from '../../../src/core/vocabulary/model';
import { applyEdits } from './applyEdits';

function fixed(text: string, code: Diagnostic['code'], diagnostics = parseNote('n.md', text).diagnostics): { text: string; title: string; preferred: boolean } {
  const diagnostic = diagnostics.find((each) => each.code === code);
  assert.ok(diagnostic, `a ${code} diagnostic in ${JSON.stringify(diagnostics)}`);
  const [fix] = quickFixesFor(diagnostic, text);
  assert.ok(fix?.edits, `a fix for ${code}`);
  return { text: applyEdits(text, fix.edits), title: fix.title, preferred: fix.preferred };
}

describe('editing: quick fixes', () => {
  it('changes an unknown layer to the closest one, and the diagnostic goes', () => {
    const result = fixed('---\nprotocol: X\nlayer: middlware\n---\n', 'unknown-layer');
    assert.equal(result.text, '---\nprotocol: X\nlayer: middleware\n---\n');
    assert.equal(result.preferred, true);
    assert.equal(parseNote('n.md', result.text).diagnostics.length, 0);
  });

  it('keeps quotes and fixes a layer/ tag in place', () => {
    assert.equal(fixed('---\nlayer: "modle"\n---\n', 'unknown-layer').text, '---\nlayer: "model"\n---\n');
    const tag = fixed('---\nprotocol: X\ntags: [defi, layer/midleware]\n---\n', 'unknown-layer');
    assert.equal(tag.text, '---\nprotocol: X\ntags: [defi, layer/middleware]\n---\n');
    assert.equal(parseNote('n.md', tag.text).layer.value, 'middleware');
  });

  it('changes an unknown category to the closest one', () => {
    const result = fixed('---\nlayer: infrastructure\ncategory: compte\n---\n', 'unknown-category');
    assert.equal(result.text, '---\nlayer: infrastructure\ncategory: compute\n---\n');
    assert.match(result.title, /"compute"/);
  });

  it('offers to create the note a dependency names, through New Protocol Note, and the nearest names', () => {
    const text = '---\nprotocol: N\ndepends_on: ["[[Akahs|cloud]]", Nowhere Protocol]\n---\n';
    const index = new ProtocolIndex();
    index.build([
      { path: 'akash.md', text: '---\nprotocol: Akash\n---\n' },
      { path: 'n.md', text },
    ]);
    const diagnostics = index.diagnostics('n.md').filter((each) => each.code === 'unresolved-dependency');
    assert.equal(diagnostics.length, 2);
    const [typo, missing] = diagnostics.map((each) => quickFixesFor(each, text));
    const create = missing.find((fix) => fix.command);
    assert.deepEqual(create?.command?.arguments, [{ name: 'Nowhere Protocol' }]);
    assert.equal(create?.command?.command, 'protocolAtlas.newNote');
    assert.equal(create?.title, "Create note 'Nowhere Protocol'");
    const change = typo.find((fix) => fix.edits);
    assert.ok(change?.edits, 'a change to the nearest name');
    assert.match(applyEdits(text, change.edits), /depends_on: \["\[\[Akash\|cloud\]\]", Nowhere Protocol\]/);
  });

  it('inserts reason: "" under impact:, indented like verdict', () => {
    const text = '---\nprotocol: X\nimpact:\n    verdict: negative\ntags: [a]\n---\n';
    const result = fixed(text, 'override-without-reason');
    assert.equal(result.text, '---\nprotocol: X\nimpact:\n    verdict: negative\n    reason: ""\ntags: [a]\n---\n');
    const reparsed = parseNote('n.md', result.text.replace('reason: ""', 'reason: "why"'));
    assert.equal(reparsed.override?.reason, 'why');
  });

  it('fills an empty reason, an inline map, and an impact block at the end of the front matter', () => {
    assert.match(fixed('---\nimpact:\n  verdict: negative\n  reason:\n---\n', 'override-without-reason').text, /^ {2}reason: ""$/m);
    assert.equal(
      fixed('---\nimpact: {verdict: negative}\n---\n', 'override-without-reason').text,
      '---\nimpact: {verdict: negative, reason: ""}\n---\n',
    );
    assert.equal(
      fixed('---\nimpact:\n  verdict: positive\n---\nbody\n', 'override-without-reason').text,
      '---\nimpact:\n  verdict: positive\n  reason: ""\n---\nbody\n',
    );
  });

  it('offers nothing for problems without an obvious fix', () => {
    const note = parseNote('n.md', '---\nprotocol: [unclosed\n---\n');
    assert.ok(note.diagnostics.length > 0);
    for (const diagnostic of note.diagnostics) assert.deepEqual(quickFixesFor(diagnostic, ''), []);
  });
});
