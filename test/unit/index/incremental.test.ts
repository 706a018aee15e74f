// THE property of the index: however it got there, it equals a fresh build of the same notes, and
// the changes it announced, applied in order, rebuild exactly its graph and diagnostics.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from '../../../src/core/vocabulary/model';
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
  | { kind: 'set'; path: string; text: string }
  | { kind: 'delete'; path: string }
  | { kind: 'deleteUnder'; folder: string }
  | { kind: 'build'; entries: Array<{ path: string; text: string }> }
  | { kind: 'batch'; operations: Operation[] };

const path = fc.constantFrom(...PATHS);
const simpleOperation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), path, text: noteText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path }) },
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
      return index.set(op.path, op.text);
    case 'delete':
      return index.delete(op.path);
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
  it('after any sequence of set, delete, deleteUnder, build and batch', () => {
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

describe('ProtocolIndex: who mentions whom, worked out a slice at a time while notes change', () => {
  it('equals a fresh build, however the slices and the updates interleave (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(operation, fc.nat({ max: 3 })), { minLength: 1, maxLength: 20 }), (steps) => {
        const index = new ProtocolIndex();
        const model = new Map<string, string>();
        for (const [op, slices] of steps) {
          applyToIndex(index, op);
          applyToModel(model, op);
          // One note per slice (a budget of 0 stops at each check), not finishing between updates.
          for (let i = 0; i < slices; i++) index.prepareMentions(0, 1);
        }
        assert.deepEqual(snapshot(index, TARGETS), snapshot(freshIndex(model), TARGETS));
      }),
      { numRuns: 250 },
    );
  });
});

// Cycle-heavy vaults: a ring through every note (one cycle, its loops long enough to be shown by
// their ends) plus random dependencies, edited by adding and dropping dependencies, renaming
// notes in the cycle, deleting them, and rewriting many at once (past the local-update limit).
describe('ProtocolIndex: incremental updates equal a fresh build, on cycle-heavy vaults', () => {
  const SIZE = 24;
  const ringPath = (i: number): string => `ring/n${String(i).padStart(2, '0')}.md`;
  /** Renamed: a new name, keeping the old as an alias (the ring holds) or not (the ring breaks there). */
  const ringNote = (i: number, dependencies: readonly number[], renamed: 'no' | 'keeping alias' | 'dropping old name' = 'no'): string =>
    [
      '---',
      `protocol: ${renamed === 'no' ? `N${i}` : `Renamed ${i}`}`,
      ...(renamed === 'keeping alias' ? [`aliases: [N${i}]`] : []),
      'layer: model',
      `depends_on: [${dependencies.map((d) => `N${d}`).join(', ')}]`,
      '---',
      '',
    ].join('\n');
  const member = fc.nat(SIZE - 1);
  const dependencies = fc.uniqueArray(member, { maxLength: 4 });
  type RingEdit =
    | { kind: 'depend'; note: number; on: number[]; keepRing: boolean; renamed: 'no' | 'keeping alias' | 'dropping old name' }
    | { kind: 'delete'; note: number }
    | { kind: 'rewriteAll'; extra: number[][] };
  const ringEdit: fc.Arbitrary<RingEdit> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('depend' as const), note: member, on: dependencies, keepRing: fc.boolean(), renamed: fc.constantFrom('no' as const, 'no' as const, 'keeping alias' as const, 'dropping old name' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), note: member }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rewriteAll' as const), extra: fc.array(dependencies, { minLength: SIZE, maxLength: SIZE }) }) },
  );
  const ringOf = (i: number): number[] => [(i + 1) % SIZE];

  function toOperation(edit: RingEdit): Operation {
    switch (edit.kind) {
      case 'depend':
        return { kind: 'set', path: ringPath(edit.note), text: ringNote(edit.note, [...(edit.keepRing ? ringOf(edit.note) : []), ...edit.on], edit.renamed) };
      case 'delete':
        return { kind: 'delete', path: ringPath(edit.note) };
      case 'rewriteAll':
        return { kind: 'batch', operations: edit.extra.map((on, i) => ({ kind: 'set', path: ringPath(i), text: ringNote(i, [...ringOf(i), ...on]) })) };
    }
  }

  it('after adding and dropping dependencies, renaming, deleting and rewriting notes of a large cycle', () => {
    fc.assert(
      fc.property(fc.array(dependencies, { minLength: SIZE, maxLength: SIZE }), fc.array(ringEdit, { minLength: 1, maxLength: 12 }), (extra, edits) => {
        const model = new Map<string, string>();
        extra.forEach((on, i) => model.set(ringPath(i), ringNote(i, [...ringOf(i), ...on])));
        const index = freshIndex(model);
        const mirror = new Mirror();
        mirror.apply(
          { added: index.paths(), removed: [], updated: [], edgesAdded: index.graph.mapEdges((_, __, from, to): [string, string] => [from, to]), edgesRemoved: [], diagnosticsChanged: index.paths() },
          index,
        );
        for (const edit of edits) {
          const op = toOperation(edit);
          const change = applyToIndex(index, op);
          applyToModel(model, op);
          mirror.apply(change, index);
          assert.deepEqual(snapshot(index), snapshot(freshIndex(model)));
        }
        mirror.assertMatches(index);
      }),
      { numRuns: 150 },
    );
  });

  it('shows a cycle through a renamed note with its new name in every message that names it', () => {
    const model = new Map<string, string>();
    for (let i = 0; i < SIZE; i++) model.set(ringPath(i), ringNote(i, ringOf(i)));
    const index = freshIndex(model);
    const change = index.set(ringPath(3), ringNote(3, ringOf(3), 'keeping alias'));
    const messages = index.diagnostics().filter((d) => d.code === 'dependency-cycle').map((d) => d.message);
    assert.equal(messages.length, SIZE);
    // A loop of 24 steps from note v shows v … v+3 and v-2 … v: note 3 is shown from v = 0..5.
    const showing = messages.filter((message) => message.includes('Renamed 3'));
    assert.equal(showing.length, 6);
    assert.ok(!messages.some((message) => /\bN3\b/.test(message)));
    assert.deepEqual(change.diagnosticsChanged.sort(), index.paths().filter((path) => index.diagnostics(path).some((d) => d.message.includes('Renamed 3'))).sort());
  });
});

