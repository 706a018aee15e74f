// parseYamlDocument finds repeated keys in linear time (issue 12: the `yaml` package's own check,
// `uniqueKeys: true`, is quadratic: 44 s on a 0.8 MB file of 80,000 keys), and reports them as
// that check does: the same code, message, position and order, with one chosen difference (after
// a key whose value is empty, the library points at the line before; we point at the key).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { parseFramework } from '../../../src/core/framework';
import { parseNote } from '../../../src/core/note/parseNote';
import { parseYamlDocument } from '../../../src/core/note/yamlDocument';

type Errors = ReadonlyArray<{ code: string; message: string; pos: [number, number] }>;
const errorsOf = (errors: Errors) => errors.map((e) => [e.code, e.message.split('\n', 1)[0], e.pos]);
const codesOf = (errors: Errors) => errors.map((e) => `${e.code} ${e.message.split('\n', 1)[0]}`).sort();
const library = (text: string) => parseDocument(text, { prettyErrors: false, uniqueKeys: true }).errors;
const ours = (text: string) => parseYamlDocument(text).errors;

const key = fc.constantFrom('a', 'b', '"a"', "'b'", '1', '01', '~', 'null', '&x a', '*x', '!!str 1', '? a\n', 'a b', '.nan');
const lineOf = (value: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', '', '  ', '    '), key, value).map(([indent, k, v]) => (k.endsWith('\n') ? `${indent}${k}${indent}: ${v}` : `${indent}${k}: ${v}`));
const FILLED = ['1', 'x', '[a, b]', '{a: 1, a: 2}', '{b: 1}', '&x v', '*x', '|\n  text', '\n  - i'];

describe('parseYamlDocument', () => {
  it('reports a repeated key as the library does, in block and flow maps, nested, with anchors, tags and odd keys', () => {
    const texts = [
      'a: 1\nb: 2\na: 3\n',
      'a: 1\na: 2\na: 3\n',
      '{a: 1, b: 2, a: 3}',
      'x:\n  y: 1\n  y: 2\nz: [ {p: 1, p: 2} ]\n',
      '&k a: 1\na: 2\n',
      '!!str 1: x\n"1": y\n1: z\n',
      '? a\n: 1\n? a\n: 2\n',
      ': x\n: y\n',
      '.nan: 1\n.nan: 2\n',
      'null: 1\n~: 2\n',
      '0: a\n-0: b\n0x0: c\n',
      '[a: 1, a: 2]',
      '? {a: 1, a: 2}\n: v\n',
      'a: 1\nb: [\nc: 2\na: 3\n',
      '*x : 1\n*x : 2\n',
      'a: 1\n  a: 2\na: 3\n',
    ];
    for (const text of texts) assert.deepEqual(errorsOf(ours(text)), errorsOf(library(text)), JSON.stringify(text));
  });

  it('agrees with the library on generated maps: the same errors, and the same places wherever no value is left empty', () => {
    fc.assert(
      fc.property(fc.array(lineOf(fc.constantFrom(...FILLED)), { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        const theirs = library(text);
        // Where the library reports more than repeated keys, its positions for them can be anywhere
        // its recovery left the reading; the errors are still the same.
        if (theirs.every((e) => e.code === 'DUPLICATE_KEY')) assert.deepEqual(errorsOf(ours(text)), errorsOf(theirs), JSON.stringify(text));
        else assert.deepEqual(codesOf(ours(text)), codesOf(theirs), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.array(lineOf(fc.constantFrom(...FILLED, '', '# c')), { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        assert.deepEqual(codesOf(ours(text)), codesOf(library(text)), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('after a key whose value is empty, points at the repeated key, not at the end of the line before', () => {
    assert.deepEqual(library('a:\na: 1').map((e) => e.pos), [[2, 3]]);
    assert.deepEqual(ours('a:\na: 1').map((e) => e.pos), [[3, 4]]);
  });

  it('reads 80,000 keys, one repeated, as a framework file and as front matter without hanging, and reports the repeat on its line', () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `k${i}: x`);
    const text = [...keys.slice(0, 40_000), 'k5: again', ...keys.slice(40_000)].join('\n');
    assert.ok(text.length > 780_000 && text.length < 1_000_000, `${text.length} characters: under the framework and note limits`);
    // A hang guard only (the library's own check took 44 s here); the speed is bench/hostileYaml.ts's.
    const within = <T>(what: string, run: () => T): T => {
      const start = performance.now();
      const result = run();
      const ms = performance.now() - start;
      assert.ok(ms < 5_000, `${what} took ${Math.round(ms)} ms`);
      return result;
    };
    const framework = within('the framework file', () => parseFramework(text, 'hostile.yaml'));
    assert.deepEqual(framework.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.message]), [[40_000, 0, 1, 'not valid YAML or JSON: Map keys must be unique']]);
    const note = within('the front matter', () => parseNote('hostile.md', `---\n${text}\n---\n`));
    assert.deepEqual(note.diagnostics.filter((d) => d.code === 'invalid-yaml').map((d) => [d.range.start.line, d.message]), [[40_001, 'Front matter: This key is written twice; keep one.']]);
  });
});
