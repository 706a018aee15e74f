import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/vocabulary/model';
import { ProtocolIndex, type IndexChange } from '../../../src/core/index/protocolIndex';

/** A note with front matter; `depends_on` entries are written as given. */
function note(fields: { protocol?: string; aliases?: string[]; layer?: string; depends?: string[] }, body = ''): string {
  const lines = ['---'];
  if (fields.protocol) lines.push(`protocol: ${fields.protocol}`);
  if (fields.aliases) lines.push(`aliases: [${fields.aliases.join(', ')}]`);
  if (fields.layer) lines.push(`layer: ${fields.layer}`);
  if (fields.depends) lines.push(`depends_on: [${fields.depends.join(', ')}]`);
  lines.push('---', body);
  return lines.join('\n');
}

const byCode = (diagnostics: Diagnostic[], code: string): Diagnostic[] => diagnostics.filter((d) => d.code === code);
const edges = (index: ProtocolIndex): string[] => index.graph.mapEdges((_, __, from, to) => `${from} -> ${to}`).sort();

describe('ProtocolIndex: resolving names', () => {
  const index = new ProtocolIndex();
  index.build([
    { path: 'infra/io-net.md', text: note({ protocol: 'io.net', aliases: ['IO', 'io.net Cloud'] }) },
    { path: 'infra/akash.md', text: note({ protocol: 'Akash' }) },
    { path: 'apps/pilot.md', text: note({ protocol: 'Yield Pilot', depends: ['"[[IO|the GPU cloud]]"', 'AKASH', '"akash.md"', 'Nope'] }, 'See [[io.net#Risks]] and [A](../infra/akash.md).') },
  ]);

  it('finds notes by name, alias or file name, in any case, with or without wikilink syntax', () => {
    assert.equal(index.resolve('io.net'), 'infra/io-net.md');
    assert.equal(index.resolve('IO.NET  CLOUD'), 'infra/io-net.md');
    assert.equal(index.resolve('[[io|label]]'), 'infra/io-net.md');
    assert.equal(index.resolve('[[io.net#Risks]]'), 'infra/io-net.md');
    assert.equal(index.resolve('io-net'), 'infra/io-net.md');
    assert.equal(index.resolve('akash.md'), 'infra/akash.md');
    assert.equal(index.resolve('nothing'), undefined);
    assert.equal(index.resolve(undefined as unknown as string), undefined);
  });

  it('resolves dependencies and mentions into the protocol view and the graph', () => {
    const pilot = index.protocol('apps/pilot.md');
    assert.deepEqual(pilot?.dependsOn, ['infra/io-net.md', 'infra/akash.md']);
    assert.deepEqual(pilot?.unresolvedDependencies, ['Nope']);
    assert.deepEqual(pilot?.mentions, ['infra/io-net.md', 'infra/akash.md']);
    assert.equal(pilot?.layer.value, 'application');
    assert.deepEqual(edges(index), ['apps/pilot.md -> infra/akash.md', 'apps/pilot.md -> infra/io-net.md']);
    assert.deepEqual(index.dependents('infra/akash.md'), ['apps/pilot.md']);
    assert.deepEqual(index.graph.getNodeAttributes('infra/io-net.md'), { name: 'io.net', layer: 'infrastructure' });
    assert.deepEqual(
      index.protocols().map((protocol) => protocol.path),
      ['apps/pilot.md', 'infra/akash.md', 'infra/io-net.md'],
    );
    assert.equal(index.protocol('missing.md'), undefined);
  });

  it('keeps who mentions whom both ways as notes come, go, link and are renamed', () => {
    const index = new ProtocolIndex();
    index.build([
      { path: 'akash.md', text: note({ protocol: 'Akash' }) },
      { path: 'b.md', text: note({ protocol: 'Bee' }, 'Runs on [[Akash]] and [[Akash|again]], and on [[Cee]]; see [self](b.md).') },
    ]);
    assert.deepEqual(index.mentioners('akash.md'), ['b.md']);
    assert.deepEqual(index.mentioners('b.md'), [], 'a link to itself is no mention');
    index.set('c.md', note({ protocol: 'Cee' }, 'Also [[akash]].'));
    assert.deepEqual(index.mentioners('c.md'), ['b.md'], 'a new name resolves the links waiting on it');
    assert.deepEqual(index.mentioners('akash.md'), ['b.md', 'c.md']);
    index.set('akash.md', note({ protocol: 'Render' }));
    assert.deepEqual(index.mentioners('akash.md'), ['b.md', 'c.md'], 'the file name still names it');
    index.set('d.md', note({ protocol: 'Akash' }));
    assert.deepEqual([index.mentioners('akash.md'), index.mentioners('d.md')], [[], ['b.md', 'c.md']], 'a protocol name beats a file name');
    index.delete('d.md');
    index.set('b.md', note({ protocol: 'Bee' }, 'No links now.'));
    assert.deepEqual([index.mentioners('akash.md'), index.mentioners('c.md')], [['c.md'], []]);
  });

  it('reports an unresolved dependency on its entry, with the nearest names', () => {
    const index = new ProtocolIndex();
    index.build([
      { path: 'akash.md', text: note({ protocol: 'Akash' }) },
      { path: 'eliza.md', text: note({ protocol: 'Eliza', depends: ['Akahs'] }) },
    ]);
    const [unresolved] = index.diagnostics('eliza.md');
    assert.equal(unresolved.code, 'unresolved-dependency');
    assert.equal(unresolved.severity, 'warning');
    assert.deepEqual(unresolved.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 18 } });
    assert.deepEqual(unresolved.data, { target: 'Akahs', suggestions: ['Akash'] });
    assert.match(unresolved.message, /"Akahs".*"Akash"/);
  });

  it('resolves waiting dependencies when their note arrives, and unresolves them when it goes', () => {
    const index = new ProtocolIndex();
    index.set('eliza.md', note({ protocol: 'Eliza', depends: ['Akash', '"[[Akash]]"'] }));
    assert.equal(byCode(index.diagnostics('eliza.md'), 'unresolved-dependency').length, 2);
    const arrival = index.set('infra/akash.md', note({ protocol: 'Akash' }));
    assert.deepEqual(arrival.added, ['infra/akash.md']);
    assert.deepEqual(arrival.edgesAdded, [['eliza.md', 'infra/akash.md']]);
    assert.deepEqual(arrival.updated, ['eliza.md']);
    assert.deepEqual(arrival.diagnosticsChanged, ['eliza.md']);
    assert.deepEqual(index.diagnostics('eliza.md'), []);
    const departure = index.delete('infra/akash.md');
    assert.deepEqual(departure.removed, ['infra/akash.md']);
    assert.deepEqual(departure.edgesRemoved, [['eliza.md', 'infra/akash.md']]);
    assert.equal(byCode(index.diagnostics('eliza.md'), 'unresolved-dependency').length, 2);
  });

  it('prefers a protocol name over an alias over a file name, whatever the order notes came in', () => {
    const texts = [
      { path: 'render.md', text: note({ protocol: 'Render Network' }) },
      { path: 'other.md', text: note({ protocol: 'Other', aliases: ['render'] }) },
      { path: 'x/render-network.md', text: note({ protocol: 'Render' }) },
    ];
    for (const order of [texts, [...texts].reverse()]) {
      const index = new ProtocolIndex();
      for (const { path, text } of order) index.set(path, text);
      assert.equal(index.resolve('Render'), 'x/render-network.md');
      assert.equal(index.resolve('render network'), 'render.md');
    }
  });
});

