// Vault shapes other than the tidy one: the benchmark's DAG with every dependency pointing down
// the layers is exactly what the product was tuned on, so each shape here is meant to break an
// assumption of it (no cycles, no hubs, shallow depth). The notes themselves look like the DAG's
// (same front matter and 2–4 KB bodies); only who depends on whom changes.
//
//   dag        the benchmark's shape: 1–4 dependencies a note, all in lower layers
//   cyclic     any-to-any, 0–4 dependencies a note: cycles everywhere, one giant strongly
//              connected component holding most of the vault
//   hubs       a DAG where every application depends on 3 of 5 agent-framework hubs, each running
//              on 60 compute networks (negatively affected under the built-in framework), so
//              thousands of notes are exposed to the same hundred and more
//   backedges  the DAG with 1% of its dependencies pointing back up, to a note that depends on it:
//              scattered cycles
//   chain      a 1,000-long chain of compute notes, each depending on the next, and 5,000 notes
//              depending on its top; the rest as in the DAG
//
// Usage: tsx bench/vaultShapes.ts <shape> <count> <folder>   (writes the notes into <folder>)
import { seededRandom } from './benchRow';
import { WORDS, noteFor, syntheticNotes, writeNotes, type SyntheticNote } from './syntheticNotes';

export const VAULT_SHAPES = ['dag', 'cyclic', 'hubs', 'backedges', 'chain'] as const;
export type VaultShape = (typeof VAULT_SHAPES)[number];

const INFRASTRUCTURE = 0;
const APPLICATION = 3;

export function vaultNotes(shape: VaultShape, count: number, seed = 42): SyntheticNote[] {
  if (shape === 'dag') return syntheticNotes(count, seed);
  const next = seededRandom(seed);
  const names = Array.from({ length: count }, (_, i) => `Protocol ${i.toString(36)} ${WORDS[Math.floor(next() * WORDS.length)]}`);
  const layerOf = names.map((_, i) => Math.min(3, Math.floor((i / count) * 4)));
  const categoryOf: Array<string | undefined> = names.map(() => undefined);
  const dependsOn: number[][] = names.map(() => []);
  const random = (below: number) => Math.floor(next() * below);
  const downward = (i: number, wanted: number) => {
    const lowerEnd = Math.floor((layerOf[i] / 4) * count);
    const picked = new Set<number>();
    if (lowerEnd > 0) for (let d = 0; d < wanted; d++) picked.add(random(lowerEnd));
    return [...picked];
  };

  if (shape === 'cyclic') {
    for (let i = 0; i < count; i++) {
      const picked = new Set<number>();
      for (let d = random(5); d > 0; d--) picked.add(random(count));
      picked.delete(i);
      dependsOn[i] = [...picked];
    }
  } else if (shape === 'hubs') {
    // Five agent frameworks (Eliza-like), each running on 60 compute networks.
    const firstHub = Math.floor(count / 4);
    const hubs = [0, 1, 2, 3, 4].map((k) => firstHub + k);
    for (const hub of hubs) {
      categoryOf[hub] = 'agent-framework';
      const computes = new Set<number>();
      while (computes.size < Math.min(60, firstHub)) computes.add(random(firstHub));
      for (const compute of computes) categoryOf[compute] = 'compute';
      dependsOn[hub] = [...computes];
    }
    for (let i = 0; i < count; i++) {
      if (hubs.includes(i)) continue;
      if (layerOf[i] === APPLICATION) {
        const chosen = new Set<number>();
        while (chosen.size < 3) chosen.add(hubs[random(hubs.length)]);
        // A downward pick may land on a hub too: keep it to exactly 3 hubs, as the shape says.
        for (const d of downward(i, random(2))) if (!hubs.includes(d)) chosen.add(d);
        dependsOn[i] = [...chosen];
      } else {
        dependsOn[i] = downward(i, 1 + random(4));
      }
    }
  } else if (shape === 'backedges') {
    for (let i = 0; i < count; i++) dependsOn[i] = downward(i, 1 + random(4));
    // 1% of dependencies point back up: from a note to one that depends on it, directly or a few
    // steps up, so each closes a cycle. (An up-edge to any higher note closes none: a note reaches
    // only a handful of the notes below it through 4 shallow layers.)
    const dependents: number[][] = names.map(() => []);
    dependsOn.forEach((targets, from) => targets.forEach((to) => dependents[to].push(from)));
    const total = dependsOn.reduce((sum, targets) => sum + targets.length, 0);
    const withDependents = names.map((_, i) => i).filter((i) => dependents[i].length > 0);
    const wanted = Math.min(withDependents.length, Math.round(total / 99));
    const backFrom = new Set<number>();
    while (backFrom.size < wanted) backFrom.add(withDependents[random(withDependents.length)]);
    for (const i of backFrom) {
      let ancestor = dependents[i][random(dependents[i].length)];
      while (dependents[ancestor].length > 0 && next() < 0.5) ancestor = dependents[ancestor][random(dependents[ancestor].length)];
      dependsOn[i].push(ancestor);
    }
  } else if (shape === 'chain') {
    const length = Math.min(1000, Math.floor(count / 10));
    const fanIn = Math.min(5000, Math.floor(count / 2));
    // The chain: notes 0 … length-1, compute, each depending on the next one; its top is note 0.
    for (let i = 0; i < length; i++) {
      layerOf[i] = INFRASTRUCTURE;
      categoryOf[i] = 'compute';
      if (i + 1 < length) dependsOn[i] = [i + 1];
    }
    for (let i = length; i < count; i++) {
      dependsOn[i] = i < length + fanIn ? [0, ...downward(i, random(2)).filter((d) => d !== 0)] : downward(i, 1 + random(4));
    }
  }
  return names.map((name, i) =>
    noteFor({ index: i, name, layer: layerOf[i], category: categoryOf[i], dependsOn: dependsOn[i].map((d) => names[d]), names, next }),
  );
}

if (require.main === module) {
  const [shape, countText, folder] = process.argv.slice(2);
  if (!VAULT_SHAPES.includes(shape as VaultShape) || !Number(countText) || !folder) {
    console.error(`Usage: tsx bench/vaultShapes.ts <${VAULT_SHAPES.join('|')}> <count> <folder>`);
    process.exit(2);
  }
  writeNotes(folder, vaultNotes(shape as VaultShape, Number(countText)));
}
