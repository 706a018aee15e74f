// The messages between the extension and the graph webview (src/webviewProtocol.ts): every field
// their types claim is checked, walked from the schemas themselves; the messages the extension and
// the webview really build pass; the bounds hold; hostile input is refused without a throw; and
// the graph's fast path (src/schemaGuard.ts) answers exactly as valibot does.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { Atlas } from '../../../src/core/atlas';
import type { Framework } from '../../../src/core/framework';
import { exposureHighlight, graphSearch, localGraph } from '../../../src/core/present/graphQueries';
import { LiveGraphView } from '../../../src/core/present/liveGraphView';
import { graphViewToSvg } from '../../../src/core/present/graphSvg';
import { indexFolder } from '../../../src/node/indexFolder';
import { guardOf } from '../../../src/schemaGuard';
import {
  ExtensionMessageSchema,
  isExtensionMessage,
  isLocalGraphRequest,
  isWebviewMessage,
  MAX_DATA_URL_LENGTH,
  WebviewMessageSchema,
  type ExtensionMessage,
  type WebviewMessage,
} from '../../../src/webviewProtocol';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

/** valibot's schema objects, as far as these tests read them. */
interface Schema {
  kind: string;
  type: string;
  entries?: Record<string, Schema>;
  item?: Schema;
  wrapped?: Schema;
  options?: unknown[];
  literal?: unknown;
  pipe?: Array<Schema & { requirement?: unknown }>;
}
type Path = Array<string | number>;

const schemaOf = (schema: v.GenericSchema): Schema => schema as unknown as Schema;
const optionsOf = (variant: v.GenericSchema): Schema[] => schemaOf(variant).options as Schema[];
const unwrap = (schema: Schema): Schema => (schema.type === 'optional' || schema.type === 'nullable' ? unwrap(schema.wrapped as Schema) : schema);

/** A value the schema takes, with every optional field present and one item in every array. */
function sampleOf(schema: Schema): unknown {
  switch (schema.type) {
    case 'string': {
      let text = 'text';
      for (const action of schema.pipe ?? []) {
        if (action.type === 'starts_with') text = `${String(action.requirement)}AAAA`;
        if (action.type === 'max_length') text = text.slice(0, Number(action.requirement));
      }
      return text;
    }
    case 'number': {
      let value = 1;
      for (const action of schema.pipe ?? []) {
        if (action.type === 'min_value') value = Math.max(value, Number(action.requirement));
        if (action.type === 'max_value') value = Math.min(value, Number(action.requirement));
      }
      return value;
    }
    case 'boolean':
      return true;
    case 'literal':
      return schema.literal;
    case 'picklist':
      return schema.options?.[0];
    case 'optional':
    case 'nullable':
      return sampleOf(schema.wrapped as Schema);
    case 'array':
      return [sampleOf(schema.item as Schema)];
    case 'object':
    case 'strict_object':
      return Object.fromEntries(Object.entries(schema.entries as Record<string, Schema>).map(([key, entry]) => [key, sampleOf(entry)]));
    default:
      throw new Error(`no sample for a ${schema.type} schema`);
  }
}

/**
 * Every field below `schema`, with the schema that checks it. A field whose schema checks nothing
 * (any, unknown) or that this walk does not know fails the test: nothing declared goes unchecked.
 */
function fieldsOf(schema: Schema, at: Path = []): Array<{ path: Path; schema: Schema }> {
  switch (schema.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'literal':
    case 'picklist':
      return [];
    case 'optional':
    case 'nullable':
      return fieldsOf(schema.wrapped as Schema, at);
    case 'array':
      return [{ path: [...at, 0], schema: schema.item as Schema }, ...fieldsOf(schema.item as Schema, [...at, 0])];
    case 'object':
    case 'strict_object':
      return Object.entries(schema.entries as Record<string, Schema>).flatMap(([key, entry]) => [{ path: [...at, key], schema: entry }, ...fieldsOf(entry, [...at, key])]);
    default:
      throw new Error(`${at.join('.') || 'the message'}: a ${schema.type} schema, which checks nothing or is not walked here`);
  }
}