describe('ProtocolIndex: cross-note diagnostics', () => {
  it('reports a duplicate name or alias on both notes', () => {
    const index = new ProtocolIndex();
    index.build([
      { path: 'a.md', text: note({ protocol: 'Akash' }) },
      { path: 'b.md', text: note({ protocol: 'AKT', aliases: ['akash'] }) },
    ]);
    const [onA] = byCode(index.diagnostics('a.md'), 'duplicate-name');
    const [onB] = byCode(index.diagnostics('b.md'), 'duplicate-name');
    assert.deepEqual(onA.range.start, { line: 1, character: 10 });
    assert.match(onA.message, /AKT \(b\.md\)/);
    assert.match(onB.message, /Akash \(a\.md\)/);
    const change = index.set('b.md', note({ protocol: 'AKT' }));
    assert.deepEqual(change.diagnosticsChanged.sort(), ['a.md', 'b.md']);
    assert.deepEqual(index.diagnostics(), []);
  });

  it('reports a dependency cycle on each note in it, listing the cycle', () => {
    const index = new ProtocolIndex();
    index.build([
      { path: 'a.md', text: note({ protocol: 'A', depends: ['B'] }) },
      { path: 'b.md', text: note({ protocol: 'B', depends: ['C'] }) },
      { path: 'c.md', text: note({ protocol: 'C', depends: ['Z', 'A'] }) },
      { path: 'z.md', text: note({ protocol: 'Z' }) },
    ]);
    const messages = index.diagnostics().filter((d) => d.code === 'dependency-cycle').map((d) => [d.file, d.message]);
    assert.deepEqual(messages, [
      ['a.md', 'Dependency cycle: A → B → C → A'],
      ['b.md', 'Dependency cycle: B → C → A → B'],
      ['c.md', 'Dependency cycle: C → A → B → C'],
    ]);
    const [onC] = byCode(index.diagnostics('c.md'), 'dependency-cycle');
    assert.deepEqual(onC.range, { start: { line: 2, character: 16 }, end: { line: 2, character: 17 } });
    const broken = index.set('b.md', note({ protocol: 'B' }));
    assert.deepEqual(broken.diagnosticsChanged.sort(), ['a.md', 'b.md', 'c.md']);
    assert.deepEqual(index.diagnostics(), []);
  });

  it('renames the notes in a cycle message when one of them is renamed', () => {
    const index = new ProtocolIndex();
    index.build([
      { path: 'a.md', text: note({ protocol: 'A', depends: ['b'] }) },
      { path: 'b.md', text: note({ protocol: 'B', depends: ['a'] }) },
    ]);
    index.set('b.md', note({ protocol: 'Bee', depends: ['a'] }));
    assert.deepEqual(byCode(index.diagnostics('a.md'), 'dependency-cycle')[0].message, 'Dependency cycle: A → Bee → A');
  });

  it('reports a note that depends on itself, keeping the self loop in the graph', () => {
    const index = new ProtocolIndex();
    index.set('akash.md', note({ protocol: 'Akash', depends: ['"[[Akash]]"'] }));
    const [self] = index.diagnostics('akash.md');
    assert.equal(self.code, 'self-dependency');
    assert.deepEqual(self.range.start, { line: 2, character: 13 });
    assert.ok(index.graph.hasEdge('akash.md', 'akash.md'));
    assert.equal(byCode(index.diagnostics(), 'dependency-cycle').length, 0);
  });

  it('handles a 1,000-deep dependency chain, and the cycle that closing it makes', () => {
    const index = new ProtocolIndex();
    const chain = Array.from({ length: 1000 }, (_, i) => ({ path: `n${i}.md`, text: note({ protocol: `N${i}`, depends: i < 999 ? [`N${i + 1}`] : [] }) }));
    index.build(chain);
    assert.equal(index.graph.size, 999);
    assert.deepEqual(index.diagnostics(), []);
    index.set('n999.md', note({ protocol: 'N999', depends: ['N0'] }));
    const cycles = byCode(index.diagnostics(), 'dependency-cycle');
    assert.equal(cycles.length, 1000);
    assert.match(cycles[0].message, /cycle of 1,000 notes/);
    index.set('n500.md', note({ protocol: 'N500' }));
    assert.deepEqual(index.diagnostics(), []);
  });
});

