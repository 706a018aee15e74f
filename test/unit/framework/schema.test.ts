import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { builtinFrameworks, parseFramework } from '../../../src/core/framework';
import type { Horizon, Strength } from '../../../src/core/vocabulary/model';

// Every value of the model's types, in the schema's order: a value added to a type fails to
// compile here until the schema test below checks the schema lists it too.
const STRENGTH_ORDER: Record<Strength, number> = { weak: 0, moderate: 1, strong: 2, strongest: 3 };
const HORIZON_ORDER: Record<Horizon, number> = { 'short-term': 0, 'long-term': 1 };
const inOrder = <T extends string>(order: Record<T, number>): T[] => (Object.keys(order) as T[]).sort((a, b) => order[a] - order[b]);
const STRENGTHS = inOrder(STRENGTH_ORDER);
const HORIZONS = inOrder(HORIZON_ORDER);
import { MAX_LISTED_PROBLEMS, validateFramework } from '../../../src/core/framework/validateFramework';
import { LAYERS, VERDICT_VALUES, type Diagnostic } from '../../../src/core/vocabulary/model';
import { CATEGORIES } from '../../../src/core/vocabulary/taxonomy';

/** The parts of draft-07 the framework schema uses. */
interface Schema {
  $schema?: string;
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  enum?: unknown[];
  examples?: unknown[];
  definitions?: Record<string, Schema>;
}
const schemaFile = path.join(__dirname, '../../../schemas/framework.schema.json');
const schema: Schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
const defs = schema.definitions!;
/** A property of an object schema, failing the test when it is not declared. */
function field(object: Schema, name: string): Schema {
  const property = object.properties?.[name];
  assert.ok(property, `the schema declares no '${name}'`);
  return property;
}

/** A framework with every optional field, as a value to break in one place. */
function valid(): Record<string, unknown> {
  return {
    $schema: '../framework.schema.json',
    id: 'test-thesis',
    title: 'Test',
    description: 'd',
    source: { article: 'a', author: 'b', date: 'March 2025', publisher: 'p', url: 'https://example.com' },
    rules: [
      {
        id: 'agents',
        match: { layer: 'application', category: 'ai-agents', tags: ['#tokens'] },
        verdict: 'negative',
        strength: 'strong',
        horizon: 'short-term',
        outlook: { horizon: 'long-term', verdict: 'positive', rationale: 'later' },
        rationale: 'now',
        section: '4',
      },
      { id: 'models', match: { layer: 'model' }, verdict: 'positive', rationale: 'r', section: '3' },
    ],
  };
}

/** The product's words for a file: never ajv's, never the fallback for a keyword it has no words for. */
function assertWorded(diagnostics: Diagnostic[], text: string): void {
  const lineCount = text.split('\n').length;
  for (const d of diagnostics) {
    assert.equal(d.code, 'invalid-framework');
    assert.doesNotMatch(d.message, /does not fit the framework schema|must have required property|must NOT have/, d.message);
    assert.ok(d.range.start.line >= 0 && d.range.start.line < lineCount && d.range.end.line < lineCount, `${d.message}: line ${d.range.start.line} of ${lineCount}`);
  }
}

describe('schemas/framework.schema.json', () => {
  it('is draft-07 and says where workspace frameworks live', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.match(schema.description ?? '', /\.protocol-atlas\/frameworks\/\*\.yaml/);
  });

  it('is a valid draft-07 schema, as editors read it', () => {
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
  });

  it('uses the enums the code uses', () => {
    assert.deepEqual(field(defs.rule, 'verdict').enum, VERDICT_VALUES);
    assert.deepEqual(field(defs.outlook, 'verdict').enum, VERDICT_VALUES);
    assert.deepEqual(field(defs.match, 'layer').enum, LAYERS);
    assert.deepEqual(field(defs.rule, 'strength').enum, STRENGTHS);
    assert.deepEqual(field(defs.rule, 'horizon').enum, HORIZONS);
    assert.deepEqual(field(defs.outlook, 'horizon').enum, HORIZONS);
  });

  it('offers the taxonomy\'s category ids as examples for completion', () => {
    assert.deepEqual(field(defs.match, 'category').examples, CATEGORIES.map((category) => category.id));
  });

  it('describes every field, for hovers in the editor', () => {
    for (const [name, object] of Object.entries({ framework: schema, ...defs })) {
      for (const [key, property] of Object.entries(object.properties ?? {})) {
        const described = property.description ?? defs[String(property.$ref).replace('#/definitions/', '')]?.description;
        assert.ok(described, `${name}.${key} has no description`);
      }
    }
  });
});

