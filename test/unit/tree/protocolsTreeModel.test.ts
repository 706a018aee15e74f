// The Protocols view's rows, kept in step with the atlas edit by edit: the lists must always read
// as a fresh listing of the same notes would, and an edit must name every row whose text changed
// (and, for an ordinary edit, nothing else), with the same row objects VS Code already holds.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Atlas } from '../../../src/core/atlas';
import type { Framework } from '../../../src/core/framework';
import type { Layer } from '../../../src/core/vocabulary/model';
import { ProtocolsTreeModel, type ProtocolsTreeElement, type TreeRefresh } from '../../../src/extension/features/protocolsTreeModel';

const note = (name: string, layer: string, category: string | undefined, dependsOn: string[] = []): string =>
  `---\nprotocol: ${JSON.stringify(name)}\nlayer: ${layer}\n${category ? `category: ${category}\n` : ''}depends_on: [${dependsOn.map((d) => JSON.stringify(d)).join(', ')}]\n---\n\n# ${name}\n`;

/** What a row says after its name: the verdict and the exposure, as protocolRow's summary does. */
function summaryOf(atlas: Atlas): (path: string) => string {
  return (path) => {
    const exposure = atlas.exposureCounts().get(path);
    const via = exposure?.nearest?.path.slice(1).map((each) => atlas.index.protocol(each)?.name.value ?? each).join(' → ');
    return `${atlas.verdictOf(path).value}${via ? ` · exposed via ${via} (${exposure?.count})` : ''}`;
  };
}

interface Line {
  depth: number;
  element: ProtocolsTreeElement;
  label: string;
  description: string;
}

/** The whole tree as VS Code would fetch it, each row with what its tree item would show. */
function walk(model: ProtocolsTreeModel, element?: ProtocolsTreeElement, depth = 0, lines: Line[] = []): Line[] {
  for (const child of model.children(element)) {
    const label = child.kind === 'layer' ? child.layer : child.kind === 'category' ? child.category : (model.protocol(child)?.name ?? '?');
    const description = child.kind === 'protocol' ? (model.protocol(child)?.summary ?? '') : String(model.count(child));
    lines.push({ depth, element: child, label, description });
    if (child.kind !== 'protocol') walk(model, child, depth + 1, lines);
  }
  return lines;
}

const plain = (lines: Line[]) => lines.map(({ depth, label, description, element }) => [depth, label, description, element.kind === 'protocol' ? element.path : '']);

/** The listing the view made before this model: every protocol sorted with localeCompare on each refresh. */
function reference(atlas: Atlas): Array<[number, string, string]> {
  const order: Layer[] = ['infrastructure', 'middleware', 'model', 'application', 'unclassified'];
  const protocols = atlas.protocols();
  const byName = (list: typeof protocols) =>
    [...list].sort((a, b) => a.name.value.localeCompare(b.name.value, 'en', { sensitivity: 'base' }) || a.path.localeCompare(b.path));
  const known = ['compute', 'storage', 'l1', 'data', 'agent-framework', 'privacy', 'model-training', 'ai-agents', 'defai', 'agent-swarm'];
  const rank = (category: string) => (known.includes(category) ? known.indexOf(category) : known.length);
  const lines: Array<[number, string, string]> = [];
  for (const layer of order) {
    const inLayer = protocols.filter((p) => p.layer.value === layer);
    if (inLayer.length === 0) continue;
    lines.push([0, layer, '']);
    const categories = [...new Set(inLayer.flatMap((p) => (p.category ? [p.category.value] : [])))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const category of categories) {
      lines.push([1, category, '']);
      for (const p of byName(inLayer.filter((each) => each.category?.value === category))) lines.push([2, p.name.value, p.path]);
    }
    for (const p of byName(inLayer.filter((each) => !each.category))) lines.push([1, p.name.value, p.path]);
  }
  return lines;
}

