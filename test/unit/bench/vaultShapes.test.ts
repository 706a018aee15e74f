import * as assert from 'node:assert/strict';
import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { parseNote } from '../../../src/core/note/parseNote';
import { VAULT_SHAPES, vaultNotes, type VaultShape } from '../../../bench/vaultShapes';

interface Vault {
  names: string[];
  layers: string[];
  categories: string[];
  /** Indices of the notes each note depends on, as the parser reads its front matter. */
  dependsOn: number[][];
}

/** The vault as the product sees it: names, layers and dependencies read back from each note's front matter. */
function readVault(shape: VaultShape, count: number): Vault {
  // Only the front matter: the bodies do not decide who depends on whom, and parsing them is slow.
  const parsed = vaultNotes(shape, count).map((note) => parseNote(note.path, note.text.slice(0, note.text.indexOf('\n---\n') + 5)));
  const names = parsed.map((note) => note.name.value);
  const indexOf = new Map(names.map((name, i) => [name, i]));
  assert.equal(indexOf.size, count, 'every name is unique');
  const dependsOn = parsed.map((note) =>
    note.dependsOn.map((dependency) => {
      const target = indexOf.get(dependency.target);
      assert.ok(target !== undefined, `${note.name.value} depends on '${dependency.target}', which names no note`);
      return target;
    }),
  );
  return { names, layers: parsed.map((note) => note.layer.value), categories: parsed.map((note) => note.category?.value ?? ''), dependsOn };
}

const LAYER_RANK: Record<string, number> = { infrastructure: 0, middleware: 1, model: 2, application: 3 };

function edges(vault: Vault): Array<[number, number]> {
  return vault.dependsOn.flatMap((targets, from) => targets.map((to): [number, number] => [from, to]));
}

/** Each note's strongly connected component, as an index into the list of components. */
function componentOf(vault: Vault): { components: number[][]; of: number[] } {
  const graph = new DirectedGraph();
  vault.names.forEach((_, i) => graph.addNode(String(i)));
  for (const [from, to] of edges(vault)) graph.mergeEdge(String(from), String(to));
  const components = stronglyConnectedComponents(graph).map((component) => component.map(Number));
  const of: number[] = [];
  components.forEach((component, c) => component.forEach((note) => (of[note] = c)));
  return { components, of };
}

function largestStronglyConnected(vault: Vault): number {
  return Math.max(...componentOf(vault).components.map((component) => component.length));
}

// The benchmark's shapes are meant to break one assumption each; a shape that lost its property
// would make the CLI benchmark's figures mean nothing, so each is pinned here.
describe('benchmark vault shapes', () => {
  it('dag: every dependency points down the layers, so no cycle', () => {
    const vault = readVault('dag', 2_000);
    for (const [from, to] of edges(vault)) assert.ok(LAYER_RANK[vault.layers[to]] < LAYER_RANK[vault.layers[from]], `${vault.names[from]} → ${vault.names[to]}`);
    assert.equal(largestStronglyConnected(vault), 1);
  });

  it('cyclic: any-to-any dependencies, one giant strongly connected component holding most notes', () => {
    const vault = readVault('cyclic', 2_000);
    const upward = edges(vault).filter(([from, to]) => LAYER_RANK[vault.layers[to]] > LAYER_RANK[vault.layers[from]]).length;
    assert.ok(upward > edges(vault).length / 4, `${upward} of ${edges(vault).length} dependencies point up`);
    assert.ok(vault.dependsOn.every((targets) => targets.length <= 4));
    assert.ok(largestStronglyConnected(vault) > 2_000 / 2, `largest component: ${largestStronglyConnected(vault)} notes`);
  });

  it('hubs: every application depends on exactly 3 of the 5 agent-framework hubs, each running on 60 compute networks', () => {
    const vault = readVault('hubs', 2_000);
    const hubs = vault.names.map((_, i) => i).filter((i) => vault.dependsOn[i].length === 60);
    assert.equal(hubs.length, 5);
    for (const hub of hubs) {
      assert.equal(vault.categories[hub], 'agent-framework');
      assert.ok(vault.dependsOn[hub].every((compute) => vault.layers[compute] === 'infrastructure' && vault.categories[compute] === 'compute'));
    }
    const applications = vault.names.map((_, i) => i).filter((i) => vault.layers[i] === 'application');
    assert.ok(applications.length >= 2_000 / 5);
    for (const application of applications) {
      const onHubs = vault.dependsOn[application].filter((target) => hubs.includes(target));
      assert.equal(onHubs.length, 3, `${vault.names[application]} depends on ${onHubs.length} hubs`);
    }
  });

  it('backedges: about 1% of dependencies point up a layer, the rest down', () => {
    const vault = readVault('backedges', 10_000);
    const all = edges(vault);
    const upward = all.filter(([from, to]) => LAYER_RANK[vault.layers[to]] > LAYER_RANK[vault.layers[from]]).length;
    const sideways = all.filter(([from, to]) => vault.layers[to] === vault.layers[from]).length;
    assert.equal(sideways, 0);
    const share = upward / all.length;
    assert.ok(share >= 0.005 && share <= 0.02, `${(share * 100).toFixed(2)}% of ${all.length} dependencies point up`);
    // Each upward dependency closes a cycle: its two ends are in one strongly connected component.
    const { of } = componentOf(vault);
    const closing = all.filter(([from, to]) => LAYER_RANK[vault.layers[to]] > LAYER_RANK[vault.layers[from]] && of[from] === of[to]).length;
    assert.equal(closing, upward);
    assert.ok(largestStronglyConnected(vault) < 10_000 / 10, 'the cycles are scattered, not one giant component');
  });

  it('chain: a 1,000-long chain of compute notes, 5,000 notes depending on its top', () => {
    const vault = readVault('chain', 10_000);
    // Walk down from the top: each link depends on exactly the next one, the last on nothing.
    const top = 0;
    let link = top;
    let length = 1;
    while (vault.dependsOn[link].length > 0) {
      assert.equal(vault.dependsOn[link].length, 1, `${vault.names[link]} is a link of the chain with one dependency`);
      assert.equal(vault.categories[link], 'compute');
      link = vault.dependsOn[link][0];
      length++;
      assert.ok(length <= 10_000, 'the chain ends');
    }
    assert.equal(length, 1_000);
    const onTop = vault.dependsOn.filter((targets) => targets.includes(top)).length;
    assert.ok(onTop >= 5_000, `${onTop} notes depend on the top of the chain`);
  });

  it('are the same notes on every run, and differ from one another only in their dependencies', () => {
    for (const shape of VAULT_SHAPES) assert.deepEqual(vaultNotes(shape, 300), vaultNotes(shape, 300), shape);
    const names = (shape: VaultShape) => readVault(shape, 300).names;
    for (const shape of VAULT_SHAPES) assert.deepEqual(names(shape), names('dag'), shape);
  });
});
