import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { builtinFrameworks, parseFramework } from '../../../src/core/framework';
import { HORIZONS, STRENGTHS } from '../../../src/core/framework/types';
import { FRAMEWORK_FIELDS, ID_PATTERN, TEXT_PATTERN, URL_PATTERN } from '../../../src/core/framework/validateFramework';
import { LAYERS, VERDICT_VALUES } from '../../../src/core/vocabulary/model';
import { CATEGORIES } from '../../../src/core/vocabulary/taxonomy';
import { schemaErrors, unsupportedKeywords } from './jsonSchemaSubset';

/** The parts of draft-07 the framework schema uses. */
interface Schema {
  $schema?: string;
  $ref?: string;
  description?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  minProperties?: number;
  dependencies?: Record<string, string[]>;
  enum?: unknown[];
  pattern?: string;
  examples?: unknown[];
  definitions?: Record<string, Schema>;
  id?: unknown;
}
const schemaFile = path.join(__dirname, '../../../schemas/framework.schema.json');
const schema: Schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
const defs = schema.definitions!;
const objects: Record<keyof typeof FRAMEWORK_FIELDS, Schema> = {
  framework: schema,
  source: defs.source,
  rule: defs.rule,
  match: defs.match,
  outlook: defs.outlook,
};
/** A property of an object schema, failing the test when it is not declared. */
function field(object: Schema, name: string): Schema {
  const property = object.properties?.[name];
  assert.ok(property, `the schema declares no '${name}'`);
  return property;
}

describe('schemas/framework.schema.json and parseFramework agree', () => {
  it('is draft-07 and says where workspace frameworks live', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.match(schema.description ?? '', /\.protocol-atlas\/frameworks\/\*\.yaml/);
  });

  it('requires, allows and closes the same fields on every object', () => {
    for (const [name, fields] of Object.entries(FRAMEWORK_FIELDS)) {
      const object = objects[name as keyof typeof objects];
      assert.deepEqual([...(object.required ?? [])].sort(), [...fields.required].sort(), `${name}: required`);
      assert.deepEqual(Object.keys(object.properties ?? {}).sort(), [...fields.required, ...fields.optional].sort(), `${name}: properties`);
      assert.equal(object.additionalProperties, false, `${name}: closed`);
    }
    assert.equal(defs.match.minProperties, 1);
    assert.deepEqual(defs.rule.dependencies, { outlook: ['horizon'] });
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

  it('uses the patterns the code uses', () => {
    // RegExp#source escapes slashes, so compare the patterns as compiled.
    const same = (pattern: string | undefined, expected: RegExp) => assert.equal(new RegExp(pattern ?? '(none)').source, expected.source, pattern);
    same(field(schema, 'id').pattern, ID_PATTERN);
    same(field(defs.rule, 'id').pattern, ID_PATTERN);
    same(field(defs.source, 'url').pattern, URL_PATTERN);
    const texts: Array<[Schema, string]> = [[schema, 'title'], [defs.source, 'article'], [defs.rule, 'rationale'], [defs.rule, 'section'], [defs.outlook, 'rationale'], [defs.match, 'category']];
    for (const [object, name] of texts) {
      same(field(object, name).pattern, TEXT_PATTERN);
    }
  });

  it('describes every field, for hovers in the editor', () => {
    for (const [name, object] of Object.entries(objects)) {
      for (const [key, property] of Object.entries(object.properties ?? {})) {
        const described = property.description ?? defs[String(property.$ref).replace('#/definitions/', '')]?.description;
        assert.ok(described, `${name}.${key} has no description`);
      }
    }
  });

  it('accepts the built-in frameworks, as the validator does', () => {
    const raw = JSON.parse(readFileSync(path.join(__dirname, '../../../src/core/framework/builtin/deepseek-2025.json'), 'utf8'));
    assert.deepEqual(schemaErrors(schema as Record<string, unknown>, raw), []);
    for (const framework of builtinFrameworks()) assert.deepEqual(schemaErrors(schema as Record<string, unknown>, framework), []);
  });

  it('gives the same accept or reject as the schema on thousands of mutated frameworks', () => {
    assert.deepEqual(unsupportedKeywords(schema), [], 'the test interpreter must understand every schema keyword');
    const valid = {
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
    const pool: unknown[] = [
      ...VERDICT_VALUES, ...HORIZONS, ...STRENGTHS, ...LAYERS, 'unclassified', 'compute', 'Bad Id', 'a-b', '', '  ',
      'https://x.y', 'ftp://x.y', 0, 42, true, null, [], ['gpu'], ['gpu', 'gpu'], ['#gpu', 'GPU'], [''], {}, { layer: 'model' },
      { extra: 1 }, { horizon: 'long-term', verdict: 'positive', rationale: 'r' }, { horizon: 'short-term', verdict: 'mixed', rationale: 'r' },
      { id: 'x', match: { category: 'defai' }, verdict: 'positive', rationale: 'r', section: 's' },
    ];
    const mutation = fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'replace', 'add'), fc.nat(pool.length - 1)), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(mutation, (steps) => {
        const candidate = structuredClone(valid) as Record<string, unknown>;
        for (const [pick, action, value] of steps) mutate(candidate, pick, action, structuredClone(pool[value]));
        const bySchema = schemaErrors(schema as Record<string, unknown>, candidate).length === 0;
        const { framework, diagnostics } = parseFramework(JSON.stringify(candidate, null, 2), 'fuzz.json');
        // Unique rule ids are the one rule JSON Schema cannot state; the schema's description says it.
        const ids = Array.isArray(candidate.rules) ? candidate.rules.map((rule) => (rule as Schema | null)?.id) : [];
        const unique = new Set(ids).size === ids.length;
        assert.equal(framework !== undefined, bySchema && unique, JSON.stringify({ candidate, diagnostics: diagnostics.map((d) => d.message) }));
      }),
      { numRuns: 2000 },
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
