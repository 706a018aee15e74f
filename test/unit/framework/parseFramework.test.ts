import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_FRAMEWORK_BYTES, parseFramework, type Framework } from '../../../src/core/framework';
import type { Diagnostic } from '../../../src/core/vocabulary/model';

const VALID = [
  '# A second thesis, for tests',
  'id: test-thesis',
  'title: Test thesis',
  'description: A thesis for tests.',
  'source:',
  '  article: An article',
  '  author: Someone',
  '  date: "March 2025"',
  '  url: https://example.com/a',
  'rules:',
  '  - id: compute-down',
  '    match:',
  '      layer: infrastructure',
  '      category: compute',
  '      tags: [gpu]',
  '    verdict: negative',
  '    strength: strong',
  '    horizon: short-term',
  '    outlook:',
  '      horizon: long-term',
  '      verdict: positive',
  '      rationale: Later it recovers.',
  '    rationale: &why Prices fall.',
  '    section: "2"',
  '  - id: models-up',
  '    match: { layer: model }',
  '    verdict: positive',
  '    rationale: *why',
  '    section: "3"',
];
const line = (text: string) => VALID.indexOf(text);

const EXPECTED: Framework = {
  id: 'test-thesis',
  title: 'Test thesis',
  description: 'A thesis for tests.',
  source: { article: 'An article', author: 'Someone', date: 'March 2025', url: 'https://example.com/a' },
  rules: [
    {
      id: 'compute-down',
      match: { layer: 'infrastructure', category: 'compute', tags: ['gpu'] },
      verdict: 'negative',
      strength: 'strong',
      horizon: 'short-term',
      outlook: { horizon: 'long-term', verdict: 'positive', rationale: 'Later it recovers.' },
      rationale: 'Prices fall.',
      section: '2',
    },
    { id: 'models-up', match: { layer: 'model' }, verdict: 'positive', rationale: 'Prices fall.', section: '3' },
  ],
};

function edited(edit: (lines: string[]) => void): string {
  const lines = [...VALID];
  edit(lines);
  return lines.join('\n');
}
const replace = (target: string, by: string) => (lines: string[]) => lines.splice(lines.indexOf(target), 1, by);
const remove = (target: string) => (lines: string[]) => lines.splice(lines.indexOf(target), 1);

function assertWellFormed(diagnostics: Diagnostic[], text: string, file: string): void {
  const lineCount = String(text ?? '').split('\n').length;
  for (const d of diagnostics) {
    assert.equal(d.file, file);
    assert.equal(d.code, 'invalid-framework');
    assert.ok(d.message.length > 0);
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lineCount, `line ${p.line} of ${lineCount}`);
      assert.ok(Number.isInteger(p.character) && p.character >= 0);
    }
  }
}