function exampleAtlas(): Atlas {
  const atlas = new Atlas();
  atlas.index.build([
    { path: 'infrastructure/io-net.md', text: note('io.net', 'infrastructure', 'compute') },
    { path: 'infrastructure/akash.md', text: note('Akash', 'infrastructure', 'compute') },
    { path: 'infrastructure/arweave.md', text: note('Arweave', 'infrastructure', 'storage') },
    { path: 'middleware/eliza.md', text: note('Eliza', 'middleware', 'agent-framework', ['io.net']) },
    { path: 'application/pilot.md', text: note('Yield Pilot', 'application', 'defai', ['Eliza']) },
    { path: 'application/scout.md', text: note('Ledger Scout', 'application', 'ai-agents', []) },
  ]);
  return atlas;
}

const rowOf = (lines: Line[], label: string) => lines.find((line) => line.label === label && line.element.kind === 'protocol')?.element;

describe('Protocols tree rows', () => {
  it('lists layer → category → protocol as the old full listing did, with counts and summaries', () => {
    const atlas = exampleAtlas();
    const model = new ProtocolsTreeModel(atlas, summaryOf(atlas));
    const lines = walk(model);
    assert.deepEqual(
      lines.map(({ depth, label, element }) => [depth, label, element.kind === 'protocol' ? element.path : '']),
      reference(atlas),
    );
    assert.equal(lines.find((line) => line.label === 'compute')?.description, '2');
    assert.equal(lines.find((line) => line.label === 'infrastructure')?.description, '3');
    assert.match(lines.find((line) => line.label === 'Yield Pilot')?.description ?? '', /exposed via Eliza → io\.net/);
    assert.deepEqual(model.takeRefresh(), [], 'the first listing is what VS Code asked for: nothing to refresh');
    const infrastructure = lines.find((line) => line.label === 'infrastructure')?.element as { kind: 'layer'; layer: 'infrastructure' };
    assert.equal(model.directRows(infrastructure), 2, 'two categories right under the layer');
  });

  it('refreshes only the edited row for a dependency edit, with the row object VS Code holds', () => {
    const atlas = exampleAtlas();
    const model = new ProtocolsTreeModel(atlas, summaryOf(atlas));
    const scout = rowOf(walk(model), 'Ledger Scout');
    atlas.index.set('application/scout.md', note('Ledger Scout', 'application', 'ai-agents', ['Akash']));
    model.noteChange({ index: { added: [], removed: [], updated: ['application/scout.md'], edgesAdded: [], edgesRemoved: [], diagnosticsChanged: [] } });
    const refresh = model.takeRefresh();
    assert.ok(refresh !== 'all');
    assert.equal(refresh.length, 1);
    assert.equal(refresh[0], scout, 'the same object, so VS Code finds the row');
    assert.match(model.protocol(scout as { kind: 'protocol'; path: string })?.summary ?? '', /exposed via Akash/);
    assert.equal(rowOf(walk(model), 'Ledger Scout'), scout);
  });

  it('refreshes the dependents whose exposure changed, and not the protocols depended on', () => {
    const atlas = exampleAtlas();
    const model = new ProtocolsTreeModel(atlas, summaryOf(atlas));
    atlas.onDidChange((change) => model.noteChange(change));
    const lines = walk(model);
    atlas.index.set('middleware/eliza.md', note('Eliza', 'middleware', 'agent-framework', ['Akash']));
    const refresh = model.takeRefresh() as ProtocolsTreeElement[];
    assert.deepEqual(new Set(refresh), new Set([rowOf(lines, 'Eliza'), rowOf(lines, 'Yield Pilot')]));
  });

  it('refreshes a layer when a note joins or leaves it, everything when a layer appears or the framework changes', () => {
    const atlas = exampleAtlas();
    const model = new ProtocolsTreeModel(atlas, summaryOf(atlas));
    atlas.onDidChange((change) => model.noteChange(change));
    const layer = walk(model).find((line) => line.label === 'application')?.element;
    atlas.index.set('application/swarm.md', note('Hive', 'application', 'agent-swarm'));
    assert.deepEqual(model.takeRefresh(), [layer]);
    atlas.index.set('application/swarm.md', note('Hive', 'model', 'model-training'));
    assert.equal(model.takeRefresh(), 'all', 'the model layer row is new');
    atlas.index.delete('application/swarm.md');
    assert.equal(model.takeRefresh(), 'all', 'the model layer row is gone');
    const framework: Framework = { id: 'x', title: 'X', source: { article: 'a', author: 'b', date: 'c' }, rules: [] };
    atlas.setFramework(framework);
    assert.equal(model.takeRefresh(), 'all');
    assert.deepEqual(model.takeRefresh(), []);
  });

  it('moves a renamed protocol within its category by refreshing the category alone', () => {
    const atlas = exampleAtlas();
    const model = new ProtocolsTreeModel(atlas, summaryOf(atlas));
    atlas.onDidChange((change) => model.noteChange(change));
    const compute = walk(model).find((line) => line.label === 'compute')?.element;
    atlas.index.set('infrastructure/akash.md', note('Zeta Akash', 'infrastructure', 'compute'));
    assert.deepEqual(model.takeRefresh(), [compute]);
    assert.deepEqual(
      walk(model)
        .filter((line) => line.depth === 2)
        .map((line) => line.label)
        .slice(0, 2),
      ['io.net', 'Zeta Akash'],
    );
  });

  it('after any edits lists as a fresh build does, and names every row whose text changed (property)', () => {
    const names = ['Akash', 'akash', 'Äkash', 'io.net', 'Eliza', 'eliza', 'Bittensor', 'Zeta', 'alpha', 'Beta'];
    const layers = ['infrastructure', 'middleware', 'model', 'application', 'unclassified'];
    const categories = [undefined, 'compute', 'storage', 'agent-framework', 'defai', 'odd-one'];
    const paths = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md', 'g.md'];
    const edit = fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant('set' as const),
          path: fc.constantFrom(...paths),
          name: fc.constantFrom(...names),
          layer: fc.constantFrom(...layers),
          category: fc.constantFrom(...categories),
          dependsOn: fc.subarray(names, { maxLength: 3 }),
        }),
        weight: 4,
      },
      fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (setup, edits) => {
        const atlas = new Atlas();
        for (const step of setup) {
          if (step.kind === 'set') atlas.index.set(step.path, note(step.name, step.layer, step.category, step.dependsOn));
          else atlas.index.delete(step.path);
        }
        const model = new ProtocolsTreeModel(atlas, summaryOf(atlas));
        atlas.onDidChange((change) => model.noteChange(change));
        const before = walk(model);
        atlas.index.batch(() => {
          for (const step of edits) {
            if (step.kind === 'set') atlas.index.set(step.path, note(step.name, step.layer, step.category, step.dependsOn));
            else atlas.index.delete(step.path);
          }
        });
        const refresh: TreeRefresh = model.takeRefresh();
        const after = walk(model);
        const fresh = walk(new ProtocolsTreeModel(atlas, summaryOf(atlas)));
        assert.deepEqual(plain(after), plain(fresh));
        assert.deepEqual(
          after.map(({ depth, label, element }) => [depth, label, element.kind === 'protocol' ? element.path : '']),
          reference(atlas),
        );
        if (refresh === 'all') return;
        // Every row that reads differently (or is new) lies under a refreshed element.
        const refreshed = new Set(refresh);
        const parents = new Map<ProtocolsTreeElement, ProtocolsTreeElement | undefined>();
        const stack: ProtocolsTreeElement[] = [];
        for (const line of after) {
          stack.length = line.depth;
          parents.set(line.element, stack[line.depth - 1]);
          stack.push(line.element);
        }
        const covered = (element: ProtocolsTreeElement | undefined): boolean => element !== undefined && (refreshed.has(element) || covered(parents.get(element)));
        const shown = new Map(before.map((line) => [line.element, line]));
        for (const line of after) {
          const old = shown.get(line.element);
          const same = old && old.label === line.label && old.description === line.description && old.depth === line.depth;
          if (!same) assert.ok(covered(line.element) || covered(parents.get(line.element)), `${line.label} (${line.description}) changed but is not refreshed`);
        }
        // Rows and lists that left: their former parent is refreshed.
        const now = new Set(after.map((line) => line.element));
        for (const line of before) if (!now.has(line.element) && line.depth === 0) assert.fail('a layer went without a full refresh');
        for (const element of refresh) assert.ok(now.has(element), 'only rows VS Code can still find');
      }),
      { numRuns: 300 },
    );
  });
});
