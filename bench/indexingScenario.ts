// One indexing scenario, run alone in a fresh process so its time and peak memory are its own.
// bench/indexing.ts bundles this file next to the index worker (as dist/ holds cli.js and
// indexWorker.js) and runs it with plain node: what is measured is the code as it ships.
// Usage: node scenario.js '<json: { scenario, folder, cacheFile? }>'; prints one JSON line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Atlas } from '../src/core/atlas';
import { listNotes } from '../src/node/loadNotes';
import { indexFolder } from '../src/node/indexFolder';
import { indexFolderCached } from '../src/node/folderCache';

export type Scenario = 'read' | 'cold' | 'prime' | 'warm' | 'incremental';

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

/** Edits like a researcher's: a sentence in the body, now and then a dependency swapped. */
function incremental(folder: string): ScenarioResult {
  const atlas = new Atlas({ index: indexFolder(folder).index });
  const index = atlas.index;
  const paths = index.paths();
  const names = paths.map((notePath) => index.note(notePath)?.name.value ?? '');
  const times: number[] = [];
  for (let edit = 0; edit < EDITS + 20; edit++) {
    const notePath = paths[(edit * 7919) % paths.length];
    let text = fs.readFileSync(path.join(folder, notePath), 'utf8');
    text = text.replace('\n\n', `\n\nEdited ${edit}: see [[${names[(edit * 104729) % names.length]}]].\n\n`);
    if (edit % 3 === 0) text = text.replace(/depends_on: \[/, `depends_on: ["${names[(edit * 31) % names.length]}", `);
    const editStarted = performance.now();
    index.set(notePath, text);
    // The first 20 warm the JIT; a researcher's first edit comes long after the index was built.
    if (edit >= 20) times.push(performance.now() - editStarted);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return result(median, paths.length, { p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1] });
}

function result(ms: number, notes: number, extra?: Record<string, number>): ScenarioResult {
  // resourceUsage reports kilobytes on Linux and macOS.
  const cpu = process.cpuUsage(cpuStarted);
  return { ms, notes, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, ...(extra && { extra }) };
}

const { scenario, folder, cacheFile } = JSON.parse(process.argv[2] ?? '{}') as { scenario: Scenario; folder: string; cacheFile: string };
process.stdout.write(`${JSON.stringify(run(scenario, folder, cacheFile))}\n`);
