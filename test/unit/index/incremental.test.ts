// THE property of the index: however it got there, it equals a fresh build of the same notes, and
// the changes it announced, applied in order, rebuild exactly its graph and diagnostics.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from '../../../src/core/model';
import { parseNote } from '../../../src/core/note/parseNote';
import { ProtocolIndex, type IndexChange } from '../../../src/core/index/protocolIndex';
import { snapshot, withoutSuggestions } from './snapshot';

const PATHS = ['a.md', 'b.md', 'infra/c.md', 'infra/d.md', 'apps/e.md', 'apps/sub/f.md', 'Infra/g.md'];
const FOLDERS = ['infra', 'apps', 'apps/sub', 'Infra', 'missing'];
const NAMES = ['Akash', 'akash', 'Render', 'io.net', 'Eliza', 'Bittensor'];
const TARGETS = [...NAMES, 'c', 'd.md', 'e', 'Nope', 'Rendr', ' Eliza ', 'infra/c'];

const name = fc.constantFrom(...NAMES);
const target = fc.constantFrom(...TARGETS);
const dependency = fc.oneof(
  target.map((text) => JSON.stringify(text)),
  target.map((text) => `"[[${text.trim()}]]"`),
  fc.tuple(target, name).map(([text, label]) => `"[[${text.trim()}|${label}]]"`),
);

const noteText = fc
  .record(
    {
      protocol: name,
      aliases: fc.array(name, { maxLength: 2 }),
      layer: fc.constantFrom('infra', 'model', 'apps', 'nonsense'),
      dependsOn: fc.array(dependency, { maxLength: 3 }),
      heading: name,
      mention: target,
    },
    { requiredKeys: ['dependsOn'] },
  )
  .map((note) => {
    const lines = ['---'];
    if (note.protocol) lines.push(`protocol: ${note.protocol}`);
    if (note.aliases) lines.push(`aliases: [${note.aliases.join(', ')}]`);
    if (note.layer) lines.push(`layer: ${note.layer}`);
    lines.push(`depends_on: [${note.dependsOn.join(', ')}]`, '---');
    if (note.heading) lines.push(`# ${note.heading}`);
    if (note.mention) lines.push(`See [[${note.mention.trim()}]] and [c](infra/c.md).`);
    return lines.join('\n');
  });

type Operation =
  | { kind: 'set'; path: string; text: string; parsed: boolean }
  | { kind: 'delete'; path: string }
  | { kind: 'rename'; from: string; to: string; text?: string }
  | { kind: 'deleteUnder'; folder: string }
  | { kind: 'build'; entries: Array<{ path: string; text: string }> }
  | { kind: 'batch'; operations: Operation[] };

const path = fc.constantFrom(...PATHS);
const simpleOperation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), path, text: noteText, parsed: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('rename' as const), from: path, to: path, text: noteText }, { requiredKeys: ['kind', 'from', 'to'] }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteUnder' as const), folder: fc.constantFrom(...FOLDERS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('build' as const),
      entries: fc.uniqueArray(fc.record({ path, text: noteText }), { maxLength: 5, selector: (entry) => entry.path }),
    }),
  },
);
const operation = fc.oneof(
  { weight: 5, arbitrary: simpleOperation },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('batch' as const), operations: fc.array(simpleOperation, { maxLength: 4 }) }) },
);

/** What the notes should be after an operation: the model the index is compared against. */
function applyToModel(model: Map<string, string>, op: Operation): void {
  switch (op.kind) {
    case 'set':
      model.set(op.path, op.text);
      break;
    case 'delete':
      model.delete(op.path);
      break;
    case 'rename': {
      const text = op.text ?? model.get(op.from);
      if (text === undefined) break;
      model.delete(op.from);
      model.set(op.to, text);
      break;
    }
    case 'deleteUnder':
      for (const key of [...model.keys()]) if (key.startsWith(`${op.folder}/`)) model.delete(key);
      break;
    case 'build':
      model.clear();
      for (const entry of op.entries) model.set(entry.path, entry.text);
      break;
    case 'batch':
      op.operations.forEach((inner) => applyToModel(model, inner));
      break;
  }
}

