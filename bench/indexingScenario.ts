// One indexing scenario, run alone in a fresh process so its time and peak memory are its own.
// bench/indexing.ts bundles this file (as dist/ holds cli.js) and runs it with plain node: what
// is measured is the code as it ships.
// Usage: node scenario.js '<json: { scenario, folder, cacheFile? }>'; prints one JSON line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { parseNote } from '../src/core/note/parseNote';
import { Atlas } from '../src/core/atlas';
import { listNotes } from '../src/node/loadNotes';
import { indexFolder } from '../src/node/indexFolder';
import { indexFolderCached } from './folderCache';
import { createDependencyGraph } from '../src/core/graph/dependencyGraph';

export type Scenario = 'read' | 'cold' | 'prime' | 'warm' | 'incremental' | 'stat' | 'graph' | 'threads';

export interface ScenarioResult {
  ms: number;
  maxRssMb: number;
  /** CPU time of all the process's threads over the timed part (less moved by other load). */
  cpuMs: number;
  notes: number;
  /** Scenario-specific figures (update times, notes reused from the cache). */
  extra?: Record<string, number>;
}

const EDITS = 200;

let cpuStarted = process.cpuUsage();

function run(scenario: Scenario, folder: string, cacheFile: string): ScenarioResult {
  const started = performance.now();
  cpuStarted = process.cpuUsage();
  if (scenario === 'read') {
    // The floor: the same files read with a readFileSync loop, nothing else (listing not timed).
    const paths = listNotes(folder).paths;
    const readStarted = performance.now();
    cpuStarted = process.cpuUsage();
    let characters = 0;
    for (const relative of paths) characters += fs.readFileSync(path.join(folder, relative), 'utf8').length;
    return result(performance.now() - readStarted, paths.length, { characters });
  }
  if (scenario === 'stat') {
    // Part of the floor of any warm start: finding the notes and checking each file's stamp.
    const paths = listNotes(folder).paths;
    for (const relative of paths) fs.statSync(path.join(folder, relative));
    return result(performance.now() - started, paths.length);
  }
  if (scenario === 'graph') return graphAlone(folder);
  if (scenario === 'threads') return twoThreads(folder);
  if (scenario === 'cold') {
    const { index } = indexFolder(folder);
    return result(performance.now() - started, index.paths().length);
  }
  if (scenario === 'prime' || scenario === 'warm') {
    const cached = indexFolderCached(folder, cacheFile);
    return result(performance.now() - started, cached.index.paths().length, { reused: cached.reused, parsed: cached.parsed });
  }
  return incremental(folder);
}

/**
 * The other part of that floor: the graphology dependency graph of the same notes, built alone
 * (nodes with their attributes, then the resolved edges), with nothing to parse or resolve.
 */
function graphAlone(folder: string): ScenarioResult {
  const built = indexFolder(folder).index.graph;
  const nodes = built.mapNodes((node, attributes) => ({ node, attributes }));
  const edges = built.mapEdges((_edge, _attributes, from, to) => [from, to] as const);
  const started = performance.now();
  cpuStarted = process.cpuUsage();
  const graph = createDependencyGraph();
  for (const { node, attributes } of nodes) graph.addNode(node, attributes);
  for (const [from, to] of edges) graph.addEdge(from, to);
  return result(performance.now() - started, graph.order, { edges: graph.size });
}

const PARSED_PER_THREAD = 2_000;

/** Parse the first notes of the folder: pure computation once their texts are in memory. */
function parseWork(folder: string): () => void {
  const notes = listNotes(folder).paths.slice(0, PARSED_PER_THREAD).map((relative) => ({ relative, text: fs.readFileSync(path.join(folder, relative), 'utf8') }));
  return () => {
    for (let round = 0; round < 5; round++) for (const { relative, text } of notes) parseNote(relative, text);
  };
}

/**
 * What a second thread adds on this machine: the same parsing run on this thread alone, then on
 * this thread and a worker at once (both warmed up, started together). 2 would be two full cores.
 */
function twoThreads(folder: string): ScenarioResult {
  const work = parseWork(folder);
  work();
  work();
  let started = performance.now();
  work();
  const alone = performance.now() - started;
  // flags[0]: 1 once the worker is warm, 2 once it is done; flags[1]: go. Then the worker's time.
  const shared = new SharedArrayBuffer(16);
  const flags = new Int32Array(shared, 0, 2);
  const worker = new Worker(__filename, { workerData: { folder, shared } });
  Atomics.wait(flags, 0, 0, 60_000);
  Atomics.store(flags, 1, 1);
  Atomics.notify(flags, 1);
  started = performance.now();
  work();
  const together = performance.now() - started;
  Atomics.wait(flags, 0, 1, 60_000);
  const workerMs = Atomics.load(flags, 0) === 2 ? new Float64Array(shared, 8, 1)[0] : NaN;
  void worker.terminate();
  const both = Math.max(together, workerMs);
  return result(both, PARSED_PER_THREAD * 2 * 5, { aloneMs: alone, speedup: (2 * alone) / both });
}

/** Edits like a researcher's: a sentence in the body, now and then a dependency swapped. */
function incremental(folder: string): ScenarioResult {
  const atlas = new Atlas({ index: indexFolder(folder).index });
  const index = atlas.index;
  const paths = index.paths();
  const names = paths.map((notePath) => index.note(notePath)?.name.value ?? '');
  const times: number[] = [];
  let first = NaN;
  for (let edit = 0; edit < EDITS + 20; edit++) {
    const notePath = paths[(edit * 7919) % paths.length];
    let text = fs.readFileSync(path.join(folder, notePath), 'utf8');
    text = text.replace('\n\n', `\n\nEdited ${edit}: see [[${names[(edit * 104729) % names.length]}]].\n\n`);
    if (edit % 3 === 0) text = text.replace(/depends_on: \[/, `depends_on: ["${names[(edit * 31) % names.length]}", `);
    const editStarted = performance.now();
    index.set(notePath, text);
    // The first 20 warm the JIT; the very first is reported on its own.
    if (edit === 0) first = performance.now() - editStarted;
    if (edit >= 20) times.push(performance.now() - editStarted);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return result(median, paths.length, { p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1], first });
}

function result(ms: number, notes: number, extra?: Record<string, number>): ScenarioResult {
  // resourceUsage reports kilobytes on Linux and macOS.
  const cpu = process.cpuUsage(cpuStarted);
  return { ms, notes, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, ...(extra && { extra }) };
}

if (isMainThread) {
  const { scenario, folder, cacheFile } = JSON.parse(process.argv[2] ?? '{}') as { scenario: Scenario; folder: string; cacheFile: string };
  process.stdout.write(`${JSON.stringify(run(scenario, folder, cacheFile))}\n`);
} else {
  // The second thread of twoThreads.
  const { folder, shared } = workerData as { folder: string; shared: SharedArrayBuffer };
  const flags = new Int32Array(shared, 0, 2);
  const work = parseWork(folder);
  work();
  work();
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
  Atomics.wait(flags, 1, 0, 60_000);
  const started = performance.now();
  work();
  new Float64Array(shared, 8, 1)[0] = performance.now() - started;
  Atomics.store(flags, 0, 2);
  Atomics.notify(flags, 0);
}
