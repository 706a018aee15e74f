// Indexing benchmark: 1,000 and 10,000 synthetic notes written to a temp folder, then each
// scenario in its own process (bench/indexingScenario.ts, bundled like dist/): the raw read of
// the files, a cold index, a warm start from the index cache, one-note updates. Times are
// compared with the raw read of the same files in the same run, since the machine's speed (and
// what else it is doing) moves both alike. Each scenario runs RUNS times, alternating, median kept.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { syntheticNotes, writeNotes } from './syntheticNotes';
import type { Scenario, ScenarioResult } from './indexingScenario';
import type { BenchRow } from './benchRow';
export type { BenchRow } from './benchRow';


const RUNS = 5;
/**
 * Issue 10 retired the fresh-process targets (cold ≤ 3×, warm ≤ 1.5× the raw read): the figures
 * stay, for context; the CLI benchmark's cold `check` of a 10,000-note DAG (≤ 6× its read floor)
 * and the real extension host's figures are what is judged now.
 */
const retired = (target: number): string => `target retired by issue 10 (was <= ${target}); judged instead: the CLI benchmark's cold check <= 6x the read floor`;
const COLD_TARGET = 3;
const WARM_TARGET = 1.5;
const UPDATE_TARGET_MS = 2;
const RSS_TARGET_MB = 250;

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The scenario script, bundled as dist/ holds cli.js. */
async function bundle(folder: string): Promise<string> {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' } as const;
  const root = path.join(__dirname, '..');
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'bench/indexingScenario.ts')], outfile: path.join(folder, 'scenario.js') });
  return path.join(folder, 'scenario.js');
}

function runScenario(script: string, scenario: Scenario, folder: string, cacheFile: string): ScenarioResult {
  const output = execFileSync(process.execPath, [script, JSON.stringify({ scenario, folder, cacheFile })], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').pop() as string) as ScenarioResult;
}

async function benchCount(script: string, workspace: string, count: number): Promise<BenchRow[]> {
  const folder = path.join(workspace, `notes-${count}`);
  const cacheFile = path.join(workspace, `cache-${count}.json`);
  writeNotes(folder, syntheticNotes(count));
  const label = `${count.toLocaleString('en')} notes`;

  runScenario(script, 'prime', folder, cacheFile);
  const reads: ScenarioResult[] = [];
  const colds: ScenarioResult[] = [];
  const warms: ScenarioResult[] = [];
  const stats: ScenarioResult[] = [];
  const graphs: ScenarioResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternating, so a burst of load elsewhere on the machine touches all of them alike.
    reads.push(runScenario(script, 'read', folder, cacheFile));
    colds.push(runScenario(script, 'cold', folder, cacheFile));
    warms.push(runScenario(script, 'warm', folder, cacheFile));
    stats.push(runScenario(script, 'stat', folder, cacheFile));
    graphs.push(runScenario(script, 'graph', folder, cacheFile));
  }
  const read = median(reads.map((r) => r.ms));
  const cold = median(colds.map((r) => r.ms));
  const warm = median(warms.map((r) => r.ms));
  const reused = Math.min(...warms.map((r) => r.extra?.reused ?? 0));
  const cpu = (results: ScenarioResult[]): number => median(results.map((r) => r.cpuMs));
  const coldRatio = cold / read;
  const warmRatio = warm / read;
  const rss = Math.max(...colds.map((r) => r.maxRssMb), ...warms.map((r) => r.maxRssMb));
  const cacheMb = fs.statSync(cacheFile).size / 2 ** 20;
  const info = (name: string, value: number, unit: string, digits = 1): BenchRow => ({ name, value: round(value, digits), unit, target: 'report', ok: true });
  const rows: BenchRow[] = [
    info(`raw read (readFileSync loop), ${label} (median of ${RUNS})`, read, 'ms'),
    info(`cold index, ${label} (list, read, parse, index)`, cold, 'ms'),
    { name: `cold index / raw read, ${label}`, value: round(coldRatio), unit: 'x', target: 'report', ok: true, note: retired(COLD_TARGET) },
    info(`warm start from the index cache, ${label} (${reused.toLocaleString('en')} notes reused)`, warm, 'ms'),
    { name: `warm start / raw read, ${label}`, value: round(warmRatio), unit: 'x', target: 'report', ok: true, note: retired(WARM_TARGET) },
    info(`index cache size, ${label}`, cacheMb, 'MB'),
    info(`CPU time of all threads, raw read, ${label}`, cpu(reads), 'ms'),
    info(`CPU time, cold index, ${label}`, cpu(colds), 'ms'),
    info(`CPU time, warm start, ${label}`, cpu(warms), 'ms'),
    info(`floor of a warm start: list + stat every note, ${label} / raw read`, median(stats.map((r) => r.ms)) / read, 'x', 2),
    info(`floor: the graphology dependency graph alone (${graphs[0].notes.toLocaleString('en')} nodes, ${(graphs[0].extra?.edges ?? 0).toLocaleString('en')} edges), ${label} / raw read`, median(graphs.map((r) => r.ms)) / read, 'x', 2),
    { name: `peak RSS, cold or warm index of ${label}`, value: round(rss, 0), unit: 'MB', target: `<= ${RSS_TARGET_MB}`, ok: rss <= RSS_TARGET_MB },
  ];
  if (count >= 10_000) {
    const threads = [0, 1, 2].map(() => runScenario(script, 'threads', folder, cacheFile).extra?.speedup ?? NaN);
    rows.push(info('work done by two threads at once / by one (each parsing 2,000 notes five times; 2 = two whole cores)', median(threads), 'x', 2));
    const update = runScenario(script, 'incremental', folder, cacheFile);
    const ms = update.ms;
    rows.push(
      { name: `one-note update (index + atlas), median of 200 edits, ${label}`, value: round(ms, 3), unit: 'ms', target: `<= ${UPDATE_TARGET_MS}`, ok: ms <= UPDATE_TARGET_MS },
      info('one-note update p95', update.extra?.p95 ?? NaN, 'ms'),
      info('the first edit after the build (JIT still cold)', update.extra?.first ?? NaN, 'ms', 2),
      { name: `peak RSS, index of ${label} and 200 edits`, value: round(update.maxRssMb, 0), unit: 'MB', target: `<= ${RSS_TARGET_MB}`, ok: update.maxRssMb <= RSS_TARGET_MB },
    );
  }
  return rows;
}

export async function benchIndexing(counts: readonly number[] = [1_000, 10_000]): Promise<BenchRow[]> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-bench-'));
  try {
    const script = await bundle(workspace);
    const rows: BenchRow[] = [];
    for (const count of counts) rows.push(...(await benchCount(script, workspace, count)));
    return rows;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchIndexing().then(
    (rows) => console.log(JSON.stringify(rows, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