function applyToIndex(index: ProtocolIndex, op: Operation): IndexChange {
  switch (op.kind) {
    case 'set':
      return op.parsed ? index.setParsed(parseNote(op.path, op.text)) : index.set(op.path, op.text);
    case 'delete':
      return index.delete(op.path);
    case 'rename':
      return index.rename(op.from, op.to, op.text);
    case 'deleteUnder':
      return index.deleteUnder(op.folder);
    case 'build':
      return index.build(op.entries);
    case 'batch':
      return index.batch(() => op.operations.forEach((inner) => applyToIndex(index, inner)));
  }
}

function freshIndex(model: Map<string, string>): ProtocolIndex {
  const index = new ProtocolIndex();
  index.build([...model].map(([path, text]) => ({ path, text })));
  return index;
}

/** What a listener that only ever saw the changes would believe. */
class Mirror {
  readonly nodes = new Set<string>();
  readonly edges = new Set<string>();
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly protocols = new Map<string, unknown>();

  apply(change: IndexChange, index: ProtocolIndex): void {
    for (const path of change.removed) {
      assert.ok(this.nodes.delete(path), `removed ${path}, which was never added`);
      this.protocols.delete(path);
    }
    for (const path of change.added) {
      assert.ok(!this.nodes.has(path), `added ${path} twice`);
      this.nodes.add(path);
    }
    for (const [from, to] of change.edgesRemoved) assert.ok(this.edges.delete(`${from} -> ${to}`), `removed edge ${from} -> ${to} never added`);
    for (const [from, to] of change.edgesAdded) {
      assert.ok(index.graph.hasEdge(from, to), `reported edge ${from} -> ${to} is not in the graph`);
      this.edges.add(`${from} -> ${to}`);
    }
    for (const path of [...change.added, ...change.updated]) this.protocols.set(path, protocolWithoutMentions(index, path));
    for (const path of change.diagnosticsChanged) this.diagnostics.set(path, index.diagnostics(path).map(withoutSuggestions));
  }

  assertMatches(index: ProtocolIndex): void {
    assert.deepEqual([...this.nodes].sort(), index.paths());
    assert.deepEqual([...this.edges].sort(), index.graph.mapEdges((_, __, from, to) => `${from} -> ${to}`).sort());
    for (const path of index.paths()) {
      assert.deepEqual(this.diagnostics.get(path) ?? [], index.diagnostics(path).map(withoutSuggestions), `diagnostics of ${path}`);
      assert.deepEqual(this.protocols.get(path), protocolWithoutMentions(index, path), `protocol ${path}`);
    }
  }
}

/** Mentions are resolved on demand and not announced (they are context, not structure). */
function protocolWithoutMentions(index: ProtocolIndex, path: string): unknown {
  const { mentions: _mentions, ...rest } = index.protocol(path) ?? { mentions: [] };
  return rest;
}

describe('ProtocolIndex: incremental updates equal a fresh build', () => {
  it('after any sequence of set, delete, rename, deleteUnder, build and batch', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), (operations) => {
        const index = new ProtocolIndex();
        const model = new Map<string, string>();
        const mirror = new Mirror();
        const heard: IndexChange[] = [];
        index.onDidChange((change) => heard.push(change));
        for (const op of operations) {
          const before = heard.length;
          const change = applyToIndex(index, op);
          applyToModel(model, op);
          // One event per update, the same as returned (none when nothing changed).
          const emptyChange = Object.values(change).every((list) => list.length === 0);
          assert.equal(heard.length - before, emptyChange ? 0 : 1);
          if (!emptyChange) assert.deepEqual(heard[heard.length - 1], change);
          mirror.apply(change, index);
          assert.deepEqual(snapshot(index, TARGETS), snapshot(freshIndex(model), TARGETS));
        }
        mirror.assertMatches(index);
      }),
      { numRuns: 250 },
    );
  });
});