describe('parseFramework', () => {
  it('reads a YAML framework, with comments and an alias', () => {
    assert.deepEqual(parseFramework(VALID.join('\n'), 'f.yaml'), { framework: EXPECTED, diagnostics: [] });
  });

  it('reads the same framework written as JSON, with a $schema link and a byte order mark', () => {
    const json = '\uFEFF' + JSON.stringify({ $schema: '../../schemas/framework.schema.json', ...EXPECTED }, null, '\t');
    assert.deepEqual(parseFramework(json, 'f.json'), { framework: EXPECTED, diagnostics: [] });
  });

  // [what is wrong, the edit, the line the diagnostic must point at, the message]
  const cases: Array<[string, (lines: string[]) => void, number, RegExp]> = [
    ['a framework id with spaces', replace('id: test-thesis', 'id: Test Thesis'), line('id: test-thesis'), /^id must be lowercase words joined by hyphens/],
    ['an empty title', replace('title: Test thesis', 'title: "  "'), line('title: Test thesis'), /^title must not be empty$/],
    ['a number as description', replace('description: A thesis for tests.', 'description: 42'), line('description: A thesis for tests.'), /^description must be text \(put it in quotes\)$/],
    ['an unknown top-level field', (l) => l.splice(1, 0, 'version: 2'), 1, /^the framework: unknown field 'version'/],
    ['no source article', remove('  article: An article'), line('  author: Someone') - 1, /^source: missing required field 'article'$/],
    ['an unquoted year as date', replace('  date: "March 2025"', '  date: 2025'), line('  date: "March 2025"'), /^source\.date must be text \(put it in quotes\)$/],
    ['an ftp url', replace('  url: https://example.com/a', '  url: ftp://example.com/a'), line('  url: https://example.com/a'), /^source\.url must be an http or https address$/],
    ['a source that is text', (l) => l.splice(line('source:'), 5, 'source: BlockBooster'), line('source:'), /^source must be a mapping of fields$/],
    ['rules that are not a list', (l) => l.splice(line('rules:'), l.length, 'rules: none'), line('rules:'), /^rules must be a list of rules$/],
    ['a rule id with capitals', replace('  - id: models-up', '  - id: Models'), line('  - id: models-up'), /^rule 'Models': id must be lowercase/],
    ['a repeated rule id', replace('  - id: models-up', '  - id: compute-down'), line('  - id: models-up'), /^rule 'compute-down': id is already used by rule 1$/],
    ['a rule without a section', remove('    section: "3"'), line('  - id: models-up'), /^rule 'models-up': missing required field 'section'$/],
    ['a rule that is text', (l) => l.splice(line('  - id: models-up'), 5, '  - models go up'), line('  - id: models-up'), /^rule 2 must be a mapping of fields$/],
    ['an empty match', replace('    match: { layer: model }', '    match: {}'), line('    match: { layer: model }'), /^rule 'models-up': match must set at least one of layer, category, tags$/],
    ['an unclassified layer in a match', replace('      layer: infrastructure', '      layer: unclassified'), line('      layer: infrastructure'), /^rule 'compute-down': match\.layer must be one of infrastructure, middleware, model, application$/],
    ['an unknown match field', replace('      category: compute', '      categry: compute'), line('      category: compute'), /^rule 'compute-down': match: unknown field 'categry'/],
    ['an empty tag list', replace('      tags: [gpu]', '      tags: []'), line('      tags: [gpu]'), /^rule 'compute-down': match\.tags must be a non-empty list of tags$/],
    ['a repeated tag', replace('      tags: [gpu]', '      tags: [gpu, gpu]'), line('      tags: [gpu]'), /^rule 'compute-down': match\.tags lists 'gpu' twice$/],
    ['an unknown verdict', replace('    verdict: negative', '    verdict: bad'), line('    verdict: negative'), /^rule 'compute-down': verdict must be one of positive, negative, mixed, not-assessed$/],
    ['an unknown strength', replace('    strength: strong', '    strength: huge'), line('    strength: strong'), /^rule 'compute-down': strength must be one of weak, moderate, strong, strongest$/],
    ['an unknown horizon', replace('    horizon: short-term', '    horizon: forever'), line('    horizon: short-term'), /^rule 'compute-down': horizon must be one of short-term, long-term$/],
    ['an outlook without a horizon', remove('    horizon: short-term'), line('    outlook:') - 1, /^rule 'compute-down': set horizon too/],
    ['an outlook over the same horizon', replace('      horizon: long-term', '      horizon: short-term'), line('      horizon: long-term'), /^rule 'compute-down': outlook\.horizon must differ from horizon 'short-term'$/],
    ['an unknown outlook verdict', replace('      verdict: positive', '      verdict: up'), line('      verdict: positive'), /^rule 'compute-down': outlook\.verdict must be one of positive, negative, mixed, not-assessed$/],
    ['an outlook without rationale', remove('      rationale: Later it recovers.'), line('      horizon: long-term'), /^rule 'compute-down': outlook: missing required field 'rationale'$/],
    ['an empty rationale', replace('    rationale: &why Prices fall.', '    rationale: ""'), line('    rationale: &why Prices fall.'), /^rule 'compute-down': rationale must not be empty$/],
    ['a list as section', replace('    section: "2"', '    section: [2]'), line('    section: "2"'), /^rule 'compute-down': section must be text$/],
    ['an alias to nothing', replace('    rationale: *why', '    rationale: *nothing'), line('    rationale: *why'), /^rule 'models-up': rationale must be text$/],
    ['a YAML syntax error', replace('    match: { layer: model }', '    match: { layer: model'), line('    match: { layer: model }') + 1, /^not valid YAML or JSON: /],
    ['a repeated key', (l) => l.splice(2, 0, 'id: again'), 2, /^not valid YAML or JSON: Map keys must be unique/],
  ];
  for (const [what, edit, expectedLine, message] of cases) {
    it(`reports ${what} on its line and returns no framework`, () => {
      const text = edited(edit);
      const { framework, diagnostics } = parseFramework(text, 'f.yaml');
      assert.equal(framework, undefined);
      const found = diagnostics.find((d) => message.test(d.message));
      assert.ok(found, `no diagnostic matching ${message} in ${JSON.stringify(diagnostics.map((d) => d.message))}`);
      assert.equal(found.range.start.line, expectedLine, found.message);
      assert.equal(found.severity, 'error');
      assertWellFormed(diagnostics, text, 'f.yaml');
    });
  }

  it('points at the offending value, not just the line', () => {
    const { diagnostics } = parseFramework(edited(replace('    verdict: negative', '    verdict: bad')), 'f.yaml');
    assert.deepEqual(diagnostics[0].range, { start: { line: 15, character: 13 }, end: { line: 15, character: 16 } });
    assert.deepEqual(diagnostics[0].data, { field: 'rules[0].verdict', suggestions: ['positive', 'negative', 'mixed', 'not-assessed'] });
  });

  it('reports every problem at once, not just the first', () => {
    const text = edited((l) => {
      replace('    verdict: negative', '    verdict: bad')(l);
      replace('    strength: strong', '    strength: huge')(l);
      replace('  date: "March 2025"', '  date: 2025')(l);
    });
    assert.equal(parseFramework(text, 'f.yaml').diagnostics.length, 3);
  });

  it('warns about a rule that can never apply, and still returns the framework', () => {
    const text = edited((l) => l.push('  - id: models-down', '    match: { layer: model }', '    verdict: negative', '    rationale: r', '    section: "9"'));
    const { framework, diagnostics } = parseFramework(text, 'f.yaml');
    assert.equal(framework?.rules.length, 3);
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.range.start.line, d.message]),
      [['warning', VALID.length, "rule 'models-down' never applies: rule 'models-up' has the same match and comes first"]],
    );
  });

  it('warns about a category no note can have, or one from another layer, and still returns the framework', () => {
    const misspelt = parseFramework(edited(replace('      category: compute', '      category: compte')), 'f.yaml');
    assert.ok(misspelt.framework);
    assert.deepEqual(
      misspelt.diagnostics.map((d) => [d.severity, d.range.start.line, d.message]),
      [['warning', line('      category: compute'), "rule 'compute-down': match.category 'compte' is not a known category, so the rule applies only to notes that write it the same way"]],
    );
    assert.ok(misspelt.diagnostics[0].data?.suggestions?.includes('compute'));
    const misplaced = parseFramework(edited(replace('      category: compute', '      category: defai')), 'f.yaml');
    assert.ok(misplaced.framework);
    assert.deepEqual(misplaced.diagnostics.map((d) => d.message), ["rule 'compute-down' never applies: category 'defai' belongs to application, not infrastructure"]);
  });

  it('asks for a mapping when the file is empty, a comment or a list', () => {
    for (const text of ['', '# nothing yet', '- id: x', 'just text']) {
      const { framework, diagnostics } = parseFramework(text, 'f.yaml');
      assert.equal(framework, undefined);
      assert.deepEqual(diagnostics.map((d) => d.message), ['the framework must be a mapping of fields'], text);
    }
  });

  it('refuses a file too large to be a framework without parsing it', () => {
    const { diagnostics } = parseFramework(`id: x\n${'#'.repeat(MAX_FRAMEWORK_BYTES)}`, 'big.yaml');
    assert.match(diagnostics[0].message, /too large/);
  });

  it('never throws on garbage, binary data or broken frameworks, and always explains', () => {
    const file = 'garbage.yaml';
    const check = (text: string) => {
      const { framework, diagnostics } = parseFramework(text, file);
      assertWellFormed(diagnostics, text, file);
      if (!framework) assert.ok(diagnostics.some((d) => d.severity === 'error'));
    };
    for (const text of ['\u0000\u0001\u00ff\u00fe', '{{{{', ']]]', '&a [*a, *a]', 'a: &a [*a]', '--- !!binary AAAA', '%YAML 9.9\n---\n', '\t\t:', ':\n:\n']) {
      check(text);
    }
    check(null as unknown as string);
    check(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]).toString('latin1'));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 500 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => check(Buffer.from(bytes).toString('utf8'))), { numRuns: 500 });
    const valid = VALID.join('\n');
    const broken = fc.tuple(fc.nat(valid.length), fc.nat(20), fc.string({ maxLength: 5 })).map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    fc.assert(fc.property(broken, check), { numRuns: 1000 });
  });
});