describe('ProtocolIndex: updates and events', () => {
  it('announces each update once, and a batch as one combined change', () => {
    const index = new ProtocolIndex();
    const heard: IndexChange[] = [];
    const subscription = index.onDidChange((change) => heard.push(change));
    const combined = index.batch(() => {
      assert.equal(index.set('a.md', note({ protocol: 'A', depends: ['B'] })).added.length, 0);
      index.set('b.md', note({ protocol: 'B' }));
      index.set('c.md', note({ protocol: 'C' }));
      index.delete('c.md');
    });
    assert.equal(heard.length, 1);
    assert.deepEqual(heard[0], combined);
    assert.deepEqual(combined.added.sort(), ['a.md', 'b.md']);
    assert.deepEqual(combined.edgesAdded, [['a.md', 'b.md']]);
    assert.deepEqual(combined.removed, []);
    subscription.dispose();
    index.delete('a.md');
    assert.equal(heard.length, 1);
  });

  it('reads paths as its placement says, and asks again each time', () => {
    let rootSegments = 1;
    const index = new ProtocolIndex({ placement: () => ({ rootSegments }) });
    index.set('apps/akash.md', 'No front matter here.');
    assert.deepEqual(index.note('apps/akash.md')?.layer, { value: 'unclassified', source: 'default' });
    index.set('apps/infra/akash.md', 'No front matter here.');
    assert.deepEqual(index.note('apps/infra/akash.md')?.layer, { value: 'infrastructure', source: 'folder' });
    rootSegments = 0;
    index.set('apps/akash.md', 'No front matter here.');
    assert.deepEqual(index.note('apps/akash.md')?.layer, { value: 'application', source: 'folder' });
  });

  it('deletes every note under a folder, and only those', () => {
    const index = new ProtocolIndex();
    index.build(['infra/a.md', 'infra/sub/b.md', 'infrastructure/c.md', 'd.md'].map((path) => ({ path, text: 'x' })));
    const change = index.deleteUnder('infra');
    assert.deepEqual(change.removed.sort(), ['infra/a.md', 'infra/sub/b.md']);
    assert.deepEqual(index.paths(), ['d.md', 'infrastructure/c.md']);
    index.deleteUnder('');
    assert.deepEqual(index.paths(), []);
  });

  it('makes build replace the notes it held', () => {
    const index = new ProtocolIndex();
    index.build([{ path: 'a.md', text: 'x' }]);
    const change = index.build([{ path: 'b.md', text: 'y' }]);
    assert.deepEqual(change.added, ['b.md']);
    assert.deepEqual(change.removed, ['a.md']);
  });

  it('does not throw from batch for its own sake, but passes on what the callback throws, after announcing its changes', () => {
    const index = new ProtocolIndex();
    const heard: IndexChange[] = [];
    index.onDidChange((change) => heard.push(change));
    assert.throws(() =>
      index.batch(() => {
        index.set('a.md', 'x');
        throw new Error('caller bug');
      }),
    /caller bug/);
    assert.deepEqual(heard.map((change) => change.added), [['a.md']]);
  });
});