/** A value of the wrong type for `schema` (never null or undefined, which an optional or nullable field may be). */
function wrongFor(schema: Schema): unknown {
  const base = unwrap(schema);
  switch (base.type) {
    case 'string':
      return 42;
    case 'number':
      return '1';
    case 'boolean':
      return 'true';
    case 'literal':
      return `${String(base.literal)}-not`;
    case 'picklist':
      return 'none-of-these';
    case 'array':
      return 'not an array';
    default:
      return 'not an object';
  }
}

function setAt<T>(value: T, at: Path, field: unknown): T {
  const copy = structuredClone(value);
  let parent = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[at[at.length - 1]] = field;
  return copy;
}

const kinds = [
  { name: 'extension → webview', schema: ExtensionMessageSchema, check: isExtensionMessage },
  { name: 'webview → extension', schema: WebviewMessageSchema, check: isWebviewMessage },
] as const;

describe('graph webview messages: every field a type claims is checked', () => {
  for (const { name, schema, check } of kinds) {
    it(`${name}: each kind of message, whole, passes, and a wrong type in any one field is refused`, () => {
      let refused = 0;
      for (const option of optionsOf(schema)) {
        const message = sampleOf(option);
        assert.ok(check(message), `accepted: ${JSON.stringify(message)}`);
        assert.ok(v.is(schema, message));
        for (const field of fieldsOf(option)) {
          const wrong = setAt(message, field.path, wrongFor(field.schema));
          assert.ok(!check(wrong), `refused: ${field.path.join('.')} = ${JSON.stringify(wrongFor(field.schema))}`);
          assert.ok(!v.is(schema, wrong), `valibot too: ${field.path.join('.')}`);
          refused++;
        }
      }
      assert.ok(refused >= (name === 'webview → extension' ? 10 : 60), `${refused} fields`);
    });

    it(`${name}: NaN and ±Infinity are refused in every number, and a missing required field anywhere`, () => {
      for (const option of optionsOf(schema)) {
        const message = sampleOf(option);
        for (const field of fieldsOf(option)) {
          if (unwrap(field.schema).type === 'number') {
            for (const number of [Number.NaN, Infinity, -Infinity]) assert.ok(!check(setAt(message, field.path, number)), `${field.path.join('.')} = ${number}`);
          }
          if (field.schema.type !== 'optional' && typeof field.path[field.path.length - 1] === 'string') {
            const missing = structuredClone(message) as Record<string, unknown>;
            let parent = missing;
            for (const key of field.path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
            delete parent[field.path[field.path.length - 1]];
            assert.ok(!check(missing), `without ${field.path.join('.')}`);
          }
        }
      }
    });
  }

  it('checks the fields the hand-written check let through (issue 11)', () => {
    const graph = sampleOf(optionsOf(ExtensionMessageSchema)[0]) as Extract<ExtensionMessage, { type: 'graph' }>;
    assert.equal(graph.type, 'graph');
    const node = ['model', 'nodes', 0];
    for (const [at, wrong] of [
      [[...node, 'override'], 'yes'],
      [[...node, 'exposure'], null],
      [[...node, 'exposure', 'count'], 'many'],
      [[...node, 'exposure', 'nearest'], 'io.net'],
      [[...node, 'category'], 42],
      [[...node, 'layer'], 'basement'],
      [[...node, 'verdict', 'value'], 'great'],
      [[...node, 'verdict', 'source'], 'rumour'],
      [[...node, 'verdict', 'section'], 3],
      [[...node, 'verdict', 'outlook'], 'bright'],
      [[...node, 'mentions'], Array.from({ length: 101 }, (_, i) => `m${i}.md`)],
      [['model', 'framework'], undefined],
      [['model', 'framework', 'title'], 7],
      [['model', 'width'], Number.NaN],
      [['model', 'height'], 'tall'],
      [['model', 'bands', 0, 'count'], 1.5],
      [['skipped'], -1],
    ] as Array<[Path, unknown]>) {
      assert.ok(!isExtensionMessage(setAt(graph, at, wrong)), `${at.join('.')} = ${JSON.stringify(wrong)}`);
    }
  });
});

describe('graph webview messages as the extension and the webview build them', () => {
  const open = (name: string): Atlas => new Atlas({ index: indexFolder(path.join(EXAMPLES, name)).index });
  const roundTrip = <T>(message: T): T => JSON.parse(JSON.stringify(message)) as T;

  for (const example of ['deepseek-2025', 'deepseek-2025-zh', 'web3-ai-landscape', 'web3-ai-500']) {
    it(`the graph of examples/${example}, and the patches of an edit and a framework switch`, () => {
      const atlas = open(example);
      const view = new LiveGraphView(atlas);
      atlas.onDidChange((change) => view.noteChange(change));
      const graph: ExtensionMessage = { type: 'graph', model: view.model(), skipped: 0 };
      assert.ok(isExtensionMessage(graph));
      assert.ok(isExtensionMessage(roundTrip(graph)), 'as the page receives it');
      assert.ok(v.is(ExtensionMessageSchema, graph), 'valibot agrees');

      const [first, second] = atlas.index.graph.nodes();
      atlas.index.set(first, `---\nprotocol: Renamed\nlayer: model\ncategory: compute\ndepends_on: ["${atlas.index.graph.getNodeAttribute(second, 'name')}"]\ntags: [a, b]\nfunding: vc\n---\n\n# Renamed\n\nSee [[x]].\n`);
      const edit = view.takePatch();
      assert.ok(edit && edit.upserted.length > 0);
      assert.ok(isExtensionMessage(roundTrip({ type: 'patch', patch: edit })));
      const everythingPositive: Framework = {
        id: 'all-good',
        title: 'All good',
        source: { article: 'a', author: 'b', date: 'c' },
        rules: [{ id: 'infra', match: { layer: 'infrastructure' }, verdict: 'positive', rationale: 'Cheap compute helps.', section: '1' }],
      };
      atlas.setFramework(everythingPositive);
      const recoloured = view.takePatch();
      assert.ok(recoloured?.framework);
      const patch: ExtensionMessage = { type: 'patch', patch: recoloured };
      assert.ok(isExtensionMessage(patch) && isExtensionMessage(roundTrip(patch)) && v.is(ExtensionMessageSchema, patch));
    });
  }

  it("the answers the panel sends and the webview's own messages", () => {
    const atlas = open('deepseek-2025');
    const model = new LiveGraphView(atlas).model();
    const exposed = model.nodes.find((node) => node.exposure.count > 0);
    assert.ok(exposed);
    const local = { id: exposed.id, depth: 2, direction: 'both' as const };
    const { count, routes } = exposureHighlight(atlas, exposed.id);
    const fromExtension: ExtensionMessage[] = [
      { type: 'reveal', id: exposed.id },
      { type: 'follow', id: exposed.id },
      { type: 'searchResult', query: 'btensr', matches: graphSearch(atlas, 'btensr') ?? null },
      { type: 'searchResult', query: ' ', matches: graphSearch(atlas, ' ') ?? null },
      { type: 'highlight', id: exposed.id, count, routes },
      { type: 'exportPng', requestId: 1, svg: graphViewToSvg(model), scale: 2 },
      { type: 'showLocal', local },
      { type: 'showLocal', local: null },
      { type: 'localResult', local, members: localGraph(atlas, local.id, local.depth, local.direction) ?? [] },
    ];
    for (const message of fromExtension) assert.ok(isExtensionMessage(roundTrip(message)), message.type);
    const fromWebview: WebviewMessage[] = [
      { type: 'ready' },
      { type: 'openNote', path: exposed.id },
      { type: 'selection', path: exposed.id },
      { type: 'selection', path: null },
      { type: 'search', query: 'btensr' },
      { type: 'local', local },
      { type: 'local', local: null },
      { type: 'exportResult', requestId: 1, dataUrl: 'data:image/png;base64,iVBORw0KGgo=', scale: 0.37 },
      { type: 'exportResult', requestId: 2, dataUrl: null, error: 'the picture could not be drawn: '.padEnd(1000, 'x') },
    ];
    for (const message of fromWebview) assert.ok(isWebviewMessage(roundTrip(message)), message.type);
  });
});

describe('graph webview messages: bounds', () => {
  const local = { id: 'model/bittensor.md', depth: 2, direction: 'dependencies' };

  it('a path of 1 to 4,096 characters, a query of up to 1,000', () => {
    assert.ok(isWebviewMessage({ type: 'openNote', path: 'x'.repeat(4096) }));
    assert.ok(!isWebviewMessage({ type: 'openNote', path: 'x'.repeat(4097) }));
    assert.ok(!isWebviewMessage({ type: 'selection', path: '' }));
    assert.ok(isWebviewMessage({ type: 'search', query: 'q'.repeat(1000) }));
    assert.ok(!isWebviewMessage({ type: 'search', query: 'q'.repeat(1001) }));
    assert.ok(!isLocalGraphRequest({ ...local, id: 'x'.repeat(4097) }));
  });

  it('a PNG data URL of at most 64 MB, an error of at most 1,000 characters', () => {
    const prefix = 'data:image/png;base64,';
    assert.ok(isWebviewMessage({ type: 'exportResult', requestId: 1, dataUrl: prefix.padEnd(MAX_DATA_URL_LENGTH, 'A') }));
    assert.ok(!isWebviewMessage({ type: 'exportResult', requestId: 1, dataUrl: prefix.padEnd(MAX_DATA_URL_LENGTH + 1, 'A') }));
    assert.ok(!isWebviewMessage({ type: 'exportResult', requestId: 1, dataUrl: 'data:image/svg+xml;base64,AAAA' }));
    assert.ok(!isWebviewMessage({ type: 'exportResult', requestId: 1, dataUrl: ` ${prefix}AAAA` }));
    assert.ok(!isWebviewMessage({ type: 'exportResult', requestId: 1, dataUrl: null, error: 'e'.repeat(1001) }));
    assert.ok(!isWebviewMessage({ type: 'exportResult', requestId: 1.5, dataUrl: null }));
    assert.ok(!isWebviewMessage({ type: 'exportResult', requestId: 2 ** 53, dataUrl: null }));
  });

  it('an SVG of at most 256 MB', () => {
    const svg = '<svg/>'.padEnd(256 * 1024 * 1024, ' ');
    assert.ok(isExtensionMessage({ type: 'exportPng', requestId: 1, svg, scale: 2 }));
    assert.ok(!isExtensionMessage({ type: 'exportPng', requestId: 1, svg: `${svg} `, scale: 2 }));
  });

  it('a PNG scale above 0 and at most 4 (drawn below 1 when a canvas cannot hold more)', () => {
    for (const scale of [0.01, 1, 4]) {
      assert.ok(isExtensionMessage({ type: 'exportPng', requestId: 1, svg: '<svg/>', scale }), String(scale));
      assert.ok(isWebviewMessage({ type: 'exportResult', requestId: 1, dataUrl: null, scale }), String(scale));
    }
    for (const scale of [0, -1, 4.01, Infinity, Number.NaN]) {
      assert.ok(!isExtensionMessage({ type: 'exportPng', requestId: 1, svg: '<svg/>', scale }), String(scale));
      assert.ok(!isWebviewMessage({ type: 'exportResult', requestId: 1, dataUrl: null, scale }), String(scale));
    }
  });

  it('a local graph of depth 1 to 5, one of three directions', () => {
    for (const depth of [1, 5]) assert.ok(isLocalGraphRequest({ ...local, depth }));
    for (const depth of [0, 6, 1.5, Number.NaN]) assert.ok(!isLocalGraphRequest({ ...local, depth }), String(depth));
    for (const direction of ['dependencies', 'dependents', 'both']) assert.ok(isLocalGraphRequest({ ...local, direction }));
    assert.ok(!isLocalGraphRequest({ ...local, direction: 'sideways' }));
  });
});

describe('graph webview messages: extra keys', () => {
  it('every message from the webview, and a local graph request anywhere, refuses a key it does not name', () => {
    for (const option of optionsOf(WebviewMessageSchema)) {
      const message = sampleOf(option) as Record<string, unknown>;
      assert.ok(!isWebviewMessage({ ...message, command: 'workbench.action.terminal.new' }), String(message.type));
    }
    const local = { id: 'a.md', depth: 1, direction: 'both', then: 'more' };
    assert.ok(!isWebviewMessage({ type: 'local', local }));
    assert.ok(!isExtensionMessage({ type: 'showLocal', local }));
    assert.ok(!isExtensionMessage({ type: 'localResult', local, members: [] }));
  });

  it("the extension's messages, checked for shape only as before, still take one", () => {
    for (const option of optionsOf(ExtensionMessageSchema)) {
      const message = sampleOf(option) as Record<string, unknown>;
      assert.ok(isExtensionMessage({ ...message, sentAt: 1 }), String(message.type));
    }
  });
});

describe('graph webview messages: hostile input', () => {
  const everyCheck = [isExtensionMessage, isWebviewMessage, isLocalGraphRequest];
  const hostile: unknown[] = [
    undefined,
    null,
    0,
    Number.NaN,
    Infinity,
    '',
    'ready',
    10n,
    Symbol('ready'),
    () => ({ type: 'ready' }),
    [],
    ['ready'],
    new Map([['type', 'ready']]),
    Object.create(null),
    { type: { toString: () => 'ready' } },
    { type: ['ready'] },
    { type: 'graph', model: { nodes: { length: 1e9 } } },
    { type: 'patch', patch: [] },
    JSON.parse('{"type":"ready","__proto__":{"isAdmin":true}}'),
    JSON.parse('{"type":"openNote","path":"a.md","__proto__":{"path":"b.md"}}'),
    JSON.parse('{"type":"search","query":"a","constructor":{"prototype":{"polluted":true}}}'),
    JSON.parse('{"__proto__":{"type":"ready"}}'),
    JSON.parse('{"type":"reveal","__proto__":{"id":"a.md"}}'),
    { type: 'openNote', path: 'x'.repeat(1e7) },
    { type: 'search', query: 'x'.repeat(1e7) },
    { type: 'exportResult', requestId: Infinity, dataUrl: null },
    { type: 'highlight', id: 'a', count: Infinity, routes: [] },
    { type: 'graph', model: null, skipped: 0 },
  ];

  const describe = (value: unknown): string => {
    try {
      return String(JSON.stringify(value)).slice(0, 80);
    } catch {
      return typeof value;
    }
  };

  it('refuses each without a throw, and pollutes nothing', () => {
    for (const value of hostile) {
      for (const check of everyCheck) {
        assert.doesNotThrow(() => check(value));
        assert.equal(check(value), false, `${check.name}: ${describe(value)}`);
      }
    }
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('a graph node whose fields come from a "__proto__" key is refused', () => {
    const graph = sampleOf(optionsOf(ExtensionMessageSchema)[0]) as { model: { nodes: unknown[] } };
    const json = JSON.stringify(graph).replace(/"nodes":\[(\{.*?"y":1\})\]/, (_match, node: string) => `"nodes":[{"__proto__":${node}}]`);
    assert.notEqual(json, JSON.stringify(graph), 'the node was wrapped');
    assert.ok(!isExtensionMessage(JSON.parse(json)));
    assert.ok(isExtensionMessage(graph));
  });
});

describe('the graph and patch fast path (src/schemaGuard.ts)', () => {
  const fast = { extension: guardOf(ExtensionMessageSchema), webview: guardOf(WebviewMessageSchema) };
  const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withObjectString: true, withSparseArray: true, key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'type', 'constructor')) });

  it('answers as valibot does on any value', () => {
    fc.assert(
      fc.property(anything, (value) => {
        assert.equal(fast.extension(value), v.is(ExtensionMessageSchema, value));
        assert.equal(isExtensionMessage(value), v.is(ExtensionMessageSchema, value));
        assert.equal(fast.webview(value), v.is(WebviewMessageSchema, value));
      }),
      { numRuns: 2000 },
    );
  });

  /** Every place in a JSON value: the paths to each of its objects' keys and arrays' items. */
  function placesIn(value: unknown, at: Path = []): Path[] {
    if (typeof value !== 'object' || value === null) return [];
    const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    return keys.flatMap((key) => [[...at, key], ...placesIn((value as Record<string | number, unknown>)[key], [...at, key])]);
  }

  it('answers as valibot does on real graph and patch messages with any one place changed, removed or added to', () => {
    const atlas = new Atlas({ index: indexFolder(path.join(EXAMPLES, 'deepseek-2025')).index });
    const model = new LiveGraphView(atlas).model();
    const messages: ExtensionMessage[] = [
      { type: 'graph', model, skipped: 0 },
      { type: 'patch', patch: { upserted: model.nodes.slice(0, 3), removed: ['gone.md'], edgesAdded: model.edges.slice(0, 2), edgesRemoved: [], bands: model.bands, width: model.width, height: model.height } },
    ];
    const values = fc.oneof(anything, fc.constantFrom<unknown>(undefined, null, Number.NaN, Infinity, -1, 1.5, '', 'x'.repeat(5000), [], {}, 'positive', 'override', 'unclassified'));
    for (const message of messages) {
      const places = placesIn(message);
      let refused = 0;
      fc.assert(
        fc.property(fc.nat(places.length - 1), fc.constantFrom('replace', 'remove', 'add'), values, (place, how, value) => {
          const at = places[place];
          const changed = structuredClone(message) as unknown as Record<string | number, unknown>;
          let parent = changed;
          for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          const key = at[at.length - 1];
          if (how === 'replace') parent[key] = value;
          else if (how === 'remove') delete parent[key];
          else if (!Array.isArray(parent)) parent[`${String(key)}Extra`] = value;
          const expected = v.is(ExtensionMessageSchema, changed);
          if (!expected) refused++;
          assert.equal(isExtensionMessage(changed), expected, `${how} ${at.join('.')}`);
          assert.equal(fast.extension(changed), expected);
        }),
        { numRuns: 3000 },
      );
      assert.ok(refused > 500, `the changes were refused ${refused} times: the property tested both answers`);
    }
  });

  it('refuses to build a check for a schema it cannot check without copying, rather than check less', () => {
    for (const schema of [
      v.any(),
      v.unknown(),
      v.union([v.string(), v.number()]),
      v.optional(v.string(), 'default'),
      v.pipe(v.string(), v.transform((text) => text.trim())),
      v.pipe(v.string(), v.email()),
      v.object({ name: v.fallback(v.string(), '') }),
      v.object({ nothing: v.undefined() }),
      v.variant('type', [v.object({ type: v.string() })]),
    ]) {
      assert.throws(() => guardOf(schema as v.GenericSchema), /schemaGuard: no fast check/, schemaOf(schema as v.GenericSchema).type);
    }
  });
});