// The extension's first index is built in steps (the host yields between them): the result, the
// change it announces and everything after it must be what buildParsed gives, and nothing may be
// seen half-built in between.
describe('ProtocolIndex: a first index built in steps', () => {
  it('equals buildParsed, announces the same change once, reads empty until the last step, and updates as a fresh build after (property)', () => {
    const entry = fc.record({ path, text: noteText });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), fc.array(simpleOperation, { maxLength: 8 }), (entries, notesPerStep, after) => {
        const notes = entries.map(({ path: at, text }) => parseNote(at, text));
        const expected = new ProtocolIndex();
        const expectedChange = expected.buildParsed(notes);
        const index = new ProtocolIndex();
        const heard: IndexChange[] = [];
        index.onDidChange((change) => heard.push(change));
        const steps = index.buildParsedInSteps(notes, notesPerStep);
        let step = steps.next();
        for (; !step.done; step = steps.next()) {
          assert.deepEqual(index.paths(), []);
          assert.equal(index.graph.order, 0);
          assert.equal(heard.length, 0);
        }
        assert.deepEqual(step.value, expectedChange);
        assert.deepEqual(heard, notes.length > 0 ? [expectedChange] : []);
        assert.deepEqual(snapshot(index, TARGETS), snapshot(expected, TARGETS));
        const model = new Map(entries.map(({ path: at, text }) => [at, text]));
        const mirror = new Mirror();
        mirror.apply(step.value, index);
        for (const op of after) {
          mirror.apply(applyToIndex(index, op), index);
          applyToModel(model, op);
          assert.deepEqual(snapshot(index, TARGETS), snapshot(freshIndex(model), TARGETS));
        }
        mirror.assertMatches(index);
      }),
      { numRuns: 200 },
    );
  });

  it('builds in one step, as buildParsed does, an index that is not empty or that changed meanwhile', () => {
    const notes = ['a.md', 'b.md', 'infra/c.md'].map((at, i) => parseNote(at, `---\nprotocol: P${i}\ndepends_on: [P${(i + 1) % 3}]\n---\n`));
    const index = new ProtocolIndex();
    const steps = index.buildParsedInSteps(notes, 1);
    steps.next();
    index.set('x.md', '---\nprotocol: X\n---\n');
    for (let step = steps.next(); !step.done; step = steps.next());
    assert.deepEqual(index.paths(), ['a.md', 'b.md', 'infra/c.md']);
    const again = index.buildParsedInSteps(notes.slice(0, 2), 1);
    assert.equal(again.next().done, true);
    assert.deepEqual(index.paths(), ['a.md', 'b.md']);
  });
});