describe('ProtocolIndex: cost of an update in a large workspace', () => {
  // How fast is a benchmark row (npm run bench: one-note update at 10,000 notes); this pins that the
  // update is local: what it reports is the edited note and its own dependencies, nothing else.
  it('updates one note of 10,000 locally: the change names only that note and its own edges', function () {
    this.timeout(60_000);
    const layers = ['infrastructure', 'middleware', 'model', 'application'];
    const entries = Array.from({ length: 10_000 }, (_, i) => {
      const layer = Math.floor(i / 2500);
      const depends = layer > 0 ? [`P${(i * 7) % (layer * 2500)}`, `"[[P${(i * 13) % (layer * 2500)}]]"`] : [];
      return { path: `${layers[layer]}/p${i}.md`, text: note({ protocol: `P${i}`, layer: layers[layer], depends }, `# P${i}\n\nSee [[P${(i * 3) % 10_000}]].`) };
    });
    const index = new ProtocolIndex();
    index.build(entries);
    for (let round = 0; round < 60; round++) {
      const i = 9_000 + round;
      const before = index.dependencies(entries[i].path);
      const change = index.set(entries[i].path, note({ protocol: `P${i}`, depends: [`P${round}`, `P${round + 1}`] }, `edit ${round}`));
      const after = [`infrastructure/p${round}.md`, `infrastructure/p${round + 1}.md`];
      assert.deepEqual(index.dependencies(entries[i].path), after);
      assert.deepEqual(change.added, []);
      assert.deepEqual(change.removed, []);
      assert.deepEqual(change.updated, [entries[i].path]);
      assert.deepEqual(change.edgesAdded.map(([, to]) => to).sort(), after.filter((to) => !before.includes(to)).sort());
      assert.deepEqual(change.edgesRemoved.map(([, to]) => to).sort(), before.filter((to) => !after.includes(to)).sort());
      assert.ok(change.diagnosticsChanged.every((path) => path === entries[i].path));
    }
  });
});
