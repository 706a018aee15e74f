// Benchmark of the layered layout on a synthetic atlas of 5,000 protocols and 15,000 dependencies.
// Run alone with `npx tsx bench/layout.ts` (prints JSON), or through the bench runner.
import { performance } from 'node:perf_hooks';
import type { ClassifiedLayer, Layer } from '../src/core/vocabulary/model';
import { createDependencyGraph, type DependencyGraph } from '../src/core/graph/dependencyGraph';
import { countCrossings } from './crossings';
import { layeredLayout } from '../src/core/graph/layout';
import { seededRandom, type BenchRow } from './benchRow';


const NODES = 5_000;
const EDGES = 15_000;
const RUNS = 5;
const TARGET_MS = 200;

/** Lowest band first, so "lower" means "more fundamental", as in the article. */
const LEVELS: Layer[] = ['infrastructure', 'middleware', 'model', 'application', 'unclassified'];
const SHARE = [0.2, 0.25, 0.1, 0.4, 0.05];
const CATEGORIES: Record<ClassifiedLayer, string[]> = {
  infrastructure: ['compute', 'storage', 'l1'],
  middleware: ['data', 'agent-framework', 'privacy-computing'],
  model: ['open-model-training'],
  application: ['ai-agent', 'defai'],
};


/**
 * Mostly edges from a protocol to one in a lower layer (the adjacent one more often), some inside
 * a layer (model -> model, framework -> data), a few upward, like notes written by researchers.
 */
export function syntheticAtlas(nodes = NODES, edges = EDGES, seed = 42): DependencyGraph {
  const next = seededRandom(seed);
  const graph = createDependencyGraph();
  const byLevel: string[][] = LEVELS.map(() => []);
  for (let i = 0; i < nodes; i++) {
    let level = 0;
    for (let roll = next(); level < SHARE.length - 1 && roll >= SHARE[level]; level++) roll -= SHARE[level];
    const layer = LEVELS[level];
    const categories = layer === 'unclassified' ? [] : CATEGORIES[layer];
    const key = `notes/${layer}/protocol-${i}.md`;
    graph.addNode(key, { name: `Protocol ${i}`, layer, category: categories.length ? categories[i % categories.length] : undefined });
    byLevel[level].push(key);
  }
  const pick = (list: string[]): string => list[Math.floor(next() * list.length)];
  const populated = byLevel.map((list, level) => (list.length > 0 ? level : -1)).filter((level) => level >= 0);
  let attempts = 0;
  while (graph.size < edges && attempts++ < edges * 20) {
    const from = populated[Math.floor(next() * populated.length)];
    const roll = next();
    let to = from;
    if (roll < 0.8 && from > 0) to = Math.max(0, from - 1 - Math.floor(next() * next() * from));
    else if (roll >= 0.95) to = populated[Math.floor(next() * populated.length)];
    if (byLevel[to].length === 0) continue;
    const source = pick(byLevel[from]);
    const target = pick(byLevel[to]);
    if (source !== target && !graph.hasEdge(source, target)) graph.addEdge(source, target);
  }
  return graph;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function benchLayout(): Promise<BenchRow[]> {
  const graph = syntheticAtlas();
  // One untimed run so the JIT has compiled the sweeps before we measure them.
  layeredLayout(graph);
  const times: number[] = [];
  let layout = layeredLayout(graph);
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    layout = layeredLayout(graph);
    times.push(performance.now() - start);
    // Yield between runs so a runner that shows progress stays responsive.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const ms = Math.round(median(times) * 10) / 10;
  const before = countCrossings(graph, layeredLayout(graph, { sweeps: 0 }));
  const after = countCrossings(graph, layout);
  const share = before === 0 ? 100 : Math.round((after / before) * 1000) / 10;
  const size = `${graph.order.toLocaleString('en')} nodes / ${graph.size.toLocaleString('en')} edges`;
  return [
    { name: `layeredLayout, ${size} (median of ${RUNS})`, value: ms, unit: 'ms', target: `<= ${TARGET_MS} ms`, ok: ms <= TARGET_MS },
    { name: `layeredLayout crossings vs sorted order, ${size}`, value: share, unit: '%', target: '<= 100 %', ok: after <= before },
  ];
}

if (require.main === module) {
  benchLayout().then(
    (results) => console.log(JSON.stringify(results, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