describe('validateFramework against the schema', () => {
  it('accepts the built-in frameworks as they are written, $schema link and all', () => {
    const text = readFileSync(path.join(__dirname, '../../../src/core/framework/builtin/deepseek-2025.json'), 'utf8');
    assert.deepEqual(parseFramework(text, 'deepseek-2025.json'), { framework: builtinFrameworks()[0], diagnostics: [] });
  });

  // [the schema keyword (or the check after it), what is wrong, the edit, the line's text (the last
  // line holding it; offset lines from there), the severity, the message, the field]
  type Edit = (framework: Record<string, unknown>) => void;
  type Case = [string, string, Edit, string, number, 'error' | 'warning', string, string];
  /** The object or list at `path`, for an edit to change one of its fields. */
  const parentOf = (framework: Record<string, unknown>, path: Array<string | number>) =>
    path.slice(0, -1).reduce<Record<string | number, unknown>>((node, step) => node[step] as Record<string | number, unknown>, framework);
  // defineProperty, so that '__proto__' is a field like any other.
  const set = (path: Array<string | number>, value: unknown): Edit => (f) => Object.defineProperty(parentOf(f, path), path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  const remove = (path: Array<string | number>): Edit => (f) => delete parentOf(f, path)[path[path.length - 1]];
  const cases: Case[] = [
    ['type', 'a source that is text', set(['source'], 'BlockBooster'), '"source": "BlockBooster"', 0, 'error', 'source must be a mapping of fields', 'source'],
    ['type', 'rules that are not a list', set(['rules'], 'none'), '"rules": "none"', 0, 'error', 'rules must be a list of rules', 'rules'],
    ['type', 'a rule that is text', set(['rules', 1], 'models go up'), '"models go up"', 0, 'error', 'rule 2 must be a mapping of fields', 'rules[1]'],
    ['type', 'a number as title', set(['title'], 42), '"title": 42', 0, 'error', 'title must be text (put it in quotes)', 'title'],
    ['type', 'a list as section', set(['rules', 1, 'section'], []), '"section": []', 0, 'error', "rule 'models': section must be text", 'rules[1].section'],
    ['type', 'tags that are text', set(['rules', 0, 'match', 'tags'], 'gpu'), '"tags": "gpu"', 0, 'error', "rule 'agents': match.tags must be a non-empty list of tags", 'rules[0].match.tags'],
    ['enum', 'an unknown verdict', set(['rules', 1, 'verdict'], 'up'), '"verdict": "up"', 0, 'error', "rule 'models': verdict must be one of positive, negative, mixed, not-assessed", 'rules[1].verdict'],
    ['enum', 'a number as strength', set(['rules', 0, 'strength'], 3), '"strength": 3', 0, 'error', "rule 'agents': strength must be one of weak, moderate, strong, strongest", 'rules[0].strength'],
    ['pattern', 'a framework id with spaces', set(['id'], 'Test Thesis'), '"id": "Test Thesis"', 0, 'error', "id must be lowercase words joined by hyphens, e.g. 'deepseek-2025'", 'id'],
    ['pattern', 'a rule id with capitals', set(['rules', 1, 'id'], 'Models'), '"id": "Models"', 0, 'error', "rule 'Models': id must be lowercase words joined by hyphens, e.g. 'compute-negative'", 'rules[1].id'],
    ['pattern', 'an ftp url', set(['source', 'url'], 'ftp://x.y'), '"url": "ftp://x.y"', 0, 'error', 'source.url must be an http or https address', 'source.url'],
    ['pattern', 'a blank tag', set(['rules', 0, 'match', 'tags'], [' ']), '" "', 0, 'error', "rule 'agents': match.tags[0] must not be empty", 'rules[0].match.tags[0]'],
    ['required', 'no source author', remove(['source', 'author']), '"source": {', 0, 'error', "source: missing required field 'author'", 'source.author'],
    ['required', 'an outlook without rationale', remove(['rules', 0, 'outlook', 'rationale']), '"outlook": {', 0, 'error', "rule 'agents': outlook: missing required field 'rationale'", 'rules[0].outlook.rationale'],
    ['additionalProperties', 'an unknown rule field', set(['rules', 1, 'extra'], 1), '"extra": 1', 0, 'error', "rule 'models': unknown field 'extra' (expected id, match, verdict, rationale, section, strength, horizon, outlook)", 'rules[1].extra'],
    ['additionalProperties', 'a __proto__ field', set(['source', '__proto__'], 'x'), '"__proto__": "x"', 0, 'error', "source: unknown field '__proto__' (expected article, author, date, publisher, url)", 'source.__proto__'],
    ['minProperties', 'an empty match', set(['rules', 1, 'match'], {}), '"match": {}', 0, 'error', "rule 'models': match must set at least one of layer, category, tags", 'rules[1].match'],
    ['minItems', 'an empty tag list', set(['rules', 0, 'match', 'tags'], []), '"tags": []', 0, 'error', "rule 'agents': match.tags must be a non-empty list of tags", 'rules[0].match.tags'],
    ['uniqueItems', 'a repeated tag', set(['rules', 0, 'match', 'tags'], ['gpu', '#tokens', 'gpu']), '"gpu"', 0, 'error', "rule 'agents': match.tags lists 'gpu' twice", 'rules[0].match.tags[2]'],
    ['uniqueItems', "a repeated '__proto__' tag", set(['rules', 0, 'match', 'tags'], ['__proto__', '__proto__']), '"__proto__"', 0, 'error', "rule 'agents': match.tags lists '__proto__' twice", 'rules[0].match.tags[1]'],
    ['dependencies', 'an outlook without a horizon', remove(['rules', 0, 'horizon']), '"outlook": {', 0, 'error', "rule 'agents': set horizon too, since the outlook reads the other horizon", 'rules[0].horizon'],
    ['const', 'an outlook over the same horizon', set(['rules', 0, 'outlook', 'horizon'], 'short-term'), '"outlook": {', 0, 'error', "rule 'agents': outlook.horizon must differ from horizon 'short-term'", 'rules[0].outlook.horizon'],
    ['unique ids', 'a repeated rule id', set(['rules', 1, 'id'], 'agents'), '"id": "agents"', -1, 'error', "rule 'agents': id is already used by rule 1", 'rules[1].id'],
    ['shadowed rule', 'a rule after one with the same match', set(['rules', 2], { id: 'later', match: { layer: 'model' }, verdict: 'negative', rationale: 'r', section: '9' }), '"id": "later"', -1, 'warning', "rule 'later' never applies: rule 'models' has the same match and comes first", 'rules[2].match'],
    ['known category', 'a misspelt category', set(['rules', 0, 'match', 'category'], 'ai-agnts'), '"category": "ai-agnts"', 0, 'warning', "rule 'agents': match.category 'ai-agnts' is not a known category, so the rule applies only to notes that write it the same way", 'rules[0].match.category'],
    ['known category', "another layer's category", set(['rules', 0, 'match', 'category'], 'compute'), '"category": "compute"', 0, 'warning', "rule 'agents' never applies: category 'compute' belongs to infrastructure, not application", 'rules[0].match.category'],
  ];
  for (const [keyword, what, edit, lineText, offset, severity, message, fieldName] of cases) {
    it(`${keyword}: says ${what} on its line, in the product's words`, () => {
      const framework = valid();
      edit(framework);
      const text = JSON.stringify(framework, null, 2);
      const { framework: read, diagnostics } = parseFramework(text, 'f.json');
      const lines = text.split('\n');
      const expectedLine = lines.length - 1 - [...lines].reverse().findIndex((line) => line.includes(lineText)) + offset;
      assert.deepEqual(
        diagnostics.map((d) => [d.severity, d.range.start.line, d.message, d.data?.field]),
        [[severity, expectedLine, message, fieldName]],
      );
      assert.equal(read === undefined, severity === 'error');
    });
  }

  it('has words, and a case above, for every keyword the schema uses', () => {
    const annotations = new Set(['$schema', 'title', 'description', 'examples', 'definitions', 'properties', 'items', 'allOf', 'if', 'then', '$ref']);
    const used = new Set<string>();
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (!annotations.has(key)) used.add(key);
        if (key === 'properties' || key === 'definitions') Object.values(value as object).forEach(walk);
        else if (key === 'allOf') (value as unknown[]).forEach(walk);
        else if (['items', 'if', 'then'].includes(key)) walk(value);
      }
    };
    walk(schema);
    assert.deepEqual([...used].filter((keyword) => !cases.some(([k]) => k === keyword)), []);
  });

  it('says a field name that is not text is one, in YAML', () => {
    const { diagnostics } = parseFramework('id: x\n1: one\n? [a]\n: b\n', 'f.yaml');
    const worded = diagnostics.filter((d) => d.message === 'the framework: field names must be text').map((d) => d.range.start.line);
    assert.deepEqual(worded, [1, 2]);
  });

  it(`lists the first ${MAX_LISTED_PROBLEMS} problems of a file in its order and counts the rest`, () => {
    for (const [count, edit] of [
      [500, (f: Record<string, unknown>) => Array.from({ length: 500 }, (_, i) => (f[`extra${i}`] = i))],
      [20_000, (f: Record<string, unknown>) => set(['rules', 0, 'match', 'tags'], Array.from({ length: 20_000 }, (_, i) => i))(f)],
    ] as const) {
      const framework = valid();
      edit(framework);
      const text = JSON.stringify(framework, null, 2);
      const { diagnostics } = parseFramework(text, 'f.json');
      assert.equal(diagnostics.length, MAX_LISTED_PROBLEMS + 1);
      const lines = diagnostics.slice(0, MAX_LISTED_PROBLEMS).map((d) => d.range.start.line);
      assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
      assert.match(diagnostics[0].message, count === 500 ? /unknown field 'extra0'/ : /match\.tags\[0\] must be text/);
      const more = diagnostics[MAX_LISTED_PROBLEMS];
      assert.equal(more.message, `${count - MAX_LISTED_PROBLEMS} more problems in this file are not listed; fix the ones above first`);
      assert.equal(more.severity, 'error');
      assert.deepEqual(more.range.start, { line: 0, character: 0 });
    }
  });

  it('reads aliases as what they name, and refuses an alias bomb quickly', () => {
    const rule = '{ id: r, match: &m { layer: model }, verdict: positive, rationale: &why Because., section: "1" }';
    const text = `id: t\ntitle: T\nsource: &s { article: a, author: b, date: c }\nrules:\n  - ${rule}\n  - { id: s, match: *m, verdict: negative, rationale: *why, section: "2" }\n`;
    const { framework, diagnostics } = parseFramework(text, 'f.yaml');
    assert.deepEqual(diagnostics.map((d) => d.message), ["rule 's' never applies: rule 'r' has the same match and comes first"]);
    assert.equal(framework?.rules[1].rationale, 'Because.');
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`);
    const bomb = ['l0: &l0 [x]', ...levels, 'id: t'].join('\n');
    const started = performance.now();
    const bombed = parseFramework(bomb, 'bomb.yaml');
    assert.ok(performance.now() - started < 2_000, `${performance.now() - started} ms`);
    assert.equal(bombed.framework, undefined);
    assert.deepEqual(bombed.diagnostics.map((d) => d.message), ['aliases repeat more than 100,000 values; write the framework out without them']);
  });

  it('gives the same accept or reject as ajv on the schema, on thousands of mutated frameworks', () => {
    // The oracle reads the plain value; parseFramework reads it as YAML text. Unique rule ids are
    // the one rule of these the schema cannot state (its description says it).
    const oracle = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    const pool: unknown[] = [
      ...VERDICT_VALUES, ...HORIZONS, ...STRENGTHS, ...LAYERS, 'unclassified', 'compute', 'Bad Id', 'a-b', '', '  ',
      'https://x.y', 'ftp://x.y', 0, 42, true, null, [], ['gpu'], ['gpu', 'gpu'], ['#gpu', 'GPU'], [''], {}, { layer: 'model' },
      { extra: 1 }, { horizon: 'long-term', verdict: 'positive', rationale: 'r' }, { horizon: 'short-term', verdict: 'mixed', rationale: 'r' },
      { id: 'x', match: { category: 'defai' }, verdict: 'positive', rationale: 'r', section: 's' },
    ];
    const mutation = fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'replace', 'add'), fc.nat(pool.length - 1)), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(mutation, (steps) => {
        const candidate = valid();
        for (const [pick, action, value] of steps) mutate(candidate, pick, action, structuredClone(pool[value]));
        const text = JSON.stringify(candidate, null, 2);
        const { framework, diagnostics } = parseFramework(text, 'fuzz.json');
        const ids = Array.isArray(candidate.rules) ? candidate.rules.map((rule: { id?: unknown } | null) => rule?.id) : [];
        const unique = new Set(ids).size === ids.length;
        const context = JSON.stringify({ candidate, diagnostics: diagnostics.map((d) => d.message) });
        assert.equal(framework !== undefined, oracle(candidate) && unique, context);
        assert.equal(framework === undefined, diagnostics.some((d) => d.severity === 'error'), context);
        assertWorded(diagnostics, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any YAML document: anchors, aliases, tags, huge numbers, prototype keys, any root', () => {
    const key = fc.constantFrom('id', 'title', 'source', 'rules', 'match', 'layer', 'category', 'tags', 'verdict', 'horizon', 'outlook', 'rationale', 'section', '__proto__', 'constructor', 'toString', '<<', '1', '"x y"', '[k]', '{k: v}', '*a', '? [a]');
    const scalar = fc.oneof(
      fc.constantFrom('1e999', '-1e999', `0x${'f'.repeat(40)}`, '123456789012345678901234567890', '.nan', '-.inf', '~', 'null', 'true', '""', "'x'", '!!str 5', '!custom x', '!!binary AAAA', '!!timestamp 2025-02-01', '2025-02-01', 'positive', 'model', 'short-term', 'compute', '*a', '*b', '*nothing', '__proto__'),
      fc.string({ maxLength: 6 }).map((text) => JSON.stringify(text)),
    );
    const { value } = fc.letrec<{ value: string; list: string; map: string; anchored: string }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map'), tie('anchored')),
      list: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
      map: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
      anchored: fc.tuple(fc.constantFrom('&a', '&b'), tie('value')).map(([anchor, v]) => `${anchor} ${v}`),
    }));
    const blockMap = fc.array(fc.tuple(key, value), { maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n'));
    const blockList = fc.array(value, { maxLength: 5 }).map((items) => items.map((item) => `- ${item}`).join('\n'));
    // A framework with anchors, aliases and merge keys spliced in, so the checker gets far.
    const framework = stringify(valid());
    const spliced = fc
      .array(fc.tuple(fc.nat(framework.length), fc.constantFrom('&a ', '&b ', '*a', '*b', ' *a\n', '<<: *a\n', '__proto__: ', '- *b\n', '[*a, *a]', '{}')), { minLength: 1, maxLength: 4 })
      .map((edits) => edits.reduce((text, [at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)), framework));
    const document = fc.tuple(fc.constantFrom('', '%YAML 1.1\n---\n', '--- !!map\n'), fc.oneof(blockMap, blockList, value, fc.jsonValue().map((v) => stringify(v)), spliced));
    fc.assert(
      fc.property(document, ([head, body]) => {
        const text = head + body;
        for (const uniqueKeys of [true, false]) {
          const lines = new LineCounter();
          const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys });
          const started = performance.now();
          const { framework, diagnostics } = validateFramework(doc, lines, 'f.yaml');
          assert.ok(performance.now() - started < 1_000, text);
          if (!framework) assert.ok(diagnostics.some((d) => d.severity === 'error'), text);
          assertWorded(diagnostics, text);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** Deletes, replaces or adds a key at the `pick`-th node of the value (the root itself is kept). */
function mutate(root: Record<string, unknown>, pick: number, action: string, value: unknown): void {
  const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const containers: Array<Record<string, unknown>> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        slots.push([node, i]);
        walk(item);
      });
    } else if (typeof node === 'object' && node !== null) {
      containers.push(node as Record<string, unknown>);
      for (const [key, item] of Object.entries(node)) {
        slots.push([node as Record<string, unknown>, key]);
        walk(item);
      }
    }
  };
  walk(root);
  if (action === 'add') {
    containers[pick % containers.length][pick % 2 ? 'extra' : 'horizon'] = value;
    return;
  }
  const [parent, key] = slots[pick % slots.length];
  if (action === 'replace') (parent as Record<string | number, unknown>)[key] = value;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
}
